"""Correspondence registers written as compact tables by the demo offices."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from crm.db.enums import CorrespondenceStatus, Direction
from crm.demo.builder import DemoBuilder

# days from today, "in"/"out", channel, subject, counterpart, partnership key, delegation key,
# follow-up in days from today, status (None: done). The counterpart is a person's key,
# "org:KEY" for an organisation or "text:..." for someone not in the address book.
Entry = tuple[int, str, str, str, str, str | None, str | None, int | None, str | None]

DIRECTIONS = {"in": Direction.INCOMING.value, "out": Direction.OUTGOING.value}


def add_entries(
    b: DemoBuilder, entries: Iterable[Entry], summaries: Mapping[str, str] | None = None
) -> None:
    summaries = summaries or {}
    for offset, way, channel, subject, who, partnership, delegation, follow_up, status in entries:
        person = org = text = None
        if who.startswith("org:"):
            org = who.removeprefix("org:")
        elif who.startswith("text:"):
            text = who.removeprefix("text:")
        else:
            person = who
        b.letter(
            offset,
            DIRECTIONS[way],
            channel,
            subject,
            person=person,
            org=org,
            text=text,
            partnership=partnership,
            delegation=delegation,
            follow_up=follow_up,
            status=status or CorrespondenceStatus.DONE.value,
            summary=summaries.get(subject),
        )
