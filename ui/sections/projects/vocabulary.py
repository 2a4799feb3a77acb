"""Translated labels for the projects' and events' vocabularies (status, kind of event).

Built on each call, like ui.labels, so they follow the language chosen at start-up.
"""

from __future__ import annotations

from crm.db.enums import EventKind, ProjectStatus
from crm.i18n import pgettext

# Badge colours of the status column, readable on light and dark palettes.
STATUS_COLOURS = {
    ProjectStatus.PLANNED.value: "#1f6fb2",
    ProjectStatus.RUNNING.value: "#2e7d32",
    ProjectStatus.COMPLETED.value: "#6b6b6b",
    ProjectStatus.CANCELLED.value: "#b3541e",
}
KIND_COLOURS = {
    EventKind.CONFERENCE.value: "#1f6fb2",
    EventKind.ANNIVERSARY.value: "#8a6d1e",
    EventKind.NETWORK_MEETING.value: "#00796b",
    EventKind.RECEPTION.value: "#6a1b9a",
    EventKind.FESTIVAL.value: "#b3541e",
    EventKind.OTHER.value: "#6b6b6b",
}


def project_statuses() -> dict[str, str]:
    return {
        ProjectStatus.PLANNED: pgettext("project", "Planned"),
        ProjectStatus.RUNNING: pgettext("project", "Running"),
        ProjectStatus.COMPLETED: pgettext("project", "Completed"),
        ProjectStatus.CANCELLED: pgettext("project", "Cancelled"),
    }


def event_kinds() -> dict[str, str]:
    return {
        EventKind.CONFERENCE: pgettext("event", "Conference"),
        EventKind.ANNIVERSARY: pgettext("event", "Anniversary"),
        EventKind.NETWORK_MEETING: pgettext("event", "Network meeting"),
        EventKind.RECEPTION: pgettext("event", "Reception"),
        EventKind.FESTIVAL: pgettext("event", "Festival"),
        EventKind.OTHER: pgettext("event", "Other"),
    }
