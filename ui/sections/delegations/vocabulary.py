"""Translated labels for the delegations' vocabularies (direction, status, kinds, gifts).

Built on each call, like ui.labels, so they follow the language chosen at start-up.
"""

from __future__ import annotations

from crm.db.enums import DelegationStatus, Direction, GiftDirection, ProgrammeKind
from crm.i18n import _, pgettext


def directions() -> dict[str, str]:
    return {
        Direction.INCOMING: pgettext("delegation", "Incoming"),
        Direction.OUTGOING: pgettext("delegation", "Outgoing"),
    }


def statuses() -> dict[str, str]:
    return {
        DelegationStatus.PLANNED: pgettext("delegation", "Planned"),
        DelegationStatus.CONFIRMED: pgettext("delegation", "Confirmed"),
        DelegationStatus.COMPLETED: pgettext("delegation", "Completed"),
        DelegationStatus.CANCELLED: pgettext("delegation", "Cancelled"),
    }


def programme_kinds() -> dict[str, str]:
    return {
        ProgrammeKind.COURTESY_CALL: _("Courtesy call"),
        ProgrammeKind.GOLDEN_BOOK: _("Golden Book"),
        ProgrammeKind.MEETING: _("Meeting"),
        ProgrammeKind.VISIT: pgettext("programme", "Visit"),
        ProgrammeKind.MEAL: _("Meal"),
        ProgrammeKind.TRANSFER: _("Transfer"),
        ProgrammeKind.CULTURAL: _("Cultural programme"),
        ProgrammeKind.PRESS: _("Press"),
        ProgrammeKind.OTHER: pgettext("programme", "Other"),
    }


def gift_directions() -> dict[str, str]:
    return {
        GiftDirection.GIVEN: _("Given by us"),
        GiftDirection.RECEIVED: _("Received"),
    }
