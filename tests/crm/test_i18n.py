"""A language for one piece of work (a report) without touching the app's language."""

from __future__ import annotations

import threading

from crm import i18n


def test_the_override_translates_inside_and_restores_after() -> None:
    i18n.set_language("en")
    with i18n.language_override("de") as code:
        assert code == "de"
        assert i18n.current_language() == "de"
        assert i18n._("Programme") == "Programm"
        with i18n.language_override("en"):
            assert i18n._("Programme") == "Programme"
        assert i18n.pgettext("delegation", "Incoming") == "Eingehend"
    assert i18n.current_language() == "en"
    assert i18n._("Programme") == "Programme"


def test_an_unknown_language_falls_back_to_english() -> None:
    i18n.set_language("de")
    try:
        with i18n.language_override("fr") as code:
            assert code == "en"
            assert i18n._("Programme") == "Programme"
        assert i18n._("Programme") == "Programm"
    finally:
        i18n.set_language("en")


def test_the_override_belongs_to_its_thread() -> None:
    i18n.set_language("en")
    inside = threading.Event()
    release = threading.Event()
    seen: list[str] = []

    def report() -> None:
        with i18n.language_override("de"):
            seen.append(i18n._("Programme"))
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=report)
    worker.start()
    assert inside.wait(10)
    try:
        assert i18n._("Programme") == "Programme"  # the app's thread is still in English
        assert i18n.current_language() == "en"
    finally:
        release.set()
        worker.join(10)
    assert seen == ["Programm"]
