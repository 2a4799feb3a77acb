"""Related records under an editor: each group a heading with its count, each record a link
that opens it (Enter or a click), so every related record is one click away."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crm.i18n import _, ngettext
from ui.context import AppContext

if TYPE_CHECKING:
    from crm.services.related import RelatedGroup


def group_title(kind: str) -> str:
    return {
        "person": _("People"),
        "partnership": _("Partnerships"),
        "organisation": _("Organisations"),
        "delegation": _("Delegations and visits"),
        "correspondence": _("Correspondence"),
        "project": _("Projects"),
        "event": _("Events"),
    }.get(kind, kind)


class RelatedPanel(QWidget):
    def __init__(
        self,
        context: AppContext,
        fetch: Callable[[Any, int], list[RelatedGroup]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self._context = context
        self._fetch = fetch
        self._record_id: int | None = None
        self._generation = 0
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(4)
        self.links: list[QPushButton] = []
        context.changed.connect(lambda _changes: self.reload())

    def show_for(self, record_id: int | None) -> None:
        self._record_id = record_id
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        if self._record_id is None:
            self._fill([])
            return
        generation = self._generation
        self._context.run(
            self._fetch,
            self._record_id,
            on_done=lambda groups: self._fill(groups) if generation == self._generation else None,
            on_error=lambda _error: None,  # the record went away; the editor says so
            busy=False,
        )

    def _clear(self) -> None:
        while (item := self._column.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.links = []

    def _fill(self, groups: list[RelatedGroup]) -> None:
        self._clear()
        shown = [group for group in groups if group.total]
        if not shown:
            empty = QLabel(_("Nothing linked yet.") if self._record_id is not None else "")
            empty.setObjectName("fieldCaption")
            self._column.addWidget(empty)
            return
        for group in shown:
            heading = QLabel(f"{group_title(group.kind)} · {group.total}")
            heading.setObjectName("relatedHeading")
            self._column.addWidget(heading)
            for link in group.links:
                self._column.addWidget(self._link_row(link.kind, link.id, link.label, link.detail))
            more = group.total - len(group.links)
            if more > 0:
                rest = QLabel(
                    ngettext("and {count} more", "and {count} more", more).format(count=more)
                )
                rest.setObjectName("fieldCaption")
                self._column.addWidget(rest)

    def _link_row(self, kind: str, record_id: int, label: str, detail: str) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(10)
        button = QPushButton(label.replace("&", "&&"))  # a name, not an accelerator
        button.setObjectName("relatedLink")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(_("Open {name}").format(name=label))
        button.clicked.connect(lambda: self._context.open_record.emit(kind, record_id))
        self.links.append(button)
        line.addWidget(button)
        if detail:
            note = QLabel(detail)
            note.setObjectName("fieldCaption")
            line.addWidget(note, 1)
        else:
            line.addStretch(1)
        return row
