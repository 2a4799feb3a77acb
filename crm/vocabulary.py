"""Translated labels for the domain's closed vocabularies: what a person reads for a stored
value (``twin_city`` → "Twin city"), the same in the app's lists and forms and in printed
reports, so one wording and one translation serve both.

The dictionaries are built on each call so they follow the language in force (the app's, or a
report's own).
"""

from __future__ import annotations

from crm.db.enums import (
    ActivityRating,
    AgreementKind,
    Channel,
    ContactKind,
    CorrespondenceStatus,
    DelegationStatus,
    Direction,
    GiftDirection,
    LegalBasis,
    OrganisationKind,
    PartnershipKind,
    PartnershipStatus,
    ProgrammeKind,
)
from crm.i18n import _, pgettext


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


def label(vocabulary: dict[str, str], value: str | None) -> str:
    """The label of ``value`` in ``vocabulary``; unknown values are shown as stored."""
    if value is None:
        return ""
    return vocabulary.get(value, value)


def delegation_directions() -> dict[str, str]:
    return {
        Direction.INCOMING: pgettext("delegation", "Incoming"),
        Direction.OUTGOING: pgettext("delegation", "Outgoing"),
    }


def delegation_statuses() -> dict[str, str]:
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


def legal_bases() -> dict[str, str]:
    """Why the office keeps a person's data: GDPR Art. 6(1), with the letter of the point."""
    return {
        LegalBasis.CONSENT: _("Consent (Art. 6(1)(a) GDPR)"),
        LegalBasis.CONTRACT: _("Contract (Art. 6(1)(b) GDPR)"),
        LegalBasis.LEGAL_OBLIGATION: _("Legal obligation (Art. 6(1)(c) GDPR)"),
        LegalBasis.PUBLIC_TASK: _("Public task (Art. 6(1)(e) GDPR)"),
        LegalBasis.LEGITIMATE_INTERESTS: _("Legitimate interests (Art. 6(1)(f) GDPR)"),
    }


def correspondence_statuses() -> dict[str, str]:
    return {
        CorrespondenceStatus.OPEN: pgettext("correspondence", "Open"),
        CorrespondenceStatus.WAITING: _("Waiting for reply"),
        CorrespondenceStatus.DONE: pgettext("correspondence", "Done"),
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
