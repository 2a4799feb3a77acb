"""Possible duplicates: before a new person or organisation is saved, the ones that probably are
the same (similar name, same email or phone) are shown, and the user opens one of them, saves
the new record anyway, or goes back to the form.

``DuplicateCheck`` puts the question into an editor's save; ``ask_duplicates`` asks it (tests
replace it, like the questions in ui.dialogs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.services.duplicates import EMAIL, NAME, PHONE, Duplicate
from ui.sections.record_editor import FormErrors

if TYPE_CHECKING:
    from ui.sections.record_editor import RecordEditor

FindFunction = Callable[..., list[Duplicate]]  # (db, input) -> the likely duplicates


class DuplicateChoice(Enum):
    OPEN = "open"  # open the existing record instead
    SAVE = "save"  # save the new record anyway
    CANCEL = "cancel"  # back to the form


def reason_text(reason: str) -> str:
    return {
        NAME: _("similar name"),
        EMAIL: _("same email address"),
        PHONE: _("same phone number"),
    }.get(reason, reason)


class DuplicateDialog(QDialog):
    """The likely duplicates with why each matches; Open existing, Save as new anyway, Cancel."""

    def __init__(
        self, kind: str, duplicates: Sequence[Duplicate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.choice = DuplicateChoice.CANCEL
        self.duplicates = list(duplicates)
        self.setWindowTitle(_("Possible duplicate"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QLabel(
            _("This person may already be in the register.")
            if kind == "person"
            else _("This organisation may already be in the register.")
        )
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([_("Name"), _("Details"), _("Why it matches")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(_("Possible duplicates"))
        for duplicate in self.duplicates:
            why = ", ".join(reason_text(reason) for reason in duplicate.reasons)
            item = QTreeWidgetItem([duplicate.label, duplicate.detail, why])
            item.setToolTip(0, duplicate.label)
            item.setData(0, Qt.ItemDataRole.UserRole, duplicate.id)
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # As high as its rows (up to six; more scroll), not a fixed block with empty space.
        row_height = max(self.list.sizeHintForRow(0), self.fontMetrics().height() + 8)
        rows = max(1, min(len(self.duplicates), 6))
        frame = 2 * self.list.frameWidth() + 2
        self.list.setFixedHeight(header.sizeHint().height() + rows * row_height + frame)
        self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.itemDoubleClicked.connect(self._open)
        layout.addWidget(self.list)
        hint = QLabel(
            _(
                "Open the existing record to add what you know there (what you typed here is "
                "not saved), or save a new record if this is someone else."
            )
            if kind == "person"
            else _(
                "Open the existing record to add what you know there (what you typed here is "
                "not saved), or save a new record if this is another organisation."
            )
        )
        hint.setObjectName("fieldCaption")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(_("Open existing"))
        self.open_button.setObjectName("primaryButton")
        self.save_button = QPushButton(_("Save as new anyway"))
        self.cancel_button = QPushButton(_("Cancel"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda: self._choose(DuplicateChoice.OPEN))
        self.save_button.clicked.connect(lambda: self._choose(DuplicateChoice.SAVE))
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def _open(self, item: QTreeWidgetItem) -> None:
        self.list.setCurrentItem(item)
        self._choose(DuplicateChoice.OPEN)

    def _choose(self, choice: DuplicateChoice) -> None:
        self.choice = choice
        self.accept()


def ask_duplicates(
    parent: QWidget | None, kind: str, duplicates: Sequence[Duplicate]
) -> tuple[DuplicateChoice, int | None]:
    """What to do about the likely duplicates: the choice, and the record to open."""
    dialog = DuplicateDialog(kind, duplicates, parent)
    dialog.exec()
    return dialog.choice, dialog.chosen_id()


class DuplicateCheck:
    """Asks about likely duplicates (looked up on the worker) before a new record is created.

    The editor's ``save`` hands over to ``save``; a record being edited is saved at once.
    """

    def __init__(self, editor: RecordEditor, find: FindFunction) -> None:
        self.editor = editor
        self.find = find
        self.checking = False

    def save(self, after: Callable[[], None] | None, save: Callable[..., bool]) -> bool:
        editor = self.editor
        if not editor.is_new or editor.currentIndex() == 0:
            return save(after)
        if self.checking:
            return False
        try:
            data = editor.collect()
        except FormErrors:
            return save(after)  # the editor shows what is wrong
        self.checking = True
        editor.context.run(
            self.find,
            data,
            on_done=lambda found: self._found(found, after, save),
            on_error=self._failed,
        )
        return True

    def _found(
        self,
        found: list[Duplicate],
        after: Callable[[], None] | None,
        save: Callable[..., bool],
    ) -> None:
        self.checking = False
        editor = self.editor
        if not editor.is_new:
            return  # the user moved on meanwhile
        if not found:
            save(after)
            return
        choice, record_id = ask_duplicates(editor, editor.kind, found)
        if choice == DuplicateChoice.SAVE:
            save(after)
        elif choice == DuplicateChoice.OPEN and record_id is not None:
            editor.show_placeholder()  # the new form is dropped, as the dialog said
            editor.context.open_record.emit(editor.kind, record_id)

    def _failed(self, error: Any) -> None:
        self.checking = False
        self.editor.context.worker.unhandled_error.emit(error)
