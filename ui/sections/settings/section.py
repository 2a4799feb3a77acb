"""Settings: the office profile (kept in the database, shared by everyone in the office) and
what belongs to this computer (language, which database file, mail), and the keyboard
shortcuts."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.settings import load_settings, save_settings
from ui.context import AppContext
from ui.language import chosen_language, language_choices, save_language
from ui.sections.section import Section
from ui.sections.settings.backups_form import BackupsForm
from ui.sections.settings.mail_form import MailForm
from ui.sections.settings.office_form import OfficeForm
from ui.sections.settings.shortcuts import ShortcutTable
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.form import Field, FormSection
from ui.widgets.vertical_scroll_area import VerticalScrollArea

CONTENT_WIDTH = 780


def choose_database_file(parent: QWidget) -> str | None:
    """Ask for a database file, existing or new (tests replace this function)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Database file"),
        "",
        _("Liaison databases (*.sqlite *.db);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return path or None


class SettingsSection(Section):
    key = "settings"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = VerticalScrollArea()
        scroll.setObjectName("editorScroll")
        page = QWidget()
        page.setObjectName("editorContent")
        row = QHBoxLayout(page)
        row.setContentsMargins(32, 24, 32, 32)
        column = QVBoxLayout()
        column.setSpacing(26)
        row.addLayout(column, 1)
        row.addStretch(0)
        page.setMaximumWidth(CONTENT_WIDTH + 64)
        self.office = OfficeForm(context)
        column.addWidget(self.office)
        column.addWidget(self._computer_section())
        self.backups = BackupsForm(context)
        column.addWidget(self.backups)
        self.mail = MailForm(context)
        column.addWidget(self.mail)
        shortcuts = FormSection(_("Keyboard shortcuts"))
        self.shortcuts = ShortcutTable()
        shortcuts.add_row(self.shortcuts)
        column.addWidget(shortcuts)
        column.addStretch(1)
        scroll.setWidget(page)
        outer.addWidget(scroll)

    def _computer_section(self) -> FormSection:
        section = FormSection(_("This computer"))
        self.language = ChoiceCombo(language_choices())
        self.language.value_changed.connect(self._language_chosen)
        self.language_note = QLabel()
        self.language_note.setObjectName("fieldCaption")
        self.language_note.setWordWrap(True)
        language = QWidget()
        stack = QVBoxLayout(language)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(Field(_("&Language of Liaison"), self.language))
        stack.addWidget(self.language_note)
        section.add_row(language)

        self.database_path = QLabel()
        self.database_path.setWordWrap(True)
        self.database_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_note = QLabel()
        self.database_note.setObjectName("fieldCaption")
        self.database_note.setWordWrap(True)
        self.choose_database = QPushButton(_("Use another database &file…"))
        self.choose_database.clicked.connect(self._choose_database)
        self.default_database = QPushButton(_("Use the &default file"))
        self.default_database.clicked.connect(lambda: self._set_database(""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_database)
        buttons.addWidget(self.default_database)
        buttons.addStretch(1)
        database = QWidget()
        stack = QVBoxLayout(database)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(Field(_("Database in use"), self.database_path))
        stack.addLayout(buttons)
        stack.addWidget(self.database_note)
        section.add_row(database)
        return section

    # --- Section ----------------------------------------------------------------------------

    def activate(self) -> None:
        self.office.load()
        self.language.blockSignals(True)
        self.language.set_value(chosen_language() or None)
        if not chosen_language():
            self.language.setCurrentIndex(0)
        self.language.blockSignals(False)
        self.database_path.setText(self.context.db.display_name)
        self.default_database.setEnabled(bool(load_settings().database))
        self.shortcuts.show_actions(self.window().actions())
        self.mail.load()
        self.backups.load()

    def save(self) -> None:
        self.office.save()

    # --- this computer ----------------------------------------------------------------------

    def _language_chosen(self, code: str | None) -> None:
        restart = save_language(code or "")
        self.language_note.setText(
            _("Liaison will use the new language the next time it starts.") if restart else ""
        )

    def _choose_database(self) -> None:
        path = choose_database_file(self)
        if path is not None:
            self._set_database(path)

    def _set_database(self, path: str) -> None:
        settings = load_settings()
        save_settings(replace(settings, database=path))
        self.default_database.setEnabled(bool(path))
        shown = path or _("the default file")
        self.database_note.setText(
            _("Liaison will open {file} the next time it starts.").format(file=shown)
        )
