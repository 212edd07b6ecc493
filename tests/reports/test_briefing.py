"""A briefing is the other reports put together: it must say what they say, section by section."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.catalog import load_catalog
from dgcompare.cli import app
from dgcompare.matcher import MatchConfig, MatcherIndex
from dgcompare.models import Catalog, resolve_token
from dgcompare.reports.briefing import Briefing, briefing, load_quality
from dgcompare.reports.comparison import compare
from dgcompare.reports.coverage import coverage
from dgcompare.reports.gaps import gaps
from dgcompare.reports.matrix import coverage_matrix

from ..conftest import FIXTURES

DAY = datetime.date(2026, 1, 2)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def brief(catalog: Catalog, *tokens: str, against: tuple[str, ...] = (), lang: str = "en", **kw: object) -> Briefing:
    frameworks = [resolve_token(catalog, t) for t in tokens]
    peers = [resolve_token(catalog, t) for t in against]
    return briefing(MatcherIndex(catalog), frameworks, peers, lang=lang, today=DAY, **kw)  # type: ignore[arg-type]


def test_the_five_sections_come_in_order_in_both_languages(catalog: Catalog) -> None:
    english = brief(catalog, "uk", "au")
    french = brief(catalog, "uk", "au", lang="fr")
    assert [s.key for s in english.sections()] == ["summary", "alignment", "gaps", "heatmap", "method"]
    assert [s.key for s in french.sections()] == [s.key for s in english.sections()]
    assert [s.heading for s in english.sections()] == [
        "Summary",
        "Alignment",
        "Gaps",
        "Theme coverage",
        "Sources and method",
    ]
    assert not {s.heading for s in french.sections()} & {s.heading for s in english.sections()}


def test_each_section_says_what_its_report_says(catalog: Catalog) -> None:
    index = MatcherIndex(catalog)
    uk, au, ca = (resolve_token(catalog, t) for t in ("uk", "au", "ca"))
    result = brief(catalog, "uk", "au", "ca")
    tables = {s.key: [t.table for t in s.tables] for s in result.sections()}
    assert tables["alignment"] == [compare(index, [uk, au, ca]).table()]
    assert tables["summary"][1] == coverage(index, [uk, au, ca]).table()
    expected_gaps = [gaps(index, f, [p for p in (uk, au, ca) if p != f]).table() for f in (uk, au, ca)]
    assert tables["gaps"][1::2] == expected_gaps
    matrix = coverage_matrix(index, [uk, au, ca])
    behind = {(row[0], int(row[1])) for row in tables["heatmap"][1].rows}
    named = {
        (f.id, n)
        for row in matrix.rows
        for f, c in zip(matrix.frameworks, row.cells, strict=True)
        for n in c.principles
    }
    assert behind == named, "every principle a cell names is listed once"
    assert len(tables["heatmap"][1].rows) == len(behind)


def test_the_summary_states_each_peers_coverage_as_the_gap_reports_count_it(catalog: Catalog) -> None:
    result = brief(catalog, "uk", "au", "ca")
    summary = result.summary()
    for report in result.gaps:
        for peer in report.coverage:
            total = peer.covered + peer.partly_covered + peer.not_covered
            assert any(
                p.startswith(f"{report.target.id} covers {peer.covered} of the {total} commitments of {peer.peer}")
                and f"{peer.partly_covered} partly and {peer.not_covered} not at all" in p
                for p in summary.points
            ), (report.target.id, peer.peer)
    # The gap reports' "fully" and the coverage table's "equivalent" differ on curated subsets: the reader is told.
    assert any("coverage table" in p for p in summary.paragraphs)


def test_the_heatmap_grid_gives_every_theme_a_row_and_every_framework_a_column(catalog: Catalog) -> None:
    result = brief(catalog, "uk", "au")
    grid = result.heatmap().tables[0].table
    assert grid.header[1:3] == tuple(f.id for f in result.frameworks)
    assert len(grid.rows) == len(catalog.themes)
    cell = result.matrix.rows[0].cells[0]
    assert grid.rows[0][1].startswith({"tagged": "tagged", "inferred": "inferred"}.get(cell.level, cell.level))
    for row, matrix_row in zip(grid.rows, result.matrix.rows, strict=True):
        for text, cell in zip(row[1:-1], matrix_row.cells, strict=True):
            assert all(str(n) in text for n in cell.principles)


def test_against_examines_only_the_named_frameworks(catalog: Catalog) -> None:
    result = brief(catalog, "ca", against=("uk", "au"))
    assert result.examined == ("ca-digital-standards",)
    assert [g.target.id for g in result.gaps] == ["ca-digital-standards"]
    assert [p.id for p in result.gaps[0].peers] == ["uk-service-standard-2019", "au-dss-v2"]
    assert [f.id for f in result.frameworks] == ["ca-digital-standards", "uk-service-standard-2019", "au-dss-v2"]


def test_without_against_each_framework_is_examined_against_the_others(catalog: Catalog) -> None:
    result = brief(catalog, "uk", "au", "ca")
    assert [(g.target.id, [p.id for p in g.peers]) for g in result.gaps] == [
        ("uk-service-standard-2019", ["au-dss-v2", "ca-digital-standards"]),
        ("au-dss-v2", ["uk-service-standard-2019", "ca-digital-standards"]),
        ("ca-digital-standards", ["uk-service-standard-2019", "au-dss-v2"]),
    ]


def test_a_theme_narrows_every_section(catalog: Catalog) -> None:
    result = brief(catalog, "uk", "au", theme="security")
    assert result.theme is not None and result.theme.id == "security"
    assert result.comparison.theme == result.theme
    assert [r.theme for r in result.matrix.rows] == ["security"]
    assert all(g.theme == result.theme for g in result.gaps)
    assert result.theme.note("en") in result.summary().paragraphs


def test_the_method_gives_thresholds_quality_version_and_date(catalog: Catalog) -> None:
    config = MatchConfig(equivalent=0.4, related=0.25, curated=False)
    result = brief(catalog, "uk", "au", config=config)
    method = result.method_section()
    text = " ".join(method.paragraphs)
    assert "0.40" in text and "0.25" in text
    assert "--inferred-only" in text
    assert f"on {DAY.isoformat()}" in text
    measured, quality = load_quality()
    assert [row[0] for row in method.tables[1].table.rows] == [q.label for q in quality]
    assert measured.isoformat() in text
    sources = method.tables[0].table
    assert [row[4] for row in sources.rows] == [f.url for f in result.frameworks]
    assert all(row[5] for row in sources.rows), "every source states its licence, or that none is stated"
    assert list(method.points) == [f.citation("en") for f in result.frameworks], "each cited, edition included"


def test_items_left_out_of_the_catalog_are_named_in_the_method(catalog: Catalog) -> None:
    with_omissions = next(f for f in catalog.frameworks() if f.omitted)
    other = next(f for f in catalog.defaults() if f.id != with_omissions.id)
    result = briefing(MatcherIndex(catalog), [with_omissions, other], today=DAY)
    text = " ".join(result.method_section().paragraphs)
    assert "left out of the catalog, and why, are in the last table" in text
    assert result.method_section().tables[-1].table.rows[0][0] == with_omissions.id


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_numbers_columns_hold_numbers(catalog: Catalog, lang: str) -> None:
    for section in brief(catalog, "uk", "au", lang=lang).sections():
        for captioned in section.tables:
            for row in captioned.table.rows:
                for column in captioned.table.numbers:
                    assert row[column] == "" or row[column].replace(".", "", 1).isdigit(), (
                        captioned.caption,
                        row[column],
                    )


def test_frameworks_of_different_kinds_get_one_caution_first(catalog: Catalog) -> None:
    result = brief(catalog, "de", "uk")
    caution = result.caution()
    assert caution is not None and "legislation principles" in caution and "service standard" in caution
    assert result.summary().paragraphs[1] == caution
    assert result.gap_section().paragraphs[0] == caution
    text = " ".join(p for s in result.sections() for p in s.paragraphs)
    assert "--kind" not in text, "brief has no --kind option to suggest"
    assert brief(catalog, "uk", "au").caution() is None


def test_the_library_writes_the_same_briefing_as_the_command_line(catalog: Catalog) -> None:
    import json

    from typer.testing import CliRunner

    import dgcompare
    from dgcompare.cli import app
    from dgcompare.errors import InputError
    from dgcompare.export import OutputFormat, export_briefing

    result = dgcompare.briefing(catalog, "ca", against="uk")
    assert [f.id for f in result.frameworks] == ["ca-digital-standards", "uk-service-standard-2019"]
    assert result.to_records() == [r.model_dump() for r in result.comparison.records()]
    assert result.provenance is not None and result.provenance.catalog_fingerprint == catalog.fingerprint
    cli = CliRunner().invoke(app, ["brief", "ca", "--against", "uk", "--format", "json"])
    ours = json.loads(export_briefing(result, OutputFormat.JSON))
    theirs = json.loads(cli.stdout)
    for data in (ours, theirs):
        data["method"].pop("date")
    assert ours == theirs
    with pytest.raises(InputError, match="two or more different frameworks"):
        dgcompare.briefing(catalog, "uk", against=["uk-service-standard-2019"])


def test_items_left_out_are_listed_with_why(catalog: Catalog) -> None:
    result = brief(catalog, "intl", "uk")
    (framework,) = (f for f in result.frameworks if f.omitted)
    left = result.method_section().tables[-1].table
    assert [(row[0], int(row[1]), row[2]) for row in left.rows] == [
        (framework.id, o.number, o.reason) for o in framework.omitted
    ]
    assert len(brief(catalog, "uk", "au").method_section().tables) == 2, "no empty table when nothing is left out"


def test_titles_quoted_in_another_language_say_which(catalog: Catalog) -> None:
    from dgcompare.export import OutputFormat, export_briefing

    result = brief(catalog, "uk", "ca", lang="fr")
    frameworks = result.summary().tables[0].table
    by_id = {row[0]: languages[2] for row, languages in zip(frameworks.rows, frameworks.languages, strict=True)}
    assert by_id == {"uk-service-standard-2019": "en", "ca-digital-standards": ""}, "Canada's French title is official"
    links = result.alignment().tables[0].table
    assert len(links.languages) == len(links.rows)
    assert all(len(cells) == len(links.header) for cells in links.languages)
    page = str(export_briefing(result, OutputFormat.HTML))
    assert page.count('lang="en"') >= sum(cells.count("en") for cells in links.languages)
    assert brief(catalog, "uk", "au").alignment().tables[0].table.languages[0] == ("",) * len(links.header)


def test_a_framework_of_no_declared_kind_is_no_other_kind(tmp_path: Path) -> None:
    (tmp_path / "on.yaml").write_text((FIXTURES / "principles" / "valid" / "on.yaml").read_text(), encoding="utf-8")
    catalog = load_catalog([tmp_path])
    result = brief(catalog, "on", "ca")
    assert result.caution() is None
    assert result.own == (("on-dss", str(tmp_path / "on.yaml")),)
    assert any(str(tmp_path / "on.yaml") in p and "not checked" in p for p in result.summary().paragraphs)


def test_a_link_says_which_side_makes_the_whole_commitment(catalog: Catalog) -> None:
    # A curated subset strong enough to read as equivalent covers one way: the gap report's "partly covered".
    result = brief(catalog, "au", "ca")
    table = result.alignment().tables[0].table
    column = table.header.index("covers the other wholly")
    one_way = [
        x for x in result.comparison.alignments if x.relation == "equivalent" and not (x.a_covers_b and x.b_covers_a)
    ]
    assert one_way, "the built-in au ~ ca crosswalk has such a link"
    x = one_way[0]
    (row,) = (
        r
        for r in table.rows
        if (r[0], r[1], r[3], r[4]) == (x.a.framework, str(x.a.number), x.b.framework, str(x.b.number))
    )
    assert row[column] in ("this one", "the counterpart")
    # The rows list the links first, in order, then the items linked to nothing.
    links = zip(table.rows, result.comparison.alignments, strict=False)
    both = next(r for r, y in links if y.a_covers_b and y.b_covers_a)
    assert both[column] == "both"


def test_across_kinds_the_alignment_legend_says_each_mark_once_and_the_summary_warns(catalog: Catalog) -> None:
    # Reported: with a caution first in the comparison's legend, the briefing dropped it and kept the link legend
    # twice.
    result = brief(catalog, "it", "uk")
    alignment = next(s for s in result.sections() if s.key == "alignment")
    assert sum(p.startswith("= equivalent:") for p in alignment.paragraphs) == 1
    summary = next(s for s in result.sections() if s.key == "summary")
    assert result.comparison.kinds_caution is not None
    assert any(result.comparison.kinds_caution.sentence("en") in p for p in summary.paragraphs)


def test_the_method_names_the_crosswalk_files_its_curated_links_come_from(catalog: Catalog) -> None:
    # Reported: with a crosswalk of the reader's own beside the built-in ones, the brief said only 'curated'.
    result = brief(catalog, "uk", "au", "ca")
    method = " ".join(result.method_section().paragraphs)
    used: dict[str, int] = {}
    for x in result.comparison.alignments:
        if x.source == "curated" and x.crosswalk:
            used[x.crosswalk] = used.get(x.crosswalk, 0) + 1
    assert len(used) >= 2
    for file, count in used.items():
        assert f"{file} ({count} links)" in method
    inferred = brief(catalog, "uk", "au", config=MatchConfig(curated=False))
    assert "Curated links come from" not in " ".join(inferred.method_section().paragraphs)


def test_each_peers_counts_say_how_they_differ_from_the_coverage_table() -> None:
    # Reported: the summary promised 'each peer's line of counts says by how much'; the brief's table did not.
    result = CliRunner().invoke(app, ["brief", "ca", "uk", "au", "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| au-dss-v2 |")]
    assert any("3 with an equivalent link, as coverage counts" in row for row in rows), rows
    assert "| peer | covered | partly covered | not covered | as coverage counts |" in result.stdout


def test_the_leading_gaps_say_how_far_each_is_a_gap() -> None:
    # Reported: 'Leading gaps' named three themes, two of them only partly covered; a skimming reader took all three
    # for absences.
    result = CliRunner().invoke(app, ["brief", "ca", "uk", "au", "--format", "markdown"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("- Leading gaps of ca-digital-standards"))
    assert "Reliability, availability and operations (a commitment of 1 peer, not covered)" in line
    assert "(commitments of 2 peers, partly covered)" in line


def test_a_leading_gap_under_a_theme_the_target_covers_elsewhere_says_so() -> None:
    # Reported: the brief named 'End-to-end service design' a leading gap of Canada while its heatmap showed it covered.
    result = CliRunner().invoke(app, ["brief", "ca", "nz", "eu", "dk", "--format", "markdown"], env={"COLUMNS": "200"})
    line = next(x for x in result.stdout.splitlines() if x.startswith("- Leading gaps of ca-digital-standards"))
    assert (
        "End-to-end service design (a commitment of 1 peer, not covered; the target covers the theme with other "
        "principles)"
    ) in line
