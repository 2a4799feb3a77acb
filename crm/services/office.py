"""The office profile kept in the database: who the office is and its home country."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import OfficeSetting
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
    try:
        country = normalise_country(profile.country) or "DE"
    except InvalidValue as error:
        raise ValidationError({"country": str(error)}) from None
    data = asdict(profile) | {"country": country}
    with write(db, "Office profile") as unit:
        setting = unit.session.get(OfficeSetting, PROFILE_KEY)
        if setting is None:
            unit.session.add(OfficeSetting(key=PROFILE_KEY, value=json.dumps(data)))
        else:
            setting.value = json.dumps(data)
        unit.changes.updated.setdefault("office", set()).add(0)
        return unit.changes
