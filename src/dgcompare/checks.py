"""Rules that span more than one value: unique numbers and ids, links between files, known themes.

Pydantic checks each value; these checks look at a whole file and at the catalog as a whole, and
report located problems in the same form.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence

from pydantic import ValidationError

from dgcompare.errors import Problem
from dgcompare.models import (
    PYTHON_SOURCE,
    CatalogFile,
    CrosswalkFile,
    CrosswalkHeader,
    CrosswalkMapping,
    Framework,
    Principle,
    Taxonomy,
)
from dgcompare.yamlfile import Document

Loc = tuple[int | str, ...]


def check_file(entry: CatalogFile, document: Document, taxonomy: Taxonomy) -> Iterator[Problem]:
    """Problems inside one file: repeated numbers and ids, several defaults, unknown themes."""
    jurisdiction = entry.jurisdiction
    if jurisdiction.code in jurisdiction.aliases or len(set(jurisdiction.aliases)) < len(jurisdiction.aliases):
        yield document.problem_at(
            ("jurisdiction", "aliases"),
            "an alias repeats the code or another alias",
            "list each alias once, and not the code itself",
            "duplicate-alias",
        )
    if jurisdiction.parent == jurisdiction.code:
        yield document.problem_at(
            ("jurisdiction", "parent"),
            "a jurisdiction cannot be its own parent",
            "name the enclosing jurisdiction's code, or remove 'parent'",
            "unknown-parent",
        )
    defaults = [i for i, f in enumerate(entry.frameworks) if f.default]
    for i in defaults[1:]:
        yield document.problem_at(
            ("frameworks", i, "default"),
            f"more than one framework is marked default (first: {entry.frameworks[defaults[0]].id})",
            "mark only the current flagship framework 'default: true'",
            "several-defaults",
        )
    for fi, framework in enumerate(entry.frameworks):
        first_id = next(i for i, f in enumerate(entry.frameworks) if f.id == framework.id)
        if first_id != fi:
            yield document.problem_at(
                ("frameworks", fi, "id"),
                f"framework id '{framework.id}' is used twice",
                "give each framework its own id",
                "duplicate-id",
            )
        numbers: dict[int, int] = {}
        for pi, principle in enumerate(framework.principles):
            loc: Loc = ("frameworks", fi, "principles", pi)
            if principle.number in numbers:
                yield _repeated_number(document, loc, principle.number, numbers[principle.number])
            numbers.setdefault(principle.number, pi)
            yield from _theme_problems(document, loc, principle.themes, taxonomy)
        for oi, omission in enumerate(framework.omitted):
            if omission.number in numbers:
                yield document.problem_at(
                    ("frameworks", fi, "omitted", oi, "number"),
                    f"number {omission.number} is both listed and omitted",
                    "remove it from 'omitted' or from 'principles'",
                    "duplicate-number",
                )


def _theme_problems(document: Document, loc: Loc, themes: Sequence[object], taxonomy: Taxonomy) -> Iterator[Problem]:
    """A principle's themes that the taxonomy does not have, each with the theme it likely means."""
    theme_ids = [t.id for t in taxonomy.themes]
    for ti, theme in enumerate(themes):
        if isinstance(theme, str) and theme not in theme_ids:
            yield document.problem_at(
                (*loc, "themes", ti),
                f"unknown theme '{theme}'",
                _for_python(document, _theme_fix(theme, taxonomy), "catalog.themes"),
                "unknown-theme",
            )


def _theme_fix(theme: str, taxonomy: Taxonomy) -> str:
    """The theme an unknown one likely means: one that lists it among its keywords, else the closest id.

    Meaning first: 'usability' is a keyword of simplicity, and must not be taken for the near spelling
    'sustainability'.
    """
    said = theme.replace("-", " ").casefold()
    meant = [t.id for t in taxonomy.themes if said in (k.casefold() for k in (*t.keywords, t.label))]
    if meant:
        return f"did you mean '{meant[0]}'? ('{theme}' is one of its keywords; `dgcompare themes` lists them all)"
    return _suggest(theme, [t.id for t in taxonomy.themes], "`dgcompare themes` lists them")


