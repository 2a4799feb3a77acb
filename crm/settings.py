"""The user's settings: a typed registry kept as JSON in the configuration directory.

Each setting is declared once with its type and default (Picard's registry is the model);
unknown or ill-typed values in the file fall back to the default instead of failing.
Secrets never go here: they live in the OS keyring.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from crm.paths import config_dir

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    language: str = ""  # "" follows the system; "de" or "en"
    database: str = ""  # "" is the default file in the user's data directory
    last_section: str = ""  # "": the first section (the Overview)
    # Mail (crm.mail.config): this computer's way out, with the officer's own login; the
    # password is in the OS keyring, never here.
    mail_server: str = ""
    mail_port: int = 0  # 0: the usual port of the security chosen (587 or 465)
    mail_security: str = "starttls"  # "starttls" or "tls" (implicit TLS)
    mail_user: str = ""  # "": the server takes mail without logging in
    mail_sender: str = ""  # the From address
    mail_sender_name: str = ""
    mail_ca_file: str = ""  # "": the system's certificate authorities


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    values = {}
    for spec in fields(Settings):
        value = data.get(spec.name, getattr(defaults, spec.name))
        if isinstance(value, type(getattr(defaults, spec.name))):
            values[spec.name] = value
    return Settings(**values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically, so a crash never leaves half a settings file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(asdict(settings), stream, ensure_ascii=False, indent=2)
    os.replace(temporary, path)
