"""The domain's closed vocabularies as a printed report names them: the app's own wording
(crm.vocabulary), so one translation serves the screen and the page. Built on each call, so
they follow the language the report is printed in.
"""

from __future__ import annotations

from crm.vocabulary import (
    activity_rating_descriptions as activity_ratings,
)
from crm.vocabulary import (
    agreement_kinds,
    contact_kinds,
    correspondence_statuses,
    delegation_directions,
    delegation_statuses,
    gift_directions,
    kind_of_entry,
    label,
    organisation_kinds,
    partnership_kinds,
    partnership_statuses,
    programme_kinds,
)

__all__ = [
    "activity_ratings",
    "agreement_kinds",
    "contact_kinds",
    "correspondence_statuses",
    "delegation_directions",
    "delegation_statuses",
    "gift_directions",
    "kind_of_entry",
    "label",
    "organisation_kinds",
    "partnership_kinds",
    "partnership_statuses",
    "programme_kinds",
]
