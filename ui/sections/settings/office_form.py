"""The office profile as a form: the name and city printed on sheets, the home country that
phone numbers are read in, the correspondence prefix, the language of printed sheets, the logo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.services.errors import ValidationError
from crm.services.office import OfficeProfile
from ui.context import AppContext
from ui.countries import country_choices
from ui.icons import icon
from ui.widgets.choice_combo import ChoiceCombo, SearchableChoiceCombo
from ui.widgets.form import Field, FieldErrors, FormSection

LOGO_HEIGHT = 56


def choose_logo_file(parent: QWidget) -> str | None:
    """Ask for a picture (tests replace this function)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Choose the office logo"), "", _("Pictures (*.png *.jpg *.jpeg)")
    )
    return path or None


def _load_office(db: Any) -> tuple[OfficeProfile, bytes | None]:
    from crm.services.office import get_logo, get_profile

    return get_profile(db), get_logo(db)


def _save_office(db: Any, profile: OfficeProfile, logo: bytes | None, logo_changed: bool) -> Any:
    from crm.services.office import save_logo, save_profile

    changes = save_profile(db, profile)
    if logo_changed:
        changes = save_logo(db, logo)
    return changes


class OfficeForm(QWidget):
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile = OfficeProfile()
        self.logo: bytes | None = None
        self._logo_changed = False
        self.errors = FieldErrors()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        office = FormSection(_("Office"))
        self.office_name = QLineEdit()
        self.office_name.setPlaceholderText(_("e.g. Referat Internationale Zusammenarbeit"))
        self.city = QLineEdit()
        self.city.setPlaceholderText(_("e.g. Leipzig"))
        office.add_row(Field(_("Office &name"), self.office_name))
        office.add_row(Field(_("C&ity"), self.city), self._country_field())
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText("IZ")
        self.prefix.setMaxLength(12)
        self.print_language = ChoiceCombo([("de", "Deutsch"), ("en", "English")])
        prefix = Field(_("Correspondence &prefix"), self.prefix)
        self.errors.add("reference_prefix", prefix)
        office.add_row(prefix, Field(_("Printed sheets in"), self.print_language))
        office.add_row(self._logo_row())
        column.addWidget(office)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(icon("check"), _("Save office profile"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)

    def _country_field(self) -> Field:
        self.country = SearchableChoiceCombo(country_choices())
        field = Field(_("Co&untry (phone numbers without + are read as from here)"), self.country)
        self.errors.add("country", field)
        return field

    def _logo_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setMinimumHeight(LOGO_HEIGHT)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.choose_logo = QPushButton(_("Choose &logo…"))
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(_("&Remove logo"))
        self.remove_logo.clicked.connect(lambda: self._set_logo(None))
        line.addWidget(self.logo_preview, 1)
        line.addWidget(self.choose_logo)
        line.addWidget(self.remove_logo)
        self.logo_field = Field(_("Logo on printed sheets"), row)
        self.errors.add("logo", self.logo_field)
        return self.logo_field

    # --- loading and saving -----------------------------------------------------------------

    def load(self) -> None:
        self.context.run(_load_office, on_done=self._loaded, busy=False)

    def _loaded(self, loaded: tuple[OfficeProfile, bytes | None]) -> None:
        self.profile, logo = loaded
        self.office_name.setText(self.profile.office_name)
        self.city.setText(self.profile.city)
        self.country.set_value(self.profile.country)
        self.prefix.setText(self.profile.reference_prefix)
        self.print_language.set_value(self.profile.language)
        self._set_logo(logo, changed=False)
        self._logo_changed = False
        self.errors.clear()

    def _choose_logo(self) -> None:
        path = choose_logo_file(self)
        if path is None:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            self.logo_field.set_error(_("The file cannot be read: {reason}").format(reason=error))
            return
        self._set_logo(data)

    def _set_logo(self, data: bytes | None, changed: bool = True) -> None:
        self.logo = data
        if changed:
            self._logo_changed = True
        self.logo_field.set_error(None)
        pixmap = QPixmap()
        if data is not None and pixmap.loadFromData(data):
            ratio = self.devicePixelRatioF()
            scaled = pixmap.scaledToHeight(
                int(LOGO_HEIGHT * ratio), Qt.TransformationMode.SmoothTransformation
            )
            scaled.setDevicePixelRatio(ratio)
            self.logo_preview.setPixmap(scaled)
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(_("No logo") if data is None else _("Not a picture"))
        self.remove_logo.setEnabled(data is not None)

    def current_profile(self) -> OfficeProfile:
        return replace(
            self.profile,
            office_name=self.office_name.text().strip(),
            city=self.city.text().strip(),
            country=self.country.value() or "",
            reference_prefix=self.prefix.text().strip() or "IZ",
            language=self.print_language.value() or "de",
        )

    def save(self) -> None:
        self.context.run(
            _save_office,
            self.current_profile(),
            self.logo,
            self._logo_changed,
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, changes: Any) -> None:
        self._logo_changed = False
        self.errors.clear()
        self.context.announce(changes)
        self.context.say(_("Office profile saved."))
        self.load()
        self.saved.emit()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error.errors)
        else:
            self.context.worker.unhandled_error.emit(error)
