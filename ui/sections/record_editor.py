"""The detail editor beside a list: load a record on the worker, edit it in a form, save it
with inline validation, and tell the rest of the app what changed.

Subclasses build the form and convert between the service's Detail and Input dataclasses;
this class owns the flow: load, new, save (create or update), errors and conflicts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _, ngettext
from crm.services import history
from crm.services.errors import Conflict, NotFound, ServiceError, ValidationError
from crm.services.history import RecordEvent
from ui import dialogs
from ui.context import AppContext
from ui.sections.editor_header import EditorHeader
from ui.state import ui_state
from ui.widgets.form import Field, FieldErrors, FormSection
from ui.widgets.record_history import HistoryGroup
from ui.widgets.related_records import RelatedPanel
from ui.widgets.vertical_scroll_area import VerticalScrollArea


class FormErrors(Exception):
    """Problems found in the form before anything is sent (field name -> message)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


SAVES_SHOWN = 3  # the newest saves a conflict names


def saved_meanwhile(events: list[RecordEvent], since: datetime | None) -> str:
    """Who saved the record after ``since`` (when the form was loaded), when, and what."""
    from ui.models.history_model import field_label, format_time

    later = [event for event in events if since is None or event.at > since]
    lines = []
    for event in later[:SAVES_SHOWN]:
        fields = ", ".join(dict.fromkeys(field_label(f.field) for f in event.change.fields))
        who, when = event.actor, format_time(event.at)
        if fields and event.change.action == "update":
            lines.append(
                _("Saved by {who} at {when}: {fields}.").format(who=who, when=when, fields=fields)
            )
        else:
            lines.append(
                _("{what} by {who} at {when}.").format(
                    what=event.operation_label, who=who, when=when
                )
            )
    if len(later) > SAVES_SHOWN:
        more = len(later) - SAVES_SHOWN
        lines.append(
            ngettext("And {count} earlier save.", "And {count} earlier saves.", more).format(
                count=more
            )
        )
    return "\n".join(lines)


def _save_over(
    db: Any,
    load: Callable[..., Any],
    update: Callable[..., Any],
    record_id: int,
    data: Any,
) -> Any:
    """Save ``data`` over the version saved meanwhile: that version, read now, is the one
    expected, so a third save in between is again a conflict and again the user's choice."""
    return update(db, record_id, data, load(db, record_id).version)


