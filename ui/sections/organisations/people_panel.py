"""The people of an organisation, under its editor: each a link that opens the person, with the
function held there and how to reach them. Affiliations are edited on the person, so this
side only shows them; it follows every change to people and organisations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crm.i18n import _
from crm.services.organisation_people import OrganisationPerson, people_of
from ui.context import AppContext
from ui.formats import format_date
from ui.widgets.elided_label import ElidedLabel

WATCHED = frozenset({"person", "organisation"})


def _role(person: OrganisationPerson) -> str:
    parts = [person.function, person.department]
    if person.is_former():
        parts.append(_("until {date}").format(date=format_date(person.end_date)))
    return " · ".join(part for part in parts if part)


class OrganisationPeople(QWidget):
    counted = Signal(int)  # how many people are shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationPeople")
        self._context = context
        self._organisation_id: int | None = None
        self._generation = 0
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(6)
        self.people: list[OrganisationPerson] = []
        self.links: list[QPushButton] = []
        context.changed.connect(self._maybe_reload)

    def show_for(self, organisation_id: int | None) -> None:
        self._organisation_id = organisation_id
        self.reload()

    def _maybe_reload(self, changes: Any) -> None:
        if self._organisation_id is not None and WATCHED & changes.kinds:
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        if self._organisation_id is None:
            self._fill([])
            return
        generation = self._generation
        self._context.run(
            people_of,
            self._organisation_id,
            on_done=lambda people: self._fill(people) if generation == self._generation else None,
            on_error=lambda _error: None,  # the organisation went away; the editor says so
            busy=False,
        )

    def _clear(self) -> None:
        while (item := self._column.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.links = []

    def _fill(self, people: list[OrganisationPerson]) -> None:
        self._clear()
        self.people = list(people)
        self.counted.emit(len(people))
        if not people:
            empty = QLabel(
                _("No one here yet. People are added to an organisation in their own record.")
                if self._organisation_id is not None
                else _("People are added to an organisation in their own record.")
            )
            empty.setObjectName("fieldCaption")
            empty.setWordWrap(True)
            self._column.addWidget(empty)
            return
        for person in people:
            self._column.addWidget(self._row(person))

    def _row(self, person: OrganisationPerson) -> QWidget:
        row = QWidget()
        row.setObjectName("organisationPerson")
        lines = QVBoxLayout(row)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(0)
        top = QHBoxLayout()
        top.setSpacing(10)
        button = QPushButton(person.name.replace("&", "&&"))  # a name, not an accelerator
        button.setObjectName("relatedLink")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(_("Open {name}").format(name=person.name))
        button.clicked.connect(lambda: self._context.open_record.emit("person", person.person_id))
        self.links.append(button)
        top.addWidget(button)
        if person.name_original:
            own = QLabel(person.name_original)  # as written, in its own script
            top.addWidget(own)
        role = ElidedLabel()
        role.setObjectName("fieldCaption")
        role.setText(_role(person))
        top.addWidget(role, 1)
        lines.addLayout(top)
        reach = " · ".join(value for value in (person.phone, person.email) if value)
        if reach:
            contact = ElidedLabel()
            contact.setObjectName("fieldCaption")
            contact.setText(reach)
            lines.addWidget(contact)
        return row
