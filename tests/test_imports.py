"""The core must stay usable without the command line or terminal libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPORTS = (
    "listing",
    "comparison",
    "detail",
    "gaps",
    "matrix",
    "coverage",
    "diff",
    "search",
    "explanation",
    "validation",
)


def modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    env = {k: v for k, v in os.environ.items() if k != "DGCOMPARE_NO_CACHE"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return set(result.stdout.split())


def test_the_library_and_its_reports_import_no_cli_or_terminal_libraries() -> None:
    loaded = modules_after(
        "import dgcompare.models, dgcompare.catalog, dgcompare.matcher, dgcompare.crosswalks, dgcompare.api, "
        + ", ".join(f"dgcompare.reports.{name}" for name in REPORTS)
    )
    assert not {"rich", "typer"} & loaded


def test_models_do_not_import_yaml() -> None:
    assert "yaml" not in modules_after("import dgcompare.models")


def test_package_import_is_light() -> None:
    loaded = modules_after("import dgcompare")
    assert not {"pydantic", "yaml", "rich", "typer", "rapidfuzz"} & loaded


def test_render_and_export_do_not_import_each_other() -> None:
    assert not any(m.startswith("dgcompare.export") for m in modules_after("import dgcompare.render"))
    exporters = "dgcompare.export.csv, dgcompare.export.json, dgcompare.export.markdown, dgcompare.export.html"
    assert not any(m.startswith("dgcompare.render") for m in modules_after(f"import {exporters}, dgcompare.export.svg"))


def test_jinja2_is_imported_only_when_a_document_is_asked_for() -> None:
    commands = "dgcompare.cli, dgcompare.export, dgcompare.export.csv, dgcompare.export.json, dgcompare.export.markdown"
    assert "jinja2" not in modules_after(f"import {commands}")
    documents = modules_after("import dgcompare.export.html, dgcompare.export.svg")
    assert "jinja2" in documents and not {"rich", "typer"} & documents


def test_a_catalog_from_the_cache_needs_no_yaml(tmp_path: Path) -> None:
    statement = (
        f"import os; os.environ['XDG_CACHE_HOME'] = {str(tmp_path)!r}; "
        "from dgcompare.catalog import load_catalog; load_catalog(cache=True)"
    )
    assert "yaml" in modules_after(statement), "the first load reads the files"
    assert "yaml" not in modules_after(statement)


def test_dir_lists_what_the_package_offers() -> None:
    import dgcompare

    assert {"load_catalog", "resolve_token", "validate_paths", "__version__"} <= set(dir(dgcompare))


def test_building_a_result_and_its_records_imports_no_terminal_library_or_pandas() -> None:
    loaded = modules_after(
        "from dgcompare import load_catalog, compare; compare(load_catalog(), 'uk', 'au').to_records()"
    )
    assert not {"rich", "typer", "pandas"} & loaded
