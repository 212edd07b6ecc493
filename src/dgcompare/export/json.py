"""JSON export: the result object itself, keys sorted for stable diffs."""

from __future__ import annotations

import json

from dgcompare.export.base import Exportable


def dumps(result: Exportable) -> str:
    """``result`` as indented JSON, ending with a newline."""
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
