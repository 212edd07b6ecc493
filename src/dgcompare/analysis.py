"""Pure computations from a catalog to results: no I/O, no settings read from the environment."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest

from dgcompare.models import Catalog, Framework
from dgcompare.results import Comparison, FrameworkSummary, PrincipleSummary, Row


def side_by_side(catalog: Catalog, frameworks: Sequence[Framework], lang: str = "en") -> Comparison:
    """Frameworks listed next to each other in their own order, with no alignment yet."""
    columns = [[PrincipleSummary.of(f, p) for p in f.principles] for f in frameworks]
    rows = tuple(Row(cells=tuple((cell,) if cell else () for cell in line)) for line in zip_longest(*columns))
    return Comparison(
        frameworks=tuple(FrameworkSummary.of(catalog, f) for f in frameworks),
        alignments=(),
        unmatched=tuple(p for column in columns for p in column),
        rows=rows,
        lang=lang,
    )
