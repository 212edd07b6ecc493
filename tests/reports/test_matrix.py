"""``dgcompare matrix``: curated tags count as coverage, inferred coverage is its own level, cells name principles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from dgcompare.cli import app

from ..conftest import FIXTURES


def run(*args: str, width: int = 200) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def cell(data: Any, theme: str, framework: str) -> Any:
    column = [f["id"] for f in data["frameworks"]].index(framework)
    return next(r for r in data["rows"] if r["theme"] == theme)["cells"][column]


def test_a_curated_tag_counts_as_coverage_with_its_principles() -> None:
    # Reported: theme weights were normalised, so a principle with three or four themes covered none of them.
    data = json.loads(run("matrix", "uk", "au", "ca", "--format", "json"))
    for theme, framework, numbers in (
        ("accessibility", "au-dss-v2", [3]),
        ("inclusion", "ca-digital-standards", [6, 9]),
        ("administrative-burden", "ca-digital-standards", [8]),
        ("multidisciplinary-teams", "ca-digital-standards", [10]),
        ("consistent-design", "uk-service-standard-2019", [4]),
    ):
        found = cell(data, theme, framework)
        assert found["level"] == "tagged", (theme, framework)
        assert set(numbers) <= set(found["principles"]), "the principles behind the cell"


def test_inferred_coverage_is_a_level_of_its_own() -> None:
    data = json.loads(run("matrix", "uk", "au", "ca", "us", "--format", "json"))
    levels = {c["level"] for r in data["rows"] for c in r["cells"]}
    assert "inferred" in levels and "tagged" in levels
    table = run("matrix", "uk", "au", "ca", "us")
    assert "▓▓▓" in table and "inferred from a principle's wording" in table


def test_every_format_gives_each_cell_the_same_level_and_principles() -> None:
    data = json.loads(run("matrix", "uk", "ca", "eu", "--format", "json"))
    rows = list(csv.DictReader(io.StringIO(run("matrix", "uk", "ca", "eu", "--format", "csv"))))
    assert len(rows) == len(data["rows"]) * len(data["frameworks"])
    for row in rows:
        theme = next(r for r in data["rows"] if r["label"] == row["theme"])["theme"]
        found = cell(data, theme, row["framework"])
        assert row["level"] == found["level"]
        assert row["principles"].count(". ") >= len(found["principles"])
        named = {(p["framework"], p["number"]) for p in data["principles"]}
        assert {(row["framework"], n) for n in found["principles"]} <= named, "every number has its principle"
    table = run("matrix", "uk", "ca", "eu", "--principles")
    for r in data["rows"]:
        numbers = [",".join(map(str, c["principles"])) for c in r["cells"] if c["principles"]]
        line = next(line for line in table.splitlines() if line.startswith(r["label"][:30]))
        for listed in numbers:
            assert listed in line, (r["theme"], listed)
    totals = next(line for line in table.splitlines() if line.startswith("Themes covered"))
    assert totals.split()[2:] == [str(t) for t in data["totals"]]


def test_a_framework_with_items_left_out_is_marked_incomplete() -> None:
    # Reported: the EU default shows 3 of Tallinn's 8 principles and the matrix counted it as covering 4 themes.
    data = json.loads(run("matrix", "uk", "eu", "--format", "json"))
    eu = data["frameworks"][1]
    assert len(eu["omitted"]) == 5 and all(o["reason"] for o in eu["omitted"])
    table = run("matrix", "uk", "eu")
    assert " eu* " in table and "eu-tallinn-2017 is incomplete: 5 of 8 items not in the catalog" in table
    rows = list(csv.DictReader(io.StringIO(run("matrix", "uk", "eu", "--format", "csv"))))
    assert {r["framework incomplete"] for r in rows if r["framework"] == eu["id"]} == {
        "5 of 8 items not in the catalog"
    }


def test_one_principle_shown_names_the_inferred_themes_matrix_counts_it_for() -> None:
    # Reported: `matrix` counted a user's untagged principle as covering Security while `show X:N` said "Themes: none".
    user = str(FIXTURES / "dev-native" / "nes1.yaml")
    data = json.loads(run("-d", user, "matrix", "nes1", "uk", "--format", "json"))
    labels = {r["theme"]: r["label"] for r in data["rows"]}
    counted: dict[int, set[str]] = {}
    for r in data["rows"]:
        found = cell(data, r["theme"], "nes1-principios-servicios-electronicos")
        if found["level"] == "inferred":
            for number in found["principles"]:
                counted.setdefault(number, set()).add(labels[r["theme"]])
    assert counted, "the untagged set is counted for inferred themes"
    for number, themes in counted.items():
        shown = json.loads(
            run("-d", user, "show", f"nes1-principios-servicios-electronicos:{number}", "--format", "json")
        )
        assert shown["themes"] == [] and set(shown["inferred_themes"]) == themes, number
    table = run("-d", user, "show", f"nes1-principios-servicios-electronicos:{min(counted)}")
    assert "Themes: none\nInferred (counted by matrix and gaps): " in table


def test_split_over_tables_the_count_stands_beside_the_last_and_the_first_says_what_follows() -> None:
    # Reported: at 60 columns the first of two tables gave '#' = 3 beside two frameworks; nothing said more followed.
    text = run("matrix", "uk", "au", "ca", "--principles", width=60)
    headers = [line for line in text.splitlines() if line.startswith("Theme ")]
    assert len(headers) >= 2
    assert "#/" not in headers[0] and headers[-1].rstrip().endswith("#/3"), "out of all three, beside the last"
    assert "Continued below: " in text.split(headers[1])[0]
    assert run("matrix", "uk", "au", "ca", width=200).count("Continued below") == 0


def test_the_markdown_gives_each_framework_s_total_as_the_table_and_json_do() -> None:
    # Reported: the Markdown and CSV dropped the "Themes covered" totals the table, HTML and JSON give.
    data = json.loads(run("matrix", "uk", "au", "ca", "--format", "json"))
    expected = ", ".join(f"{f['id']} {total}" for f, total in zip(data["frameworks"], data["totals"], strict=True))
    assert f"Themes covered (tagged or inferred): {expected}." in run(
        "matrix", "uk", "au", "ca", "--format", "markdown"
    )
    rows = list(csv.DictReader(io.StringIO(run("matrix", "uk", "au", "ca", "--format", "csv"))))
    for f, total in zip(data["frameworks"], data["totals"], strict=True):
        assert sum(r["framework"] == f["id"] and r["level"] in ("tagged", "inferred") for r in rows) == total


def test_two_frameworks_of_one_jurisdiction_get_columns_a_reader_can_tell_apart() -> None:
    # Reported: 'matrix nz uk au eu-tallinn-2017 eu-berlin-2020' headed two columns 'eu*' and 'eu'.
    for width in (60, 200):
        out = " ".join(
            run("matrix", "nz", "uk", "eu-tallinn-2017", "eu-berlin-2020", "--principles", width=width).split()
        )
        assert "eu1 = eu-tallinn-2017, eu2 = eu-berlin-2020" in out
        assert "eu = " not in out and " eu: " not in out


UNTAGGED = """\
jurisdiction:
  code: zq
  name: Zedland
