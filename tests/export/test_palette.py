"""The colours of documents: every text colour on its background reads at WCAG 2.2 AA, and the stylesheet and the
heatmap use no colour that is not in the palette."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app
from dgcompare.export import palette
from dgcompare.export.palette import Swatch

AA = 4.5
"""WCAG 2.2 AA: the least contrast of normal text with its background (1.4.3)."""
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def luminance(colour: str) -> float:
    """WCAG relative luminance of a CSS hex colour."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_gives_wcags_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#fff", "#ffffff") == pytest.approx(1)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes AA
    assert contrast("#777777", "#ffffff") < AA


@pytest.mark.parametrize(("name", "swatch"), sorted(palette.swatches().items()))
def test_every_text_colour_reads_on_its_background(name: str, swatch: Swatch) -> None:
    assert contrast(swatch.text, swatch.background) >= AA, name


def test_the_heatmap_grows_darker_with_coverage() -> None:
    fills = [luminance(palette.LEVELS[level].background) for level in ("tagged", "inferred", "touched", "none")]
    assert fills == sorted(fills)


def stylesheet() -> str:
    html = CliRunner().invoke(app, ["matrix", "uk", "au", "--format", "html"]).stdout
    return html.split("<style>", 1)[1].split("</style>", 1)[0]


def test_the_stylesheet_uses_only_palette_colours() -> None:
    known = {c.lower() for s in palette.swatches().values() for c in (s.text, s.background)} | {palette.RULE}
    used = {c.lower() for c in HEX.findall(stylesheet())}
    assert used and used <= known, used - known


def test_every_rule_that_sets_text_and_background_sets_a_palette_pair() -> None:
    pairs = {(s.text.lower(), s.background.lower()) for s in palette.swatches().values()}
    declared = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", stylesheet()):
        text = re.search(r"(?<![-\w])color:\s*(#\w+)", body)
        background = re.search(r"background(?:-color)?:\s*(#\w+)", body)
        if text and background:
            declared.append((selector.strip(), text[1].lower(), background[1].lower()))
    assert len(declared) >= len(palette.LEVELS), "the heatmap's levels at least"
    assert all((text, background) in pairs for _, text, background in declared), declared
