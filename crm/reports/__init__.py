"""Printed reports: the delegation briefing and the office's other sheets, as PDF.

``build_report`` makes the PDF of a ``ReportRequest``; ``write_report`` saves it atomically.
Importing this package is cheap: ReportLab, the fonts and the report modules are loaded the
first time a report is built (importing ReportLab takes about a tenth of a second, each font a
few milliseconds to some tens), so the app starts without them.

The pieces the reports are built from, for any new report:
- crm.reports.page: the office's pages (letterhead, running header, footer with "page X of Y"
  and the printed-on date, the confidential marking, A4 or Letter) and ``render``;
- crm.reports.tables: headings that keep with what follows, field lists, tables whose header
  repeats on every page;
- crm.reports.text: user text into safe Paragraph markup, a font per script, right-to-left
  reordered; crm.reports.fonts: the shipped fonts;
- crm.reports.formats and crm.reports.labels: dates, countries, languages, vocabularies in the
  report's language;
- crm.reports.report_data and crm.reports.report_parts: what the office's lists share (the
  partnerships by city, a period, a city in every spelling, column widths that fit).

The reports, each read (``*_data``) apart from its layout: the briefing (briefing.py), the
partnership overview (partnerships.py), the evaluation for a period (evaluation.py, its rule in
evaluation_rule.py), the contact sheet (contacts.py) and the gift register (gifts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from crm.files import save_atomically
from crm.i18n import _, language_override
from crm.services.errors import ServiceError

if TYPE_CHECKING:
    from crm.db.database import Database

REPORT_KINDS: tuple[str, ...] = ("briefing", "partnerships", "evaluation", "contacts", "gifts")
LANGUAGES: tuple[str, ...] = ("de", "en", "sv")
PAGE_SIZES: tuple[str, ...] = ("A4", "Letter")

__all__ = [
    "LANGUAGES",
    "PAGE_SIZES",
    "REPORT_KINDS",
    "ReportRequest",
    "build_report",
    "write_report",
]


@dataclass(frozen=True)
class ReportRequest:
    kind: str  # "briefing" | "partnerships" | "evaluation" | "contacts" | "gifts"
    language: str = "de"  # "de" | "en"
    page_size: str = "A4"  # "A4" | "Letter"
    delegation_id: int | None = None  # briefing; contacts of a delegation
    person_ids: tuple[int, ...] = ()  # contacts: a selection
    organisation_ids: tuple[int, ...] = ()
    since: date | None = None  # evaluation, gifts
    until: date | None = None
    confidential: bool = False


def _check(request: ReportRequest) -> None:
    if request.kind not in REPORT_KINDS:
        raise ServiceError(
            _("There is no report “{kind}”; choose one of {choices}.").format(
                kind=request.kind, choices=", ".join(REPORT_KINDS)
            )
        )
    if request.language not in LANGUAGES:
        raise ServiceError(
            _(
                "Reports are printed in German (de), English (en) or Swedish (sv), "
                "not “{language}”."
            ).format(language=request.language)
        )
    if request.page_size not in PAGE_SIZES:
        raise ServiceError(
            _("The page size is A4 or Letter, not “{size}”.").format(size=request.page_size)
        )
    if request.since and request.until and request.until < request.since:
        raise ServiceError(_("The period ends before it starts."))


# The module of each report but the briefing: ``read_request(db, request)`` reads its data
# (ServiceError for bad input), ``build(db, request, data)`` lays it out as a PDF.
_MODULES = {
    "partnerships": "crm.reports.partnerships",
    "evaluation": "crm.reports.evaluation",
    "contacts": "crm.reports.contacts",
    "gifts": "crm.reports.gifts",
}


def build_report(db: Database, request: ReportRequest) -> bytes:
    """The PDF of ``request``; ServiceError (a message for the user) for bad input, such as
    a delegation that does not exist.

    The data is read before the report's language is set, so an error is in the language of
    the person asking; the report itself is laid out in the language asked for.
    """
    _check(request)
    if request.kind == "briefing":
        from crm.reports.briefing import build_briefing, read_request

        data = read_request(db, request)
        with language_override(request.language):
            return build_briefing(db, request, data=data)
    from importlib import import_module

    module = import_module(_MODULES[request.kind])
    report_data = module.read_request(db, request)
    with language_override(request.language):
        pdf: bytes = module.build(db, request, report_data)
    return pdf


def write_report(db: Database, request: ReportRequest, path: Path) -> None:
    """Build the report and save it at ``path`` whole or not at all (crm.files)."""
    save_atomically(Path(path), build_report(db, request), _cannot_write)


def _cannot_write(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return _("The report cannot be saved as {path}: {reason}.").format(path=path, reason=reason)
