"""The ``dgcompare`` command line: parse arguments, call the library, hand results to a view or exporter.

This package is the only code that writes to stdout or stderr or exits. Heavy modules are imported inside
the commands that need them, so ``dgcompare --help`` stays fast; the common options and the :class:`Run`
every command gets are in :mod:`dgcompare.cli.common`.
"""

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dgcompare.cli.common import (
    BRIEF_FORMATS,
    CHART_FORMATS,
    TEXT_FORMATS,
    CsvDelimiterOption,
    DataDirOption,
    DebugOption,
    EquivalentOption,
    ForceOption,
    FormatOption,
    InferredOnlyOption,
    KindOption,
    LangOption,
    Options,
    OriginalOption,
    OutputOption,
    ProgressBar,
    RelatedOption,
    Run,
    ThemeOption,
    command,
    framework_kind,
    listed_tokens,
    match_config,
    show_version,
    stderr,
    warn,
    write_stdout,
)
from dgcompare.export import OutputFormat

if TYPE_CHECKING:
    import datetime

    from dgcompare.matcher import MatchConfig
    from dgcompare.models import Framework

app = typer.Typer(
    name="dgcompare",
    help="Compare national digital-government principle sets: align them, explain why, find the gaps.\n\n"
    "Examples:\n\n"
    "    dgcompare list\n\n"
    "    dgcompare show uk au\n\n"
    "    dgcompare show uk au ca --format csv -o briefing.csv",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def main() -> None:
    """Run ``dgcompare`` with the arguments of this process (the console script)."""
    app(prog_name="dgcompare")


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: DataDirOption = None,
    debug: DebugOption = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    original: OriginalOption = False,
    csv_delimiter: CsvDelimiterOption = None,
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=show_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Read the options given before the command; each command takes them after it too."""
    ctx.obj = Options.from_environment().merged(
        data_dir=data_dir,
        debug=debug,
        fmt=fmt,
        output=output,
        force=force,
        lang=lang,
        original=original,
        csv_delimiter=csv_delimiter,
    )


@app.command("list")
@command()
def list_command(
    run: Run,
    ranks: Annotated[bool, typer.Option("--ranks", help="Add each jurisdiction's UN E-Government ranks.")] = False,
) -> None:
    """List jurisdictions and their frameworks: id, title, year, number of principles, default.

    Example: dgcompare list --ranks
    """
    from dgcompare.reports.listing import ListingView, listing

    result = listing(run.catalog, run.lang)
    run.emit(result, functools.partial(ListingView, ranks=ranks))


@app.command()
@command()
def themes(run: Run) -> None:
    """List the themes a principle can be tagged with: id, label, linked themes, principles tagged.

    The ids are what a catalog file's themes list takes. Example: dgcompare themes --format csv
    """
    from dgcompare.reports.themes import theme_listing

    result = theme_listing(run.catalog, run.lang)
    run.emit(result, lambda listing: listing.view())


@app.command()
@command()
def show(
    run: Run,
    tokens: Annotated[
        list[str],
        typer.Argument(metavar="FRAMEWORK...", help="Jurisdiction codes (their default framework) or framework ids."),
    ],
    inferred_only: InferredOnlyOption = False,
    equivalent: EquivalentOption = None,
    related: RelatedOption = None,
    theme: ThemeOption = None,
) -> None:
    """Align the principles of two or more frameworks and show them side by side, or show one principle.

    Each row holds counterparts (= equivalent, ~ related, with the score; * from a curated crosswalk);
    principles without a counterpart follow. With one FRAMEWORK:N token, show that principle and its
    counterparts in every other jurisdiction (its framework of the same kind, else its default). Example: dgcompare
    show uk au ca
    """
    config = match_config(inferred_only, equivalent, related)
    if len(tokens) == 1 and ":" in tokens[0]:
        if theme is not None:
            from dgcompare.errors import InputError

            raise InputError("--theme narrows a comparison; one principle has its own themes", hint="drop --theme")
        from dgcompare.reports.detail import DetailView, principle_detail

        framework, principle = run.principle(tokens[0])
        with ProgressBar("Comparing with every jurisdiction") as bar:
            detail = principle_detail(run.index(config), framework, principle, config, run.lang, bar)
        run.emit(detail, DetailView)
        return
    from dgcompare.reports.comparison import ComparisonView, compare

    frameworks = run.several(tokens, "show", "uk au")
    with ProgressBar("Aligning") as bar:
        result = compare(run.index(config), frameworks, config, run.lang, bar, theme=run.theme(theme))
    run.emit(result, ComparisonView)


@app.command()
@command()
def coverage(
    run: Run,
    tokens: Annotated[
        list[str],
        typer.Argument(metavar="FRAMEWORK...", help="Jurisdiction codes (their default framework) or framework ids."),
    ],
    inferred_only: InferredOnlyOption = False,
    equivalent: EquivalentOption = None,
    related: RelatedOption = None,
) -> None:
    """Count, for each framework, its principles with an equivalent, only related or nothing in each other.

    The links are those of show; each count comes with its percentage. Example: dgcompare coverage uk au ca
    """
    from dgcompare.reports.coverage import CoverageView
    from dgcompare.reports.coverage import coverage as count_coverage

    config = match_config(inferred_only, equivalent, related)
    frameworks = run.several(tokens, "coverage", "uk au")
    with ProgressBar("Aligning") as bar:
        result = count_coverage(run.index(config), frameworks, config, run.lang, bar)
    run.emit(result, CoverageView)


VALIDATED_SHOWN = 10
"""How many of the user's files ``validate`` names; JSON lists them all."""


@app.command()
@command(formats=TEXT_FORMATS)
def validate(
    run: Run,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]...", help="Files or directories (default: the active catalog)."),
    ] = None,
) -> None:
    """Check catalog files and report every problem with its file, line and column.

    Exits with 2 when a problem is found. Example: dgcompare validate my-catalog/
    """
    from dgcompare.catalog import users_files, validate_paths
    from dgcompare.render import counted
    from dgcompare.reports.validation import ValidationView

    with ProgressBar("Reading the catalog") as bar:
        report = validate_paths(paths or [], run.options.data_dirs, bar)
    # The verdict counts the built-in catalog too: said alone, it reads as a verdict on the user's own files.
    yours = users_files(report.files)
    if yours:
        shown = ", ".join(yours[:VALIDATED_SHOWN])
        more = f", and {len(yours) - VALIDATED_SHOWN} more (--format json lists them)" * (len(yours) > VALIDATED_SHOWN)
        stderr().print(f"Checked {counted(len(yours), 'file')} of yours: {shown}{more}", markup=False)
    run.emit(report, ValidationView)
    if not report.ok:
        raise typer.Exit(2)


