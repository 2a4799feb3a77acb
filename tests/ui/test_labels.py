"""Every stored value of a vocabulary has a label; countries are named in the user's language."""

from __future__ import annotations

from enum import StrEnum

import pytest

from crm.db.enums import (
    ActivityRating,
    AgreementKind,
    ContactKind,
    OrganisationKind,
    PartnershipKind,
    PartnershipStatus,
)
from crm.i18n import set_language
from ui import labels
from ui.countries import country_choices, country_code, country_name


@pytest.mark.parametrize(
    ("vocabulary", "enum"),
    [
        (labels.partnership_kinds, PartnershipKind),
        (labels.partnership_statuses, PartnershipStatus),
        (labels.activity_ratings, ActivityRating),
        (labels.activity_rating_descriptions, ActivityRating),
        (labels.agreement_kinds, AgreementKind),
        (labels.contact_kinds, ContactKind),
        (labels.organisation_kinds, OrganisationKind),
    ],
)
def test_every_value_has_a_label(vocabulary: object, enum: type[StrEnum]) -> None:
    mapping = vocabulary()  # type: ignore[operator]
    assert set(mapping) == {member.value for member in enum}
    assert all(mapping.values())


def test_unknown_values_are_shown_as_stored() -> None:
    assert labels.label(labels.partnership_kinds(), "sister_port") == "sister_port"
    assert labels.label(labels.partnership_kinds(), None) == ""


def test_country_names_in_the_users_language() -> None:
    assert country_name("LV") == "Latvia"
    assert country_code("latvia") == "LV"
    assert country_code("türkiye") == country_code("turkiye") == "TR"
    set_language("de")
    assert country_name("LV") == "Lettland"
    assert country_code("Lettland") == "LV"
    assert country_code("lv") == "LV"
    assert country_code("Atlantis") is None
    names = [name for _code, name in country_choices()]
    assert names.index("Österreich") < names.index("Polen")  # sorted as read, not by code
    assert "Europäische Union" not in names
