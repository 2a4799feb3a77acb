"""crm.secrets: secrets only in a safe keyring, one service name per kind of secret."""

from __future__ import annotations

import pytest
from keyring.backends import fail, null

from crm import secrets
from crm.secrets import (
    DATABASE_SERVER,
    MAIL,
    KeyringKind,
    SecretNotKept,
    forget_secret,
    forget_secret_if_kept,
    keep_secret,
    keyring_state,
    load_secret,
    store_secret,
)
from tests.crm.mail.memory_keyring import (
    LowPriorityKeyring,
    MemoryKeyring,
    PlaintextKeyring,
    use_keyring,
)

ACCOUNT = "liaison@db.leipzig.example:5432/office"


def test_each_kind_of_secret_has_its_own_service() -> None:
    backend = MemoryKeyring()
    with use_keyring(backend):
        assert keyring_state().usable
        assert store_secret(DATABASE_SERVER, ACCOUNT, "server-pw")
        assert store_secret(MAIL, ACCOUNT, "mail-pw")
        assert load_secret(DATABASE_SERVER, ACCOUNT) == "server-pw"
        assert load_secret(MAIL, ACCOUNT) == "mail-pw"
        forget_secret(DATABASE_SERVER, ACCOUNT)
        assert load_secret(DATABASE_SERVER, ACCOUNT) is None
        assert load_secret(MAIL, ACCOUNT) == "mail-pw"
        forget_secret(DATABASE_SERVER, ACCOUNT)  # nothing kept: quietly nothing
        assert not forget_secret_if_kept(DATABASE_SERVER, ACCOUNT)
        assert forget_secret_if_kept(MAIL, ACCOUNT)
    assert backend.secrets == {}


@pytest.mark.parametrize("backend", [PlaintextKeyring(), LowPriorityKeyring()])
def test_plain_text_keyrings_are_refused(backend: MemoryKeyring) -> None:
    backend.set_password(DATABASE_SERVER, ACCOUNT, "planted")
    with use_keyring(backend):
        state = keyring_state()
        assert state.kind is KeyringKind.PLAIN_TEXT and not state.usable
        assert "plain text" in state.explanation()
        assert not store_secret(DATABASE_SERVER, ACCOUNT, "s3cret")
        with pytest.raises(SecretNotKept, match="plain text") as raised:
            keep_secret(DATABASE_SERVER, ACCOUNT, "s3cret")
        assert raised.value.state.kind is KeyringKind.PLAIN_TEXT
        assert load_secret(DATABASE_SERVER, ACCOUNT) is None  # not even read from there
        forget_secret(DATABASE_SERVER, ACCOUNT)
    assert backend.secrets == {(DATABASE_SERVER, ACCOUNT): "planted"}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_keyring_keeps_nothing_and_fails_nothing(backend: object) -> None:
    with use_keyring(backend):
        state = keyring_state()
        assert state.kind is KeyringKind.NONE
        assert "no keyring" in state.explanation()
        assert not store_secret(MAIL, ACCOUNT, "s3cret")
        assert load_secret(MAIL, ACCOUNT) is None
        forget_secret(MAIL, ACCOUNT)


def test_a_failing_keyring_is_named_but_the_secret_is_not() -> None:
    class Locked(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError(f"could not keep {password}")

        def get_password(self, service: str, username: str) -> str | None:
            raise RuntimeError("locked")

    with use_keyring(Locked()):
        with pytest.raises(SecretNotKept) as raised:
            keep_secret(MAIL, ACCOUNT, "s3cret-in-message")
        assert "RuntimeError" in str(raised.value)
        assert "s3cret" not in str(raised.value)
        assert raised.value.__cause__ is None and raised.value.__suppress_context__
        assert not store_secret(MAIL, ACCOUNT, "s3cret")
        assert load_secret(MAIL, ACCOUNT) is None


def test_a_keyring_that_cannot_load_counts_as_none(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> object:
        raise RuntimeError("no dbus")

    monkeypatch.setattr(secrets, "_backend", broken)
    assert keyring_state().kind is KeyringKind.NONE
    assert not store_secret(MAIL, ACCOUNT, "s3cret")
    assert load_secret(MAIL, ACCOUNT) is None
