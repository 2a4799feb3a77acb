"""The report builder, ReportLab and PDFium are loaded when a report is first made, never when
Liaison starts or a section that offers reports is opened."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]

CHECK = """
import sys
import ui.main_window
import ui.sections.delegations.section
import ui.sections.reports.section
import ui.sections.reports.briefing_dialog
loaded = sorted(
    name for name in ("crm.reports", "reportlab", "pypdfium2") if name in sys.modules
)
print(",".join(loaded))
"""


def test_nothing_heavy_is_imported_with_the_sections() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == ""
