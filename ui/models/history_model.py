"""The history as tables: the office-wide list of operations (newest first, paged by id like
every list) and the changes of one operation or one record, field by field.

Field names are shown as readable, translated labels and stored values as a person would
write them (dates in the user's format, countries and vocabularies by their names, phones in
international format); the service has already put names in place of ids.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from crm.i18n import _, current_language
from crm.services import history
from crm.services.history import ChangeDetail, FieldChange, HistoryFilter, OperationRow
from crm.vocabulary import legal_bases
from ui import labels
from ui.context import AppContext
from ui.countries import country_name
from ui.formats import format_date
from ui.models.id_list_model import Column, IdListModel, IdQuery, Index

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.services.unit import ChangeSet

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- readable names and values ----------------------------------------------------------------


def kind_label(kind: str) -> str:
    known = labels.record_kinds() | {"project": _("Project"), "event": _("Event")}
    return known.get(kind, kind)


def action_label(action: str) -> str:
    return {
        "create": _("Created"),
        "update": _("Changed"),
        "delete": _("Moved to the trash"),
        "restore": _("Restored from the trash"),
        "purge": _("Deleted for good"),
    }.get(action, action)


def _field_labels() -> dict[str, str]:
    return {
        "title": _("Title"),
        "given_name": _("Given name"),
        "family_name": _("Family name"),
        "name": _("Name"),
        "name_original": _("Name in own script"),
        "name_latin": _("Latin transliteration"),
        "short_name": _("Short name"),
        "function": _("Function"),
        "form_of_address": _("Form of address"),
        "salutation": _("Salutation in letters"),
        "languages": _("Languages"),
        "preferred_language": _("Preferred language"),
        "country": _("Country"),
        "city": _("City"),
        "region": _("Region"),
        "notes": _("Notes"),
        "contact_points": _("Phone, fax, email and web"),
        "addresses": _("Postal addresses"),
        "affiliations": _("Organisations"),
        "city_name": _("Partner city"),
        "city_name_native": _("Name in own script"),
        "city_name_latin": _("Latin name"),
        "local_party": _("Our side, if not the whole city"),
        "since_year": _("Since (year)"),
        "since_date": _("Since (exact date)"),
        "agreement_kind": _("Kind of agreement"),
        "agreement_document": _("Document"),
        "renewal_date": _("Renewal due"),
        "status": _("Status"),
        "activity_rating": _("Activity rating"),
        "association_id": _("Partnership association"),
        "responsible_officer_id": _("Responsible officer"),
        "last_evaluation": _("Last evaluation"),
        "next_evaluation": _("Next evaluation"),
        "themes": _("Themes"),
        "funder_ids": _("Funders"),
        "kind": _("Kind"),
        "direction": _("Direction"),
        "channel": _("Channel"),
        "date": _("Date"),
        "subject": _("Subject"),
        "summary": _("Summary"),
        "counterpart_person_id": _("Person"),
        "counterpart_organisation_id": _("Organisation"),
        "counterpart_text": _("Counterpart"),
        "partnership_id": _("Partnership"),
        "delegation_id": _("Delegation"),
        "person_ids": _("Also concerns"),
        "attachments": _("Attachments"),
        "follow_up_date": _("Follow-up on"),
        "reference": _("Reference number"),
        "legal_basis": _("Legal basis"),
        "legal_basis_note": _("About the legal basis"),
        "consent_date": _("Consent given on"),
    }


def field_label(name: str) -> str:
    """A stored field name as the user knows it; unknown ones readable all the same."""
    return _field_labels().get(name) or name.removesuffix("_id").replace("_", " ").capitalize()


def _vocabulary(entity: str, field: str) -> dict[str, str] | None:
    if field == "kind":
        return {
            "partnership": labels.partnership_kinds(),
            "organisation": labels.organisation_kinds(),
        }.get(entity)
    if field == "agreement_kind":
        return labels.agreement_kinds()
    if field == "status" and entity == "partnership":
        return labels.partnership_statuses()
    if field == "legal_basis":
        return legal_bases()
    sections = {
        "correspondence": ("correspondence", ("direction", "channel", "status")),
        "delegation": ("delegations", ("direction", "status")),
    }
    section, fields = sections.get(entity, ("", ()))
    if field in fields:
        try:  # the section's own words, where that section is there
            module = importlib.import_module(f"ui.sections.{section}.vocabulary")
        except ImportError:
            return None
        names = {"direction": "directions", "channel": "channels", "status": "statuses"}
        words: dict[str, str] = getattr(module, names[field])()
        return words
    return None


def _item_text(item: dict[str, Any]) -> str:
    if "kind" in item and "value" in item:  # a phone, fax, email or web address
        value = str(item.get("display") or item.get("value") or "")
        text = f"{labels.label(labels.contact_kinds(), item['kind'])}: {value}"
        return f"{text} ({item['label']})" if item.get("label") else text
    if "organisation_id" in item:  # a person's organisation
        name = str(item["organisation_id"])
        return f"{name} ({item['function']})" if item.get("function") else name
    if "street" in item or "postcode" in item:
        place = " ".join(str(item[k]) for k in ("postcode", "city") if item.get(k))
        parts = [item.get("street"), place, country_name(item.get("country"))]
        return ", ".join(str(p) for p in parts if p)
    if "filename" in item:
        return str(item["filename"])
    return ", ".join(str(v) for k, v in item.items() if v and not isinstance(v, bool))


def format_value(entity: str, field: str, value: Any) -> str:
    """A recorded value as the user reads it ("" for nothing)."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        separator = "; " if any(isinstance(item, dict) for item in value) else ", "
        return separator.join(format_value(entity, field, item) for item in value)
    if isinstance(value, dict):
        return _item_text(value)
    if field == "country":
        return country_name(str(value))
    vocabulary = _vocabulary(entity, field)
    if vocabulary is not None:
        return labels.label(vocabulary, str(value))
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return format_date(datetime.fromisoformat(value).date())
        except ValueError:
            return value
    return str(value)


