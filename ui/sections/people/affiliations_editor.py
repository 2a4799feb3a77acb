"""A person's organisations: which organisation (picked by name), the function there, and
whether it is the main one. Department and dates are kept as they were (edited in a later
version with the Organisations section)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QWidget

from crm.i18n import _
from crm.services import lists
from crm.services.people import AffiliationInput, AffiliationView
from ui.context import AppContext
from ui.widgets.primary_toggle import PrimaryToggle
from ui.widgets.record_picker import RecordPicker
from ui.widgets.row_list import ListRow, RowListEditor

UNCHOSEN = 0  # organisation_id of a row whose name was typed but not picked


class AffiliationRow(ListRow):
    def __init__(
        self, context: AppContext, view: AffiliationView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.organisation = RecordPicker(
            context, lists.organisation_choices, _("Organisation (type to search)")
        )
        self.organisation.setAccessibleName(_("Organisation"))
        self.function = QLineEdit()
        self.function.setPlaceholderText(_("Function there"))
        self.function.setAccessibleName(_("Function there"))
        self.primary = PrimaryToggle(_("Main organisation: the one shown in the list"))
        self.fields.addWidget(self.organisation, 3)
        self.fields.addWidget(self.function, 2)
        self.fields.addWidget(self.primary)
        self._kept = AffiliationInput(organisation_id=UNCHOSEN)
        if view is not None:
            self.organisation.set_value(view.organisation_id, view.organisation_name)
            self.function.setText(view.function or "")
            self.primary.setChecked(view.is_primary)
            self._kept = AffiliationInput(
                organisation_id=view.organisation_id,
                function=view.function,
                department=view.department,
                start_date=view.start_date,
                end_date=view.end_date,
                is_primary=view.is_primary,
            )
        self.organisation.value_changed.connect(self.changed)
        self.function.textChanged.connect(self.changed)
        self.primary.toggled.connect(self.changed)

    def to_input(self) -> AffiliationInput | None:
        if not self.organisation.text().strip():
            return None
        return replace(
            self._kept,
            organisation_id=self.organisation.value() or UNCHOSEN,
            function=self.function.text().strip() or None,
            is_primary=self.primary.isChecked(),
        )


class AffiliationsEditor(RowListEditor[AffiliationInput, AffiliationRow]):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self._context = context
        super().__init__(_("Add organisation"), parent)

    def set_views(self, views: tuple[AffiliationView, ...] | list[AffiliationView]) -> None:
        self.set_items(list(views))  # type: ignore[arg-type]

    def make_row(self, item: object | None) -> AffiliationRow:
        return AffiliationRow(self._context, item if isinstance(item, AffiliationView) else None)

    def row_value(self, row: AffiliationRow) -> AffiliationInput | None:
        return row.to_input()

    def unchosen_errors(self) -> dict[str, str]:
        """``affiliations.N`` for rows with a typed but not picked organisation."""
        return {
            f"affiliations.{position}": _("Choose the organisation from the list.")
            for position, item in enumerate(self.items())
            if item.organisation_id == UNCHOSEN
        }
