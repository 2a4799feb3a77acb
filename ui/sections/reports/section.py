"""Reports: the partnership overview, the evaluation for a period, the contact sheet and the gift
register (and a delegation's briefing), in German or English, on A4 or US Letter: previewed
beside the form, printed through the system's print dialog, or saved as PDF."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm.i18n import _
from crm.services import lists
from crm.services.correspondence_lists import delegation_choices
from crm.services.office import OfficeProfile
from ui.context import AppContext
from ui.formats import format_date
from ui.sections.reports import building
from ui.sections.reports.building import ReportOptions
from ui.sections.reports.pane import ReportPane
from ui.sections.reports.record_chips import RecordChips
from ui.sections.section import Section
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.date_field import DateField
from ui.widgets.form import Field, FormSection
from ui.widgets.record_picker import RecordPicker
from ui.widgets.vertical_scroll_area import VerticalScrollArea

FORM_WIDTH = 360
WITH_PERIOD = ("evaluation", "gifts")
STATE_KIND = "reports/kind"
STATE_SPLITTER = "reports/splitter"
# Records whose changes alter what a report says.
REPORTED_KINDS = frozenset(
    {
        "partnership",
        "organisation",
        "person",
        "delegation",
        "correspondence",
        "project",
        "event",
        "office",
    }
)


class ReportsSection(Section):
    key = "reports"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._activated = False
        self._language_chosen = False  # the user picked one: the office's default no longer
        self._paper_chosen = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("sectionSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_form())
        self.pane = ReportPane(context, self.options, self.file_name)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([FORM_WIDTH + 48, 900])
        layout.addWidget(self.splitter, 1)
        self.pane.busy_changed.connect(lambda busy: self.preview_button.setEnabled(not busy))
        self.pane.preview.show_message(
            _("Choose a report on the left, then Preview to see it here.")
        )
        print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_shortcut.activated.connect(self.pane.print_report)
        context.changed.connect(self._records_changed)
        self._kind_chosen(self.kind.value())

    # --- the form ---------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        scroll = VerticalScrollArea()
        scroll.setObjectName("editorScroll")
        page = QWidget()
        page.setObjectName("editorContent")
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 20, 24, 24)
        column.setSpacing(22)
        page.setMinimumWidth(FORM_WIDTH)

        report = FormSection(_("Report"))
        titles = building.report_titles()
        self.kind = ChoiceCombo([(kind, titles[kind]) for kind in building.KINDS])
        self.kind.value_changed.connect(self._kind_chosen)
        report.add_row(Field(_("&Report"), self.kind))
        self.description = QLabel()
        self.description.setObjectName("fieldCaption")
        self.description.setWordWrap(True)
        report.add_row(self.description)

        self.contacts_of = ChoiceCombo(
            [
                ("delegation", _("A delegation's members and hosts")),
                ("selection", _("People and organisations you choose")),
            ]
        )
        self.contacts_of.value_changed.connect(lambda _value: self._show_fields())
        self.contacts_of_field = Field(_("Contacts &of"), self.contacts_of)
        report.add_row(self.contacts_of_field)

        self.delegation = RecordPicker(
            self.context, delegation_choices, _("Type to search delegations")
        )
        self.delegation_field = Field(_("De&legation"), self.delegation)
        report.add_row(self.delegation_field)

        self.people = RecordChips(self.context, lists.person_choices, _("Add a person…"))
        self.people_field = Field(_("Peop&le"), self.people)
        report.add_row(self.people_field)
        self.organisations = RecordChips(
            self.context, lists.organisation_choices, _("Add an organisation…")
        )
        self.organisations_field = Field(_("Organisa&tions"), self.organisations)
        report.add_row(self.organisations_field)

        self.since = DateField()
        self.until = DateField()
        self.since_field = Field(_("Fro&m"), self.since)
        self.until_field = Field(_("&To"), self.until)
        report.add_row(self.since_field, self.until_field)
        today = date.today()
        self.since.set_date(date(today.year, 1, 1))
        self.until.set_date(date(today.year, 12, 31))

        self.confidential = QCheckBox(_("Mark as &confidential"))
        self.confidential.setToolTip(_("Every page says that the briefing is confidential."))
        report.add_row(self.confidential)
        column.addWidget(report)

        output = FormSection(_("Output"))
        self.language = ChoiceCombo(building.language_choices())
        self.language.activated.connect(lambda _index: self._user_chose_language())
        self.paper = ChoiceCombo(building.page_size_choices())
        self.paper.activated.connect(lambda _index: self._user_chose_paper())
        output.add_row(Field(_("La&nguage"), self.language), Field(_("P&aper"), self.paper))
        column.addWidget(output)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(_("Pre&view"))
        self.preview_button.setObjectName("primaryButton")
        self.preview_button.setToolTip(_("Make the report and show it"))
        self.preview_button.clicked.connect(self.preview)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        scroll.setWidget(page)
        return scroll

    def _user_chose_language(self) -> None:
        self._language_chosen = True

    def _user_chose_paper(self) -> None:
        self._paper_chosen = True

    def _kind_chosen(self, kind: str | None) -> None:
        self.description.setText(building.report_descriptions().get(kind or "", ""))
        period = {
            "evaluation": (_("Fro&m (required)"), _("&To (required)")),
            "gifts": (_("Fro&m (optional)"), _("&To (optional)")),
        }.get(kind or "")
        if period is not None:
            self.since_field.caption.setText(period[0])
            self.until_field.caption.setText(period[1])
        if kind == "gifts" and self.since.text() and self.until.text():
            # The register is usually wanted whole; a period is the exception.
            self.since.clear()
            self.until.clear()
        elif kind == "evaluation" and not (self.since.text() or self.until.text()):
            today = date.today()
            self.since.set_date(date(today.year, 1, 1))
            self.until.set_date(date(today.year, 12, 31))
        self._clear_errors()
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.kind.value()
        selection = kind == "contacts" and self.contacts_of.value() == "selection"
        self.contacts_of_field.setVisible(kind == "contacts")
        self.delegation_field.setVisible(
            kind == "briefing" or (kind == "contacts" and not selection)
        )
        self.people_field.setVisible(selection)
        self.organisations_field.setVisible(selection)
        self.since_field.setVisible(kind in WITH_PERIOD)
        self.until_field.setVisible(kind in WITH_PERIOD)
        self.confidential.setVisible(kind == "briefing")

    def _clear_errors(self) -> None:
        for field in (
            self.delegation_field,
            self.people_field,
            self.since_field,
            self.until_field,
        ):
            field.set_error(None)

    # --- what the form asks for -------------------------------------------------------------

    def options(self) -> ReportOptions | None:
        """The report the form describes; None (and the mistakes shown) when it cannot be made."""
        self._clear_errors()
        kind = self.kind.value() or "partnerships"
        errors: list[tuple[Field, str]] = []
        delegation_id: int | None = None
        person_ids: tuple[int, ...] = ()
        organisation_ids: tuple[int, ...] = ()
        since: date | None = None
        until: date | None = None
        wants_delegation = kind == "briefing" or (
            kind == "contacts" and self.contacts_of.value() == "delegation"
        )
        if wants_delegation:
            delegation_id = self.delegation.value()
            if delegation_id is None:
                errors.append((self.delegation_field, _("Choose the delegation from the list.")))
        elif kind == "contacts":
            person_ids, organisation_ids = self.people.ids(), self.organisations.ids()
            if not (person_ids or organisation_ids):
                errors.append((self.people_field, _("Choose at least one person or organisation.")))
        if kind in WITH_PERIOD:
            for field, widget in ((self.since_field, self.since), (self.until_field, self.until)):
                try:
                    value = widget.date_value()
                except ValueError as error:
                    errors.append((field, str(error)))
                    continue
                if value is None and kind == "evaluation":
                    errors.append((field, _("Enter a date.")))
                if widget is self.since:
                    since = value
                else:
                    until = value
            if since is not None and until is not None and since > until:
                errors.append((self.until_field, _("The period ends before it begins.")))
        if errors:
            for field, message in errors:
                field.set_error(message)
            errors[0][0].widget.setFocus()
            self.context.say(_("The report needs a few more details: see the marked fields."))
            return None
        return ReportOptions(
            kind=kind,
            language=self.language.value() or "de",
            page_size=self.paper.value() or "A4",
            delegation_id=delegation_id,
            person_ids=person_ids,
            organisation_ids=organisation_ids,
            since=since,
            until=until,
            confidential=kind == "briefing" and self.confidential.isChecked(),
        )

    def file_name(self, options: ReportOptions) -> str:
        """The name offered when saving: the report and what it covers."""
        title = building.report_titles().get(options.kind, _("Report"))
        if options.delegation_id is not None and self.delegation.name():
            return f"{title} – {self.delegation.name()}"
        if options.since is not None or options.until is not None:
            span = f"{format_date(options.since)} – {format_date(options.until)}".strip(" –")
            return f"{title} {span}"
        return f"{title} {format_date(date.today())}"

    def preview(self) -> None:
        self.pane.preview_report()

    # --- Section ----------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._activated:
            self._activated = True
            self._load_office()
        elif self.pane.stale:
            self.pane.refresh()

    def _load_office(self) -> None:
        from crm.services.office import get_profile

        self.context.run(get_profile, on_done=self._office_loaded, busy=False)

    def _office_loaded(self, profile: OfficeProfile) -> None:
        if not self._language_chosen:
            self.language.set_value(building.print_language(profile.language))
        if not self._paper_chosen:
            self.paper.set_value(building.default_page_size(profile.country))

    def _records_changed(self, changes: Any) -> None:
        if "office" in changes.kinds and self._activated:
            self._load_office()
        if not (REPORTED_KINDS & changes.kinds) or self.pane.built is None:
            return
        if self.isVisible():
            self.pane.refresh()
        else:
            self.pane.stale = True

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(STATE_KIND, self.kind.value() or "")
        settings.setValue(STATE_SPLITTER, self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        kind = settings.value(STATE_KIND, "")
        if isinstance(kind, str) and kind in building.KINDS:
            self.kind.set_value(kind)
        state = settings.value(STATE_SPLITTER)
        if state is not None:
            self.splitter.restoreState(state)