@app.command()
@command()
def gaps(
    run: Run,
    target: Annotated[str, typer.Argument(metavar="TARGET", help="The jurisdiction or framework to examine.")],
    listed: Annotated[
        list[str] | None,
        typer.Argument(metavar="[PEER]...", help="Peers after the target: the same as --against."),
    ] = None,
    against: Annotated[
        list[str] | None,
        typer.Option(
            "--against",
            "-a",
            metavar="PEER",
            help="Peer frameworks, comma-separated or repeated (default: one of TARGET's kind per jurisdiction).",
        ),
    ] = None,
    kind: KindOption = None,
    theme: ThemeOption = None,
    inferred_only: InferredOnlyOption = False,
    equivalent: EquivalentOption = None,
    related: RelatedOption = None,
    fail_on_gaps: Annotated[bool, typer.Option("--fail-on-gaps", help="Exit with 3 if any gap is found.")] = False,
) -> None:
    """Show what peers commit to that TARGET does not fully cover, by theme, then TARGET's strengths.

    Peers by default: one framework per other jurisdiction of TARGET's kind (--kind chooses another).

    Example: dgcompare gaps ca --against uk,au (or: dgcompare gaps ca uk au)
    """
    from dgcompare.api import default_peers
    from dgcompare.reports.gaps import GapView
    from dgcompare.reports.gaps import gaps as find_gaps

    config = match_config(inferred_only, equivalent, related)
    (framework,) = run.frameworks([target])
    named = [*(listed or []), *(against or [])]
    if named:
        # gaps ca uk au, --against uk,au and --against uk --against au are the same list.
        peers = run.frameworks(listed_tokens(named))
        peers = [p for p in peers if p.id != framework.id]
    else:
        # Like for like: by default, peers of the target's own kind (a service standard against service standards).
        peers = default_peers(run.catalog, framework, kind)
    if not peers:
        from dgcompare.errors import InputError

        # The hint names a peer that is not the target, and says why the default found none.
        other = next(f for f in run.catalog.defaults() if f.id != framework.id)
        code = run.catalog.jurisdiction_of(other.id).jurisdiction.code
        why = (
            ""
            if named
            else f"; no other jurisdiction has a framework of its kind ({framework.kind}): --kind chooses another"
        )
        raise InputError(
            f"gaps needs at least one peer other than the target{why}", hint=f"e.g. dgcompare gaps {target} {code}"
        )
    with ProgressBar("Comparing with peers") as bar:
        report = find_gaps(run.index(config), framework, peers, config, run.lang, bar, theme=run.theme(theme))
    run.emit(report, GapView)
    if fail_on_gaps and report.gaps:
        from dgcompare.errors import ChecksFailed
        from dgcompare.render import counted

        found = counted(len(report.gaps), "gap")
        raise ChecksFailed(f"{found} found in {framework.id}", hint="--fail-on-gaps was given")


