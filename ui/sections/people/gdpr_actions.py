"""The person editor's GDPR actions, in its "More actions" menu: "Export personal data…"
(everything held on the person, Art. 15, saved as JSON or PDF) and "Erase person…" (Art. 17,
after a confirmation that names what goes and asks for the person's name to be typed).

``choose_export_path`` and ``confirm_erasure`` ask the user; tests replace them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.gdpr import erasure, export
from crm.gdpr.erasure import ErasurePreview, ErasureResult
from crm.i18n import _
from crm.services.errors import ServiceError
from crm.text import fold
from ui import dialogs
from ui.dialogs import Unsaved

if TYPE_CHECKING:
    from ui.sections.people.editor import PersonEditor

JSON_FILTER = "JSON (*.json)"
PDF_FILTER = "PDF (*.pdf)"


def choose_export_path(parent: QWidget, name: str) -> Path | None:
    """Where to save the export, chosen in a save dialog (None: cancelled)."""
    # A name may hold characters a file name cannot (Ivanov/Petrov, "Dr. A: B").
    safe_name = re.sub(r'[\\/:*?"<>|]+', " ", name).strip() or _("person")
    file_name = _("{name} – personal data").format(name=safe_name) + ".json"
    suggested = str(Path.home() / file_name)
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        _("Export personal data of {name}").format(name=name),
        suggested,
        f"{JSON_FILTER};;{PDF_FILTER}",
    )
    if not path:
        return None
    result = Path(path)
    if result.suffix.lower() not in (".json", ".pdf"):
        result = result.with_name(result.name + (".pdf" if chosen == PDF_FILTER else ".json"))
    return result


class EraseDialog(QDialog):
    """A serious question: what goes, that it cannot be undone, and the name typed to go on."""

    def __init__(self, preview: ErasurePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(_("Erase person"))
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QLabel(_("Erase “{name}” for good (Art. 17 GDPR)?").format(name=preview.name))
        heading.setObjectName("dialogHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        lines = preview.lines()
        what = [_("The person's record goes, with:")] if lines else [_("The person's record goes.")]
        what += [f"  •  {line}" for line in lines]
        what += [
            "",
            _(
                "Their name, phones and emails are also taken out of every other record, the "
                "history and the search index. This cannot be undone, not even with Undo."
            ),
            _("Backups taken before still hold the person until they are rotated out."),
        ]
        details = QLabel("\n".join(what))
        details.setTextFormat(Qt.TextFormat.PlainText)
        details.setWordWrap(True)
        layout.addWidget(details)
        prompt = QLabel(_("Type the name “{name}” to confirm:").format(name=preview.name))
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.typed = QLineEdit()
        self.typed.setAccessibleName(_("The person's name, to confirm"))
        layout.addWidget(self.typed)
        buttons = QDialogButtonBox()
        self.erase_button = QPushButton(_("Erase for good"))
        self.erase_button.setObjectName("dangerButton")
        self.erase_button.setEnabled(False)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.typed.textChanged.connect(self._check)

    def name_typed(self) -> bool:
        return fold(" ".join(self.typed.text().split())) == fold(self.preview.name)

    def _check(self) -> None:
        self.erase_button.setEnabled(self.name_typed())


def confirm_erasure(parent: QWidget, preview: ErasurePreview) -> bool:
    dialog = EraseDialog(preview, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.name_typed()


class GdprActions(QObject):
    """The two actions, added to the editor's "More actions" menu."""

    def __init__(self, editor: PersonEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        menu = editor.merge_button.button.menu()
        menu.addSeparator()
        self.export_action = QAction(_("Export personal data…"), editor)
        self.export_action.setToolTip(
            _("Everything held on this person, as JSON or PDF (Art. 15 GDPR)")
        )
        self.export_action.triggered.connect(self.export)
        self.erase_action = QAction(_("Erase person…"), editor)
        self.erase_action.setToolTip(
            _("Erase this person for good, everywhere in the file (Art. 17 GDPR)")
        )
        self.erase_action.triggered.connect(self.erase)
        menu.addAction(self.export_action)
        menu.addAction(self.erase_action)
        # Usable when "Merge into…" is: a saved person is on screen.
        merge = editor.merge_button.action
        merge.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        enabled = self.editor.merge_button.action.isEnabled()
        self.export_action.setEnabled(enabled)
        self.erase_action.setEnabled(enabled)

    # --- export -----------------------------------------------------------------------------

    def export(self) -> None:
        editor = self.editor
        person_id = editor.record_id
        if person_id is None or editor.is_new:
            return
        path = choose_export_path(editor, editor.display_name())
        if path is None:
            return
        editor.context.say(_("Exporting the personal data…"))
        editor.context.run(
            export.write_export,
            person_id,
            path,
            on_done=lambda size: self._exported(path, size),
            on_error=self._failed,
        )

    def _exported(self, path: Path, size: int) -> None:
        self.editor.context.say(
            _("Personal data saved in {path} ({size} KB).").format(
                path=path, size=max(1, round(size / 1024))
            )
        )

    # --- erasure ----------------------------------------------------------------------------

    def erase(self) -> None:
        editor = self.editor
        if editor.record_id is None or editor.is_new:
            return
        # Unsaved edits of someone about to be erased: nothing to save, but ask first.
        unsaved = editor.is_dirty() and dialogs.ask_unsaved(editor, editor.display_name())
        if unsaved == Unsaved.CANCEL:
            return
        editor.context.run(
            erasure.erasure_preview, editor.record_id, on_done=self._confirm, on_error=self._failed
        )

    def _confirm(self, preview: ErasurePreview) -> None:
        if not confirm_erasure(self.editor, preview):
            return
        self.editor.context.say(_("Erasing {name}…").format(name=preview.name))
        self.editor.context.run(
            erasure.erase_person,
            preview.person_id,
            on_done=lambda result: self._erased(preview, result),
            on_error=self._failed,
        )

    def _erased(self, preview: ErasurePreview, result: ErasureResult) -> None:
        context = self.editor.context
        self.editor.show_placeholder()
        context.announce(result.changes)
        message = _("{name} is erased.").format(name=preview.name)
        if not result.compacted:
            message += " " + _(
                "Another program still has the database open: close it, then run "
                "“liaison gdpr compact” to clear the old pages."
            )
        context.say(message)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ServiceError):
            dialogs.show_error(self.editor, str(error))
        else:
            self.editor.context.worker.unhandled_error.emit(error)


__all__ = ["EraseDialog", "GdprActions", "choose_export_path", "confirm_erasure"]
