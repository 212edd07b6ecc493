"""dgcompare: compare national digital-government principle sets.

The library works without the command line; each report is one call, and every result flattens into records
or a data frame, with the provenance that makes it citable:

    from dgcompare import load_catalog, compare

    catalog = load_catalog()
    result = compare(catalog, "uk", "au")
    frame = result.to_frame()  # pip install 'dgcompare[pandas]'; result.to_records() needs nothing

The report functions (:func:`compare`, :func:`gaps`, :func:`coverage`, :func:`coverage_matrix`, :func:`diff`,
:func:`explain`, :func:`principle_detail`, :func:`search`, :func:`listing`) are in :mod:`dgcompare.api`, the
results they return in :mod:`dgcompare.reports`, the matcher in :mod:`dgcompare.matcher`, the file format in
:mod:`dgcompare.models`, and every error dgcompare raises on purpose in :mod:`dgcompare.errors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "DgcompareError",
    "MatchConfig",
    "MatcherIndex",
    "__version__",
    "briefing",
    "compare",
    "coverage",
    "coverage_matrix",
    "diff",
    "explain",
    "gaps",
    "listing",
    "load_catalog",
    "principle_detail",
    "resolve_principle",
    "resolve_token",
    "search",
    "validate_paths",
]

if TYPE_CHECKING:
    from dgcompare.api import (
        briefing,
        compare,
        coverage,
        coverage_matrix,
        diff,
        explain,
        gaps,
        listing,
        principle_detail,
        search,
    )
    from dgcompare.catalog import load_catalog, validate_paths
    from dgcompare.errors import DgcompareError
    from dgcompare.matcher import MatchConfig, MatcherIndex
    from dgcompare.models import resolve_principle, resolve_token

_LAZY = {
    "load_catalog": "dgcompare.catalog",
    "validate_paths": "dgcompare.catalog",
    "resolve_token": "dgcompare.models",
    "resolve_principle": "dgcompare.models",
    "DgcompareError": "dgcompare.errors",
    "MatchConfig": "dgcompare.matcher",
    "MatcherIndex": "dgcompare.matcher",
    **dict.fromkeys(
        (
            "briefing",
            "compare",
            "coverage",
            "coverage_matrix",
            "diff",
            "explain",
            "gaps",
            "listing",
            "principle_detail",
            "search",
        ),
        "dgcompare.api",
    ),
}


def __dir__() -> list[str]:
    # The lazy names are attributes too: dir() and completion in a notebook list them, not the typing helpers.
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


def __getattr__(name: str) -> Any:
    # Imported on first use so that `dgcompare --help` does not pay for pydantic and yaml.
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # found once; tools that read the module's namespace (pdoc) see it too
        return value
    raise AttributeError(f"module 'dgcompare' has no attribute {name!r}")
