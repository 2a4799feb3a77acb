"""Sending against aiosmtpd on 127.0.0.1 with TLS from a certificate authority made here:
verified, byte for byte; anything unverified fails before the password is sent."""

from __future__ import annotations

import pytest

from crm.mail.config import STARTTLS, TLS
from crm.mail.errors import SendFailed
from crm.mail.message import MailDraft, compose
from crm.mail.transport import deliver
from tests.crm.mail.mail_fixtures import SECRET, Certificates, settings_for
from tests.crm.mail.mail_server import HOST, USER, MailServer, free_port


def _composed(**changes: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "to": ["inese@liepaja.example"],
        "cc": ["olena@kyiv.example"],
        "bcc": ["archiv@leipzig.example"],
        "subject": "Programm für Київ",
        "body": "Grüße aus Leipzig.\n.\n..a line that starts with dots\n",
    }
    values.update(changes)
    return compose(MailDraft(**values), "referat@leipzig.example", "Referat IZ")  # type: ignore[arg-type]


@pytest.mark.parametrize("security", [STARTTLS, TLS])
def test_verified_sending_arrives_byte_for_byte(
    security: str,
    certificates: Certificates,
    starttls_server: MailServer,
    tls_server: MailServer,
) -> None:
    server = starttls_server if security == STARTTLS else tls_server
    composed = _composed()
    refused = deliver(settings_for(server, certificates, security), composed, SECRET)
    assert refused == {}
    [received] = server.messages
    assert received.data == composed.wire_bytes()
    assert received.sender == "referat@leipzig.example"
    assert received.recipients == [
        "inese@liepaja.example",
        "olena@kyiv.example",
        "archiv@leipzig.example",
    ]
    assert b"archiv@" not in received.data  # Bcc only in the envelope
    assert len(server.auth_commands) == 1
    assert server.recorder.logins == [("PLAIN", USER)]


def test_a_certificate_for_another_name_fails_before_the_password(
    certificates: Certificates, wrong_name_server: MailServer
) -> None:
    with pytest.raises(SendFailed) as failure:
        deliver(settings_for(wrong_name_server, certificates), _composed(), SECRET)
    assert failure.value.certificate
    assert "made out to another name" in str(failure.value)
    assert "not even the password" in str(failure.value)
    assert wrong_name_server.auth_commands == []
    assert wrong_name_server.messages == []


def test_an_untrusted_certificate_fails_before_the_password(
    certificates: Certificates, untrusted_server: MailServer
) -> None:
    with pytest.raises(SendFailed) as failure:
        deliver(settings_for(untrusted_server, certificates), _composed(), SECRET)
    assert failure.value.certificate
    assert "authority this computer does not trust" in str(failure.value)
    assert untrusted_server.auth_commands == []
    assert untrusted_server.messages == []


def test_the_system_authorities_do_not_trust_the_test_authority(
    certificates: Certificates, starttls_server: MailServer
) -> None:
    mail = settings_for(starttls_server, certificates, ca_file="")
    with pytest.raises(SendFailed, match="does not trust"):
        deliver(mail, _composed(), SECRET)
    assert starttls_server.auth_commands == []


def test_implicit_tls_with_an_untrusted_certificate_fails(
    certificates: Certificates, tls_server: MailServer
) -> None:
    mail = settings_for(tls_server, certificates, TLS, ca_file="")
    with pytest.raises(SendFailed, match="does not trust"):
        deliver(mail, _composed(), SECRET)
    assert tls_server.auth_commands == []


def test_aserver_without_starttls_is_refused(
    certificates: Certificates, plain_server: MailServer
) -> None:
    with pytest.raises(SendFailed, match="STARTTLS") as failure:
        deliver(settings_for(plain_server, certificates), _composed(), SECRET)
    assert "not even the password" in str(failure.value)
    assert plain_server.auth_commands == []
    assert plain_server.messages == []


def test_tls_against_a_plain_port_explains_the_port(
    certificates: Certificates, plain_server: MailServer
) -> None:
    with pytest.raises(SendFailed, match="port"):
        deliver(settings_for(plain_server, certificates, TLS), _composed(), SECRET)
    assert plain_server.auth_commands == []


def test_a_wrong_password_is_said_so(
    certificates: Certificates, starttls_server: MailServer
) -> None:
    with pytest.raises(SendFailed, match="did not accept the user name") as failure:
        deliver(settings_for(starttls_server, certificates), _composed(), "wrong")
    assert failure.value.password_rejected
    assert starttls_server.messages == []


def test_nothing_listening(certificates: Certificates, starttls_server: MailServer) -> None:
    mail = settings_for(starttls_server, certificates, port=free_port())  # type: ignore[arg-type]
    with pytest.raises(SendFailed, match=f"Nothing answers at {HOST}"):
        deliver(mail, _composed(), SECRET)


def test_a_ca_file_that_is_not_a_certificate(
    certificates: Certificates, starttls_server: MailServer, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "ca.pem"
    bogus.write_text("not a certificate")
    from crm.mail.errors import MailError

    with pytest.raises(MailError, match="cannot be used"):
        deliver(
            settings_for(starttls_server, certificates, ca_file=str(bogus)), _composed(), SECRET
        )
    assert starttls_server.auth_commands == []


def test_an_ascii_password_goes_through_smtplib_login(certificates: Certificates) -> None:
    from tests.crm.mail.mail_fixtures import serve

    serving = serve("starttls", certificates.good)
    server = next(serving)
    server.recorder.password = "plain-ascii-pw"
    try:
        with pytest.raises(SendFailed, match="did not accept"):
            deliver(settings_for(server, certificates), _composed(), "wrong-pw")
        deliver(settings_for(server, certificates), _composed(), "plain-ascii-pw")
        assert len(server.messages) == 1
    finally:
        next(serving, None)
