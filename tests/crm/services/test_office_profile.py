"""The office profile kept in the database."""

from __future__ import annotations

import pytest
from service_helpers import operations
from sqlalchemy import text

from crm.db.database import Database
from crm.services.errors import ValidationError
from crm.services.office import OfficeProfile, get_profile, save_profile
from crm.services.unit import write


def test_default_profile_is_german(db: Database) -> None:
    assert get_profile(db) == OfficeProfile()
    assert get_profile(db).country == "DE"


def test_save_and_load(db: Database) -> None:
    profile = OfficeProfile(
        office_name="Göteborgs Stad, Internationella avdelningen",
        city="Göteborg",
        country="se",
        reference_prefix="GBG",
        language="en",
    )
    changes = save_profile(db, profile)
    assert changes.updated == {"office": {0}}
    loaded = get_profile(db)
    assert loaded.country == "SE"
    assert (loaded.office_name, loaded.reference_prefix) == (profile.office_name, "GBG")
    save_profile(db, OfficeProfile(country="LV"))
    assert get_profile(db).country == "LV"


def test_empty_country_means_germany(db: Database) -> None:
    save_profile(db, OfficeProfile(country=""))
    assert get_profile(db).country == "DE"


def test_invalid_country_is_a_validation_error(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        save_profile(db, OfficeProfile(country="Sweden"))
    assert set(caught.value.errors) == {"country"}
    assert get_profile(db) == OfficeProfile()
    assert operations(db) == []


@pytest.mark.parametrize("stored", ["not json", "[1, 2]", '{"country": 7, "city": "Riga"}'])
def test_damaged_profile_falls_back_to_defaults(db: Database, stored: str) -> None:
    with write(db, "damage") as unit:
        unit.session.execute(
            text("INSERT INTO office_settings (key, value) VALUES ('office_profile', :value)"),
            {"value": stored},
        )
    profile = get_profile(db)
    assert profile.country == "DE"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def test_logo_is_kept_replaced_and_removed(db: Database) -> None:
    from crm.services.office import get_logo, save_logo

    assert get_logo(db) is None
    assert save_logo(db, PNG).updated == {"office": {0}}
    assert get_logo(db) == PNG
    save_logo(db, JPEG)
    assert get_logo(db) == JPEG
    save_logo(db, None)
    assert get_logo(db) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\x00" * 10, "The logo must be a PNG or JPEG picture."),
        (PNG + b"\x00" * (2 * 1024 * 1024), "The logo is larger than 2 MB; choose a smaller file."),
    ],
)
def test_a_bad_logo_is_refused_and_the_old_one_kept(
    db: Database, data: bytes, message: str
) -> None:
    from crm.services.office import get_logo, save_logo

    save_logo(db, PNG)
    with pytest.raises(ValidationError) as refused:
        save_logo(db, data)
    assert refused.value.errors == {"logo": message}
    assert get_logo(db) == PNG
