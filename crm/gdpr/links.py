"""Every place a person is referred to, and what erasing them does there.

Each foreign key to ``people.id`` is listed with its fate: the row is the person's (their
phones, their membership of a delegation) and goes, or the row is another record's (a
register entry, a gift, a partnership) that stays with the link cleared and, where the record
names its counterpart in words, the words replaced. Tables that name a record by kind and id
(tags, the trash, the history) are listed apart. tests/crm/gdpr/test_links.py checks that no
foreign key to ``people`` and no such table is missing, so a table added later cannot keep an
erased person behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table

from crm.db.base import Base

DELETE = "delete"  # the row is the person's: it goes
CLEAR = "clear"  # the row is another record's: the link is cleared, the record stays


@dataclass(frozen=True)
class PersonLink:
    table: str
    column: str
    action: str  # DELETE or CLEAR
    # CLEAR: the column that then says, in words, that the counterpart was erased.
    words: str | None = None
    group: str = ""  # what the user is told: "contacts", "delegations" (see erasure.py)

    @property
    def sql(self) -> Table:
        return Base.metadata.tables[self.table]


PERSON_LINKS: tuple[PersonLink, ...] = (
    PersonLink("contact_points", "person_id", DELETE, group="contact_points"),
    PersonLink("addresses", "person_id", DELETE, group="addresses"),
    PersonLink("affiliations", "person_id", DELETE, group="affiliations"),
    PersonLink("delegation_members", "person_id", DELETE, group="delegation_members"),
    PersonLink("programme_participants", "person_id", DELETE, group="programme_items"),
    PersonLink("correspondence_people", "person_id", DELETE, group="correspondence"),
    PersonLink(
        "correspondence",
        "counterpart_person_id",
        CLEAR,
        words="counterpart_text",
        group="correspondence",
    ),
    PersonLink("gifts", "from_person_id", CLEAR, words="from_text", group="gifts"),
    PersonLink("gifts", "to_person_id", CLEAR, words="to_text", group="gifts"),
    PersonLink("delegations", "host_person_id", CLEAR, group="delegations_hosted"),
    PersonLink("partnerships", "responsible_officer_id", CLEAR, group="partnerships"),
)

# Tables that name their record by kind ("person") and id instead of a foreign key.
ENTITY_TABLES: tuple[str, ...] = ("taggings", "trash", "changes")
