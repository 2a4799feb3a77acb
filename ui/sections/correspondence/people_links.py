"""The people an entry concerns besides its counterpart: each picked by name."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm.i18n import _
from crm.services import lists
from ui.context import AppContext
from ui.widgets.record_picker import RecordPicker
from ui.widgets.row_list import ListRow, RowListEditor

UNCHOSEN = 0  # a name typed but not picked from the list

PersonLink = tuple[int, str]


class PersonLinkRow(ListRow):
    def __init__(
        self, context: AppContext, link: PersonLink | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.person = RecordPicker(context, lists.person_choices, _("Person (type to search)"))
        self.person.setAccessibleName(_("Person"))
        self.fields.addWidget(self.person, 1)
        if link is not None:
            self.person.set_value(*link)
        self.person.value_changed.connect(self.changed)

    def to_link(self) -> PersonLink | None:
        if not self.person.text().strip():
            return None
        return (self.person.value() or UNCHOSEN, self.person.text().strip())


class PeopleLinks(RowListEditor[PersonLink, PersonLinkRow]):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self._context = context
        super().__init__(_("Add person"), parent)

    def make_row(self, item: PersonLink | None) -> PersonLinkRow:
        return PersonLinkRow(self._context, item)

    def row_value(self, row: PersonLinkRow) -> PersonLink | None:
        return row.to_link()

    def person_ids(self) -> list[int]:
        return [person_id for person_id, _name in self.items()]

    def unchosen_errors(self) -> dict[str, str]:
        """``person_ids.N`` for rows whose name was typed but not picked."""
        return {
            f"person_ids.{position}": _("Choose the person from the list.")
            for position, (person_id, _name) in enumerate(self.items())
            if person_id == UNCHOSEN
        }
