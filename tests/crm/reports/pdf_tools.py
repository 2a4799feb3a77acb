"""Reading a PDF back as a person's viewer would: poppler's pdftotext, pdffonts and pdfinfo.

poppler-utils is in scripts/setup.sh's Debian packages. pdftotext gives right-to-left text in
logical order (as copying from a poppler-based viewer does) and marks the runs with bidi
embedding controls (U+202A..U+202E), which ``pdf_text`` removes.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _path(pdf: bytes | Path, folder: Path) -> Path:
    if isinstance(pdf, Path):
        return pdf
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    return path


def _run(*args: str) -> str:
    completed = subprocess.run(args, capture_output=True, check=True, timeout=60)
    return completed.stdout.decode("utf-8")


def pdf_text(pdf: bytes | Path, *extra: str) -> str:
    """The text of every page, as pdftotext extracts it, without bidi controls."""
    with tempfile.TemporaryDirectory() as folder:
        path = _path(pdf, Path(folder))
        text = _run("pdftotext", "-enc", "UTF-8", *extra, str(path), "-")
    return _BIDI_CONTROLS.sub("", text)


def pdf_fonts(pdf: bytes | Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb, sub, uni for every font in the file."""
    with tempfile.TemporaryDirectory() as folder:
        output = _run("pdffonts", str(_path(pdf, Path(folder))))
    rows = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID
        rows.append(
            {"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3], "line": line}
        )
    return rows


def pdf_info(pdf: bytes | Path) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        output = _run("pdfinfo", str(_path(pdf, Path(folder))))
    info = {}
    for line in output.splitlines():
        key, _sep, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info
