"""Command line for organisers: `flask --app service fair load|export|history|restore|stats|init`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlmodel import select

from matching.reference import industries, ownership_kinds

from . import sheets
from .errors import FixtureInvalid
from .store.db import session_scope
from .store.loader import data_version, export_document, load_document, validate_document
from .store.models import LoadRecord
from .store.publish import state_document
from .store.queries import fair_summary
from .store.schema import bootstrap, new_revision

fair_cli = AppGroup("fair", help="Load, export and inspect the fair.")


@fair_cli.command("init")
def init_command() -> None:
    """Upgrade the schema to the newest migration and load the default fair into an empty database."""
    bootstrap(current_app)
    with session_scope() as session:
        summary = fair_summary(session)
    if summary:
        click.echo(
            f"{summary['name']}: {summary['counts']['employers']} employers, "
            f"{summary['counts']['positions']} positions"
        )
    else:
        click.echo("The database is ready and empty.")


@fair_cli.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Make the fair exactly this document (default: upsert).")
@click.option("--dry-run", is_flag=True, help="Validate and count; write nothing.")
def load_command(path: Path, replace: bool, dry_run: bool) -> None:
    """Load a fair document (JSON) or spreadsheet (.xlsx, .xls, .csv): all or nothing."""
    mode = "replace" if replace else "upsert"
    kind = sheets.file_kind(path.name, path.read_bytes()[:8])
    if kind is None:
        raise click.ClickException(f"{path.name} is not a file the service reads: .xlsx, .xls, .csv or .json")
    if kind != "json":
        _load_sheet(path, mode, dry_run, kind)
        return
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise click.ClickException(f"{path} is not a UTF-8 JSON document: {err}") from None
    total = (
        sum(len(e.get("positions", []) or []) for e in raw.get("employers", []) if isinstance(e, dict))
        if isinstance(raw, dict)
        else 0
    )
    try:
        result = _load(path, raw, mode, dry_run, total)
    except FixtureInvalid as err:
        click.echo(err.data["message"], err=True)
        for where, messages in err.data["errors"].items():
            for message in messages:
                click.echo(f"  {where}: {message}", err=True)
        raise SystemExit(1) from None
    click.echo(json.dumps(result, ensure_ascii=False))


def _load(path: Path, raw: Any, mode: str, dry_run: bool, total: int, **more: Any) -> dict[str, Any]:
    with click.progressbar(length=max(total, 1), label=f"Loading {path.name}", file=sys.stderr) as bar:
        return load_document(current_app, raw, mode=mode, dry_run=dry_run, source="cli", filename=path.name,
                             progress=bar.update, **more)  # fmt: skip


def _load_sheet(path: Path, mode: str, dry_run: bool, kind: str) -> None:
    """A spreadsheet read as an upload reads it: its errors at their cells, blank cells of an upsert kept."""
    with session_scope() as session:
        stored = export_document(session)
    try:
        sheet = sheets.read_file(path.read_bytes(), path.name, kind, fair=stored["fair"])
    except (sheets.Unreadable, sheets.TooLarge) as err:
        raise click.ClickException(f"{path.name}: {err}") from None
    sheet_fill, loaded = sheets.filler(sheet, mode), {}

    def fill(stored: dict[str, Any]) -> dict[str, Any]:
        loaded["document"] = sheet_fill(stored)
        return loaded["document"]

    problems = list(sheet.errors)
    result: dict[str, Any] = {}
    try:
        if problems:
            validate_document(fill(stored))
        else:
            total = sum(len(e["positions"]) for e in sheet.document["employers"])
            result = _load(path, sheet.document, mode, dry_run, total, fill=fill,
                           exported_version=sheet.exported_version)  # fmt: skip
    except FixtureInvalid as err:
        problems += sheet.locate(err.data["errors"])
    found = result.pop("since_export", None)  # last week's file: what it undoes, first
    since = sheets.since_export_notes(sheet, loaded["document"], found) if found else []
    for note in (*since, *sheet.notes):
        click.echo(f"note: {note.describe()}", err=True)
    if problems:
        click.echo(f"{path.name}: {len(problems)} error(s); nothing was changed.", err=True)
        for problem in problems:
            click.echo(f"  {problem.describe()}", err=True)
        raise SystemExit(1)
    blanks = {"kept": sheet.kept, "cleared": sheet.cleared}
    click.echo(json.dumps({**result, "blanks": blanks, "sheets": sheet.sheets}, ensure_ascii=False))


@fair_cli.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def export_command(path: Path) -> None:
    """Write the fair as a fixture document (.json), or a workbook (.xlsx) or CSV (.csv) in the template's
    layout, as the page's downloads are: each loads back unchanged."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".xlsx", ".csv"):
        raise click.UsageError(f"{path.name}: export to a .json, .xlsx or .csv file")
    with session_scope() as session:
        document, version = export_document(session), data_version(session)
    if document["fair"] is None:
        raise click.ClickException("No fair is loaded: nothing to export.")
    if suffix == ".xlsx":  # with its data version, as the page's download: a later upload says what it undoes
        path.write_bytes(sheets.workbook(document, version))
    else:
        path.write_bytes(sheets.csv_bytes(document, version) if suffix == ".csv" else _json_bytes(document))
    count = sum(len(e["positions"]) for e in document["employers"])
    click.echo(f"Wrote {len(document['employers'])} employers and {count} positions to {path}")


