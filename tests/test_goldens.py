"""Every report, in every format, against golden files (tables at 80 and 140 columns)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app

REPORTS = {
    "list": ["list"],
    "show": ["show", "uk", "au"],
    "show-seed": ["show", "uk-defra-2018", "au-dss-v1"],
    "show-three": ["show", "uk", "au", "ca", "--inferred-only"],
    "show-fr": ["show", "ca", "uk", "--lang", "fr"],
    "detail": ["show", "ca:1"],
    "gaps": ["gaps", "ca", "--against", "uk", "--against", "au", "--against", "us"],
    "matrix": ["matrix"],
    "diff": ["diff", "au-dss-v1", "au-dss-v2"],
    "search": ["search", "open source", "-n", "5"],
    "explain": ["explain", "uk:9", "ca:5"],
}
SUFFIX = {"json": "json", "csv": "csv", "markdown": "md", "html": "html", "svg": "svg"}


def run(args: list[str], width: int = 100) -> str:
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [80, 140])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_table(name: str, width: int, golden: Callable[[str, str], None]) -> None:
    golden(f"{name}-{width}.txt", run(REPORTS[name], width))


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_export(name: str, fmt: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{name}.{SUFFIX[fmt]}", run([*REPORTS[name], "--format", fmt]))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_csv_parses_back_with_one_header_row(name: str) -> None:
    rows = list(csv.reader(io.StringIO(run([*REPORTS[name], "--format", "csv"]))))
    assert rows and rows[0] and len(rows) >= 2
    assert all(len(row) == len(rows[0]) for row in rows), "every record has the header's columns"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_json_is_one_object(name: str) -> None:
    assert isinstance(json.loads(run([*REPORTS[name], "--format", "json"])), dict)


def test_csv_rows_are_groups_gaps_and_themes() -> None:
    show = list(csv.DictReader(io.StringIO(run(["show", "uk", "au", "--format", "csv"]))))
    assert show[0]["uk-service-standard-2019"] == "1. Understand users and their needs"
    assert show[0]["au-dss-v2"] == "2. Know your user" and show[0]["relation"] == "equivalent"
    gaps = list(csv.DictReader(io.StringIO(run([*REPORTS["gaps"], "--format", "csv"]))))
    assert {r["kind"] for r in gaps} <= {"gap", "distinctive"} and gaps[0]["kind"] == "gap"
    matrix = list(csv.DictReader(io.StringIO(run(["matrix", "uk", "au", "--format", "csv"]))))
    assert len(matrix) == 39 and matrix[-1]["theme"] == "themes covered"


def test_gaps_json_contract() -> None:
    data = json.loads(run([*REPORTS["gaps"], "--format", "json"]))
    assert data["target"] | {"framework": "ca-digital-standards", "jurisdiction": "ca"} == data["target"]
    assert [(p["framework"], p["jurisdiction"]) for p in data["peers"]] == [
        ("uk-service-standard-2019", "uk"),
        ("au-dss-v2", "au"),
        ("us-playbook", "us"),
    ]
    gap = data["gaps"][0]
    assert {"theme", "label", "peer_count", "covered_by"} <= set(gap)
    assert {"framework", "number", "title"} <= set(gap["covered_by"][0])
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
