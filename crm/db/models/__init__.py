"""All tables of a Liaison database; importing this module registers them on Base.metadata."""

from crm.db.models.contacts import Address, Affiliation, ContactPoint, Organisation, Person
from crm.db.models.correspondence import (
    Attachment,
    AttachmentBlob,
    Correspondence,
    ReferenceCounter,
    correspondence_people,
)
from crm.db.models.delegations import (
    Delegation,
    DelegationMember,
    Gift,
    ProgrammeItem,
    programme_participants,
)
from crm.db.models.history import Change, OfficeSetting, Operation, TrashEntry
from crm.db.models.partnerships import (
    PartnerCity,
    Partnership,
    Theme,
    partnership_funders,
    partnership_themes,
)
from crm.db.models.projects import Event, Project, Tag, Tagging

__all__ = [
    "Address",
    "Affiliation",
    "Attachment",
    "AttachmentBlob",
    "Change",
    "ContactPoint",
    "Correspondence",
    "Delegation",
    "DelegationMember",
    "Event",
    "Gift",
    "OfficeSetting",
    "Operation",
    "Organisation",
    "PartnerCity",
    "Partnership",
    "Person",
    "ProgrammeItem",
    "Project",
    "ReferenceCounter",
    "Tag",
    "Tagging",
    "Theme",
    "TrashEntry",
    "correspondence_people",
    "partnership_funders",
    "partnership_themes",
    "programme_participants",
]
