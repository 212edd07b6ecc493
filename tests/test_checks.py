"""The rules across values and files: what their problems tell a file's author and a Python caller."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare import load_catalog
from dgcompare.catalog import crosswalk_from, framework_from, validate_paths
from dgcompare.cli import app
from dgcompare.errors import CatalogError
from dgcompare.models import Jurisdiction

from .conftest import INVALID, VALID

runner = CliRunner()


def test_an_unknown_parent_in_a_file_sends_its_author_to_the_command_not_to_python() -> None:
    # Reported: the fix read "`dgcompare list` lists the codes (catalog.files in Python)" at the command line.
    result = runner.invoke(app, ["validate", str(INVALID / "unknown-parent.yaml")], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{INVALID / 'unknown-parent.yaml'}:4:11: jurisdiction, parent: unknown parent jurisdiction 'zz'",
        "  fix: `dgcompare list` lists the codes",
        "1 problem in 1 of 1 file.",
    ]


def test_what_is_built_in_python_is_told_where_python_lists_the_names() -> None:
    catalog = load_catalog()
    framework = framework_from(
        {
            "id": "zz-dss",
            "title": "A standard",
            "publisher": "P",
            "adopted": 2020,
            "url": "https://example.org/dss",
            "principles": [{"number": 1, "title": "Users", "themes": ["qqqq"]}],
        }
    )
    with pytest.raises(CatalogError) as caught:
        catalog.with_frameworks(framework, jurisdiction=Jurisdiction(code="zz", name="Zed", parent="qq"))
    fixes = {p.code: p.fix for p in caught.value.problems}
    assert fixes["unknown-parent"] == "`dgcompare list` lists the codes (catalog.files in Python)"
    assert fixes["unknown-theme"] == "`dgcompare themes` lists them (catalog.themes in Python)"
    crosswalk = crosswalk_from({"crosswalk": {"source": "qqqq-qqqq", "target": "uk-service-standard-2019"}})
    with pytest.raises(CatalogError) as unknown:
        catalog.with_crosswalks(crosswalk)
    (problem,) = unknown.value.problems
    assert problem.fix == "`dgcompare list` lists the ids (catalog.frameworks() in Python)"


def test_a_repeated_number_or_pair_names_the_other_item_by_its_place_from_1_and_its_line(tmp_path: Path) -> None:
    # Reported: "also principles[0]", a zero-based index, for the first principle.
    text = (VALID / "on.yaml").read_text(encoding="utf-8")
    principle = "      - number: 1\n        title: Understand users and their needs\n"
    assert principle in text
    (tmp_path / "on.yaml").write_text(text + principle.replace("their needs", "their goals"), encoding="utf-8")
    (problem,) = validate_paths([tmp_path / "on.yaml"]).problems
    assert (problem.line, problem.field, problem.message) == (
        15,
        "framework 1 (on-dss), principle 2 (number 1), number",
        "number 1 is used twice (also by principle 1, on line 12)",
    )
    mapping = (
        "  - source: 1\n    target: 1\n    relationship: equal\n    rationale: semantic\n    strength: 9\n"
        "    explanation: Users first.\n"
    )
    header = "crosswalk:\n  source: on-dss\n  target: ca-digital-standards\nmappings:\n"
    (tmp_path / "on--ca.yaml").write_text(header + mapping + mapping, encoding="utf-8")
    problems = validate_paths([tmp_path / "on--ca.yaml"], [tmp_path / "on.yaml"]).problems
    (problem,) = [p for p in problems if p.code == "duplicate-mapping"]
    assert (problem.line, problem.field, problem.message) == (
        11,
        "mapping 2 (1 -> 1)",
        "pair 1 -> 1 is mapped twice (also by mapping 1, on line 5)",
    )
