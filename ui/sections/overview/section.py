"""The Overview, the first screen of the day: visits and programme of the next two weeks,
follow-ups due, round anniversaries, evaluations due and the latest changes.

It reads everything in one service call on the worker, each time it is shown and whenever a
change is announced while it is on screen.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from crm.i18n import _
from crm.services.overview_model import FOLLOW_UP_DAYS, UPCOMING_DAYS, Overview
from ui import dialogs
from ui.context import AppContext
from ui.sections.overview import entries
from ui.sections.overview.cards import Card
from ui.sections.section import Section
from ui.style import colours
from ui.widgets.vertical_scroll_area import VerticalScrollArea

TWO_COLUMNS_FROM = 1040  # narrower than this, the cards stand in one column
MAX_WIDTH = 1280

# Applied to the section only; the colours come from the app's palette (light or dark).
STYLE = """
#overviewPage {{ background: {window}; }}
#overviewTitle {{ font-size: {title_pt}pt; font-weight: 600; }}
#overviewDate {{ color: {muted}; }}
#overviewCard {{ background: {base}; border: 1px solid {line}; border-radius: 8px; }}
#overviewCardTitle {{ font-weight: 600; }}
#overviewCount {{ background: {accent_soft}; color: {accent_text}; border-radius: 9px;
    padding: 0 7px; font-weight: 600; }}
#overviewGroup {{ color: {accent_text}; font-weight: 600; padding: 10px 10px 3px 10px;
    border-bottom: 1px solid {line}; margin-bottom: 2px; }}
#overviewEmpty {{ color: {muted}; padding: 6px 10px 8px 10px; }}
#overviewLine {{ border-radius: 6px; background: transparent; }}
#overviewLine[openable="true"]:hover {{ background: {hover}; }}
#overviewLine:focus {{ background: {accent_soft}; }}
#overviewLead {{ color: {muted}; }}
#overviewLead[tone="warn"] {{ color: {error}; }}
#overviewDetail {{ color: {muted}; }}
#overviewTag {{ border-radius: 8px; padding: 1px 8px; background: {accent_soft};
    color: {accent_text}; }}
#overviewTag[tone="warn"] {{ background: {error_soft}; color: {error}; font-weight: 600; }}
#overviewTag[tone="quiet"] {{ background: {alt}; color: {muted}; }}
"""


def today() -> date:
    """The day the Overview is about (tests put a fixed day here)."""
    return date.today()


class OverviewSection(Section):
    key = "overview"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.overview: Overview | None = None
        self._request = 0
        self._style_key = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = VerticalScrollArea()
        self.scroll_area.setObjectName("overviewPage")
        page = QWidget()
        page.setObjectName("overviewPage")
        page.setMaximumWidth(MAX_WIDTH)
        column = QVBoxLayout(page)
        column.setContentsMargins(32, 24, 32, 32)
        column.setSpacing(18)
        self.title = QLabel(_("Overview"))
        self.title.setObjectName("overviewTitle")
        self.date_label = QLabel()
        self.date_label.setObjectName("overviewDate")
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.date_label)
        column.addLayout(heading)
        self.upcoming = Card(
            _("Coming up in the next {days} days").format(days=UPCOMING_DAYS),
            "calendar",
            _("No visits or programme items in the next two weeks."),
        )
        self.follow_ups = Card(
            _("Follow-ups due"),
            "correspondence",
            _("Nothing to follow up: every letter is answered."),
            limit=6,
        )
        hint = _("Correspondence not done yet, with a follow-up date up to {days} days ahead.")
        self.follow_ups.setToolTip(hint.format(days=FOLLOW_UP_DAYS))
        self.anniversaries = Card(
            _("Round anniversaries this year"),
            "star",
            _("No partnership has a round anniversary this year."),
            limit=5,
        )
        self.evaluations = Card(
            _("Evaluations due"),
            "reports",
            _("Every partnership's five-yearly evaluation is up to date."),
            limit=5,
        )
        self.recent = Card(
            _("Recent changes"), "history", _("Nothing has been changed yet."), limit=6
        )
        self.cards = (
            self.upcoming,
            self.follow_ups,
            self.anniversaries,
            self.evaluations,
            self.recent,
        )
        for card in self.cards:
            card.activated.connect(self.context.open_record)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(18)
        self._columns = 0
        column.addLayout(self.grid)
        column.addStretch(1)
        self._arrange(2)
        self.scroll_area.setWidget(page)
        outer.addWidget(self.scroll_area)
        self._restyle()
        context.changed.connect(self._changed)

    # --- layout -----------------------------------------------------------------------------

    def _arrange(self, columns: int) -> None:
        """Two columns: the agenda on the left, what is due on the right; or one column."""
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        right = (self.follow_ups, self.anniversaries, self.evaluations, self.recent)
        # A card keeps its height (Maximum): at the top of its cells, not centred in them.
        top = Qt.AlignmentFlag.AlignTop
        if columns == 2:
            self.grid.addWidget(self.upcoming, 0, 0, len(right) + 1, 1, top)
            for row, card in enumerate(right):
                self.grid.addWidget(card, row, 1, top)
            self.grid.setRowStretch(len(right), 1)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 1)
        else:
            for row, card in enumerate((self.upcoming, *right)):
                self.grid.addWidget(card, row, 0, top)
            self.grid.setColumnStretch(1, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        size = self.font().pointSizeF()
        title = round((size if size > 0 else 10) * 1.6)
        sheet = STYLE.format(title_pt=title, **colours(self.palette()))
        if sheet != self._style_key:  # setting a sheet changes the palette: no loop
            self._style_key = sheet
            self.setStyleSheet(sheet)

    # --- data -------------------------------------------------------------------------------

    def activate(self) -> None:
        self.reload()

    def _changed(self, _changes: Any) -> None:
        # A hidden Overview reloads when it is shown again (activate).
        if self.isVisible():
            self.reload()

    def show_prefetched(self, overview: Overview) -> None:
        """Show an Overview read before the database was attached (the first screen)."""
        self._show(self._request, overview)

    def reload(self) -> None:
        from crm.services.overview import get_overview

        if not self.context.has_database:
            return  # the first screen at start-up: it reads once the database is open
        self._request += 1
        request = self._request
        self.context.run(
            get_overview,
            today(),
            on_done=lambda overview: self._show(request, overview),
            on_error=self._failed,
            busy=self.overview is None,
        )

    def _failed(self, error: BaseException) -> None:
        dialogs.show_unexpected(self, error)

    def _show(self, request: int, overview: Overview) -> None:
        if request != self._request:
            return  # a newer read is on its way
        self.overview = overview
        day = overview.today
        self.date_label.setText(entries.long_date(day))
        self.upcoming.set_lines(entries.upcoming_lines(overview.upcoming, day))
        self.follow_ups.set_lines(
            entries.follow_up_lines(overview.follow_ups), overview.follow_ups_total
        )
        self.anniversaries.set_lines(entries.anniversary_lines(overview.anniversaries, day))
        self.evaluations.set_lines(entries.evaluation_lines(overview.evaluations))
        self.recent.set_lines(entries.recent_lines(overview.recent, day))
