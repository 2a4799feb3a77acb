"""Translated labels for the domain's closed vocabularies, used by every list, filter and form.

The stored values are the enum values (``twin_city``); what the user reads comes from here.
The dictionaries are built on each call so they follow the language chosen at start-up.
"""

from __future__ import annotations

from crm.db.enums import (
    ActivityRating,
    AgreementKind,
    ContactKind,
    OrganisationKind,
    PartnershipKind,
    PartnershipStatus,
)
from crm.i18n import _


def partnership_kinds() -> dict[str, str]:
    return {
        PartnershipKind.TWIN_CITY: _("Twin city"),
        PartnershipKind.NATIONAL_PARTNER: _("National partner city"),
        PartnershipKind.COOPERATION_CITY: _("Cooperation city"),
        PartnershipKind.FRIENDSHIP_TOWN: _("Friendship town"),
        PartnershipKind.DISTRICT_PARTNERSHIP: _("District partnership"),
        PartnershipKind.PROJECT_PARTNERSHIP: _("Project partnership"),
    }


def partnership_statuses() -> dict[str, str]:
    return {
        PartnershipStatus.ACTIVE: _("Active"),
        PartnershipStatus.DORMANT: _("Dormant"),
        PartnershipStatus.PLANNED: _("Planned"),
        PartnershipStatus.SUSPENDED: _("Suspended"),
        PartnershipStatus.ENDED: _("Ended"),
    }


def activity_ratings() -> dict[str, str]:
    """The rating as shown in lists (the code itself) ..."""
    return {rating.value: rating.value for rating in ActivityRating}


def activity_rating_descriptions() -> dict[str, str]:
    """... and what each step of Leipzig's scale means, for choosers and tooltips."""
    return {
        ActivityRating.A: _("A – moderate activity"),
        ActivityRating.AA: _("AA – regular activity"),
        ActivityRating.AAA: _("AAA – very high activity"),
    }


def agreement_kinds() -> dict[str, str]:
    return {
        AgreementKind.TREATY: _("Partnership treaty"),
        AgreementKind.LETTER_OF_INTENT: _("Letter of intent"),
        AgreementKind.MEMORANDUM: _("Memorandum of understanding"),
        AgreementKind.COOPERATION_AGREEMENT: _("Cooperation agreement"),
        AgreementKind.NONE: _("No written agreement"),
    }


def contact_kinds() -> dict[str, str]:
    return {
        ContactKind.PHONE: _("Phone"),
        ContactKind.MOBILE: _("Mobile"),
        ContactKind.FAX: _("Fax"),
        ContactKind.EMAIL: _("Email"),
        ContactKind.WEB: _("Web"),
    }


def organisation_kinds() -> dict[str, str]:
    return {
        OrganisationKind.CITY_ADMINISTRATION: _("City administration"),
        OrganisationKind.EMBASSY: _("Embassy"),
        OrganisationKind.CONSULATE: _("Consulate"),
        OrganisationKind.NGO: _("NGO"),
        OrganisationKind.PARTNERSHIP_ASSOCIATION: _("Partnership association"),
        OrganisationKind.UNIVERSITY: _("University"),
        OrganisationKind.NETWORK: _("Network"),
        OrganisationKind.FUNDER: _("Funder"),
        OrganisationKind.GOVERNMENT: _("Government"),
        OrganisationKind.COMPANY: _("Company"),
        OrganisationKind.CULTURAL_INSTITUTION: _("Cultural institution"),
        OrganisationKind.MEDIA: _("Media"),
        OrganisationKind.OTHER: _("Other"),
    }


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


def label(vocabulary: dict[str, str], value: str | None) -> str:
    """The label of ``value`` in ``vocabulary``; unknown values are shown as stored."""
    if value is None:
        return ""
    return vocabulary.get(value, value)