def check_broken_file(
    document: Document, loaded: Sequence[tuple[CatalogFile, Document]], taxonomy: Taxonomy
) -> list[Problem]:
    """What can still be checked in a catalog file that failed validation: code, parent, numbers and themes.

    So that one run reports every problem: a missing field no longer hides a code already in use, an unknown
    parent, a repeated number or an unknown theme.
    """
    data = document.data if isinstance(document.data, dict) else {}
    problems: list[Problem] = []
    found = data.get("jurisdiction")
    jurisdiction: dict[str, object] = found if isinstance(found, dict) else {}
    codes = {c: d for entry, d in loaded for c in (entry.jurisdiction.code, *entry.jurisdiction.aliases)}
    code, parent = jurisdiction.get("code"), jurisdiction.get("parent")
    if isinstance(code, str) and code in codes:
        problems.append(_duplicate_code(document, ("jurisdiction", "code"), code, codes[code]))
    if isinstance(parent, str) and parent != code and parent not in codes:
        problems.append(_unknown_parent(document, parent, list(codes)))
    frameworks = data.get("frameworks")
    for fi, framework in enumerate(frameworks if isinstance(frameworks, list) else []):
        principles = framework.get("principles") if isinstance(framework, dict) else None
        numbers: dict[int, int] = {}
        for pi, principle in enumerate(principles if isinstance(principles, list) else []):
            if not isinstance(principle, dict):
                continue
            loc: Loc = ("frameworks", fi, "principles", pi)
            number = principle.get("number")
            if isinstance(number, int) and number in numbers:
                problems.append(_repeated_number(document, loc, number, numbers[number]))
            if isinstance(number, int):
                numbers.setdefault(number, pi)
            if isinstance(themes := principle.get("themes"), list):
                problems.extend(_theme_problems(document, loc, themes, taxonomy))
    return problems


def _unknown_parent(document: Document, parent: str, codes: Sequence[str]) -> Problem:
    return document.problem_at(
        ("jurisdiction", "parent"),
        f"unknown parent jurisdiction '{parent}'",
        _for_python(document, _suggest(parent, codes, "`dgcompare list` lists the codes"), "catalog.files"),
        "unknown-parent",
    )


def _repeated_number(document: Document, loc: Loc, number: int, first: int) -> Problem:
    return document.problem_at(
        (*loc, "number"),
        f"number {number} is used twice (also by principle {first + 1}{_on_line(document, (*loc[:-1], first))})",
        "give each principle its own number",
        "duplicate-number",
    )


def _on_line(document: Document, loc: Loc) -> str:
    """``, on line 12``: where ``loc`` starts in the file, or nothing when it was not read from one."""
    line = document.problem_at(loc, "", "", "").line
    return f", on line {line}" if line is not None else ""


def _duplicate_code(document: Document, loc: Loc, code: str, used: Document) -> Problem:
    # The built-in catalog's files cannot be edited or merged from the command line.
    built_in = used.path.startswith("<built-in>")
    return document.problem_at(
        loc,
        f"jurisdiction code '{code}' is already used by {used.path}",
        "choose another code: the built-in catalog's jurisdictions keep theirs"
        if built_in
        else "choose another code, or merge the two files",
        "duplicate-code",
    )


