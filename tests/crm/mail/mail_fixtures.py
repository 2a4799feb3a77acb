"""Fixtures for the mail tests (conftest here and the command line's and the app's tests
import them): a certificate authority made for the test, SMTP servers on 127.0.0.1
(STARTTLS, implicit TLS, plain) and an in-memory keyring."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crm.mail.config import STARTTLS, MailSettings
from tests.crm.mail.mail_server import HOST, USER, MailServer, server_context, start_server
from tests.crm.mail.mail_tls import Authority, issue_server_certificate, make_authority
from tests.crm.mail.memory_keyring import MemoryKeyring, use_keyring

# A marker that must never be found anywhere but in the keyring and on the wire inside TLS.
SECRET = "Marker-Secret-7f3c9a-Passwort-ÄÖÜ"


@dataclass(frozen=True)
class Certificates:
    authority: Authority
    ca_file: Path
    good: tuple[Path, Path]  # for 127.0.0.1 and localhost
    wrong_name: tuple[Path, Path]  # for mail.other.example
    untrusted: tuple[Path, Path]  # for 127.0.0.1, from an authority nobody trusts


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from crm.db.database import Database

    path = tmp_path_factory.mktemp("template") / "office.sqlite"
    Database.open(path).close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "office.sqlite"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture(autouse=True)
def quiet_server_log(caplog: pytest.LogCaptureFixture) -> None:
    """aiosmtpd warns of its own deprecated attribute at every login."""
    caplog.set_level("ERROR", logger="mail.log")


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    folder = tmp_path_factory.mktemp("certificates")
    authority = make_authority()
    stranger = make_authority("Unknown Authority")
    return Certificates(
        authority=authority,
        ca_file=authority.write(folder / "office-ca.pem"),
        good=issue_server_certificate(authority, folder, (HOST, "localhost"), "good"),
        wrong_name=issue_server_certificate(authority, folder, ("mail.other.example",), "wrong"),
        untrusted=issue_server_certificate(stranger, folder, (HOST, "localhost"), "stranger"),
    )


def serve(mode: str, pair: tuple[Path, Path] | None) -> Iterator[MailServer]:
    context = server_context(*pair) if pair is not None else None
    server = start_server(SECRET, mode=mode, context=context)
    yield server
    server.stop()


@pytest.fixture
def starttls_server(certificates: Certificates) -> Iterator[MailServer]:
    yield from serve("starttls", certificates.good)


@pytest.fixture
def tls_server(certificates: Certificates) -> Iterator[MailServer]:
    yield from serve("tls", certificates.good)


@pytest.fixture
def wrong_name_server(certificates: Certificates) -> Iterator[MailServer]:
    yield from serve("starttls", certificates.wrong_name)


@pytest.fixture
def untrusted_server(certificates: Certificates) -> Iterator[MailServer]:
    yield from serve("starttls", certificates.untrusted)


@pytest.fixture
def plain_server() -> Iterator[MailServer]:
    yield from serve("plain", None)


def settings_for(
    server: MailServer, certificates: Certificates, security: str = STARTTLS, **changes: str
) -> MailSettings:
    values: dict[str, object] = {
        "server": HOST,
        "port": server.port,
        "security": security,
        "user": USER,
        "sender": "referat@leipzig.example",
        "sender_name": "Referat Internationale Zusammenarbeit",
        "ca_file": str(certificates.ca_file),
    }
    values.update(changes)
    return MailSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def keyring_memory() -> Iterator[MemoryKeyring]:
    with use_keyring(MemoryKeyring()) as backend:
        yield backend
