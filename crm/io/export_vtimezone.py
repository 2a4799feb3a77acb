"""A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, made from the zone's own transitions.

Outlook, Thunderbird and Google Calendar all read a TZID that names an IANA zone
(``Europe/Berlin``) and a VTIMEZONE that describes it; Outlook needs the VTIMEZONE. When every
change of a kind (to summer time, to standard time) in the years covered falls on the same
weekday of the same week of the same month at the same hour, as in the EU and the US, one
observance with a yearly RRULE describes it, as Outlook writes it itself; otherwise each change
is an observance of its own.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm.io.export_lines import fold

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def zone_name_of_computer() -> str | None:
    """The IANA name of this computer's zone, where it can be told (TZ, /etc/localtime,
    /etc/timezone); None elsewhere (then times are written in UTC)."""
    candidates: list[str] = []
    if os.environ.get("TZ"):
        candidates.append(os.environ["TZ"].lstrip(":"))
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        if load_zone(name) is not None:
            return name
    return None


def load_zone(name: str | None) -> ZoneInfo | None:
    if not name or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _offset(zone: tzinfo, moment: datetime) -> timedelta:
    offset = moment.astimezone(zone).utcoffset()
    return offset if offset is not None else timedelta(0)


def transitions(zone: tzinfo, first_year: int, last_year: int) -> list[datetime]:
    """The UTC moments in these years at which the zone's offset changes (to the minute)."""
    found = []
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    step = timedelta(days=7)
    while moment < end:
        following = min(moment + step, end)
        if _offset(zone, moment) != _offset(zone, following):
            low, high = moment, following
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == _offset(zone, low):
                    low = middle
                else:
                    high = middle
            found.append(high.replace(second=0, microsecond=0))
        moment = following
    return found


def _fmt_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _rule(locals_: list[datetime]) -> str | None:
    """A yearly RRULE that gives every one of ``locals_`` (local wall-clock times)."""
    first = locals_[0]
    if any(
        (m.month, m.weekday(), m.time()) != (first.month, first.weekday(), first.time())
        for m in locals_
    ):
        return None
    last_week = all((m + timedelta(days=7)).month != m.month for m in locals_)
    if last_week:
        ordinal = -1
    else:
        ordinals = {(m.day - 1) // 7 + 1 for m in locals_}
        if len(ordinals) != 1:
            return None
        ordinal = ordinals.pop()
    return f"FREQ=YEARLY;BYMONTH={first.month};BYDAY={ordinal}{_DAYS[first.weekday()]}"


def vtimezone(name: str, first: date, last: date) -> str:
    """The VTIMEZONE of zone ``name`` for the dates from ``first`` to ``last``."""
    zone = ZoneInfo(name)
    changes = transitions(zone, first.year - 1, last.year + 1)
    lines = ["BEGIN:VTIMEZONE\r\n", fold(f"TZID:{name}")]
    if not changes:
        offset = _fmt_offset(_offset(zone, datetime(first.year, 1, 1, tzinfo=UTC)))
        lines += _observance("STANDARD", datetime(1970, 1, 1), offset, offset, _abbr(zone, first))
    else:
        groups: dict[bool, list[tuple[datetime, timedelta, timedelta]]] = {True: [], False: []}
        for moment in changes:
            before = _offset(zone, moment - timedelta(minutes=1))
            after = _offset(zone, moment)
            summer = bool(moment.astimezone(zone).dst())
            groups[summer].append((moment, before, after))
        for summer, items in groups.items():
            if not items:
                continue
            kind = "DAYLIGHT" if summer else "STANDARD"
            # DTSTART is the wall-clock time before the change, in the old offset.
            starts = [(m + before).replace(tzinfo=None) for m, before, _after in items]
            same_offsets = len({(b, a) for _m, b, a in items}) == 1
            rule = _rule(starts) if same_offsets else None
            if rule is not None:
                _m, before, after = items[0]
                lines += _observance(
                    kind,
                    starts[0],
                    _fmt_offset(before),
                    _fmt_offset(after),
                    _abbr(zone, items[0][0]),
                    rule,
                )
            else:
                for start, (moment, before, after) in zip(starts, items, strict=True):
                    lines += _observance(
                        kind, start, _fmt_offset(before), _fmt_offset(after), _abbr(zone, moment)
                    )
    lines.append("END:VTIMEZONE\r\n")
    return "".join(lines)


def _abbr(zone: tzinfo, moment: date) -> str:
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, 12, tzinfo=UTC)
    return moment.astimezone(zone).tzname() or ""


def _observance(
    kind: str, start: datetime, before: str, after: str, name: str, rule: str | None = None
) -> list[str]:
    lines = [
        f"BEGIN:{kind}\r\n",
        f"DTSTART:{start:%Y%m%dT%H%M%S}\r\n",
        f"TZOFFSETFROM:{before}\r\n",
        f"TZOFFSETTO:{after}\r\n",
    ]
    if rule:
        lines.append(f"RRULE:{rule}\r\n")
    if name:
        lines.append(fold(f"TZNAME:{name}"))
    lines.append(f"END:{kind}\r\n")
    return lines
