"""The questions and messages the app puts to the user, in one place (tests replace them)."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from crm.i18n import _, ngettext


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def confirm_delete(parent: QWidget, name: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Move to trash"))
    box.setText(_("Move “{name}” to the trash?").format(name=name))
    box.setInformativeText(_("You can restore it from the trash or undo with Ctrl+Z."))
    move = box.addButton(_("Move to trash"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(move)
    box.exec()
    return box.clickedButton() is move


def confirm_purge(parent: QWidget, names: Sequence[str]) -> bool:
    """Delete records in the trash for good: nothing brings them back, so Cancel is default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Delete for good"))
    if len(names) == 1:
        box.setText(_("Delete “{name}” for good?").format(name=names[0]))
    else:
        box.setText(
            ngettext(
                "Delete {count} record for good?", "Delete {count} records for good?", len(names)
            ).format(count=len(names))
        )
        box.setDetailedText("\n".join(names))
    box.setInformativeText(
        _(
            "It cannot be restored, and Undo cannot bring it back. "
            "The history keeps what was recorded about it."
        )
    )
    delete = box.addButton(_("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("Save your changes to “{name}”?").format(name=name))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


class ConflictChoice(Enum):
    RELOAD = "reload"  # drop the form's edits, show the version saved meanwhile
    KEEP_EDITING = "keep_editing"  # nothing happens; the form stays as it is
    SAVE_MINE = "save_mine"  # save the form over the version saved meanwhile


def conflict(parent: QWidget, message: str, saved_meanwhile: str = "") -> ConflictChoice:
    """Someone else saved the record since it was opened: the user decides what happens.

    ``saved_meanwhile`` says who saved it, when and what (from the history), when known.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Changed meanwhile"))
    box.setText(message)
    advice = _(
        "Reload to see the current version (your edits in the form are dropped), keep "
        "editing and copy what you need first, or save yours anyway: what the form shows "
        "replaces their changes, and the history keeps both."
    )
    box.setInformativeText(f"{saved_meanwhile}\n\n{advice}" if saved_meanwhile else advice)
    reload = box.addButton(_("Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    mine = box.addButton(_("Save mine anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(reload)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload:
        return ConflictChoice.RELOAD
    if clicked is mine:
        return ConflictChoice.SAVE_MINE
    return ConflictChoice.KEEP_EDITING


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, _("Liaison"), message)


def show_unexpected(parent: QWidget | None, error: BaseException) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Liaison"))
    box.setText(_("Something went wrong; nothing was changed."))
    box.setInformativeText(str(error))
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.exec()


def refuse_database(message: str) -> None:
    QMessageBox.critical(None, _("Liaison cannot open the database"), message)


def inform(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)