@app.command()
@command(formats=CHART_FORMATS)
def matrix(
    run: Run,
    tokens: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FRAMEWORK]...",
            help="Frameworks (default: every jurisdiction's default, or its framework of --kind).",
        ),
    ] = None,
    kind: KindOption = None,
    theme: ThemeOption = None,
    principles: Annotated[
        bool, typer.Option("--principles", help="Name the principles behind each cell (exports always do).")
    ] = False,
) -> None:
    """Show a coverage heatmap: themes by frameworks, with totals per theme and per framework.

    Example: dgcompare matrix uk au ca us
    """
    from dgcompare.reports.matrix import MatrixView, coverage_matrix

    frameworks = run.frameworks(tokens) if tokens else run.catalog.of_kind(framework_kind(kind))
    with ProgressBar("Profiling frameworks") as bar:
        result = coverage_matrix(run.index(match_config(False)), frameworks, run.lang, bar, theme=run.theme(theme))
    # A narrowed heatmap is one row: it names the principles behind its cells (documents always do).
    run.emit(result, functools.partial(MatrixView, principles=principles or theme is not None))


@app.command()
@command(formats=BRIEF_FORMATS, default=OutputFormat.MARKDOWN)
def brief(
    run: Run,
    tokens: Annotated[
        list[str],
        typer.Argument(metavar="FRAMEWORK...", help="The frameworks to examine: jurisdiction codes or framework ids."),
    ],
    against: Annotated[
        list[str] | None,
        typer.Option(
            "--against",
            "-a",
            metavar="PEER",
            help="Peers to compare with, comma-separated or repeated (default: the FRAMEWORKs with each other).",
        ),
    ] = None,
    theme: ThemeOption = None,
    inferred_only: InferredOnlyOption = False,
    equivalent: EquivalentOption = None,
    related: RelatedOption = None,
) -> None:
    """Write a briefing document: summary, alignment, gaps, theme heatmap, sources and method.

    The format follows --output's suffix: .html (a self-contained report to open, print or email), .xlsx (a
    workbook, one sheet per section; needs the office extra), .md (Markdown); without --output, Markdown on
    standard output. Example: dgcompare brief uk au ca -o brief.html
    """
    from dgcompare.errors import InputError
    from dgcompare.reports.briefing import briefing

    config = match_config(inferred_only, equivalent, related)
    examined = run.frameworks(tokens)
    peers = run.frameworks(listed_tokens(against or []))
    peers = [p for p in peers if p not in examined]
    if len(examined) + len(peers) < 2:
        raise InputError("a briefing needs two or more different frameworks", hint="e.g. dgcompare brief uk au")
    from dgcompare.cli.common import document_date

    result = briefing(
        run.index(config), examined, peers, config, run.lang, theme=run.theme(theme), today=document_date()
    )
    run.emit_document(result)


