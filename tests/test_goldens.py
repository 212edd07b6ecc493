"""Every report against golden files (tables at 80 and 140 columns, JSON, CSV, Markdown), and a few documents.

Every report's HTML is checked for what it must carry (the JSON's frameworks and titles, every source linked);
three documents are golden files as well, at a fixed date and with the version masked, so that a change to the
templates is read as a reader would: ``show uk au`` in HTML (English and French) and ``matrix uk au ca`` in SVG.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import CliRunner

from dgcompare import __version__, load_catalog
from dgcompare.cli import app

from .conftest import GOLDEN
from .export.accessibility import Document

REPORTS = {
    "list": ["list"],
    "show": ["show", "uk", "au"],
    "show-seed": ["show", "uk-defra-2018", "au-dss-v1"],
    "show-three": ["show", "uk", "au", "ca", "--inferred-only"],
    "show-fr": ["show", "ca", "uk", "--lang", "fr"],
    "detail": ["show", "ca:1"],
    "gaps": ["gaps", "ca", "--against", "uk", "--against", "au", "--against", "us"],
    "matrix": ["matrix"],
    "coverage": ["coverage", "uk", "au", "ca", "us"],
    "diff": ["diff", "au-dss-v1", "au-dss-v2"],
    "search": ["search", "open source", "-n", "5"],
    "explain": ["explain", "uk:9", "ca:5"],
    "detail-fr": ["show", "ca:1", "--lang", "fr"],
    "gaps-fr": ["gaps", "ca", "--against", "uk", "--against", "au", "--against", "us", "--lang", "fr"],
    "diff-fr": ["diff", "au-dss-v1", "au-dss-v2", "--lang", "fr"],
    "explain-fr": ["explain", "uk:9", "ca:5", "--lang", "fr"],
    "themes": ["themes"],
}
WIDTHS = (80, 140)
SUFFIX = {"json": "json", "csv": "csv", "markdown": "md"}
DOCUMENTS = {
    "show-uk-au.html": ["show", "uk", "au", "--format", "html"],
    "show-uk-au-fr.html": ["show", "uk", "au", "--format", "html", "--lang", "fr"],
    "matrix-uk-au-ca.svg": ["matrix", "uk", "au", "ca", "--format", "svg"],
    "brief-uk-au.md": ["brief", "uk", "au"],
    "brief-uk-au-fr.html": ["brief", "uk", "au", "--format", "html", "--lang", "fr"],
}
EPOCH = "1767225600"
"""2026-01-01 as SOURCE_DATE_EPOCH: documents name the date they were made."""


def run(args: list[str], width: int = 100) -> str:
    return _run(tuple(args), width)


@functools.cache
def _run(args: tuple[str, ...], width: int) -> str:
    # The structural checks run the same report in several formats; each output is computed once.
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(width), "SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def golden_names() -> set[str]:
    """Every golden file the tests below read."""
    tables = {f"{name}-{width}.txt" for name in REPORTS for width in WIDTHS}
    return tables | {f"{name}.{suffix}" for name in REPORTS for suffix in SUFFIX.values()} | set(DOCUMENTS)


def test_every_golden_file_is_read_by_a_test() -> None:
    orphans = sorted({p.name for p in GOLDEN.iterdir()} - golden_names())
    assert not orphans, f"no test reads these golden files; delete them: {orphans}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_table(name: str, width: int, golden: Callable[[str, str], None]) -> None:
    golden(f"{name}-{width}.txt", run(REPORTS[name], width))


FINGERPRINT = re.compile(r'"(catalog|code)_fingerprint": "[0-9a-f]{64}"')
"""Any edit to the built-in catalog changes its fingerprint: the goldens hold a placeholder, and
test_json_records_its_provenance checks the real one."""


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_export(name: str, fmt: str, golden: Callable[[str, str], None]) -> None:
    text = run([*REPORTS[name], "--format", fmt])
    golden(f"{name}.{SUFFIX[fmt]}", FINGERPRINT.sub(r'"\1_fingerprint": "<\1 fingerprint>"', text))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_json_records_its_provenance(name: str) -> None:
    from dgcompare import __version__

    provenance = json.loads(run([*REPORTS[name], "--format", "json"]))["provenance"]
    assert provenance["catalog_fingerprint"] == load_catalog().fingerprint
    assert re.fullmatch("[0-9a-f]{64}", provenance["code_fingerprint"])
    assert provenance["dgcompare_version"] == __version__
    # Every report made by aligning records the settings; --inferred-only is one of them.
    if name not in ("list", "search", "themes"):
        assert provenance["config"]["curated"] is ("--inferred-only" not in REPORTS[name])
    else:
        assert provenance["config"] is None


def _frameworks_cited(data: Any) -> list[dict[str, Any]]:
    """The framework summaries a JSON report holds (anything with an id, a url and a publisher)."""
    found: list[dict[str, Any]] = []
    if isinstance(data, dict):
        if {"id", "url", "publisher"} <= set(data):
            found.append(data)
        for value in data.values():
            found.extend(_frameworks_cited(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_frameworks_cited(value))
    return found


def principles_shown(data: Any, lang: str) -> set[tuple[str, str]]:
    """(framework, title) of every principle a JSON report names, in the language the table shows it in."""
    found: set[tuple[str, str]] = set()
    if isinstance(data, dict):
        if {"framework", "number", "title"} <= set(data):
            translation = data.get("title_translations", {}).get(lang) if data.get("title_language") != lang else None
            found.add((data["framework"], translation["text"] if translation else data["title"]))
        for value in data.values():
            found |= principles_shown(value, lang)
    elif isinstance(data, list):
        for value in data:
            found |= principles_shown(value, lang)
    return found


def frameworks_named(data: Any) -> set[str]:
    """Every framework id a JSON report names."""
    found: set[str] = set()
    if isinstance(data, dict):
        found |= {data[k] for k in ("id", "framework") if isinstance(data.get(k), str) and "-" in data[k]}
        # The quality figures a caution quotes are named by the sets measured, not frameworks.
        for key, value in data.items():
            if key != "kinds_caution":
                found |= frameworks_named(value)
    elif isinstance(data, list):
        for value in data:
            found |= frameworks_named(value)
    return found


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document(name: str, golden: Callable[[str, str], None]) -> None:
    # The version changes with every release; the rest of the footer is fixed.
    # Fingerprints change with any edit to the data or the code: the goldens hold a placeholder.
    text = run(DOCUMENTS[name]).replace(f"dgcompare {__version__}", "dgcompare VERSION")
    golden(name, re.sub("[0-9a-f]{64}", "FINGERPRINT", text))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_html_carries_the_report(name: str) -> None:
    document = Document(run([*REPORTS[name], "--format", "html"]))
    assert document.problems == []
    text = document.text
    data = json.loads(run([*REPORTS[name], "--format", "json"]))
    # A document can be cited: every framework it draws on, with a link to its address.
    cited = {f["id"]: f["url"] for f in _frameworks_cited(data)}
    hrefs = {href for href, _ in document.links}
    # The theme taxonomy is dgcompare's own and cites no framework; every other report does.
    assert (cited or name == "themes") and set(cited.values()) <= hrefs, "every source cited with a link to it"
    missing = sorted(f for f in frameworks_named(data) if f not in text)
    assert not missing, f"framework ids in the JSON but not the page: {missing}"
    titles = principles_shown(data, data.get("lang", "en"))
    words = " ".join(text.split())
    missing = sorted(title for _, title in titles if " ".join(title.split()) not in words)
    assert not missing, f"principle titles in the JSON but not the page: {missing}"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_csv_parses_back_with_one_header_row(name: str) -> None:
    rows = list(csv.reader(io.StringIO(run([*REPORTS[name], "--format", "csv"]))))
    assert rows and rows[0] and len(rows) >= 2
    assert all(len(row) == len(rows[0]) for row in rows), "every record has the header's columns"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_json_is_one_object(name: str) -> None:
    assert isinstance(json.loads(run([*REPORTS[name], "--format", "json"])), dict)


def test_csv_rows_are_links_gaps_and_themes() -> None:
    show = list(csv.DictReader(io.StringIO(run(["show", "uk", "au", "--format", "csv"]))))
    first = next(r for r in show if r["counterpart number"] == "2")
    assert (first["framework"], first["number"], first["title"]) == (
        "uk-service-standard-2019",
        "1",
        "Understand users and their needs",
    )
    assert (first["counterpart framework"], first["counterpart number"], first["relation"]) == (
        "au-dss-v2",
        "2",
        "equivalent",
    )
    gaps = list(csv.DictReader(io.StringIO(run([*REPORTS["gaps"], "--format", "csv"]))))
    assert {r["kind"] for r in gaps} <= {"gap", "distinctive"} and gaps[0]["kind"] == "gap"
    matrix = list(csv.DictReader(io.StringIO(run(["matrix", "uk", "au", "--format", "csv"]))))
    themes = len(load_catalog().taxonomy.themes)
    assert len(matrix) == 2 * themes and {r["framework"] for r in matrix} == {"uk-service-standard-2019", "au-dss-v2"}


def test_gaps_json_contract() -> None:
    data = json.loads(run([*REPORTS["gaps"], "--format", "json"]))
    assert data["target"] | {"framework": "ca-digital-standards", "jurisdiction": "ca"} == data["target"]
    assert [(p["framework"], p["jurisdiction"]) for p in data["peers"]] == [
        ("uk-service-standard-2019", "uk"),
        ("au-dss-v2", "au"),
        ("us-playbook", "us"),
    ]
    gap = data["gaps"][0]
    assert {"theme", "label", "peer_count", "commitments"} <= set(gap)
    commitment = gap["commitments"][0]
    assert {"framework", "number", "title"} <= set(commitment["principle"])
    assert commitment["coverage"] in {"partly covered", "not covered"} and isinstance(commitment["by"], list)
    assert [c["peer"] for c in data["coverage"]] == [p["framework"] for p in data["peers"]]
    assert isinstance(data["distinctive"], list)


def test_show_json_contract() -> None:
    data = json.loads(run(["show", "uk", "au", "ca", "--format", "json"]))
    frameworks = {(f["id"], f["jurisdiction"], f["principles"]) for f in data["frameworks"]}
    assert ("uk-service-standard-2019", "uk", 14) in frameworks
    pairs = {(a["a"]["framework"], a["b"]["framework"]) for a in data["alignments"]}
    assert pairs == {
        ("uk-service-standard-2019", "au-dss-v2"),
        ("uk-service-standard-2019", "ca-digital-standards"),
        ("au-dss-v2", "ca-digital-standards"),
    }
    for alignment in data["alignments"]:
        assert alignment["relation"] in {"equivalent", "related"}
        assert alignment["source"] in {"curated", "inferred"}
        assert 0 <= alignment["score"] <= 1 and alignment["why"]
        assert {"framework", "number", "title"} <= set(alignment["a"])
    for item in data["unmatched"]:
        assert {"framework", "number", "title"} <= set(item)


def test_fail_on_gaps_exits_3() -> None:
    result = CliRunner().invoke(app, [*REPORTS["gaps"], "--fail-on-gaps"])
    assert result.exit_code == 3 and "gaps found" in result.stderr


USER = {
    "show": ["show", "xn", "uk", "xb"],
    "detail": ["show", "xb:1"],
    "gaps": ["gaps", "xn"],
    "matrix": ["matrix", "xn", "xw", "xb"],
    "coverage": ["coverage", "xn", "uk", "xb"],
    "diff": ["diff", "xn-service-charter", "xw-digital-principles"],
    "search": ["search", "résidents", "--jurisdiction", "xn"],
    "explain": ["explain", "xb:1", "uk:1"],
    "list": ["list"],
}


@pytest.mark.parametrize("name", sorted(USER))
def test_every_report_works_on_a_user_catalog(name: str) -> None:
    from .conftest import FIXTURES

    result = CliRunner().invoke(app, ["--data-dir", str(FIXTURES / "heldout"), *USER[name], "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert any(code in result.stdout for code in ('"xn', '"xb', '"xw', "xn-service-charter"))
