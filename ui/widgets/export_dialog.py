"""Export… for a list: what to export (the list as filtered, or the rows chosen), the format
and its options, then the file; the export runs on the worker with progress and Cancel.

When the file is written the dialog emits ``exported(path)``; the section passes it on (the
place for "Send by email" to hook in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _, ngettext
from crm.io.export_model import (
    CORRESPONDENCE,
    CSV,
    DELEGATIONS,
    FORMATS_OF,
    ICS,
    ORGANISATIONS,
    PARTNERSHIPS,
    PEOPLE,
    VCF,
    XLSX,
    ExportRequest,
    ExportResult,
    default_file_name,
)
from crm.services.errors import ServiceError
from ui import dialogs
from ui.context import AppContext
from ui.progress import ProgressRun
from ui.state import ui_state
from ui.widgets.choice_combo import ChoiceCombo

# The list models' record kinds and what they export as.
_KINDS = {
    "person": PEOPLE,
    "organisation": ORGANISATIONS,
    "partnership": PARTNERSHIPS,
    "delegation": DELEGATIONS,
    "correspondence": CORRESPONDENCE,
}
LAST_FOLDER_KEY = "export/lastFolder"
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
TITLE_CHARS = 32  # a delegation's title in the calendar choice, shortened beyond
VISITS = "visits"
PROGRAMME = "programme"


def export_kind_of(record_kind: str) -> str | None:
    return _KINDS.get(record_kind)


@dataclass(frozen=True)
class ListToExport:
    """What the section shows: its list (filter, order, length) and the rows chosen."""

    kind: str
    filters: Any
    sort: str
    descending: bool
    count: int
    selected: tuple[int, ...] = ()
    current: tuple[int, str] | None = None  # the record open in the editor: (id, name)


def format_choices(kind: str) -> list[tuple[str, str]]:
    names = {
        CSV: _("CSV – for Excel, LibreOffice, mail merge"),
        XLSX: _("Excel workbook (.xlsx)"),
        VCF: _("vCard – for address books (.vcf)"),
        ICS: _("iCalendar – for calendars (.ics)"),
    }
    return [(format_, names[format_]) for format_ in FORMATS_OF[kind]]


def separator_choices() -> list[tuple[str, str]]:
    return [(";", _("Semicolon (;) – Excel in Germany")), (",", _("Comma (,)"))]


def vcard_choices() -> list[tuple[str, str]]:
    return [
        ("3.0", _("3.0 – Outlook, Google, Apple, Android")),
        ("4.0", _("4.0 – Thunderbird and newer programs")),
    ]


def records(kind: str, count: int) -> str:
    """ "63 people", "1 organisation": the list's own words."""
    if kind == PEOPLE:
        return ngettext("{count} person", "{count} people", count).format(count=count)
    if kind == ORGANISATIONS:
        return ngettext("{count} organisation", "{count} organisations", count).format(count=count)
    if kind == PARTNERSHIPS:
        return ngettext("{count} partnership", "{count} partnerships", count).format(count=count)
    if kind == DELEGATIONS:
        return ngettext("{count} delegation", "{count} delegations", count).format(count=count)
    return ngettext("{count} entry", "{count} entries", count).format(count=count)


def _hint(format_: str | None) -> str:
    hints = {
        CSV: _(
            "UTF-8 text that Excel and LibreOffice open directly. Text that would start a "
            "formula (=, +, -, @) gets an apostrophe in front, so it stays text."
        ),
        XLSX: _("Dates as dates, numbers as numbers, a filter on every column."),
        VCF: _(
            "One file with every contact: phones, mobiles, faxes and emails with their kind, "
            "organisation, function and address."
        ),
        ICS: _(
            "Outlook, Thunderbird and Google Calendar import it, at the times of this "
            "computer's time zone."
        ),
    }
    return hints.get(format_ or "", "")


def _suffix_filter(format_: str) -> str:
    filters = {
        CSV: _("CSV files (*.csv)"),
        XLSX: _("Excel workbooks (*.xlsx)"),
        VCF: _("vCard files (*.vcf)"),
        ICS: _("iCalendar files (*.ics)"),
    }
    return filters[format_]


def choose_export_path(parent: QWidget | None, suggested: Path, format_: str) -> str | None:
    """Ask where to save the export (tests replace this function)."""
    dialog = QFileDialog(parent, _("Export to"), str(suggested.parent))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(_suffix_filter(format_))
    dialog.setDefaultSuffix(format_)
    dialog.selectFile(str(suggested))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]