@app.command()
@command()
def diff(
    run: Run,
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier edition.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later edition.")],
    inferred_only: InferredOnlyOption = False,
    equivalent: EquivalentOption = None,
    related: RelatedOption = None,
) -> None:
    """Show what changed between two editions: kept, reworded, merged, split, added, dropped.

    Example: dgcompare diff au-dss-v1 au-dss-v2
    """
    import shlex

    from dgcompare.reports.diff import DiffView, edition_mismatch
    from dgcompare.reports.diff import diff as edition_diff

    config = match_config(inferred_only, equivalent, related)
    earlier, later = run.several([old, new], "diff", "au-dss-v1 au-dss-v2", needs="two different editions")
    # Both mistakes still give a diff, so they are warnings: the command goes on.
    match edition_mismatch(run.catalog, earlier, later):
        case "reversed":
            warn(
                f"{later.id} ({later.adopted or 'undated'}), given second as the new edition, is older than "
                f"{earlier.id} ({earlier.adopted or 'undated'}); diff takes the old edition first",
                hint=f"did you mean dgcompare diff {shlex.quote(new)} {shlex.quote(old)}?",
            )
        case "other-jurisdiction":
            jurisdiction = run.catalog.jurisdiction_of
            warn(
                f"{earlier.id} ({jurisdiction(earlier.id).jurisdiction.name}) and {later.id} "
                f"({jurisdiction(later.id).jurisdiction.name}) are frameworks of two jurisdictions, "
                "not two editions of one",
                hint=f"to align them: dgcompare show {shlex.quote(old)} {shlex.quote(new)}",
            )
    result = edition_diff(run.index(config), earlier, later, config, lang=run.lang)
    run.emit(result, DiffView)


@app.command()
@command()
def search(
    run: Run,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for, in English or French.")],
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", "-j", metavar="CODE", help="Search one jurisdiction only.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many hits.")] = 20,
    theme: ThemeOption = None,
) -> None:
    """Search titles, summaries and themes of the whole catalog, best matches first.

    Example: dgcompare search "open source" --jurisdiction uk
    """
    from dgcompare.reports.search import SearchView
    from dgcompare.reports.search import search as find

    catalog = run.catalog
    code = None
    if jurisdiction is not None:
        # Whatever selects a jurisdiction elsewhere (code, ISO code, name) selects it here too.
        (framework,) = run.frameworks([jurisdiction])
        code = catalog.jurisdiction_of(framework.id).jurisdiction.code
    theme_id = run.theme(theme)
    index = run.index(match_config(False)) if theme_id else None
    result = find(catalog, text, code, limit, theme=theme_id, index=index, lang=run.lang)
    run.emit(result, SearchView)


@app.command()
@command()
def explain(
    run: Run,
    first: Annotated[str, typer.Argument(metavar="A:N", help="A principle: framework or jurisdiction, colon, number.")],
    second: Annotated[str, typer.Argument(metavar="B:M", help="Another principle, in another framework.")],
    inferred_only: InferredOnlyOption = False,
    equivalent: EquivalentOption = None,
    related: RelatedOption = None,
) -> None:
    """Explain the score of one pair of principles, signal by signal, and the verdict.

    Example: dgcompare explain uk:9 ca:5
    """
    from dgcompare.reports.explanation import ExplanationView
    from dgcompare.reports.explanation import explain as explain_pair

    config = match_config(inferred_only, equivalent, related)
    a, b = run.principle(first), run.principle(second)
    if a[0].id == b[0].id:
        from dgcompare.errors import InputError

        raise InputError("explain compares principles of two different frameworks", hint="e.g. uk:9 ca:5")
    result = explain_pair(run.index(config), a, b, config, lang=run.lang)
    run.emit(result, ExplanationView)


crosswalk_app = typer.Typer(
    help="Author curated crosswalks between two frameworks.\n\nExample: dgcompare crosswalk draft on ca -o on--ca.yaml",
    no_args_is_help=True,
)
app.add_typer(crosswalk_app, name="crosswalk")


