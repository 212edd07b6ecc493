"""Find, read and validate catalog files: the only module that opens data files.

The built-in catalog ships inside the package (``dgcompare/data``). Users add their own directories
on top. Every problem of every file is collected and raised at once as a :class:`CatalogError`, each
problem located by file, line and column.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import importlib.resources
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Annotated, Any, Union, cast, get_args, get_origin

from pydantic import BaseModel

from dgcompare.errors import MISSING_PATH, NO_CATALOG_FILES, CatalogError, InputError, Problem
from dgcompare.models import PYTHON_SOURCE, Catalog, CatalogFile, CrosswalkFile, Framework, Jurisdiction, Taxonomy

if TYPE_CHECKING:
    from dgcompare.matcher import MatcherIndex, Progress, ScoringSettings
    from dgcompare.reports.validation import ValidationReport
    from dgcompare.yamlfile import Document

YAML_SUFFIXES = (".yaml", ".yml")
BUILTIN = "<built-in>"
"""What the names of the built-in catalog's files start with, in messages and reports."""


def builtin_data_dir() -> Path:
    """The directory of the built-in catalog inside the installed package."""
    return Path(str(importlib.resources.files("dgcompare") / "data"))


def yaml_files(directory: Path) -> list[Path]:
    """The files of a data directory: ``*.yaml`` at its top, under ``principles/`` and ``crosswalks/``."""
    found: list[Path] = []
    for folder in (directory, directory / "principles", directory / "crosswalks"):
        if folder.is_dir():
            found.extend(sorted(p for p in folder.iterdir() if _is_catalog_file(p)))
    return found


def _is_catalog_file(path: Path) -> bool:
    return (
        path.suffix in YAML_SUFFIXES and not path.name.startswith(".") and path.name != "themes.yaml" and path.is_file()
    )


MISSING_DATA_FIX = "check the path: a catalog file or a directory of them, as given to --data-dir or DGCOMPARE_DATA"
MISSING_PATH_FIX = (
    "check the spelling, a relative path starting from the current directory; or give no path to check the whole "
    "active catalog"
)
READ_WITH_DATA_DIR = "give -d {}"
"""How the fix of a data directory with no catalog file says to read the directory that has some."""
READ_WITH_VALIDATE = "run dgcompare validate {}"
"""The same, for a directory given to ``validate``."""


def catalog_paths(data_dirs: Iterable[Path], *, builtin: bool = True) -> list[tuple[Path, str]]:
    """Every catalog file to load, with the name to show for it, built-in first.

    Raises:
        CatalogError: a named directory or file does not exist, or a directory holds no catalog file.
    """
    data_dirs = list(data_dirs)
    problems = path_problems(data_dirs, MISSING_DATA_FIX, READ_WITH_DATA_DIR)
    if problems:
        raise CatalogError(problems)
    paths: list[tuple[Path, str]] = []
    if builtin:
        paths.extend((p, f"{BUILTIN}/{p.parent.name}/{p.name}") for p in yaml_files(builtin_data_dir()))
    for directory in data_dirs:
        if directory.is_file():
            paths.append((directory, str(directory)))
        else:
            paths.extend((p, str(p)) for p in yaml_files(directory))
    return paths


def path_problems(paths: Iterable[Path], missing_fix: str, read_with: str) -> list[Problem]:
    """The problems of the files and directories named: missing, or a directory with no catalog file to read.

    A directory that yields no file would otherwise add nothing, silently: the user's framework would then be
    "not in the catalog", and ``validate`` would pass on the built-in catalog alone.

    Args:
        paths: the files and directories, as the user named them.
        missing_fix: the fix of a path that does not exist.
        read_with: how to name a directory so that it is read (``{}`` stands for it), for the fix of one that
            has catalog files only deeper down.
    """
    problems = []
    for path in paths:
        if not path.exists():
            problems.append(missing_path(path, missing_fix))
        elif path.is_dir() and not yaml_files(path):
            problems.append(no_catalog_files(path, read_with))
    return problems


