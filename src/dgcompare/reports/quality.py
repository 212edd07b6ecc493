"""The matcher's measured quality as shipped (``data/method/quality.yaml``), and the caution it backs.

Reports quote these figures rather than adjectives: a briefing lists them all; ``show``, ``gaps`` and ``brief``
quote the precision measured across kinds where the frameworks they hold are of different kinds.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
import datetime
import importlib.resources
from collections.abc import Sequence

from dgcompare.i18n import translator
from dgcompare.reports.base import FrameworkSummary, Result, kind_label


class QualityFigure(Result):
    """How well the matcher did on one hand-labelled set (``bench/matcher_quality.py``, curated links off)."""

    id: str
    label: str
    label_fr: str
    pairs: int
    """Labelled principle pairs in the set."""
    precision: float
    recall: float
    f1: float
    across_kinds: bool = False
    """The set's principles are of another kind (a strategy, a law) than the service standards it is labelled
    against: what an inferred equivalent between kinds is worth."""


def load_quality() -> tuple[datetime.date, tuple[QualityFigure, ...]]:
    """The matcher's measured quality, as shipped with the package (``data/method/quality.yaml``)."""
    import yaml

    text = (importlib.resources.files("dgcompare") / "data" / "method" / "quality.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return data["measured"], tuple(QualityFigure.model_validate(s) for s in data["sets"])


def across_kinds() -> tuple[QualityFigure, ...]:
    """The figures measured between frameworks of different kinds."""
    return tuple(q for q in load_quality()[1] if q.across_kinds)


def different_kinds(frameworks: Sequence[FrameworkSummary], lang: str) -> str | None:
    """The frameworks by kind where they are of several kinds (``strategy principles: it-...; ...``), else None.

    A framework that declares no kind (a user's file may not) differs from none.
    """
    by_kind: dict[str, list[str]] = {}
    for f in frameworks:
        if f.kind:
            by_kind.setdefault(f.kind, []).append(f.id)
    if len(by_kind) < 2:
        return None
    return "; ".join(f"{kind_label(kind, len(ids), lang)}: {', '.join(ids)}" for kind, ids in by_kind.items())


def equivalents_across_kinds(quality: Sequence[QualityFigure], lang: str) -> str | None:
    """What the matcher's equivalents between kinds are worth, as measured; None when nothing is measured."""
    if not quality:
        return None
    _ = translator(lang)
    *first, last = (
        _("{percent}%").format(percent=f"{q.precision * 100:.0f}") for q in sorted(quality, key=lambda q: q.precision)
    )
    precisions = _("{first} and {last}").format(first=", ".join(first), last=last) if first else last
    return _(
        "On the sets measured between a strategy or a law and service standards, {precisions} of the equivalents "
        "the matcher inferred were labelled the same commitment, the rest an overlap only: read an inferred "
        "equivalent across kinds as a candidate and check the sources."
    ).format(precisions=precisions)
