"""The parts of a project and an event checked and looked up alike: the budget and its
currency, links to other records (which may stay while the record is in the trash), and the
names of linked records."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import Organisation, Partnership
from crm.i18n import _

# Numeric(14, 2): twelve digits before the decimal point.
MAX_BUDGET = Decimal("999999999999.99")
CENT = Decimal("0.01")


def _text(value: Any) -> Any:
    return value.strip() or None if isinstance(value, str) else value


def clean_budget(value: Any, errors: dict[str, str]) -> Decimal | None:
    """The budget as a Decimal in cents, or None; notes an error for what cannot be stored."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, TypeError, ValueError):
        errors["budget"] = _("Enter the budget as a number, like 25000.")
        return None
    if not amount.is_finite():
        errors["budget"] = _("Enter the budget as a number, like 25000.")
        return None
    if amount < 0:
        errors["budget"] = _("The budget cannot be negative.")
        return None
    amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    if amount > MAX_BUDGET:
        errors["budget"] = _("The budget is too large.")
        return None
    return amount


def clean_currency(value: Any, errors: dict[str, str], key: str = "currency") -> str | None:
    """An ISO 4217 code in capitals ("eur" -> "EUR"), or None; unknown codes are an error."""
    from babel.numbers import is_currency

    text = _text(value)
    if text is None:
        return None
    code = str(text).upper()
    if len(code) != 3 or not code.isalpha() or not is_currency(code):
        errors[key] = _("“{value}” is not a currency code (like EUR, SEK or USD).").format(
            value=text
        )
        return None
    return code


def linkable(session: Session, model: Any, record_id: Any, current: Any = None) -> bool:
    """A link may point to a record that is not in the trash, or stay where it points."""
    record = session.get(model, record_id) if isinstance(record_id, int) else None
    if record is None:
        return False
    return record.deleted_at is None or record_id == current


def partnership_label_of(session: Session, partnership_id: int | None) -> str | None:
    """The linked partnership's name (also while it is in the trash: the link stays)."""
    from crm.services.partnerships import label as partnership_label

    partnership = session.get(Partnership, partnership_id) if partnership_id else None
    return partnership_label(partnership) if partnership is not None else None


def organisation_name_of(
    session: Session, organisation_id: int | None, *, trashed: bool = True
) -> str | None:
    """The linked organisation's name; with ``trashed`` False, None while it is in the trash
    (the search index leaves it out then)."""
    organisation = session.get(Organisation, organisation_id) if organisation_id else None
    if organisation is None or (organisation.deleted_at is not None and not trashed):
        return None
    return organisation.name


def default_currency(db: Database) -> str:
    """The currency of the office's home country (EUR in Leipzig, SEK in Göteborg)."""
    from babel.numbers import get_territory_currencies

    from crm.services.office import get_profile

    country = get_profile(db).country
    try:
        found = get_territory_currencies(country, date.today())
    except Exception:  # an unknown territory: Babel raises its own lookup errors
        found = []
    return found[0] if found else "EUR"
