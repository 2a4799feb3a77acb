"""What every report's tests check alike: text read back, fonts, the German catalog."""

from __future__ import annotations

import unicodedata

from pdf_tools import pdf_fonts, pdf_text


def flat(text: str) -> str:
    """Whitespace collapsed: a long cell wraps, and its lines come out one below the other."""
    return " ".join(text.split())


def readable(pdf: bytes) -> str:
    """The text of the PDF, flattened, Arabic's shaped forms read back as letters (NFKC)."""
    return flat(unicodedata.normalize("NFKC", pdf_text(pdf)))


def missing(pdf: bytes, expected: list[str]) -> list[str]:
    """The values of ``expected`` that the PDF's text does not contain exactly. An email or
    web address may wrap (after its "@", before a dot): it is looked for without the line
    breaks."""
    text = readable(pdf)
    joined = "".join(text.split())
    return [
        value
        for value in expected
        if flat(value) not in text and not (_is_address(value) and value in joined)
    ]


def _is_address(value: str) -> bool:
    return "@" in value or value.startswith(("http://", "https://", "www."))


def german(message: str) -> str:
    """The German catalog's translation (new strings read English until they are merged)."""
    import gettext

    from crm.paths import resource_path

    catalog = gettext.translation("liaison", str(resource_path("translations")), ["de"])
    return catalog.gettext(message)


def not_embedded(pdf: bytes) -> list[str]:
    """pdffonts' lines for fonts that are not embedded with a Unicode map (should be none)."""
    found = pdf_fonts(pdf)
    assert found
    return [row["line"] for row in found if row["emb"] != "yes" or row["uni"] != "yes"]


def font_names(pdf: bytes) -> set[str]:
    return {row["name"].split("+", 1)[-1] for row in pdf_fonts(pdf)}


MARGIN = 18 * 72 / 25.4  # crm.reports.page.MARGIN_X


def words_outside_the_frame(pdf: bytes) -> list[str]:
    """Words that run into the page's side margins (text cut off or running out of its
    column would): read with pdftotext's word boxes."""
    import re

    text = pdf_text(pdf, "-bbox")
    outside = []
    width = 0.0
    for line in text.splitlines():
        page = re.search(r'<page width="([\d.]+)"', line)
        if page:
            width = float(page.group(1))
            continue
        word = re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', line)
        if word:
            left, right = float(word.group(1)), float(word.group(2))
            if left < MARGIN - 0.5 or right > width - MARGIN + 0.5:
                outside.append(word.group(3))
    return outside
