"""The demo builder: one object that writes a whole office into one session."""

from __future__ import annotations

from crm.demo.directory import DirectoryMixin
from crm.demo.register import RegisterMixin
from crm.demo.visits import VisitsMixin


class DemoBuilder(DirectoryMixin, VisitsMixin, RegisterMixin):
    """Creates the records of one demo office; ``finish`` numbers the register."""
