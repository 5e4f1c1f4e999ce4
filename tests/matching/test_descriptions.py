"""Seeker skills found in descriptions: written out, through aliases, or as a phrase within one clause."""

from __future__ import annotations

import pytest

from matching.normalize import clauses

from .builders import assert_first, fair, position, result_for, scores


def described(pid: str, description: str, title: str = "专员") -> object:
    """A posting as real job boards post it: no skills list, a title and a description."""
    return position(pid, title, description=description)


@pytest.fixture(scope="module")
def board():
    return fair(
        described("SHOP", "岗位职责：1、负责淘宝店铺的日常运营；2、处理客户咨询。"),
        described("SHOP_APART", "岗位职责：熟悉淘宝平台规则。负责新品上架和运营推广。"),  # two sentences
        described("SALESDATA", "岗位职责：对销售数据进行分析，按月出具报告。"),
        described("DATA_FAR", "负责数据录入，对公司各项文件进行汇总和分析。"),  # too far apart
        described("REPORTS", "编制月度财务及管理报表，配合审计。"),
        described("SERVICE", "为客户提供售后服务，处理投诉。"),
        described("REPAIR", "负责车间设备的日常维修保养。", title="机修"),
        described("EXPO", "负责会展项目的平面设计与搭建。"),  # 会…计 scattered is no 会计
        described("DESIGN", "任职要求：熟练使用PS、AI等设计软件，有电商美工经验。"),
        described("GPS", "熟悉GPS导航，服从调度。", title="配送员"),
        described("JS", "熟悉JavaScript和Vue，了解Node.js。", title="前端"),
        described("JAVA", "熟悉Java、Spring Boot和MySQL。", title="后端"),
        described("CPP", "精通C++和Qt，熟悉C#者优先。", title="软件"),
        described("C", "熟悉C语言和单片机开发。", title="嵌入式"),
        described("REDIS", "熟悉Redis、Django和Google Ads。", title="运维"),
        described("K8S", "任职要求：熟悉k8s集群的部署与运维。", title="运维"),
        described("DRIVER", "任职要求：有C1驾照，三年以上驾龄。", title="配送"),
        described("TEACHER", "持有教资者优先，普通话标准。", title="辅导"),
        described("FORKLIFT", "负责叉车装卸和仓库整理。", title="装卸"),  # driving one is no licence
        described("SHEETS", "负责整理各类表格和单据。", title="文员"),  # 表格 is not Excel in running text
        described("TOC", "负责C端产品设计，对接B端客户。", title="产品"),  # consumers, not the language C
        described("RD", "负责R&D项目管理。", title="研发"),  # R&D is no R
    )


@pytest.mark.parametrize(
    ("skill", "expected", "traps_below"),
    [
        ("淘宝运营", "SHOP", ("SHOP_APART",)),  # 淘宝…运营 inside one clause, not across sentences
        ("数据分析", "SALESDATA", ("DATA_FAR",)),
        ("財務報表", "REPORTS", ()),  # traditional script, 财务…报表
        ("客户服务", "SERVICE", ()),
        ("设备维修", "REPAIR", ()),
        ("Photoshop", "DESIGN", ("GPS",)),
        ("PS", "DESIGN", ("GPS",)),  # PS as a word, never inside GPS
        ("AI", "DESIGN", ()),
        ("Java", "JAVA", ("JS",)),
        ("JavaScript", "JS", ("JAVA",)),
        ("C", "C", ("CPP", "TOC")),
        ("C#", "CPP", ("C",)),
        ("Go", "JAVA", ("REDIS",)),  # nobody wants Go: only whole words count, so nothing does
        ("R", "JAVA", ("REDIS", "RD")),
        ("Kubernetes", "K8S", ()),  # the description's alias
        ("k8s", "K8S", ()),
        ("C1驾驶证", "DRIVER", ()),  # 有C1驾照
        ("驾照C1", "DRIVER", ()),
        ("教师资格证", "TEACHER", ()),  # 持有教资
    ],
)
def test_a_description_mentions_the_skill(board, skill, expected, traps_below):
    order = scores(board, skills=[skill])
    if skill in ("Go", "R"):
        assert set(order.values()) == {0.0}, order
        return
    assert_first(board, expected, above=traps_below, skills=[skill])
    assert all(order[t] == 0 for t in traps_below), order


