"""Documents in a real browser: headless Chromium opens each, prints it to PDF and photographs it.

What the offline checks cannot see is seen here: the page renders with no console error, asks for nothing but
itself, prints on A4 (and on Letter) to a sensible number of pages without running off the paper, and every
piece of text is drawn at a contrast of 4.5:1 or more on what is behind it.

Skipped, with the reason, where no Chromium is installed; under CI (``CI=true``) its absence fails instead,
since ``.ci/run`` installs it. The timeouts in :mod:`tests.browser` only guard against a hung browser.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app

from .browser import A4, LETTER, Browser, Page, find_browser, page_count
from .export.test_palette import AA, contrast

DOCUMENTS = {
    "show.html": (["show", "uk", "au", "ca"], range(3, 9)),
    "show-fr.html": (["show", "uk", "au", "ca", "--lang", "fr"], range(3, 9)),
    "matrix.html": (["matrix", "uk", "au", "ca", "us"], range(3, 9)),
    "matrix.svg": (["matrix", "uk", "au", "ca"], range(1, 5)),
    # A briefing of three frameworks prints to a few dozen pages (51 in French since the gap tables gained a column).
    "brief.html": (["brief", "uk", "au", "ca"], range(15, 60)),
    "brief-fr.html": (["brief", "uk", "au", "ca", "--lang", "fr"], range(15, 60)),
}
"""Each document, the command that writes it, and how many A4 pages it may print to."""
PRINTABLE_WIDTH = 688
"""CSS pixels between the margins of an A4 page (210 mm less 2 x 14 mm); Letter's are wider."""
LANDSCAPE_WIDTH = 1017
"""The same across an A4 page printed landscape (297 mm less 2 x 14 mm), where wide tables go."""
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_browser()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no Chromium is installed: .ci/run installs the chromium package")
        pytest.skip("no Chromium on this machine (apt-get install chromium); the browser checks did not run")
    with Browser.start(executable) as started:
        yield started


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    for name, (args, _) in DOCUMENTS.items():
        result = CliRunner().invoke(app, [*args, "-o", str(folder / name)])
        assert result.exit_code == 0, result.stderr
    return folder


def opened(browser: Browser, documents: Path, name: str) -> Page:
    page = browser.open(documents / name)
    assert page.errors == [], "no console error, exception or failed load"
    assert page.requests == [page.url], "nothing asked for but the document itself"
    return page


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_document_renders_prints_and_loads_nothing(browser: Browser, documents: Path, name: str) -> None:
    page = opened(browser, documents, name)
    pdf = page.pdf(A4)
    assert pdf.startswith(b"%PDF-") and page_count(pdf) in DOCUMENTS[name][1], page_count(pdf)
    png = page.screenshot()
    assert png.startswith(PNG)
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert width >= 800 and height >= 600
    assert page.errors == [], "printing and photographing raised nothing either"


@pytest.mark.parametrize("name", ["show.html", "show-fr.html", "matrix.html", "brief.html"])
def test_a_page_prints_on_a4_and_letter_within_the_margins(browser: Browser, documents: Path, name: str) -> None:
    page = opened(browser, documents, name)
    letter = page.pdf(LETTER, css_page_size=False)
    assert page_count(letter) in DOCUMENTS[name][1]
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    # Tables of many columns (.wide) print on landscape pages; everything else on upright ones.
    for width, which in ((PRINTABLE_WIDTH, ":not(.wide) > table"), (LANDSCAPE_WIDTH, ".wide > table")):
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
        )
        widest = page.evaluate(f"Math.max(0, ...Array.from(document.querySelectorAll('{which}'), t => t.scrollWidth))")
        assert widest <= width, f"a table is {widest} px wide on a page {width} px wide: it would be cut"
        if which.startswith(":not"):
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0 or page.evaluate("document.querySelectorAll('.wide').length") > 0


TEXT_COLOURS = """(() => {
  const rgb = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const behind = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const hex = (c) => '#' + c.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('');
  const found = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const element = walker.currentNode.parentElement;
    if (!text || element.closest('.visually-hidden, script, style, title')) continue;
    const key = hex(rgb(getComputedStyle(element).color).slice(0, 3)) + ' on ' + hex(behind(element));
    found[key] = found[key] || element.tagName.toLowerCase() + '.' + element.className + ': ' + text.slice(0, 30);
  }
  return found;
})()"""


@pytest.mark.parametrize("name", ["show.html", "matrix.html", "brief.html"])
@pytest.mark.parametrize("media", ["screen", "print"])
def test_every_text_is_drawn_at_aa_contrast(browser: Browser, documents: Path, name: str, media: str) -> None:
    page = opened(browser, documents, name)
    page.send("Emulation.setEmulatedMedia", {"media": media})
    drawn: dict[str, str] = page.evaluate(TEXT_COLOURS)
    assert len(drawn) >= 4, drawn
    faint = {pair: where for pair, where in drawn.items() if contrast(*pair.split(" on ")) < AA}
    assert not faint, faint


def test_no_browser_is_found_on_a_path_without_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_browser() is None
    (tmp_path / "chromium").write_text("#!/bin/sh\n")
    (tmp_path / "chromium").chmod(0o755)
    assert find_browser() == str(tmp_path / "chromium")


def test_pages_are_counted_without_the_page_tree() -> None:
    pdf = b"%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R]>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type/Page>>"
    assert page_count(pdf) == 2
