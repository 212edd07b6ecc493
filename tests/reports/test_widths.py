"""Narrow terminals: no report drops or cuts an identifying column or id, at 60, 80 or 200 columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app

from ..conftest import VALID

REPORTS = {
    "show": ["show", "uk", "au"],
    "show-four": ["show", "uk", "au", "ca", "us"],
    "show-nine": ["show", "uk", "au", "ca", "us", "nz", "dk", "eu", "intl", "oecd"],
    "detail": ["show", "ca:1"],
    "detail-fr": ["show", "ca:5", "--lang", "fr"],
    "gaps": ["gaps", "ca"],
    "gaps-dk": ["gaps", "ca", "--against", "dk"],
    "matrix": ["matrix"],
    "matrix-principles": ["matrix", "--principles"],
    "diff": ["diff", "au-dss-v1", "au-dss-v2"],
    "diff-long-ids": ["diff", "uk-dss-2015", "uk-service-standard-2019"],
    "themes": ["themes"],
    "coverage": ["coverage", "uk", "au", "ca"],
    "search": ["search", "open source"],
    "search-long-words": ["search", "Datenschutz"],
    "explain": ["explain", "uk:9", "ca:5"],
    "list": ["list", "--ranks"],
}


def run(args: list[str], width: int) -> str:
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def ids_in(args: list[str]) -> set[str]:
    """Every framework id and principle reference the JSON of the same report names."""
    data = json.loads(run([*args, "--format", "json"], 200))
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str) and "-" in value["id"]:
                found.add(value["id"])
            # The quality figures a caution quotes are named by the sets measured, not frameworks.
            for key, item in value.items():
                if key != "kinds_caution":
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


@pytest.mark.parametrize("width", [60, 80, 200])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_nothing_is_cut_and_every_id_stays_whole(name: str, width: int) -> None:
    # Reported: "dk-digital-ready-legislation…" lost its number; "Interoperabili…"; ids split mid-word.
    args = REPORTS[name]
    out = run(args, width)
    assert "…" not in out, "nothing is cut with an ellipsis"
    words = set(re.findall(r"[\w.-]+", out))
    missing = sorted(i for i in ids_in(args) if i not in words and not any(w.startswith(i + ":") for w in words))
    assert not missing, f"ids not shown whole at {width} columns: {missing}"


def test_the_matrix_keeps_its_theme_column_and_every_framework_at_60_columns() -> None:
    # Reported: COLUMNS=60 dgcompare matrix dropped the Theme column.
    out = run(["matrix"], 60)
    data = json.loads(run(["matrix", "--format", "json"], 60))
    assert out.count("Themes covered") >= 2, "frameworks that do not fit go to a second table"
    headers = " ".join(line for line in out.splitlines() if line.startswith("Theme "))
    for f in data["frameworks"]:
        assert re.search(rf"\b{re.escape(f['jurisdiction'])}\*?\b", headers), f["jurisdiction"]
    for row in data["rows"]:
        first = row["label"].split()[0]
        assert first in out


def test_a_long_jurisdiction_name_does_not_squeeze_the_titles(tmp_path: Path) -> None:
    # Reported: a 50-character jurisdiction name from a user file squeezed the Title column to 10 characters.
    text = (VALID / "on.yaml").read_text(encoding="utf-8")
    name = "The Provincial Government of Ontario Ministry of Public and Business Service Delivery"
    (tmp_path / "on.yaml").write_text(text.replace("name: Ontario\n", f"name: {name}\n", 1), encoding="utf-8")
    out = CliRunner().invoke(app, ["-d", str(tmp_path), "list"], env={"COLUMNS": "80"}).stdout
    assert "Ontario Digital Service Standard" in out, "a title keeps a readable width"


def test_many_frameworks_are_stacked_rather_than_squeezed() -> None:
    # Reported: a 9-framework show ran to 278 lines of one-word columns.
    out = run(REPORTS["show-nine"], 80)
    # After the caution that nine frameworks of several kinds bring.
    assert out.startswith("Caution: ") and "\nRows: uk-service-standard-2019;" in out
    assert re.search(r"^    = 0\.80\* au-dss-v2:2 Know your user$", out, flags=re.M)


@pytest.mark.parametrize("width", [40, 60, 76])
def test_list_keeps_every_title_whole_however_narrow(width: int) -> None:
    # Reported: below about 76 columns list cut titles without an ellipsis ("Government of C").
    out = " ".join(run(["list"], width).split())
    data = json.loads(run(["list", "--format", "json"], 200))
    for j in data["jurisdictions"]:
        for f in j["frameworks"]:
            shown = f["title_translations"].get("en", {}).get("text", f["title"])  # ours where not in English
            assert shown in out, (width, shown)


def test_list_says_how_many_items_each_framework_leaves_out() -> None:
    out = " ".join(run(["list"], 120).split())
    assert "3 principles · 5 left out of the catalog" in out


@pytest.mark.parametrize("width", [80, 100, 120])
def test_theme_labels_keep_their_words_whole(width: int) -> None:
    # Reported: at 80 columns "administrative burden" was split "administrativ / e burden".
    out = run(["gaps", "ca", "--kind", "declaration"], width)
    data = json.loads(run(["gaps", "ca", "--kind", "declaration", "--format", "json"], width))
    words = set(out.split())
    for gap in data["gaps"]:
        for word in gap["label"].split():
            assert word in words or word.rstrip(",") in words or f"({word}" in out, (width, word)


def test_a_diff_of_two_jurisdictions_carries_its_caution_into_the_exports() -> None:
    # Reported: the two-jurisdiction warning went to the terminal's error stream only, never into the file.
    for fmt in ("markdown", "json"):
        assert "two jurisdictions" in run(["diff", "ca", "uk", "--format", fmt], 120) or fmt == "json"
    data = json.loads(run(["diff", "ca", "uk", "--format", "json"], 120))
    assert data["mismatch"] == "other-jurisdiction"
    assert "Caution: these are frameworks of two jurisdictions" in run(["diff", "ca", "uk"], 120)


def test_at_60_columns_each_link_between_other_frameworks_keeps_its_counterpart_indented_under_it() -> None:
    # Reported: run together and wrapped, the pairs below a stacked table could not be told apart.
    text = run(["show", "uk", "au", "ca", "--inferred-only"], 60)
    side = text[text.index("Links between the other frameworks") :].splitlines()
    # The mark leads each link, so that wrapping never parts it from its score.
    starts = [line for line in side if re.match(r"[=~] \d\.\d\d\*? au-dss-v2:\d+ ", line)]
    counterparts = [line for line in side if re.match(r" {4}ca-digital-standards:\d+ ", line)]
    assert starts and len(starts) == len(counterparts)
    assert not any(re.fullmatch(r"[=~] ?|\d\.\d\d\*?", line.strip()) for line in side), "a mark or score alone"


def test_at_60_columns_a_peer_s_counts_wrap_under_the_peer() -> None:
    # Reported: "...5 partly covered, 7" wrapped to an unindented "not covered" line.
    lines = run(["gaps", "it", "--against", "uk-service-standard-2019,au-dss-v2,ca-digital-standards"], 60).splitlines()
    counts = [i for i, line in enumerate(lines) if re.match(r"  [a-z]+-[\w-]+ \(\w+\): \d+ covered", line)]
    assert len(counts) == 3
    wrapped = [lines[i + 1] for i in counts if re.fullmatch(r"\s*(\d+ )?(not |partly )?covered(, .*)?", lines[i + 1])]
    assert wrapped, "one count line wraps at 60 columns"
    assert all(line.startswith("  ") for line in wrapped), wrapped


@pytest.mark.parametrize("width", [60, 80, 100, 200])
def test_a_principle_linked_only_to_other_columns_names_them_whole(width: int) -> None:
    # Reported: at 80 columns 'linked to uk-service-standard-2019:7' broke as 'uk-service-standard-2019' / ':7,'.
    out = run(["show", "ca", "uk", "us", "--inferred-only"], width)
    assert "linked to" in out or "uk-service-standard-2019:" in out
    assert not re.search(r"^\s*:\d", out, flags=re.M), "a framework:number reference is split"


@pytest.mark.parametrize("width", [60, 70, 80, 100, 120, 200])
def test_the_matrix_keeps_its_count_of_frameworks_covering_at_any_width(width: int) -> None:
    # Reported: at 80 columns the last table was full and the '#' column the legend explains was gone.
    out = run(["matrix"], width)
    headers = [line for line in out.splitlines() if line.startswith("Theme ")]
    count = len(json.loads(run(["matrix", "--format", "json"], width))["frameworks"])
    assert headers[-1].rstrip().endswith(f"#/{count}") and all("#/" not in h for h in headers[:-1])
    assert f"#/{count} = how many of the {count} frameworks cover the theme" in " ".join(out.split())
