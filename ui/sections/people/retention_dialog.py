"""The retention review, reached from the People section: the people with no activity for N
years (GDPR storage limitation), the longest quiet first; a double-click (or Enter) opens one.

N starts at the office's rule; changing it lists again, and "Keep as the office's rule" saves
it for everyone using the file. The list is read on the worker.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm.gdpr import retention
from crm.gdpr.retention import InactivePerson
from crm.i18n import _, ngettext
from crm.services.errors import ServiceError
from ui import dialogs
from ui.context import AppContext
from ui.formats import format_date

Index = QModelIndex | QPersistentModelIndex


class RetentionModel(QAbstractTableModel):
    """The quiet people: name, function, last activity and what it was."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[InactivePerson] = []
        self._kinds = retention.activity_kinds()
        self._headers = [_("Name"), _("Function"), _("Last activity"), _("What")]

    def set_rows(self, rows: list[InactivePerson]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                row.name,
                row.function or "",
                format_date(row.last_activity),
                self._kinds.get(row.activity, row.activity),
            ]
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def person_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None


class RetentionDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.office_years: int | None = None
        self._generation = 0
        self.setWindowTitle(_("Retention review"))
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(
            _(
                "People with no activity (no change, correspondence, visit, programme "
                "appointment, gift or history entry) for longer than the retention period. "
                "Check whether the office still needs their data; open one with a double-click."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        caption = QLabel(_("&No activity for"))
        self.years = QSpinBox()
        self.years.setRange(retention.MIN_YEARS, retention.MAX_YEARS)
        self.years.setSuffix(" " + _("years"))
        self.years.setAccessibleName(_("Years without activity"))
        caption.setBuddy(self.years)
        row.addWidget(caption)
        row.addWidget(self.years)
        self.keep_button = QPushButton(_("Keep as the office's rule"))
        self.keep_button.setEnabled(False)
        self.keep_button.clicked.connect(self.keep_rule)
        row.addWidget(self.keep_button)
        row.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        row.addWidget(self.count)
        layout.addLayout(row)
        self.model = RetentionModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, characters in enumerate((28, 30, 14)):
            self.table.setColumnWidth(column, characters * self.fontMetrics().averageCharWidth())
        self.table.activated.connect(lambda index: self.open_person(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_person(index.row()))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(_("Open"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._open_current)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.years.valueChanged.connect(self._years_changed)
        context.run(retention.get_years, on_done=self._office_rule, on_error=self._failed)

    def _office_rule(self, years: int) -> None:
        self.office_years = years
        self.years.blockSignals(True)
        self.years.setValue(years)
        self.years.blockSignals(False)
        self.reload()

    def _years_changed(self, _value: int) -> None:
        self.keep_button.setEnabled(self.years.value() != self.office_years)
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.count.setText(_("Looking…"))
        self.context.run(
            retention.inactive_people,
            self.years.value(),
            date.today(),
            on_done=lambda rows: self._loaded(generation, rows),
            on_error=self._failed,
        )

    def _loaded(self, generation: int, rows: list[InactivePerson]) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.model.set_rows(rows)
        self.count.setText(
            ngettext("{count} person to review", "{count} people to review", len(rows)).format(
                count=len(rows)
            )
        )

    def keep_rule(self) -> None:
        years = self.years.value()
        self.context.run(
            retention.save_years,
            years,
            on_done=lambda changes: self._kept(years, changes),
            on_error=self._failed,
        )

    def _kept(self, years: int, changes: Any) -> None:
        self.office_years = years
        self.keep_button.setEnabled(False)
        self.context.announce(changes)
        self.context.say(
            ngettext(
                "The office's retention rule is now {count} year.",
                "The office's retention rule is now {count} years.",
                years,
            ).format(count=years)
        )

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_person(index.row())

    def open_person(self, row: int) -> None:
        person_id = self.model.person_id(row)
        if person_id is not None:
            self.context.open_record.emit("person", person_id)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ServiceError):
            dialogs.show_error(self, str(error))
        else:
            self.context.worker.unhandled_error.emit(error)