frameworks:
  - id: zq-charter
    title: Zedland service charter
    publisher: Zedland Office
    adopted: 2024
    url: https://example.org/zq
    principles:
      - number: 1
        title: Power of attorney
        summary: A customer can authorise another person to act on their behalf before an authority.
      - number: 2
        title: Keep personal data secure
        summary: Protect the personal data people give us against loss and misuse.
"""


def test_an_untagged_principle_is_credited_only_with_themes_its_words_name(tmp_path: Path) -> None:
    # Reported: an untagged 'electronic payments' principle was shown covering open standards, a theme its nearest
    # tagged neighbours lend it to be matched by, under a legend saying 'inferred from a principle's wording'.
    path = tmp_path / "zq.yaml"
    path.write_text(UNTAGGED, encoding="utf-8")
    data = json.loads(run("--data-dir", str(path), "matrix", "zq", "--format", "json"))
    credited = {
        (row["theme"], n)
        for row in data["rows"]
        if row["cells"][0]["level"] == "inferred"
        for n in row["cells"][0]["principles"]
    }
    assert ("security", 2) in credited and ("privacy", 2) in credited  # its words: 'secure', 'personal data'
    # Its neighbours lent 'Power of attorney' once only and end-to-end design; its words name neither.
    assert not {("administrative-burden", 1), ("service-design", 1)} & credited
    detail = json.loads(run("--data-dir", str(path), "show", "zq:1", "--format", "json"))
    assert detail["inferred_themes"] and not {
        "Reducing administrative burden and the once-only principle",
        "End-to-end service design",
    } & set(detail["inferred_themes"])


def test_a_column_of_untagged_principles_says_it_rests_on_their_words() -> None:
    # Reported: a user's draft, mostly untagged, showed 15 themes against the UK's 28; the same words tagged gave 21.
    user = str(FIXTURES / "dev-native" / "nes1.yaml")
    data = json.loads(run("-d", user, "matrix", "nes1", "uk", "--format", "json"))
    assert data["untagged"] == [12, 0]
    table = " ".join(run("-d", user, "matrix", "nes1", "uk").split())
    assert "nes1-principios-servicios-electronicos: 12 of its 12 principles carry no themes of their own" in table
    assert table.count("carry no themes of their own") == 1, "only the untagged column"
    markdown = run("-d", user, "matrix", "nes1", "uk", "--format", "markdown")
    assert "12 of its 12 principles carry no themes" in markdown
    assert "carry no themes" not in run("matrix", "uk", "ca")


def test_the_mark_of_a_title_is_explained_only_where_titles_show() -> None:
    # Reported: the heatmap ended with '[es]: the official wording...' though it shows no title.
    user = str(FIXTURES / "dev-native" / "nes1.yaml")
    assert "[es]" not in run("-d", user, "matrix", "nes1", "uk")
    with_titles = run("-d", user, "matrix", "nes1", "uk", "--principles")
    assert "[es]" in with_titles and "[es]: the official wording" in " ".join(with_titles.split())


def test_a_spreadsheet_row_cites_its_framework_in_the_readers_language() -> None:
    rows = list(csv.DictReader(io.StringIO(run("matrix", "uk", "ca", "--format", "csv"))))
    ca = next(r for r in rows if r["framework"] == "ca-digital-standards")
    assert ca["year"] == "2018" and ca["publisher"].startswith("Treasury Board of Canada Secretariat")
    assert ca["licence"].startswith("Not stated") and "/en/" in ca["url"]
    french = list(csv.DictReader(io.StringIO(run("--lang", "fr", "matrix", "uk", "ca", "--format", "csv"))))
    ca_fr = next(r for r in french if r["référentiel"] == "ca-digital-standards")
    assert "/fr/" in ca_fr["url"] and ca_fr["éditeur"].startswith("Secrétariat du Conseil du Trésor du Canada")


def test_the_html_heatmap_warns_of_untagged_columns_and_counts_out_of_all() -> None:
    # Reported: the emailed HTML dropped the untagged-column warning the terminal gives, and headed its count '#'.
    user = str(FIXTURES / "dev-native" / "nes1.yaml")
    html = run("-d", user, "matrix", "nes1", "uk", "--format", "html")
    assert "12 of its 12 principles carry no themes of their own" in html
    assert ">#/2</abbr>" in html
