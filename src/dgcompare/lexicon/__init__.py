"""Word lists for :mod:`dgcompare.text`, one data file per language, read on first use and checked.

``en.txt``, ``fr.txt`` and the other files beside this module hold the stopwords, the words folded into each
concept (or, for other languages, translated to English) and the phrases rewritten before a text is split into
words; ``en.txt`` also holds the collocations, concepts that two concepts make when they stand together in any
language ('improve' beside 'continuous' is continuous improvement). The vocabulary is that of digital-government
standards in general, not of any one catalog. The format is line-oriented, so that a maintainer can edit it in
any editor and every problem has a line number::

    # a comment; '#' starts one anywhere on a line
    [stopwords]
    a, about, above,
    across, after
    [terms]
    security: secure, security, safeguard
    security: cyber, fraud
    [phrases]
    personal data -> privacy data
    dans la mesure du possible ->
    [collocations]
    continuous-improvement: improve + continuous, frequent

A term's words may run over several lines that each repeat the term; an empty replacement drops the
phrase. Words are written as :func:`dgcompare.text.fold` leaves them (lowercase, unaccented). A collocation
``CONCEPT: HEAD + MODIFIER, ...`` reads the concept HEAD, with one of the MODIFIER concepts at most one term
away, as CONCEPT (:func:`dgcompare.text.words`); every name in it is a concept of the same file.

Reading a file refuses, all at once and each with its file, line, column and a fix, anything that the
lookups in :mod:`dgcompare.text` would silently resolve one way: a word listed twice, a word under two
terms, a word that is both a stopword and a term's word (the stopword wins, so the entry is dead), a
phrase rewritten two ways, a head and modifier joined into two collocations, and entries that can never be looked
up (not in folded form, a hyphenated stopword, a one-letter English word, a collocation outside the English
file). In the English file a concept must also read as itself and must not be a stopword, or the word and its
synonyms would never meet, and a collocation may name concepts only.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dgcompare.errors import Problem

# os.path, and the errors imported only on failure, keep `import dgcompare.text` from loading pathlib and
# dataclasses
DIRECTORY = os.path.dirname(os.path.abspath(__file__))
LANGUAGES = ("en", "fr", "es", "pt", "it", "de")
"""The languages dgcompare reads, English first: every other one translates into English concepts."""
FILES = tuple(os.path.join(DIRECTORY, f"{code}.txt") for code in LANGUAGES)
"""The shipped word lists, one per language, in the order of :data:`LANGUAGES`."""

_WORD = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_PHRASE = r"[a-z0-9]+(?:(?:-|'| )[a-z0-9]+)*"
_SECTIONS = ("stopwords", "terms", "phrases", "collocations")
_FOLDED = "write it as dgcompare.text.fold() leaves it: lowercase, unaccented, 'œ' as 'oe'"


class Phrases:
    """Rewrite many phrases in one pass: one alternation, longest phrase first, looked up in a dict."""

    def __init__(self, pairs: dict[str, str]) -> None:
        self.replacements = {phrase: replacement or " " for phrase, replacement in pairs.items()}
        ordered = sorted(self.replacements, key=len, reverse=True)
        # with no phrase, a pattern that never matches rather than one that matches everywhere
        alternation = "|".join(re.escape(p) for p in ordered) or "(?!)"
        self.pattern = re.compile(r"\b(?:" + alternation + r")\b")

    def sub(self, text: str) -> str:
        """``text`` with every phrase replaced."""
        return self.pattern.sub(lambda m: self.replacements[m.group()], text)


class Lexicon:
    """One language's word lists.

    Attributes:
        stopwords: words dropped from every text.
        terms: word -> the concept it reads as (English), or the English word or concept it translates to.
        phrases: the multiword rewrites applied before splitting.
        collocations: head concept -> {modifier concept: the concept the two make together} (English only).
    """

    __slots__ = ("collocations", "phrases", "stopwords", "terms")

    def __init__(
        self,
        stopwords: frozenset[str],
        terms: dict[str, str],
        phrases: Phrases,
        collocations: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.stopwords = stopwords
        self.terms = terms
        self.phrases = phrases
        self.collocations = collocations or {}


@cache
def of(language: str) -> Lexicon:
    """The shipped lexicon of ``language`` (one of :data:`LANGUAGES`), read and checked on first use."""
    return read(FILES[LANGUAGES.index(language)], concepts=language == "en")


def english() -> Lexicon:
    """The shipped English lexicon: the concepts every language is read into."""
    return of("en")


def french() -> Lexicon:
    """The shipped French lexicon."""
    return of("fr")


def read(path: str | os.PathLike[str], *, concepts: bool) -> Lexicon:
    """Read and check one lexicon file.

    Args:
        path: the file.
        concepts: True when the terms are concepts (English), so each must read as itself and not be a
            stopword; False when they are translations into another lexicon's words (French).

    Returns:
        The file's word lists.

    Raises:
        LexiconError: the file cannot be read, is malformed, or contradicts itself; every problem found.
    """
    reader = _Reader(os.fspath(path), concepts)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        reader.problem(None, None, "", f"cannot be read: {error}", "reinstall dgcompare", "unreadable")
        text = ""
    return _quick(text, concepts) or reader.read(text)


def _quick(text: str, concepts: bool) -> Lexicon | None:
    """The file's word lists when nothing in it is amiss; None when it needs :class:`_Reader` to say what.

    The checks are made on the whole file at once with counts, set operations and substring tests (no
    regular expression to compile), so the shipped files load fast. It may send a harmless oddity to the
    reader; it never lets a problem through.
    """
    stopwords: list[str] = []
    terms: dict[str, str] = {}
    phrases: dict[str, str] = {}
    collocations: dict[str, dict[str, str]] = {}
    named: list[str] = []  # every name in a collocation, each a concept
    checked: list[str] = []  # every term and word, and every word of a phrase's replacement
    listed = written = paired = 0
    section = ""
    strip = str.strip
    for raw in text.splitlines():
        if not raw or raw[0] == "#":
            continue
        line = raw.partition("#")[0].strip()
        if not line:
            continue
        if line[0] == "[":
            section = line
            if section not in ("[stopwords]", "[terms]", "[phrases]", "[collocations]"):
                return None
        elif section == "[terms]":
            term, colon, rest = line.partition(":")
            words = list(map(strip, rest.split(",")))
            if len(words) > 1 and not words[-1]:
                words.pop()
            if not colon or (concepts and min(map(len, words)) < 2):
                return None
            term = term.rstrip()
            checked.append(term)
            checked += words
            listed += len(words)
            terms.update(dict.fromkeys(words, term))
        elif section == "[stopwords]":
            words = list(map(strip, line.split(",")))
            if len(words) > 1 and not words[-1]:
                words.pop()
            stopwords += words
        elif section == "[phrases]":
            phrase, arrow, replacement = line.partition("->")
            if not arrow:
                return None
            phrases[phrase.rstrip()] = replacement = replacement.strip()
            written += 1
            if replacement:
                checked += replacement.split(" ")
        elif section == "[collocations]":
            concept, colon, rest = line.partition(":")
            head, plus, listing = rest.partition("+")
            modifiers = list(map(strip, listing.split(",")))
            if not (concepts and colon and plus) or not all(modifiers):
                return None
            concept, head = concept.rstrip(), head.strip()
            named += [concept, head, *modifiers]
            paired += len(modifiers)
            collocations.setdefault(head, {}).update(dict.fromkeys(modifiers, concept))
        else:
            return None
    unique = frozenset(stopwords)
    checked += stopwords + named
    if (
        len(terms) != listed
        or len(unique) != len(stopwords)
        or len(phrases) != written
        or sum(map(len, collocations.values())) != paired
        or not unique.isdisjoint(terms)
        or any("-" in word for word in unique)
        or not _all_words("\n".join(checked))
        or not all(_is_phrase(phrase) for phrase in phrases)
    ):
        return None
    if concepts and any(terms.get(c, c) != c or c in unique for c in set(terms.values())):
        return None
    if not set(named) <= set(terms.values()):
        return None
    return Lexicon(unique, terms, Phrases(phrases), collocations)


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-\n")


def _all_words(lines: str) -> bool:
    """Whether every line of ``lines`` is a word as :data:`_WORD` describes: alphanumeric runs joined by '-'."""
    if not lines or lines[0] in "-\n" or lines[-1] in "-\n" or not _WORD_CHARS.issuperset(lines):
        return False
    return not any(bad in lines for bad in ("\n\n", "--", "\n-", "-\n"))


def _is_phrase(phrase: str) -> bool:
    """Whether ``phrase`` is as :data:`_PHRASE` describes: alphanumeric runs joined by one '-', "'" or ' '."""
    runs = phrase.replace("-", " ").replace("'", " ").split(" ")
    return all(run.isascii() and run.isalnum() and run == run.lower() for run in runs)


class _Reader:
    """Parse one file line by line and word by word, collecting every problem with its line and column."""

    def __init__(self, path: str, concepts: bool) -> None:
        self.path = path
        self.concepts = concepts
        self.problems: list[Problem] = []
        self.words: dict[str, tuple[str | None, int]] = {}  # word -> (its term, None for a stopword; line)
        self.phrases: dict[str, tuple[str, int]] = {}
        self.term_lines: dict[str, tuple[int, int]] = {}
        self.collocations: dict[tuple[str, str], tuple[str, int]] = {}  # (head, modifier) -> (concept, line)
        self.named: list[tuple[str, int, int]] = []  # every name in a collocation, with its line and column

    def read(self, text: str) -> Lexicon:
        section = ""
        for number, raw in enumerate(text.splitlines(), start=1):
            content = raw.partition("#")[0].rstrip()
            header = content.strip()
            if not header:
                continue
            column = len(content) - len(content.lstrip()) + 1
            if header[0] == "[" and header[-1] == "]":
                section = header[1:-1].strip()
                if section not in _SECTIONS:
                    fix = "use [stopwords], [terms], [phrases] or [collocations]"
                    self.problem(number, column, header, "is not a section", fix)
                continue
            if section == "terms":
                self.term_line(content, number)
            elif section == "stopwords":
                self.items(content, 0, number, None)
            elif section == "phrases":
                self.phrase_line(content, number)
            elif section == "collocations":
                self.collocation_line(content, number)
            elif not section:
                self.problem(number, column, "", "comes before any section", "open a section first: [stopwords]")
        if self.concepts:
            self.check_concepts()
            self.check_collocations()
        if self.problems:
            from dgcompare.errors import LexiconError

            raise LexiconError(self.problems)
        return Lexicon(
            frozenset(w for w, (term, _) in self.words.items() if term is None),
            {w: term for w, (term, _) in self.words.items() if term is not None},
            Phrases({phrase: replacement for phrase, (replacement, _) in self.phrases.items()}),
            self.grouped_collocations(),
        )

    def grouped_collocations(self) -> dict[str, dict[str, str]]:
        grouped: dict[str, dict[str, str]] = {}
        for (head, modifier), (concept, _) in self.collocations.items():
            grouped.setdefault(head, {})[modifier] = concept
        return grouped

    def problem(
        self, line: int | None, column: int | None, field: str, message: str, fix: str, code: str = "syntax"
    ) -> None:
        from dgcompare.errors import Problem

        self.problems.append(Problem(self.path, line, column, field, message, fix, code))

    def term_line(self, content: str, number: int) -> None:
        term, colon, rest = content.partition(":")
        start = len(term) - len(term.lstrip()) + 1
        term = term.strip()
        if not colon:
            self.problem(number, start, "", "a [terms] line needs a colon", "write 'term: word, word'")
            return
        if not re.fullmatch(_WORD, term):
            self.problem(number, start, term, "is not a single folded word", _FOLDED, "not-a-word")
            return
        self.term_lines.setdefault(term, (number, start))
        self.items(rest, len(content) - len(rest), number, term)

    def items(self, listing: str, offset: int, number: int, term: str | None) -> None:
        """The comma-separated words of ``listing``, which starts at 0-based ``offset`` of its line."""
        parts = listing.split(",")
        if len(parts) > 1 and not parts[-1].strip():
            parts.pop()  # a trailing comma continues a list on the next line
        for part in parts:
            word = part.strip()
            column = offset + len(part) - len(part.lstrip()) + 1
            offset += len(part) + 1
            if not word:
                self.problem(number, column, "", "has an empty item", "remove the stray comma")
            elif not re.fullmatch(_WORD, word):
                message = "is not a single folded word and is never looked up"
                self.problem(number, column, word, message, _FOLDED, "not-a-word")
            elif term is None and "-" in word:
                message = "is a hyphenated stopword: text splits at hyphens, so it is never seen"
                self.problem(number, column, word, message, "list its parts as stopwords instead", "dead-entry")
            elif term is not None and self.concepts and len(word) < 2:
                message = "is never looked up: words of one letter are dropped"
                self.problem(number, column, word, message, "delete it", "dead-entry")
            else:
                self.add(word, term, number, column)

    def add(self, word: str, term: str | None, line: int, column: int) -> None:
        if word not in self.words:
            self.words[word] = (term, line)
            return
        first, first_line = self.words[word]
        if first == term:
            what = "as a stopword" if term is None else f"under '{term}'"
            message = f"is listed twice {what} (also line {first_line})"
            self.problem(line, column, word, message, "delete one", "duplicate")
        elif first is not None and term is not None:
            message = f"reads as '{term}' here but as '{first}' at line {first_line}"
            fix = "keep it under the one term that helps matching; measure with bench/matcher_quality.py"
            self.problem(line, column, word, message, fix, "two-terms")
        else:
            concept = term or first
            message = (
                f"is both a stopword and a word of '{concept}' (also line {first_line}); "
                "the stopword wins, so the entry is dead"
            )
            self.problem(line, column, word, message, f"remove it from [stopwords] or from '{concept}'", "dead-entry")

    def phrase_line(self, content: str, number: int) -> None:
        phrase, arrow, replacement = content.partition("->")
        column = len(phrase) - len(phrase.lstrip()) + 1
        phrase, replacement = phrase.strip(), replacement.strip()
        if not arrow:
            self.problem(number, column, "", "a [phrases] line needs an arrow", "write 'phrase -> replacement'")
        elif not re.fullmatch(_PHRASE, phrase):
            self.problem(number, column, phrase, "is not a folded phrase and never matches", _FOLDED, "not-a-word")
        elif replacement and not all(re.fullmatch(_WORD, w) for w in replacement.split()):
            message = f"has a replacement that is not folded words: '{replacement}'"
            self.problem(number, column, phrase, message, _FOLDED, "not-a-word")
        elif phrase in self.phrases:
            first, line = self.phrases[phrase]
            if first == replacement:
                self.problem(number, column, phrase, f"is listed twice (also line {line})", "delete one", "duplicate")
            else:
                message = f"becomes '{replacement}' here but '{first}' at line {line}"
                self.problem(number, column, phrase, message, "keep one replacement", "two-terms")
        else:
            self.phrases[phrase] = (replacement, number)

    def collocation_line(self, content: str, number: int) -> None:
        """``CONCEPT: HEAD + MODIFIER, MODIFIER``: every name a folded word, every (head, modifier) once."""
        concept, colon, rest = content.partition(":")
        head, plus, listing = rest.partition("+")
        start = len(concept) - len(concept.lstrip()) + 1
        if not colon or not plus:
            message = "a [collocations] line needs a colon and a '+'"
            self.problem(number, start, "", message, "write 'concept: head + modifier, modifier'")
            return
        if not self.concepts:
            message = "is a collocation outside the English list: collocations join English concepts"
            self.problem(number, start, concept.strip(), message, "move it to en.txt", "not-english")
            return
        names = [(concept, 0), (head, len(concept) + 1)]
        offset = len(concept) + 1 + len(head) + 1
        for part in listing.split(","):
            names.append((part, offset))
            offset += len(part) + 1
        found = []
        for name, at in names:
            word, column = name.strip(), at + len(name) - len(name.lstrip()) + 1
            if not re.fullmatch(_WORD, word):
                self.problem(number, column, word, "is not a single folded word", _FOLDED, "not-a-word")
                return
            found.append((word, column))
        (concept_word, _), (head_word, _), *modifiers = found
        self.named += [(word, number, column) for word, column in found]
        for modifier, column in modifiers:
            first = self.collocations.get((head_word, modifier))
            if first is not None:
                what = "twice" if first[0] == concept_word else f"as '{first[0]}' too"
                message = f"joins '{head_word}' into a collocation {what} (line {first[1]})"
                self.problem(number, column, modifier, message, "keep one", "two-terms")
            else:
                self.collocations[(head_word, modifier)] = (concept_word, number)

    def check_collocations(self) -> None:
        concepts = {term for term, _ in self.words.values() if term is not None}
        for word, line, column in self.named:
            if word not in concepts:
                message = "is not a concept of this file: a collocation joins concepts and makes one"
                self.problem(line, column, word, message, f"list '{word}' under [terms] first", "concept")

    def check_concepts(self) -> None:
        for concept, (line, column) in self.term_lines.items():
            reads_as, where = self.words.get(concept, (concept, 0))
            if reads_as == concept:
                continue
            if reads_as is None:
                message = f"is a concept but also a stopword (line {where}): its synonyms are kept, it is dropped"
                fix = f"remove '{concept}' from [stopwords] or give these words another concept"
            else:
                message = f"is a concept but reads as '{reads_as}' (line {where}): it never meets its synonyms"
                fix = f"list '{concept}' under '{concept}', or move these words under '{reads_as}'"
            self.problem(line, column, concept, message, fix, "concept")
