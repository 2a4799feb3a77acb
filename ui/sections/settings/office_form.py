"""The office profile as a form: the name and city printed on sheets, the home country that
phone numbers are read in, the scheme of the register's reference numbers, the language of
printed sheets, the logo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
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


def _load_office(db: Any) -> tuple[OfficeProfile, bytes | None, str]:
    from crm.services.office import get_logo, get_profile
    from crm.services.references import get_scheme

    return get_profile(db), get_logo(db), get_scheme(db)


def _save_office(
    db: Any, profile: OfficeProfile, logo: bytes | None, logo_changed: bool, scheme: str | None
) -> Any:
    """``scheme``: the new reference number scheme, None when unchanged. It is checked before
    anything is saved, so a bad scheme leaves the whole profile as it was."""
    from crm.services.office import save_logo, save_profile
    from crm.services.references import check_scheme, save_scheme, series

    if scheme is not None:
        scheme = check_scheme(scheme)
        profile = replace(profile, reference_prefix=series(scheme)[:12] or "IZ")
    changes = save_profile(db, profile)
    if logo_changed:
        changes = save_logo(db, logo)
    if scheme is not None:
        changes = save_scheme(db, scheme)
    return changes


def example_reference(scheme: str) -> str:
    """The scheme's number 42 of this year, or "" when it is not a usable scheme yet."""
    from crm.services.references import check_scheme, format_reference

    try:
        return format_reference(check_scheme(scheme), date.today().year, 42)
    except ValidationError:
        return ""


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
        self.print_language = ChoiceCombo([("de", "Deutsch"), ("en", "English"), ("sv", "Svenska")])
        office.add_row(self._scheme_field(), Field(_("Printed sheets in"), self.print_language))
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

    def _scheme_field(self) -> Field:
        box = QWidget()
        lines = QVBoxLayout(box)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        self.scheme = QLineEdit()
        self.scheme.setPlaceholderText("IZ-{year}-{number:04d}")
        self.scheme.setToolTip(
            _(
                "{year} is the year of the entry; {number} counts up from 1 each year, "
                "{number:04d} with four digits."
            )
        )
        self.scheme_example = QLabel()
        self.scheme_example.setObjectName("fieldCaption")
        lines.addWidget(self.scheme)
        lines.addWidget(self.scheme_example)
        self.scheme.textChanged.connect(self._show_example)
        self._loaded_scheme = ""
        self.scheme_field = Field(_("Reference numbers of the re&gister"), box)
        self.errors.add("reference_scheme", self.scheme_field)
        return self.scheme_field

    def _show_example(self, scheme: str) -> None:
        example = example_reference(scheme)
        self.scheme_example.setText(
            _("For example {reference}").format(reference=example)
            if example
            else _("Use {year} and {number}, e.g. IZ-{year}-{number:04d}")
        )

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

    def _loaded(self, loaded: tuple[OfficeProfile, bytes | None, str]) -> None:
        self.profile, logo, scheme = loaded
        self._loaded_scheme = scheme
        self.scheme.setText(scheme)
        self.office_name.setText(self.profile.office_name)
        self.city.setText(self.profile.city)
        self.country.set_value(self.profile.country)
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
            language=self.print_language.value() or "de",
        )

    def save(self) -> None:
        self.context.run(
            _save_office,
            self.current_profile(),
            self.logo,
            self._logo_changed,
            None if self.scheme.text().strip() == self._loaded_scheme else self.scheme.text(),
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
