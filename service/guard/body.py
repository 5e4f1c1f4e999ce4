"""Body limits per endpoint (from Content-Length, and while reading), organiser authentication before the
body is read, and JSON bounded in depth with no text a database cannot store (NUL, lone surrogates); the
API's arguments read from that parse, and a read's empty query parameters as absent."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote_to_bytes

import numpy as np
from flask import Flask, Request, current_app, request
from flask_smorest import abort
from marshmallow import Schema
from marshmallow import fields as ma_fields
from webargs.fields import DelimitedList
from webargs.flaskparser import FlaskParser
from werkzeug.datastructures import MultiDict

from ..auth import check_organiser, organiser_required
from ..errors import FILE_UPLOADS
from ..turns import take_turns
from . import limits

MAX_DEPTH = 32
SURROGATE = re.compile("[\ud800-\udfff]")
# What a JSON text must hold for its parse to hold a NUL or a lone surrogate: a \u0000 or \uD800-\uDFFF
# escape, a raw NUL, or a surrogate's bytes (a str body encoded with surrogatepass). Clean texts skip the
# walk.
MAY_HOLD_BAD_TEXT = re.compile(rb"\\u0000|\\u[dD][89abcdefABCDEF]|\x00|\xed[\xa0-\xbf]")
# Each byte's step in nesting depth: +1 opening an array or object, -1 closing one.
STEPS = np.zeros(256, dtype=np.int8)
STEPS[np.frombuffer(b"[{", np.uint8)], STEPS[np.frombuffer(b"]}", np.uint8)] = 1, -1
# Endpoints taking a list of candidates to rank, each counted against the address's budget (``limits``), and
# the most one request may hold (a push's).
CANDIDATE_LISTS = frozenset({"matches.BatchView", "pushes.PushesView"})
MOST_CANDIDATES = 100_000
# Endpoints whose largest valid request is bigger than the default (config keys, in bytes).
LIMIT_KEYS = {
    "fixtures.FixturesView": "FAIR_UPLOAD_BYTES",
    "matches.BatchView": "FAIR_BATCH_BYTES",
    "pushes.PushesView": "FAIR_PUSH_BYTES",
    "profiles.ReadView": "FAIR_RESUME_BYTES",
    "corrections.EmployerCorrectionView": "FAIR_CORRECTION_BYTES",
    "corrections.PositionCorrectionView": "FAIR_CORRECTION_BYTES",
}


def body_limit(endpoint: str | None) -> int:
    """The largest body the endpoint accepts, in bytes (never above MAX_CONTENT_LENGTH, the ceiling)."""
    limit = int(current_app.config[LIMIT_KEYS.get(endpoint or "", "FAIR_REQUEST_BYTES")])
    ceiling = current_app.config.get("MAX_CONTENT_LENGTH")
    return min(limit, int(ceiling)) if ceiling else limit


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


# Bytes of a JSON text read at once by ``json_depth``, a turn between two (a few ms); a longer body is also
# parsed taking turns (``_TakingTurns``).
PIECE = 1 << 20
QUOTE, BACKSLASH = ord('"'), ord("\\")


def json_depth(data: bytes) -> int:
    """How deeply arrays and objects nest in a JSON text, read without parsing it (brackets in strings
    skipped). Read in pieces of ``PIECE`` bytes, vectorised, taking a turn between two: a push's 20 MB
    does not hold the worker's other connections (``turns``)."""
    deepest = depth = 0
    inside = False  # whether the piece starts inside a string
    start = 0
    while start < len(data):
        end = min(len(data), start + PIECE)
        while end < len(data) and data[end - 1] == BACKSLASH:  # a run of backslashes stays in one piece
            end += 1
        raw = np.frombuffer(data, np.uint8, end - start, start)
        quotes = _unescaped_quotes(raw)
        brackets = np.flatnonzero(STEPS[raw])
        outside = (np.searchsorted(quotes, brackets) + inside) % 2 == 0  # an even number of quotes before
        levels = np.cumsum(STEPS[raw[brackets[outside]]], dtype=np.int64) + depth
        if levels.size:
            deepest, depth = max(deepest, int(levels.max())), int(levels[-1])
        inside = bool((len(quotes) + inside) % 2)
        start = end
        if start < len(data):
            take_turns()
    return deepest


def _unescaped_quotes(raw: np.ndarray) -> np.ndarray:
    """Where the quotes of a piece of JSON text are that open or close a string: not after an odd run of
    backslashes (``\\"`` is a quote in a string, ``\\\\"`` ends one)."""
    quotes = np.flatnonzero(raw == QUOTE)
    slashes = np.flatnonzero(raw == BACKSLASH)
    if not (len(slashes) and len(quotes)):
        return quotes
    runs = np.flatnonzero(np.diff(slashes, prepend=-2) != 1)  # where each run of backslashes starts
    lengths = np.diff(runs, append=len(slashes))
    odd_ends = slashes[runs + lengths - 1][lengths % 2 == 1]
    return quotes[~np.isin(quotes - 1, odd_ends, assume_unique=True)]