class RecordEditor(QStackedWidget):
    created = Signal(int)  # a new record was saved under this id
    saved = Signal(int)
    delete_requested = Signal()
    dirty_changed = Signal(bool)
    shown = Signal(int)  # a record was loaded and is on screen

    kind = ""  # "person"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.record_id: int | None = None
        self.target_id: int | None = None  # the record shown or being loaded
        self.detail: Any = None
        self.is_new = False
        self._baseline: Any = None
        self._load_generation = 0
        self._saving = False
        self._sent: Any = None
        self._dirty = False
        self.placeholder = QLabel()
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)
        self.addWidget(self._build_page())
        self.show_placeholder()

    # --- for subclasses ---------------------------------------------------------------------

    def placeholder_text(self) -> str:
        raise NotImplementedError

    def build_form(self, layout: QVBoxLayout, errors: FieldErrors) -> None:
        raise NotImplementedError

    def populate(self, detail: Any | None) -> None:
        """Fill the form from a Detail (None: empty form for a new record)."""
        raise NotImplementedError

    def collect(self) -> Any:
        """The form as the service's Input; raises FormErrors for what cannot be sent."""
        raise NotImplementedError

    def title_of(self, detail: Any | None) -> tuple[str, str]:
        """Title and subtitle for the header."""
        raise NotImplementedError

    def first_input(self) -> QWidget:
        raise NotImplementedError

    def related_function(self) -> Callable[..., Any] | None:
        """The service that lists this record's related records (None: no such list)."""
        return None

    def load_function(self) -> Callable[..., Any]:
        raise NotImplementedError

    def create_function(self) -> Callable[..., Any]:
        raise NotImplementedError

    def update_function(self) -> Callable[..., Any]:
        raise NotImplementedError

    @staticmethod
    def _field(key: str, caption: str, widget: QWidget, errors: FieldErrors) -> Field:
        """``widget`` under ``caption``; the service's message for ``key`` shows beneath it."""
        field = Field(caption, widget)
        errors.add(key, field)
        return field

    # --- layout -----------------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("editorPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = EditorHeader()
        self.title, self.subtitle = self.header.title, self.header.subtitle
        self.delete_button, self.save_button = self.header.delete_button, self.header.save_button
        self.delete_button.clicked.connect(self.delete_requested)
        self.save_button.clicked.connect(lambda: self.save())
        outer.addWidget(self.header)
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        self.scroll = VerticalScrollArea()
        self.scroll.setObjectName("editorScroll")
        content = QWidget()
        content.setObjectName("editorContent")
        form = QVBoxLayout(content)
        form.setContentsMargins(24, 16, 24, 24)
        form.setSpacing(22)
        self.errors = FieldErrors(self.scroll)
        self.build_form(form, self.errors)
        self.related: RelatedPanel | None = None
        related = self.related_function()
        if related is not None:
            section = FormSection(_("Related"))
            self.related = RelatedPanel(self.context, related)
            section.add_row(self.related)
            form.addWidget(section)
        self.history = HistoryGroup(self.context, expanded=self._history_remembered())
        self.history.expanded_changed.connect(self._remember_history)
        form.addWidget(self.history)
        form.addStretch(1)
        # The editor claims the width its fields need; the list beside it gives way.
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)
        return page

    def _history_key(self) -> str:
        return f"editors/{self.kind or 'record'}/historyExpanded"

    def _history_remembered(self) -> bool:
        value = ui_state().value(self._history_key(), False)
        return value is True or str(value).lower() == "true"

    def _remember_history(self, expanded: bool) -> None:
        ui_state().setValue(self._history_key(), expanded)

    # --- state ------------------------------------------------------------------------------

    def show_placeholder(self) -> None:
        self._load_generation += 1
        self.record_id = self.target_id = None
        self.detail = None
        self.is_new = False
        self._baseline = None
        self.history.show_for(self.kind, None)
        self.placeholder.setText(self.placeholder_text())
        self.setCurrentIndex(0)
        self._set_dirty(False)

    def start_new(self) -> None:
        self._load_generation += 1
        self.record_id = self.target_id = None
        self.detail = None
        self.is_new = True
        self._show(None)
        self.first_input().setFocus()

    def load(self, record_id: int) -> None:
        """Fetch the record on the worker and show it (newest request wins)."""
        self._load_generation += 1
        generation = self._load_generation
        self.target_id = record_id
        self.context.run(
            self.load_function(),
            record_id,
            on_done=lambda detail: self._loaded(generation, detail),
            on_error=lambda error: self._load_failed(generation, error),
        )

    def _loaded(self, generation: int, detail: Any) -> None:
        if generation != self._load_generation:
            return
        self.record_id = self.target_id = detail.id
        self.detail = detail
        self.is_new = False
        self._show(detail)
        self.shown.emit(detail.id)

    def _load_failed(self, generation: int, error: Exception) -> None:
        if generation != self._load_generation:
            return
        if isinstance(error, NotFound):
            self.show_placeholder()
            self.context.say(str(error))
            return
        self._unexpected(error)

    def _show(self, detail: Any | None) -> None:
        self.errors.clear()
        self.banner.hide()
        self.populate(detail)
        if self.related is not None:
            self.related.show_for(detail.id if detail is not None else None)
        self.history.show_for(self.kind, detail.id if detail is not None else None)
        self.header.set_titles(*self.title_of(detail))
        self.delete_button.setEnabled(detail is not None)
        self.setCurrentIndex(1)
        try:
            self._baseline = self.collect()
        except FormErrors:
            self._baseline = None
        self._set_dirty(self.is_new)

    def is_dirty(self) -> bool:
        if self.currentIndex() == 0:
            return False
        if self.is_new:
            return self._dirty
        try:
            return bool(self.collect() != self._baseline)
        except FormErrors:
            return True

    def form_changed(self) -> None:
        """Subclasses connect every input's change signal here."""
        if self.currentIndex() == 1:
            self._set_dirty(self.is_new or self.is_dirty())

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty and self.currentIndex() == 1)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def display_name(self) -> str:
        return self.title.text()

    # --- saving -----------------------------------------------------------------------------

    def save(self, after: Callable[[], None] | None = None) -> bool:
        """Send the form to the service; False when nothing could be sent."""
        if self.currentIndex() == 0 or self._saving:
            return False
        if not self.is_new and not self.is_dirty():
            self.context.say(_("No changes to save."))
            if after is not None:
                after()
            return True
        try:
            data = self.collect()
        except FormErrors as problem:
            self._show_errors(problem.errors)
            return False
        self._saving = True
        self._sent = data
        if self.is_new:
            self.context.run(
                self.create_function(),
                data,
                on_done=lambda result: self._created(result, after),
                on_error=self._save_failed,
            )
        else:
            version = self.detail.version if self.detail is not None else None
            record_id = self.record_id
            self.context.run(
                self.update_function(),
                record_id,
                data,
                version,
                on_done=lambda changes: self._updated(record_id, changes, after),
                on_error=self._save_failed,
            )
        return True

    def _created(self, result: tuple[int, Any], after: Callable[[], None] | None) -> None:
        self._saving = False
        record_id, changes = result
        self.record_id = self.target_id = record_id
        self.is_new = False
        self._baseline = self._sent  # saved: the form is clean until the record reloads
        self._set_dirty(False)
        self.context.say(_("Saved."))
        self.created.emit(record_id)
        self.context.announce(changes)
        if after is not None:
            after()
        else:
            self.load(record_id)

    def _updated(
        self, record_id: int | None, changes: Any, after: Callable[[], None] | None
    ) -> None:
        self._baseline = self._sent  # saved: the form is clean until the record reloads
        self._set_dirty(False)
        self.context.say(_("Saved."))
        if record_id is not None:
            self.saved.emit(record_id)
        self.context.announce(changes)  # while _saving, refresh() leaves this editor alone
        self._saving = False
        if after is not None:
            after()
        elif record_id is not None and record_id == self.record_id:
            self.load(record_id)  # phones come back in international format

    def _save_failed(self, error: Exception) -> None:
        self._saving = False
        if isinstance(error, ValidationError):
            self._show_errors(error.errors)
        elif isinstance(error, Conflict):
            self._conflicted(str(error))
        elif isinstance(error, NotFound):
            dialogs.show_error(self, str(error))
            self.show_placeholder()
        elif isinstance(error, ServiceError):
            dialogs.show_error(self, str(error))
        else:
            self._unexpected(error)

    # --- someone else saved meanwhile ----------------------------------------------------------

    def _conflicted(self, message: str) -> None:
        """Find out from the history who saved meanwhile, then let the user choose."""
        record_id = self.record_id
        if record_id is None:
            return
        since = getattr(self.detail, "updated_at", None)
        self._saving = True  # until the user has chosen: no reload, no second save
        self.context.run(
            history.record_history,
            self.kind,
            record_id,
            on_done=lambda events: self._choose(record_id, message, saved_meanwhile(events, since)),
            on_error=lambda _error: self._choose(record_id, message, ""),
            busy=False,
        )

    def _choose(self, record_id: int, message: str, meanwhile: str) -> None:
        self._saving = False
        if record_id != self.record_id:
            return  # another record is open by now
        choice = dialogs.conflict(self, message, meanwhile)
        if choice is dialogs.ConflictChoice.RELOAD:
            self.load(record_id)
        elif choice is dialogs.ConflictChoice.SAVE_MINE:
            self._save_mine(record_id)

    def _save_mine(self, record_id: int) -> None:
        """Save the form as it is over the version saved meanwhile (recorded as any edit)."""
        try:
            data = self.collect()
        except FormErrors as problem:
            self._show_errors(problem.errors)
            return
        self._saving = True
        self._sent = data
        self.context.run(
            _save_over,
            self.load_function(),
            self.update_function(),
            record_id,
            data,
            on_done=lambda changes: self._updated(record_id, changes, None),
            on_error=self._save_failed,
        )

    def _show_errors(self, errors: dict[str, str]) -> None:
        left_over = self.errors.show(errors)
        self.banner.setText("\n".join(left_over))
        self.banner.setVisible(bool(left_over))
        self.context.say(_("Not saved: please correct the marked fields."))

    def refresh(self, changes: Any) -> None:
        """Another action changed this record: reload it unless the user is editing it."""
        if self.record_id is None or self.is_new:
            return
        if self.record_id in changes.deleted.get(self.kind, set()):
            self.show_placeholder()
        elif (
            self.record_id in changes.updated.get(self.kind, set())
            and not self._saving
            and not self.is_dirty()
        ):
            self.load(self.record_id)

    def _unexpected(self, error: Exception) -> None:
        self.context.worker.unhandled_error.emit(error)
