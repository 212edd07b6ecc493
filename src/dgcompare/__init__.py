"""dgcompare: compare national digital-government principle sets.

The library works without the command line::

    from dgcompare import load_catalog, resolve_token

    catalog = load_catalog()
    uk = resolve_token(catalog, "uk")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "load_catalog", "resolve_principle", "resolve_token", "validate_paths"]

if TYPE_CHECKING:
    from dgcompare.catalog import load_catalog, validate_paths
    from dgcompare.models import resolve_principle, resolve_token

_LAZY = {
    "load_catalog": "dgcompare.catalog",
    "validate_paths": "dgcompare.catalog",
    "resolve_token": "dgcompare.models",
    "resolve_principle": "dgcompare.models",
}


def __dir__() -> list[str]:
    # The lazy names are attributes too: dir() and completion in a notebook list them.
    return sorted({*globals(), *_LAZY})


def __getattr__(name: str) -> Any:
    # Imported on first use so that `dgcompare --help` does not pay for pydantic and yaml.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dgcompare' has no attribute {name!r}")
