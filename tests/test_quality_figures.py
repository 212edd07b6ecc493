"""The matcher quality a briefing quotes is what the matcher measures today, to the second decimal."""

from __future__ import annotations

from pathlib import Path

import pytest

from dgcompare.catalog import load_catalog
from dgcompare.evaluation import Labels, french_only, load_labels, matcher_results, overall
from dgcompare.matcher import MatchConfig
from dgcompare.models import Catalog
from dgcompare.reports.quality import QualityFigure, load_quality

from .conftest import FIXTURES

GOLD = Path(__file__).parent / "crosswalk"


def labelled(set_id: str) -> tuple[Catalog, Labels]:
    """The catalog and gold labels of a set, as bench/matcher_quality.py builds them."""
    if set_id == "development":
        return load_catalog(), load_labels(GOLD / "dev.yaml")
    if set_id.startswith("held-out"):
        labels = load_labels(GOLD / "heldout.yaml")
        return load_catalog([FIXTURES / "heldout"]), french_only(labels) if set_id == "held-out-fr" else labels
    ordinals = {
        "second": "blind-2",
        "third": "blind-3",
        "fourth": "blind-4",
        "fifth": "blind-5",
        "sixth": "blind-6",
        "seventh": "blind-7",
        "eighth": "blind-8",
        "ninth": "blind-9",
        "tenth": "blind-10",
        "eleventh": "blind-11",
    }
    for ordinal, directory in ordinals.items():
        if set_id.startswith(f"{ordinal}-blind-"):
            language = set_id.removeprefix(f"{ordinal}-blind-")
            return load_catalog([FIXTURES / directory]), load_labels(GOLD / f"{directory}-{language}.yaml")
    language = set_id.removeprefix("blind-")
    catalog = load_catalog([FIXTURES / "heldout-languages"])
    (written,) = (f for f in catalog.frameworks() if f.id.startswith("x") and f.language == language)
    labels = load_labels(GOLD / "heldout-languages.yaml")
    return catalog, {key: gold for key, gold in labels.items() if written.id in key}


@pytest.mark.parametrize("figure", load_quality()[1], ids=lambda q: q.id)
def test_the_shipped_figures_are_measured_again(figure: QualityFigure) -> None:
    catalog, labels = labelled(figure.id)
    measured = overall(matcher_results(catalog, labels, MatchConfig(curated=False)).values())
    assert sum(len(pairs) for pairs in labels.values()) == figure.pairs
    assert (round(measured.equivalent.precision, 2), round(measured.equivalent.recall, 2)) == (
        figure.precision,
        figure.recall,
    ), "re-run bench/matcher_quality.py and update src/dgcompare/data/method/quality.yaml"
    assert round(measured.equivalent.f1, 2) == figure.f1
    if figure.equivalents is not None:
        assert measured.equivalent.predicted == figure.equivalents
