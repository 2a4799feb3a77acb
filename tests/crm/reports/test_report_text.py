"""User text into Paragraph markup: escaped, a font per script, right-to-left reordered."""

from __future__ import annotations

import pytest

from crm.reports import fonts
from crm.reports.text import Markup, clean, join, labelled, markup, runs, visual


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("Müller & Söhne <GmbH>", "Müller &amp; Söhne &lt;GmbH&gt;"),
        ("AT&T", "AT&amp;T"),
        ("<b>", "&lt;b&gt;"),
        ('<img src="/etc/passwd"/>', '&lt;img src="/etc/passwd"/&gt;'),
        ("&nbsp; &amp;", "&amp;nbsp; &amp;amp;"),
        ("<font name=Courier>x</font>", "&lt;font name=Courier&gt;x&lt;/font&gt;"),
    ],
)
def test_user_text_is_escaped(typed: str, escaped: str) -> None:
    assert markup(typed) == escaped
    assert isinstance(markup(typed), Markup)


@pytest.mark.parametrize(
    "typed",
    ["Müller & Söhne <GmbH>", "AT&T", "<b>bold?</b>", '<img src="/etc/passwd"/>', "a < b > c"],
)
def test_escaped_text_prints_as_typed(typed: str) -> None:
    from reportlab.platypus import Paragraph

    from crm.reports.styles import styles

    paragraph = Paragraph(markup(typed), styles().body)
    words = [fragment.text for fragment in paragraph.frags]
    assert "".join(words) == typed
    assert not any(
        hasattr(fragment, "cbDefn") or hasattr(fragment, "img") for fragment in paragraph.frags
    )
    assert all(fragment.fontName == fonts.base_font() for fragment in paragraph.frags)


def test_markup_of_markup_is_kept_and_text_escaped_once() -> None:
    once = markup("A & B")
    assert markup(once) == once
    assert join(["A & B", once]) == "A &amp; B<br/>A &amp; B"


def test_control_characters_are_dropped_and_lines_kept() -> None:
    assert clean("a\x00b\x07c\r\nd\re\tf") == "abc\nd\ne f"
    assert markup("one\ntwo & three") == "one<br/>two &amp; three"


def test_empty_values() -> None:
    assert markup(None) == ""
    assert join([None, "", "x"]) == "x"
    assert labelled("Phone:", None) == ""


@pytest.mark.parametrize(
    ("text", "scripts"),
    [
        ("Liepāja Ķēniņš Łódź Dvořák Čepulis Nguyễn", [fonts.LATIN]),
        ("Θεσσαλονίκη Київ", [fonts.LATIN]),
        ("הרצליה", [fonts.HEBREW]),
        ("ليلى", [fonts.ARABIC]),
        ("南京 東京 ひらがな カタカナ", [fonts.HAN]),
        ("광주", [fonts.HANGUL]),
        ("አዲስ አበባ", [fonts.ETHIOPIC]),
        ("Nanjing 南京 Gwangju 광주", [fonts.LATIN, fonts.HAN, fonts.LATIN, fonts.HANGUL]),
    ],
)
def test_runs_by_script(text: str, scripts: list[str]) -> None:
    found = runs(text)
    assert [script for script, _chunk in found] == scripts
    assert "".join(chunk for _script, chunk in found) == text


def test_a_space_stays_in_its_run() -> None:
    assert runs("אבי לוי") == [(fonts.HEBREW, "אבי לוי")]
    assert runs("Wang 王丽华 Lihua") == [
        (fonts.LATIN, "Wang "),
        (fonts.HAN, "王丽华 "),
        (fonts.LATIN, "Lihua"),
    ]


def test_each_run_gets_its_font_and_stays_escaped() -> None:
    text = markup("Herzliya <הרצליה> & 南京")
    assert f'<font name="{fonts.font_name(fonts.HEBREW)}">' in text
    assert f'<font name="{fonts.font_name(fonts.HAN)}">南京</font>' in text
    assert "&lt;" in text and "&amp;" in text and "<הרצליה>" not in text


def test_bold_runs_use_the_bold_faces_where_there_are_any() -> None:
    text = markup("Avi אבי 王", bold=True)
    assert f'<font name="{fonts.font_name(fonts.LATIN, bold=True)}">Avi </font>' in text
    assert fonts.font_name(fonts.HEBREW, bold=True) in text
    assert fonts.font_name(fonts.HAN, bold=True) == fonts.font_name(fonts.HAN)


def test_right_to_left_lines_are_in_visual_order() -> None:
    assert visual("אבי לוי") == "יול יבא"
    assert visual("Herzliya הרצליה") == "Herzliya הילצרה"
    assert visual("Liepāja") == "Liepāja"


def test_arabic_is_shaped_before_it_is_reordered() -> None:
    import unicodedata

    shown = visual("ليلى حداد")
    assert all("\ufe70" <= char <= "\ufeff" or char == " " for char in shown)
    # Presentation forms are the same text under compatibility normalisation.
    assert unicodedata.normalize("NFKC", shown[::-1]) == "ليلى حداد"