def too_deep(data: bytes) -> bool:
    """Whether a JSON text nests deeper than ``MAX_DEPTH``: never when it holds no more opening brackets
    than that (a seeker's profile), so most bodies are not walked."""
    return data.count(b"[") + data.count(b"{") > MAX_DEPTH and json_depth(data) > MAX_DEPTH


def bad_text(value: Any) -> dict[str, list[str]]:
    """Each path in a parsed JSON value whose text holds a NUL or a lone surrogate (no recursion)."""
    found: dict[str, list[str]] = {}
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            for key, sub in item.items():
                here = f"{path}.{key}" if path else str(key)
                if _problem(key):
                    found[here] = [_problem(key)]
                else:
                    stack.append((here, sub))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", sub) for i, sub in enumerate(item))
        elif isinstance(item, str) and _problem(item):
            found[path or "_schema"] = [_problem(item)]
    return found


def _problem(text: str) -> str:
    if "\x00" in text:
        return "NUL character"
    if SURROGATE.search(text):
        return "lone surrogate: not a Unicode character"
    return ""


class _Objects:
    """The ``object_pairs_hook`` of a parse: it builds each object the parser reads, notes those naming a
    key twice (``{"positions": [...], "positions": [...]}``: read plainly, the last silently wins, and a
    document pasted together lost its first list of positions), and on a long text (a push's 20 MB: half a
    second here) takes a turn every ``EVERY`` objects (a few ms of parsing)."""

    EVERY = 2000

    def __init__(self, turns: bool) -> None:
        self.turns, self.objects = turns, 0
        self.twice: dict[int, list[str]] = {}  # id of each object naming a key twice: those keys

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict:
        value = dict(pairs)
        if len(value) < len(pairs):
            seen: set[str] = set()
            self.twice[id(value)] = [key for key, _ in pairs if key in seen or seen.add(key)]
        self.objects += 1
        if self.turns and self.objects % self.EVERY == 0:
            take_turns()
        return value


def keys_twice(value: Any, twice: dict[int, list[str]]) -> dict[str, list[str]]:
    """The path of each key an object of a parsed value names twice (``_Objects``), walked without
    recursion."""
    found: dict[str, list[str]] = {}
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            for key in twice.get(id(item), ()):
                found[f"{path}.{key}" if path else key] = ["given twice in one object: send it once"]
            stack.extend((f"{path}.{key}" if path else str(key), sub) for key, sub in item.items())
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", sub) for i, sub in enumerate(item))
    return found


def parse_json(data: bytes | str, what: str = "The request body") -> Any:
    """A JSON text parsed within the depth limit, refusing NULs and lone surrogates at their paths, and
    keys named twice in one object (400)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if too_deep(raw):
        abort(400, message=f"{what} nests deeper than {MAX_DEPTH} levels.", errors={})
    objects = _Objects(turns=len(raw) > PIECE)
    try:
        value = json.loads(raw, object_pairs_hook=objects)
    except UnicodeDecodeError:  # GBK from a Chinese system, Latin-1…: JSON is UTF-8 (RFC 8259)
        abort(400, message=f"{what} is not UTF-8 text: send JSON encoded in UTF-8.", errors={})
    except (ValueError, RecursionError):
        abort(400, message=f"{what} is not valid JSON.", errors={})
    if objects.twice:
        message = f"{what} names a key twice in one object."
        abort(400, message=message, errors=keys_twice(value, objects.twice))
    if MAY_HOLD_BAD_TEXT.search(raw):
        _refuse_bad_text(value)
    return value


class ParsedBodyParser(FlaskParser):
    """webargs' parser for the API's arguments, reading the JSON body as ``init_app`` parsed it (bounded in
    depth, its text checked) instead of parsing it a second time: a push of 100,000 candidates is 0.7 s of
    parsing here, in one piece."""

    def _raw_load_json(self, req: Request) -> Any:
        parsed = req._cached_json[False]  # what the guard's parse left, Ellipsis when it did not parse
        return super()._raw_load_json(req) if parsed is Ellipsis else parsed

    def load_querystring(self, req: Request, schema: Schema) -> Any:
        """The query string, each empty parameter of a read (``education=``, as an HTML form sends a field
        left unset) dropped: an empty filter is no filter, and an empty ``limit`` or ``sort`` its default.
        A write's query (``dry_run=``) is read as sent. A parameter is read once (``_once_each``)."""
        read = req.method in {"GET", "HEAD"}
        given = MultiDict((k, v) for k, v in req.args.items(multi=True) if v.strip() or not read)
        return self._makeproxy(_once_each(given, schema), schema)


