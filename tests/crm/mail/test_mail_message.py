"""Composing: a proper MIME message in UTF-8, names and file names in any script."""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from crm.mail.errors import MailError
from crm.mail.message import MailDraft, compose, format_address, parse_recipients

SENDER = "referat@leipzig.example"


def parse(data: bytes):  # type: ignore[no-untyped-def]
    return BytesParser(policy=policy.default).parsebytes(data)


def test_headers_body_and_attachments_in_any_script(tmp_path: Path) -> None:
    pdf = tmp_path / "Partnerschaftsübersicht – Київ 上海.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 50)
    sheet = tmp_path / "Kontakte.csv"
    sheet.write_text("Name;Telefon\nBērziņa;+371 6 34 04789\n", encoding="utf-8-sig")
    composed = compose(
        MailDraft(
            to=["Inese Bērziņa <inese@liepaja.example>", "olena@kyiv.example"],
            cc=["Müller, Hans <hans@müller.example>"],
            bcc=["archiv@leipzig.example"],
            subject="Besuch der Delegation aus Київ – Programm",
            body="Sehr geehrte Frau Bērziņa,\n\nanbei das Programm.\n\nMit freundlichen Grüßen",
            attachments=[pdf, sheet],
        ),
        SENDER,
        "Referat Internationale Zusammenarbeit",
    )
    wire = composed.wire_bytes()
    assert wire.isascii()
    assert b"\r\n" in wire and b"\n" not in wire.replace(b"\r\n", b"")
    message = parse(wire)
    assert message["Subject"] == "Besuch der Delegation aus Київ – Programm"
    assert message["From"].addresses[0].display_name == "Referat Internationale Zusammenarbeit"
    assert [a.addr_spec for a in message["To"].addresses] == [
        "inese@liepaja.example",
        "olena@kyiv.example",
    ]
    cc = message["Cc"].addresses[0]
    assert cc.display_name == "Müller, Hans"
    assert cc.addr_spec == "hans@xn--mller-kva.example"  # the domain in ASCII (IDNA)
    assert message["Bcc"] is None  # Bcc recipients are in the envelope only
    assert "archiv@leipzig.example" in composed.envelope_to
    assert message["Date"] is not None and message["Message-ID"].endswith("@leipzig.example>")
    assert message["MIME-Version"] == "1.0"
    body = message.get_body(("plain",))
    assert body is not None and body.get_content().startswith("Sehr geehrte Frau Bērziņa,")
    assert body["Content-Transfer-Encoding"] == "quoted-printable"
    parts = list(message.iter_attachments())
    assert [part.get_filename() for part in parts] == [pdf.name, sheet.name]
    assert parts[0].get_content_type() == "application/pdf"
    assert parts[0].get_content() == pdf.read_bytes()
    assert parts[1].get_content_type() == "text/csv"
    # RFC 2231: the name as UTF-8, percent-encoded (continued over lines when long)
    assert re.search(rb"filename\*(0\*)?=utf-8''Partnerschafts%C3%BCbersicht", wire)
    assert all(part["MIME-Version"] is None for part in message.iter_parts())


def test_plain_ascii_body_stays_readable() -> None:
    composed = compose(MailDraft(to=["a@b.example"], subject="Hello", body="Hello"), SENDER)
    message = parse(composed.wire_bytes())
    assert message["Content-Transfer-Encoding"] == "7bit"
    assert message.get_content().replace("\r\n", "\n") == "Hello\n"


def test_addresses_separated_by_commas_or_semicolons() -> None:
    found = parse_recipients(['"Koval, Olena" <olena@kyiv.example>; a@b.example, c@d.example'])
    assert [r.address for r in found] == ["olena@kyiv.example", "a@b.example", "c@d.example"]
    assert found[0].name == "Koval, Olena"
    unquoted = parse_recipients(["Müller, Hans <hans@leipzig.example>, a@b.example"])
    assert [(r.name, r.address) for r in unquoted] == [
        ("Müller, Hans", "hans@leipzig.example"),
        ("", "a@b.example"),
    ]
    assert format_address("Koval, Olena", "olena@kyiv.example") == (
        '"Koval, Olena" <olena@kyiv.example>'
    )
    assert format_address("Олена Коваль", "o@k.example") == "Олена Коваль <o@k.example>"


@pytest.mark.parametrize("address", ["not an address", "a@", "@b.example", "a b@c.example"])
def test_a_bad_address_is_refused(address: str) -> None:
    with pytest.raises(MailError, match="not an email address"):
        compose(MailDraft(to=[address]), SENDER)


def test_no_recipient_is_refused_for_sending_but_not_for_a_draft() -> None:
    with pytest.raises(MailError, match="at least one recipient"):
        compose(MailDraft(subject="x"), SENDER)
    assert compose(MailDraft(subject="x"), SENDER, require_recipients=False).to == ()


def test_a_missing_attachment_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MailError, match="no file to attach"):
        compose(MailDraft(to=["a@b.example"], attachments=[tmp_path / "gone.pdf"]), SENDER)
    with pytest.raises(MailError, match="no file to attach"):
        compose(MailDraft(to=["a@b.example"], attachments=[tmp_path]), SENDER)


def test_a_local_part_beyond_ascii_needs_smtputf8() -> None:
    composed = compose(MailDraft(to=["jürgen@example.org"], subject="Grüße"), SENDER)
    assert composed.smtputf8
    assert "jürgen@example.org".encode() in composed.wire_bytes()
