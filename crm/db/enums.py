"""The closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class PartnershipKind(StrEnum):
    TWIN_CITY = "twin_city"  # Städtepartnerschaft
    NATIONAL_PARTNER = "national_partner"  # Partnerstadt national
    COOPERATION_CITY = "cooperation_city"  # Kooperationsstadt / Städtefreundschaft
    FRIENDSHIP_TOWN = "friendship_town"  # vänort
    DISTRICT_PARTNERSHIP = "district_partnership"  # Stadtteilpartnerschaft
    PROJECT_PARTNERSHIP = "project_partnership"


class AgreementKind(StrEnum):
    TREATY = "treaty"
    LETTER_OF_INTENT = "letter_of_intent"
    MEMORANDUM = "memorandum"
    COOPERATION_AGREEMENT = "cooperation_agreement"
    NONE = "none"


class PartnershipStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    PLANNED = "planned"
    SUSPENDED = "suspended"
    ENDED = "ended"


class ActivityRating(StrEnum):
    """Leipzig's evaluation scale: A moderate, AA regular, AAA very high activity."""

    A = "A"
    AA = "AA"
    AAA = "AAA"


class OrganisationKind(StrEnum):
    CITY_ADMINISTRATION = "city_administration"
    EMBASSY = "embassy"
    CONSULATE = "consulate"
    NGO = "ngo"
    PARTNERSHIP_ASSOCIATION = "partnership_association"
    UNIVERSITY = "university"
    NETWORK = "network"
    FUNDER = "funder"
    GOVERNMENT = "government"
    COMPANY = "company"
    CULTURAL_INSTITUTION = "cultural_institution"
    MEDIA = "media"
    OTHER = "other"


class ContactKind(StrEnum):
    PHONE = "phone"
    MOBILE = "mobile"
    FAX = "fax"
    EMAIL = "email"
    WEB = "web"


PHONE_KINDS = frozenset({ContactKind.PHONE, ContactKind.MOBILE, ContactKind.FAX})


class Direction(StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class DelegationStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ProgrammeKind(StrEnum):
    COURTESY_CALL = "courtesy_call"
    GOLDEN_BOOK = "golden_book"
    MEETING = "meeting"
    VISIT = "visit"
    MEAL = "meal"
    TRANSFER = "transfer"
    CULTURAL = "cultural"
    PRESS = "press"
    OTHER = "other"


class GiftDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"


class Channel(StrEnum):
    LETTER = "letter"
    EMAIL = "email"
    FAX = "fax"
    PHONE = "phone"


class CorrespondenceStatus(StrEnum):
    OPEN = "open"
    WAITING = "waiting"
    DONE = "done"


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class EventKind(StrEnum):
    CONFERENCE = "conference"
    ANNIVERSARY = "anniversary"
    NETWORK_MEETING = "network_meeting"
    RECEPTION = "reception"
    FESTIVAL = "festival"
    OTHER = "other"


class LegalBasis(StrEnum):
    """Why the office may keep a person's data: GDPR Art. 6(1) (a), (b), (c), (e), (f)."""

    CONSENT = "consent"  # (a)
    CONTRACT = "contract"  # (b)
    LEGAL_OBLIGATION = "legal_obligation"  # (c)
    PUBLIC_TASK = "public_task"  # (e)
    LEGITIMATE_INTERESTS = "legitimate_interests"  # (f)


class ChangeAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"  # moved to the trash
    RESTORE = "restore"  # brought back from the trash
    PURGE = "purge"  # deleted for good
