"""The look: Fusion with the system's palette (light or dark) and a style sheet whose colours
are derived from that palette, so both schemes stay calm and readable."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from crm.paths import resource_path

MIN_POINT_SIZE = 10


def _mix(a: QColor, b: QColor, amount: float) -> str:
    """``a`` moved ``amount`` of the way towards ``b``, as #rrggbb."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    ).name()


def colours(palette: QPalette) -> dict[str, str]:
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    accent = palette.color(QPalette.ColorRole.Highlight)
    dark = base.lightnessF() < 0.5
    error = QColor("#ef5350" if dark else "#c62828")
    return {
        "window": window.name(),
        "base": base.name(),
        "text": text.name(),
        "muted": _mix(text, base, 0.45),
        "faint": _mix(text, base, 0.62),
        "line": _mix(base, text, 0.13),
        "input_border": _mix(base, text, 0.26),
        "alt": _mix(base, text, 0.035),
        "hover": _mix(window, text, 0.07),
        "sidebar": _mix(window, text, 0.035) if not dark else _mix(window, base, 0.5),
        "accent": accent.name(),
        "accent_on": palette.color(QPalette.ColorRole.HighlightedText).name(),
        "accent_soft": _mix(base, accent, 0.16),
        "accent_text": (accent.lighter(150) if dark else accent.darker(125)).name(),
        "error": error.name(),
        "error_soft": _mix(base, error, 0.12),
        "button": _mix(base, window, 0.5),
    }


STYLE_SHEET = """
QMainWindow, #central {{ background: {window}; }}
QToolBar#mainToolBar {{ background: {window}; border: none; border-bottom: 1px solid {line};
    padding: 6px 12px; spacing: 10px; }}
#brand {{ font-weight: 600; font-size: {title_pt}pt; padding: 0 4px; }}
#office {{ color: {muted}; }}
QLineEdit#globalSearch {{ border-radius: 7px; padding: 5px 8px; min-width: 360px; }}
#sidebar {{ background: {sidebar}; border: none; border-right: 1px solid {line};
    padding: 10px 8px; outline: 0; }}
#sidebar::item {{ padding: 0 8px; border-radius: 6px; color: {text}; }}
#sidebar::item:selected {{ background: {accent_soft}; color: {accent_text}; }}
#sidebar::item:hover:!selected {{ background: {hover}; }}
#sidebar::item:disabled {{ color: {faint}; background: transparent; }}
#filterBar {{ background: {window}; border-bottom: 1px solid {line}; }}
#countLabel {{ color: {muted}; padding: 0 6px; }}
QTableView {{ background: {base}; alternate-background-color: {alt}; border: none;
    selection-background-color: {accent}; selection-color: {accent_on}; }}
QTableView::item {{ padding: 0 6px; border: none; }}
QHeaderView::section {{ background: {base}; color: {muted}; border: none;
    border-bottom: 1px solid {line}; border-right: 1px solid {line}; padding: 6px 8px;
    font-weight: 600; }}
QSplitter#sectionSplitter::handle {{ background: {line}; width: 1px; }}
#editorPage, #editorContent, #editorScroll {{ background: {base}; }}
#editorHeader {{ background: {base}; border-bottom: 1px solid {line}; }}
#editorTitle {{ font-size: {title_pt}pt; font-weight: 600; }}
#editorSubtitle {{ color: {muted}; }}
#editorPlaceholder {{ color: {muted}; background: {base}; padding: 24px; }}
#sectionTitle {{ font-weight: 600; color: {accent_text}; padding-bottom: 4px;
    border-bottom: 1px solid {line}; }}
#fieldCaption {{ color: {muted}; }}
#fieldError {{ color: {error}; }}
#errorBanner {{ background: {error_soft}; color: {error}; padding: 8px 24px; }}
QLineEdit, QPlainTextEdit, QComboBox, #tagEditor {{ background: {base};
    border: 1px solid {input_border}; border-radius: 5px; padding: 4px 6px;
    selection-background-color: {accent};
    selection-color: {accent_on}; }}
QComboBox {{ padding-right: 20px; }}
QComboBox::drop-down {{ border: none; width: 22px; subcontrol-position: center right; }}
QComboBox::down-arrow {{ image: url({chevron}); width: 12px; height: 12px; }}
QComboBox::down-arrow:disabled {{ image: none; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border-color: {accent}; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
#tagEditor[invalid="true"] {{ border: 1px solid {error}; background: {error_soft}; }}
#tagEditor {{ padding: 0; }}
QLineEdit#tagLine {{ border: none; background: transparent; padding: 3px 2px; }}
QToolButton#tagChip {{ background: {accent_soft}; color: {accent_text}; border: none;
    border-radius: 10px; padding: 2px 6px 2px 10px; }}
QToolButton#tagChip:hover {{ background: {hover}; }}
QPushButton {{ background: {button}; border: 1px solid {input_border}; border-radius: 5px;
    padding: 5px 14px; }}
QPushButton:hover {{ border-color: {accent}; }}
QPushButton:focus {{ border-color: {accent}; }}
QPushButton#primaryButton {{ background: {accent}; color: {accent_on}; border-color: {accent};
    font-weight: 600; }}
QPushButton#primaryButton:disabled {{ background: {button}; color: {faint};
    border-color: {line}; font-weight: normal; }}
QPushButton#addRowButton {{ background: transparent; border: none; color: {accent_text};
    padding: 4px 2px; }}
QPushButton#addRowButton:hover {{ text-decoration: underline; }}
QPushButton#relatedLink {{ background: transparent; border: none; color: {accent_text};
    padding: 2px 0; text-align: left; }}
QPushButton#relatedLink:hover, QPushButton#relatedLink:focus {{ text-decoration: underline; }}
#relatedHeading {{ font-weight: 600; padding-top: 6px; }}
QToolButton#primaryToggle {{ border: none; background: transparent; border-radius: 5px;
    padding: 3px; }}
QToolButton#primaryToggle:hover {{ background: {hover}; }}
#searchPopup {{ background: {base}; border: 1px solid {input_border}; border-radius: 6px; }}
#searchResults {{ background: {base}; border: none; border-radius: 6px; }}
#searchMessage {{ color: {muted}; }}
QStatusBar {{ background: {window}; border-top: 1px solid {line}; color: {muted}; }}
QStatusBar QLabel {{ color: {muted}; padding: 0 8px; }}
"""


def apply_style(app: QApplication) -> None:
    """Fusion, a readable base font, and the style sheet for the current palette."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSizeF() > 0 and font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    refresh_style_sheet(app)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: refresh_style_sheet(app))


def refresh_style_sheet(app: QApplication) -> None:
    size = app.font().pointSizeF()
    title = round((size if size > 0 else MIN_POINT_SIZE) * 1.45)
    palette = app.palette()
    scheme = "dark" if palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5 else "light"
    chevron = resource_path("icons", f"chevron-down-{scheme}.svg").as_posix()
    app.setStyleSheet(STYLE_SHEET.format(title_pt=title, chevron=chevron, **colours(palette)))
