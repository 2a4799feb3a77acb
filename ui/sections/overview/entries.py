"""What each card of the Overview says: the service's plain data turned into lines."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale

from crm.i18n import _, current_language, ngettext
from crm.services.overview_model import (
    Anniversary,
    EvaluationDue,
    FollowUp,
    RecentChange,
    UpcomingItem,
)
from ui.formats import format_date
from ui.sections.overview.cards import Line


def _locale() -> QLocale:
    return QLocale(current_language())


def day_name(day: date) -> str:
    # Translators: a Qt date format (dddd weekday, d day, MMMM month name).
    return _locale().toString(QDate(day.year, day.month, day.day), _("dddd, d MMMM"))


def long_date(day: date) -> str:
    # Translators: a Qt date format (dddd weekday, d day, MMMM month name, yyyy year).
    return _locale().toString(QDate(day.year, day.month, day.day), _("dddd, d MMMM yyyy"))


def short_date(day: date) -> str:
    # Translators: a Qt date format for a day without its year (d day, MMM short month name).
    return _locale().toString(QDate(day.year, day.month, day.day), _("d MMM"))


def clock(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def day_heading(day: date, today: date) -> str:
    if day == today:
        return _("Today · {day}").format(day=day_name(day))
    if day == today + timedelta(days=1):
        return _("Tomorrow · {day}").format(day=day_name(day))
    return day_name(day)


def _travel_tag(item: UpcomingItem) -> str:
    if item.direction == "outgoing":
        return _("Trip begins") if item.what == "arrival" else _("Trip ends")
    return _("Arrival") if item.what == "arrival" else _("Departure")


def event_kinds() -> dict[str, str]:
    from ui.sections.projects.vocabulary import event_kinds as kinds

    return {str(key): label for key, label in kinds().items()}


def upcoming_lines(items: tuple[UpcomingItem, ...], today: date) -> list[Line | str]:
    lines: list[Line | str] = []
    day: date | None = None
    for item in items:
        if item.day != day:
            day = item.day
            lines.append(day_heading(day, today))
        if item.starts_at is None:
            lead = _("all day")
        elif item.ends_at is not None and item.ends_at.date() == item.starts_at.date():
            lead = f"{clock(item.starts_at)}–{clock(item.ends_at)}"
        else:
            lead = clock(item.starts_at)
        if item.what == "event":
            where = [item.venue or "", item.partner or ""]
            lines.append(
                Line(
                    lead,
                    item.title,
                    " · ".join(part for part in where if part),
                    tag=event_kinds().get(item.event_kind or "", ""),
                    kind="event",
                    record_id=item.event_id,
                )
            )
        elif item.what == "programme":
            where = [item.venue or "", item.partner or item.delegation_title]
            lines.append(
                Line(
                    lead,
                    item.title,
                    " · ".join(part for part in where if part),
                    kind="delegation",
                    record_id=item.delegation_id,
                )
            )
        else:
            lines.append(
                Line(
                    lead,
                    item.delegation_title,
                    item.partner or "",
                    tag=_travel_tag(item),
                    kind="delegation",
                    record_id=item.delegation_id,
                )
            )
    return lines


def follow_up_lines(items: tuple[FollowUp, ...]) -> list[Line | str]:
    lines: list[Line | str] = []
    for item in items:
        if item.days_late > 0:
            tag = ngettext("{n} day overdue", "{n} days overdue", item.days_late).format(
                n=item.days_late
            )
            tone = "warn"
        elif item.days_late == 0:
            tag, tone = _("due today"), "accent"
        else:
            tag, tone = (
                ngettext("in {n} day", "in {n} days", -item.days_late).format(n=-item.days_late),
                "quiet",
            )
        detail = " · ".join(p for p in (item.reference, item.counterpart) if p)
        lines.append(
            Line(
                short_date(item.follow_up_date),
                item.subject,
                detail,
                tag=tag,
                tag_tone=tone,
                lead_tone="warn" if item.days_late > 0 else "",
                kind="correspondence",
                record_id=item.correspondence_id,
            )
        )
    return lines


def _with_native(name: str, native: str | None) -> str:
    return f"{name} · {native}" if native and native != name else name


def anniversary_lines(items: tuple[Anniversary, ...], today: date) -> list[Line | str]:
    lines: list[Line | str] = []
    for item in items:
        if item.on is not None:
            detail = _("since {date} · anniversary on {day}").format(
                date=format_date(item.on.replace(year=item.since_year)), day=short_date(item.on)
            )
        else:
            detail = _("since {year}").format(year=item.since_year)
        lines.append(
            Line(
                ngettext("{n} year", "{n} years", item.years).format(n=item.years),
                _with_native(item.name, item.name_native),
                detail,
                tag=_("passed") if item.on is not None and item.on < today else "",
                tag_tone="quiet",
                kind="partnership",
                record_id=item.partnership_id,
            )
        )
    return lines


def evaluation_lines(items: tuple[EvaluationDue, ...]) -> list[Line | str]:
    lines: list[Line | str] = []
    for item in items:
        if item.last_evaluation is not None:
            detail = _("last evaluated {date}").format(date=format_date(item.last_evaluation))
        else:
            detail = _("never evaluated")
        lines.append(
            Line(
                format_date(item.due) if item.due is not None else "—",
                _with_native(item.name, item.name_native),
                detail,
                tag=_("overdue") if item.overdue else _("this year"),
                tag_tone="warn" if item.overdue else "accent",
                kind="partnership",
                record_id=item.partnership_id,
            )
        )
    return lines


def when(moment: datetime, today: date) -> str:
    if moment.date() == today:
        return _("today {time}").format(time=clock(moment))
    if moment.date() == today - timedelta(days=1):
        return _("yesterday {time}").format(time=clock(moment))
    return short_date(moment.date())


def recent_lines(items: tuple[RecentChange, ...], today: date) -> list[Line | str]:
    return [
        Line(
            when(item.at, today),
            item.label,
            item.actor,
            tag=_("undone") if item.undone else "",
            tag_tone="quiet",
            kind=item.kind,
            record_id=item.record_id,
        )
        for item in items
    ]
