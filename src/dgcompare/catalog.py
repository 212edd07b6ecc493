"""Find, read and validate catalog files: the only module that opens data files.

The built-in catalog ships inside the package (``dgcompare/data``). Users add their own directories
on top. Every problem of every file is collected and raised at once as a :class:`CatalogError`, each
problem located by file, line and column.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import importlib.resources
import pickle
from collections.abc import Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dgcompare.errors import CatalogError, Problem
from dgcompare.models import Catalog, CatalogFile, CrosswalkFile, Taxonomy

if TYPE_CHECKING:
    from dgcompare.matcher import Progress
    from dgcompare.results import ValidationReport
    from dgcompare.yamlfile import Document

YAML_SUFFIXES = (".yaml", ".yml")


def builtin_data_dir() -> Path:
    """The directory of the built-in catalog inside the installed package."""
    return Path(str(importlib.resources.files("dgcompare") / "data"))


def yaml_files(directory: Path) -> list[Path]:
    """The files of a data directory: ``*.yaml`` at its top, under ``principles/`` and ``crosswalks/``."""
    found: list[Path] = []
    for folder in (directory, directory / "principles", directory / "crosswalks"):
        if folder.is_dir():
            found.extend(
                sorted(
                    p
                    for p in folder.iterdir()
                    if p.suffix in YAML_SUFFIXES
                    and p.is_file()
                    and not p.name.startswith(".")
                    and p.name != "themes.yaml"
                )
            )
    return found


def catalog_paths(data_dirs: Iterable[Path], *, builtin: bool = True) -> list[tuple[Path, str]]:
    """Every catalog file to load, with the name to show for it, built-in first.

    Raises:
        CatalogError: a named directory or file does not exist.
    """
    paths: list[tuple[Path, str]] = []
    if builtin:
        paths.extend((p, f"<built-in>/{p.parent.name}/{p.name}") for p in yaml_files(builtin_data_dir()))
    for directory in data_dirs:
        if directory.is_file():
            paths.append((directory, str(directory)))
        elif directory.is_dir():
            paths.extend((p, str(p)) for p in yaml_files(directory))
        else:
            raise CatalogError(
                [
                    Problem(
                        str(directory),
                        None,
                        None,
                        "",
                        "no such file or directory",
                        "check the --data-dir or DGCOMPARE_DATA path",
                        "missing-path",
                    )
                ]
            )
    return paths


def load_taxonomy() -> Taxonomy:
    """The built-in theme taxonomy."""
    from dgcompare.yamlfile import read_yaml, validate_document

    path = builtin_data_dir() / "themes.yaml"
    return validate_document(read_yaml(path, "<built-in>/themes.yaml"), Taxonomy)


def load_catalog(
    data_dirs: Iterable[Path | str] = (), *, builtin: bool = True, cache: bool = False, progress: Progress | None = None
) -> Catalog:
    """Load the built-in catalog plus the user directories or files in ``data_dirs``.

    Args:
        data_dirs: user catalog directories (their ``*.yaml``, ``principles/`` and ``crosswalks/``) or files.
        builtin: include the catalog that ships with dgcompare.
        cache: reuse the validated catalog from the user's cache directory when no file's contents changed,
            and store it there otherwise (see :mod:`dgcompare.cache` and :class:`CachedCatalog`).
        progress: told (files read, files in all) while files are read.

    Returns:
        The validated catalog.

    Raises:
        CatalogError: every problem found in every file, each with file, line and column.
    """
    if cache:
        return CachedCatalog.load(data_dirs, builtin=builtin, progress=progress).catalog
    return build_catalog(catalog_paths([Path(d) for d in data_dirs], builtin=builtin), load_taxonomy(), progress)


@dataclass
class CachedCatalog:
    """A catalog read through the user's cache directory, keyed by the contents of its files.

    The matcher keeps what it derives from a catalog (term statistics, principle profiles) in
    :attr:`Catalog.derived`; :meth:`save` stores the catalog again when that has grown, so the next run
    neither parses nor validates nor profiles anything it has seen.
    """

    catalog: Catalog
    key: str | None
    derived_when_stored: int = 0

    @classmethod
    def load(
        cls,
        data_dirs: Iterable[Path | str] = (),
        *,
        builtin: bool = True,
        store: bool = True,
        progress: Progress | None = None,
    ) -> CachedCatalog:
        """The catalog from the cache when no file changed, else read, validated and (if ``store``) stored.

        A caller that will :meth:`save` anyway once its work is done passes ``store=False``, so that a new
        catalog is written once, with its profiles, rather than twice.

        Raises:
            CatalogError: every problem found in every file.
        """
        paths = catalog_paths([Path(d) for d in data_dirs], builtin=builtin)
        themes = builtin_data_dir() / "themes.yaml"
        key = _content_key([*paths, (themes, "<built-in>/themes.yaml")])
        cached = _cached_catalog(key) if key is not None else None
        if cached is not None:
            return cls(cached, key, _derived_size(cached))
        loaded = cls(build_catalog(paths, load_taxonomy(), progress), key, -1)
        if store:
            loaded.save()
        return loaded

    def save(self) -> None:
        """Store the catalog, with all derived from it so far, unless the stored entry already has it all."""
        size = _derived_size(self.catalog)
        if self.key is None or size == self.derived_when_stored:
            return
        from dgcompare import cache as store

        try:
            payload = pickle.dumps(self.catalog, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return  # NOTE: a cache that cannot be written only costs speed, never the command.
        # NOTE: with profiles an entry for a thousand jurisdictions is about 11 MB; ten entries cover the
        # catalogs one person switches between.
        store.write(store.entry_path("catalogs", self.key), payload, keep=10)
        self.derived_when_stored = size


def _derived_size(catalog: Catalog) -> int:
    return sum(len(value) if isinstance(value, Sized) else 1 for value in catalog.derived.values())


def _content_key(paths: Sequence[tuple[Path, str]]) -> str | None:
    """A hash of the code version, the validation year and every file's name and contents."""
    from dgcompare import __version__

    digest = hashlib.sha256(f"{__version__}\0{datetime.date.today().year}\0".encode())
    try:
        for path, display in paths:
            digest.update(display.encode("utf-8", "surrogatepass") + b"\0" + path.read_bytes() + b"\0")
        package = Path(__file__).resolve().parent
        # the matcher's profiles kept with the catalog are made of words the lexicon reads
        for module in sorted([*package.glob("*.py"), *package.glob("lexicon/*.py"), *package.glob("lexicon/*.txt")]):
            digest.update(f"{module.relative_to(package)}:{module.stat().st_mtime_ns}\0".encode())
    except OSError:
        return None
    return digest.hexdigest()


