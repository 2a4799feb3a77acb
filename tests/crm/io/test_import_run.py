"""Importing for real: the records stored as the services store them, duplicates and the
user's choices, the dry run, and all or nothing when something goes wrong halfway."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from crm.db.database import Database
from crm.db.models import Affiliation, Change, ContactPoint, Operation, Organisation, Person
from crm.io import import_write
from crm.io.import_check import Action, ImportPlan, plan_import
from crm.io.import_report import ImportReport
from crm.io.import_source import open_source, source_records
from crm.io.import_write import dry_run, run_import
from crm.search.query import search
from crm.search.rebuild import rebuild_index
from crm.services import organisations, people
from crm.services.contact_points import ContactPointInput
from crm.services.duplicates import EMAIL, NAME, organisation_duplicates, person_duplicates
from crm.services.errors import ServiceError
from crm.services.office import OfficeProfile, save_profile
from crm.services.organisations import OrganisationInput, create_organisation
from crm.services.people import PersonInput, create_person, get_person
from crm.services.progress import Cancelled, Progress
from crm.services.trash import undo_last
from crm.services.unit import write

DATA = Path(__file__).resolve().parent / "data"


def plan_file(db: Database, name: str, kind: str = "people") -> ImportPlan:
    source = open_source(DATA / name) if "/" not in name else open_source(Path(name))
    return plan_import(db, source_records(source, kind), kind, source.name, format=source.format)


def import_file(db: Database, name: str, kind: str = "people") -> ImportReport:
    return run_import(db, plan_file(db, name, kind))


@dataclass(frozen=True)
class Counts:
    people: int
    organisations: int
    contacts: int
    operations: int
    changes: int
    index: int


def counts(db: Database) -> Counts:
    with db.read() as session:

        def count(model: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        index = session.execute(text("SELECT count(*) FROM search_records")).scalar_one()
        return Counts(
            count(Person),
            count(Organisation),
            count(ContactPoint),
            count(Operation),
            count(Change),
            int(index),
        )


def index_rows(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return list(
            session.execute(
                text("SELECT rowid, name, body, label, detail FROM search_records ORDER BY rowid")
            )
        )


def test_outlook_vcards_are_stored_as_the_services_store_them(db: Database) -> None:
    report = import_file(db, "outlook_21.vcf")
    assert (report.count(Action.CREATE), report.count(Action.REJECT)) == (3, 0)
    assert report.new_organisations == [
        "Stadt Leipzig",
        "Wissenschaftsstadt Darmstadt",
        "Liepājas pilsētas pašvaldības administrācija",
    ]
    assert report.photos == 1
    goldfuss_id = report.entries[0].record_id
    assert goldfuss_id is not None
    goldfuss = get_person(db, goldfuss_id)
    assert (goldfuss.title, goldfuss.given_name, goldfuss.family_name) == (
        "Dr.",
        "Gabriele",
        "Goldfuß",
    )
    assert goldfuss.function == "Leiterin des Referats"
    assert goldfuss.country == "DE"  # from the address: "Deutschland"
    assert [(p.kind, p.normalized, p.label, p.is_primary) for p in goldfuss.contact_points] == [
        ("phone", "+493411232020", "office", True),
        ("fax", "+493411232025", "office", True),
        ("email", "gabriele.goldfuss@leipzig.de", None, True),
    ]
    assert goldfuss.addresses[0].country == "DE" and goldfuss.addresses[0].is_primary
    (affiliation,) = goldfuss.affiliations
    assert affiliation.organisation_name == "Stadt Leipzig"
    assert affiliation.function == "Leiterin des Referats"
    assert affiliation.is_primary
    natalja = get_person(db, report.entries[2].record_id or 0)
    # "+ 371 6 34 04789" is read as written: a Latvian number in a German office.
    assert natalja.contact_points[0].normalized == "+37163404789"
    assert natalja.country == "LV"

    # One operation, named after the file, with a create per record (the history of each).
    with db.read() as session:
        operation = session.scalars(select(Operation)).one()
        assert operation.label == "Import 3 people from outlook_21.vcf"
        changes = {(c.entity, c.entity_id): c for c in operation.changes}
        assert len(changes) == 6  # three people, three organisations
        for entry in report.entries:
            person = session.get(Person, entry.record_id)
            stored = json.loads(changes["person", entry.record_id or 0].new_values or "")
            assert stored == json.loads(json.dumps(people.snapshot(person)))  # type: ignore[arg-type]
        for organisation in session.scalars(select(Organisation)):
            stored = json.loads(changes["organisation", organisation.id].new_values or "")
            assert stored == organisations.snapshot(organisation)
    assert report.changes is not None and report.changes.created["person"] == {
        entry.record_id for entry in report.entries
    }

    # The search index holds exactly what the services would have written.
    written = index_rows(db)
    with write(db, "rebuild") as unit:
        rebuild_index(unit.session)
    assert index_rows(db) == written
    assert [hit.name for hit in search(db, "goldfuss")] == ["Dr. Gabriele Goldfuß"]
    assert {hit.name for hit in search(db, "liepajas")} >= {"Natalja Vecvagare"}


def test_undo_takes_the_whole_import_back(db: Database) -> None:
    before = counts(db)
    import_file(db, "android_21.vcf")
    changes = undo_last(db)
    assert changes.label == "Undo: Import 3 people from android_21.vcf"
    assert len(changes.deleted["person"]) == 3
    assert search(db, "berzina") == []
    with db.read() as session:
        live = select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))
        assert session.scalar(live) == before.people


def test_rejected_records_with_their_lines_and_reasons(db: Database) -> None:
    report = import_file(db, "excel_de.csv")
    entries = {entry.line: entry for entry in report.entries}
    assert [entries[line].action for line in (2, 3, 4, 5)] == [
        "create",
        "reject",
        "reject",
        "reject",
    ]
    assert entries[3].reason.startswith("“sophie.weiss@leipzig” is not an email address")
    assert entries[4].reason == "The record has no name."
    assert entries[5].reason == "“12” is not a possible phone number (too short or too long)."
    text_report = report.text()
    assert "Line 3: rejected – Dr. Sophie Weiß – “sophie.weiss@leipzig” is not" in text_report
    baerwald = get_person(db, entries[2].record_id or 0)
    assert baerwald.country == "DE"  # "Deutschland" in the Land column
    assert baerwald.contact_points[1].normalized == "+493411232031"


def test_broken_cards_rejected_the_rest_imported(db: Database) -> None:
    report = import_file(db, "broken.vcf")
    assert [(e.number, e.action) for e in report.entries] == [
        (1, "create"),
        (2, "reject"),
        (3, "create"),
        (4, "create"),
        (5, "reject"),
    ]
    assert report.entries[2].warnings == (
        "Line 20: the photo cannot be read (it is not valid base64); it was left out.",
    )
    bergstrom = get_person(db, report.entries[3].record_id or 0)
    assert bergstrom.languages == "sv" and bergstrom.country == "SE"


def test_a_ten_megabyte_photo_does_not_stop_the_import(db: Database, tmp_path: Path) -> None:
    photo = "/9j/" + "A" * (10 * 1024 * 1024)
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    path = tmp_path / "photo.vcf"
    path.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ek;Karin\r\nPHOTO;ENCODING=b:{folded}\r\n"
        "EMAIL:karin.ek@gov.se\r\nEND:VCARD\r\n",
        encoding="ascii",
    )
    report = import_file(db, str(path))
    assert [e.action for e in report.entries] == ["create"] and report.photos == 1
    assert "1 photo was left out: Liaison keeps no photos." in report.text()


def test_google_csv_and_the_utf16_file(db: Database) -> None:
    report = import_file(db, "google_contacts.csv")
    assert [e.action for e in report.entries] == ["create", "create", "create", "reject"]
    nkosi = get_person(db, report.entries[1].record_id or 0)
    assert [(p.kind, p.label) for p in nkosi.contact_points] == [
        ("email", "office"),
        ("email", "private"),
        ("phone", "office"),
        ("mobile", None),
    ]
    assert nkosi.addresses[0].country == "ZA"
    report = import_file(db, "kontakte_unicode.txt")
    assert [e.action for e in report.entries] == ["create"] * 4
    koval = get_person(db, report.entries[0].record_id or 0)
    assert koval.affiliations[0].organisation_name == "Київська міська державна адміністрація"
    assert koval.country == "UA"
    assert search(db, "київська")


def test_duplicates_exact_and_by_name(db: Database) -> None:
    existing, _changes = create_person(
        db,
        PersonInput(
            family_name="Reinhardt",
            given_name="Klaus",
            function="Referent",
            contact_points=[ContactPointInput("email", "klaus.reinhardt@darmstadt.de")],
        ),
    )
    namesake, _changes = create_person(db, PersonInput(family_name="Vecvagare", given_name="N."))
    same_name, _changes = create_person(
        db, PersonInput(family_name="Vecvagare", given_name="Natalja", function="Director")
    )
    plan = plan_file(db, "outlook_21.vcf")
    goldfuss, reinhardt, vecvagare = plan.records
    assert goldfuss.duplicates == [] and goldfuss.action == Action.CREATE
    assert [(d.id, d.reasons) for d in reinhardt.duplicates] == [(existing, (NAME, EMAIL))]
    assert reinhardt.action == Action.SKIP and reinhardt.exact
    assert [(d.id, d.reasons) for d in vecvagare.duplicates] == [(same_name, (NAME,))]
    assert vecvagare.action == Action.CREATE  # a similar name alone may be someone else
    assert namesake not in [d.id for d in vecvagare.duplicates]
    # The same answers as the editor's check, record by record.
    for planned in plan.records:
        assert planned.values is not None
        data = PersonInput(
            family_name=planned.values["family_name"],
            given_name=planned.values["given_name"],
            contact_points=[
                ContactPointInput(p["kind"], p["value"]) for p in planned.values["contact_points"]
            ],
        )
        assert planned.duplicates == person_duplicates(db, data)

    # The user updates Reinhardt instead of skipping him.
    reinhardt.choose(Action.UPDATE)
    report = run_import(db, plan)
    assert [e.action for e in report.entries] == ["create", "update", "create"]
    assert report.entries[1].reason == "into “Klaus Reinhardt”"
    klaus = get_person(db, existing)
    assert klaus.function == "Referent Städtepartnerschaften"  # the file's value replaces it
    assert [p.normalized for p in klaus.contact_points] == [
        "klaus.reinhardt@darmstadt.de",  # kept, not doubled
        "+496151132275",
        "+491714402318",
    ]
    assert klaus.addresses[0].city == "Darmstadt"
    assert klaus.affiliations[0].organisation_name == "Wissenschaftsstadt Darmstadt"
    with db.read() as session:
        operation = session.scalars(select(Operation).order_by(Operation.id.desc())).first()
        assert operation is not None
        assert operation.label == "Import 3 people from outlook_21.vcf"
        actions = sorted((c.entity, c.action) for c in operation.changes)
    assert actions.count(("person", "update")) == 1
    assert actions.count(("person", "create")) == 2


def test_the_same_contact_twice_in_one_file(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        "Nachname;Vorname;E-Mail\nOzols;Kārlis;karlis.ozols@dome.liepaja.lv\n"
        "Ozols;Karlis;KARLIS.OZOLS@dome.liepaja.lv\n",
        encoding="utf-8",
    )
    plan = plan_file(db, str(path))
    assert [(r.action, r.same_as_line) for r in plan.records] == [
        (Action.CREATE, None),
        (Action.SKIP, 2),
    ]
    assert plan.records[1].choices() == [Action.CREATE, Action.SKIP]
    report = run_import(db, plan)
    assert report.entries[1].reason == "the same email address as the record on line 2"


def test_organisations(db: Database, tmp_path: Path) -> None:
    existing, _changes = create_organisation(
        db, OrganisationInput(name="Rīgas pilsētas dome", name_latin="Riga City Council")
    )
    path = tmp_path / "orgs.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Bergen kommune\r\nORG:Bergen kommune\r\n"
        "X-ABSHOWAS:COMPANY\r\nNICKNAME:BK\r\nTEL;TYPE=WORK,VOICE:+47 55 56 55 56\r\n"
        "ADR;TYPE=WORK:;;Rådhusgaten 10;Bergen;;5014;Norwegen\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Riga City Council\r\nORG:Riga City Council\r\n"
        "X-ABSHOWAS:COMPANY\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    as_people = plan_file(db, str(path))
    assert as_people.records[0].errors == [
        "This card describes an organisation; import it as organisations."
    ]
    plan = plan_file(db, str(path), "organisations")
    _bergen, riga = plan.records
    assert [(d.id, d.reasons) for d in riga.duplicates] == [(existing, (NAME,))]
    assert riga.duplicates == organisation_duplicates(
        db, OrganisationInput(name="Riga City Council")
    )
    riga.choose(Action.SKIP)
    report = run_import(db, plan)
    assert report.title() == "Import of organisations from orgs.vcf"
    detail = organisations.get_organisation(db, report.entries[0].record_id or 0)
    assert (detail.name, detail.short_name, detail.city, detail.country) == (
        "Bergen kommune",
        "BK",
        "Bergen",
        "NO",
    )
    assert detail.contact_points[0].normalized == "+4755565556"
    assert [hit.name for hit in search(db, "bergen")] == ["Bergen kommune"]


def test_a_dry_run_stores_nothing(db: Database) -> None:
    before = counts(db)
    plan = plan_file(db, "outlook_21.vcf")
    report = dry_run(plan)
    assert report.dry_run and report.count(Action.CREATE) == 3
    assert report.summary() == "To create: 3 · To update: 0 · To skip: 0 · Rejected: 0"
    assert "Dry run: nothing was stored." in report.text()
    assert "would create" in report.text()
    assert counts(db) == before


def test_an_error_halfway_leaves_the_database_as_it_was(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_file(db, "android_21.vcf")
    before = counts(db)
    rows_before = index_rows(db)
    monkeypatch.setattr(import_write, "BATCH", 1)
    calls = []
    real_create = import_write._Writer.create

    def failing_create(self: Any, batch: Any) -> list[int]:
        calls.append(len(batch))
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return real_create(self, batch)

    monkeypatch.setattr(import_write._Writer, "create", failing_create)
    with pytest.raises(RuntimeError, match="the disk is full"):
        import_file(db, "outlook_21.vcf")
    assert calls == [1, 1]
    assert counts(db) == before
    assert index_rows(db) == rows_before


def test_cancel_halfway_leaves_the_database_as_it_was(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(db)
    monkeypatch.setattr(import_write, "BATCH", 1)

    class CancelAfterOne(Progress):
        def advance(self, count: int = 1, text: str | None = None) -> None:
            super().advance(count, text)
            self.cancel()

    plan = plan_file(db, "outlook_21.vcf")
    with pytest.raises(Cancelled):
        run_import(db, plan, CancelAfterOne())
    assert counts(db) == before


def test_an_update_of_a_record_gone_meanwhile_stores_nothing(db: Database) -> None:
    existing, _changes = create_person(
        db,
        PersonInput(
            family_name="Reinhardt",
            contact_points=[ContactPointInput("email", "klaus.reinhardt@darmstadt.de")],
        ),
    )
    plan = plan_file(db, "outlook_21.vcf")
    plan.records[1].choose(Action.UPDATE)
    from crm.services.trash import delete_to_trash

    delete_to_trash(db, "person", existing)
    before = counts(db)
    with pytest.raises(ServiceError, match="line 36 no longer exists"):
        run_import(db, plan)
    assert counts(db) == before


def test_phones_are_read_in_the_office_country(db: Database, tmp_path: Path) -> None:
    save_profile(db, OfficeProfile(country="LV"))
    path = tmp_path / "liepaja.csv"
    path.write_text("Family name,Given name,Phone\nKalniņa,Anna,6 34 04 790\n", encoding="utf-8")
    report = import_file(db, str(path))
    anna = get_person(db, report.entries[0].record_id or 0)
    assert anna.contact_points[0].normalized == "+37163404790"


def test_organisations_of_people_are_found_by_name(db: Database, tmp_path: Path) -> None:
    leipzig, _changes = create_organisation(db, OrganisationInput(name="Stadt Leipzig"))
    path = tmp_path / "leipzig.csv"
    path.write_text(
        "Nachname;Vorname;Firma;Position\nBärwald;Jürgen;STADT LEIPZIG;Protokoll\n",
        encoding="utf-8",
    )
    report = import_file(db, str(path))
    assert report.new_organisations == []
    with db.read() as session:
        affiliation = session.scalars(select(Affiliation)).one()
        assert affiliation.organisation_id == leipzig
        assert affiliation.function == "Protokoll"
