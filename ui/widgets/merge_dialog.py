"""“Merge into…”: the person or organisation on screen is merged into another one, chosen by
name; a confirmation says which one is kept and what moves to it, then the kept one is shown.

``MergeButton`` puts the action into an editor's header. ``pick_merge_target`` and
``confirm_merge`` ask the user (tests replace them, like the questions in ui.dialogs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.services import lists, merge
from crm.services.errors import ServiceError
from crm.services.merge import MergePreview
from crm.text import fold
from ui import dialogs
from ui.context import AppContext
from ui.dialogs import Unsaved
from ui.models.history_model import field_label
from ui.widgets.record_picker import RecordPicker

if TYPE_CHECKING:
    from crm.db.database import Database
    from ui.sections.record_editor import RecordEditor

Choices = Callable[["Database", str], list[tuple[int, str]]]


def _choices(kind: str, leave_out: int) -> Choices:
    found = lists.person_choices if kind == "person" else lists.organisation_choices

    def choices(db: Database, text: str) -> list[tuple[int, str]]:
        return [(record_id, name) for record_id, name in found(db, text) if record_id != leave_out]

    return choices


class MergePickDialog(QDialog):
    """Choose the record to keep: the one on screen is merged into it."""

    def __init__(
        self,
        context: AppContext,
        kind: str,
        record_id: int,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Merge into…"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        if kind == "person":
            text = _("Merge “{name}” into another person: choose the person to keep.")
            placeholder = _("Type to search people")
        else:
            text = _("Merge “{name}” into another organisation: choose the one to keep.")
            placeholder = _("Type to search organisations")
        heading = QLabel(text.format(name=name))
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        self.picker = RecordPicker(context, _choices(kind, record_id), placeholder)
        self.picker.setAccessibleName(_("Record to keep"))
        layout.addWidget(self.picker)
        hint = QLabel(_("You will see what moves before anything is changed."))
        hint.setObjectName("fieldCaption")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.next_button = QPushButton(_("Continue…"))
        self.next_button.setObjectName("primaryButton")
        self.next_button.setEnabled(False)
        buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.picker.value_changed.connect(
            lambda: self.next_button.setEnabled(self.picker.value() is not None)
        )


def pick_merge_target(
    parent: QWidget, context: AppContext, kind: str, record_id: int, name: str
) -> int | None:
    """The record to keep, chosen by the user (None: cancelled)."""
    dialog = MergePickDialog(context, kind, record_id, name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.picker.value()


def merge_text(preview: MergePreview) -> tuple[str, str]:
    """The question and the details: which record is kept, what moves, what is filled in."""
    kept, merged = preview.keep_label, preview.merge_label
    if fold(kept) == fold(merged):  # two records of one name: their details tell them apart
        kept = f"{kept} ({preview.keep_detail})" if preview.keep_detail else kept
        merged = f"{merged} ({preview.merge_detail})" if preview.merge_detail else merged
    names = {"kept": kept, "merged": merged}
    question = _("Merge “{merged}” into “{kept}”?").format(**names)
    lines = [_("“{kept}” is kept.").format(**names)]
    if preview.moves:
        lines.append(_("These move to it from “{merged}”:").format(**names))
        lines.extend(f"  •  {move}" for move in preview.moves)
    else:
        lines.append(_("Nothing else refers to “{merged}”.").format(**names))
    if preview.filled:
        fields = ", ".join(field_label(field) for field in preview.filled)
        lines.append(
            _("Filled in where “{kept}” has nothing yet: {fields}.").format(fields=fields, **names)
        )
    lines.append(_("“{merged}” then goes to the trash. Undo with Ctrl+Z.").format(**names))
    return question, "\n".join(lines)


def merge_box(parent: QWidget | None, preview: MergePreview) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Merge"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    question, details = merge_text(preview)
    box.setText(question)
    box.setInformativeText(details)
    merge_button = box.addButton(_("Merge"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(merge_button)
    return box


def confirm_merge(parent: QWidget, preview: MergePreview) -> bool:
    box = merge_box(parent, preview)
    box.exec()
    return box.clickedButton() is not None and (
        box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole
    )


class MergeButton(QObject):
    """“Merge into…” in an editor's header, in a small menu of further actions (the header
    keeps its room for the record's name), usable while a saved record is shown."""

    def __init__(self, editor: RecordEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.action = QAction(_("Merge into…"), editor)
        self.action.setToolTip(
            _("Merge this person into another one who is the same")
            if editor.kind == "person"
            else _("Merge this organisation into another one that is the same")
        )
        self.action.triggered.connect(self.start)
        menu = QMenu(editor)
        menu.setToolTipsVisible(True)
        menu.addAction(self.action)
        self.button = QPushButton("⋯")
        self.button.setObjectName("moreButton")
        self.button.setToolTip(_("More actions"))
        self.button.setAccessibleName(_("More actions"))
        self.button.setMenu(menu)
        self.button.setStyleSheet("QPushButton::menu-indicator { image: none; width: 0; }")
        self.button.setFixedWidth(self.button.sizeHint().height() + 4)  # a small square
        editor.header.add_button(self.button)
        # Usable exactly when Move to trash is: a saved record is on screen.
        self._follow_delete_button()
        editor.delete_button.installEventFilter(self)

    def _follow_delete_button(self) -> None:
        enabled = self.editor.delete_button.isEnabled()
        self.action.setEnabled(enabled)
        self.button.setEnabled(enabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange:
            self._follow_delete_button()
        return False

    def start(self) -> None:
        editor = self.editor
        if editor.record_id is None or editor.is_new:
            return
        if editor.is_dirty():
            answer = dialogs.ask_unsaved(editor, editor.display_name())
            if answer == Unsaved.SAVE:
                editor.save(after=self._choose)
                return
            if answer == Unsaved.CANCEL:
                return
        self._choose()

    def _choose(self) -> None:
        editor = self.editor
        merge_id = editor.record_id
        if merge_id is None:
            return
        keep_id = pick_merge_target(
            editor, editor.context, editor.kind, merge_id, editor.display_name()
        )
        if keep_id is None:
            return
        editor.context.run(
            merge.merge_preview,
            editor.kind,
            keep_id,
            merge_id,
            on_done=self._confirm,
            on_error=self._failed,
        )

    def _confirm(self, preview: MergePreview) -> None:
        if not confirm_merge(self.editor, preview):
            return
        self.editor.context.run(
            merge.merge_records,
            preview.kind,
            preview.keep_id,
            preview.merge_id,
            on_done=lambda changes: self._merged(preview, changes),
            on_error=self._failed,
        )

    def _merged(self, preview: MergePreview, changes: Any) -> None:
        context = self.editor.context
        context.announce(changes)  # the merged record leaves the list and the editor
        context.say(
            _("Merged “{merged}” into “{kept}”. Undo with Ctrl+Z.").format(
                merged=preview.merge_label, kept=preview.keep_label
            )
        )
        context.open_record.emit(preview.kind, preview.keep_id)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ServiceError):
            dialogs.show_error(self.editor, str(error))
        else:
            self.editor.context.worker.unhandled_error.emit(error)