@crosswalk_app.command("draft")
@command(report=False)
def crosswalk_draft(
    run: Run,
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="Source framework or jurisdiction.")],
    target: Annotated[str, typer.Argument(metavar="TARGET", help="Target framework or jurisdiction.")],
    equivalent: EquivalentOption = None,
    related: RelatedOption = None,
    update: Annotated[
        Path | None,
        typer.Option(
            "--update",
            metavar="FILE",
            dir_okay=False,
            help="Update this crosswalk file of SOURCE and TARGET instead: keep its header and every mapping in "
            "it, add suggestions for the pairs it does not map, and report what a fresh draft would have changed. "
            "Written back to FILE, or to --output.",
        ),
    ] = None,
) -> None:
    """Write the inferred alignments of two frameworks as a crosswalk file for a human to review.

    Every mapping is marked 'status: suggested'; confirm, correct or reject each, set 'status: confirmed',
    then put the file in a --data-dir's crosswalks/ folder; --update FILE adds what is new after a review. Example:
    dgcompare crosswalk draft on ca -o on--ca.yaml
    """
    import datetime

    from dgcompare.crosswalks import draft_crosswalk
    from dgcompare.yamlfile import dump_yaml

    output = run.options.output_file
    if output is not None and output.suffix.lower() not in (".yaml", ".yml"):
        from dgcompare.errors import InputError

        raise InputError(
            f"cannot write {output}: a crosswalk is a YAML file", hint=f"name it {output.with_suffix('.yaml')}"
        )
    # A draft is what the matcher infers alone, for a person to confirm: curated mappings stay out of it.
    config = match_config(True, equivalent, related)
    if update is not None:
        _update_crosswalk(run, update, run.frameworks([source, target]), config, datetime.date.today())
        return
    (a,), (b,) = run.frameworks([source]), run.frameworks([target])
    drafted = draft_crosswalk(run.index(config), a, b, config, datetime.date.today())
    text = dump_yaml(drafted.model_dump(mode="json", exclude_none=True))
    if output is None:
        write_stdout(text)
        return
    from dgcompare.output import write_atomically

    if output.exists() and not run.options.force:
        from dgcompare.errors import OutputError

        # The file is likely a crosswalk under review: replacing it would throw the review away.
        raise OutputError(
            f"{output} already exists; it was left untouched",
            hint=f"to add what is new and keep its review: --update {output}; to replace it: --force",
        )
    write_atomically(output, text, force=run.options.force)
    from dgcompare.render import counted

    stderr().print(f"wrote {output} ({counted(len(drafted.mappings), 'suggested mapping')})", markup=False)


def _update_crosswalk(
    run: Run, path: Path, frameworks: "list[Framework]", config: "MatchConfig", today: "datetime.date"
) -> None:
    """``crosswalk draft --update FILE``: extend FILE (or write --output) and say what changed on stderr."""
    from dgcompare.crosswalks import read_crosswalk, update_crosswalk, update_report, updated_text
    from dgcompare.i18n import translator
    from dgcompare.output import write_atomically

    current = read_crosswalk(path)
    result = update_crosswalk(run.index(config), current, frameworks, config, today)
    text, layout_kept = updated_text(current, result)
    _ = translator(run.lang)
    lines = update_report(result, run.lang)
    if result.added and not layout_kept:
        lines.append(
            _(
                "the file was written afresh, as its mappings are a [...] list: its comments are lost "
                "(PyYAML keeps none)"
            )
        )
    if run.options.output is not None and run.options.output_file is None:
        write_stdout(text)  # -o -
    else:
        written = run.options.output_file or path
        # Updating FILE in place is what was asked; another file is replaced only with --force.
        same = written.resolve() == path.resolve()
        write_atomically(
            written, text, force=run.options.force or same, encoding="utf-8-sig" if current.bom else "utf-8"
        )
        lines.insert(
            0,
            _("updated {file}").format(file=path)
            if same
            else _("wrote {output}: {file} brought up to date").format(output=written, file=path),
        )
    stderr().print("\n".join(lines), markup=False)


@crosswalk_app.command("status")
@command(report=False)
def crosswalk_status(
    run: Run,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The crosswalk file.", exists=False)],
) -> None:
    """Say what a crosswalk file confirms, rejects and still suggests, and which inferred links it leaves.

    For an exhaustive file, the inferred links it hides. Example: dgcompare crosswalk status crosswalks/on--ca.yaml
    """
    from dgcompare.catalog import open_catalog
    from dgcompare.crosswalks import crosswalk_status as status_of
    from dgcompare.errors import InputError
    from dgcompare.matcher import MatcherIndex
    from dgcompare.models import CrosswalkFile
    from dgcompare.yamlfile import read_yaml, validate_document

    if not file.is_file():
        raise InputError(f"{file} is not a file", hint="give the path of a crosswalk YAML file")
    crosswalk = validate_document(read_yaml(file), CrosswalkFile)
    # The file's own frameworks may be in the user's data directories, or beside it.
    catalog = open_catalog([*run.options.data_dirs, file], cache=False).catalog
    config = match_config(True)
    write_stdout("\n".join(status_of(MatcherIndex(catalog), crosswalk, config)) + "\n")
