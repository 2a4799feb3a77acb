"""Merging two people, or two organisations: every link moves, nothing is doubled, the history
shows it, the merged record waits in the trash, search finds the kept one, Undo takes it back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from service_helpers import assert_plain, operations
from sqlalchemy import select

from crm.db.base import Base
from crm.db.database import Database
from crm.db.models import Event, Project, Tag, Tagging
from crm.search.query import search_records
from crm.services import history
from crm.services.contact_points import AddressInput, ContactPointInput
from crm.services.correspondence import (
    CorrespondenceInput,
    create_correspondence,
    get_correspondence,
)
from crm.services.delegations import (
    DelegationInput,
    GiftInput,
    MemberInput,
    ProgrammeItemInput,
    create_delegation,
    get_delegation,
)
from crm.services.errors import NotFound, ServiceError
from crm.services.merge import merge_organisations, merge_people, merge_preview
from crm.services.organisations import OrganisationInput, create_organisation, get_organisation
from crm.services.partnerships import PartnershipInput, create_partnership, get_partnership
from crm.services.people import AffiliationInput, PersonInput, create_person, get_person
from crm.services.trash import (
    delete_to_trash,
    redo_last,
    restore_from_trash,
    trash_items,
    undo_last,
)

MORNING = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)


def found(db: Database, query: str, kinds: tuple[str, ...] = ("person", "organisation")) -> Any:
    return {(hit.kind, hit.id) for hit in search_records(db, query, kinds)}


def pointing_at(db: Database, table_name: str, record_id: int) -> dict[str, int]:
    """How many rows of each table still point at the record (by foreign key or tag)."""
    target = Base.metadata.tables[table_name]
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        for foreign_key in table.foreign_keys:
            if foreign_key.column.table is target:
                column = foreign_key.parent.name
                sql = f"SELECT count(*) FROM {table.name} WHERE {column} = ?"
                count = db.raw_connection_execute(sql, record_id)[0][0]
                if count:
                    counts[f"{table.name}.{column}"] = count
    entity = {"people": "person", "organisations": "organisation"}[table_name]
    tags = db.raw_connection_execute(
        "SELECT count(*) FROM taggings WHERE entity = ? AND entity_id = ?", entity, record_id
    )[0][0]
    if tags:
        counts["taggings"] = tags
    return counts


def tag(db: Database, name: str, entity: str, *ids: int) -> None:
    with db.write_session() as session:
        found_tag = session.scalar(select(Tag).where(Tag.name == name))
        if found_tag is None:
            found_tag = Tag(name=name)
            session.add(found_tag)
            session.flush()
        for record_id in ids:
            session.add(Tagging(tag_id=found_tag.id, entity=entity, entity_id=record_id))
        session.commit()


def tags_of(db: Database, entity: str, record_id: int) -> list[str]:
    rows = db.raw_connection_execute(
        "SELECT tags.name FROM taggings JOIN tags ON tags.id = taggings.tag_id "
        "WHERE entity = ? AND entity_id = ? ORDER BY tags.name",
        entity,
        record_id,
    )
    return [name for (name,) in rows]


@dataclass
class Office:
    keep: int  # Inese Bērziņa, entered first
    merge: int  # Inese Berzina, entered again
    other: int
    council: int
    bureau: int
    both: int  # a delegation with both of them as members
    visit: int  # a delegation the merged one hosts, with a gift and an appointment
    trashed: int  # a delegation in the trash with the merged one as member
    letter: int  # counterpart the merged one, both named
    note: int
    partnership: int


@pytest.fixture
def office(db: Database) -> Office:
    council, _c = create_organisation(db, OrganisationInput("Liepājas pilsētas dome"))
    bureau, _c = create_organisation(db, OrganisationInput("Bureau of International Relations"))
    keep, _c = create_person(
        db,
        PersonInput(
            "Bērziņa",
            "Inese",
            notes="Speaks German.",
            contact_points=[ContactPointInput("email", "inese.berzina@liepaja.lv", None, True)],
            addresses=[AddressInput("Rožu laukums 5", "3401", "Liepāja", country="LV")],
            affiliations=[AffiliationInput(council, "Head of Bureau", is_primary=True)],
        ),
    )
    merge, _c = create_person(
        db,
        PersonInput(
            "Berzina",
            "Inese",
            title="Ms",
            function="Head of Bureau",
            country="LV",
            notes="Prefers tea.",
            contact_points=[
                ContactPointInput("email", "Inese.Berzina@LIEPAJA.lv", "office", True),
                ContactPointInput("phone", "+371 6 34 04789", None, True),
            ],
            addresses=[
                AddressInput("rozu laukums 5", "3401", "liepaja", country="LV"),
                AddressInput("Pasta iela 1", "3401", "Liepāja", country="LV", label="private"),
            ],
            affiliations=[
                AffiliationInput(council, None, department="Protocol", is_primary=True),
                AffiliationInput(bureau, "Member"),
            ],
        ),
    )
    other, _c = create_person(db, PersonInput("Goldfuß", "Gabriele"))
    both, _c = create_delegation(
        db,
        DelegationInput(
            "Liepāja at the Leipzig Book Fair",
            start_date=date(2026, 3, 19),
            end_date=date(2026, 3, 21),
            members=[
                MemberInput(keep),
                MemberInput(merge, "Head of delegation", 1, dietary_needs="vegetarian"),
            ],
            programme=[
                ProgrammeItemInput(MORNING, "Book fair tour", participant_ids=[keep, merge, other])
            ],
        ),
    )
    visit, _c = create_delegation(
        db,
        DelegationInput(
            "Leipzig in Liepāja",
            direction="outgoing",
            start_date=date(2026, 5, 4),
            end_date=date(2026, 5, 6),
            host_person_id=merge,
            members=[MemberInput(other)],
            programme=[ProgrammeItemInput(MORNING, "Welcome", participant_ids=[merge])],
            gifts=[GiftInput("received", "Amber brooch", from_person_id=merge, to_person_id=other)],
        ),
    )
    trashed, _c = create_delegation(
        db,
        DelegationInput(
            "Cancelled visit",
            start_date=date(2026, 9, 1),
            end_date=date(2026, 9, 2),
            members=[MemberInput(merge, "Guest")],
        ),
    )
    delete_to_trash(db, "delegation", trashed)
    letter, _c = create_correspondence(
        db,
        CorrespondenceInput(
            "Invitation to the Book Fair", counterpart_person_id=merge, person_ids=[keep, merge]
        ),
    )
    note, _c = create_correspondence(
        db, CorrespondenceInput("Phone call about the visit", channel="phone", person_ids=[merge])
    )
    partnership, _c = create_partnership(
        db, PartnershipInput("Liepāja", "LV", responsible_officer_id=merge)
    )
    tag(db, "VIP", "person", keep, merge)
    tag(db, "Press", "person", merge)
    return Office(
        keep, merge, other, council, bureau, both, visit, trashed, letter, note, partnership
    )


def delegation_state(db: Database, delegation_id: int) -> dict[str, Any]:
    d = get_delegation(db, delegation_id)
    return {
        "host": d.host_person_id,
        "members": sorted((m.person_id, m.function, m.protocol_rank) for m in d.members),
        "programme": [sorted(p for p, _name in item.participants) for item in d.programme],
        "gifts": [(g.from_person_id, g.to_person_id) for g in d.gifts],
    }


def state(db: Database, office: Office) -> dict[str, Any]:
    """Everything a merge of the two Ineses touches, as the services show it."""

    def person(person_id: int) -> Any:
        try:
            detail = get_person(db, person_id)
        except NotFound:
            return None
        return (detail.to_input(), detail.display_name)

    trashed_members = db.raw_connection_execute(
        "SELECT person_id, function FROM delegation_members WHERE delegation_id = ?", office.trashed
    )
    return {
        "keep": person(office.keep),
        "merge": person(office.merge),
        "both": delegation_state(db, office.both),
        "visit": delegation_state(db, office.visit),
        "trashed": sorted(trashed_members),
        "letter": (
            get_correspondence(db, office.letter).counterpart_person_id,
            [p for p, _name in get_correspondence(db, office.letter).people],
        ),
        "note": [p for p, _name in get_correspondence(db, office.note).people],
        "officer": get_partnership(db, office.partnership).responsible_officer_id,
        "tags": (tags_of(db, "person", office.keep), tags_of(db, "person", office.merge)),
        "trash": sorted((i.entity, i.entity_id) for i in trash_items(db)),
        "found": found(db, "berzina"),
    }


# --- people -----------------------------------------------------------------------------------


def test_every_link_moves_to_the_kept_person(db: Database, office: Office) -> None:
    assert pointing_at(db, "people", office.merge)  # it has links to move
    changes = merge_people(db, office.keep, office.merge)
    assert pointing_at(db, "people", office.merge) == {}

    assert changes.label == "Merge “Ms Inese Berzina” into “Inese Bērziņa”"
    assert changes.deleted == {"person": {office.merge}}
    assert changes.updated["person"] == {office.keep, office.merge}
    assert changes.updated["delegation"] == {office.both, office.visit}
    assert changes.updated["correspondence"] == {office.letter, office.note}
    assert changes.updated["partnership"] == {office.partnership}

    visit = delegation_state(db, office.visit)
    assert visit["host"] == office.keep
    assert visit["programme"] == [[office.keep]]
    assert visit["gifts"] == [(office.keep, office.other)]
    assert get_correspondence(db, office.letter).counterpart_person_id == office.keep
    assert [p for p, _n in get_correspondence(db, office.note).people] == [office.keep]
    assert get_partnership(db, office.partnership).responsible_officer_id == office.keep
    # A delegation in the trash keeps its member, as the kept person.
    trashed = db.raw_connection_execute(
        "SELECT person_id, function FROM delegation_members WHERE delegation_id = ?", office.trashed
    )
    assert trashed == [(office.keep, "Guest")]


def test_a_link_both_had_is_kept_once(db: Database, office: Office) -> None:
    merge_people(db, office.keep, office.merge)
    both = delegation_state(db, office.both)
    # One member, who takes the function and rank only the merged entry had.
    assert both["members"] == [(office.keep, "Head of delegation", 1)]
    member = get_delegation(db, office.both).members[0]
    assert member.dietary_needs == "vegetarian"
    assert both["programme"] == [sorted([office.keep, office.other])]
    assert [p for p, _n in get_correspondence(db, office.letter).people] == [office.keep]
    assert tags_of(db, "person", office.keep) == ["Press", "VIP"]


def test_contacts_addresses_and_organisations_are_moved_without_doubles(
    db: Database, office: Office
) -> None:
    merge_people(db, office.keep, office.merge)
    kept = get_person(db, office.keep)
    assert [(p.kind, p.value, p.label, p.is_primary) for p in kept.contact_points] == [
        # The same email typed otherwise is one; it takes the label only the merged one had.
        ("email", "inese.berzina@liepaja.lv", "office", True),
        ("phone", "+371 6 34 04789", None, True),  # the first phone: primary
    ]
    assert [(a.street, a.label) for a in kept.addresses] == [
        ("Rožu laukums 5", None),
        ("Pasta iela 1", "private"),
    ]
    assert sorted(
        (a.organisation_name, a.function, a.department, a.is_primary) for a in kept.affiliations
    ) == [
        ("Bureau of International Relations", "Member", None, False),
        ("Liepājas pilsētas dome", "Head of Bureau", "Protocol", True),
    ]


def test_empty_fields_are_filled_and_notes_joined(db: Database, office: Office) -> None:
    preview = merge_preview(db, "person", office.keep, office.merge)
    assert_plain(preview)
    assert preview.filled == ("title", "function", "country", "notes")
    merge_people(db, office.keep, office.merge)
    kept = get_person(db, office.keep)
    assert (kept.title, kept.family_name, kept.function, kept.country) == (
        "Ms",
        "Bērziņa",  # the kept record's own name stays
        "Head of Bureau",
        "LV",
    )
    assert kept.notes == "Speaks German.\n\nPrefers tea."


def test_the_preview_says_what_moves(db: Database, office: Office) -> None:
    preview = merge_preview(db, "person", office.keep, office.merge)
    assert (preview.keep_label, preview.merge_label) == ("Inese Bērziņa", "Ms Inese Berzina")
    assert (preview.keep_detail, preview.merge_detail) == (
        "inese.berzina@liepaja.lv",  # nothing else tells her apart
        "Head of Bureau, LV",
    )
    assert preview.moves == (
        "2 phone numbers, emails or web addresses",
        "2 postal addresses",
        "2 organisations",
        "2 entries in the correspondence register",
        "3 delegations",
        "1 gift",
        "1 partnership",
        "2 tags",
    )


def test_history_shows_what_moved(db: Database, office: Office) -> None:
    merge_people(db, office.keep, office.merge)
    operation = operations(db)[-1]
    assert operation.label == "Merge “Ms Inese Berzina” into “Inese Bērziņa”"
    recorded = [(c.entity, c.entity_id, c.action) for c in operation.changes]
    assert recorded == [
        ("correspondence", office.letter, "update"),
        ("correspondence", office.note, "update"),
        ("delegation", office.both, "update"),
        ("delegation", office.visit, "update"),
        ("partnership", office.partnership, "update"),
        ("person", office.keep, "update"),
        ("person", office.merge, "update"),
        ("person", office.merge, "delete"),
    ]
    changes = {(c.entity, c.entity_id, c.action): c for c in operation.changes}
    officer = changes[("partnership", office.partnership, "update")]
    assert (officer.old, officer.new) == (
        {"responsible_officer_id": office.merge},
        {"responsible_officer_id": office.keep},
    )
    # Both people's histories tell the story, field by field, with names for ids.
    kept_events = history.record_history(db, "person", office.keep)
    fields = {f.field for f in kept_events[0].change.fields}
    assert {"contact_points", "addresses", "affiliations", "function", "notes"} <= fields
    merged_events = history.record_history(db, "person", office.merge)
    assert [e.change.action for e in merged_events[:2]] == ["delete", "update"]
    # The links kept for undo are bookkeeping, not fields the user reads.
    assert merged_events[0].change.fields == ()
    delegation_change = history.record_history(db, "delegation", office.visit)[0].change
    host = next(f for f in delegation_change.fields if f.field == "host_person_id")
    # Names as they are now: the kept person took the title only the merged one had.
    assert (host.old, host.new) == ("Ms Inese Berzina", "Ms Inese Bērziņa")


def test_the_merged_person_waits_in_the_trash(db: Database, office: Office) -> None:
    merge_people(db, office.keep, office.merge)
    assert ("person", office.merge) in {(i.entity, i.entity_id) for i in trash_items(db)}
    with pytest.raises(NotFound):
        get_person(db, office.merge)
    restore_from_trash(db, "person", office.merge)
    # Restored by hand, it comes back as it was left: its links stay with the kept one.
    restored = get_person(db, office.merge)
    assert restored.display_name == "Ms Inese Berzina"
    assert restored.contact_points == ()


def test_search_finds_the_kept_person_only(db: Database, office: Office) -> None:
    assert found(db, "berzina") == {("person", office.keep), ("person", office.merge)}
    merge_people(db, office.keep, office.merge)
    assert found(db, "berzina") == {("person", office.keep)}
    assert found(db, "37163404789") == {("person", office.keep)}  # the phone moved along
    assert ("person", office.keep) in found(db, "International Relations")


def test_undo_takes_the_whole_merge_back_and_redo_does_it_again(
    db: Database, office: Office
) -> None:
    before = state(db, office)
    merge_people(db, office.keep, office.merge)
    merged = state(db, office)
    assert merged != before

    changes = undo_last(db)
    assert changes.created == {"person": {office.merge}}
    assert state(db, office) == before
    assert pointing_at(db, "people", office.merge)

    redo_last(db)
    assert state(db, office) == merged
    undo_last(db)
    assert state(db, office) == before


def test_what_cannot_be_merged(db: Database, office: Office) -> None:
    with pytest.raises(ServiceError, match="itself"):
        merge_people(db, office.keep, office.keep)
    delete_to_trash(db, "person", office.other)
    with pytest.raises(NotFound):
        merge_people(db, office.keep, office.other)
    with pytest.raises(NotFound):
        merge_people(db, 9999, office.merge)
    assert get_person(db, office.merge).display_name == "Ms Inese Berzina"  # nothing changed


# --- organisations ----------------------------------------------------------------------------


@dataclass
class Orgs:
    keep: int
    merge: int
    officer: int
    helper: int
    partnership: int
    letter: int
    project: int
    event: int


@pytest.fixture
def orgs(db: Database) -> Orgs:
    keep, _c = create_organisation(
        db,
        OrganisationInput(
            "Union of Baltic Cities",
            contact_points=[ContactPointInput("email", "info@ubc.net")],
        ),
    )
    merge, _c = create_organisation(
        db,
        OrganisationInput(
            "UBC",
            kind="network",
            city="Gdańsk",
            short_name="UBC",
            contact_points=[
                ContactPointInput("email", "INFO@ubc.net"),
                ContactPointInput("web", "www.ubc.net"),
            ],
        ),
    )
    officer, _c = create_person(
        db,
        PersonInput(
            "Kowalska",
            "Anna",
            affiliations=[AffiliationInput(keep, "Secretary General"), AffiliationInput(merge)],
        ),
    )
    helper, _c = create_person(
        db, PersonInput("Nowak", "Piotr", affiliations=[AffiliationInput(merge, "Intern")])
    )
    partnership, _c = create_partnership(
        db, PartnershipInput("Gdańsk", "PL", association_id=merge, funder_ids=[keep, merge])
    )
    letter, _c = create_correspondence(
        db, CorrespondenceInput("Annual conference", counterpart_organisation_id=merge)
    )
    with db.write_session() as session:
        project = Project(name="Baltic youth forum", funder_id=merge)
        event = Event(name="UBC General Conference", starts_at=MORNING, organiser_id=merge)
        session.add_all([project, event])
        session.commit()
        project_id, event_id = project.id, event.id
    tag(db, "Press", "organisation", merge)
    return Orgs(keep, merge, officer, helper, partnership, letter, project_id, event_id)


def test_merging_organisations_moves_people_partnerships_and_the_rest(
    db: Database, orgs: Orgs
) -> None:
    assert merge_preview(db, "organisation", orgs.keep, orgs.merge).moves == (
        "2 phone numbers, emails or web addresses",
        "2 people who work there",
        "1 entry in the correspondence register",
        "1 partnership",
        "1 project",
        "1 event",
        "1 tag",
    )
    changes = merge_organisations(db, orgs.keep, orgs.merge)
    assert pointing_at(db, "organisations", orgs.merge) == {}
    assert changes.label == "Merge “UBC” into “Union of Baltic Cities”"
    assert changes.updated["person"] == {orgs.officer, orgs.helper}

    kept = get_organisation(db, orgs.keep)
    assert (kept.kind, kept.city, kept.short_name) == ("network", "Gdańsk", "UBC")
    assert [(p.kind, p.value) for p in kept.contact_points] == [
        ("email", "info@ubc.net"),
        ("web", "www.ubc.net"),
    ]
    assert sorted((p.person_name, p.function) for p in kept.people) == [
        ("Anna Kowalska", "Secretary General"),  # she was at both: once
        ("Piotr Nowak", "Intern"),
    ]
    partnership = get_partnership(db, orgs.partnership)
    assert partnership.association_id == orgs.keep
    assert [f for f, _name in partnership.funders] == [orgs.keep]
    assert get_correspondence(db, orgs.letter).counterpart_organisation_id == orgs.keep
    project = db.raw_connection_execute("SELECT funder_id FROM projects WHERE id = ?", orgs.project)
    event = db.raw_connection_execute("SELECT organiser_id FROM events WHERE id = ?", orgs.event)
    assert (project, event) == ([(orgs.keep,)], [(orgs.keep,)])
    assert tags_of(db, "organisation", orgs.keep) == ["Press"]
    assert found(db, "ubc") == {("organisation", orgs.keep)}
    # Anna is found through the organisation she works at, under its kept name.
    assert ("person", orgs.helper) in found(db, "baltic")


def test_undo_of_an_organisation_merge(db: Database, orgs: Orgs) -> None:
    def snapshot() -> Any:
        kept, affiliations = get_organisation(db, orgs.keep), []
        for person_id in (orgs.officer, orgs.helper):
            affiliations += [
                (person_id, a.organisation_id, a.function)
                for a in get_person(db, person_id).affiliations
            ]
        links = db.raw_connection_execute(
            "SELECT (SELECT funder_id FROM projects WHERE id = ?),"
            " (SELECT organiser_id FROM events WHERE id = ?)",
            orgs.project,
            orgs.event,
        )
        partnership = get_partnership(db, orgs.partnership)
        return (
            kept.contact_points,
            kept.kind,
            sorted(affiliations),
            links,
            (partnership.association_id, sorted(f for f, _name in partnership.funders)),
            tags_of(db, "organisation", orgs.merge),
            found(db, "ubc"),
        )

    before = snapshot()
    merge_organisations(db, orgs.keep, orgs.merge)
    assert snapshot() != before
    undo_last(db)
    assert snapshot() == before
    assert get_organisation(db, orgs.merge).short_name == "UBC"
