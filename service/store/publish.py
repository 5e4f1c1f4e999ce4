"""Publishing a state of the fair: one writer at a time, a data version that never repeats, and every
published state kept in the history so that any of them can be looked at again or restored.

A write (a load, a correction, a restore) takes the writers' lock first, reads the fair as it stands, makes
its change, and then `publish` compares the two documents: a write that changes nothing leaves the data
version and the history alone; any other gets the next version and a history row holding the whole new
state. The state a write replaced is always in the history too: the row before it holds it, and a
database that has none (its data came before the history kept states) gets one made on its first write.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

import orjson
from sqlalchemy import func, text, update
from sqlmodel import Session, select

from . import freshness
from .models import Fair, LoadRecord, utcnow

WRITE_LOCK_KEY = 7_240_532  # the writers' advisory lock on PostgreSQL (the schema's own is 7_240_531)
KINDS = ("employers", "positions")


def lock_writes(session: Session) -> None:
    """Wait until no other write is under way; held until the caller's transaction ends.

    PostgreSQL: a transaction-level advisory lock (taken before anything is read, so a second writer reads
    what the first committed). SQLite: BEGIN IMMEDIATE takes the file's write lock up front, waiting up to
    the connection's busy timeout, instead of failing when a read transaction cannot become a write one.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
    elif connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def next_version(session: Session) -> int:
    """One more than any version this database has published, whichever fair it was for."""
    fair = session.exec(select(func.max(Fair.data_version))).one() or 0
    recorded = session.exec(select(func.max(LoadRecord.data_version))).one() or 0
    return max(fair, recorded) + 1


def pack(document: dict[str, Any]) -> bytes:
    return zlib.compress(orjson.dumps(document), 6)


def unpack(snapshot: bytes) -> dict[str, Any]:
    return orjson.loads(zlib.decompress(snapshot))


# --- what changed ------------------------------------------------------------------------------------------


def _fields(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    keys = [k for k in (*old, *(k for k in new if k not in old)) if k != "positions"]
    return {k: {"old": old.get(k), "new": new.get(k)} for k in keys if old.get(k) != new.get(k)}


def _compare(old: dict[str, dict], new: dict[str, dict], named: Callable[[dict, bool], dict]) -> dict:
    updated = []
    for key, row in new.items():
        if key in old and (fields := _fields(old[key], row)):
            updated.append({"id": key, "fields": fields})
    created = [k for k in new if k not in old]
    deleted = [k for k in old if k not in new]
    names = {k: named(new[k], True) for k in created}
    names |= {u["id"]: named(new[u["id"]], True) for u in updated}
    names |= {k: named(old[k], False) for k in deleted}
    return {"created": created, "updated": updated, "deleted": deleted, "names": names}


def _rows(document: dict[str, Any] | None) -> tuple[dict[str, dict], dict[str, dict]]:
    employers: dict[str, dict] = {}
    positions: dict[str, dict] = {}
    for i, emp in enumerate((document or {}).get("employers") or []):
        employers[emp["id"]] = {**{k: v for k, v in emp.items() if k != "positions"}, "order": i}
        for j, pos in enumerate(emp.get("positions") or []):
            positions[pos["id"]] = {**pos, "employer_id": emp["id"], "order": j}
    return employers, positions


def document_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, Any]:
    """The change from one fixture document to another: ids created and deleted, and per updated one the
    fields that differ, old → new (`order` is its place in the list). So that a person can tell the rows
    apart (ids made from a digest say nothing), `names` gives each of those ids its employer's name, or its
    position's title with its employer's id and name, as the row is after the change (before it, if
    deleted)."""
    old_e, old_p = _rows(before)
    new_e, new_p = _rows(after)

    def employer(row: dict, _: bool) -> dict:
        return {"name": row.get("name")}

    def position(row: dict, now: bool) -> dict:
        owner = (new_e if now else old_e).get(row["employer_id"]) or {}
        return {
            "title": row.get("title"),
            "employer_id": row["employer_id"],
            "employer_name": owner.get("name"),
        }

    fair = _fields((before or {}).get("fair") or {}, after.get("fair") or {})
    return {
        "fair": fair,
        "employers": _compare(old_e, new_e, employer),
        "positions": _compare(old_p, new_p, position),
    }


def is_empty(changes: dict[str, Any]) -> bool:
    return not changes["fair"] and not any(
        changes[k][w] for k in KINDS for w in ("created", "updated", "deleted")
    )


