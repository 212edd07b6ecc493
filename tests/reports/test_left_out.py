"""Items left out of the catalog (``omitted:``) never read as absent: show, show F:N, diff, gaps and matrix."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from dgcompare.cli import app

NOTE = "Not in the catalog: eu-tallinn-2017 principles 4, 5, 6, 7, 8."


def run(*args: str, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})
    assert result.exit_code == code, result.stderr
    return result.stdout, result.stderr


def test_show_of_a_left_out_principle_says_it_exists_and_why_it_is_not_here() -> None:
    # Reported: `show eu-tallinn-2017:4` said the declaration "has no principle '4'".
    _, err = run("show", "eu-tallinn-2017:4", code=2)
    assert "principle 4 of eu-tallinn-2017 exists but is not in the catalog:" in err
    assert "has no principle" not in err


def test_diff_does_not_call_added_what_the_older_edition_leaves_out() -> None:
    # Reported: `diff uk-tcop-2019 uk-tcop` reported points 2 and 8 as added; they exist in 2019 but are left out.
    data = json.loads(run("diff", "uk-tcop-2019", "uk-tcop", "--format", "json")[0])
    kinds = {c["new"][0]["number"]: c["kind"] for c in data["changes"] if c["new"] and not c["old"]}
    assert kinds[2] == "uncertain" and kinds[8] == "uncertain"
    assert "added" not in kinds.values()
    table, _ = run("diff", "uk-tcop-2019", "uk-tcop")
    assert "Not in the catalog: uk-tcop-2019 points 2, 8, 12; uk-tcop point 13." in table
    rows = list(csv.DictReader(io.StringIO(run("diff", "uk-tcop-2019", "uk-tcop", "--format", "csv")[0])))
    assert {r["old"] for r in rows if r["change"] == "not in the catalog"} >= {"2.", "8.", "12."}


def test_show_gaps_and_matrix_name_the_items_left_out() -> None:
    # Reported: the EU default shows 3 of Tallinn's 8 principles with no word about the other five.
    assert NOTE in run("show", "uk", "eu")[0]
    assert NOTE in run("gaps", "eu", "--against", "uk")[0]
    assert "eu-tallinn-2017 is incomplete: 5 of 8 items not in the catalog" in run("matrix", "uk", "eu")[0]
    rows = list(csv.DictReader(io.StringIO(run("show", "uk", "eu", "--format", "csv")[0])))
    left = [r for r in rows if r["relation"] == "not in the catalog"]
    assert [r["number"] for r in left] == ["4", "5", "6", "7", "8"] and all(r["why"] for r in left)
    data = json.loads(run("gaps", "eu", "--against", "uk", "--format", "json")[0])
    assert [o["number"] for o in data["target"]["omitted"]] == [4, 5, 6, 7, 8]


def test_a_briefings_summary_says_what_is_left_out_before_its_counts() -> None:
    # Reported: the summary said 'covers 0 of the 3 commitments of eu-tallinn-2017' with nothing about the five
    # principles left out; the first mention came in the alignment section.
    brief, _ = run("brief", "nz", "--against", "uk,eu-tallinn-2017")
    summary = brief.split("\n## ", 2)[1]
    assert summary.startswith("Summary") and NOTE in summary
    assert summary.index(NOTE) < summary.index("covers 0 of the 3 commitments of eu-tallinn-2017")
