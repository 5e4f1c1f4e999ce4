"""`bench/where_cpu.py`: each py-spy sample counts for the part of its innermost frame of a known module."""

from collections import Counter

from bench.where_cpu import OTHER, PARTS, part_of, parts, profile, share

SERVER, FLASK, _, VALIDATION, CACHE, _, READING, EVIDENCE, EXPLAIN, SCORING = (part for part, _ in PARTS)
OUTER = (
    "_handle_and_close_when_done (gevent/baseserver.py:34);"
    "Worker.handle_request (service/gunicorn_conf.py:41);"
    "Flask.wsgi_app (flask/app.py:1511);MethodView.dispatch_request (flask/views.py:188);"
    "Parser.use_args.<locals>.decorator.<locals>.wrapper (webargs/core.py:658);"
    "Ranking.match (service/ranking.py:189);MatchIndex.match (matching/index.py:330)"
)


def test_the_innermost_known_frame_decides_and_library_frames_count_for_their_caller():
    raw = [
        f"{OUTER};ProfileReader.read (matching/profile.py:262);normalize (matching/normalize.py:104) 7",
        f"{OUTER};MatchIndex._evidence (matching/index.py:122);SkillSpace.score (matching/skills.py:337);"
        "concatenate (numpy/_core/multiarray.py:12) 5",  # numpy called by the skill scoring
        f"{OUTER};MatchIndex._results (matching/index.py:299);"
        "Explainer.explanations (matching/explain.py:129) 3",
        f"{OUTER};MatchIndex._page (matching/index.py:243);argpartition (numpy/_core/fromnumeric.py:90) 2",
        f"{OUTER.split(';MatchIndex')[0]};dumps (<frozen orjson>) 4",
        "_handle_and_close_when_done (gevent/baseserver.py:34);Logger.access (gunicorn/glogging.py:360);"
        "LogRecord.__init__ (logging/__init__.py:300) 6",
        "Thread._bootstrap (threading.py:995);Thread.run (threading.py:975) 1",
        "",
        "no count here",
    ]
    counts = parts(raw)
    assert counts == Counter({READING: 7, EVIDENCE: 5, EXPLAIN: 3, SCORING: 2, CACHE: 4, SERVER: 6, OTHER: 1})


def test_frames_are_told_apart_by_module_path_not_by_function_name():
    assert part_of("MatchesView.post (service/api/matches.py:40)") == VALIDATION
    assert part_of("Flask.full_dispatch_request (flask/app.py:917)") == FLASK
    assert part_of("match (matching_extra/index.py:1)") is None
    assert part_of("frame without a path") is None


def test_shares_split_the_phase_cpu_by_samples():
    answer = share(Counter({READING: 3, SERVER: 1}), cpu_ms_per_request=2.0)
    assert answer["samples"] == 4
    assert answer["parts"][READING] == {"share": 0.75, "ms_per_request": 1.5}
    assert answer["parts"][SERVER] == {"share": 0.25, "ms_per_request": 0.5}
    assert list(answer["parts"]) == [READING, SERVER]


def test_a_worker_py_spy_cannot_read_leaves_the_phase_figures_and_says_why(tmp_path):
    gone = 2**22 + 1  # above the kernel's pid limit: no such process
    answer = profile([gone], 1, lambda: {"requests": 10, "worker_cpu_ms_per_request": 1.0}, tmp_path)
    assert answer["requests"] == 10
    assert answer["unavailable"].startswith("Error: ")
    assert "parts" not in answer