def _json_bytes(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@fair_cli.command("history")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500))
def history_command(limit: int) -> None:
    """Loads, corrections and restores, newest first: the ids `fair restore` takes."""
    with session_scope() as session:
        rows = session.exec(select(LoadRecord).order_by(LoadRecord.id.desc()).limit(limit)).all()  # type: ignore[union-attr]
        lines = [_history_line(row) for row in rows]
    click.echo("\n".join(lines) if lines else "No loads yet.")


def _history_line(row: LoadRecord) -> str:
    counts = "  ".join(
        f"{kind} +{c['created']} ~{c['updated']} -{c['deleted']}" for kind, c in row.counts.items()
    )
    kept = "" if row.snapshot is not None else "  (state not kept)"
    where = f"#{row.restored_from}" if row.restored_from else (row.filename or "")
    return (f"{row.id:>5}  {row.at:%Y-%m-%d %H:%M}  v{row.data_version:<5} {row.source:<10} {row.mode:<8} "
            f"{where}  {row.actor or ''}  {counts}{kept}").rstrip()  # fmt: skip


@fair_cli.command("restore")
@click.argument("record_id", type=click.IntRange(1, 2147483647))
@click.option("--dry-run", is_flag=True, help="Show what the restore would change; write nothing.")
def restore_command(record_id: int, dry_run: bool) -> None:
    """Make the fair exactly as history state RECORD_ID left it (see `fair history`), as the page's 恢复
    does: all or nothing, recorded as a new state that can itself be restored."""
    with session_scope() as session:
        document = state_document(session, record_id)
    if document is None:
        raise click.ClickException(
            f"No kept state {record_id} in the history (never published, or dropped by FAIR_HISTORY_KEEP); "
            "see `flask fair history`."
        )
    result = load_document(current_app, document, mode="replace", dry_run=dry_run, source="restore",
                           filename=f"#{record_id}", restored_from=record_id)  # fmt: skip
    click.echo(json.dumps(result, ensure_ascii=False))


@fair_cli.command("stats")
def stats_command() -> None:
    """Counts by ownership and by industry."""
    with session_scope() as session:
        summary = fair_summary(session)
    if summary is None:
        raise click.ClickException("No fair is loaded.")
    counts = summary["counts"]
    click.echo(f"{summary['name']} ({summary['id']}, data version {summary['data_version']})")
    click.echo(
        f"employers {counts['employers']}  positions {counts['positions']}  openings {counts['openings']}"
    )
    names = {k.key: k.zh for k in ownership_kinds()} | {i.key: i.zh for i in industries()}
    for title, table in (("ownership", counts["by_ownership"]), ("industry", counts["by_industry"])):
        click.echo(f"\nby {title}:")
        for key, row in table.items():
            click.echo(
                f"  {names.get(key, key):<12} {key:<20} employers {row['employers']:>4}  "
                f"positions {row['positions']:>6}  openings {row['openings']:>6}"
            )


@fair_cli.command("migration")
@click.argument("message")
def migration_command(message: str) -> None:
    """Write a new migration for what the models changed (review it before committing)."""
    path = new_revision(current_app, message)
    click.echo(f"Wrote {path}" if path else "The models and the migrations agree: nothing to write.")


def init_app(app: Flask) -> None:
    app.cli.add_command(fair_cli)
    app.cli.add_command(pushes_cli)


pushes_cli = AppGroup("pushes", help="Background pushes (RQ over REDIS_URL).")


@pushes_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
def worker_command(burst: bool) -> None:
    """Rank push chunks from the shared queue; start one per core on as many machines as needed."""
    from redis import Redis
    from rq import Queue, SimpleWorker

    from .pushes import QUEUE

    url = current_app.config.get("REDIS_URL")
    if not url:
        raise click.UsageError("REDIS_URL is not set: without it pushes run inside the service.")
    connection = Redis.from_url(url)
    current_ranking_index = current_app.extensions["fairmatch.ranking"].index
    current_ranking_index()  # built before the first job, kept across jobs (no fork per job)
    SimpleWorker([Queue(QUEUE, connection=connection)], connection=connection).work(burst=burst)
