"""The ``presslens`` command.

``presslens report --corpus PATH --out DIR``   build the report (tables, figures, HTML) and rerun the notebooks;
                                              ``--engine dask [--scheduler ADDRESS]`` runs its
                                              heavy analyses on Dask (presslens.scale)
``presslens check FILE``                       dry run: the columns used, rows kept and quarantined, dates,
                                              outlets, and which sections and notebooks can run
``presslens corpus info PATH``                 overview and quarantine summary of a corpus
``presslens simulate --n N --seed S --out DIR`` write a simulated corpus with labels
``presslens explore --corpus PATH --out DIR``  write the interactive explorer page (explore.html)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd


def _print_table(table: pd.DataFrame) -> None:
    with pd.option_context("display.width", 120, "display.max_columns", 20, "display.max_rows", 200):
        print(table.to_string(index=False))


def _cmd_info(args) -> int:
    from presslens.corpus import describe, load

    result = load(args.path, dayfirst=args.dayfirst, format=args.format)
    tables = describe(result.corpus) if len(result.corpus) else {}
    print(f"{args.path}: {result.n_read:,} rows read, {len(result.corpus):,} kept, {len(result.quarantine):,} quarantined\n")
    for name in ("by_outlet", "by_year", "outlet_types", "lengths"):
        if name in tables:
            print(f"== {name.replace('_', ' ')}")
            _print_table(tables[name])
            print()
    print("== quarantine")
    _print_table(result.summary())
    if len(result.quarantine) and args.show_quarantine:
        print()
        _print_table(result.quarantine)
    return 0


def parse_columns(text: str | None) -> dict | None:
    """The ``--columns`` flag (``yours=ours`` pairs separated by commas) as a mapping.

    Examples
    --------
    >>> parse_columns("Title=headline, Story Body=text")
    {'Title': 'headline', 'Story Body': 'text'}
    >>> parse_columns(None) is None
    True
    """
    from presslens.corpus.schema import OPTIONAL, REQUIRED

    if not text:
        return None
    pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
    if any(len(pair) != 2 or not pair[0].strip() or not pair[1].strip() for pair in pairs):
        raise SystemExit("presslens: --columns takes yours=ours pairs separated by commas, e.g. --columns title=headline,body=text")
    mapping = {yours.strip(): ours.strip() for yours, ours in pairs}
    unknown = [ours for ours in mapping.values() if ours not in (*REQUIRED, *OPTIONAL) and not ours.endswith("_original")]
    if unknown:
        raise SystemExit(f"presslens: --columns maps onto {unknown}, which are not fields of the corpus; use {', '.join(REQUIRED)} "
                         f"or {', '.join(OPTIONAL[:6])}")
    return mapping


def _table_options(args) -> dict:
    """The reading options the command line gives (``--columns``, ``--outlet``, ``--make-ids``)."""
    options = {"dayfirst": args.dayfirst}
    columns = parse_columns(args.columns)
    if columns:
        options["columns"] = columns
    if getattr(args, "outlet", None):
        options["constants"] = {"outlet": args.outlet}
    if getattr(args, "make_ids", None) is not None:
        options["make_doc_ids"] = args.make_ids
    return options


def _cmd_check(args) -> int:
    from presslens.corpus.check import check_corpus

    options = _table_options(args)
    result = check_corpus(args.path, format=args.format, outlets=args.outlets, **options)
    print(result.to_text(show_quarantine=args.show_quarantine))
    return 0


def _cmd_report(args) -> int:
    from presslens.report import build_report

    options = _table_options(args)
    if args.dry_run:
        from presslens.corpus.check import check_corpus

        print(check_corpus(args.corpus, format=args.format, outlets=args.outlets, **options).to_text())
        print("\n(dry run: no report written)")
        return 0
    notebooks = None
    if args.notebooks != "none":
        notebooks = Path(args.notebooks)
        if not notebooks.is_dir():
            print(f"presslens: no notebooks folder at {notebooks}; building the report without rerunning the notebooks "
                  "(run from the repository, or pass --notebooks DIR)", file=sys.stderr)
            notebooks = None
    index = build_report(args.corpus, args.out, format=args.format, group=args.group_by, load_options=options, outlets=args.outlets,
                         pseudonymise=args.pseudonymise, key=args.key, notebooks=notebooks,
                         engine=args.engine, scheduler=args.scheduler)
    _print_reading(Path(index).parent / "manifest.json")
    print(f"Report written to {index}")
    return 0


def _print_reading(manifest_path: Path) -> None:
    """Print how the corpus was read (columns used, where the ids came from, rows kept and
    quarantined) from the report's manifest."""
    import json

    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for row in manifest.get("parse_report", []):
        if row.get("columns"):
            print(f"{row['source_file']}: columns used (contract <- yours): {row['columns']}")
        if row.get("doc_ids"):
            print(f"{row['source_file']}: ids {row['doc_ids']}")
    print(f"Rows: {manifest['rows_read']:,} read = {manifest['rows_kept']:,} kept + {manifest['rows_quarantined']:,} quarantined "
          "(reasons in tables/quarantine.csv)")


