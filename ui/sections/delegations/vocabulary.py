"""The delegations' vocabularies (direction, status, kinds of appointment, gifts), under the
names the section uses; the wording is crm.vocabulary's, shared with the printed briefing."""

from __future__ import annotations

from crm.vocabulary import delegation_directions as directions
from crm.vocabulary import delegation_statuses as statuses
from crm.vocabulary import gift_directions, programme_kinds

__all__ = ["directions", "gift_directions", "programme_kinds", "statuses"]
