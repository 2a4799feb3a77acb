"""Translated labels for the domain's closed vocabularies, used by every list, filter and form.

The stored values are the enum values (``twin_city``); what the user reads comes from
crm.vocabulary (shared with the printed reports); the few that only the app shows are here.
"""

from __future__ import annotations

from crm.db.enums import ActivityRating
from crm.i18n import _
from crm.vocabulary import (
    activity_rating_descriptions,
    agreement_kinds,
    contact_kinds,
    label,
    organisation_kinds,
    partnership_kinds,
    partnership_statuses,
)

__all__ = [
    "activity_rating_descriptions",
    "activity_ratings",
    "agreement_kinds",
    "contact_kinds",
    "label",
    "organisation_kinds",
    "partnership_kinds",
    "partnership_statuses",
    "record_kinds",
]


def activity_ratings() -> dict[str, str]:
    """The rating as shown in lists (the code itself) ..."""
    return {rating.value: rating.value for rating in ActivityRating}


def record_kinds() -> dict[str, str]:
    """The kinds of record the global search finds."""
    return {
        "person": _("Person"),
        "organisation": _("Organisation"),
        "partnership": _("Partnership"),
        "delegation": _("Delegation"),
        "project": _("Project"),
        "event": _("Event"),
        "correspondence": _("Correspondence"),
    }
