"""What an import did (or, in a dry run, would do), record by record, as text and as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crm.i18n import _, ngettext
from crm.io.import_check import Action, ImportPlan, PlannedRecord
from crm.io.import_model import PEOPLE, VCARD, XLSX
from crm.services.duplicates import EMAIL, PHONE
from crm.services.unit import ChangeSet


def count_text(count: int) -> str:
    """A count as the user's language writes it: 1,234 or 1.234."""
    from babel.numbers import format_decimal

    from crm.i18n import current_language

    return str(format_decimal(count, locale=current_language()))


@dataclass(frozen=True)
class ReportEntry:
    line: int
    number: int
    name: str
    action: str  # "create", "update", "skip" or "reject"
    reason: str
    warnings: tuple[str, ...] = ()
    record_id: int | None = None


@dataclass
class ImportReport:
    file_name: str
    kind: str
    format: str  # VCARD, CSV or XLSX
    dry_run: bool
    entries: list[ReportEntry]
    photos: int = 0
    new_organisations: list[str] = field(default_factory=list)
    changes: ChangeSet | None = None

    def count(self, action: Action) -> int:
        return sum(1 for entry in self.entries if entry.action == action.value)

    def place(self, entry: ReportEntry) -> str:
        """Where the record is in the file: "line 12 (card 3)", "line 12", "row 12"."""
        if self.format == VCARD:
            return _("Line {line} (card {number})").format(line=entry.line, number=entry.number)
        if self.format == XLSX:
            return _("Row {line}").format(line=entry.line)
        return _("Line {line}").format(line=entry.line)

    def title(self) -> str:
        if self.kind == PEOPLE:
            return _("Import of people from {file}").format(file=self.file_name)
        return _("Import of organisations from {file}").format(file=self.file_name)

    def summary(self) -> str:
        if self.dry_run:
            parts = [
                _("To create: {count}").format(count=count_text(self.count(Action.CREATE))),
                _("To update: {count}").format(count=count_text(self.count(Action.UPDATE))),
            ]
        else:
            parts = [
                _("Created: {count}").format(count=count_text(self.count(Action.CREATE))),
                _("Updated: {count}").format(count=count_text(self.count(Action.UPDATE))),
            ]
        skipped = count_text(self.count(Action.SKIP))
        parts += [
            _("To skip: {count}").format(count=skipped)
            if self.dry_run
            else _("Skipped: {count}").format(count=skipped),
            _("Rejected: {count}").format(count=count_text(self.count(Action.REJECT))),
        ]
        return " · ".join(parts)

    def notes(self) -> list[str]:
        """What the user should know besides the records: photos, new organisations."""
        lines = []
        if self.dry_run:
            lines.append(_("Dry run: nothing was stored."))
        if self.new_organisations:
            names = ", ".join(self.new_organisations[:10])
            if len(self.new_organisations) > 10:
                names += ", …"
            text = (
                ngettext(
                    "{count} organisation will be created: {names}",
                    "{count} organisations will be created: {names}",
                    len(self.new_organisations),
                )
                if self.dry_run
                else ngettext(
                    "{count} organisation was created: {names}",
                    "{count} organisations were created: {names}",
                    len(self.new_organisations),
                )
            )
            lines.append(text.format(count=count_text(len(self.new_organisations)), names=names))
        if self.photos:
            text = (
                ngettext(
                    "{count} photo will be left out: Liaison keeps no photos.",
                    "{count} photos will be left out: Liaison keeps no photos.",
                    self.photos,
                )
                if self.dry_run
                else ngettext(
                    "{count} photo was left out: Liaison keeps no photos.",
                    "{count} photos were left out: Liaison keeps no photos.",
                    self.photos,
                )
            )
            lines.append(text.format(count=count_text(self.photos)))
        return lines

    def action_text(self, action: str) -> str:
        if self.dry_run:
            return {
                "create": _("would create"),
                "update": _("would update"),
                "skip": _("would skip"),
                "reject": _("rejected"),
            }[action]
        return {
            "create": _("created"),
            "update": _("updated"),
            "skip": _("skipped"),
            "reject": _("rejected"),
        }[action]

    def entry_line(self, entry: ReportEntry) -> str:
        text = f"{self.place(entry)}: {self.action_text(entry.action)} – {entry.name or '?'}"
        details = [entry.reason] if entry.reason else []
        details += list(entry.warnings)
        if details:
            text += " – " + "; ".join(details)
        return text

    def text(self, everything: bool = True) -> str:
        """The report as plain text; without ``everything`` the plain creations are left out."""
        lines = [self.title(), self.summary(), *self.notes(), ""]
        for entry in self.entries:
            if everything or entry.action != "create" or entry.reason or entry.warnings:
                lines.append(self.entry_line(entry))
        return "\n".join(lines).rstrip() + "\n"

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "kind": self.kind,
            "dry_run": self.dry_run,
            "summary": {
                "create": self.count(Action.CREATE),
                "update": self.count(Action.UPDATE),
                "skip": self.count(Action.SKIP),
                "reject": self.count(Action.REJECT),
            },
            "photos_left_out": self.photos,
            "new_organisations": self.new_organisations,
            "records": [
                {
                    "line": entry.line,
                    "number": entry.number,
                    "name": entry.name,
                    "action": entry.action,
                    "reason": entry.reason,
                    "warnings": list(entry.warnings),
                    "id": entry.record_id,
                }
                for entry in self.entries
            ],
        }


def reason(planned: PlannedRecord) -> str:
    """Why the record gets its action, in a few words."""
    action = planned.action
    if action == Action.REJECT:
        return "; ".join(planned.errors)
    if action == Action.UPDATE:
        target = next((d for d in planned.duplicates if d.id == planned.target_id), None)
        name = target.label if target else "#" + str(planned.target_id)
        return _("into “{name}”").format(name=name)
    if action == Action.SKIP:
        exact = next(
            (d for d in planned.duplicates if EMAIL in d.reasons or PHONE in d.reasons), None
        )
        if exact is not None:
            if EMAIL in exact.reasons:
                return _("“{name}” has the same email address").format(name=exact.label)
            return _("“{name}” has the same phone number").format(name=exact.label)
        if planned.same_as_line is not None:
            return _("the same email address as the record on line {line}").format(
                line=planned.same_as_line
            )
        return _("skipped as chosen")
    if planned.duplicates:
        names = ", ".join(f"“{d.label}”" for d in planned.duplicates[:3])
        return _("although {names} has a similar name").format(names=names)
    return ""


def build_report(
    plan: ImportPlan,
    dry_run: bool,
    ids: dict[int, int] | None = None,
    new_organisations: list[str] | None = None,
    changes: ChangeSet | None = None,
) -> ImportReport:
    """The report of ``plan``; ``ids`` maps a record's position in the plan to its id."""
    ids = ids or {}
    entries = [
        ReportEntry(
            planned.source.line,
            planned.source.number,
            planned.name,
            planned.action.value,
            reason(planned),
            tuple(planned.warnings),
            ids.get(index, planned.target_id if planned.action == Action.UPDATE else None),
        )
        for index, planned in enumerate(plan.records)
    ]
    return ImportReport(
        plan.file_name,
        plan.kind,
        plan.format,
        dry_run,
        entries,
        plan.photos,
        plan.new_organisations() if new_organisations is None else new_organisations,
        changes,
    )