def missing_path(path: Path, fix: str) -> Problem:
    """The problem of a named file or directory that does not exist, with ``fix`` and any close name beside it."""
    try:
        beside = [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []
    except OSError:
        beside = []
    close = difflib.get_close_matches(path.name, beside, n=1, cutoff=0.8)
    if close:
        fix = f"did you mean {str(path.parent / close[0])!r}? If not, {fix}"
    return Problem(str(path), None, None, "", "the path does not exist", fix, MISSING_PATH)


def no_catalog_files(directory: Path, read_with: str) -> Problem:
    """The problem of a directory with no catalog file where dgcompare reads them, naming one deeper if any."""
    try:
        empty = not any(directory.iterdir())
    except OSError:
        empty = False
    what = "the directory is empty" if empty else "no catalog file to read"
    message = (
        f"{what}: dgcompare reads the .yaml and .yml files at the top of a directory and in its principles/ and "
        "crosswalks/ folders"
    )
    found = _deeper_yaml_file(directory)
    if found is None:
        fix = "put your catalog files there, or name the directory that holds them"
    else:
        # principles/ and crosswalks/ are read from the directory above them.
        holder = found.parent.parent if found.parent.name in ("principles", "crosswalks") else found.parent
        fix = f"{found} is deeper down; to read it, {read_with.format(holder)}"
    return Problem(str(directory), None, None, "", message, fix, NO_CATALOG_FILES)


def _deeper_yaml_file(directory: Path, depth: int = 4, budget: int = 500) -> Path | None:
    """The first YAML file below ``directory``, shallowest first, looking at no more than ``budget`` folders.

    The budget keeps a mistaken ``-d ~`` from walking a whole home directory.
    """
    level = [directory]
    for _ in range(depth):
        below: list[Path] = []
        for folder in level:
            budget -= 1
            if budget < 0:
                return None
            try:
                entries = sorted(folder.iterdir())
            except OSError:
                continue
            files = [e for e in entries if _is_catalog_file(e)]
            if folder is not directory and files:
                return files[0]
            below.extend(e for e in entries if e.is_dir() and not e.name.startswith("."))
        level = below
    return None


def users_files(names: Iterable[str]) -> list[str]:
    """The names, among those of catalog files read, of the files that are not the built-in catalog's."""
    return [name for name in names if not name.startswith(f"{BUILTIN}/")]


def load_taxonomy() -> Taxonomy:
    """The built-in theme taxonomy."""
    from dgcompare.yamlfile import read_yaml, validate_document

    path = builtin_data_dir() / "themes.yaml"
    return validate_document(read_yaml(path, f"{BUILTIN}/themes.yaml"), Taxonomy)


def load_catalog(
    data_dirs: Iterable[Path | str] | Path | str | None = (),
    *,
    builtin: bool = True,
    cache: bool = False,
    progress: Progress | None = None,
) -> Catalog:
    """Load the built-in catalog plus the user directories or files in ``data_dirs``.

    Args:
        data_dirs: user catalog directories (their ``*.yaml``, ``principles/`` and ``crosswalks/``) or files: one
            path, several, or None for none.
        builtin: include the catalog that ships with dgcompare.
        cache: reuse the validated catalog from the user's cache directory when no file's contents changed,
            and store it there otherwise (see :mod:`dgcompare.cache`).
        progress: told (files read, files in all) while files are read.

    Returns:
        The validated catalog.

    Raises:
        CatalogError: every problem found in every file, each with file, line and column.
    """
    return open_catalog(data_dirs, builtin=builtin, cache=cache, progress=progress).catalog


@dataclass(frozen=True)
class LoadedCatalog:
    """A validated catalog and, when it went through the cache, the key of the files it was read from."""

    catalog: Catalog
    key: str | None = None

    def matcher_index(self, settings: ScoringSettings | None = None) -> MatcherIndex:
        """A matcher index of the catalog, with the profiles an earlier run stored for the same files and settings."""
        from dgcompare import cache
        from dgcompare.matcher import MatcherIndex, ScoringSettings
        from dgcompare.matcher.index import profiles_from_data

        settings = settings or ScoringSettings()
        stored = cache.read(cache.derived_key(self.key, settings)) if self.key is not None else None
        try:
            profiles = profiles_from_data(stored) if stored is not None else None
        except ValueError:
            profiles = None
        return MatcherIndex(self.catalog, settings, profiles)

    def keep(self, index: MatcherIndex) -> None:
        """Store the profiles ``index`` made for the next run over the same files, if it made new ones."""
        if self.key is None or not index.grown or index.catalog is not self.catalog:
            return
        from dgcompare import cache
        from dgcompare.matcher.index import profiles_to_data

        cache.write(cache.derived_key(self.key, index.settings), profiles_to_data(index.profiles()))


def open_catalog(
    data_dirs: Iterable[Path | str] | Path | str | None = (),
    *,
    builtin: bool = True,
    cache: bool = False,
    progress: Progress | None = None,
) -> LoadedCatalog:
    """Like :func:`load_catalog`, keeping the cache key for :meth:`LoadedCatalog.matcher_index`.

    Raises:
        CatalogError: every problem found in every file.
    """
    from dgcompare import cache as store

    # One path is one directory or file, not a string of characters.
    given = [] if data_dirs is None else [data_dirs] if isinstance(data_dirs, str | Path) else list(data_dirs)
    paths = catalog_paths([Path(d) for d in given], builtin=builtin)
    key = store.content_key("catalog", [*paths, _themes_file()]) if cache and store.enabled() else None
    if key is not None:
        stored = store.read(key)
        if stored is not None:
            try:
                return LoadedCatalog(catalog_from_data(stored), key)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # a damaged entry is a miss
    catalog = build_catalog(paths, load_taxonomy(), progress)
    if key is not None:
        store.write(key, catalog_to_data(catalog))
    return LoadedCatalog(catalog, key)


def _themes_file() -> tuple[Path, str]:
    return builtin_data_dir() / "themes.yaml", f"{BUILTIN}/themes.yaml"


def catalog_to_data(catalog: Catalog) -> dict[str, Any]:
    """A validated catalog as JSON-ready data, for :func:`catalog_from_data`."""
    return {
        "files": [f.model_dump(mode="json", exclude_defaults=True) for f in catalog.files],
        "taxonomy": catalog.taxonomy.model_dump(mode="json"),
        "sources": dict(catalog.sources),
        "crosswalks": [c.model_dump(mode="json", exclude_defaults=True) for c in catalog.crosswalks],
        "crosswalk_sources": list(catalog.crosswalk_sources),
        "fingerprint": catalog.fingerprint,
    }


def catalog_from_data(data: dict[str, Any]) -> Catalog:
    """The catalog that :func:`catalog_to_data` wrote.

    The data was validated before it was written and comes back through a checksum, so it is rebuilt
    without validating again: validation takes most of the time of reading a large catalog.

    Raises:
        KeyError, TypeError, ValueError, AttributeError: the data does not have the shape written.
    """
    catalog = Catalog(
        tuple(_trusted(CatalogFile, f) for f in data["files"]),
        _trusted(Taxonomy, data["taxonomy"]),
        {str(k): str(v) for k, v in data["sources"].items()},
        tuple(_trusted(CrosswalkFile, c) for c in data["crosswalks"]),
        tuple(str(source) for source in data["crosswalk_sources"]),
    )
    # The entry is named by the content it holds, so the fingerprint stored with it is this catalog's: hashing
    # a large catalog again would cost a warm run a good part of its time.
    catalog.__dict__["fingerprint"] = str(data["fingerprint"])
    return catalog


def _trusted(model: type[BaseModel], value: Any) -> Any:
    """``value`` as an instance of ``model``, built without validation."""
    return _builder(model)(value)


@functools.cache
def _builder(annotation: Any) -> Callable[[Any], Any]:
    """A function that rebuilds a value of type ``annotation`` from its JSON form, made once per type."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _builder(get_args(annotation)[0])
    if origin is Union or origin is UnionType:
        inner = _builder(next(a for a in get_args(annotation) if a is not NoneType))
        return inner if inner is _same else lambda v: None if v is None else inner(v)
    if origin is tuple:
        item = _builder(get_args(annotation)[0])
        return tuple if item is _same else lambda v: tuple(map(item, v))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        construct, fields = annotation.model_construct, annotation.model_fields
        converters = {name: _builder(cast(Any, f.annotation)) for name, f in fields.items()}
        return lambda v: construct(**{k: converters[k](x) for k, x in v.items()})
    if annotation is datetime.date:
        return datetime.date.fromisoformat
    return _same


def _same(value: Any) -> Any:
    return value


def build_catalog(paths: Sequence[tuple[Path, str]], taxonomy: Taxonomy, progress: Progress | None = None) -> Catalog:
    """Read and validate ``paths`` into one catalog, checking the links between files.

    Raises:
        CatalogError: every problem found.
    """
    loaded, crosswalks, problems = _load_files(paths, taxonomy, progress)
    if problems:
        raise CatalogError(problems)
    files = tuple(entry for entry, _ in loaded)
    sources = {entry.jurisdiction.code: doc.path for entry, doc in loaded}
    return Catalog(
        files,
        taxonomy,
        sources,
        tuple(crosswalk for crosswalk, _ in crosswalks),
        tuple(document.path for _, document in crosswalks),
    )


def validate_paths(
    paths: Iterable[Path | str] = (), data_dirs: Iterable[Path | str] = (), progress: Progress | None = None
) -> ValidationReport:
    """Check catalog files in the context of the active catalog, collecting every problem.

    Args:
        paths: files or directories to check; empty means the whole active catalog.
        data_dirs: user directories that are part of the active catalog.
        progress: told (files read, files in all) while files are read.

    Returns:
        A report of the files checked and every problem found. A problem in a file of the catalog they join
        (a clash with one of them, a broken data directory) is reported too, and its file counted as checked.

    Raises:
        CatalogError: a path or data directory does not exist, or a directory holds no catalog file; each is
            reported and nothing is checked, since a report would count files that are not there, or pass on
            the built-in catalog alone.
    """
    from dgcompare.reports.validation import ValidationReport

    unreadable = path_problems([Path(d) for d in data_dirs], MISSING_DATA_FIX, READ_WITH_DATA_DIR)
    unreadable += path_problems([Path(p) for p in paths], MISSING_PATH_FIX, READ_WITH_VALIDATE)
    if unreadable:
        raise CatalogError(unreadable)
    taxonomy = load_taxonomy()
    context = catalog_paths([Path(d) for d in data_dirs])
    checked = catalog_paths([Path(p) for p in paths], builtin=False)
    targets = {p.resolve() for p, _ in checked} if paths else {p.resolve() for p, _ in context}
    loaded, crosswalks, found = _load_files([*context, *checked], taxonomy, progress)
    first_names: dict[Path, str] = {}
    for path, display in [*context, *checked]:
        first_names.setdefault(path.resolve(), display)
    shown = {display for path, display in first_names.items() if path in targets}
    entries = [entry for entry, document in loaded if document.path in shown]
    mappings = [c for c, document in crosswalks if document.path in shown]
    problems = CatalogError(found).problems
    return ValidationReport(
        files=tuple(sorted(shown | {p.path for p in problems})),
        jurisdictions=len(entries),
        frameworks=sum(len(e.frameworks) for e in entries),
        principles=sum(len(f.principles) for e in entries for f in e.frameworks),
        crosswalks=len(mappings),
        problems=problems,
    )


def with_languages(entry: CatalogFile) -> CatalogFile:
    """``entry`` with each framework that does not say its ``language`` given the one its text is written in."""
    from dgcompare.text import detect

    frameworks = []
    for framework in entry.frameworks:
        if "language" not in framework.model_fields_set:
            # The titles and the first summaries are enough to tell, and a large file is read once only.
            text = " ".join([framework.title, *(f"{p.title}. {p.summary or ''}" for p in framework.principles)])[:3000]
            language = detect(text)
            # a language that a translation already claims cannot be the official one
            claimed = {*framework.titles, *(code for p in framework.principles for code in p.titles)}
            if language != "en" and language not in claimed:
                framework = framework.model_copy(update={"language": language})
        frameworks.append(framework)
    return entry.model_copy(update={"frameworks": tuple(frameworks)})


def _load_files(
    paths: Sequence[tuple[Path, str]], taxonomy: Taxonomy, progress: Progress | None = None
) -> tuple[list[tuple[CatalogFile, Document]], list[tuple[CrosswalkFile, Document]], list[Problem]]:
    """Read every file once; a file with a top-level ``crosswalk`` key is a crosswalk."""
    # Imported here: a catalog served from the cache needs no YAML and no checks.
    from dgcompare.checks import check_broken_crosswalk, check_broken_file, check_catalog, check_crosswalks
    from dgcompare.yamlfile import read_yaml, validate_document

    problems: list[Problem] = []
    loaded: list[tuple[CatalogFile, Document]] = []
    crosswalks: list[tuple[CrosswalkFile, Document]] = []
    broken: list[Document] = []  # files that failed validation: what can still be checked in them is, too
    seen: set[Path] = set()
    for done, (path, display) in enumerate(paths, start=1):
        if progress is not None:
            progress(done, len(paths))
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        document = None
        try:
            document = read_yaml(path, display)
            if isinstance(document.data, dict) and "crosswalk" in document.data:
                crosswalks.append((validate_document(document, CrosswalkFile), document))
            else:
                loaded.append((with_languages(validate_document(document, CatalogFile)), document))
        except CatalogError as exc:
            problems.extend(exc.problems)
            if document is not None and isinstance(document.data, dict):
                broken.append(document)
    problems.extend(check_catalog(loaded, taxonomy))
    entries = [entry for entry, _ in loaded]
    problems.extend(check_crosswalks(crosswalks, entries))
    for document in broken:
        if "crosswalk" in document.data:
            problems.extend(check_broken_crosswalk(document, entries))
        else:
            problems.extend(check_broken_file(document, loaded, taxonomy))
    return loaded, crosswalks, problems


def framework_from(data: Mapping[str, Any], *, name: str = PYTHON_SOURCE) -> Framework:
    """A framework built in Python from the fields a catalog file gives it, validated as a file's would be.

    Args:
        data: the framework's fields, as under ``frameworks:`` in a catalog file (``id``, ``title``,
            ``publisher``, ``adopted``, ``url``, ``principles`` as a list of ``{number, title, ...}``...).
        name: what problems name as the file.

    Returns:
        The framework, ready for :meth:`Catalog.with_frameworks <dgcompare.models.Catalog.with_frameworks>`.

    Raises:
        CatalogError: every problem, each with the field it is in (``principle 3 (number 3), title: ...``) and a
            fix.
    """
    from dgcompare.yamlfile import Document, validate_document

    return validate_document(Document(name, dict(data), None), Framework)


def crosswalk_from(data: Mapping[str, Any], *, name: str = PYTHON_SOURCE) -> CrosswalkFile:
    """A crosswalk built in Python from the fields a crosswalk file holds, validated as a file's would be.

    Args:
        data: ``{"crosswalk": {"source": ..., "target": ..., ...}, "mappings": [{"source": 1, "target": 2,
            "relationship": "equal", "rationale": "semantic", "strength": 9, "explanation": ...}]}``.
        name: what problems name as the file.

    Returns:
        The crosswalk, ready for :meth:`Catalog.with_crosswalks <dgcompare.models.Catalog.with_crosswalks>` or
        :func:`dgcompare.crosswalks.write_crosswalk`.

    Raises:
        CatalogError: every problem, each with the field it is in and a fix.
    """
    from dgcompare.yamlfile import Document, validate_document

    return validate_document(Document(name, dict(data), None), CrosswalkFile)


def extended(
    catalog: Catalog,
    *,
    frameworks: Sequence[Framework] = (),
    jurisdiction: str | Jurisdiction | None = None,
    crosswalks: Sequence[CrosswalkFile] = (),
) -> Catalog:
    """``catalog`` with frameworks built in Python added to a jurisdiction, and crosswalks after its own.

    What is added is checked as files are: each object validated again (years against the calendar, as in a
    file), then the whole catalog's rules (unique ids, known themes and successors, crosswalks naming known
    frameworks and numbers, no pair mapped twice). The catalog given is left as it was.

    Raises:
        CatalogError: every problem found, named ``<python>``.
        InputError: ``jurisdiction`` is a code this catalog does not know.
    """
    from dgcompare.checks import check_catalog, check_crosswalks
    from dgcompare.yamlfile import Document, validate_document

    def revalidated(model: Any, value: BaseModel) -> Any:
        return validate_document(Document(PYTHON_SOURCE, value.model_dump(exclude_unset=True), None), model)

    files = list(catalog.files)
    sources = dict(catalog.sources)
    # The catalog's own files are checked again beside what is added, each under the name of its file.
    checked = [(entry, Document(sources.get(entry.jurisdiction.code, PYTHON_SOURCE), None, None)) for entry in files]
    if frameworks:
        added = tuple(revalidated(Framework, f) for f in frameworks)
        if isinstance(jurisdiction, Jurisdiction):
            entry = with_languages(CatalogFile(jurisdiction=revalidated(Jurisdiction, jurisdiction), frameworks=added))
            files.append(entry)
            sources[entry.jurisdiction.code] = PYTHON_SOURCE
            checked.append((entry, _python_document(entry)))
        else:
            known = catalog.jurisdiction(jurisdiction or "")
            if known is None:
                close = difflib.get_close_matches(str(jurisdiction), [e.jurisdiction.code for e in catalog.files], n=1)
                raise InputError(
                    f"{jurisdiction!r} is not a jurisdiction of this catalog",
                    hint=f"did you mean '{close[0]}'?" if close else "pass a new Jurisdiction(code=..., name=...)",
                )
            detected = with_languages(CatalogFile(jurisdiction=known.jurisdiction, frameworks=added)).frameworks
            files[files.index(known)] = known.model_copy(update={"frameworks": (*known.frameworks, *detected)})
            # Checked as a file of their own, so that a problem names them, not the jurisdiction's file.
            own = CatalogFile.model_construct(jurisdiction=known.jurisdiction, frameworks=detected)
            checked.append((own, _python_document(own)))
    added_crosswalks = [revalidated(CrosswalkFile, c) for c in crosswalks]
    every_crosswalk = [
        *((c, Document(source, None, None)) for c, source in catalog.curated()),
        *((c, _python_document(c)) for c in added_crosswalks),
    ]
    problems = check_catalog(checked, catalog.taxonomy) if frameworks else []
    if not isinstance(jurisdiction, Jurisdiction):
        # Frameworks added to a known jurisdiction share its code on purpose.
        problems = [p for p in problems if not (p.code == "duplicate-code" and p.path == PYTHON_SOURCE)]
    problems += check_crosswalks(every_crosswalk, files)
    if problems:
        raise CatalogError(problems)
    return Catalog(
        tuple(files),
        catalog.taxonomy,
        sources,
        tuple(c for c, _ in every_crosswalk),
        tuple(d.path for _, d in every_crosswalk),
    )


def _python_document(value: BaseModel) -> Document:
    """What problems in objects built in Python are located in: no file or line, but the ids and numbers."""
    from dgcompare.yamlfile import Document

    return Document(PYTHON_SOURCE, value.model_dump(), None)
