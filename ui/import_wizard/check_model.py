"""The records of a checked import as a table: line, name, action, possible duplicates and
problems; the action is chosen per record with a combo box (create, update one of the
candidates, skip)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from crm.i18n import _
from crm.io.import_check import Action, ImportPlan, PlannedRecord
from crm.io.import_model import VCARD
from ui.widgets.duplicate_dialog import reason_text

Index = QModelIndex | QPersistentModelIndex

LINE, NAME, ACTION, DUPLICATES, PROBLEMS = range(5)
ALL, PROBLEMS_ONLY, DUPLICATES_ONLY, REJECTED_ONLY = "all", "problems", "duplicates", "rejected"
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1  # [(key, label)] of the action column
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the current action as a key: "create", "update:12"


def error_colour() -> QColor:
    """The style sheet's error red, for the light or the dark palette."""
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
    return QColor("#ef5350" if dark else "#c62828")


def action_key(planned: PlannedRecord) -> str:
    if planned.action == Action.UPDATE:
        return f"update:{planned.target_id}"
    return planned.action.value


def action_choices(planned: PlannedRecord) -> list[tuple[str, str]]:
    """The actions the user may choose for the record, as (key, label)."""
    if planned.values is None:
        return [(Action.REJECT.value, _("Rejected"))]
    choices = [(Action.CREATE.value, _("Create new"))]
    for duplicate in planned.duplicates:
        choices.append(
            (f"update:{duplicate.id}", _("Update “{name}”").format(name=duplicate.label))
        )
    choices.append((Action.SKIP.value, _("Skip")))
    return choices


def duplicates_text(planned: PlannedRecord) -> str:
    parts = []
    for duplicate in planned.duplicates:
        why = ", ".join(reason_text(reason) for reason in duplicate.reasons)
        parts.append(f"{duplicate.label} ({why})")
    if planned.same_as_line is not None:
        parts.append(
            _("the record on line {line} of this file (same email address)").format(
                line=planned.same_as_line
            )
        )
    return "; ".join(parts)


def problems_text(planned: PlannedRecord) -> str:
    return "; ".join([*planned.errors, *planned.warnings])


class CheckModel(QAbstractTableModel):
    """The plan's records (all of them, or those the filter keeps)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.rows: list[int] = []  # positions in plan.records
        self.filter = ALL

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, name: str) -> None:
        self.beginResetModel()
        self.filter = name
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        records = self.plan.records if self.plan is not None else []
        keep = {
            ALL: lambda r: True,
            PROBLEMS_ONLY: lambda r: bool(r.errors or r.warnings),
            DUPLICATES_ONLY: lambda r: bool(r.duplicates or r.same_as_line is not None),
            REJECTED_ONLY: lambda r: r.action == Action.REJECT,
        }[self.filter]
        self.rows = [i for i, record in enumerate(records) if keep(record)]

    def record(self, row: int) -> PlannedRecord:
        assert self.plan is not None
        return self.plan.records[self.rows[row]]

    # --- the model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 5:
            return None
        return (_("Line"), _("Name"), _("Action"), _("Possible duplicates"), _("Problems"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ACTION and self.record(index.row()).values is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        planned = self.record(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == LINE:
                if role == Qt.ItemDataRole.ToolTipRole and self.plan and self.plan.format == VCARD:
                    return _("Card {number}").format(number=planned.source.number)
                return str(planned.line)
            if column == NAME:
                return planned.name or "?"
            if column == ACTION:
                key = action_key(planned)
                label = dict(action_choices(planned)).get(key, key)
                if role == Qt.ItemDataRole.ToolTipRole and planned.values is not None:
                    return _("{action} – click to change").format(action=label)
                return label
            if column == DUPLICATES:
                return duplicates_text(planned)
            return problems_text(planned)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column in (ACTION, PROBLEMS)
            and planned.action == Action.REJECT
        ):
            return error_colour()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == ACTION and role == CHOICES_ROLE:
            return action_choices(planned)
        if column == ACTION and role in (KEY_ROLE, Qt.ItemDataRole.EditRole):
            return action_key(planned)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != ACTION or role != Qt.ItemDataRole.EditRole:
            return False
        planned = self.record(index.row())
        if not self.choose(planned, str(value)):
            return False
        self.dataChanged.emit(index, index)
        return True

    @staticmethod
    def choose(planned: PlannedRecord, key: str) -> bool:
        """Set the record's action from a key; False when it is not one of its choices."""
        if key not in dict(action_choices(planned)) or planned.values is None:
            return False
        if key.startswith("update:"):
            planned.choose(Action.UPDATE, int(key.split(":", 1)[1]))
        else:
            planned.choose(Action(key))
        return True

    def choose_rows(self, rows: list[int], action: Action) -> int:
        """Give the records in ``rows`` the action where they allow it; returns how many."""
        changed = 0
        for row in rows:
            planned = self.record(row)
            if action in planned.choices() and planned.values is not None:
                planned.choose(action)
                changed += 1
        if changed:
            self.dataChanged.emit(self.index(0, ACTION), self.index(self.rowCount() - 1, ACTION))
        return changed


class ActionDelegate(QStyledItemDelegate):
    """A combo box with the record's choices; a chevron marks the cells that have some."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        choices = index.data(CHOICES_ROLE) or []
        if len(choices) < 2:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = item.rect.adjusted(9, 0, -22, 0)
        painter.save()
        painter.setPen(item.palette.color(role))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        elided = item.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(align), elided)
        if not selected:
            painter.setPen(item.palette.color(QPalette.ColorRole.PlaceholderText))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(item.rect.adjusted(0, 0, -8, 0), int(right), "▾")
        painter.restore()

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget | None:
        choices = index.data(CHOICES_ROLE) or []
        if len(choices) < 2:
            return None
        combo = QComboBox(parent)
        combo.setObjectName("importActionCombo")
        for key, label in choices:
            combo.addItem(label, key)
        combo.activated.connect(lambda _index: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(KEY_ROLE))
            editor.setCurrentIndex(max(0, position))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