def _cmd_simulate(args) -> int:
    from presslens.simulate import simulate

    counts = simulate(n=args.n, random_state=args.seed, out=args.out, chunk_size=args.chunk_size)
    print(f"Simulated {counts['articles']:,} articles ({counts['quotes']:,} quotes, {counts['claims']:,} claim mentions, "
          f"{counts['events']} events) into {Path(args.out)}")
    return 0


def _cmd_explore(args) -> int:
    from presslens import open_corpus
    from presslens.explore import build_explorer

    opened = open_corpus(args.corpus, args.format, pseudonymise=args.pseudonymise, key=args.key, dayfirst=args.dayfirst, outlets=args.outlets)
    print(opened.note, file=sys.stderr)
    groups = tuple(args.groups.split(",", 1)) if args.groups else None
    page = build_explorer(opened.corpus, args.out, group=args.group_by, groups=groups, k=args.k, max_points=args.max_points,
                          text_budget=args.text_budget)  # open_corpus recorded whether names were replaced
    print(f"Explorer written to {page} ({page.stat().st_size / 1e6:.1f} MB); open it in a browser, no server needed")
    return 0
FORMAT_CHOICES = ["auto", "nexis", "factiva", "mediacloud", "html", "tabular", "jsonl", "csv", "tsv", "parquet", "xlsx", "datapackage"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presslens", description="Cluster and compare press coverage; see the README.")
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser("report", help="build the report on a corpus")
    report.add_argument("--corpus", default="corpus/teaching", help="corpus file or folder (default: the teaching corpus)")
    report.add_argument("--out", default="reports/teaching", help="output folder")
    report.add_argument("--group-by", default="outlet_type", help="grouping column for comparisons")
    report.add_argument("--format", default="auto", choices=FORMAT_CHOICES,
                        help="the export format (default: detected from the files)")
    report.add_argument("--outlets", default=None, help="CSV of outlet metadata: an 'outlet' column and e.g. 'outlet_type'")
    report.add_argument("--columns", default=None, help="map your column names for tabular input: yours=ours,... (e.g. title=headline,body=text); "
                        "common names (title, body, date, source...) are recognised without it")
    report.add_argument("--outlet", default=None, metavar="NAME", help="the outlet of every row, for a table from one paper without an outlet column")
    report.add_argument("--make-ids", dest="make_ids", action=argparse.BooleanOptionalAction, default=None,
                        help="make stable ids (a hash of outlet, date and headline) when the table has no id column (default); --no-make-ids requires one")
    report.add_argument("--dry-run", action="store_true", help="only check the corpus: columns used, rows kept and quarantined, what can run (as presslens check)")
    report.add_argument("--notebooks", default="notebooks", help="folder of the tutorial notebooks to rerun on the corpus ('none' to skip)")
    report.add_argument("--key", default=None, help="secret key of the pseudonyms (default: PRESSLENS_KEY, or your own random key, created on first use; the teaching corpus uses its published key)")
    report.add_argument("--dayfirst", action=argparse.BooleanOptionalAction, default=None, help="slashed dates are day/month (UK) or month/day (--no-dayfirst)")
    report.add_argument("--pseudonymise", action=argparse.BooleanOptionalAction, default=True,
                        help="replace private individuals' names with pseudonyms (default; --no-pseudonymise turns it off explicitly)")
    report.add_argument("--engine", choices=("pandas", "dask"), default="pandas",
                        help="run the heavy analyses in one process (pandas, default) or on a Dask cluster (presslens.scale)")
    report.add_argument("--scheduler", default=None, metavar="ADDRESS", help="with --engine dask: a running Dask scheduler (default: a local cluster)")
    report.set_defaults(run=_cmd_report)

    check = commands.add_parser("check", help="dry run: what a report on FILE would use, keep, quarantine and run")
    check.add_argument("path", help="corpus file or folder (CSV, TSV, Excel, JSON Lines, Parquet, or an export)")
    check.add_argument("--format", default="auto", choices=FORMAT_CHOICES)
    check.add_argument("--columns", default=None, help="map your column names: yours=ours,... (e.g. title=headline)")
    check.add_argument("--outlet", default=None, metavar="NAME", help="the outlet of every row, for a table without an outlet column")
    check.add_argument("--make-ids", dest="make_ids", action=argparse.BooleanOptionalAction, default=None,
                       help="make stable ids when the table has no id column (default)")
    check.add_argument("--outlets", default=None, help="CSV of outlet metadata: an 'outlet' column and e.g. 'outlet_type'")
    check.add_argument("--dayfirst", action=argparse.BooleanOptionalAction, default=None)
    check.add_argument("--show-quarantine", action="store_true", help="list every quarantined row")
    check.set_defaults(run=_cmd_check)

    corpus = commands.add_parser("corpus", help="inspect a corpus")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", required=True)
    info = corpus_commands.add_parser("info", help="overview and quarantine summary")
    info.add_argument("path")
    info.add_argument("--format", default=None)
    info.add_argument("--dayfirst", action=argparse.BooleanOptionalAction, default=None)
    info.add_argument("--show-quarantine", action="store_true", help="list every quarantined row")
    info.set_defaults(run=_cmd_info)

    simulate = commands.add_parser("simulate", help="write a simulated corpus with ground-truth labels")
    simulate.add_argument("--n", type=int, default=1500)
    simulate.add_argument("--seed", type=int, default=2024)
    simulate.add_argument("--out", required=True)
    simulate.add_argument("--chunk-size", type=int, default=100_000, help="articles per JSON Lines part for large corpora")
    simulate.set_defaults(run=_cmd_simulate)

    explore = commands.add_parser("explore", help="write an offline, interactive page of terms, clusters and articles")
    explore.add_argument("--corpus", default="corpus/teaching", help="corpus file or folder (default: the teaching corpus)")
    explore.add_argument("--out", default="reports/teaching", help="output folder (explore.html is written there)")
    explore.add_argument("--format", default="auto", help="the export format (default: detected from the files)")
    explore.add_argument("--group-by", default="outlet_type", help="the column whose two groups the term plot compares")
    explore.add_argument("--groups", default=None, metavar="A,B", help="the two values of --group-by to compare (default: tabloid,broadsheet or the two largest)")
    explore.add_argument("--k", type=int, default=None, help="number of clusters (default: chosen as the report chooses it)")
    explore.add_argument("--max-points", type=int, default=10_000, help="articles drawn on the map at most (a random sample beyond)")
    explore.add_argument("--text-budget", type=int, default=4_000_000, help="characters of article text embedded at most")
    explore.add_argument("--outlets", default=None, help="CSV of outlet metadata: an 'outlet' column and e.g. 'outlet_type'")
    explore.add_argument("--key", default=None, help="secret key of the pseudonyms (default: PRESSLENS_KEY, or your own random key)")
    explore.add_argument("--dayfirst", action=argparse.BooleanOptionalAction, default=None)
    explore.add_argument("--pseudonymise", action=argparse.BooleanOptionalAction, default=True,
                         help="replace private individuals' names with pseudonyms (default)")
    explore.set_defaults(run=_cmd_explore)
    return parser


def main(argv=None) -> int:
    from presslens.corpus import CorpusError

    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CorpusError as exc:
        print(f"presslens: {exc.for_cli()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
