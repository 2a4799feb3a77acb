"""The shipped fonts: present, licensed, TrueType, and covering the scripts they are chosen for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crm.paths import resource_path
from crm.reports import fonts
from crm.reports.text import runs

SAMPLES = {
    "Latvian": "Liepāja Ķēniņš Ģirts Ļaudis Ņina Ūdris Ēriks Īle Čaks Šķēle Žanis",
    "Polish": "Łódź Wiśniewski Żółć Gęś Ćma Źdźbło Ńa",
    "Lithuanian": "Čepulis Šiauliai Žygimantas Ąžuolas Ęė Įį Ųū",
    "Czech": "Dvořák Příliš žluťoučký kůň úpěl ďábelské ódy",
    "Vietnamese": "Nguyễn Thị Lan Thành phố Hồ Chí Minh Đà Nẵng ắằẳẵặ ợờởỡ ựừửữ",
    "German": "Goldfuß Müller & Söhne Äöü „Anführung“ – € …",
    "Greek": "Θεσσαλονίκη Γιώργος Παπαδόπουλος ΆΈΉΊΌΎΏ",
    "Cyrillic": "Київ Олена Коваленко Москва Ґґ Єє Її Ўў",
    "Hebrew": "הרצליה אבי לוי עיריית",
    "Arabic": "ليلى حداد القاهرة",
    "Chinese": "南京 王丽华 上海 北京 廣州 外事办公室",
    "Japanese": "田中花子 東京 ひらがな カタカナ 大阪",
    "Korean": "광주 김민준 이서연 서울특별시",
    "Ethiopic": "አዲስ አበባ ሰላም ተስፋዬ",
    "Georgian": "თბილისი ქუთაისი",
    "Armenian": "Երևան Գյումրի",
}


def test_every_face_is_a_truetype_file_with_its_licence() -> None:
    folder = resource_path("fonts")
    total = 0
    for face in fonts.FACES.values():
        for filename in filter(None, (face.regular, face.bold)):
            path = folder / filename
            data = path.read_bytes()
            # TrueType outlines (ReportLab embeds no CFF outlines): version 1.0 or "true".
            assert data[:4] in (b"\x00\x01\x00\x00", b"true"), filename
            total += len(data)
    assert total < 25 * 1024 * 1024
    licences = {path.name for path in folder.glob("LICENSE-*.txt")}
    assert licences == {"LICENSE-Noto.txt", "LICENSE-Nanum.txt", "LICENSE-DroidSansFallback.txt"}
    assert "SIL Open Font License" in (folder / "LICENSE-Noto.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in (folder / "LICENSE-Nanum.txt").read_text(encoding="utf-8")
    apache = (folder / "LICENSE-DroidSansFallback.txt").read_text(encoding="utf-8")
    assert "Apache License" in apache and "TERMS AND CONDITIONS" in apache


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_the_chosen_font_has_every_letter(language: str) -> None:
    from reportlab.pdfbase import pdfmetrics

    from crm.reports.text import visual

    for script, chunk in runs(visual(SAMPLES[language])):
        face = pdfmetrics.getFont(fonts.ensure(script)).face
        missing = [char for char in chunk if char != " " and ord(char) not in face.charToGlyph]
        assert missing == [], f"{language}: {fonts.font_name(script)} lacks {missing}"
        bold = pdfmetrics.getFont(fonts.ensure(script, bold=True)).face
        assert [c for c in chunk if c != " " and ord(c) not in bold.charToGlyph] == []


def test_the_script_ranges_are_sorted_and_apart() -> None:
    ranges = fonts._RANGES
    assert all(first <= last for first, last, _script in ranges)
    assert all(ranges[i][1] < ranges[i + 1][0] for i in range(len(ranges) - 1))
    assert {script for _first, _last, script in ranges} | {fonts.LATIN} == set(fonts.FACES)


def test_registering_is_lazy_and_once() -> None:
    code = (
        "import sys\n"
        "import crm.reports, crm.reports.fonts as f\n"
        "assert 'reportlab' not in sys.modules\n"
        "name = f.ensure(f.HAN)\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "font = pdfmetrics.getFont(name)\n"
        "assert f.ensure(f.HAN) == name and pdfmetrics.getFont(name) is font\n"
        "assert f.font_name(f.HANGUL) not in pdfmetrics.getRegisteredFontNames()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