def check_catalog(loaded: Sequence[tuple[CatalogFile, Document]], taxonomy: Taxonomy) -> list[Problem]:
    """Problems within each file, then between files: clashing codes and ids, unresolved links."""
    problems = [p for entry, document in loaded for p in check_file(entry, document, taxonomy)]
    codes: dict[str, Document] = {}
    ids: dict[str, Document] = {}
    for entry, document in loaded:
        jurisdiction = entry.jurisdiction
        for index, code in enumerate((jurisdiction.code, *jurisdiction.aliases)):
            loc: Loc = ("jurisdiction", "code") if index == 0 else ("jurisdiction", "aliases", index - 1)
            if code in codes:
                problems.append(_duplicate_code(document, loc, code, codes[code]))
            else:
                codes[code] = document
        for fi, framework in enumerate(entry.frameworks):
            other = ids.get(framework.id)
            if other is not None and other is not document:
                prefix = f"{jurisdiction.code}-"
                convention = "" if framework.id.startswith(prefix) else f", by convention starting with '{prefix}'"
                problems.append(
                    document.problem_at(
                        ("frameworks", fi, "id"),
                        f"framework id '{framework.id}' is already used by {other.path}",
                        f"choose another id{convention} (ids are unique across the whole catalog, built-in ones "
                        "included)",
                        "duplicate-id",
                    )
                )
            ids.setdefault(framework.id, document)
    for entry, document in loaded:
        parent = entry.jurisdiction.parent
        if parent is not None and parent != entry.jurisdiction.code and parent not in codes:
            problems.append(_unknown_parent(document, parent, list(codes)))
        for fi, framework in enumerate(entry.frameworks):
            newer = framework.superseded_by
            if newer is not None and newer not in ids:
                problems.append(
                    document.problem_at(
                        ("frameworks", fi, "superseded_by"),
                        f"unknown framework '{newer}'",
                        _suggest(newer, list(ids), "name the id of the newer edition"),
                        "unknown-framework",
                    )
                )
    return problems


def _suggest(word: str, choices: Sequence[str], otherwise: str) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else otherwise


def _for_python(document: Document, fix: str, listing: str) -> str:
    """``fix``, adding the Python that lists the names when the object was built in Python rather than read.

    The author of a file works at the command line, where a Python attribute means nothing.
    """
    if document.path != PYTHON_SOURCE or fix.startswith("did you mean"):
        return fix
    return f"{fix} ({listing} in Python)"


def check_crosswalks(
    crosswalks: Sequence[tuple[CrosswalkFile, Document]], entries: Sequence[CatalogFile]
) -> list[Problem]:
    """Problems in crosswalk files: unknown framework ids or numbers, repeated pairs."""
    frameworks, clashing = _defined(entries)
    problems: list[Problem] = []
    for crosswalk, document in crosswalks:
        header = crosswalk.crosswalk
        ends = {side: frameworks.get(getattr(header, side)) for side in ("source", "target")}
        problems.extend(_header_problems(document, header, frameworks, entries))
        if header.source == header.target:
            problems.append(
                document.problem_at(
                    ("crosswalk", "target"),
                    "a crosswalk maps two different frameworks",
                    "name another target framework",
                    "same-framework",
                )
            )
        if header.exhaustive and any(m.status == "suggested" for m in crosswalk.mappings):
            problems.append(
                document.problem_at(
                    ("crosswalk", "exhaustive"),
                    "an exhaustive crosswalk hides every inferred link of its frameworks, and its suggested "
                    "mappings count for nothing: those pairs would vanish from every report",
                    "confirm or delete each suggested mapping, or set exhaustive: false until the review is done",
                    "exhaustive-with-suggestions",
                )
            )
        pairs: dict[tuple[int, int], int] = {}
        for index, mapping in enumerate(crosswalk.mappings):
            problems.extend(_mapping_problems(document, index, mapping, ends, clashing))
            pair = (mapping.source, mapping.target)
            if pair in pairs:
                problems.append(
                    document.problem_at(
                        ("mappings", index),
                        f"pair {pair[0]} -> {pair[1]} is mapped twice (also by mapping {pairs[pair] + 1}"
                        f"{_on_line(document, ('mappings', pairs[pair]))})",
                        "keep one of the two",
                        "duplicate-mapping",
                    )
                )
            pairs.setdefault(pair, index)
        for side in ("source", "target"):
            framework = ends[side]
            if framework is not None and framework.id not in clashing:
                problems.extend(_wrong_framework(document, crosswalk, side, framework, frameworks))
    problems.extend(_mapped_twice(crosswalks))
    return problems


