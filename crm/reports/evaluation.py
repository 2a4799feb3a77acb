"""The evaluation for a period: a summary first, then per partnership the visits,
correspondence, projects and gifts of the period and the rating they suggest beside the
recorded one, marked where the two differ; the rule last (crm.reports.evaluation_rule).
Printed landscape: twelve columns."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from crm.i18n import _, ngettext, pgettext
from crm.reports import evaluation_rule as rule
from crm.reports import formats
from crm.reports import labels as vocab
from crm.reports.evaluation_data import EvaluationData, EvaluationLine, read_evaluation
from crm.reports.page import frame_width, render, setup_for
from crm.reports.report_data import evaluation_period
from crm.reports.report_parts import (
    DASH,
    city_lines,
    count,
    fit_columns,
    period_text,
    rating_code,
    title_block,
    word_width,
)
from crm.reports.styles import WARNING
from crm.reports.tables import (
    data_table,
    fields_table,
    keep_together,
    note,
    section,
    shared_parsing,
    spacer,
)
from crm.reports.text import Markup, join, small, strong

if TYPE_CHECKING:
    from crm.db.database import Database
    from crm.reports import ReportRequest

LANDSCAPE = True


def _number(value: float) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(round(value, 1), format="0.0", locale=formats.locale_code()))


def _difference(suggested: str | None, recorded: str | None) -> Markup | None:
    """The mark where the suggestion and the record differ."""
    if recorded is None:
        return small(_("not rated")) if suggested is not None else None
    direction = rule.compare(suggested, recorded)
    if direction == 0:
        return None
    word = _("higher") if direction > 0 else _("lower")
    return Markup(f'<font color="{WARNING}">{strong(word)}</font>')


def _years(data: EvaluationData) -> float:
    return rule.years_of(data.since, data.until)


def _row(line: EvaluationLine, years: float) -> list[Any]:
    activity = line.activity
    suggested = rule.suggested_rating(activity, years)
    return [
        join([city_lines(line.partner), small(kind_label(line.partner.kind))]),
        count(activity.visits_in),
        count(activity.visits_out),
        count(activity.letters_in),
        count(activity.letters_out),
        join([count(len(line.projects)), *(small(name) for name in line.projects)]),
        count(activity.gifts_given),
        count(activity.gifts_received),
        _number(rule.contacts_a_year(activity, years)),
        rating_code(suggested),
        rating_code(line.partner.rating),
        _difference(suggested, line.partner.rating),
    ]


def kind_label(kind: str) -> str:
    return vocab.label(vocab.partnership_kinds(), kind)


def partnerships_table(data: EvaluationData, width: float) -> list[Any]:
    if not data.lines:
        return [note(_("No partnerships have been entered yet."))]
    years = _years(data)
    headers = [
        _("Partner city"),
        pgettext("evaluation", "in"),
        pgettext("evaluation", "out"),
        pgettext("evaluation", "in"),
        pgettext("evaluation", "out"),
        _("Projects"),
        pgettext("evaluation", "given"),
        pgettext("evaluation", "received"),
        _("contacts a year"),
        _("suggested"),
        _("recorded"),
        _("difference"),
    ]
    groups = [
        ("", 1),
        (_("Visits"), 2),
        (_("Correspondence"), 2),
        ("", 1),
        (_("Gifts"), 2),
        (_("Activity rating"), 4),
    ]
    aligns = ["left", *["right"] * 4, "left", "right", "right", "right", *["center"] * 3]
    minimums = {
        index: word_width([headers[index], "000"], bold=True, size=8)
        for index in (1, 2, 3, 4, 6, 7, 8, 9, 10, 11)
    }
    minimums[11] = max(minimums[11], word_width([_("higher"), _("lower")], bold=True))
    column = 0
    for title, span in groups:  # a group's title fits over its columns
        if title:
            share = word_width([title], bold=True, size=8) / span
            for index in range(column, column + span):
                minimums[index] = max(minimums.get(index, 0.0), share)
        column += span
    widths = fit_columns((42, 10, 10, 10, 10, 56, 10, 10, 12, 12, 12, 14), width, minimums)
    rows = [_row(line, years) for line in data.lines]
    return [data_table(headers, rows, widths, width, aligns=aligns, groups=groups)]


def _both(incoming: int, outgoing: int) -> str:
    return _("{incoming} incoming, {outgoing} outgoing").format(
        incoming=incoming, outgoing=outgoing
    )


def summary(data: EvaluationData, width: float) -> list[Any]:
    years = _years(data)
    lines = data.lines
    total = sum((line.activity for line in lines), start=rule.Activity())
    suggested = [rule.suggested_rating(line.activity, years) for line in lines]
    recorded = [line.partner.rating for line in lines]
    differ = sum(
        1
        for ours, theirs in zip(suggested, recorded, strict=True)
        if _difference(ours, theirs) is not None
    )
    fields = fields_table(
        [
            (_("Period"), period_text(data.since, data.until)),
            (_("Partnerships"), str(len(lines))),
            (_("Visits"), _both(total.visits_in, total.visits_out)),
            (_("Correspondence"), _both(total.letters_in, total.letters_out)),
            (_("Projects"), str(sum(len(line.projects) for line in lines))),
            (
                _("Gifts"),
                _("{given} given, {received} received").format(
                    given=total.gifts_given, received=total.gifts_received
                ),
            ),
            (
                _("Rating differs"),
                ngettext(
                    "{count} of {total} partnership: the suggested rating is not the recorded one",
                    "{count} of {total} partnerships: the suggested rating is not the recorded one",
                    len(lines),
                ).format(count=differ, total=len(lines)),
            ),
        ],
        width * 0.62,
        label_share=0.3,
    )
    levels = [*rule.RATINGS, None]
    legend = vocab.activity_ratings()
    rows = [
        [
            legend.get(level, "") if level else _("– not rated, or no activity"),
            count(recorded.count(level)),
            count(suggested.count(level)),
        ]
        for level in levels
    ]
    ratings = data_table(
        [_("Rating"), _("recorded"), _("suggested")],
        rows,
        (50, 16, 16),
        width * 0.62,
        aligns=["left", "right", "right"],
    )
    body: list[Any] = [fields] if fields is not None else []
    return [
        *section(_("Summary"), body),
        *section(_("Ratings"), [keep_together([ratings])], level=2),
    ]


def rule_note(width: float) -> list[Any]:
    """The rule in words, with its figures (crm.reports.evaluation_rule)."""
    legend = vocab.activity_ratings()
    table = fields_table(
        [
            (
                _("Contacts"),
                _(
                    "The visits (either way; cancelled ones are not counted) and the "
                    "correspondence entries (either way) of the period; a visit counts as "
                    "{weight} contacts. They are averaged per year of the period; a period "
                    "shorter than a year counts as a whole year."
                ).format(weight=rule.VISIT_WEIGHT),
            ),
            (
                _("Projects"),
                _("Those running or completed whose dates overlap the period."),
            ),
            (_("Gifts"), _("Listed, but not counted: they come with the visits.")),
            (
                legend["AAA"],
                _("At least {high} contacts a year and at least {projects} projects.").format(
                    high=rule.HIGH, projects=rule.MANY_PROJECTS
                ),
            ),
            (
                legend["AA"],
                _(
                    "At least {regular} contacts a year and at least one project, or at least "
                    "{high} contacts a year."
                ).format(regular=rule.REGULAR, high=rule.HIGH),
            ),
            (legend["A"], _("Any contact or project in the period.")),
            (DASH, _("No visit, correspondence or project in the period.")),
        ],
        width * 0.75,
        label_share=0.24,
    )
    body: list[Any] = [table, spacer(2)] if table is not None else []
    body.append(
        note(
            _(
                "The register holds the formal contacts only, not every call and email: the "
                "suggestion is a starting point for the evaluation, not its result. “higher” "
                "and “lower” compare the suggestion with the recorded rating."
            )
        )
    )
    # Short, and read as a whole: it moves to the next page rather than break.
    return section(_("How the suggested rating is worked out"), [keep_together(body)])


def subtitle(data: EvaluationData) -> str:
    return period_text(data.since, data.until)


def evaluation_story(data: EvaluationData, width: float) -> list[Any]:
    return [
        *title_block(_("Evaluation of the partnerships"), subtitle(data)),
        *summary(data, width),
        *section(_("Activity per partnership"), partnerships_table(data, width)),
        *rule_note(width),
    ]


def read_request(db: Database, request: ReportRequest, today: date | None = None) -> EvaluationData:
    """The evaluation's data; without dates the last five years up to today."""
    from crm.services.errors import ServiceError

    period = evaluation_period(request.since, request.until, today or date.today())
    assert period.since is not None and period.until is not None
    if period.until < period.since:
        raise ServiceError(_("The period ends before it starts."))
    return read_evaluation(db, period.since, period.until)


def build(
    db: Database, request: ReportRequest, data: EvaluationData, today: date | None = None
) -> bytes:
    """The evaluation's PDF (the language is set by the caller)."""
    setup = setup_for(
        db,
        request,
        title=_("Evaluation of the partnerships"),
        subject=subtitle(data),
        today=today,
        landscape=LANDSCAPE,
    )
    width = frame_width(request.page_size, LANDSCAPE)
    with shared_parsing():
        story = evaluation_story(data, width)
    return render(setup, story)