def _once_each(given: MultiDict, schema: Schema) -> MultiDict:
    """A list parameter sent repeated (``industry=a&industry=b``, as most HTTP clients send a list) reads
    as the comma-separated one; any other parameter sent twice (``limit=5&limit=50``) is a 422 naming it.
    Read as it came, the first value counted and the others were dropped without a word."""
    fields = {field.data_key or name: field for name, field in schema.fields.items()}
    twice = {}
    for name in list(given):
        values, field = given.getlist(name), fields.get(name)
        if len(values) < 2 or field is None:
            continue
        if isinstance(field, DelimitedList):
            given.setlist(name, [",".join(values)])
        elif not isinstance(field, ma_fields.List):
            twice[f"query.{name}"] = ["given more than once: send it once"]
    if twice:
        abort(422, errors=twice)
    return given


def _charge(candidates: Any) -> None:
    """A batch's or a push's candidates counted against the address's budget (``limits``) as soon as the body
    is parsed: checking a refused push of 100,000 costs 5 s of CPU, as much as ranking a few thousand."""
    if isinstance(candidates, list) and candidates:
        limits.charge_candidates(min(len(candidates), MOST_CANDIDATES))


def _refuse_bad_text(value: Any) -> None:
    if problems := bad_text(value):
        nul = all(m == ["NUL character"] for m in problems.values())
        message = "Text may not contain NUL characters." if nul else "Text must be valid Unicode."
        abort(400, message=message, errors=problems)


def _too_large(limit: int) -> None:
    abort(413, message=f"The request body is larger than this endpoint accepts ({_size(limit)}).")


def _organiser_only() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return organiser_required in getattr(getattr(view, "view_class", None), "decorators", ())


def _refuse_bad_query() -> None:
    """A query string whose percent-escapes are no UTF-8 text (``q=%FF``, an encoded lone surrogate) is a
    400, as the same text in a body is: read loosely, it would be searched as replacement characters."""
    try:
        unquote_to_bytes(request.query_string.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        abort(400, message="The query string must be valid UTF-8 text.")


def _refuse_bad_path() -> None:
    """The same for the path (an id percent-encoded from GBK, ``/employers/%B9%F0``): read loosely, a PUT
    would store an employer whose id is replacement characters. The server hands the path over decoded, its
    bytes as Latin-1 (PEP 3333)."""
    try:
        request.environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8")
    except UnicodeError:
        abort(400, message="The path must be valid UTF-8 text (percent-encode an id's UTF-8 bytes).")


def _sent_body() -> bool:
    return bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "").lower()


def _takes_body() -> bool:
    """Whether the view answering the request reads a body: one of its arguments is, or it reads its own
    (a fixture load, a résumé)."""
    if request.endpoint in FILE_UPLOADS:
        return True
    view = current_app.view_functions.get(request.endpoint or "")
    method = getattr(getattr(view, "view_class", None), request.method.lower(), None)
    declared = getattr(method, "_apidoc", {}).get("arguments", {}).get("parameters", [])
    return any(argument.get("in") in {"json", "form", "files", "json_or_form"} for argument in declared)


def _encoded_body() -> bool:
    """Whether the body is sent compressed (``Content-Encoding: gzip``…), which no endpoint reads."""
    coding = request.headers.get("Content-Encoding", "").strip().lower()
    return coding not in {"", "identity"}


def init_app(app: Flask) -> None:
    @app.before_request
    def _bounded_body():
        if request.routing_exception is not None:
            # No such path, or not with this method: say so (404, 405), not what is wrong with the body.
            raise request.routing_exception
        _refuse_bad_path()
        if request.query_string:
            _refuse_bad_query()
        limit = body_limit(request.endpoint)
        request.max_content_length = limit  # checked against Content-Length, and again while reading
        if (request.content_length or 0) > limit:
            _too_large(limit)
        if _organiser_only() and request.method != "OPTIONS":
            from . import limits

            limits.organiser_check(check_organiser)  # a stranger is answered before the body is read
        write = request.method in {"POST", "PUT", "PATCH", "DELETE"}
        if write and _sent_body() and request.path.startswith("/api/") and not _takes_body():
            # A restore or a DELETE sent {"dry_run": true} in a body it never read, and went ahead for real.
            abort(422, message="This request takes no body: dry_run and the other options go in the query "
                  "string. Nothing was changed.", errors={"body": ["not read: send no body"]})  # fmt: skip
        if request.method in {"POST", "PUT", "PATCH"} and _encoded_body():
            # Read as it came, a gzip body was "not valid JSON" (or an unreadable upload): say what to change.
            abort(415, message="Send the body uncompressed: no Content-Encoding is accepted.")
        if request.is_json and request.method in {"POST", "PUT", "PATCH"}:
            data = request.get_data(cache=True)  # a chunked body is bounded too, by max_content_length
            if request.content_length is None and len(data) >= limit:
                _too_large(limit)  # the stream stops at the limit; a body that reaches it is over it
            if data.strip():
                value = parse_json(data)
                request._cached_json = (value, value)  # views read this parse, not a second one
                if request.endpoint in CANDIDATE_LISTS and isinstance(value, dict):
                    _charge(value.get("candidates"))
