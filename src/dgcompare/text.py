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
        "es": "el la lo los las del y para con una por que se al su sus es sin muy cuando donde mediante tambien",
        "pt": "os dos das para com uma em na ao aos pelo pela pelos pelas nao sao que por sem seu seus suas",
        "it": "il gli della delle dei degli per una nel nella che sono alla",
        "de": "der die das und fur mit ein eine zu von den dem ist nicht auf werden",
    }.items()
}
"""Function words that tell one language from the others; most shared ones ('de', 'e') are left out."""
_ENCLITIC = {"es": re.compile(r"(.+(?:[aei]r|ndo))(?:se)?(?:l[aeo]s?|nos|se)")}
"""Pronouns written onto a Spanish infinitive or gerund ('reutilizarlos', 'adaptandolas'): the verb is looked
up without them when the whole word is not in the lexicon."""
_LETTERS = {"fr": "éèêàâçôûùîïœ", "es": "ñáíóú¿¡", "pt": "ãõçáâêô", "it": "àèìòù", "de": "äöüß"}
"""Letters that lean towards a language when its function words leave a tie."""
_COMPOUNDING = frozenset({"de"})
"""Languages that write a compound as one word ('Datenschutzrisiken'): a word their lexicon does not list is
read through its parts."""
_LINKS = ("", "s", "es", "n", "en")
"""The linking letters a compound's first part may end with ('Informations|sicherheit'), tried in this order."""
_PART = 3
"""The shortest part of a compound that is looked up."""


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

    Counts each language's function words; a tie goes to a language other than English and French whose word
    list knows more of the text's words than any other tied language's does (a short title has no function
    word: "Colaborar amplamente"), then to the one whose lexicon reads most of the text's words
    (:func:`_known_words`), else to the one whose letters the text uses (``ñ``, ``ã``, ``ß``...), and
    otherwise to English.
    """
    found = tokens(text)
    counts = {code: sum(w in markers for w in found) for code, markers in _MARKERS.items()}
    best = max(counts.values())
    tied = [code for code, count in counts.items() if count == best]
    if len(tied) > 1:
        # English and French texts keep the rules below; another language takes a tie when its word list knows
        # more of the text's words than theirs do ("Colaborar amplamente", "Projetar serviços éticos")
        listed = dict.fromkeys(tied, 0)
        for code in tied:  # English first: when its list knows every word, no other list is read
            own = lexicon.of(code)
            listed[code] = sum(w in own.stopwords or w in own.terms for w in found)
            if code in ("en", "fr") and listed[code] == len(found):
                break
        leaders = [code for code in tied if listed[code] == max(listed.values())]
        if "en" not in leaders and "fr" not in leaders:
            tied = leaders
    if len(tied) == 1:
        return tied[0]
    known = _known_words(found, tied)
    if known:
        return known
    lower = text.lower()
    lettered = [code for code in tied if code != "en" and any(c in lower for c in _LETTERS[code])]
    if lettered:
        return max(lettered, key=lambda code: sum(lower.count(c) for c in _LETTERS[code]))
    return tied[0]  # English first


def _known_words(found: tuple[str, ...], tied: list[str]) -> str | None:
    """The one language of ``tied`` (English aside) whose lexicon drops or translates most of ``found``, else None.

    A title with no telling function word ('Colaborar ampliamente', 'Diseñar servicios éticos') ties several
    languages. Words that English lists (as a concept's word or a stopword) are not counted, nor words that a
    lexicon neither drops nor translates, so an English title stays English; where English is among the tied, the
    words counted must be more than half of the text's, so that one foreign-looking word does not outweigh it.
    """
    en = lexicon.english()
    unknown = [w for w in found if w not in en.terms and w not in en.stopwords]
    if not unknown or ("en" in tied and 2 * len(unknown) <= len(found)):
        return None  # decided on the English list alone, without reading another
    hits = {code: sum(_reads(w, lexicon.of(code)) for w in unknown) for code in tied if code != "en"}
    most = max(hits.values(), default=0)
    leaders = [code for code, count in hits.items() if count == most]
    if not most or len(leaders) > 1 or ("en" in tied and 2 * most <= len(found)):
        return None
    return leaders[0]


@lru_cache(maxsize=65536)
def words(text: str, language: str | None = None) -> tuple[str, ...]:
    """The content words of ``text`` as English concept terms, in order (stopwords dropped).

    ``language`` is that of ``text`` (detected when None); words of another language are translated into
    English concepts through its lexicon. In German, a compound the lexicon does not list is read through its
    listed parts (:func:`_compound`).
    """
    en = lexicon.english()
    language = language or detect(text)
    # A language without a word list (Dutch, Danish...) is read as English: its loanwords still meet.
    own = lexicon.of(language) if language in lexicon.LANGUAGES[1:] else None
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
                if word not in own.terms and language in _ENCLITIC:
                    word = _verb_of(word, _ENCLITIC[language], own)
                if word in own.stopwords:
                    continue
                translated = own.terms.get(word)
                parts = _compound(word, language) if translated is None and language in _COMPOUNDING else ()
                if parts:
                    out += [term for term in map(term_of, parts) if term]
                    continue
                word = translated or word
            term = term_of(word)
            if term:
                out.append(term)
    return tuple(out)


def _reads(word: str, own: lexicon.Lexicon) -> bool:
    """Whether ``own`` drops ``word`` or translates it into another word."""
    return word in own.stopwords or own.terms.get(word, word) != word


def _verb_of(word: str, enclitic: re.Pattern[str], own: lexicon.Lexicon) -> str:
    """``word`` without the pronouns written onto it, when ``own`` lists the verb left; else ``word``."""
    found = enclitic.fullmatch(word)
    return found.group(1) if found and _reads(found.group(1), own) else word


@lru_cache(maxsize=65536)
def _compound(word: str, language: str) -> tuple[str, ...]:
    """The translations of the parts of a compound that ``language``'s lexicon does not list; () if none reads.

    The last part is the longest listed ending; the part before it is listed, once a linking letter is taken
    off, or is a compound in turn: ``datenschutzrisiken`` -> ``("privacy", "risk")``, ``entscheidungssysteme``
    -> ``("decision", "technology")``. Parts shorter than :data:`_PART` letters are not looked up.
    """
    terms = lexicon.of(language).terms
    for cut in range(_PART, len(word) - _PART + 1):
        last = terms.get(word[cut:])
        if last is None:
            continue
        head = word[:cut]
        for link in _LINKS:
            first = terms.get(head[: len(head) - len(link)]) if head.endswith(link) else None
            if first is not None and cut - len(link) >= _PART:
                return first, last
        before = _compound(head, language)
        if before:
            return (*before, last)
    return ()


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
