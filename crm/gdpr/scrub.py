"""What identifies a person in text, and taking it out of text and of the history's values.

The terms are the person's names in every form the office wrote them (with and without title,
"family, given", in their own script, in Latin letters, the salutation), as they are now and as
the history recorded them before, and every phone, fax, email and web address they had, as
typed and normalised (E.164, lower case), each also folded as the search index keeps text.
The family name alone is a term only when no one else in the file bears it: scrubbing a
namesake's records would damage someone else's data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db.models import Person
from crm.text import fold, join_nonempty

MIN_TERM = 3  # shorter strings ("Li", "Dr") would cut into everyone's text

# History keys that hold the id (or ids) of a person (crm.services.history.REFERENCES).
PERSON_KEYS = frozenset(
    {
        "person_id",
        "person_ids",
        "participant_ids",
        "responsible_officer_id",
        "counterpart_person_id",
        "host_person_id",
        "from_person_id",
        "to_person_id",
    }
)
_NAME_KEYS = ("title", "given_name", "family_name", "name_original", "name_latin", "salutation")


class _Drop:
    """A value that goes as a whole (a delegation member's entry, in a member list)."""


DROP = _Drop()


def name_forms(values: Mapping[str, Any]) -> list[str]:
    """The ways a person's name is written, from a snapshot or a row's values."""
    title, given, family = (values.get(key) or None for key in _NAME_KEYS[:3])
    forms = [
        join_nonempty(given, family),
        join_nonempty(title, given, family),
        join_nonempty(family, given),
        f"{family}, {given}" if family and given else "",
        join_nonempty(title, family) if title else "",
    ]
    forms += [values.get(key) or "" for key in ("name_original", "name_latin", "salutation")]
    return [str(form) for form in forms if form]


def contact_forms(points: Iterable[Mapping[str, Any]]) -> list[str]:
    forms: list[str] = []
    for point in points:
        for key in ("value", "normalized", "display"):
            value = point.get(key)
            if isinstance(value, str) and value.strip():
                forms.append(value.strip())
                if point.get("kind") in ("phone", "mobile", "fax"):
                    forms.append(re.sub(r"\D", "", value))  # 49341123456, as some tools keep it
    return forms


def person_terms(
    session: Session, person: Person, snapshots: Iterable[Mapping[str, Any]]
) -> list[str]:
    """Every string that identifies ``person``: longest first, so "Anna Kowalczyk" is taken
    out before "Kowalczyk" alone would leave "Anna" behind."""
    found: list[str] = []
    families: set[str] = set()
    for values in snapshots:
        found += name_forms(values)
        points = values.get("contact_points")
        if isinstance(points, list):
            found += contact_forms(point for point in points if isinstance(point, dict))
        family = values.get("family_name")
        if isinstance(family, str) and family.strip():
            families.add(family.strip())
    for family in families:
        if len(family) >= 4 and not _namesake(session, person.id, family):
            found.append(family)
    terms: dict[str, None] = {}
    for term in found:
        term = " ".join(term.split())
        for form in (term, fold(term)):
            if len(form) >= MIN_TERM:
                terms.setdefault(form, None)
    return sorted(terms, key=lambda term: (-len(term), term))


def _namesake(session: Session, person_id: int, family: str) -> bool:
    """Whether someone else in the file has this family name (any case, any diacritics)."""
    wanted = fold(family)
    others = session.scalars(select(Person.family_name).where(Person.id != person_id))
    return any(fold(name) == wanted for name in others)


def pattern_of(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching every term (None when there are none)."""
    parts = [re.escape(term) for term in terms]
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def scrub_text(text: str, pattern: re.Pattern[str] | None, mark: str) -> str:
    if pattern is None or not text:
        return text
    return pattern.sub(mark, text)


def scrub_value(value: Any, pattern: re.Pattern[str] | None, person_id: int, mark: str) -> Any:
    """A history value (JSON) without the person: their entries in lists (a delegation's member
    with their dietary needs) dropped, links to them emptied, their names and numbers replaced
    by ``mark``. Returns DROP when the value as a whole is theirs."""
    if isinstance(value, dict):
        if value.get("person_id") == person_id:
            return DROP
        result: dict[str, Any] = {}
        for key, item in value.items():
            if key in PERSON_KEYS:
                if isinstance(item, list):
                    result[key] = [x for x in item if x != person_id]
                else:
                    result[key] = None if item == person_id else item
                continue
            scrubbed = scrub_value(item, pattern, person_id, mark)
            if scrubbed is DROP:
                return DROP
            result[key] = scrubbed
        return result
    if isinstance(value, list):
        items = [scrub_value(item, pattern, person_id, mark) for item in value]
        return [item for item in items if item is not DROP]
    if isinstance(value, str):
        return scrub_text(value, pattern, mark)
    return value


def scrub_json(text: str | None, pattern: re.Pattern[str] | None, person_id: int, mark: str) -> Any:
    """A stored JSON object (a change's old or new values) scrubbed; the text to store again."""
    if not text:
        return text
    try:
        loaded = json.loads(text)
    except ValueError:
        return scrub_text(text, pattern, mark)
    scrubbed = scrub_value(loaded, pattern, person_id, mark)
    if scrubbed is DROP:
        scrubbed = {}
    return json.dumps(scrubbed, ensure_ascii=False)


def mentions(values: Any, person_id: int) -> bool:
    """Whether a history value links to the person by id."""
    if isinstance(values, dict):
        if values.get("person_id") == person_id:
            return True
        for key, item in values.items():
            if key in PERSON_KEYS and (
                item == person_id or (isinstance(item, list) and person_id in item)
            ):
                return True
            if mentions(item, person_id):
                return True
        return False
    if isinstance(values, list):
        return any(mentions(item, person_id) for item in values)
    return False


def concerning(value: Any, pattern: re.Pattern[str] | None, person_id: int) -> Any:
    """Only the parts of a history value that concern the person (their entry in a member
    list, a link to them, a text naming them): what an Art. 15 copy gives them of another
    record's history without handing over the data of others (Art. 15(4)). None: nothing."""
    if isinstance(value, dict):
        if value.get("person_id") == person_id:
            return value
        kept: dict[str, Any] = {}
        for key, item in value.items():
            if key in PERSON_KEYS and (
                item == person_id or (isinstance(item, list) and person_id in item)
            ):
                kept[key] = [person_id] if isinstance(item, list) else person_id
                continue
            part = concerning(item, pattern, person_id)
            if part is not None:
                kept[key] = part
        return kept or None
    if isinstance(value, list):
        items = [part for item in value if (part := concerning(item, pattern, person_id))]
        return items or None
    if isinstance(value, str) and pattern is not None and pattern.search(value):
        return value
    return None
