"""A framework that states no year (``adopted: null`` with ``undated``) reads "n.d." in every report, never "None"."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app

CATALOG = """\
jurisdiction:
  code: zz
  name: Testland
frameworks:
  - id: zz-living
    title: Living principles
    publisher: Testland Digital Office
    adopted: null
    undated: A web page that shows no date.
    url: https://example.org/living
    principles:
      - number: 1
        title: Start with user needs
        summary: Research who uses the service and what they need before building it.
  - id: zz-dated
    title: Dated principles
    publisher: Testland Digital Office
    adopted: 2020
    url: https://example.org/dated
    principles:
      - number: 1
        title: Understand users and their needs
        summary: Find out what the people who use the service need and design for it.
"""


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "csv"],
        ["list", "--format", "markdown"],
        ["show", "zz-living", "zz-dated"],
        ["diff", "zz-living", "zz-dated"],
    ],
)
@pytest.mark.parametrize("width", [60, 140])
def test_no_year_reads_nd(tmp_path: Path, args: list[str], width: int) -> None:
    (tmp_path / "zz.yaml").write_text(CATALOG, encoding="utf-8")
    result = CliRunner().invoke(app, ["-d", str(tmp_path), *args], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    assert "None" not in result.stdout
    assert "n.d." in result.stdout


def test_no_year_reads_sd_in_french(tmp_path: Path) -> None:
    (tmp_path / "zz.yaml").write_text(CATALOG, encoding="utf-8")
    result = CliRunner().invoke(app, ["-d", str(tmp_path), "--lang", "fr", "list"], env={"COLUMNS": "140"})
    assert result.exit_code == 0, result.stderr
    assert "None" not in result.stdout and "s.d." in result.stdout


def test_an_undated_edition_has_no_known_age(tmp_path: Path) -> None:
    # Reported: an undated NEW counted as year 0, so diff warned "zz-living (None) is older than zz-dated (2020)".
    (tmp_path / "zz.yaml").write_text(CATALOG, encoding="utf-8")
    for old, new in (("zz-dated", "zz-living"), ("zz-living", "zz-dated")):
        result = CliRunner().invoke(app, ["-d", str(tmp_path), "diff", old, new], env={"COLUMNS": "100"})
        assert result.exit_code == 0 and "older" not in result.stderr, result.stderr