def changed_items(old: Any, new: Any) -> tuple[Any, Any]:
    """For lists of entries (phones, addresses): only those removed and those added, so a
    changed phone reads as the old number and the new one, not as two whole lists."""
    if not (isinstance(old, list) and isinstance(new, list)):
        return old, new
    if not any(isinstance(item, dict) for item in old + new):
        return old, new
    removed = [item for item in old if item not in new]
    added = [item for item in new if item not in old]
    if not removed and not added:  # the same entries in another order
        return old, new
    return removed, added


def format_time(moment: datetime) -> str:
    """A stored moment in the user's time zone and date format."""
    local = moment.astimezone()
    return local.strftime("%d.%m.%Y %H:%M" if current_language() == "de" else "%Y-%m-%d %H:%M")


# --- the office-wide list ---------------------------------------------------------------------


class HistoryModel(IdListModel[OperationRow]):
    """Every operation, newest first; any change to the office adds one, so any reloads."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, HistoryFilter(), "at")
        self.set_sort_quietly("at", True)

    def make_columns(self) -> list[Column]:
        return [
            Column("at", _("When"), sort="at", width=16),
            Column("actor", _("By"), sort="actor", width=12),
            Column("label", _("What"), sort="label", width=44),
            Column("kinds", _("Records"), width=18),
        ]

    def id_query(self) -> IdQuery:
        return history.operation_ids

    def fetch_rows(self, db: Database, ids: Sequence[int]) -> list[OperationRow]:
        return history.operation_rows(db, ids)

    def cell(self, row: OperationRow, key: str) -> str:
        if key == "at":
            return format_time(row.at)
        if key == "kinds":
            return ", ".join(kind_label(kind) for kind in row.kinds)
        if key == "label" and row.undone:
            return _("{label} (undone)").format(label=row.label)
        return str(getattr(row, key))

    def refresh(self, changes: ChangeSet) -> None:
        if changes.operation_id is not None:
            self._cache.clear()  # an undo marks an older operation as undone
            self.reload()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            row = self.row_data(index.row()) if index.isValid() else None
            if row is None or not row.undone:
                return None
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return super().data(index, role)


# --- changes, field by field --------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeLine:
    """One row of a changes table: one field of one change (or the change itself)."""

    change: ChangeDetail
    field: FieldChange | None
    at: datetime | None = None
    actor: str = ""
    operation_label: str = ""


def lines_of(change: ChangeDetail, **operation: Any) -> list[ChangeLine]:
    if change.action == "update" and change.fields:
        return [ChangeLine(change, field, **operation) for field in change.fields]
    # Created, trashed, restored, deleted: one line saying so (a new record's fields follow).
    heading = [ChangeLine(change, None, **operation)]
    return heading + [ChangeLine(change, field, **operation) for field in change.fields]


class ChangesModel(QAbstractTableModel):
    """The changes of one operation (record, field, old, new), or of one record's history
    (when, by, field, old, new) with ``per_record``."""

    def __init__(self, per_record: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.per_record = per_record
        self.lines: list[ChangeLine] = []
        if per_record:
            self.keys = ["at", "actor", "field", "old", "new"]
        else:
            self.keys = ["record", "field", "old", "new"]

    def titles(self) -> dict[str, str]:
        return {
            "at": _("When"),
            "actor": _("By"),
            "record": _("Record"),
            "field": _("Field"),
            "old": _("Old value"),
            "new": _("New value"),
        }

    def set_lines(self, lines: list[ChangeLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def text(self, line: ChangeLine, key: str) -> str:
        change, field = line.change, line.field
        if key == "at":
            return format_time(line.at) if line.at is not None else ""
        if key == "actor":
            return line.actor
        if key == "record":
            return f"{kind_label(change.entity)} · {change.label}"
        if key == "field":
            return action_label(change.action) if field is None else field_label(field.field)
        if field is None:
            return ""
        old, new = changed_items(field.old, field.new)
        return format_value(change.entity, field.field, old if key == "old" else new)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        line = self.lines[index.row()]
        key = self.keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(line, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "field" and self.per_record and line.operation_label:
                return line.operation_label
            text = self.text(line, key)
            return text.replace("; ", "\n") if len(text) > 30 else None
        if role == Qt.ItemDataRole.FontRole and line.field is None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role != Qt.ItemDataRole.DisplayRole
            or orientation != Qt.Orientation.Horizontal
            or not (0 <= section < len(self.keys))
        ):
            return None
        return self.titles()[self.keys[section]]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
