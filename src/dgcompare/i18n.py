"""The words reports show, in the reader's language: gettext catalogs shipped in ``dgcompare/locale``.

Catalog text (titles, summaries, theme labels) has French fields of its own; this module translates what the
code writes around it: headings, column headers, legends, notes, levels and relations. A language without a
catalog, English included, gets the English source strings.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import math
import re
from collections.abc import Callable
from pathlib import Path

DOMAIN = "dgcompare"
LOCALE_DIR = Path(__file__).parent / "locale"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The shipped catalog for ``lang``, or English when there is none; read once per language."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


@functools.cache
def report_languages() -> tuple[str, ...]:
    """The languages reports are written in: English, and each language with a catalog shipped in ``locale``."""
    shipped = sorted(d.name for d in LOCALE_DIR.iterdir() if (d / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())
    return ("en", *shipped)


def translator(lang: str) -> Callable[[str], str]:
    """``gettext`` for ``lang``: by convention bound to ``_`` where strings are made."""
    gettext = translations(lang).gettext
    if lang != "fr":
        return gettext
    return lambda message: _French(gettext(message))


def plural_translator(lang: str) -> Callable[[str, str, int], str]:
    """``ngettext`` for ``lang`` (French: singular for 0 and 1); by convention bound to ``n_``."""
    ngettext = translations(lang).ngettext
    if lang != "fr":
        return ngettext
    return lambda singular, plural, n: _French(ngettext(singular, plural, n))


_BEFORE_VOWEL = re.compile(r"\b(d|qu)e (?=[aeiou][a-z0-9]*[-:][a-z0-9])")
"""'de' or 'que' before an id that starts with a vowel ('au-dss-v2', 'eu-tallinn-2017:3'), which French elides."""


class _French(str):
    """A French message whose placeholders may bring in an id: filled, it elides before one ('d’au-dss-v2')."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        return _BEFORE_VOWEL.sub(r"\1’", str.format(self, *args, **kwargs))


_FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def date_text(day: datetime.date, lang: str) -> str:
    """A date as a reader of ``lang`` writes it in running text: ``2026-11-30``, ``30 novembre 2026`` (``1er``)."""
    if lang != "fr":
        return day.isoformat()
    return f"{'1er' if day.day == 1 else day.day} {_FRENCH_MONTHS[day.month - 1]} {day.year}"


_DECIMAL_SEPARATORS = {"fr": ","}
"""Report languages that do not write a decimal point: French writes 0,32."""


def decimal(value: float, places: int, lang: str) -> str:
    """``value`` with ``places`` decimals as a reader of ``lang`` writes it: ``0.32`` in English, ``0,32`` in French."""
    return decimal_text(f"{value:.{places}f}", lang)


def score_text(value: float, lang: str = "en") -> str:
    """A score as reports show it: two decimals, rounded down, as a reader of ``lang`` writes it.

    Rounded down so that a score shown at a threshold reaches it: 0.1758 shows as 0.17, not as the related bar
    0.18 it falls short of.
    """
    return decimal(math.floor(value * 100 + 1e-9) / 100, 2, lang)


def decimal_text(number: str, lang: str) -> str:
    """A number already written with a decimal point (``"0.645"``), as a reader of ``lang`` writes it."""
    return number.replace(".", _DECIMAL_SEPARATORS.get(lang, "."))


_DECIMAL = re.compile(r"-?\d+\.\d+")


def comma_decimal(cell: str) -> str:
    """``0,44`` for a cell that is a decimal number and nothing else (text that quotes one keeps its point)."""
    return cell.replace(".", ",") if _DECIMAL.fullmatch(cell) else cell


def decimal_cell(cell: str, lang: str) -> str:
    """A table cell as a reader of ``lang`` writes it: in French, a cell that is a decimal number takes a comma.

    Text, and every cell in English, stays as it is; CSV and JSON keep the point (they are data).
    """
    return comma_decimal(cell) if _DECIMAL_SEPARATORS.get(lang) == "," else cell


def plural(noun: str, count: int) -> str:
    """An English noun agreeing with ``count``: ``criterion`` -> ``criteria``, ``policy`` -> ``policies``."""
    if count == 1:
        return noun
    if noun.endswith("criterion"):
        return noun[:-2] + "a"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return noun[:-1] + "ies"
    return noun + "s"