@pytest.mark.parametrize(
    ("skill", "not_in"),
    [
        ("会计", "EXPO"),  # 会展…设计
        ("叉车证", "FORKLIFT"),  # 叉车 alone names a whole skill, not a licence in a description
        ("Excel", "SHEETS"),
        ("淘宝运营", "SHOP_APART"),
        ("数据分析", "DATA_FAR"),
    ],
)
def test_no_mention_from_scattered_words_or_ambiguous_aliases(board, skill, not_in):
    assert scores(board, skills=[skill])[not_in] == 0


def test_a_letter_written_with_its_character_is_a_word_of_its_own():
    # C端 (consumer-facing) is one word (data/mixed_words.json): the language C is not in it.
    index = fair(position("OPS", "运营", "C端运营"), position("LANG", "嵌入式", "C"))
    assert scores(index, skills=["C"]) == {"LANG": 1.0, "OPS": 0.0}
    written = scores(index, skills=["c端运营"])
    assert written["OPS"] > 0.9 and written["LANG"] == 0


@pytest.mark.parametrize(
    ("description", "language"),
    [
        ("腾讯领投的C轮创业公司，机会多", False),  # a funding round
        ("负责C店产品的上新", False),  # a Taobao shop
        ("负责品牌 C 端线上各平台运营", False),  # C端 written with a space
        ("岗位要求：\na) 本科以上\nb) 熟悉数据分析\nc) 精通Android框架", False),  # a list letter
        ("职责：\nb.\t负责用户增长\nc.\t竞品运营策略分析", False),
        ("负责To C业务，了解2B产品", False),  # business models (the alias list's ToC, ToB)
        ("熟练使用Objective－C", False),
        ("熟悉 C 编程语言", True),
        ("熟悉python、C 或 java", True),
        ("熟练掌握java／c／c＋＋", True),
        ("要求：\nC、C++、Java至少一门", True),  # a line that starts with C
        ("精通C.", True),
        ("要求：a. 本科 b. 熟悉数据分析 c. 沟通能力强", False),  # list letters inside one line
        ("岗位要求：a.本科以上 b.精通C. 熟悉Linux", True),  # C. written onto 精通 is the language
        ("熟悉C)、Linux等", True),  # a letter and its mark, but no run from a: no list
        ("内容审核（C.Q.S）相关工作", False),  # dotted initials are one abbreviation
    ],
)
def test_the_letter_c_in_a_description_is_the_language_only_where_it_is_one(description, language):
    index = fair(described("D", description), described("OTHER", "负责日常工作"))
    assert (scores(index, skills=["C"])["D"] > 0) is language


def test_to_c_and_to_b_are_skills_of_their_own():
    index = fair(
        position("TOC", "To C出纳专员"), position("LANG", "C语言工程师"), described("B", "面向企业的2B产品")
    )
    assert scores(index, skills=["C"])["TOC"] == 0
    assert next(iter(scores(index, skills=["ToC"]))) == "TOC"
    assert scores(index, skills=["to b"])["B"] > 0


def test_a_phrase_counts_less_than_the_skill_written_out():
    index = fair(
        described("WRITTEN", "岗位职责：负责天猫店铺运营和活动策划。"),
        described("PHRASE", "岗位职责：负责天猫店铺的日常运营和活动策划。"),
    )
    order = scores(index, skills=["店铺运营"])
    assert order["WRITTEN"] > order["PHRASE"] > 0
    phrase = result_for(index.match({"skills": ["店铺运营"]}), "PHRASE")["explanation"]["skills"]["matched"]
    assert [(m["source"], m["similarity"]) for m in phrase] == [("description", 0.95)]


@pytest.mark.parametrize(
    ("skill", "cut", "whole"),
    [
        # 客户端 is the client program, not the customer: 客户开发 is winning customers.
        ("客户开发", "负责Android客户端的开发和维护。", "负责新客户的开发和维护。"),
        # Written whole, too: 数据仓库 is the data warehouse.
        ("仓库管理", "负责数据仓库管理和ETL开发。", "负责仓库管理和出入库登记。"),
    ],
)
def test_a_mention_does_not_cut_a_bound_word(skill, cut, whole):
    index = fair(described("CUT", cut), described("WHOLE", whole))
    order = scores(index, skills=[skill])
    assert order["WHOLE"] > 0 and order["CUT"] == 0


def test_a_bound_word_standing_whole_between_two_chunks_is_skipped_like_any_word():
    # C++开发工程师 lies in the wish C++客户端开发工程师, 客户端 whole between its two chunks; 客户开发
    # does not lie in the title 客户端开发工程师.
    index = fair(position("CPP", "C++开发工程师"), position("CLIENT", "客户端开发工程师"))
    assert scores(index, titles=["C++客户端开发工程师"])["CPP"] > 0.8
    assert scores(index, skills=["客户开发"])["CLIENT"] == 0


