"""Related records, on the Leipzig demo office: from a partnership to its people, delegations,
correspondence, projects and events, and from a person back to partnerships."""

from __future__ import annotations

import pytest

from crm.db.database import Database
from crm.demo import build_demo
from crm.services import lists
from crm.services.errors import NotFound
from crm.services.related import RelatedGroup, partnership_related, person_related
from crm.services.trash import delete_to_trash


@pytest.fixture
def leipzig(db: Database) -> Database:
    build_demo(db, "leipzig")
    return db


def groups_by_kind(groups: list[RelatedGroup]) -> dict[str, RelatedGroup]:
    return {group.kind: group for group in groups}


def kiew(db: Database) -> int:
    return lists.partnership_ids(db, lists.PartnershipFilter(text="Kiew"))[0]


def test_kiew_leads_to_its_people_visit_letters_and_anniversary(leipzig: Database) -> None:
    related = groups_by_kind(partnership_related(leipzig, kiew(leipzig)))
    people = {link.label for link in related["person"].links}
    # People of the Kyiv city administration (organisation in Київ), the association and the
    # officer responsible for the partnership in Leipzig.
    assert {"Olena Kovalenko", "Taras Melnyk", "Sabine Bauer", "Thomas Wendler"} <= people
    assert [link.label for link in related["delegation"].links] == [
        "Arbeitsbesuch aus Kiew: nachhaltige Stadtentwicklung"
    ]
    letters = related["correspondence"]
    assert letters.total == 7 and len(letters.links) == 7
    assert letters.links[0].detail.startswith("IZ-2026-")  # newest first
    dates = [link.detail.split(" · ")[1] for link in letters.links]
    assert dates == sorted(dates, reverse=True)
    assert related["event"].links[0].label.startswith("65 Jahre Städtepartnerschaft")


def test_groups_are_bounded_and_counted(leipzig: Database) -> None:
    letters = groups_by_kind(partnership_related(leipzig, kiew(leipzig), limit=3))["correspondence"]
    assert (len(letters.links), letters.total) == (3, 7)


def test_a_person_leads_back_to_partnerships_and_visits(leipzig: Database) -> None:
    goldfuss = lists.person_ids(leipzig, lists.PeopleFilter(text="Goldfuß"))[0]
    related = groups_by_kind(person_related(leipzig, goldfuss))
    assert {"Lyon", "Addis Abeba", "Ho-Chi-Minh-Stadt"} <= {
        link.label for link in related["partnership"].links
    }
    assert related["delegation"].total == 3


def test_trashed_records_are_not_related(leipzig: Database) -> None:
    partnership_id = kiew(leipzig)
    melnyk = lists.person_ids(leipzig, lists.PeopleFilter(text="Melnyk"))[0]
    delete_to_trash(leipzig, "person", melnyk)
    people = groups_by_kind(partnership_related(leipzig, partnership_id))["person"]
    assert "Taras Melnyk" not in {link.label for link in people.links}
    delete_to_trash(leipzig, "partnership", partnership_id)
    with pytest.raises(NotFound):
        partnership_related(leipzig, partnership_id)
