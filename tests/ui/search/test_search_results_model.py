"""The global search's result list."""

from __future__ import annotations

from typing import Any

from crm.search.query import SearchHit
from ui.search.results_model import KIND_LABEL_ROLE, OPENS_ROLE, SearchResultsModel


def test_results_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    model = SearchResultsModel()
    model.set_hits(
        [
            SearchHit("person", 1, "Dr. Gabriele Goldfuß", "Referatsleiterin", 0.0),
            SearchHit("partnership", 3, "Liepāja", "LV · 1998", 1.0),
        ]
    )
    model.append_hits([SearchHit("correspondence", 7, "IZ-2026-0042 Invitation", "2026-03-01", 10)])
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_hits_know_whether_the_app_can_open_them() -> None:
    model = SearchResultsModel()
    model.set_hits(
        [
            SearchHit("person", 1, "Goldfuß", "", 0.0),
            SearchHit("organisation", 2, "Union of Baltic Cities", "", 0.1),
            SearchHit("gift", 3, "Porzellanteller", "", 0.2),  # no section shows gifts alone
        ]
    )
    assert model.index(0, 0).data(OPENS_ROLE) is True
    assert model.index(1, 0).data(OPENS_ROLE) is True
    assert model.index(1, 0).data(KIND_LABEL_ROLE) == "Organisation"
    assert model.index(2, 0).data(OPENS_ROLE) is False


def test_appending_skips_hits_already_listed() -> None:
    model = SearchResultsModel()
    hit = SearchHit("person", 1, "Goldfuß", "", 0.0)
    model.set_hits([hit])
    model.append_hits([hit])
    assert model.rowCount() == 1
