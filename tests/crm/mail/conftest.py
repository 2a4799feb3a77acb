"""The mail tests' fixtures live in mail_fixtures (the command line's tests use them too)."""

from tests.crm.mail.mail_fixtures import (
    certificates,
    db_path,
    keyring_memory,
    migrated_template,
    plain_server,
    quiet_server_log,
    starttls_server,
    tls_server,
    untrusted_server,
    wrong_name_server,
)

__all__ = [
    "certificates",
    "db_path",
    "keyring_memory",
    "migrated_template",
    "plain_server",
    "quiet_server_log",
    "starttls_server",
    "tls_server",
    "untrusted_server",
    "wrong_name_server",
]
