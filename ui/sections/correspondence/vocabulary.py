"""Translated labels for the register's vocabularies (direction, channel, status, filters).

Built on each call, like ui.labels, so they follow the language chosen at start-up.
"""

from __future__ import annotations

from crm.db.enums import Channel, CorrespondenceStatus, Direction
from crm.i18n import _, pgettext
from crm.services import correspondence_lists as cl


def directions() -> dict[str, str]:
    return {
        Direction.INCOMING: pgettext("correspondence", "Incoming"),
        Direction.OUTGOING: pgettext("correspondence", "Outgoing"),
    }


def channels() -> dict[str, str]:
    return {
        Channel.LETTER: _("Letter"),
        Channel.EMAIL: pgettext("channel", "Email"),
        Channel.FAX: pgettext("channel", "Fax"),
        Channel.PHONE: _("Phone note"),
    }


def statuses() -> dict[str, str]:
    return {
        CorrespondenceStatus.OPEN: pgettext("correspondence", "Open"),
        CorrespondenceStatus.WAITING: _("Waiting for reply"),
        CorrespondenceStatus.DONE: pgettext("correspondence", "Done"),
    }


def states() -> dict[str, str]:
    """The list's follow-up filter."""
    return {
        cl.OPEN: _("Open (not done)"),
        cl.DUE: _("Follow-up due"),
        cl.OVERDUE: _("Follow-up overdue"),
        cl.DONE: pgettext("correspondence", "Done"),
    }


def kind_of_entry(direction: str, channel: str) -> str:
    """ "Incoming letter", "Outgoing phone note": one phrase, as a register reads."""
    phrases: dict[tuple[str, str], str] = {
        (Direction.INCOMING, Channel.LETTER): _("Incoming letter"),
        (Direction.INCOMING, Channel.EMAIL): _("Incoming email"),
        (Direction.INCOMING, Channel.FAX): _("Incoming fax"),
        (Direction.INCOMING, Channel.PHONE): _("Incoming call"),
        (Direction.OUTGOING, Channel.LETTER): _("Outgoing letter"),
        (Direction.OUTGOING, Channel.EMAIL): _("Outgoing email"),
        (Direction.OUTGOING, Channel.FAX): _("Outgoing fax"),
        (Direction.OUTGOING, Channel.PHONE): _("Outgoing call"),
    }
    return phrases.get((direction, channel), f"{direction} {channel}")