def check_broken_crosswalk(document: Document, entries: Sequence[CatalogFile]) -> list[Problem]:
    """The numbers and titles of the mappings that are sound, in a crosswalk file that failed validation.

    So that one run reports every problem: a strength out of range no longer hides an unknown framework, or an
    unknown number or a wrong title in another mapping. Nothing is checked when the header itself is not sound.
    """
    data = document.data if isinstance(document.data, dict) else {}
    try:
        header = CrosswalkHeader.model_validate(data.get("crosswalk"))
    except ValidationError:
        return []
    frameworks, clashing = _defined(entries)
    ends = {side: frameworks.get(getattr(header, side)) for side in ("source", "target")}
    problems = _header_problems(document, header, frameworks, entries)
    raw = data.get("mappings")
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        try:
            mapping = CrosswalkMapping.model_validate(item)
        except ValidationError:
            continue  # its own problems are reported by validation
        problems.extend(_mapping_problems(document, index, mapping, ends, clashing))
    return problems


def _header_problems(
    document: Document, header: CrosswalkHeader, frameworks: Mapping[str, Framework], entries: Sequence[CatalogFile]
) -> list[Problem]:
    """A crosswalk header's framework ids that name no framework, each with the id it likely means."""
    # A jurisdiction's code names its default framework on the command line; a crosswalk needs the id itself.
    defaults = {
        code: entry.default_framework.id
        for entry in entries
        for code in (entry.jurisdiction.code, *entry.jurisdiction.aliases)
    }
    problems = []
    for side in ("source", "target"):
        framework_id = getattr(header, side)
        if framework_id not in frameworks:
            problems.append(
                document.problem_at(
                    ("crosswalk", side),
                    f"unknown framework '{framework_id}'",
                    f"'{framework_id}' is a jurisdiction: write the id of one of its frameworks, e.g. its default "
                    f"'{defaults[framework_id]}'"
                    if framework_id in defaults
                    else _for_python(
                        document,
                        _suggest(framework_id, list(frameworks), "`dgcompare list` lists the ids"),
                        "catalog.frameworks()",
                    ),
                    "unknown-framework",
                )
            )
    return problems


def _defined(entries: Sequence[CatalogFile]) -> tuple[dict[str, Framework], set[str]]:
    """Every framework by id, and the ids given to more than one framework."""
    frameworks: dict[str, Framework] = {}
    clashing: set[str] = set()
    for defined in (f for entry in entries for f in entry.frameworks):
        if defined.id in frameworks:
            clashing.add(defined.id)
        frameworks.setdefault(defined.id, defined)
    return frameworks, clashing


def _mapping_problems(
    document: Document,
    index: int,
    mapping: CrosswalkMapping,
    ends: Mapping[str, Framework | None],
    clashing: set[str],
) -> list[Problem]:
    """A mapping's numbers that its frameworks do not have, and its titles that are not theirs."""
    problems: list[Problem] = []
    for side in ("source", "target"):
        framework = ends[side]
        number = getattr(mapping, side)
        # An id given to two frameworks is reported once, where it clashes; which of the two a
        # crosswalk means is unknowable, so its numbers are not checked against either.
        if framework is not None and framework.id not in clashing and framework.principle(number) is None:
            numbers = ", ".join(str(p.number) for p in framework.principles)
            problems.append(
                document.problem_at(
                    ("mappings", index, side),
                    f"{framework.id} has no {framework.item_name} {number}",
                    f"use one of {numbers}",
                    "unknown-number",
                )
            )
    for side in ("source", "target"):
        framework = ends[side]
        if framework is not None and framework.id not in clashing:
            problem = _title_problem(document, index, side, mapping, framework)
            if problem is not None:
                problems.append(problem)
    return problems


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def title_key(title: str) -> str:
    """A title as :func:`check_crosswalks` compares it: case, runs of spaces and curly quotes do not count.

    A reviewer copying a title from a web page or retyping it must not fail on those; any other difference
    (a word, a letter, punctuation) means the title names another principle.
    """
    return " ".join(unicodedata.normalize("NFKC", title).translate(_QUOTES).casefold().split())


