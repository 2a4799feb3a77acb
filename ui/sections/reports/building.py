"""What the app asks of ``crm.reports``: a report's options, and the call that builds its PDF.

``crm.reports`` (ReportLab and the fonts) is imported by ``build_pdf`` only, on the worker,
the first time a report is made: starting Liaison never loads it. Tests replace ``build_pdf``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING

from crm.i18n import SUPPORTED_LANGUAGES, _

if TYPE_CHECKING:
    from crm.db.database import Database

KINDS = ("partnerships", "evaluation", "contacts", "gifts", "briefing")
PAGE_SIZES = ("A4", "Letter")
# Where US Letter is the paper in the office's drawer.
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "NI", "DO", "PR", "BZ"}
)


@dataclass(frozen=True)
class ReportOptions:
    """The fields of ``crm.reports.ReportRequest``, so the app can hold them without importing
    the report builder."""

    kind: str
    language: str = "de"
    page_size: str = "A4"
    delegation_id: int | None = None
    person_ids: tuple[int, ...] = ()
    organisation_ids: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    confidential: bool = False


def build_pdf(db: Database, options: ReportOptions) -> bytes:
    """The report's PDF; raises ServiceError with a message for the user. Runs on the worker."""
    from crm.reports import ReportRequest, build_report

    return build_report(db, ReportRequest(**asdict(options)))


def default_page_size(country: str | None) -> str:
    """Letter in the countries that use it, A4 everywhere else."""
    return "Letter" if (country or "").upper() in LETTER_COUNTRIES else "A4"


def report_titles() -> dict[str, str]:
    return {
        "partnerships": _("Partnership overview"),
        "evaluation": _("Evaluation for a period"),
        "contacts": _("Contact sheet"),
        "gifts": _("Gift register"),
        "briefing": _("Delegation briefing"),
    }


def report_descriptions() -> dict[str, str]:
    return {
        "partnerships": _(
            "Every partnership with its kind, since when, rating, themes, last visit "
            "and last correspondence."
        ),
        "evaluation": _(
            "Per partnership: the visits, correspondence and projects of the period, and the "
            "rating they suggest beside the recorded one."
        ),
        "contacts": _(
            "Every phone, fax and email of a delegation's members and hosts, or of the people "
            "and organisations you choose."
        ),
        "gifts": _("The gifts given and received, all of them or those of a period."),
        "briefing": _(
            "Everything about one visit for those who take part: members, programme, "
            "logistics, history and protocol notes."
        ),
    }


def language_choices() -> list[tuple[str, str]]:
    return [("de", _("German")), ("en", _("English")), ("sv", _("Swedish"))]


def print_language(office_language: str) -> str:
    """The office's print language when reports can be printed in it, else German."""
    return office_language if office_language in SUPPORTED_LANGUAGES else "de"


def page_size_choices() -> list[tuple[str, str]]:
    return [("A4", _("A4")), ("Letter", _("US Letter"))]
