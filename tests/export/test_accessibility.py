"""The offline accessibility check finds each problem it is meant to find, and passes a page that has none."""

from __future__ import annotations

import pytest

from .accessibility import problems, svg_problems

GOOD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Report</title><style>body { color: #000; }</style></head>
<body><h1>Report</h1><h2 id="a">Part</h2><h3>Detail</h3><h2>Other</h2>
<table><caption>Figures</caption><tr><th scope="col">x</th></tr><tr><th scope="row">y</th><td>1</td></tr></table>
<p><a href="https://example.org">a source</a></p>
<svg role="img" aria-labelledby="t"><title id="t">Chart</title><rect/></svg>
<section aria-labelledby="a"></section></body></html>"""


def test_a_good_page_has_no_problem() -> None:
    assert problems(GOOD) == []


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (('<html lang="en">', "<html>"), "<html> has no lang"),
        (("<title>Report</title>", "<title> </title>"), "no <title>, or an empty one"),
        (("<h1>Report</h1>", "<h1>Report</h1><h1>Again</h1>"), "2 <h1> elements; a document has one"),
        (("<h3>Detail</h3>", "<h4>Detail</h4>"), "heading levels skip from h2 to h4"),
        (("<caption>Figures</caption>", ""), "a table without a caption first"),
        (('<th scope="row">', "<th>"), "<th> without a scope: {}"),
        (('<a href="https://example.org">a source</a>', '<a href="https://example.org"></a>'), "without text"),
        (('<a href="https://example.org">', "<a>"), "<a> without href: 'a source'"),
        (('<svg role="img" aria-labelledby="t"><title id="t">Chart</title>', "<svg>"), "<svg> without <title>"),
        (('aria-labelledby="t"', 'aria-labelledby="nothing"'), "aria-labelledby names no element"),
        (('<h2 id="a">Part</h2>', '<h2 id="t">Part</h2>'), "ids used more than once: ['t']"),
        (("color: #000;", "background: url(https://cdn.example/x.png);"), "the stylesheet loads something"),
        (("<style>", '<link rel="stylesheet" href="https://cdn.example/x.css"><style>'), "<link> loads"),
        (("</body>", "<script>alert(1)</script></body>"), "<script> runs or loads something"),
        (("<p>", '<p style="background: url(x.png)">'), "<p style> loads something"),
        (("</section>", "</div>"), "</div> closes <section>"),
        (("<p>", "<img><p>"), "<img> without alt"),
        (("<p>", '<img src="logo.png" alt="Logo"><p>'), "<img> loads logo.png"),
    ],
)
def test_each_problem_is_found(change: tuple[str, str], found: str) -> None:
    assert change[0] in GOOD
    found_problems = problems(GOOD.replace(*change, 1))
    assert any(found in problem for problem in found_problems), found_problems


SVG = """<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t d" lang="en"
font-family="Arial, sans-serif"><title id="t">Chart</title><desc id="d">What it shows</desc>
<text x="1" y="1">word</text></svg>"""


def test_a_good_image_has_no_problem() -> None:
    assert svg_problems(SVG) == []


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (('role="img" ', ""), 'the image is not role="img"'),
        (('<desc id="d">What it shows</desc>', ""), "no <desc>"),
        (('font-family="Arial, sans-serif"', 'font-family="Roboto"'), "does not end with a generic family"),
        ((' lang="en"', ""), "the image says no language"),
        (("<text", '<image href="https://example.org/x.png"/><text'), "loads or links something"),
    ],
)
def test_each_image_problem_is_found(change: tuple[str, str], found: str) -> None:
    assert change[0] in SVG
    assert any(found in problem for problem in svg_problems(SVG.replace(*change)))
