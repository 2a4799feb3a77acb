"""The password in the keyring only: plain-text keyrings refused, none kept without one."""

from __future__ import annotations

import pytest
from keyring.backends import fail, null

from crm.mail.config import MailSettings
from crm.mail.errors import MailError
from crm.mail.passwords import (
    SERVICE,
    KeyringKind,
    forget_password,
    keyring_state,
    store_password,
    stored_password,
)
from tests.crm.mail.memory_keyring import (
    LowPriorityKeyring,
    MemoryKeyring,
    PlaintextKeyring,
    use_keyring,
)

MAIL = MailSettings(server="Mail.Leipzig.example", user="gabriele", sender="g@leipzig.example")


def test_a_safe_keyring_keeps_the_password(keyring_memory: MemoryKeyring) -> None:
    assert keyring_state().kind is KeyringKind.SECURE
    assert stored_password(MAIL) is None
    store_password(MAIL, "s3cret")
    assert keyring_memory.secrets == {(SERVICE, "gabriele@mail.leipzig.example"): "s3cret"}
    assert stored_password(MAIL) == "s3cret"
    assert forget_password(MAIL)
    assert stored_password(MAIL) is None
    assert not forget_password(MAIL)


@pytest.mark.parametrize("backend", [PlaintextKeyring(), LowPriorityKeyring()])
def test_plain_text_keyrings_are_refused(backend: MemoryKeyring) -> None:
    backend.set_password(SERVICE, MAIL.account, "planted")
    with use_keyring(backend):
        state = keyring_state()
        assert state.kind is KeyringKind.PLAIN_TEXT
        assert "plain text" in state.explanation()
        with pytest.raises(MailError, match="plain text"):
            store_password(MAIL, "s3cret")
        assert stored_password(MAIL) is None  # not even read from there
    assert backend.secrets == {(SERVICE, MAIL.account): "planted"}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_keyring_means_asking_each_time(backend: object) -> None:
    with use_keyring(backend):
        state = keyring_state()
        assert state.kind is KeyringKind.NONE
        assert "asks for the password each time" in state.explanation()
        assert stored_password(MAIL) is None
        with pytest.raises(MailError, match="no keyring"):
            store_password(MAIL, "s3cret")


def test_a_chain_is_judged_by_the_backend_that_would_keep_the_password() -> None:
    from keyring.backends.chainer import ChainerBackend

    safe, plain = MemoryKeyring(), PlaintextKeyring()

    class Chain(ChainerBackend):
        backends = (safe, plain)  # type: ignore[assignment]

    with use_keyring(Chain()):
        assert keyring_state().kind is KeyringKind.SECURE
        store_password(MAIL, "s3cret")
    assert safe.secrets and not plain.secrets


def test_no_user_name_needs_no_password(keyring_memory: MemoryKeyring) -> None:
    anonymous = MailSettings(server="mail.example", sender="a@b.example")
    assert stored_password(anonymous) is None
    with pytest.raises(MailError, match="user name"):
        store_password(anonymous, "x")