def test_the_echo_gives_the_closest_of_a_title_mention_and_a_description_mention():
    # linux is in a title only as part of a longer one (0.79) and written out in a description (1.0): the echo
    # says how closely the input was found, so 1.0, not the title's 0.79.
    index = fair(
        position("TITLE", "linux+c++开发工程师"),
        described("TEXT", "岗位要求：熟悉Linux操作系统，会写脚本。"),
    )
    echo = index.match({"skills": ["linux"]})["profile"]["skills"]
    assert [(e["matched"], e["similarity"]) for e in echo] == [("Linux", 1.0)]


def test_a_postings_skills_list_still_beats_its_description():
    index = fair(
        position("LISTED", "运营专员", "淘宝运营", description="负责店铺日常工作。"),
        described("DESCRIBED", "负责淘宝店铺的日常运营。", title="运营专员"),
    )
    order = scores(index, skills=["淘宝运营"])
    assert order["LISTED"] > order["DESCRIBED"] > 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("岗位职责：1、负责运营；2.数据分析", ["岗位职责", "负责运营", "数据分析"]),
        ("熟悉Vue2.x，1.5年经验", ["熟悉vue2 x 1 5年经验"]),  # a version and a figure are no list items
        ("有C1驾照！能出差？", ["有c1驾照", "能出差"]),
        ("要求：\na) 本科\nc.\t熟悉C\nd)精通", ["要求", "本科", "熟悉c", "精通"]),  # list letters begin lines
        ("要求：a.本科 b.熟练SQL c.沟通能力", ["要求", "本科", "熟练sql", "沟通能力"]),  # or run inside one
        (
            "欢迎加入！\n\nPS:一年以上经验是硬性要求",
            ["欢迎加入", "一年以上经验是硬性要求"],
        ),  # a postscript's mark
        ("熟练使用PS。P.S.：简历请附作品", ["熟练使用ps", "简历请附作品"]),
        ("软件：\nPS：精通\nAI：熟练", ["软件", "ps", "精通", "ai", "熟练"]),  # a tool and how well
    ],
)
def test_descriptions_split_into_clauses(text, expected):
    assert clauses(text) == expected


def test_a_postscripts_mark_is_no_photoshop():
    # Real postings end with a postscript (PS：实习期表现优秀): a Java developer's and a customer success
    # manager's posts of neitui met a Photoshop seeker at 0.5, as the designers' posts did.
    index = fair(
        described(
            "A_JAVA", "负责后台开发。\n\nPS:一年以上经验是硬性要求，且不包含实习时间。", title="Java开发"
        ),
        described("B_ART", "熟练使用PS、AI等设计软件。", title="美工"),
        described("C_LIST", "软件要求：\nPS：精通\nCAD：熟练", title="设计助理"),
    )
    order = scores(index, skills=["PS"])
    assert order["B_ART"] > 0 and order["C_LIST"] > 0 and order.get("A_JAVA", 0) == 0


def test_a_corpus_tells_what_can_occur_in_it_without_scanning():
    from matching.mentions import TextCorpus

    corpus = TextCorpus(["负责淘宝店铺的日常运营", "对销售数据进行分析"])
    for text in ("淘宝店铺", "运营", "数据进行分析", "营", "淘宝", "据进"):
        assert corpus.occurs(text)
    # 宝运 is a pair no text holds: 淘宝运营 is in no text written out (as a phrase it still is).
    assert not corpus.occurs("淘宝运营") and not corpus.occurs("库")
    assert corpus.mentioning("淘宝运营") == {0: pytest.approx(0.95)}


def test_phrase_patterns_leave_out_chunkings_that_cannot_occur():
    from matching.similarity import chunk_patterns

    every = chunk_patterns("淘宝店铺运营", "\n")
    assert [parts for _, parts in every] == [2, 3]
    assert chunk_patterns("淘宝店铺运营", "\n", possible=lambda chunks: False) == []
    # Only chunkings that can occur are compiled: 淘宝 | 店铺运营, no 3-chunk one.
    kept = chunk_patterns("淘宝店铺运营", "\n", possible=lambda chunks: set(chunks) <= {"淘宝", "店铺运营"})
    assert [parts for _, parts in kept] == [2] and kept[0][0].search("淘宝的店铺运营")
    assert not kept[0][0].search("淘宝店铺的运营")


