"""Turn principle text into comparable terms: normalise, split, translate, fold synonyms, stem.

Governments say the same thing in different words ("users", "citizens", "the public"; "secure",
"safeguard"; "utilisateurs", "usagers"). Every text, in any language read, is reduced to the same English
concept terms so that the matcher compares meanings rather than spellings. Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dgcompare import lexicon

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ELISION = re.compile(
    r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu"  # French
    r"|dell|all|dall|nell|sull|coll|un|quest|quell|tutt)'"  # Italian
)
_MARKERS = {
    code: frozenset(markers.split())
    for code, markers in {
        "en": "the and for with to of that is your are by it",
        "fr": "le la les des du et pour avec une aux dans sur est",
        "es": "el los las del y para con una por que se al su sus",
        "pt": "os dos das para com uma em na ao pelo pela nao sao",
        "it": "il i gli della delle dei degli del di per una con nel nella nei negli nelle che sono alla al agli dal"
        " dalla dai sul sulla sui anche ogni piu questo questa questi queste essere tutti tutte cui loro tra senza"
        " gia sia siano devono possono vengono viene hanno affinche perche ed presso tramite",
        "de": "der die das und fur mit ein eine zu von den dem ist nicht auf werden",
    }.items()
}
"""Function words that tell one language from the others; most shared ones ('de', 'e') are left out."""
_LETTERS = {"fr": "éèêàâçôûùîïœ", "es": "ñáíóú¿¡", "pt": "ãõçáâêô", "it": "àèìòù", "de": "äöüß"}
"""Letters that lean towards a language when its function words leave a tie."""
_CLITICS = {"it": re.compile(r"(?<=\w\w[aei]r|\wndo)(?:glie|me|te|se|ce|ve)?(?:lo|la|li|le|ne|gli|si|ci|vi|mi|ti)$")}
"""Pronouns written onto a verb: Italian 'riutilizzarli' (reuse them) is looked up as 'riutilizzare', and
'utilizzandoli' as 'utilizzando', when the word list has that form and not the whole word."""


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
    """True when ``word`` (folded) is a stopword in any language dgcompare reads."""
    return any(word in lexicon.of(code).stopwords for code in lexicon.LANGUAGES)


def is_french(text: str) -> bool:
    """True when ``text`` reads as French rather than another language (by its function words)."""
    return detect(text) == "fr"


@lru_cache(maxsize=65536)
def detect(text: str) -> str:
    """The language ``text`` is written in, of :data:`dgcompare.lexicon.LANGUAGES`: English when unsure.

    Counts each language's function words; a tie between languages goes to the one whose letters the text
    uses most (``ñ``, ``ã``, ``ß``...), then to the one whose word list knows most of its words (a title such
    as ``Collaborare ampiamente`` has no function word), and otherwise to English.
    """
    found = tokens(text)
    counts = {code: sum(w in markers for w in found) for code, markers in _MARKERS.items()}
    best = max(counts.values())
    tied = [code for code, count in counts.items() if count == best]
    if len(tied) == 1:
        leader = tied[0]
        if leader == "en":
            return leader
        # one function word ahead is no proof: Italian 'la', 'le' are French markers too
        close = [leader] + [code for code, n in counts.items() if code not in ("en", leader) and n >= best - 1]
        return leader if len(close) == 1 else _known_most(found, close)
    lower = text.lower()
    lettered = [code for code in tied if code != "en" and any(c in lower for c in _LETTERS[code])]
    if lettered:
        most = max(sum(lower.count(c) for c in _LETTERS[code]) for code in lettered)
        tied = [code for code in lettered if sum(lower.count(c) for c in _LETTERS[code]) == most]
        if len(tied) == 1:
            return tied[0]
    return _known_most(found, tied)


def _known_most(found: tuple[str, ...], tied: list[str]) -> str:
    """Of the ``tied`` languages, the one whose word list knows most of the text's words; English when unsure.

    A word counts for a language when its list drops it or translates it into another word: not when
    English's list knows it ('design', 'privacy'), nor when it reads as itself ('experience', 'source').
    Two such words are needed to take a text from English ('Administrative simplification' stays English),
    and a tie goes to the first of ``tied``.
    """
    en = lexicon.english()
    foreign = [w for w in found if w not in en.terms and w not in en.stopwords]
    if not foreign:
        return tied[0]
    known = {code: sum(_knows(code, w) for w in foreign) for code in tied if code != "en"}
    best = max(known.values())
    if "en" in tied and best < 2:
        return "en"
    return next(code for code in tied if known.get(code) == best)


def _knows(code: str, word: str) -> bool:
    """Whether the word list of ``code`` drops ``word`` or translates it into another word."""
    own = lexicon.of(code)
    return own.terms.get(word, word) != word or word in own.stopwords


@lru_cache(maxsize=65536)
def words(text: str, language: str | None = None) -> tuple[str, ...]:
    """The content words of ``text`` as English concept terms, in order (stopwords dropped).

    ``language`` is that of ``text`` (detected when None); words of another language are translated into
    English concepts through its lexicon.
    """
    en = lexicon.english()
    language = language or detect(text)
    own = None if language == "en" else lexicon.of(language)
    folded = fold(text)
    if own is not None:
        folded = _ELISION.sub(" ", own.phrases.sub(folded))
    folded = en.phrases.sub(folded)
    out: list[str] = []
    for token in _WORD.findall(folded):
        # A hyphenated word is one concept when the lexicon knows it ("re-use"), else its parts.
        known = "-" not in token or any(token in lexicon.of(code).terms for code in lexicon.LANGUAGES)
        for word in [token] if known else token.split("-"):
            if own is not None:
                if word not in own.terms and language in _CLITICS:
                    word = _without_clitic(word, own, _CLITICS[language])
                if word in own.stopwords:
                    continue
                word = own.terms.get(word, word)
            term = term_of(word)
            if term:
                out.append(term)
    return tuple(out)


def _without_clitic(word: str, own: lexicon.Lexicon, clitics: re.Pattern[str]) -> str:
    """``word`` as ``own`` lists it once the pronouns written onto it are taken off, else ``word``.

    An infinitive gets back its final vowel ('riutilizzar-li' -> 'riutilizzare'); a gerund needs none.
    """
    bare, found = clitics.subn("", word)
    if not found:
        return word
    if bare.endswith("r"):
        bare += "e"
    return bare if bare in own.terms or bare in own.stopwords else word


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