def _title_problem(
    document: Document, index: int, side: str, mapping: CrosswalkMapping, framework: Framework
) -> Problem | None:
    """A mapping's ``source_title`` or ``target_title`` that is not the title of the principle it numbers."""
    given = getattr(mapping, f"{side}_title")
    number = getattr(mapping, side)
    principle = framework.principle(number)
    if given is None or principle is None:
        return None
    if title_key(given) in _title_keys(principle):
        return None
    elsewhere = [p.number for p in framework.principles if title_key(given) in _title_keys(p)]
    found = f"; it is the title of {framework.id}:{elsewhere[0]}" if elsewhere else ""
    return document.problem_at(
        ("mappings", index, f"{side}_title"),
        f"{given!r} is not the title of {framework.id}:{number}{found}",
        f"write {principle.title!r}, the official wording of {framework.id}:{number}; or check the number and the "
        f"header's {side} framework",
        "wrong-title",
    )


def _title_keys(principle: Principle) -> set[str]:
    """The titles a mapping may give a principle: its official wording, or one of its renderings."""
    return {title_key(t) for t in (principle.title, *principle.titles.values())}


def _titles_fit(framework: Framework, titled: Sequence[tuple[int, str]]) -> bool:
    """Whether every (number, title) of ``titled`` is that of a principle of ``framework``."""
    principles = [framework.principle(number) for number, _ in titled]
    return all(p is not None and title_key(t) in _title_keys(p) for p, (_, t) in zip(principles, titled, strict=True))


def _wrong_framework(
    document: Document, crosswalk: CrosswalkFile, side: str, framework: Framework, frameworks: Mapping[str, Framework]
) -> Iterator[Problem]:
    """The header's ``side`` framework, when no title of that side fits it and another framework fits them all."""
    titled = [
        (getattr(m, side), title) for m in crosswalk.mappings if (title := getattr(m, f"{side}_title")) is not None
    ]
    if not titled or any(_titles_fit(framework, [one]) for one in titled):
        return
    fitting = [f.id for f in frameworks.values() if f.id != framework.id and _titles_fit(f, titled)]
    if fitting:
        yield document.problem_at(
            ("crosswalk", side),
            f"no {side}_title of the mappings is that of a principle of {framework.id}; they are those of {fitting[0]}",
            f"did you mean '{fitting[0]}'?",
            "wrong-framework",
        )


def _mapped_twice(crosswalks: Sequence[tuple[CrosswalkFile, Document]]) -> Iterator[Problem]:
    """A pair of principles mapped in two crosswalk files, either way round: which counted would hang on file names.

    A user's file may remap a pair that a built-in crosswalk maps: the user's mapping counts.
    """
    seen: dict[tuple[str, int, str, int], tuple[Document, int, str]] = {}
    for crosswalk, document in crosswalks:
        header = crosswalk.crosswalk
        for index, mapping in enumerate(crosswalk.mappings):
            ends = sorted([(header.source, mapping.source), (header.target, mapping.target)])
            key = (ends[0][0], ends[0][1], ends[1][0], ends[1][1])
            said = f"{mapping.relationship}, strength {mapping.strength}"
            earlier = seen.get(key)
            if earlier is None or _builtin(earlier[0]) != _builtin(document):
                seen[key] = (document, index, said)
                continue
            before = earlier[0].problem_at(("mappings", earlier[1]), "", "", "")  # for its file and line
            yield document.problem_at(
                ("mappings", index),
                f"{key[0]}:{key[1]} and {key[2]}:{key[3]} are mapped here ({said}) and in {before.path}:{before.line}"
                f" ({earlier[2]}); which counts would depend on the files' names",
                "keep one mapping of the pair, in one file, and delete the other",
                "mapped-twice",
            )


def _builtin(document: Document) -> bool:
    return str(document.path).startswith("<built-in>")
