"""The ``timeline`` command: a thin layer over library calls (extract, evaluate, serve, review)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from timeline import __version__


def _progress_bar(enabled: bool):  # noqa: ANN202 - returns a (callback, close) pair
    if not enabled:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)

    def update(n_articles: int, n_events: int, n_errors: int) -> None:
        bar.n = n_articles
        bar.set_postfix(events=n_events, errors=n_errors, refresh=False)
        bar.refresh()

    return update, bar.close


def cmd_extract(args: argparse.Namespace) -> int:
    from timeline.model import printable
    from timeline.pipeline import RunResult, run
    from timeline.table import check_output_path, write_events
    from timeline.text import LONG_SENTENCE_NOTE

    try:
        check_output_path(args.output)  # refused at once, before any work
    except ValueError as exc:
        print(f"timeline: {exc}", file=sys.stderr)
        return 2

    update, close = _progress_bar(args.progress and sys.stderr.isatty())
    resources = None
    if args.geocode_online:
        from dataclasses import replace

        from timeline.extract import Resources
        from timeline.geocode import OnlineGeocoder

        resources = replace(Resources.load(), geocoder=OnlineGeocoder(Path(args.geocode_online)))
    own_files = (args.output, args.errors, args.store)  # never read back as articles by a re-run
    if args.engine == "dask" or args.store:
        from timeline.engine import run_to_store
        from timeline.store import StoreBusy

        try:
            result: RunResult = run_to_store(
                args.paths,
                store=args.store,
                engine=args.engine,
                scheduler=args.scheduler,
                n_workers=args.workers,
                language=args.language,
                resources=resources,
                on_progress=update,
                exclude=own_files,
            )
        except StoreBusy as e:
            close()
            print(f"timeline: {printable(str(e))}", file=sys.stderr)
            return 1
    else:
        result = run(
            args.paths, language=args.language, resources=resources, on_progress=update, exclude=own_files
        )
    close()
    events = result.events
    if args.merge_duplicates:
        from timeline.dedup import merge_duplicates

        events, report = merge_duplicates(events)
        print(f"timeline: {printable(str(report))}", file=sys.stderr)
    nothing_read = not result.n_articles and args.output not in (None, "-")
    if nothing_read:  # no file rather than an empty one the dashboard could not show (an old one is kept)
        print(f"timeline: no article could be read: {printable(args.output)} not written", file=sys.stderr)
    elif args.output or not args.store:
        from timeline.outlets import portable_events

        write_events(portable_events(events, Path.cwd()), args.output)  # no machine's folder in the file
    if args.errors:
        Path(args.errors).parent.mkdir(parents=True, exist_ok=True)
        with open(args.errors, "w", encoding="utf-8") as fh:
            for err in result.errors:
                fh.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
    from timeline.present import plural

    notes = ("no publication date", LONG_SENTENCE_NOTE)  # reported, but the article's events were kept
    failed = [e for e in result.errors if not e.reason.startswith(notes)]
    print(
        f"timeline: {plural(result.n_articles, 'article')} read"
        + (f" ({plural(result.n_duplicates, 'repeated article')} skipped)" if result.n_duplicates else "")
        + f", {plural(result.n_events, 'event')}, {plural(len(result.errors), 'problem')}"
        + (f" (see {printable(args.errors)})" if args.errors and result.errors else ""),
        file=sys.stderr,
    )
    if not args.errors:
        for err in result.errors[:20]:
            print(f"  {printable(err.source)}: {printable(err.reason)}", file=sys.stderr)
    return 1 if failed else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from timeline.evaluate import gold_articles, load_jsonl, score
    from timeline.model import printable
    from timeline.pipeline import run

    try:
        gold = load_jsonl(args.gold)
        files = gold_articles(gold, Path(args.articles))
    except (OSError, ValueError, KeyError, TypeError) as exc:  # one line, like the other commands
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        name = exc.filename if isinstance(exc, OSError) and exc.filename else args.gold
        print(
            f"timeline: cannot evaluate with {printable(str(name))}: {printable(str(reason))}",
            file=sys.stderr,
        )
        return 2
    result = run(files)
    system = result.events.to_dict("records")
    res = score(gold, system)
    if args.json:
        print(json.dumps(res.as_dict(), ensure_ascii=False, indent=1))
    else:
        for m in res.misses:
            print("miss ", m)
        for x in res.extras:
            print("extra", x)
        print(res.summary())
    if args.min_f1 is not None and res.f1 < args.min_f1:
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from timeline.serve import check_inputs, serve

    problem = check_inputs(args.events, args.articles, read=True)
    if problem:
        print(f"timeline: {problem}", file=sys.stderr)
        return 2
    return serve(events=args.events, articles=args.articles, port=args.port, extra_args=args.streamlit_args)


def cmd_gazetteer(args: argparse.Namespace) -> int:
    """``timeline gazetteer import FILE`` / ``timeline gazetteer info``: the user gazetteer."""
    from timeline.gazetteer import Gazetteer
    from timeline.gazetteer.user import import_places, read_user_rows, user_gazetteer_path

    target = Path(args.into) if args.into else user_gazetteer_path()
    if args.action == "info":
        rows = read_user_rows(target)
        print(
            f"user gazetteer: {target} ({len(rows)} places{'' if target.exists() else ', not created yet'})"
        )
        return 0
    if not args.file:
        print("timeline: gazetteer import needs a FILE", file=sys.stderr)
        return 2
    try:
        report = import_places(
            Path(args.file),
            Gazetteer.load(user=target),
            target,
            classes=args.classes,
            dry_run=args.dry_run,
            override=args.override,
        )
    except (OSError, ValueError) as err:
        print(f"timeline: {err}", file=sys.stderr)
        return 1
    print(report.summary(limit=args.show))
    print(("would be written to " if args.dry_run else "user gazetteer: ") + str(target))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from timeline.review.files import log_for, reviewed_store

    if args.review_command == "import":
        log = log_for(args.store)
        try:
            with open(args.file, encoding="utf-8") as fh:
                records = [json.loads(line) for line in fh if line.strip()]
            report = log.import_reviews(records)
        except (OSError, ValueError) as exc:
            print(f"timeline: cannot import {args.file}: {exc}", file=sys.stderr)
            return 2
        print(f"timeline: {report} (log: {log.path})", file=sys.stderr)
        for c in report.conflicts:
            print(f"  conflict: {c}", file=sys.stderr)
        return 0
    if args.review_command == "export":
        log = log_for(args.store)
        lines = list(log.export_lines())
        _write_lines(lines, args.output)
        print(f"timeline: {len(lines)} reviews from {log.path}", file=sys.stderr)
        return 0
    from timeline.present import unattached_note
    from timeline.review import gold_records, precision_by_type

    log, view = reviewed_store(args.store)
    gold = gold_records(view.events)
    _write_lines([json.dumps(g, ensure_ascii=False) + "\n" for g in gold], args.output)
    print(
        f"timeline: {len(gold)} gold lines from {view.n_reviewed} reviewed events ({log.path})",
        file=sys.stderr,
    )
    for r in view.unattached:
        a = r.anchor
        print(
            f"  not attached: {r.action} by {r.who} on {a.article_id}:{a.start}-{a.end} {a.type}",
            file=sys.stderr,
        )
    if view.n_reviewed:
        print(precision_by_type(view.events).to_string(index=False), file=sys.stderr)
        if note := unattached_note([r.action for r in view.unattached]):
            print(note, file=sys.stderr)
    return 0


def _write_lines(lines: list[str], output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.writelines(lines)
        return
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(output).with_name(f".{Path(output).name}.tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(output)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract events from articles (files or folders)")
    ex.add_argument(
        "paths", nargs="+", help="articles: .txt .md .html .json .jsonl .csv .xml/.rss, or folders"
    )
    ex.add_argument(
        "-o", "--output", help="output file (.jsonl .parquet .csv .geojson .json); JSONL to stdout if omitted"
    )
    ex.add_argument("--errors", help="write one JSON line per failed input here")
    ex.add_argument(
        "--language", choices=["ar", "en"], help="language of all articles (detected when omitted)"
    )
    ex.add_argument("--store", help="append to a month-partitioned Parquet event store in this folder")
    ex.add_argument("--engine", choices=["python", "dask"], default="python")
    ex.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    ex.add_argument("--workers", type=int, default=2, help="workers of the local Dask cluster")
    ex.add_argument(
        "--merge-duplicates",
        action="store_true",
        help="merge reports of the same event across articles (adds sources, n_sources, merged_ids, evidences)",
    )
    ex.add_argument(
        "--geocode-online",
        nargs="?",
        const=".cache/geocode",
        metavar="CACHE_DIR",
        help="look up place names the offline gazetteer lacks with Nominatim (needs network; cached on disk)",
    )
    ex.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score the extractor against gold events")
    ev.add_argument("--gold", required=True, help="gold JSONL (DESIGN.md format)")
    ev.add_argument("--articles", required=True, help="folder holding the gold's articles")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--min-f1", type=float, help="exit 1 when F1 is below this")
    ev.set_defaults(func=cmd_evaluate)

    sv = sub.add_parser("serve", help="start the dashboard")
    group = sv.add_mutually_exclusive_group()
    group.add_argument(
        "--events",
        help="an event file that `timeline extract` wrote (.jsonl, .json, .parquet, .csv, .geojson) or a store folder",
    )
    group.add_argument("--articles", help="a folder of articles (events built and cached on first start)")
    sv.add_argument("--port", type=int, help="port (default: Streamlit's 8501)")
    sv.add_argument("streamlit_args", nargs=argparse.REMAINDER, help="further options for streamlit run")
    sv.set_defaults(func=cmd_serve)

    gz = sub.add_parser(
        "gazetteer", help="extend the gazetteer: import a GeoNames country dump (SY.txt) or a CSV of places"
    )
    gz.add_argument("action", choices=["import", "info"])
    gz.add_argument(
        "file",
        nargs="?",
        help="GeoNames dump (19 tab-separated columns) or CSV name,name_ar,lat,lon[,admin1]",
    )
    gz.add_argument(
        "--into",
        help="user gazetteer file (default: $TIMELINE_GAZETTEER or ~/.local/share/timeline/gazetteer.tsv)",
    )
    gz.add_argument(
        "--classes", default="P", help="GeoNames feature classes to read (default P: populated places)"
    )
    gz.add_argument("--dry-run", action="store_true", help="report what would be added; write nothing")
    gz.add_argument(
        "--override",
        action="store_true",
        help="add CSV places whose name the gazetteer places elsewhere (skipped by default); they then win",
    )
    gz.add_argument("--show", type=int, default=20, help="how many conflicts and bad lines to list")
    gz.set_defaults(func=cmd_gazetteer)
    rv = sub.add_parser("review", help="share reviews, and write reviewed events as gold")
    rsub = rv.add_subparsers(dest="review_command", required=True)
    store_help = "event store folder or file the reviews are of (default: the dashboard's events)"
    rex = rsub.add_parser("export", help="write the review log as JSON lines")
    rex.add_argument("--store", help=store_help)
    rex.add_argument("-o", "--output", help="JSONL file (stdout if omitted)")
    rim = rsub.add_parser("import", help="add a colleague's exported reviews (conflicts are reported)")
    rim.add_argument("file", help="reviews.jsonl from timeline review export")
    rim.add_argument("--store", help=store_help)
    rgo = rsub.add_parser("gold", help="reviewed events as gold for timeline evaluate")
    rgo.add_argument("--store", help=store_help)
    rgo.add_argument("-o", "--output", help="gold JSONL (stdout if omitted)")
    rv.set_defaults(func=cmd_review)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``timeline`` command; its exit code. Output piped into a reader that stops early
    (``timeline extract ... | head``) ends quietly with code 1, as other command-line tools do, not with a
    ``BrokenPipeError`` traceback."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # Python's recommended handling: point stdout at devnull so the interpreter's final flush is quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