def test_chunkings_no_single_text_holds_compile_no_expression(monkeypatch):
    """淘宝 and 运营 both occur, in different texts: no text can hold 淘宝运营 as a phrase, so no phrase
    expression is compiled for it; where one text holds both, it is found."""
    from matching import mentions
    from matching.mentions import TextCorpus

    compiled: list[str] = []
    real = mentions.chunk_patterns

    def counting(short, barrier, possible=None):
        patterns = real(short, barrier, possible)
        compiled.extend(short for _ in patterns)
        return patterns

    monkeypatch.setattr(mentions, "chunk_patterns", counting)
    apart = TextCorpus(["负责淘宝店铺", "日常运营工作"])
    assert apart.mentioning("淘宝运营") == {} and compiled == []
    together = TextCorpus(["负责淘宝店铺", "日常运营工作", "淘宝店铺的日常运营"])
    assert together.mentioning("淘宝运营") == {2: pytest.approx(0.95)} and compiled


def test_texts_are_visited_through_their_symbol_pairs_with_the_answers_of_a_full_scan(monkeypatch):
    """A string is looked for only in the texts holding its rarest symbol pair (when few do): the texts found
    and the phrases found are those a scan of every text finds, on the default fair's descriptions."""
    import json
    import random

    from matching import mentions
    from matching.aliases import skill_aliases
    from matching.lexicon import LexiconBuilder
    from matching.mentions import TextCorpus, encode_text
    from matching.records import positions_from_fixture

    from ..conftest import DEFAULT_FIXTURE

    positions = positions_from_fixture(json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8")))
    builder = LexiconBuilder(skill_aliases())
    texts = sorted({encode_text(p.description, builder) for p in positions if p.description})
    rng = random.Random(7)
    needles = []
    for _ in range(300):
        text = rng.choice(texts)
        at = rng.randrange(len(text))
        needles.append(text[at : at + rng.randint(1, 6)])
    for text in rng.sample(texts, 100):  # phrases ending where a text ends: its last symbols, one left out
        tail = text[-6:]
        needles.append(tail[:2] + tail[3:])
    needles += ["淘宝运营", "数据分析", "会计", "库", "宝运"]
    visited = TextCorpus(texts)
    monkeypatch.setattr(mentions, "MANY_TEXTS", -1)  # every string through a scan of the joined texts
    scanned = TextCorpus(texts)
    for needle in needles:
        expected = [n for n, text in enumerate(texts) if needle in text]
        with monkeypatch.context() as m:
            m.setattr(mentions, "MANY_TEXTS", 10**9)
            assert visited.containing(needle).tolist() == expected, needle
            by_pairs = visited.mentioning(needle)
        assert scanned.containing(needle).tolist() == expected, needle
        assert scanned.mentioning(needle) == by_pairs, needle
    assert any(len(visited.mentioning(n)) > len(visited.containing(n)) for n in needles)  # phrases found


def test_a_text_holds_a_word_on_its_own_only_where_no_known_word_crosses_it():
    from matching.mentions import TextCorpus

    words = {"运营", "运作", "审计", "会计", "生产"}
    crossing = TextCorpus(["负责相关运营运作", "协调审计会计工作"])
    assert crossing.holds("营运") and not crossing.holds_as_word("营运", words)  # 运营 + 运作
    assert crossing.holds("计会") and not crossing.holds_as_word("计会", words)  # 审计 + 会计
    assert not crossing.holds_as_word("运", words)  # inside 运营 and 运作: held by longer words only
    standing = TextCorpus(["负责相关运营运作", "对投资、营运、行政负责", "处理生产中产生的问题"])
    assert standing.holds_as_word("营运", words)  # the second text writes it on its own
    assert standing.holds_as_word("产生", words)  # 生产 is before it, not across it


def test_a_string_crossed_everywhere_is_looked_at_a_bounded_number_of_times(monkeypatch):
    from matching import mentions

    corpus = mentions.TextCorpus(["审计会计"] * 500 + ["对计会负责"])  # on its own only in the last text
    visited = []
    holding = corpus._holding

    def counted(text):
        for doc, end in holding(text):
            visited.append(doc)
            yield doc, end

    monkeypatch.setattr(corpus, "_holding", counted)
    assert not corpus.holds_as_word("计会", {"审计", "会计"})  # the 501st text is past the bound
    assert len(visited) == mentions.WORD_OCCURRENCES  # texts visited: no scan of the other 437