def change_counts(changes: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {k: {what: len(changes[k][what]) for what in ("created", "updated", "deleted")} for k in KINDS}


# --- the history -------------------------------------------------------------------------------------------


def keep_replaced_state(session: Session, before: dict[str, Any]) -> None:
    """Make sure the state about to be replaced is in the history (older databases may lack it); called
    under the writers' lock, before the write."""
    if before.get("fair") is None:
        return
    latest = session.exec(select(LoadRecord.id, LoadRecord.snapshot.is_not(None))  # type: ignore[union-attr]
                          .order_by(LoadRecord.id.desc()).limit(1)).first()  # fmt: skip
    if latest is not None and latest[1]:
        return
    fair = session.exec(select(Fair)).first()
    zero = {"created": 0, "updated": 0, "deleted": 0}
    session.add(LoadRecord(source="snapshot", mode="snapshot", counts={k: dict(zero) for k in KINDS},
                           changes=None, snapshot=pack(before),
                           data_version=fair.data_version if fair else 0))  # fmt: skip
    session.flush()


def publish(
    session: Session, *, changes: dict[str, Any], after: dict[str, Any], record: dict[str, Any], keep: int = 0
) -> int:
    """Give the written state (a change that is not empty) its new data version and its history row.

    `record` holds the row's source, filename, mode, actor, restored_from and, if the writer counts its
    own way, counts. Returns the version."""
    version = next_version(session)
    session.execute(update(Fair).values(data_version=version, updated_at=utcnow()))
    session.info[freshness.FLAG] = True  # a Core update is not seen by the ORM's flush: say it changed
    counts = record.pop("counts", None) or change_counts(changes)
    session.add(
        LoadRecord(**record, counts=counts, changes=changes, snapshot=pack(after), data_version=version)
    )
    session.flush()
    if keep > 0:
        drop_old_states(session, keep)
    return version


def drop_old_states(session: Session, keep: int) -> None:
    """Keep the whole fair of the newest `keep` states only; older rows stay in the list without it."""
    newest = select(LoadRecord.id).where(LoadRecord.snapshot.is_not(None)).order_by(LoadRecord.id.desc())  # type: ignore[union-attr]
    kept = session.exec(newest.offset(keep - 1).limit(1)).first()
    if kept is not None:
        session.execute(update(LoadRecord).where(LoadRecord.id < kept).values(snapshot=None))


def state_document(session: Session, record_id: int) -> dict[str, Any] | None:
    """The fair as the history row `record_id` left it, or None when that state is no longer kept."""
    row = session.get(LoadRecord, record_id)
    return unpack(row.snapshot) if row is not None and row.snapshot is not None else None


# --- a file exported earlier -------------------------------------------------------------------------------


def since_export(
    session: Session, exported: int, changes: dict[str, Any], *, now: int, fair_id: str, before: str | None
) -> dict[str, Any] | None:
    """What a load of a file exported at data version `exported` does to what was published after it, the
    fair being at version `now` before the load: `undone` (fields the file sets back to their value at the
    export), `revived` (rows deleted since that it brings back), `dropped` (rows added since that it
    deletes) and `writes` (the loads and corrections since). None when the file is not older than the fair,
    or is of another fair (`fair_id`, the file's, not the one it was exported from, nor `before`, the one
    loaded now, where the history no longer keeps that state: its version then says nothing here); without
    the exported state in the history (dropped by FAIR_HISTORY_KEEP), only `writes` is known."""
    if exported >= now:
        return None
    since = (LoadRecord.data_version > exported) & (LoadRecord.data_version <= now)
    writes = session.exec(select(func.count()).select_from(LoadRecord).where(since)).one()
    found: dict[str, Any] = {"exported": exported, "now": now, "writes": writes, "undone": [], "revived": [],
                             "dropped": []}  # fmt: skip
    kept = LoadRecord.snapshot.is_not(None)  # type: ignore[union-attr]
    record = session.exec(select(LoadRecord).where(LoadRecord.data_version == exported, kept)).first()
    if record is None or record.snapshot is None:
        return found if fair_id == before else None
    then = unpack(record.snapshot)
    if (then.get("fair") or {}).get("id") != fair_id:
        return None
    rows = dict(zip(KINDS, _rows(then), strict=True)) | {"fair": {"": then.get("fair") or {}}}
    for kind in ("fair", *KINDS):
        updated = [{"id": "", "fields": changes[kind]}] if kind == "fair" else changes[kind]["updated"]
        for item in updated:
            old = rows[kind].get(item["id"])
            for name, change in item["fields"].items():
                if old is not None and name != "order" and change["new"] == old.get(name) != change["old"]:
                    found["undone"].append({"kind": kind, "id": item["id"], "field": name, **change})
        if kind != "fair":
            found["revived"] += [[kind, key] for key in changes[kind]["created"] if key in rows[kind]]
            found["dropped"] += [[kind, key] for key in changes[kind]["deleted"] if key not in rows[kind]]
    return found
