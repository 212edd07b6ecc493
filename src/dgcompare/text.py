"""Turn principle text into comparable terms: normalise, split, translate French, fold synonyms, stem.

Governments say the same thing in different words ("users", "citizens", "the public"; "secure",
"safeguard"; "utilisateurs", "usagers"). Every text, English or French, is reduced to the same English
concept terms so that the matcher compares meanings rather than spellings. Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dgcompare import lexicon

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'")
_FRENCH_MARKERS = frozenset({"le", "la", "les", "des", "du", "et", "pour", "avec", "une", "aux", "dans", "sur", "est"})
_ENGLISH_MARKERS = frozenset({"the", "and", "for", "with", "to", "of", "that", "is", "your", "are", "by", "it"})


_COMBINING = dict.fromkeys(range(0x300, 0x370))
"""The combining diacritical marks, which NFKD splits off accented letters."""

_LIGATURES = str.maketrans(
    {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
)
"""Lowercase letters that NFKD leaves whole, so that ``cœur`` reads as ``coeur`` rather than ``c`` and ``ur``."""


def fold(text: str) -> str:
    """Lowercase, straight apostrophes, no accents, ligatures spelled out: ``Sécurité’s`` -> ``securite's``."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text.translate(_LIGATURES)).translate(_COMBINING)


def tokens(text: str) -> tuple[str, ...]:
    """The words of ``text`` as :func:`fold` leaves them, elided French articles dropped.

    ``"L’État, c’est nous"`` -> ``("etat", "est", "nous")``: the spellings that :func:`words` starts from, before
    any word is dropped or translated.
    """
    return tuple(_WORD.findall(_ELISION.sub(" ", fold(text))))


def is_stopword(word: str) -> bool:
    """True when ``word`` (folded) is a stopword in English or in French."""
    return word in lexicon.english().stopwords or word in lexicon.french().stopwords


def is_french(text: str) -> bool:
    """True when ``text`` reads as French rather than English (by its function words)."""
    return _reads_french(text, fold(text))


def _reads_french(text: str, folded: str) -> bool:
    tokens = _WORD.findall(_ELISION.sub(" ", folded))
    french = sum(w in _FRENCH_MARKERS for w in tokens)
    english = sum(w in _ENGLISH_MARKERS for w in tokens)
    return french > english or (french == english and any(c in text for c in "éèêàâçôûùîïœÉÈŒ"))


@lru_cache(maxsize=65536)
def words(text: str, french: bool | None = None) -> tuple[str, ...]:
    """The content words of ``text`` as English concept terms, in order (stopwords dropped)."""
    en, fr = lexicon.english(), lexicon.french()
    folded = fold(text)
    if french is None:
        french = _reads_french(text, folded)
    if french:
        folded = _ELISION.sub(" ", fr.phrases.sub(folded))
    folded = en.phrases.sub(folded)
    out: list[str] = []
    for token in _WORD.findall(folded):
        # A hyphenated word is one concept when the lexicon knows it ("re-use"), else its parts.
        known = token in en.terms or token in fr.terms
        for word in [token] if known or "-" not in token else token.split("-"):
            if french:
                if word in fr.stopwords:
                    continue
                word = fr.terms.get(word, word)
            term = term_of(word)
            if term:
                out.append(term)
    return tuple(out)


@lru_cache(maxsize=65536)
def term_of(word: str) -> str:
    """The concept term for one English word: a synonym's concept, else its stem ('' for a stopword)."""
    en = lexicon.english()
    if word in en.stopwords or len(word) < 2:
        return ""
    concept = en.terms.get(word)
    if concept is not None:
        return concept
    stemmed = stem(word)
    return en.terms.get(stemmed, stemmed)


_SUFFIXES = (
    ("ational", "ate"),
    ("isation", "ize"),
    ("ization", "ize"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("ities", ""),
    ("ity", ""),
    ("ingly", ""),
    ("edly", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ness", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: enough to meet 'secure'/'security', 'iterate'/'iterating'."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]
    return word
