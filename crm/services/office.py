"""The office profile kept in the database: who the office is and its home country."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import OfficeSetting
from crm.i18n import _
from crm.services.access import require_administrator
from crm.services.errors import ValidationError
from crm.services.unit import ChangeSet, write
from crm.validation import InvalidValue, normalise_country

PROFILE_KEY = "office_profile"


@dataclass(frozen=True)
class OfficeProfile:
    office_name: str = ""
    city: str = ""
    country: str = "DE"  # the default region for phone numbers typed without +
    reference_prefix: str = "IZ"  # correspondence numbers: IZ-2026-0042
    language: str = "de"


def load_profile(session: Session) -> OfficeProfile:
    value = session.scalar(select(OfficeSetting.value).where(OfficeSetting.key == PROFILE_KEY))
    if value is None:
        return OfficeProfile()
    try:
        data: Any = json.loads(value)
    except ValueError:
        return OfficeProfile()
    if not isinstance(data, dict):
        return OfficeProfile()
    known = OfficeProfile.__dataclass_fields__
    return OfficeProfile(
        **{key: data[key] for key in data if key in known and isinstance(data[key], str)}
    )


def get_profile(db: Database) -> OfficeProfile:
    with db.read() as session:
        return load_profile(session)


def home_region(session: Session) -> str:
    return load_profile(session).country


def save_profile(db: Database, profile: OfficeProfile) -> ChangeSet:
    require_administrator(db)
    try:
        country = normalise_country(profile.country) or "DE"
    except InvalidValue as error:
        raise ValidationError({"country": str(error)}) from None
    data = asdict(profile) | {"country": country}
    with write(db, _("Office profile")) as unit:
        setting = unit.session.get(OfficeSetting, PROFILE_KEY)
        if setting is None:
            unit.session.add(OfficeSetting(key=PROFILE_KEY, value=json.dumps(data)))
        else:
            setting.value = json.dumps(data)
        unit.changes.updated.setdefault("office", set()).add(0)
        return unit.changes


LOGO_KEY = "office_logo"
MAX_LOGO_BYTES = 2 * 1024 * 1024
# The formats ReportLab and Qt both read, by their first bytes.
_LOGO_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def get_logo(db: Database) -> bytes | None:
    """The office's logo for printed sheets (PNG or JPEG), if one was chosen."""
    with db.read() as session:
        value = session.scalar(select(OfficeSetting.value).where(OfficeSetting.key == LOGO_KEY))
    if not value:
        return None
    try:
        encoded = json.loads(value)  # the settings table holds JSON: here a base64 string
        return base64.b64decode(encoded, validate=True) if isinstance(encoded, str) else None
    except ValueError:
        return None


def save_logo(db: Database, data: bytes | None) -> ChangeSet:
    """Keep ``data`` as the logo (None removes it)."""
    require_administrator(db)
    if data is not None:
        if len(data) > MAX_LOGO_BYTES:
            raise ValidationError(
                {"logo": _("The logo is larger than 2 MB; choose a smaller file.")}
            )
        if not data.startswith(_LOGO_SIGNATURES):
            raise ValidationError({"logo": _("The logo must be a PNG or JPEG picture.")})
    with write(db, _("Office logo")) as unit:
        setting = unit.session.get(OfficeSetting, LOGO_KEY)
        if data is None:
            if setting is not None:
                unit.session.delete(setting)
        else:
            encoded = json.dumps(base64.b64encode(data).decode("ascii"))
            if setting is None:
                unit.session.add(OfficeSetting(key=LOGO_KEY, value=encoded))
            else:
                setting.value = encoded
        unit.changes.updated.setdefault("office", set()).add(0)
        return unit.changes
