"""Request-level protections: body limits, authentication before the body, bounded JSON, valid text,
security and CORS headers, rate limits with 429 in the JSON shape."""

from __future__ import annotations

import io
import os
import re
import uuid

import pytest

from .builders import employer, fair_doc, position, small_fair

FIXTURES = "/api/v1/fixtures"


class Untouchable(io.RawIOBase):
    """A request body that must never be read."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        raise AssertionError("the body was read")


def _stalled(client, url: str, length: int, headers: dict | None = None):
    """POST that announces `length` bytes of JSON whose body cannot be read."""
    environ = {"wsgi.input": Untouchable(), "CONTENT_LENGTH": str(length), "CONTENT_TYPE": "application/json"}
    return client.post(url, headers=headers or {}, environ_overrides=environ)


def _error_shape(response) -> dict:
    body = response.get_json()
    assert set(body) >= {"code", "status", "message", "errors"}
    return body


def test_a_match_request_larger_than_64_kb_is_413_from_its_content_length(client):
    response = _stalled(client, "/api/v1/matches", 26214400)
    assert response.status_code == 413
    assert "64 KB" in _error_shape(response)["message"]


def test_a_chunked_body_is_bounded_while_it_is_read(client):
    body = b'{"skills": [' + b'"Python",' * 9000 + b'"Java"]}'
    response = client.post(
        "/api/v1/matches",
        input_stream=io.BytesIO(body),
        headers={"Transfer-Encoding": "chunked"},
        content_type="application/json",
        environ_overrides={"wsgi.input_terminated": True},  # as gunicorn marks a chunked body
    )
    assert response.status_code == 413


def test_uploads_keep_their_25_mb_limit(client, organiser):
    response = _stalled(client, FIXTURES, 25 * 1024 * 1024 + 1, organiser)
    assert response.status_code == 413
    assert "25 MB" in response.get_json()["message"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}])
def test_organiser_endpoints_answer_before_reading_the_body(client, headers):
    response = _stalled(client, FIXTURES, 10 * 1024 * 1024, headers)
    assert response.status_code in {401, 403}
    _error_shape(response)


@pytest.mark.parametrize("url", ["/api/v1/matches", "/api/v1/matches/batch", FIXTURES])
def test_json_nested_5000_levels_is_400(client, organiser, url):
    deep = "[" * 5000 + "]" * 5000
    response = client.post(url, data=deep, content_type="application/json", headers=organiser)
    assert response.status_code == 400
    assert "32 levels" in _error_shape(response)["message"]


def test_a_json_file_upload_is_bounded_in_depth_too(client, organiser):
    data = {"file": (io.BytesIO(b'{"fair": ' + b"[" * 5000), "fair.json")}
    response = client.post(FIXTURES, data=data, headers=organiser, content_type="multipart/form-data")
    assert response.status_code == 400


def test_nesting_within_the_limit_is_read_normally(client):
    response = client.post("/api/v1/matches", json={"skills": ["Python"], "filters": {"industries": []}})
    assert response.status_code == 200


def test_a_lone_surrogate_is_400_at_its_path_and_not_counted_as_demand(client, organiser):
    client.post(FIXTURES, json=fair_doc(employer("E01", positions=[position("P1", skills=["Python"])])),
                headers=organiser)  # fmt: skip
    raw = '{"skills": ["Python", "\\ud800"]}'
    response = client.post("/api/v1/matches", data=raw, content_type="application/json")
    assert response.status_code == 400
    assert list(_error_shape(response)["errors"]) == ["skills[1]"]
    raw = '{"candidates": [{"id": "c1", "skills": ["\\udfff"]}]}'
    response = client.post("/api/v1/matches/batch", data=raw, content_type="application/json")
    assert list(response.get_json()["errors"]) == ["candidates[0].skills[0]"]
    assert client.get("/api/v1/stats/demand", headers=organiser).status_code == 200  # counts still serialise


def test_escapes_are_refused_only_when_they_make_bad_text(client, organiser):
    client.post(FIXTURES, json=fair_doc(employer("E01", positions=[position("P1", skills=["Python"])])),
                headers=organiser)  # fmt: skip
    cases = [
        ('{"skills": ["Python", "\\uD83D\\uDE00"]}', 200),  # a pair of surrogates is a character: 😀
        ('{"skills": ["\\u4f1a\\u8ba1", "\\\\u0000"]}', 200),  # 会计, and a backslash before u0000
        ('{"skills": ["Python", "\\uDBFF"]}', 400),  # upper-case hex names a lone surrogate too
        ('{"skills": ["Py\\u0000thon"]}', 400),
    ]
    for raw, status in cases:
        response = client.post("/api/v1/matches", data=raw, content_type="application/json")
        assert response.status_code == status, raw


@pytest.mark.parametrize(
    "path",
    ["/api/v1/skills/suggest?q=%FF", "/api/v1/positions?q=%ED%A0%80", "/api/v1/employers?q=%C3", "/?x=%FF"],
)
def test_a_query_string_that_is_no_utf8_text_is_400_as_in_a_body(client, path):
    # %ED%A0%80 is a lone surrogate's bytes, %C3 half a character: read loosely, each would be searched as
    # replacement characters and answer 200 with nothing, or with something.
    response = client.get(path)
    assert response.status_code == 400
    assert _error_shape(response)["message"] == "The query string must be valid UTF-8 text."


def test_a_query_string_of_chinese_text_is_read(client):
    assert client.get("/api/v1/positions?q=%E4%BC%9A%E8%AE%A1").status_code == 200  # 会计
    assert client.get("/api/v1/positions?q=%E6%9C%83+%E8%A8%88").status_code == 200  # 會 計, a plus a space


def test_a_lone_surrogate_in_a_loaded_document_is_refused_at_its_path(client, organiser):
    raw = (
        '{"fair": {"id": "f", "name": "n"}, "employers": [{"id": "E1", "name": "\\ud83d", '
        '"ownership": "private", "industry": "manufacturing", "positions": []}]}'
    )
    response = client.post(FIXTURES, data=raw, content_type="application/json", headers=organiser)
    assert response.status_code == 400
    assert "employers[0].name" in response.get_json()["errors"]
    assert client.get("/api/v1/fair").status_code == 404  # nothing was loaded


def test_titles_on_an_empty_fair_rank_nothing_without_an_error(client):
    response = client.post("/api/v1/matches", json={"titles": ["会计"], "skills": ["Excel"]})
    assert response.status_code == 200
    assert response.get_json()["results"] == []


def test_pages_and_answers_carry_the_security_headers(client):
    for url in ("/", "/organizer", "/api/v1/fair", "/static/seeker/app.js"):
        with client.get(url) as response:
            headers = response.headers
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy, url
        assert "script-src 'self'" in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "no-referrer"


def test_cors_is_closed_by_default_and_opened_per_origin(make_app):
    closed = make_app().test_client()
    response = closed.get("/api/v1/fair", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    opened = make_app(FAIR_CORS_ORIGINS="https://jobs.example, https://hr.example").test_client()
    response = opened.options(
        "/api/v1/matches",
        headers={"Origin": "https://hr.example", "Access-Control-Request-Method": "POST"},
    )
    assert response.headers["Access-Control-Allow-Origin"] == "https://hr.example"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    response = opened.get("/api/v1/fair", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_405_names_the_allowed_methods(client):
    response = client.delete("/api/v1/matches")
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"POST"}


def test_500_wrong_tokens_from_one_address_are_429_with_retry_after(client):
    codes = [client.get("/api/v1/fixtures/history", headers={"Authorization": "Bearer guess"}).status_code
             for _ in range(500)]  # fmt: skip
    assert codes[:10] == [403] * 10
    assert set(codes[10:]) == {429}
    response = client.get("/api/v1/fixtures/history", headers={"Authorization": "Bearer guess"})
    assert int(response.headers["Retry-After"]) > 0
    assert _error_shape(response)["code"] == 429


def test_the_right_token_is_refused_too_once_an_address_is_locked_out(make_app, organiser):
    client = make_app(RATELIMIT_WRONG_TOKEN="2 per minute").test_client()
    for _ in range(2):
        client.get("/api/v1/fixtures/history", headers={"Authorization": "Bearer guess"})
    assert client.get("/api/v1/fixtures/history", headers=organiser).status_code == 429
    other = {"REMOTE_ADDR": "10.0.0.9"}
    assert client.get("/api/v1/fixtures/history", headers=organiser, environ_base=other).status_code == 200


def test_matching_has_its_own_configurable_limit(make_app):
    client = make_app(RATELIMIT_MATCHING="5 per minute", RATELIMIT_DEFAULT="100 per minute").test_client()
    codes = [client.post("/api/v1/matches", json={"skills": ["Python"]}).status_code for _ in range(7)]
    assert codes == [200] * 5 + [429] * 2
    assert client.get("/api/v1/industries").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_the_pages_static_files_are_not_rate_limited(make_app):
    # A venue's Wi-Fi: many phones behind one address each load the page's forty-odd files.
    limited = make_app(RATELIMIT_DEFAULT="3 per minute").test_client()
    page = limited.get("/").get_data(as_text=True)
    files = re.findall(r'(?:src|href)="(/static/v/[^"]+)"', page)
    assert len(files) >= 3
    codes = {limited.get(path).status_code for path in files * 3}
    codes |= {limited.get(path).status_code for path in ["/sw.js", "/static/seeker/app.css"] * 3}
    assert codes <= {200, 304}
    assert {limited.get("/api/v1/industries").status_code for _ in range(4)} == {200, 429}


def test_ratelimit_enabled_0_switches_every_limit_off(make_app):
    client = make_app(RATELIMIT_ENABLED=False, RATELIMIT_MATCHING="1 per minute").test_client()
    assert {client.post("/api/v1/matches", json={}).status_code for _ in range(5)} == {200}
    codes = {client.get("/api/v1/fixtures/history", headers={"Authorization": "Bearer x"}).status_code
             for _ in range(30)}  # fmt: skip
    assert codes == {403}


def _redis_url() -> str | None:
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        return None
    return url


def test_two_instances_share_their_limits_through_redis(make_app):
    url = _redis_url()
    if url is None:
        pytest.skip("Redis is not running")
    prefix = f"fairmatch-test-{uuid.uuid4().hex}"
    config = {"REDIS_URL": url, "RATELIMIT_KEY_PREFIX": prefix, "RATELIMIT_WRONG_TOKEN": "4 per minute"}
    one, two = make_app(**config).test_client(), make_app(**config).test_client()
    wrong = {"Authorization": "Bearer guess"}
    codes = [c.get("/api/v1/fixtures/history", headers=wrong).status_code for c in (one, two, one, two)]
    assert codes == [403] * 4
    assert two.get("/api/v1/fixtures/history", headers=wrong).status_code == 429
    assert one.get("/api/v1/fixtures/history", headers=wrong).status_code == 429


def test_wrong_token_counts_are_kept_apart_by_the_key_prefix(make_app):
    """Two deployments on one Redis (or two test runs) never share their wrong-token counts."""
    url = _redis_url()
    if url is None:
        pytest.skip("Redis is not running")
    wrong = {"Authorization": "Bearer guess"}
    limit = {"REDIS_URL": url, "RATELIMIT_WRONG_TOKEN": "2 per minute"}
    first = make_app(**limit, RATELIMIT_KEY_PREFIX=f"fairmatch-a-{uuid.uuid4().hex}").test_client()
    codes = [first.get("/api/v1/fixtures/history", headers=wrong).status_code for _ in range(3)]
    assert codes == [403, 403, 429]
    other = make_app(**limit, RATELIMIT_KEY_PREFIX=f"fairmatch-b-{uuid.uuid4().hex}").test_client()
    assert other.get("/api/v1/fixtures/history", headers=wrong).status_code == 403


def test_json_depth_counts_nesting_outside_strings():
    from service.guard.body import json_depth

    assert json_depth(b'{"a": "[[[{{", "b": [[1], {"c": "]]]"}]}') == 3
    assert json_depth(b'"no nesting"') == 0
    assert json_depth(b"[" * 33 + b"]" * 33) == 33
    # Escapes inside strings: a quote or a backslash escaped does not end the string.
    assert json_depth(rb'["a\"[[[", "\\", ["x\\\"]]]"]]') == 2
    assert json_depth(rb'{"k": "\\"}') == 1
    assert json_depth(b'["\\u4f60[[", "\xe4\xbd\xa0\\n]]"]') == 1


def _nesting(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(_nesting, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_nesting, value.values()), default=0)
    return 0


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 1 << 20])
def test_json_depth_in_pieces_is_the_parsed_nesting(monkeypatch, piece):
    """Read in pieces of any size, split inside strings, escapes or runs of backslashes, the depth is the
    nesting of the parsed text; texts full of quoted brackets, quotes and backslashes."""
    import json
    import random

    from service.guard import body

    rng = random.Random(piece)
    words = ['a"b', "\\", "[{", '}]"\\"', '\\\\"[', "会计[", "x", 1, None]

    def value(depth: int):
        roll = rng.random()
        if depth > 6 or roll < 0.3:
            return rng.choice(words)
        if roll < 0.65:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice(["k", "[", '"', "\\", "}"]): value(depth + 1) for _ in range(rng.randint(0, 3))}

    monkeypatch.setattr(body, "PIECE", piece)
    for _ in range(300):
        parsed = value(0)
        text = json.dumps(parsed, ensure_ascii=rng.random() < 0.5).encode()
        assert body.json_depth(text) == _nesting(parsed), text


def test_json_depth_takes_a_turn_between_pieces(monkeypatch):
    """A long text (a push of 100,000 candidates) is read in pieces, the worker's other connections served
    between two."""
    from service.guard import body

    turns: list[int] = []
    monkeypatch.setattr(body, "take_turns", lambda: turns.append(1))
    monkeypatch.setattr(body, "PIECE", 1000)
    text = b'{"candidates": [' + b",".join([b'{"skills": ["Excel"]}'] * 500) + b"]}"
    assert body.json_depth(text) == 4
    assert len(turns) == len(text) // 1000
    turns.clear()
    assert body.json_depth(text[:999]) == 4 and turns == []  # one piece: no turn


def test_only_texts_with_enough_brackets_are_walked_for_depth(monkeypatch):
    from service.guard import body
    from service.guard.body import MAX_DEPTH, json_depth, too_deep

    walked: list[bytes] = []
    monkeypatch.setattr(body, "json_depth", lambda data: walked.append(data) or json_depth(data))
    profile = b'{"skills": ["Python", "Excel"], "titles": ["\xe4\xbc\x9a\xe8\xae\xa1"], "filters": {}}'
    assert not too_deep(profile) and walked == []  # a seeker's profile: counted, never walked
    assert not too_deep(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH) and walked == []
    assert too_deep(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1)) and len(walked) == 1
    # Many brackets, shallow: counted, then walked.
    assert not too_deep(b"[" + b"[1]," * 100 + b"[]]") and len(walked) == 2
    # Brackets inside strings are no nesting.
    assert not too_deep(b'["' + b"[" * 100 + b'"]')


def test_a_json_body_is_parsed_once(client, organiser, monkeypatch):
    """The API's arguments are read from the guard's parse: a push of 100,000 candidates is not parsed
    twice. The answers are those of the parse: a profile ranks, a correction's fields are checked."""
    import json

    import webargs.core

    from service.guard import body

    parses: list[bytes] = []
    real_loads = json.loads

    def loads(data, **kw):  # json.loads is the module's: count the request bodies among its calls
        if isinstance(data, bytes):
            parses.append(data)
        return real_loads(data, **kw)

    monkeypatch.setattr(body.json, "loads", loads)
    monkeypatch.setattr(
        webargs.core, "parse_json", lambda *a, **kw: pytest.fail("webargs parsed the body again")
    )
    answer = client.post("/api/v1/matches", json={"skills": ["Excel"]})
    wrong = client.post("/api/v1/matches", json={"skills": "Excel", "limit": -1})
    assert parses == [b'{"skills": ["Excel"]}', b'{"skills": "Excel", "limit": -1}']
    assert answer.status_code == 200 and answer.get_json()["profile"]["skills"][0]["input"] == "Excel"
    assert wrong.status_code == 422 and set(wrong.get_json()["errors"]) == {"skills", "limit"}


