"""``dgcompare show A B [C ...]``: rows hold only linked principles, every link is shown, every format agrees."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from typer.testing import CliRunner

from dgcompare.cli import app


def run(*args: str, width: int = 200) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def show_json(*tokens: str) -> Any:
    return json.loads(run("show", *tokens, "--format", "json"))


def ref(p: dict[str, Any]) -> str:
    return f"{p['framework']}:{p['number']}"


def links_of(data: Any) -> dict[frozenset[str], tuple[str, float, str]]:
    return {frozenset((ref(x["a"]), ref(x["b"]))): (x["relation"], x["score"], x["source"]) for x in data["alignments"]}


def test_a_row_puts_together_only_principles_linked_with_its_anchor() -> None:
    # Reported: uk:2 and ca:8 shared a row though they have no link (ca:8's 0.60 was against au:4).
    data = show_json("uk", "au", "ca")
    links = links_of(data)
    for row in data["rows"]:
        for cell in row["counterparts"]:
            for x in cell:
                pair = frozenset((ref(row["anchor"]), ref(x["principle"])))
                assert links[pair] == (x["relation"], x["score"], x["source"]), "the score is the anchor's pair's"
    row = next(r for r in data["rows"] if r["anchor"]["number"] == 2)
    assert "ca-digital-standards:8" not in {ref(x["principle"]) for cell in row["counterparts"] for x in cell}
    assert frozenset(("au-dss-v2:4", "ca-digital-standards:8")) in links, "that link is still reported, as its own pair"


def test_the_table_says_which_pair_each_score_belongs_to() -> None:
    table = run("show", "uk", "au", "ca")
    assert "every score against that point" in table
    assert "Links between the other frameworks" in table
    assert re.search(r"au-dss-v2:4 Connect services\s+~ 0\.60\*\s+ca-digital-standards:8 Be good data stewards", table)


def test_several_equivalents_in_one_framework_are_all_shown_as_equivalents() -> None:
    # Reported: ca:2 paired with uk:7 and the identical uk:8 demoted to the leftovers as "related to ca:2".
    data = show_json("ca", "uk")
    row = next(r for r in data["rows"] if r["anchor"]["number"] == 2)
    (cell,) = row["counterparts"]
    equivalents = [ref(x["principle"]) for x in cell if x["relation"] == "equivalent"]
    assert equivalents[:2] == ["uk-service-standard-2019:8", "uk-service-standard-2019:7"], "ties go to the wording"
    table = run("show", "ca", "uk")
    block = table[table.index(" 2. Iterate and improve frequently") :].split("\n 3. ")[0]
    assert block.index("8. Iterate and improve frequently") < block.index("7. Use agile ways of working")
    assert block.count("= 0.70*") == 2


def test_exports_carry_every_link_and_the_same_counts_as_the_table() -> None:
    # Reported: the CSV marked uk:3, uk:4, uk:14 and au:7 "no counterpart" though the table showed them related.
    data = show_json("uk", "au")
    rows = list(csv.DictReader(io.StringIO(run("show", "uk", "au", "--format", "csv"))))
    linked = [r for r in rows if r["relation"] != "no counterpart"]
    assert {
        frozenset((f"{r['framework']}:{r['number']}", f"{r['counterpart framework']}:{r['counterpart number']}"))
        for r in linked
    } == set(links_of(data))
    assert len(linked) == len(data["alignments"])
    alone = {f"{r['framework']}:{r['number']}" for r in rows if r["relation"] == "no counterpart"}
    assert alone == {ref(p) for p in data["unmatched"]}
    assert not alone & {"uk-service-standard-2019:3", "uk-service-standard-2019:4", "au-dss-v2:7"}
    table = run("show", "uk", "au")
    count = len(data["unmatched"])
    said = f"{count} principle has" if count == 1 else f"{count} principles have"
    assert f"{said} no counterpart in any framework shown" in table
    markdown = run("show", "uk", "au", "--format", "markdown")
    lines = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert len(lines) - 2 == len(rows), "one Markdown row per CSV row, after the header and its rule"
    assert "lowest score" not in rows[0]


def test_every_link_is_drawn_once_in_the_table() -> None:
    for tokens in (("uk", "au"), ("uk", "au", "ca"), ("ca", "uk", "us", "au")):
        data = show_json(*tokens)
        table = run("show", *tokens)
        marks = re.findall(r"[=~] [01]\.\d\d\*?", table)
        assert len(marks) == len(data["alignments"]), tokens


def test_the_legend_states_the_equivalent_threshold_the_links_were_made_with() -> None:
    assert "a pair is equivalent from 0.32 (0.40 between a strategy" in run("show", "uk", "au", "--format", "markdown")
    table = run("show", "uk", "au", "--equivalent", "0.5", "--format", "markdown")
    assert "a pair is equivalent from 0.50 (0.58 between" in table and "0.32" not in table.split("## Legend", 1)[1]
    french = run("show", "uk", "au", "--equivalent", "0.5", "--lang", "fr", "--format", "markdown")
    assert "équivalente à partir de 0,50 (0,58 entre" in french


def test_markdown_gives_the_counts_the_table_gives() -> None:
    table = " ".join(run("show", "uk", "au", "ca", width=200).split())
    markdown = run("show", "uk", "au", "ca", "--format", "markdown")
    lines = [line for line in markdown.splitlines() if "have an equivalent in" in line or "a counterpart" in line]
    assert len(lines) >= 5
    for line in lines:
        assert line in table, line


def test_a_pair_no_curated_crosswalk_joins_is_said_to_rest_on_the_matcher() -> None:
    # Reported: 'show ca nz' called Canada's accessibility standard unmatched, with nothing saying every link was the
    # matcher's own and unchecked.
    note = "No curated crosswalk checks the links of ca-digital-standards with nz-dsds"
    assert note in " ".join(run("show", "ca", "nz").split())
    assert note in run("show", "ca", "nz", "--format", "markdown")
    three = " ".join(run("show", "ca", "uk", "nz").split())
    assert "links of ca-digital-standards with nz-dsds; uk-service-standard-2019 with nz-dsds:" in three
    assert "No curated crosswalk" not in run("show", "ca", "uk")
    assert "Aucune table de correspondance validée" in run("--lang", "fr", "show", "ca", "nz")


def test_the_stacked_layout_names_each_framework_with_its_year_and_status() -> None:
    # Reported: under 80 columns the layout lost every framework's title, year and status (a draft read as adopted).
    text = " ".join(run("show", "uk", "intl", "ca", width=60).split())
    assert "Rows: uk-service-standard-2019" in text, "the stacked layout"
    assert "uk-service-standard-2019: Service Standard (2019)" in text
    assert "intl-digital-nations: Digital Nations Charter (D7 Charter) (2018, superseded)" in text


def test_with_inferred_only_the_note_says_curated_crosswalks_were_set_aside() -> None:
    # Reported: '--inferred-only' made show say no curated crosswalk checks UK-Australia, which has an exhaustive one.
    text = " ".join(run("show", "uk", "au", "--inferred-only").split())
    assert "Curated crosswalks set aside (--inferred-only)" in text and "No curated crosswalk" not in text


def test_a_pair_a_crosswalk_covers_only_in_part_is_said_to_be_mixed() -> None:
    # Reported: with four frameworks, Canada-Tallinn went unnamed, so its links read as checked; the crosswalk holds
    # one of three, and the only equivalent was inferred.
    data = show_json("ca", "eu", "nz")
    sources = {
        x["source"]
        for x in data["alignments"]
        if {x["a"]["framework"], x["b"]["framework"]} == {"ca-digital-standards", "eu-tallinn-2017"}
    }
    assert sources == {"curated", "inferred"}
    text = " ".join(run("show", "ca", "eu", "nz").split())
    assert "A curated crosswalk holds only some of the links of ca-digital-standards with eu-tallinn-2017" in text
    assert "checks the links of ca-digital-standards with nz-dsds; eu-tallinn-2017 with nz-dsds:" in text