def _start_folder() -> Path:
    remembered = ui_state().value(LAST_FOLDER_KEY, "")
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class ExportDialog(QDialog):
    exported = Signal(str)  # the path of the file written

    def __init__(self, context: AppContext, listed: ListToExport, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.listed = listed
        self.run: ProgressRun | None = None
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Export"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        heading = QLabel(_("Export {records}").format(records=self._kind_words()))
        heading.setObjectName("editorTitle")
        layout.addWidget(heading)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        self.whole = QRadioButton(
            _("The list as filtered: {records}").format(records=records(listed.kind, listed.count))
        )
        self.chosen = QRadioButton(
            _("Only the rows chosen: {records}").format(
                records=records(listed.kind, len(listed.selected))
            )
        )
        self.scope = QButtonGroup(self)
        which = QWidget()
        rows = QVBoxLayout(which)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        for button in (self.whole, self.chosen):
            self.scope.addButton(button)
            rows.addWidget(button)
        several = len(listed.selected) > 1
        self.chosen.setVisible(several)
        (self.chosen if several else self.whole).setChecked(True)
        form.addRow(_("Records"), which)

        self.format = ChoiceCombo(format_choices(listed.kind))
        self.format.setObjectName("exportFormat")
        form.addRow(_("Format"), self.format)
        self.separator = ChoiceCombo(separator_choices())
        form.addRow(_("Separator"), self.separator)
        self.vcard_version = ChoiceCombo(vcard_choices())
        form.addRow(_("vCard version"), self.vcard_version)
        self.calendar = ChoiceCombo(self._calendar_choices())
        form.addRow(_("Calendar"), self.calendar)
        self._form = form
        # The rows shown change with the format: the captions keep one width throughout.
        captions = [
            form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())
        ]
        labels = [item.widget() for item in captions if item is not None and item.widget()]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setObjectName("fieldCaption")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton(_("Export…"))
        self.export_button.setObjectName("primaryButton")
        self.export_button.setDefault(True)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.start_export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._restore_choices()
        self.format.value_changed.connect(lambda _value: self._format_changed())
        self.calendar.value_changed.connect(lambda _value: self._format_changed())
        self._format_changed()
        self.setMinimumWidth(560)

    # --- choices ----------------------------------------------------------------------------

    def _kind_words(self) -> str:
        words = {
            PEOPLE: _("people"),
            ORGANISATIONS: _("organisations"),
            PARTNERSHIPS: _("partnerships"),
            DELEGATIONS: _("delegations"),
            CORRESPONDENCE: _("correspondence"),
        }
        return words[self.listed.kind]

    def _calendar_choices(self) -> list[tuple[str, str]]:
        choices = [(VISITS, _("The visits, one all-day entry each"))]
        if self.listed.kind == DELEGATIONS and self._programme_of() is not None:
            _id, title = self._programme_of() or (0, "")
            if len(title) > TITLE_CHARS:
                title = title[: TITLE_CHARS - 1].rstrip() + "…"
            choices.insert(0, (PROGRAMME, _("The programme of “{title}”").format(title=title)))
        return choices

    def _programme_of(self) -> tuple[int, str] | None:
        """The delegation whose programme can be exported: the one open in the editor."""
        return self.listed.current

    def _format_changed(self) -> None:
        format_ = self.format.value()
        for widget, shown in (
            (self.separator, format_ == CSV),
            (self.vcard_version, format_ == VCF),
            (self.calendar, format_ == ICS),
        ):
            self._form.setRowVisible(widget, shown)
        programme = format_ == ICS and self.calendar.value() == PROGRAMME
        self.whole.setEnabled(not programme)
        self.chosen.setEnabled(not programme)
        self.hint.setText(_hint(format_))
        self.adjustSize()

    def _restore_choices(self) -> None:
        state = ui_state()
        for combo, key in (
            (self.format, f"export/{self.listed.kind}/format"),
            (self.separator, "export/separator"),
            (self.vcard_version, "export/vcardVersion"),
        ):
            value = state.value(key)
            if isinstance(value, str) and combo.findData(value) >= 0:
                combo.set_value(value)

    def _remember_choices(self, folder: Path) -> None:
        state = ui_state()
        state.setValue(f"export/{self.listed.kind}/format", self.format.value())
        state.setValue("export/separator", self.separator.value())
        state.setValue("export/vcardVersion", self.vcard_version.value())
        state.setValue(LAST_FOLDER_KEY, str(folder))

    def request(self) -> ExportRequest:
        """The export as the dialog is filled in."""
        listed = self.listed
        format_ = self.format.value() or CSV
        programme = self._programme_of()
        if format_ == ICS and self.calendar.value() == PROGRAMME and programme is not None:
            return ExportRequest(kind=listed.kind, format=ICS, delegation_id=programme[0])
        chosen = self.chosen.isVisible() and self.chosen.isChecked()
        return ExportRequest(
            kind=listed.kind,
            format=format_,
            ids=listed.selected if chosen else None,
            filters=listed.filters,
            sort=listed.sort,
            descending=listed.descending,
            separator=self.separator.value() or ";",
            vcard_version=self.vcard_version.value() or "3.0",
        )

    def suggested_name(self, request: ExportRequest) -> str:
        programme = self._programme_of()
        if request.delegation_id is not None and programme is not None:
            name = _UNSAFE_IN_NAMES.sub("-", programme[1]).strip(" .-") or _("Programme")
            return f"{name}.ics"
        return default_file_name(request.kind, request.format)

    # --- running ----------------------------------------------------------------------------

    def start_export(self) -> None:
        """Ask for the file, then export to it with progress; the dialog closes."""
        request = self.request()
        chosen = choose_export_path(
            self, _start_folder() / self.suggested_name(request), request.format
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{request.format}":
            path = path.with_name(f"{path.name}.{request.format}")
        self._remember_choices(path.parent)
        self.accept()
        owner = self.parentWidget() or self
        self.run = ProgressRun(
            self.context,
            owner,
            _("Exporting"),
            _export,
            request,
            str(path),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, result: ExportResult) -> None:
        name = Path(result.path).name
        self.context.say(
            ngettext(
                "Exported {count} record to {name}.",
                "Exported {count} records to {name}.",
                result.records,
            ).format(count=result.records, name=name)
        )
        self.exported.emit(result.path)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ServiceError):
            dialogs.show_error(self.parentWidget(), str(error))
        else:
            self.context.worker.unhandled_error.emit(error)


def _export(db: Any, request: ExportRequest, path: str, progress: Any) -> ExportResult:
    from crm.io.export_run import export_to_file

    return export_to_file(db, request, path, progress)
