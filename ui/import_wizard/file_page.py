"""The wizard's first step: the file, and whether it holds people or organisations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from shiboken6 import isValid

from crm.i18n import _, ngettext
from crm.io.import_model import ORGANISATIONS, PEOPLE, VCARD, ImportSource, preset_name
from crm.io.import_source import FILE_PATTERNS, open_source
from crm.io.import_text import ImportFileError

if TYPE_CHECKING:
    from ui.import_wizard.wizard import ImportWizard


def choose_import_file(parent: QWidget | None) -> str | None:
    """Ask for the file to import (tests replace this function)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import"),
        "",
        _("Contacts ({patterns});;All files (*)").format(patterns=FILE_PATTERNS),
    )
    return path or None


def describe_source(source: ImportSource) -> str:
    """ "vCard file with 3 cards", "CSV file (…) with 4 rows – recognised as …"."""
    from crm.io.import_report import count_text

    if source.format == VCARD:
        count = len(source.records)
        return ngettext(
            "vCard file with {count} card", "vCard file with {count} cards", count
        ).format(count=count_text(count))
    assert source.table is not None
    count = len(source.table.rows)
    text = ngettext("{kind} with {count} row", "{kind} with {count} rows", count).format(
        kind=source.describe(), count=count_text(count)
    )
    if source.preset:
        text += " " + _("– recognised as {export}; its columns are taken as they are.").format(
            export=preset_name(source.preset)
        )
    return text


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Choose the file"))
        self.setSubTitle(
            _(
                "A vCard file (.vcf), a CSV file or an Excel workbook (.xlsx): exports of "
                "Outlook, Google Contacts or a phone, or a list from a partner city."
            )
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(_("No file chosen"))
        self.path.setAccessibleName(_("File"))
        self.path.editingFinished.connect(lambda: self.read(self.path.text()))
        row.addWidget(self.path, 1)
        self.choose = QPushButton(_("Choose…"))
        self.choose.clicked.connect(self._choose)
        row.addWidget(self.choose)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("fieldCaption")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addSpacing(12)
        caption = QLabel(_("The file holds"))
        caption.setObjectName("sectionTitle")
        layout.addWidget(caption)
        self.people = QRadioButton(_("People"))
        self.organisations = QRadioButton(_("Organisations"))
        self.kinds = QButtonGroup(self)
        for button in (self.people, self.organisations):
            self.kinds.addButton(button)
            layout.addWidget(button)
        self.people.setChecked(wizard.kind == PEOPLE)
        self.organisations.setChecked(wizard.kind == ORGANISATIONS)
        self.kinds.buttonToggled.connect(self._kind_changed)
        hint = QLabel(
            _(
                "People come with their organisation: an organisation not yet in the register "
                "is created with them. Nothing is stored before the last step."
            )
        )
        hint.setObjectName("fieldCaption")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
        self._reading = 0  # the number of the newest read; older results are dropped
        self._path = ""

    def _kind_changed(self) -> None:
        self.import_wizard.kind = ORGANISATIONS if self.organisations.isChecked() else PEOPLE

    def _choose(self) -> None:
        path = choose_import_file(self)
        if path:
            self.path.setText(path)
            self.read(path)

    def read(self, path: str) -> None:
        """Read the file on the worker; the page is complete once it was read."""
        path = path.strip()
        wizard = self.import_wizard
        if path == self._path:
            return  # read already, or being read
        self._path = path
        wizard.source = None
        self.completeChanged.emit()
        if not path:
            self.status.setText("")
            return
        self._reading += 1
        number = self._reading
        self.status.setObjectName("fieldCaption")
        self.status.setText(_("Reading the file…"))
        self._restyle()
        wizard.context.worker.submit(
            open_source,
            Path(path),
            on_done=lambda source: self._read(number, source),
            on_error=lambda error: self._failed(number, error),
        )

    def _read(self, number: int, source: ImportSource) -> None:
        if number != self._reading or not isValid(self.status):
            return  # a newer file was chosen, or the wizard was closed meanwhile
        self.import_wizard.source = source
        self.status.setText(describe_source(source))
        self.completeChanged.emit()

    def _failed(self, number: int, error: Any) -> None:
        if number != self._reading or not isValid(self.status):
            return
        if not isinstance(error, ImportFileError):
            self.import_wizard.context.worker.unhandled_error.emit(error)
            return
        self.status.setObjectName("fieldError")
        self.status.setText(str(error))
        self._restyle()

    def _restyle(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def isComplete(self) -> bool:
        return self.import_wizard.source is not None

    def nextId(self) -> int:
        from ui.import_wizard.wizard import CHECK_PAGE, MAPPING_PAGE

        source = self.import_wizard.source
        if source is not None and source.table is not None and source.preset is None:
            return MAPPING_PAGE
        return CHECK_PAGE
