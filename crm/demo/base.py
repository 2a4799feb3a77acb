"""The state and the shared helpers of the demo builder: the office, dates and times.

The demo writes ORM objects directly (a few hundred rows), but every derived value is set the
way the services set it: folded sort names, normalised contact points with their position,
UTC-aware timestamps, gapless correspondence references and a rebuilt search index.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db.models import (
    Delegation,
    OfficeSetting,
    Organisation,
    Partnership,
    Person,
    Project,
    Theme,
)
from crm.services.office import PROFILE_KEY, OfficeProfile

# ("phone", "0341 123-2032") or ("email", "a@b.de", "office"): kind, value as typed, label.
Contact = tuple[str, str] | tuple[str, str, str]
# (street, postcode, city, country)
PostalAddress = tuple[str, str, str, str]


@dataclass(frozen=True)
class OfficeSpec:
    """Who the demo office is and the local time its programme items are written in."""

    profile: OfficeProfile
    timezone: str
    utc_offset_hours: int  # used when the system has no time zone database (Windows)


@dataclass
class PendingLetter:
    """A register entry kept until ``finish`` numbers the register in date order."""

    day: date
    direction: str
    channel: str
    subject: str
    summary: str | None
    person: Person | None
    organisation: Organisation | None
    counterpart_text: str | None
    partnership: Partnership | None
    delegation: Delegation | None
    follow_up: date | None
    status: str
    people: list[Person] = field(default_factory=list)


def _zone(spec: OfficeSpec) -> tzinfo:
    try:
        return ZoneInfo(spec.timezone)
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=spec.utc_offset_hours))


class BuilderBase:
    """What every part of the builder shares: the session, the office, the records by key."""

    def __init__(self, session: Session, spec: OfficeSpec, today: date | None = None) -> None:
        self.session = session
        self.profile = spec.profile
        self.today = today or date.today()
        self.zone = _zone(spec)
        self.orgs: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}
        self.partnerships: dict[str, Partnership] = {}
        self.delegations: dict[str, Delegation] = {}
        self.projects: dict[str, Project] = {}
        self._themes: dict[str, Theme] = {}
        self._letters: list[PendingLetter] = []
        self._store_profile()

    # --- dates and times ----------------------------------------------------------------------

    def day(self, offset: int) -> date:
        """The day ``offset`` days from today (negative: in the past)."""
        return self.today + timedelta(days=offset)

    def at(self, day: date, clock: str) -> datetime:
        """A local wall-clock time ("09:30") on ``day`` in the office's zone, as UTC."""
        hour, minute = (int(part) for part in clock.split(":"))
        return datetime.combine(day, time(hour, minute), tzinfo=self.zone).astimezone(UTC)

    # --- office ---------------------------------------------------------------------------------

    def _store_profile(self) -> None:
        value = json.dumps(asdict(self.profile), ensure_ascii=False)
        setting = self.session.get(OfficeSetting, PROFILE_KEY)
        if setting is None:
            self.session.add(OfficeSetting(key=PROFILE_KEY, value=value))
        else:
            setting.value = value

    def theme(self, name: str) -> Theme:
        """The theme called ``name``, reusing one the database already has."""
        if name not in self._themes:
            theme = self.session.scalar(select(Theme).where(Theme.name == name))
            if theme is None:
                theme = Theme(name=name)
                self.session.add(theme)
            self._themes[name] = theme
        return self._themes[name]

    def _id(self, record: Delegation | Partnership | Person | Organisation | None) -> int | None:
        """The record's id, flushing first when it has none yet."""
        if record is None:
            return None
        if record.id is None:
            self.session.flush()
        return record.id
