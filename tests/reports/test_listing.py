"""``list --ranks``: every format says what the EGDI rank is, cites each rank's page and explains a missing year."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare import load_catalog
from dgcompare.cli import app
from dgcompare.reports.listing import NO_RANK, listing

RANKED = """\
jurisdiction:
  code: xa
  name: Aland
  egov_ranks:
    - {year: 2018, rank: 3, source: https://example.org/survey-2018}
    - {year: 2020, rank: 5, source: https://example.org/survey-2020}
frameworks:
  - {id: xa-one, title: One, publisher: P, adopted: 2019, url: https://example.org/a,
     principles: [{number: 1, title: A}]}
"""
GAP = """\
jurisdiction:
  code: xb
  name: Beland
  egov_ranks:
    - {year: 2020, rank: 40, source: https://example.org/survey-2020}
frameworks:
  - {id: xb-one, title: One, publisher: P, adopted: 2019, url: https://example.org/b,
     principles: [{number: 1, title: A}]}
"""
BODY = """\
jurisdiction:
  code: xo
  name: Organisation
  un_member_state: false
frameworks:
  - {id: xo-one, title: One, publisher: P, adopted: 2019, url: https://example.org/o,
     principles: [{number: 1, title: A}]}
"""
WHAT = ("E-Government Development Index (EGDI)", "United Nations E-Government Survey", "193")
COMPARE = "compare ranks of the same survey year only"
GAP_NOTE = "does not mean the country was unranked"


def run(*args: str, width: int = 200) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def flat(text: str) -> str:
    """``text`` without whitespace: addresses folded across lines on a narrow terminal read whole again."""
    return "".join(text.split())


def rank_pages() -> set[str]:
    return {r.source for entry in load_catalog().files for r in entry.jurisdiction.egov_ranks}


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    for name, text in (("xa", RANKED), ("xb", GAP), ("xo", BODY)):
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_survey_year_without_a_rank_is_a_gap_in_the_catalog_not_unranked(catalog_dir: Path) -> None:
    result = listing(load_catalog([catalog_dir], builtin=False))
    assert result.egov_surveys == (2018, 2020)
    a, b, o = result.jurisdictions
    assert (a.egov_missing, b.egov_missing, o.egov_missing) == ((), (2018,), ())
    assert result.ranks_by_year(b) == ((2018, NO_RANK), (2020, "40"))
    assert result.ranks_by_year(o) == (), "the survey does not rank an organisation: no row of dashes"
    what, gap, outside = result.rank_notes("en")
    assert all(words in what for words in WHAT) and COMPARE in what
    assert GAP_NOTE in gap and "xb 2018" in gap and "xa" not in gap
    assert outside == "xo is not a UN Member State: the survey does not rank it."
    assert "2018 survey, which does not mean it was unranked" in result.rank_note(b)
    assert result.rank_note(a) == "Compare ranks of the same survey year only."


def test_each_rank_page_is_cited_once_per_survey_year_with_the_ranks_it_gives(catalog_dir: Path) -> None:
    references = listing(load_catalog([catalog_dir], builtin=False)).references()
    assert [r.text for r in references] == [
        "UN E-Government Survey 2018, EGDI rank of xa: https://example.org/survey-2018",
        "UN E-Government Survey 2020, EGDI ranks of xa, xb: https://example.org/survey-2020",
    ]


def test_a_catalog_without_ranks_says_nothing_about_them(tmp_path: Path) -> None:
    (tmp_path / "xo.yaml").write_text(BODY, encoding="utf-8")
    result = listing(load_catalog([tmp_path], builtin=False))
    assert result.rank_notes("en") == () and result.references() == () and result.egov_ranks_note == ""
    assert result.legend() == ("A jurisdiction code selects its default framework.",)


@pytest.mark.parametrize("width", [60, 80, 200])
def test_the_table_says_what_the_rank_is_and_cites_every_rank_page(width: int) -> None:
    out = run("list", "--ranks", width=width)
    words = " ".join(out.split())
    assert all(w in words for w in WHAT) and COMPARE in words and GAP_NOTE in words
    assert "ca 2022, 2024" in words, "Canada's series stops in 2020: the note says which years are missing"
    assert "eu, intl, oecd are not UN Member States" in words
    assert "Sources of the ranks:" in words
    missing = [url for url in rank_pages() if flat(url) not in flat(out)]
    assert not missing, f"rank pages not cited at {width} columns: {missing}"


@pytest.mark.parametrize("width", [60, 80, 200])
def test_each_rank_stays_under_its_survey_year(width: int) -> None:
    # Reported: Canada's 28 (2020) read beside the UK's 7 (2024); every survey year is shown, a dash where none.
    lines = run("list", "--ranks", width=width).splitlines()
    start = next(i for i, line in enumerate(lines) if "Canada" in line)
    block = "\n".join(lines[start : start + 4])
    if width == 200:  # a column of its own: one "rank (year)" a line
        assert all(f in block for f in ("23 (2018)", "28 (2020)", f"{NO_RANK} (2022)", f"{NO_RANK} (2024)"))
    else:  # under the name: the years, then the ranks beneath them
        at = next(i for i in range(start, len(lines)) if "2018 2020 2022 2024" in lines[i])
        years, ranks = lines[at], lines[at + 1]
        assert ranks.split() == ["23", "28", NO_RANK, NO_RANK]
        assert ranks.rindex("28") + 2 == years.rindex("2020") + 4, "each rank right-aligned under its year"


def test_without_ranks_the_table_leaves_them_out() -> None:
    out = " ".join(run("list").split())
    assert "EGDI" not in out and "Sources of the ranks" not in out


def test_csv_names_the_columns_and_gives_each_row_its_sources_and_note() -> None:
    rows = list(csv.DictReader(io.StringIO(run("list", "--format", "csv"))))
    assert "egov_ranks" not in rows[0]
    ca = next(r for r in rows if r["jurisdiction"] == "ca")
    assert ca["UN EGDI rank of 193, by survey year"] == f"2018: 23; 2020: 28; 2022: {NO_RANK}; 2024: {NO_RANK}"
    assert ca["UN EGDI rank sources"].startswith("2018: https://") and "2020: https://" in ca["UN EGDI rank sources"]
    assert "2022, 2024 surveys, which does not mean it was unranked" in ca["UN EGDI rank note"]
    assert "Compare ranks of the same survey year only." in ca["UN EGDI rank note"]
    eu = next(r for r in rows if r["jurisdiction"] == "eu")
    assert eu["UN EGDI rank of 193, by survey year"] == "" and "Not a UN Member State" in eu["UN EGDI rank note"]


def test_markdown_explains_the_ranks_in_its_legend_and_cites_their_pages() -> None:
    markdown = run("list", "--format", "markdown")
    header = next(line for line in markdown.splitlines() if line.startswith("| jurisdiction"))
    assert "egov_ranks" not in header and "UN EGDI rank of 193, by survey year" in header
    legend = markdown.split("## Legend", 1)[1].split("## Sources", 1)[0]
    assert all(w in legend for w in WHAT) and COMPARE in legend and GAP_NOTE in legend
    sources = markdown.split("## Sources", 1)[1]
    missing = [url for url in rank_pages() if f"{url}\n" not in sources]
    assert not missing, missing


def test_html_links_every_rank_page_and_explains_the_ranks() -> None:
    html = run("list", "--format", "html")
    sources = html.split('id="sources"', 1)[1]
    missing = [url for url in rank_pages() if f'<a href="{url.replace("&", "&amp;")}">' not in sources]
    assert not missing, missing
    legend = html.split('id="legend"', 1)[1].split('id="sources"', 1)[0]
    assert all(w in legend for w in WHAT) and "the catalog holds no verified rank" in legend


def test_json_keeps_its_keys_and_carries_the_same_explanation() -> None:
    data = json.loads(run("list", "--format", "json"))
    assert data["egov_surveys"] == [2018, 2020, 2022, 2024]
    assert all(w in data["egov_ranks_note"] for w in WHAT) and GAP_NOTE in data["egov_ranks_note"]
    by_code = {j["code"]: j for j in data["jurisdictions"]}
    assert [sorted(r) for r in by_code["ca"]["egov_ranks"]] == [["rank", "source", "year"]] * 2
    assert by_code["ca"]["egov_missing"] == [2022, 2024]
    assert by_code["eu"]["un_member_state"] is False and by_code["eu"]["egov_missing"] == []


def test_the_json_note_stays_english_and_the_other_formats_speak_french() -> None:
    data = json.loads(run("list", "--lang", "fr", "--format", "json"))
    assert data["egov_ranks_note"].startswith("UN EGDI rank: ")
    markdown = run("list", "--lang", "fr", "--format", "markdown")
    assert "Rang EGDI (ONU) sur 193, par année d’enquête" in markdown
    assert "ne veut pas dire que le pays n’était pas classé" in markdown
    assert "Enquête des Nations unies sur l’administration en ligne 2018, rangs EGDI (au, dk, nz, uk)" in markdown


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_width_makes_the_table_wider_than_the_terminal(lang: str) -> None:
    # Reported: at 80 columns in French ('Année' is wider than 'Year') the table came out one column too wide and
    # the terminal cut the last letter of titles ('Recommendation of the Council o').
    from rich.cells import cell_len
    from rich.console import Console

    from dgcompare.render import THEME
    from dgcompare.reports.listing import ListingView

    result = listing(load_catalog(), lang)
    for width in (60, *range(70, 91), 120):  # round 80, where the French headers tipped it over
        console = Console(width=width, file=io.StringIO(), color_system=None, theme=THEME)
        console.print(ListingView(result, ranks=True), crop=False)
        too_wide = [line for line in console.file.getvalue().splitlines() if cell_len(line) > width]
        assert not too_wide, (width, too_wide[:2])