def test_a_database_fault_asks_for_its_own_few_seconds_not_the_rate_limits_minute(client, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from service.api import fair
    from service.errors import RETRY_DB_SECONDS

    def gone(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    monkeypatch.setattr(fair, "fair_summary", gone)
    response = client.get("/api/v1/fair")
    assert response.status_code == 503
    assert response.headers["X-RateLimit-Limit"]  # the rate limits are on
    assert response.headers["Retry-After"] == str(RETRY_DB_SECONDS)


def test_a_rate_limited_answer_still_waits_for_its_window(make_app):
    client = make_app(RATELIMIT_DEFAULT="1 per minute").test_client()
    assert client.get("/api/v1/industries").status_code == 200
    response = client.get("/api/v1/industries")
    assert response.status_code == 429
    assert 50 <= int(response.headers["Retry-After"]) <= 60


def test_a_page_of_an_allowed_origin_may_read_a_pushs_location_and_when_to_try_again(make_app):
    app = make_app(FAIR_CORS_ORIGINS="https://jobs.example", RATELIMIT_DEFAULT="1 per minute")
    client = app.test_client()
    origin = {"Origin": "https://jobs.example"}
    accepted = client.post("/api/v1/pushes", json={"candidates": [{"id": "c1"}]}, headers=origin)
    assert accepted.status_code == 202
    exposed = {h.strip() for h in accepted.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"Location", "Retry-After", "X-RateLimit-Remaining"} <= exposed
    limited = client.get(accepted.headers["Location"], headers=origin)
    limited = client.get(accepted.headers["Location"], headers=origin)
    assert limited.status_code == 429 and "Retry-After" in limited.headers["Access-Control-Expose-Headers"]
    read = client.get("/api/v1/industries", headers=origin)
    assert "ETag" in read.headers["Access-Control-Expose-Headers"]  # to send back in If-None-Match
    asking = {**origin, "Access-Control-Request-Method": "GET"}
    preflight = client.options("/api/v1/industries", headers=asking)
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]
    other = client.get("/api/v1/industries", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Expose-Headers" not in other.headers


def _raw_path(raw: bytes) -> dict:
    """The path as a server hands it over, percent-escapes decoded to bytes read as Latin-1 (PEP 3333)."""
    return {"PATH_INFO": raw.decode("latin-1")}


@pytest.mark.parametrize(
    "raw", [b"\xb9\xf0\xc1\xd6", b"\xff", b"E01-\xed\xa0\x80"], ids=["GBK", "FF", "surrogate"]
)
def test_a_path_that_is_no_utf8_text_is_400_and_stores_nothing(client, organiser, raw):
    client.post(FIXTURES, json=fair_doc(employer("E01", positions=[position("P1")])), headers=organiser)
    body = {"name": "桂林新公司", "ownership": "private", "industry": "manufacturing", "booth": "Z-01"}
    path = _raw_path(b"/api/v1/employers/" + raw)
    response = client.put("/", json=body, headers=organiser, environ_overrides=path)
    assert response.status_code == 400
    assert _error_shape(response)["message"].startswith("The path must be valid UTF-8 text")
    assert client.get("/", environ_overrides=_raw_path(b"/api/v1/positions/" + raw)).status_code == 400
    assert [e["id"] for e in client.get("/api/v1/employers").get_json()["items"]] == ["E01"]


def test_a_path_of_chinese_text_is_read(client, organiser):
    client.post(FIXTURES, json=fair_doc(employer("E01", positions=[position("P1")])), headers=organiser)
    body = {"name": "桂林新公司", "ownership": "private", "industry": "manufacturing", "booth": "Z-01"}
    path = _raw_path("/api/v1/employers/桂林-01".encode())
    assert client.put("/", json=body, headers=organiser, environ_overrides=path).status_code == 201
    assert client.get("/api/v1/employers/%E6%A1%82%E6%9E%97-01").get_json()["name"] == "桂林新公司"


def test_a_rate_limited_answer_says_what_happened_and_when_to_come_back(make_app):
    client = make_app(RATELIMIT_MATCHING="2 per minute").test_client()
    for _ in range(2):
        client.post("/api/v1/matches", json={})
    response = client.post("/api/v1/matches", json={})
    assert response.status_code == 429
    message = _error_shape(response)["message"]
    lead = "Too many requests from this address (at most 2 per 1 minute); try again in "
    assert message.startswith(lead) and message.endswith(" s.")
    assert abs(int(message[len(lead) : -3]) - int(response.headers["Retry-After"])) <= 1  # read apart


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]


def test_a_list_parameter_sent_repeated_reads_as_the_comma_separated_one(client, organiser):
    doc = small_fair()
    doc["employers"][0]["positions"][0]["benefits"] = ["五险一金"]
    doc["employers"][1]["positions"][0]["benefits"] = ["五险一金", "双休"]
    assert client.post(FIXTURES, json=doc, headers=organiser).status_code == 200
    for path, name, values in [
        ("/api/v1/positions", "industry", ["software_it", "education"]),
        ("/api/v1/positions", "benefits", ["五险一金", "双休"]),
        ("/api/v1/employers", "ownership", ["state_owned", "education_training"]),
    ]:
        joined = _ids(client.get(path, query_string={name: ",".join(values)}))
        repeated = _ids(client.get(path, query_string=[(name, v) for v in values]))
        first = _ids(client.get(path, query_string={name: values[0]}))
        assert repeated == joined and joined != first, (name, joined, first)


@pytest.mark.parametrize(
    "method, url",
    [("get", "/api/v1/positions?limit=5&limit=50"), ("get", "/api/v1/positions?q=工&q=师"),
     ("get", "/api/v1/skills/suggest?q=py&q=ja"), ("post", "/api/v1/fixtures?dry_run=true&dry_run=false")],
)  # fmt: skip
def test_any_other_parameter_sent_twice_is_422_naming_it_and_writes_nothing(client, organiser, method, url):
    response = client.open(url, method=method.upper(), json=small_fair(), headers=organiser)
    assert response.status_code == 422
    name = url.split("?")[1].split("=")[0]
    assert _error_shape(response)["errors"] == {f"query.{name}": ["given more than once: send it once"]}
    assert client.get("/api/v1/fair").status_code == 404  # no fair was loaded


def test_a_key_named_twice_in_one_object_is_400_at_its_path_and_loads_nothing(client, organiser):
    # Two documents pasted together: the first list of positions silently lost, and replace deleting them.
    raw = (
        '{"fair": {"id": "f", "name": "测试招聘会"}, "employers": [{"id": "E01", "name": "桂林漓江电子",'
        ' "ownership": "private", "industry": "manufacturing", "positions": [{"id": "P1", "title": "普工"}],'
        ' "positions": [{"id": "P2", "title": "电工"}]}]}'
    )
    response = client.post(f"{FIXTURES}?mode=replace", data=raw, content_type="application/json",
                           headers=organiser)  # fmt: skip
    assert response.status_code == 400
    body = _error_shape(response)
    assert body["message"] == "The request body names a key twice in one object."
    assert body["errors"] == {"employers[0].positions": ["given twice in one object: send it once"]}
    assert client.get("/api/v1/fair").status_code == 404
    raw = '{"skills": ["Python"], "limit": 5, "skills": ["会计"]}'
    response = client.post("/api/v1/matches", data=raw, content_type="application/json")
    assert response.status_code == 400 and list(response.get_json()["errors"]) == ["skills"]


def test_the_same_key_in_different_objects_is_read(client):
    raw = '{"candidates": [{"id": "c1", "skills": ["Python"]}, {"id": "c2", "skills": ["会计"]}], "limit": 1}'
    response = client.post("/api/v1/matches/batch", data=raw, content_type="application/json")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "method, url",
    [("DELETE", "/api/v1/positions/E01-P1"), ("DELETE", "/api/v1/employers/E01"),
     ("POST", "/api/v1/fixtures/history/1/restore")],
)  # fmt: skip
def test_a_body_sent_where_none_is_read_is_422_and_nothing_changes(client, organiser, method, url):
    first = fair_doc(employer("E01", positions=[position("E01-P1"), position("E01-P2", "电工")]))
    assert client.post(FIXTURES, json=first, headers=organiser).status_code == 200
    second = fair_doc(employer("E01", positions=[position("E01-P1", "焊工"), position("E01-P2", "电工")]))
    assert client.post(FIXTURES, json=second, headers=organiser).status_code == 200
    before = client.get("/api/v1/fixtures/export", headers=organiser).get_json()
    response = client.open(url, method=method, json={"dry_run": True}, headers=organiser)
    assert response.status_code == 422
    assert _error_shape(response)["errors"] == {"body": ["not read: send no body"]}
    assert client.get("/api/v1/fixtures/export", headers=organiser).get_json() == before
    assert client.open(url, method=method, headers=organiser).status_code == 200  # no body: as before
