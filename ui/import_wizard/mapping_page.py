"""For a CSV file or a workbook: what each column holds, with the first rows as a preview.

The guess from the column titles is filled in; the user corrects it. The preview's headings
follow the choices, so a swapped given and family name shows at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from crm.i18n import _
from crm.io.import_model import FAMILY_NAME, FULL_NAME, IGNORE, ORGANISATION, PEOPLE, fields_for
from crm.io.import_table import ColumnMapping, guess_mapping, preview_rows

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard

EXAMPLES = 3


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Match the columns"))
        self.setSubTitle(
            _("Choose what each column holds; columns set to “(do not import)” are left out.")
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("importColumns")
        self.columns.setHorizontalHeaderLabels([_("Column"), _("Examples"), _("Import as")])
        self.columns.verticalHeader().hide()
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setAccessibleName(_("Columns of the file"))
        self.columns.setWordWrap(False)
        self.columns.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.columns.setAlternatingRowColors(True)
        self.columns.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.columns, 3)
        self.warning = QLabel()
        self.warning.setObjectName("fieldError")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        caption = QLabel(_("Preview of the first rows"))
        caption.setObjectName("sectionTitle")
        layout.addWidget(caption)
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("importPreview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.setAccessibleName(_("Preview"))
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        layout.addWidget(self.preview, 2)
        self.combos: list[QComboBox] = []
        self._shown: tuple[object, str] | None = None

    def initializePage(self) -> None:
        wizard = self.import_wizard
        source = wizard.source
        assert source is not None and source.table is not None
        if self._shown == (source, wizard.kind) and wizard.mapping is not None:
            return  # back from the check: keep what the user chose
        self._shown = (source, wizard.kind)
        table = source.table
        mapping = guess_mapping(table.headers, wizard.kind)
        wizard.mapping = mapping
        fields = fields_for(wizard.kind)
        self.columns.setRowCount(len(table.headers))
        self.combos = []
        for column, title in enumerate(table.headers):
            self.columns.setItem(column, 0, QTableWidgetItem(title))
            examples = [cells[column] for _line, cells in table.rows if cells[column]][:EXAMPLES]
            shown = " · ".join(" ".join(example.split()) for example in examples)
            example_item = QTableWidgetItem(shown)
            example_item.setToolTip("\n".join(examples))
            self.columns.setItem(column, 1, example_item)
            combo = QComboBox()
            combo.setAccessibleName(_("Import “{column}” as").format(column=title))
            for key, label in fields.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.targets[column])))
            combo.currentIndexChanged.connect(
                lambda _i, column=column, combo=combo: self._changed(column, combo)
            )
            self.columns.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        height = max(self.combos[0].sizeHint().height() if self.combos else 0, 28) + 4
        for row in range(self.columns.rowCount()):
            self.columns.setRowHeight(row, height)
        rows = preview_rows(table)
        self.preview.setRowCount(len(rows))
        self.preview.setColumnCount(len(table.headers))
        for row, cells in enumerate(rows):
            for column, cell in enumerate(cells):
                item = QTableWidgetItem(" ".join(cell.split()))
                item.setToolTip(cell)
                self.preview.setItem(row, column, item)
        self._update_preview()

    def _changed(self, column: int, combo: QComboBox) -> None:
        mapping = self.import_wizard.mapping
        assert mapping is not None
        mapping.targets[column] = str(combo.currentData() or IGNORE)
        self._update_preview()
        self.completeChanged.emit()

    def _update_preview(self) -> None:
        wizard = self.import_wizard
        source, mapping = wizard.source, wizard.mapping
        assert source is not None and source.table is not None and mapping is not None
        fields = fields_for(wizard.kind)
        labels = []
        for title, target in zip(source.table.headers, mapping.targets, strict=True):
            labels.append(f"{title}\n→ {fields[target]}" if target else f"{title}\n–")
        self.preview.setHorizontalHeaderLabels(labels)
        self.preview.resizeColumnsToContents()
        for column in range(self.preview.columnCount()):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column), 260))
        self.warning.setText("" if self.isComplete() else self._missing_name())
        self.warning.setVisible(not self.isComplete())

    def _missing_name(self) -> str:
        if self.import_wizard.kind == PEOPLE:
            return _("Choose the column with the family name (or the full name).")
        return _("Choose the column with the organisation's name.")

    def isComplete(self) -> bool:
        mapping = self.import_wizard.mapping
        if mapping is None:
            return False
        wanted = {FAMILY_NAME, FULL_NAME} if self.import_wizard.kind == PEOPLE else {ORGANISATION}
        return bool(wanted & mapping.mapped())

    def current_mapping(self) -> ColumnMapping | None:
        return self.import_wizard.mapping
