"""Translated labels for the register's vocabularies (direction, channel, status, filters).

Built on each call, like ui.labels, so they follow the language chosen at start-up.
"""

from __future__ import annotations

from crm.db.enums import Channel, Direction
from crm.i18n import _, pgettext
from crm.services import correspondence_lists as cl
from crm.vocabulary import correspondence_statuses as statuses
from crm.vocabulary import kind_of_entry

__all__ = ["channels", "directions", "kind_of_entry", "states", "statuses"]


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


def states() -> dict[str, str]:
    """The list's follow-up filter."""
    return {
        cl.OPEN: _("Open (not done)"),
        cl.DUE: _("Follow-up due"),
        cl.OVERDUE: _("Follow-up overdue"),
        cl.DONE: pgettext("correspondence", "Done"),
    }