def _cached_catalog(key: str) -> Catalog | None:
    from dgcompare import cache as store

    payload = store.read(store.entry_path("catalogs", key))
    if payload is None:
        return None
    try:
        # NOTE: the entry was written by dgcompare itself into the user's own 0700 cache directory and passed
        # its checksum; anything unexpected is a miss, never an error.
        catalog = pickle.loads(payload)
    except Exception:
        return None
    return catalog if isinstance(catalog, Catalog) else None


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
    return Catalog(files, taxonomy, sources, tuple(crosswalk for crosswalk, _ in crosswalks))


def validate_paths(
    paths: Iterable[Path | str] = (), data_dirs: Iterable[Path | str] = (), progress: Progress | None = None
) -> ValidationReport:
    """Check catalog files in the context of the active catalog, collecting every problem.

    Args:
        paths: files or directories to check; empty means the whole active catalog.
        data_dirs: user directories that are part of the active catalog.
        progress: told (files read, files in all) while files are read.

    Returns:
        A report of the files checked and every problem found (in them or in the catalog they join).
    """
    from dgcompare.results import ValidationReport

    taxonomy = load_taxonomy()
    problems: list[Problem] = []
    try:
        context = catalog_paths([Path(d) for d in data_dirs])
    except CatalogError as exc:
        context, problems = catalog_paths([]), list(exc.problems)
    checked: list[tuple[Path, str]] = []
    for path in map(Path, paths):
        try:
            checked.extend(catalog_paths([path], builtin=False))
        except CatalogError as exc:
            problems.extend(exc.problems)
    targets = {p.resolve() for p, _ in checked} if paths else {p.resolve() for p, _ in context}
    loaded, crosswalks, found = _load_files([*context, *checked], taxonomy, progress)
    first_names: dict[Path, str] = {}
    for path, display in [*context, *checked]:
        first_names.setdefault(path.resolve(), display)
    shown = {display for path, display in first_names.items() if path in targets}
    entries = [entry for entry, document in loaded if document.path in shown]
    mappings = [c for c, document in crosswalks if document.path in shown]
    return ValidationReport(
        files=tuple(sorted(shown)),
        jurisdictions=len(entries),
        frameworks=sum(len(e.frameworks) for e in entries),
        principles=sum(len(f.principles) for e in entries for f in e.frameworks),
        crosswalks=len(mappings),
        problems=CatalogError([*problems, *found]).problems,
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector, which would otherwise walk every node tree kept so far, again and again.

    Reading 1000 catalog files keeps 1000 YAML node trees alive for locating problems; the collector spent
    1.8 of 4.1 seconds re-examining them. What is built here holds no garbage cycles worth collecting early.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_collector_paused()
def _load_files(
    paths: Sequence[tuple[Path, str]], taxonomy: Taxonomy, progress: Progress | None = None
) -> tuple[list[tuple[CatalogFile, Document]], list[tuple[CrosswalkFile, Document]], list[Problem]]:
    """Read every file once; a file with a top-level ``crosswalk`` key is a crosswalk."""
    # NOTE: imported here because a catalog served from the cache needs no YAML and no checks.
    from dgcompare.checks import check_catalog, check_crosswalks
    from dgcompare.yamlfile import read_yaml, validate_document

    problems: list[Problem] = []
    loaded: list[tuple[CatalogFile, Document]] = []
    crosswalks: list[tuple[CrosswalkFile, Document]] = []
    seen: set[Path] = set()
    for done, (path, display) in enumerate(paths, start=1):
        if progress is not None:
            progress(done, len(paths))
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        try:
            document = read_yaml(path, display)
            if isinstance(document.data, dict) and "crosswalk" in document.data:
                crosswalks.append((validate_document(document, CrosswalkFile), document))
            else:
                loaded.append((validate_document(document, CatalogFile), document))
        except CatalogError as exc:
            problems.extend(exc.problems)
    problems.extend(check_catalog(loaded, taxonomy))
    problems.extend(check_crosswalks(crosswalks, [entry for entry, _ in loaded]))
    return loaded, crosswalks, problems
