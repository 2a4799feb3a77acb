"""Merging two people, or two organisations, that turned out to be one.

Every link of the merged record moves to the kept one (crm.services.merge_links lists them):
phones and addresses (exact duplicates dropped), organisations, delegations, correspondence,
partnerships, gifts, projects, events and tags. A link the kept record already has is dropped
rather than doubled (the same person twice in one delegation). Fields empty on the kept record
are filled from the merged one and their notes are joined. The merged record goes to the trash,
where it can be restored; every record that changed gets its entry in the history, in the one
operation, so History shows what moved and Undo takes the whole merge back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.enums import ChangeAction, OrganisationKind
from crm.db.models import Person
from crm.i18n import _, ngettext
from crm.services import merge_links as ml
from crm.services.errors import NotFound, ServiceError
from crm.services.lengths import fit
from crm.services.records import RecordKind, all_kinds, record_kind, touch
from crm.services.trash import _trash
from crm.services.unit import ChangeSet, UnitOfWork, write
from crm.text import fold, join_nonempty

# The fields a merge fills in on the kept record when they are empty there.
FIELDS = {
    "person": (
        "title",
        "given_name",
        "name_original",
        "name_latin",
        "function",
        "form_of_address",
        "salutation",
        "languages",
        "preferred_language",
        "country",
    ),
    "organisation": ("name_latin", "short_name", "kind", "city", "country"),
}
KEEP_LOWEST = frozenset({"protocol_rank"})  # a member listed twice keeps the higher rank


@dataclass(frozen=True)
class MergePreview:
    """What a merge would do, for the confirmation."""

    kind: str
    keep_id: int
    keep_label: str
    merge_id: int
    merge_label: str
    keep_detail: str  # what tells the two apart when their names are alike
    merge_detail: str
    moves: tuple[str, ...]  # what moves to the kept record, one line each ("2 delegations")
    filled: tuple[str, ...]  # the kept record's empty fields the merged one fills in


@dataclass
class _Step:
    link: ml.Link
    row: dict[str, Any]
    owner: tuple[str, int] | None  # the live record whose history holds the link


def _load_pair(session: Session, kind: RecordKind, keep_id: int, merge_id: int) -> tuple[Any, Any]:
    if keep_id == merge_id:
        raise ServiceError(_("A record cannot be merged with itself."))
    records = []
    for record_id in (keep_id, merge_id):
        record: Any = session.get(kind.model, record_id)
        if record is None or record.deleted_at is not None:
            raise NotFound(_("This record no longer exists (perhaps moved to the trash)."))
        records.append(record)
    return records[0], records[1]


def _empty(kind: str, field: str, value: Any) -> bool:
    if kind == "organisation" and field == "kind":
        return value in (None, "", OrganisationKind.OTHER.value)
    return value is None or (isinstance(value, str) and not value.strip())


def _filled_fields(kind: str, keep: Any, merged: Any) -> list[str]:
    fields = [
        field
        for field in FIELDS[kind]
        if _empty(kind, field, getattr(keep, field))
        and not _empty(kind, field, getattr(merged, field))
    ]
    if merged.notes and fold(merged.notes) not in fold(keep.notes):
        fields.append("notes")
    return fields


def _live_owner(session: Session, link: ml.Link, row: dict[str, Any]) -> tuple[str, int] | None:
    if link.owner is None:
        return None
    if row.get("deleted_at") is not None:
        return None  # a gift in the trash is in no delegation's record
    owner_id = ml.owner_id_of(session, link, row)
    kind = all_kinds().get(link.owner)
    if owner_id is None or kind is None:
        return None
    record: Any = session.get(kind.model, owner_id)
    if record is None or record.deleted_at is not None:
        return None
    return link.owner, owner_id


def _steps(session: Session, kind: str, merge_id: int) -> list[_Step]:
    steps = []
    for link in ml.LINKS[kind]:
        for row in ml.rows_of(session, link, merge_id):
            steps.append(_Step(link, row, _live_owner(session, link, row)))
    return steps


def _fill_duplicate(session: Session, step: _Step, kept_row: dict[str, Any]) -> None:
    """The kept link takes what only the dropped one knew (a member's function, a label)."""
    table = step.link.sql
    skip = {c.name for c in table.primary_key.columns} | {step.link.column, *step.link.same}
    values: dict[str, Any] = {}
    for column in table.columns:
        name, mine, theirs = column.name, kept_row.get(column.name), step.row.get(column.name)
        if name in skip or theirs is None or isinstance(theirs, bool):
            continue
        if name in KEEP_LOWEST and mine is not None:
            if theirs < mine:
                values[name] = theirs
        elif mine is None or (isinstance(mine, str) and not mine.strip()):
            values[name] = theirs
    ml.set_values(session, step.link, kept_row, values)
    kept_row.update(values)


def _move_links(session: Session, steps: Sequence[_Step], keep_id: int) -> list[dict[str, Any]]:
    """Move or drop every link; returns those no record's history holds (for undo)."""
    unrecorded: list[dict[str, Any]] = []
    kept: dict[ml.Link, list[dict[str, Any]]] = {}
    moved: dict[ml.Link, list[dict[str, Any]]] = {}
    for step in steps:
        link = step.link
        if link not in kept:
            kept[link] = ml.rows_of(session, link, keep_id)
        twin = next((row for row in kept[link] if ml.same_link(link, step.row, row)), None)
        if twin is not None:
            ml.drop_row(session, link, step.row)
            if step.owner is None:
                unrecorded.append(ml.dropped_entry(link, step.row))
            else:
                _fill_duplicate(session, step, twin)
            continue
        ml.move_row(session, link, step.row, keep_id)
        if step.owner is None:
            unrecorded.append(ml.moved_entry(link, step.row))
        moved.setdefault(link, []).append(step.row | {link.column: keep_id})
    for link, rows in moved.items():
        if link.primary_by is not None:
            _one_primary(session, link, kept.get(link, []), rows)
    return unrecorded


def _one_primary(
    session: Session, link: ml.Link, kept_rows: list[dict[str, Any]], moved: list[dict[str, Any]]
) -> None:
    """Rows moved to the kept record come after its own and are primary only where it had none
    (one primary phone, one primary email...)."""
    assert link.primary_by is not None
    primary = {tuple(r[c] for c in link.primary_by) for r in kept_rows if r.get("is_primary")}
    position = max((r.get("position") or 0 for r in kept_rows), default=-1) + 1
    for row in moved:
        values: dict[str, Any] = {}
        group = tuple(row[c] for c in link.primary_by)
        if row.get("is_primary"):
            if group in primary:
                values["is_primary"] = False
            primary.add(group)
        if "position" in row:
            values["position"] = position
            position += 1
        ml.set_values(session, link, row, values)


def _fill_fields(kind: str, keep: Any, merged: Any, fields: list[str]) -> None:
    for field in fields:
        if field == "notes":
            keep.notes = join_nonempty(keep.notes, merged.notes, sep="\n\n")
        else:
            setattr(keep, field, getattr(merged, field))
    if kind == "person" and "given_name" in fields:
        sort_name = fold(join_nonempty(keep.family_name, keep.given_name))
        keep.sort_name = fit(Person, "sort_name", sort_name)


def _merge(unit: UnitOfWork, kind_name: str, keep_id: int, merge_id: int) -> None:
    session = unit.session
    kind = record_kind(kind_name)
    kinds = all_kinds()
    keep, merged = _load_pair(session, kind, keep_id, merge_id)
    keep_name, merged_name = kind.label(keep), kind.label(merged)
    unit.operation.label = _("Merge “{merged}” into “{kept}”").format(
        merged=merged_name, kept=keep_name
    )
    steps = _steps(session, kind_name, merge_id)
    pair = [(kind_name, keep_id), (kind_name, merge_id)]
    others = {step.owner for step in steps if step.owner is not None} - set(pair)
    owners = [*sorted(others), *pair]  # the kept and the merged record last
    records: dict[tuple[str, int], Any] = {o: session.get(kinds[o[0]].model, o[1]) for o in owners}
    before = {o: kinds[o[0]].snapshot(records[o]) for o in owners}
    fields = _filled_fields(kind_name, keep, merged)
    session.flush()
    unrecorded = _move_links(session, steps, keep_id)
    session.expire_all()
    _fill_fields(kind_name, keep, merged, fields)
    session.flush()
    for owner in owners:
        record, owner_kind = records[owner], kinds[owner[0]]
        after = owner_kind.snapshot(record)
        if after == before[owner]:
            continue
        touch(record)
        session.flush()
        owner_kind.reindex(session, record)
        unit.record(
            ChangeAction.UPDATE,
            owner[0],
            owner[1],
            owner_kind.label(record),
            old=before[owner],
            new=after,
        )
    links = {"from": merge_id, "to": keep_id, "links": unrecorded} if unrecorded else None
    _trash(unit, kind, merge_id, links)
    kind.reindex(session, keep)


def merge_people(db: Database, keep_id: int, merge_id: int) -> ChangeSet:
    """Merge the person ``merge_id`` into ``keep_id``; the merged one goes to the trash."""
    with write(db, _("Merge people")) as unit:
        _merge(unit, "person", keep_id, merge_id)
        return unit.changes


def merge_organisations(db: Database, keep_id: int, merge_id: int) -> ChangeSet:
    """Merge the organisation ``merge_id`` into ``keep_id``; the merged one goes to the trash."""
    with write(db, _("Merge organisations")) as unit:
        _merge(unit, "organisation", keep_id, merge_id)
        return unit.changes


def merge_records(db: Database, kind: str, keep_id: int, merge_id: int) -> ChangeSet:
    if kind == "person":
        return merge_people(db, keep_id, merge_id)
    if kind == "organisation":
        return merge_organisations(db, keep_id, merge_id)
    raise ServiceError(_("Only people and organisations can be merged."))


# --- the preview ------------------------------------------------------------------------------


def _group_text(group: str, count: int) -> str:
    texts = {
        "contacts": ngettext(
            "{count} phone number, email or web address",
            "{count} phone numbers, emails or web addresses",
            count,
        ),
        "addresses": ngettext("{count} postal address", "{count} postal addresses", count),
        "affiliations": ngettext("{count} organisation", "{count} organisations", count),
        "people": ngettext(
            "{count} person who works there", "{count} people who work there", count
        ),
        "correspondence": ngettext(
            "{count} entry in the correspondence register",
            "{count} entries in the correspondence register",
            count,
        ),
        "delegations": ngettext("{count} delegation", "{count} delegations", count),
        "gifts": ngettext("{count} gift", "{count} gifts", count),
        "partnerships": ngettext("{count} partnership", "{count} partnerships", count),
        "projects": ngettext("{count} project", "{count} projects", count),
        "events": ngettext("{count} event", "{count} events", count),
        "tags": ngettext("{count} tag", "{count} tags", count),
    }
    return texts[group].format(count=count)


def _detail(kind: str, record: Any) -> str:
    """Function and country of a person, city and country of an organisation, else a phone
    or email: what tells apart two records of the same name."""
    first = " ".join(str(record.function or "").split()) if kind == "person" else record.city
    detail = join_nonempty(first, record.country, sep=", ")
    if not detail and record.contact_points:
        detail = record.contact_points[0].value
    return detail


def merge_preview(db: Database, kind: str, keep_id: int, merge_id: int) -> MergePreview:
    """What merging ``merge_id`` into ``keep_id`` moves and fills in, before it is done."""
    if kind not in ml.LINKS:
        raise ServiceError(_("Only people and organisations can be merged."))
    record = record_kind(kind)
    with db.read() as session:
        keep, merged = _load_pair(session, record, keep_id, merge_id)
        found: dict[str, set[Any]] = {}
        for link in ml.LINKS[kind]:
            for row in ml.rows_of(session, link, merge_id):
                # Counted by what the user sees: delegations, not member rows.
                counted_by_owner = link.group in ("delegations", "correspondence", "partnerships")
                key: Any = ml.owner_id_of(session, link, row) if counted_by_owner else None
                if key is None:
                    key = (link.table, *ml.key_of(link.sql, row).values())
                found.setdefault(link.group, set()).add(key)
        groups = [link.group for link in ml.LINKS[kind]]
        moves = tuple(
            _group_text(group, len(found[group]))
            for group in dict.fromkeys(groups)
            if found.get(group)
        )
        return MergePreview(
            kind=kind,
            keep_id=keep_id,
            keep_label=record.label(keep),
            merge_id=merge_id,
            merge_label=record.label(merged),
            keep_detail=_detail(kind, keep),
            merge_detail=_detail(kind, merged),
            moves=moves,
            filled=tuple(_filled_fields(kind, keep, merged)),
        )
