"""Writing a message: recipients (completed from the addresses in Liaison), subject, text,
attached files; Send (through the office's server, then entered in the register) or Save as
draft (an .eml file for Outlook or Thunderbird).

Callers open it with the files to attach (a report's PDF, an export); files the caller made
for the message alone (``owned``) are deleted when the window closes.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QStringListModel, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _, pgettext
from crm.mail.config import MailSettings, mail_settings
from crm.mail.errors import MailError, NotRecorded, SendFailed
from crm.mail.message import MailDraft, format_address
from crm.services.errors import ServiceError
from crm.settings import load_settings
from ui.context import AppContext
from ui.icons import icon
from ui.mail.address_field import AddressField
from ui.mail.sending import SendFlow
from ui.sections.correspondence.attachments_list import size_text
from ui.state import ui_state

LAST_FOLDER_KEY = "mail/lastFolder"
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def choose_attachments(parent: QWidget) -> list[str]:
    """Ask for files to attach (tests replace this function)."""
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, _("Attach files"), str(_start_folder()), _("All files (*)")
    )
    return paths


def choose_draft_path(parent: QWidget, suggested: Path) -> str | None:
    """Ask where to save the draft (tests replace this function)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Save as draft"), str(suggested), _("Email messages (*.eml)")
    )
    return path or None


def _start_folder() -> Path:
    remembered = ui_state().value(LAST_FOLDER_KEY, "")
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _address_book(db: Any) -> list[str]:
    from crm.mail.addresses import address_book

    return address_book(db)


def _save_draft(_db: Any, draft: MailDraft, mail: MailSettings, path: Path) -> Path:
    from crm.mail.sending import save_draft

    return save_draft(draft, mail, path)


def _send(
    db: Any, draft: MailDraft, mail: MailSettings, password: str | None, progress: Any
) -> Any:
    from crm.mail.sending import send_mail

    return send_mail(db, draft, mail, password, progress)


class ComposeDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        to: Sequence[str] = (),
        subject: str = "",
        body: str = "",
        attachments: Sequence[Path] = (),
        owned: Sequence[Path] = (),
        delegation_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.delegation_id = delegation_id
        self._owned = [Path(path) for path in owned]
        self.flow: SendFlow | None = None
        self.setObjectName("composeDialog")
        self.setWindowTitle(subject or _("New message"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(720, 640)
        self.mail = mail_settings(load_settings())
        self.addresses = QStringListModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        layout.addWidget(self.banner)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(20, 16, 20, 12)
        column.setSpacing(10)
        column.addLayout(self._header_grid(to, subject))
        self.body = QPlainTextEdit()
        self.body.setPlainText(body)
        self.body.setAccessibleName(_("Message"))
        self.body.setTabChangesFocus(True)
        column.addWidget(self.body, 1)
        column.addWidget(self._attachment_box())
        layout.addWidget(page, 1)
        layout.addLayout(self._buttons())

        for path in attachments:
            self.add_attachment(Path(path))
        self._show_sender()
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.send)
        self._closed = False
        context.run(_address_book, on_done=self._addresses_loaded, busy=False)
        (self.subject if to else self.to).setFocus()

    def _addresses_loaded(self, found: list[str]) -> None:
        if not self._closed:  # the window may be gone (and its model with it)
            self.addresses.setStringList(found)

    # --- building ---------------------------------------------------------------------------

    def _header_grid(self, to: Sequence[str], subject: str) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        self.sender = QLabel()
        self.sender.setTextFormat(Qt.TextFormat.PlainText)
        self.sender.setWordWrap(True)
        self.to = AddressField(self.addresses)
        self.to.setText(", ".join(to))
        self.cc = AddressField(self.addresses)
        self.bcc = AddressField(self.addresses)
        self.subject = QLineEdit(subject)
        self.to.setPlaceholderText(_("Name <address>, another address …"))
        rows: list[tuple[str, QWidget]] = [
            (_("From"), self.sender),
            (pgettext("mail", "&To"), self.to),
            (_("&Cc"), self.cc),
            (_("&Bcc"), self.bcc),
            (_("&Subject"), self.subject),
        ]
        for row, (caption, widget) in enumerate(rows):
            label = QLabel(caption)
            label.setObjectName("fieldCaption")
            label.setBuddy(widget)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(widget, row, 1)
        return grid

    def _attachment_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        caption = QLabel(_("Attachments"))
        caption.setObjectName("fieldCaption")
        column.addWidget(caption)
        row = QHBoxLayout()
        self.attachments = QListWidget()
        self.attachments.setAccessibleName(_("Attachments"))
        self.attachments.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.attachments.setMaximumHeight(110)
        self.attachments.itemSelectionChanged.connect(self._update_buttons)
        row.addWidget(self.attachments, 1)
        side = QVBoxLayout()
        self.add_button = QPushButton(icon("plus"), _("&Add files…"))
        self.add_button.clicked.connect(self._choose_attachments)
        self.remove_button = QPushButton(icon("close"), _("&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row.addLayout(side)
        column.addLayout(row)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(20, 8, 20, 14)
        self.draft_button = QPushButton(_("Save as &draft…"))
        self.draft_button.setToolTip(
            _("Save the message as an .eml file that Outlook or Thunderbird opens for sending")
        )
        self.draft_button.clicked.connect(self.save_draft)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.send_button = QPushButton(icon("check"), _("S&end"))
        self.send_button.setObjectName("primaryButton")
        self.send_button.setToolTip(_("Send through the office's mail server (Ctrl+Enter)"))
        self.send_button.setDefault(False)
        self.send_button.setAutoDefault(False)
        self.send_button.clicked.connect(self.send)
        row.addWidget(self.draft_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.send_button)
        return row

    def _show_sender(self) -> None:
        if self.mail.configured:
            self.sender.setText(format_address(self.mail.sender_name, self.mail.sender))
            self.sender.setObjectName("")
        else:
            self.sender.setText(
                _("Mail is not set up on this computer (Settings, Mail); you can save a draft.")
            )
            self.sender.setObjectName("fieldCaption")
        self.send_button.setEnabled(self.mail.configured)
        self._update_buttons()

    # --- attachments ------------------------------------------------------------------------

    def add_attachment(self, path: Path) -> None:
        for row in range(self.attachments.count()):
            if self.attachments.item(row).data(Qt.ItemDataRole.UserRole) == str(path):
                return
        try:
            size = size_text(path.stat().st_size)
        except OSError:
            size = _("missing")
        item = QListWidgetItem(f"{path.name}  ({size})")
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        self.attachments.addItem(item)
        self._update_buttons()

    def attachment_paths(self) -> list[Path]:
        return [
            Path(str(self.attachments.item(row).data(Qt.ItemDataRole.UserRole)))
            for row in range(self.attachments.count())
        ]

    def _choose_attachments(self) -> None:
        chosen = choose_attachments(self)
        for name in chosen:
            self.add_attachment(Path(name))
        if chosen:
            ui_state().setValue(LAST_FOLDER_KEY, str(Path(chosen[-1]).parent))

    def remove_selected(self) -> None:
        for item in self.attachments.selectedItems():
            self.attachments.takeItem(self.attachments.row(item))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.attachments.selectedItems()))

    # --- the message ------------------------------------------------------------------------

    def draft(self) -> MailDraft:
        return MailDraft(
            to=self.to.addresses(),
            cc=self.cc.addresses(),
            bcc=self.bcc.addresses(),
            subject=self.subject.text(),
            body=self.body.toPlainText(),
            attachments=self.attachment_paths(),
            delegation_id=self.delegation_id,
        )

    def show_error(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.setVisible(bool(message))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.send_button, self.draft_button, self.add_button):
            button.setEnabled(not busy)
        if not busy:
            self.send_button.setEnabled(self.mail.configured)

    def send(self) -> None:
        if self.flow is not None or not self.send_button.isEnabled():
            return
        self.show_error("")
        self.mail = mail_settings(load_settings())  # changed in Settings meanwhile?
        self._show_sender()
        if not self.mail.configured:
            return
        self._set_busy(True)
        self.flow = SendFlow(
            self.context,
            self,
            _("Sending the message"),
            self.mail,
            _send,
            self.draft(),
            on_sent=self._sent,
            on_failed=self._failed,
            on_finished=self._flow_finished,
        )

    def _flow_finished(self) -> None:
        self.flow = None
        self._set_busy(False)

    def _sent(self, result: Any) -> None:
        self.context.announce(result.changes)
        message = _("Sent to {recipients}; entered in the register as {reference}.").format(
            recipients=result.recipients, reference=result.reference
        )
        if result.refused:
            message += " " + _("The server did not accept: {names}").format(
                names=", ".join(result.refused)
            )
        self.context.say(message)
        self.flow = None
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, NotRecorded):
            self.context.say(str(error))
            self.flow = None
            self.accept()  # it went out: sending again would send it twice
            from ui import dialogs

            dialogs.show_error(self.parentWidget(), str(error))
            return
        if isinstance(error, MailError | SendFailed | ServiceError):
            self.show_error(str(error))
            return
        self.context.worker.unhandled_error.emit(error)

    def save_draft(self) -> None:
        name = _UNSAFE_IN_NAMES.sub("-", self.subject.text()).strip(" .-") or _("Message")
        chosen = choose_draft_path(self, _start_folder() / f"{name}.eml")
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".eml":
            path = path.with_name(path.name + ".eml")
        self.show_error("")
        self._set_busy(True)
        self.context.run(
            _save_draft,
            self.draft(),
            mail_settings(load_settings()),
            path,
            on_done=self._draft_saved,
            on_error=self._draft_failed,
        )

    def _draft_saved(self, path: Path) -> None:
        self._set_busy(False)
        ui_state().setValue(LAST_FOLDER_KEY, str(path.parent))
        self.context.say(
            _("Saved the draft as {path}; open it in Outlook or Thunderbird to send it.").format(
                path=path
            )
        )
        self.accept()

    def _draft_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ServiceError):
            self.show_error(str(error))
        else:
            self.context.worker.unhandled_error.emit(error)

    # --- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self.flow is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.flow is not None:
            event.ignore()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)
        for path in self._owned:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        self._owned = []


def compose_with_file(
    context: AppContext, parent: QWidget | None, file_name: str, data: bytes, **options: Any
) -> ComposeDialog:
    """The compose window with ``data`` attached as ``file_name`` (a report's PDF, an export):
    written to a private temporary folder that goes when the window closes."""
    folder = Path(tempfile.mkdtemp(prefix="liaison-mail-"))
    cleaned = _UNSAFE_IN_NAMES.sub("-", file_name).strip(" .-") or _("Attachment")
    path = folder / cleaned
    path.write_bytes(data)
    options.setdefault("subject", Path(cleaned).stem)
    return open_compose(context, parent, attachments=[path], owned=[folder], **options)


def open_compose(context: AppContext, parent: QWidget | None, **options: Any) -> ComposeDialog:
    """Show the compose window (not modal: the main window stays usable)."""
    dialog = ComposeDialog(context, parent, **options)
    dialog.show()
    return dialog
