"""One truth per report: each format of diff, show F:N, search, explain and list carries the JSON's facts."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from typing import Any

from typer.testing import CliRunner

from dgcompare.cli import app
from dgcompare.i18n import score_text
from dgcompare.reports.explanation import signal_word


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def three(*args: str) -> tuple[Any, list[dict[str, str]], str]:
    return (
        json.loads(run(*args, "--format", "json")),
        list(csv.DictReader(io.StringIO(run(*args, "--format", "csv")))),
        run(*args),
    )


def markdown_rows(*args: str) -> int:
    return len([line for line in run(*args, "--format", "markdown").splitlines() if line.startswith("| ")]) - 2


def test_diff_changes_and_counts_agree() -> None:
    args = ("diff", "uk-dss-2015", "uk")
    data, rows, table = three(*args)
    changes = [r for r in rows if r["change"] != "not in the catalog"]
    assert [r["change"] for r in changes] == [c["kind"] for c in data["changes"]]
    for row, change in zip(changes, data["changes"], strict=True):
        assert [int(n) for n in re.findall(r"(?:^|; )(\d+)\.", row["old"])] == [p["number"] for p in change["old"]]
        assert [int(n) for n in re.findall(r"(?:^|; )(\d+)\.", row["new"])] == [p["number"] for p in change["new"]]
    counts = Counter(c["kind"] for c in data["changes"])
    summary = next(line for line in table.splitlines() if re.match(r"^\d+ (kept|reworded)", line))
    assert {k: int(n) for n, k in re.findall(r"(\d+) (\w+)", summary)} == dict(counts)
    assert markdown_rows(*args) == len(rows)


def test_principle_detail_links_agree() -> None:
    args = ("show", "ca:1")
    data, rows, table = three(*args)
    me = (data["principle"]["framework"], data["principle"]["number"])
    expected = []
    for counterpart in data["counterparts"]:
        for a in counterpart["alignments"]:
            other = a["b"] if (a["a"]["framework"], a["a"]["number"]) == me else a["a"]
            expected.append((other["framework"], str(other["number"]), a["relation"], score_text(a["score"])))
        if not counterpart["alignments"] and counterpart["nearest"]:
            n = counterpart["nearest"]
            expected.append((n["framework"], str(n["number"]), "none (nearest)", score_text(n["score"])))
        elif not counterpart["alignments"]:
            expected.append((counterpart["framework"]["id"], "", "none (nothing close)", ""))
    assert [(r["framework"], r["number"], r["relation"], r["score"]) for r in rows] == expected
    lines = table.splitlines()
    for framework, number, _, score in expected:
        if not number:  # nothing in that framework comes close
            assert any(line.startswith(framework + " ") and "nothing close" in line for line in lines), framework
            continue
        assert any(line.startswith(framework + " ") and f" {number}. " in line and score in line for line in lines), (
            framework,
            number,
            score,
        )
    assert markdown_rows(*args) == len(rows)


def test_search_hits_agree() -> None:
    args = ("search", "open source", "-n", "7")
    data, rows, table = three(*args)
    assert [(r["framework"], r["number"], r["score"]) for r in rows] == [
        (h["framework"], str(h["number"]), score_text(h["score"])) for h in data["hits"]
    ]
    for h in data["hits"]:
        assert f"{h['framework']}:{h['number']}" in table
    assert markdown_rows(*args) == len(rows)


def test_explanation_signals_agree() -> None:
    args = ("explain", "uk:9", "ca:5")
    data, rows, table = three(*args)
    shown = [(signal_word(p["name"], "en"), f"{p['value']:.2f}") for p in data["parts"]]
    at = [r["signal"] for r in rows].index("score")
    # The first two rows name the pair, so that a saved spreadsheet says what it explains.
    pair = [f"{p['framework']}:{p['number']} {p['title']}" for p in (data["a"], data["b"])]
    assert [(r["signal"], r["value"]) for r in rows[:2]] == list(zip(["principle", "counterpart"], pair, strict=True))
    assert [(r["signal"], r["value"]) for r in rows[2:at]] == shown
    score, verdict, *rest = rows[at:]
    assert score["value"] == score_text(data["score"])
    assert verdict["signal"] == "verdict" and verdict["value"].startswith(data["alignment"]["relation"])
    reasons = [(r["signal"], r["value"]) for r in rest if r["signal"] == "reason"]
    assert reasons == [("reason", why) for why in data["alignment"]["why"]]
    # What the two share, as the JSON and the screen give it.
    shared = {r["signal"]: r["value"] for r in rest if r["signal"].startswith("shared")}
    expected = {"shared themes": data["shared_themes"], "shared terms": data["shared_terms"]}
    assert shared == {signal: ", ".join(values) for signal, values in expected.items()}
    assert f"Shared themes: {shared['shared themes']}" in " ".join(table.split())
    for name, value in shown:
        assert re.search(rf"^{name}\s+{value}", table, flags=re.M)


def test_listing_frameworks_agree() -> None:
    data, rows, table = three("list")
    expected = [
        (j["code"], f["id"], "n.d." if f["adopted"] is None else str(f["adopted"]))
        for j in data["jurisdictions"]
        for f in j["frameworks"]
    ]
    assert [(r["jurisdiction"], r["framework"], r["year"]) for r in rows] == expected
    for _, framework, year in expected:
        assert re.search(rf"\b{re.escape(framework)}\s+{re.escape(year)}(?!\w)", table)
