"""The main window: sidebar, global search, the sections, menus, undo and the status bar.

The window appears before the database is open (app.py opens it on the worker and then calls
``set_database``), so the first paint does not wait for SQLAlchemy or a migration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from crm.i18n import _
from ui import dialogs
from ui.context import AppContext
from ui.icons import icon
from ui.language import chosen_language, language_choices, save_language
from ui.navigation import Sidebar, make_section, section_of_kind, sections
from ui.places import Place, PlaceHistory
from ui.search.search_box import GlobalSearchBox
from ui.state import ui_state
from ui.undo import UndoController
from ui.worker import DbWorker

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.services.overview_model import Overview
    from ui.sections.section import Section

STATUS_TIMEOUT_MS = 8000
WARM_UP_AFTER_MS = 250  # after the first section's data, before anyone clicks further
# Ctrl+digit reaches the first nine sections; these keys are the ones people know from elsewhere.
EXTRA_SECTION_KEYS: dict[str, list[QKeySequence | str]] = {
    "history": ["Ctrl+H"],
    "settings": ["Ctrl+,"],
}


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Liaison"))
        self.setObjectName("mainWindow")
        self.worker = DbWorker(self)
        self.worker.unhandled_error.connect(lambda error: dialogs.show_unexpected(self, error))
        self.context: AppContext | None = None
        self._first_screen_context: AppContext | None = None
        self.sections: dict[str, Section] = {}  # the sections built so far
        self.current_key = ""
        self._close_confirmed = False
        self.places = PlaceHistory()
        self._build_body()
        self._build_toolbar()
        self._build_actions()
        self._build_status_bar()
        self.resize(1400, 860)
        self._restore_window()

    # --- building ---------------------------------------------------------------------------

    def _build_body(self) -> None:
        central = QWidget()
        central.setObjectName("central")
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.sidebar = Sidebar()
        self.sidebar.section_requested.connect(self.go_to)
        row.addWidget(self.sidebar)
        self.stack = QStackedWidget()
        self.loading = QLabel(_("Opening the database…"))
        self.loading.setObjectName("editorPlaceholder")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_toolbar(self) -> None:
        bar = QToolBar(_("Search"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)
        brand = QLabel(_("Liaison"))
        brand.setObjectName("brand")
        bar.addWidget(brand)
        self.back_action = self._action(
            _("&Back"), self.go_back, QKeySequence.StandardKey.Back, "Alt+Left"
        )
        self.back_action.setIcon(icon("back"))
        self.forward_action = self._action(
            _("&Forward"), self.go_forward, QKeySequence.StandardKey.Forward, "Alt+Right"
        )
        self.forward_action.setIcon(icon("forward"))
        for action in (self.back_action, self.forward_action):
            action.setEnabled(False)
            bar.addAction(action)
        # The search box starts where the sections' content starts.
        buttons = sum(bar.widgetForAction(a).sizeHint().width() for a in bar.actions())
        brand.ensurePolished()  # its style sheet font decides how wide the name is
        brand.setFixedWidth(max(brand.sizeHint().width() + 12, self.sidebar.width() - 12 - buttons))
        self.search = GlobalSearchBox(self)
        self.search.setEnabled(False)
        self.search.setMaximumWidth(560)
        self.search.chosen.connect(self.open_record)
        self.search.not_openable.connect(self._not_openable)
        bar.addWidget(self.search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.office = QLabel()
        self.office.setObjectName("office")
        bar.addWidget(self.office)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _action(self, text: str, slot: Any, *keys: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        if keys:
            # A standard key may already be one of the others on this platform (Alt+Left).
            sequences: list[QKeySequence] = []
            for key in keys:
                sequence = QKeySequence(key)
                if not sequence.isEmpty() and sequence not in sequences:
                    sequences.append(sequence)
            action.setShortcuts(sequences)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.import_action = self._action(_("&Import…"), self.import_records)
        self.import_action.setEnabled(False)
        file_menu.addAction(self.import_action)
        self.export_action = self._action(_("&Export…"), self.export_list, "Ctrl+E")
        self.export_action.setEnabled(False)
        file_menu.addAction(self.export_action)
        file_menu.aboutToShow.connect(self._update_export_action)
        self.mail_action = self._action(_("New e&mail message…"), self.compose_mail)
        self.mail_action.setEnabled(False)
        file_menu.addAction(self.mail_action)
        file_menu.addSeparator()
        self.server_action = self._action(_("Connect to shared &server…"), self.connect_to_server)
        file_menu.addAction(self.server_action)
        file_menu.addSeparator()
        quit_action = self._action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(quit_action)

        edit = self.menuBar().addMenu(_("&Edit"))
        self.undo_controller = UndoController(self)
        self.undo_controller.undone.connect(self._undone)
        self.undo_controller.redone.connect(self._redone)
        self.undo_action = self.undo_controller.action
        self.redo_action = self.undo_controller.redo_action
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.new_action = self._action(_("&New"), self._new, QKeySequence.StandardKey.New)
        self.save_action = self._action(_("&Save"), self._save, QKeySequence.StandardKey.Save)
        # Del only works in the list (in a text field it deletes text): the list has its own
        # action; this menu entry names the key and works on whatever record is open.
        delete_key = QKeySequence(QKeySequence.StandardKey.Delete).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.delete_action = self._action(_("Move to &trash") + "\t" + delete_key, self._delete)
        for action in (self.new_action, self.save_action, self.delete_action):
            edit.addAction(action)
        edit.addSeparator()
        self.find_action = self._action(_("&Find…"), self.focus_search, "Ctrl+K", "Ctrl+F")
        edit.addAction(self.find_action)

        go = self.menuBar().addMenu(_("&Go"))
        go.addAction(self.back_action)
        go.addAction(self.forward_action)
        go.addSeparator()
        for position, info in enumerate(sections(), start=1):
            if info.available:
                keys = [f"Ctrl+{position}"] if position <= 9 else []
                keys += EXTRA_SECTION_KEYS.get(info.key, [])
                action = self._action(
                    info.title, lambda _=False, key=info.key: self.go_to(key), *keys
                )
                go.addAction(action)

        settings_menu = self.menuBar().addMenu(_("&Settings"))
        self.language_menu = settings_menu.addMenu(_("&Language"))
        self._build_language_menu()

        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(self._action(_("&About Liaison"), self._about))
        for action in (self.new_action, self.save_action, self.delete_action, self.find_action):
            action.setEnabled(False)

    def _build_language_menu(self) -> None:
        group = QActionGroup(self)
        for code, label in language_choices():
            action = QAction(label, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _=False, code=code: self.choose_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
        # The Settings section may have changed it meanwhile.
        self.language_menu.aboutToShow.connect(self._check_language)
        self._check_language()

    def _check_language(self) -> None:
        chosen = chosen_language()
        for action in self.language_menu.actions():
            action.setChecked(action.data() == chosen)

    def choose_language(self, code: str) -> None:
        """Remember the language; the menus and lists take it at the next start."""
        if code == chosen_language():
            return
        if save_language(code):
            dialogs.inform(
                self,
                _("Language"),
                _("Liaison will use the new language the next time it starts."),
            )
        else:
            self.statusBar().showMessage(_("Language saved."), STATUS_TIMEOUT_MS)

    def _build_status_bar(self) -> None:
        self.database_label = QLabel()
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.database_label)
        from ui.mail.export_offer import MailExportOffer

        self.mail_offer = MailExportOffer(self)  # "Send … by email" after an export
        self.statusBar().addPermanentWidget(self.mail_offer)
        self.statusBar().setSizeGripEnabled(False)

    # --- the database -----------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        """Attach the open database and show the section used last."""
        from crm.services.warmup import warm_up

        if self._first_screen_context is not None:  # the Overview shown before it opened
            self.context = self._first_screen_context
            self.context.attach(db)
        else:
            self.context = AppContext(db, self.worker, self)
        self.context.status_message.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)
        )
        self.context.open_record.connect(self.open_record)
        self.context.changed.connect(self._forget_deleted_places)
        self.context.changed.connect(
            lambda changes: self._load_office() if "office" in changes.kinds else None
        )
        self.search.set_context(self.context)
        self.search.setEnabled(True)
        for action in (self.new_action, self.save_action, self.delete_action, self.find_action):
            action.setEnabled(True)
        self.import_action.setEnabled(True)
        self.mail_action.setEnabled(True)
        self.database_label.setText(_("Database: {name}").format(name=db.display_name))
        self.database_label.setToolTip(db.display_name)
        if not db.is_sqlite:
            from crm.db.server import current_role

            self.context.run(current_role, on_done=self._show_role, busy=False)
        # The first section first: its read then leads the worker's queue.
        self.go_to(self._start_key())
        self.undo_controller.attach(self.context)
        self._load_office()
        # Once the first section has its data (the worker is idle) and has been painted: run
        # before, or beside, the warm-up would hold the Overview back. The sections opened
        # next find the mappers configured, their statements compiled and the phone-number
        # tables loaded.
        context = self.context
        self.worker.idle.connect(
            # The window as the timer's context: no warm-up once it is gone.
            lambda: QTimer.singleShot(
                WARM_UP_AFTER_MS, self, lambda: context.run(warm_up, busy=False)
            ),
            Qt.ConnectionType.SingleShotConnection,
        )

    def _show_role(self, role: Any) -> None:
        """On the shared server: the user's role beside the database; a viewer cannot edit."""
        assert self.context is not None
        self.database_label.setText(
            _("Database: {name} · {role}").format(
                name=self.context.db.display_name, role=role.title
            )
        )
        if not role.may_edit:
            for action in (self.new_action, self.save_action, self.delete_action):
                action.setEnabled(False)
            self.import_action.setEnabled(False)

    def connect_to_server(self) -> None:
        from ui.server_connect import connect_to_server

        url = None
        if self.context is not None and not self.context.db.is_sqlite:
            url = self.context.db.display_name
        connect_to_server(self, url)

    def _load_office(self) -> None:
        from crm.services.office import get_profile

        assert self.context is not None
        self.context.run(get_profile, on_done=self._show_office, busy=False)

    def _show_office(self, profile: Any) -> None:
        name = " · ".join(part for part in (profile.office_name, profile.city) if part)
        self.office.setText(name)
        if name:
            self.setWindowTitle(_("Liaison – {office}").format(office=name))

    # --- sections ---------------------------------------------------------------------------

    def show_first_overview(self, overview: Overview | None) -> bool:
        """Show the Overview read at start-up before the database layer has loaded (ui.app),
        when the Overview is the section the window starts with; True when shown. Its links
        open records once the database is attached (set_database), which reads it again."""
        if overview is None or self.context is not None or self.sections:
            return False
        if self._start_key() != "overview":
            return False
        from ui.sections.overview.section import OverviewSection

        context = AppContext(None, self.worker, self)
        section = OverviewSection(context)
        section.restore_state(ui_state())
        section.show_prefetched(overview)
        self._first_screen_context = context
        self.sections["overview"] = section
        self.stack.addWidget(section)
        self.current_key = "overview"
        self.stack.setCurrentWidget(section)
        self.sidebar.select("overview")
        return True

    def _start_key(self) -> str:
        """The section the window opens with: the one used last, if it is there."""
        from crm.settings import load_settings

        last = load_settings().last_section
        return last if self.sidebar.is_available(last) else self._first_section()

    def _first_section(self) -> str:
        return next(info.key for info in sections() if info.available)

    def section(self, key: str) -> Section | None:
        """The section ``key``, built the first time it is wanted (None: not available)."""
        if key in self.sections:
            return self.sections[key]
        if self.context is None or not self.sidebar.is_available(key):
            return None
        section = make_section(key, self.context)
        section.restore_state(ui_state())
        exported = getattr(section, "exported", None)
        if exported is not None:
            exported.connect(self._offer_export_by_mail)
        self.sections[key] = section
        self.stack.addWidget(section)
        return section

    def current_section(self) -> Section | None:
        return self.sections.get(self.current_key)

    def go_to(self, key: str) -> None:
        if self.section(key) is None:
            self.sidebar.select(self.current_key)
            return
        self._travel(Place(key), self._remember_visit)

    def open_record(self, kind: str, record_id: int) -> None:
        """Show a record in its section (from the search, a link, or after an undo)."""
        key = section_of_kind(kind)
        if key is None or self.section(key) is None:
            self._not_openable(kind)
            return
        place_id = self.sections[key].place_id(kind, record_id)
        self._travel(Place(key, place_id), self._remember_visit)

    def go_back(self) -> None:
        target = self.places.back_target()
        if target is not None:
            self._travel(target, self.places.went_back)

    def go_forward(self) -> None:
        target = self.places.forward_target()
        if target is not None:
            self._travel(target, self.places.went_forward)

    def here(self) -> Place | None:
        section = self.current_section()
        if section is None:
            return None
        return Place(self.current_key, section.current_record_id())

    def _remember_visit(self, left: Place) -> None:
        self.places.visit(left)

    def _travel(self, place: Place, arrived: Callable[[Place], None]) -> None:
        """Go to ``place`` once the current section may be left; ``arrived(left)`` then
        records the step (nothing is recorded when the user cancels leaving)."""
        target = self.sections[place.key]
        left = self.here()

        def show() -> None:
            self._switch(place.key)
            if place.record_id is not None:
                target.show_record(place.record_id)
            # A visit to where the user already is is no step; Back and Forward always are.
            if left is not None and (arrived != self._remember_visit or left != self.here()):
                arrived(left)
            self._update_travel_actions()

        current = self.current_section()
        if current is None or (place.key == self.current_key and place.record_id is None):
            show()
        else:
            current.leave_then(show)
            if self.current_key != place.key:
                self.sidebar.select(self.current_key)

    def _forget_deleted_places(self, changes: Any) -> None:
        for kind, ids in changes.deleted.items():
            key = section_of_kind(kind)
            if key is None:
                continue
            section = self.sections.get(key)
            for record_id in ids:
                place_id = section.place_id(kind, record_id) if section else record_id
                self.places.forget(Place(key, place_id))
        self._update_travel_actions()

    def _update_travel_actions(self) -> None:
        self.back_action.setEnabled(self.places.can_go_back())
        self.forward_action.setEnabled(self.places.can_go_forward())

    def _switch(self, key: str) -> None:
        section = self.sections[key]
        self.current_key = key
        self.stack.setCurrentWidget(section)
        self.sidebar.select(key)
        section.activate()
        self._update_export_action()

    def _offer_export_by_mail(self, path: str) -> None:
        if self.context is not None:
            self.mail_offer.offer(self.context, path)

    def compose_mail(self) -> None:
        """File ▸ New email message…: any files attached, sent and entered in the register."""
        if self.context is None:
            return
        from ui.mail.compose_dialog import open_compose

        open_compose(self.context, self)

    def import_records(self) -> None:
        """File ▸ Import…: the import wizard, for organisations when that list is shown."""
        if self.context is None:
            return
        from ui.import_wizard.wizard import open_import_wizard

        kind = "organisations" if self.current_key == "organisations" else "people"
        open_import_wizard(self, self.context, kind)

    def _exportable(self) -> Any:
        """The current section when its list can be exported, else None."""
        section = self.current_section()
        kind = getattr(section, "export_kind", None)
        return section if kind is not None and kind() is not None else None

    def _update_export_action(self) -> None:
        self.export_action.setEnabled(self.context is not None and self._exportable() is not None)

    def export_list(self) -> None:
        """File ▸ Export…: the current list as filtered, or the rows chosen in it."""
        section = self._exportable()
        if section is None:
            self.statusBar().showMessage(
                _(
                    "Open a list to export: people, organisations, partnerships, delegations or "
                    "the correspondence register."
                ),
                STATUS_TIMEOUT_MS,
            )
            return
        section.export_list()

    def _not_openable(self, kind: str) -> None:
        self.statusBar().showMessage(
            _("This kind of record opens in a later version of Liaison."), STATUS_TIMEOUT_MS
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _new(self) -> None:
        if (section := self.current_section()) is not None:
            section.new_record()

    def _save(self) -> None:
        if (section := self.current_section()) is not None:
            section.save()

    def _delete(self) -> None:
        if (section := self.current_section()) is not None:
            section.delete_current()

    # --- undo and redo --------------------------------------------------------------------

    def undo(self) -> None:
        self.undo_controller.undo()

    def redo(self) -> None:
        self.undo_controller.redo()

    def _undone(self, changes: Any) -> None:
        self.statusBar().showMessage(_("Undone: {label}").format(label=changes.label))
        self._show_brought_back(changes)

    def _redone(self, changes: Any, label: str) -> None:
        self.statusBar().showMessage(_("Redone: {label}").format(label=label or changes.label))
        self._show_brought_back(changes)

    def _show_brought_back(self, changes: Any) -> None:
        restored = [
            (kind, record_id)
            for kind, ids in changes.created.items()
            for record_id in ids
            if section_of_kind(kind) is not None
        ]
        if len(restored) == 1:  # brought back from the trash: show it again
            self.open_record(*restored[0])

    # --- window state -----------------------------------------------------------------------

    def _restore_window(self) -> None:
        state = ui_state()
        geometry = state.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        layout = state.value("window/state")
        if isinstance(layout, QByteArray) and not layout.isEmpty():
            self.restoreState(layout)

    def save_window_state(self) -> None:
        state = ui_state()
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/state", self.saveState())
        for section in self.sections.values():
            section.save_state(state)
        state.sync()
        if self.current_key:
            from dataclasses import replace

            from crm.settings import load_settings, save_settings

            settings = load_settings()
            if settings.last_section != self.current_key:
                save_settings(replace(settings, last_section=self.current_key))

    def closeEvent(self, event: QCloseEvent) -> None:
        section = self.current_section()
        if not self._close_confirmed and section is not None and section.has_unsaved_changes():
            event.ignore()
            section.leave_then(self._close_now)
            return
        self.save_window_state()
        self.worker.shutdown()
        if self.context is not None:
            self.context.db.close()
        event.accept()

    def _close_now(self) -> None:
        self._close_confirmed = True
        self.close()

    def _about(self) -> None:
        from crm import __version__

        QMessageBox.about(
            self,
            _("About Liaison"),
            _(
                "Liaison {version}\n\nPartnerships, people, delegations and correspondence "
                "for the international relations and protocol office of a city."
            ).format(version=__version__),
        )
