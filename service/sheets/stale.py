"""Last week's file over this week's corrections: an export names the data version it was made at, and an
upload of it says, each at its cell, what it would undo of the loads and corrections published since."""

from __future__ import annotations

import json
from typing import Any

from .document import Problem, SheetDocument

SINCE = "since_export"  # the notes' path: the page shows them above the change, not among the other notes


def since_export_notes(
    sheet: SheetDocument, document: dict[str, Any], found: dict[str, Any]
) -> list[Problem]:
    """Notes for `publish.since_export`'s findings on this sheet's `document` (as loaded)."""
    where = {"fair": {"": "fair"}, "employers": {}, "positions": {}}
    for i, emp in enumerate(document.get("employers") or []):
        where["employers"][emp["id"]] = f"employers[{i}]"
        for j, pos in enumerate(emp.get("positions") or []):
            where["positions"][pos["id"]] = f"employers[{i}].positions[{j}]"
    count = found["writes"]
    notes = [
        Problem(
            f"this file was exported at data version {found['exported']}; {count} load(s) or correction(s) "
            f"were published since (the fair is at {found['now']}): check that it does not undo them",
            SINCE,
        )
    ]
    for item in found["undone"]:
        kind, key, name = item["kind"], item["id"], item["field"]
        path = where[kind].get(key)
        what = "the fair" if kind == "fair" else f"{kind[:-1]} {key!r}"
        then, now = _shown(item["new"]), _shown(item["old"])
        message = f"sets {name} of {what} back to {then} as exported; since changed to {now}"
        notes.append(
            Problem(
                message, f"{SINCE}.{kind}.{key}.{name}", sheet.cell_for(f"{path}.{name}") if path else None
            )
        )
    for kind, key in found["revived"]:
        path = where[kind].get(key)
        message = f"brings back {kind[:-1]} {key!r}, deleted since the file was exported"
        notes.append(Problem(message, f"{SINCE}.{kind}.{key}", sheet.cell_for(path) if path else None))
    for kind, key in found["dropped"]:
        notes.append(
            Problem(
                f"deletes {kind[:-1]} {key!r}, added since the file was exported", f"{SINCE}.{kind}.{key}"
            )
        )
    return notes


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
