"""Desired titles (求职意向) against noisy posting titles, and industry preferences."""

from __future__ import annotations

import pytest

from .builders import assert_first, fair, position, ranked, result_for, scores, trap_fair


@pytest.fixture(scope="module")
def traps():
    return trap_fair()


@pytest.mark.parametrize(
    ("titles", "expected", "traps_below"),
    [
        (["普工"], "PG", ()),  # 急聘普工 7500月包吃住
        (["淘宝客服"], "KEFU", ()),  # 淘宝在线客服提供食宿缴纳五险
        (["电商运营"], "SHOP", ("LIVE",)),  # 电商运营组长（天猫/拼多多）
        (["Java"], "JAVA", ("JS",)),  # Java开发工程师（应届生可） vs JavaScript前端工程师
        (["Java工程师"], "JAVA", ("JS", "CPP")),
        (["數據分析師"], "DATA", ("R",)),  # traditional; 数据分析专员 shares the core
        (["会计"], "ACC", ("EXPO",)),
        (["C++开发"], "CPP", ("C", "CS")),
        (["kuaiji"], "ACC", ("EXPO",)),  # a title spelt in pinyin
        (["huiji"], "ACC", ("EXPO",)),  # and with 会 read as in 会议
        (["pugong"], "PG", ()),
        (["dianshang yunying"], "SHOP", ("LIVE",)),
        (["dianshang yunyin"], "SHOP", ("LIVE",)),  # pinyin with a letter left out
        (["Kuài Jì"], "ACC", ("EXPO",)),  # pinyin with its tones marked
        (["diàn shāng yùn yíng"], "SHOP", ("LIVE",)),
        (["pu3gong1"], "PG", ()),  # or numbered
        (["pugnog"], "PG", ()),  # two letters swapped
        (["会记"], "ACC", ("EXPO",)),  # a wrong character of the same sound
        (["java开法"], "JAVA", ("JS",)),  # and beside a Latin word
        (["文圆"], "CLERK", ()),
        (["计会"], "ACC", ("EXPO",)),  # a slip of the keyboard: two characters swapped
        (["工普"], "PG", ()),
        (["司司机"], "DRIVER", ()),  # one doubled
    ],
)
def test_desired_title_finds_the_noisy_posting(traps, titles, expected, traps_below):
    assert_first(traps, expected, above=traps_below, titles=titles)


def test_a_job_word_several_titles_end_in_is_spelt_in_pinyin_too():
    # 运营 is no title of its own here, but the head of two (电商运营, 直播运营): seekers type it alone.
    index = fair(
        position("SHOP", "电商运营专员"),
        position("LIVE", "直播运营（抖音店）"),
        position("ART", "平面设计师"),
        position("UI", "UI设计师"),
        position("SALES", "销售代表"),
    )
    assert set(ranked(index, titles=["yunying"])[:2]) == {"SHOP", "LIVE"}
    assert set(ranked(index, titles=["sheji"])[:2]) == {"ART", "UI"}
    assert scores(index, titles=["yunying"])["SALES"] == 0
    assert index.match({"titles": ["sheji"]})["profile"]["titles"][0]["similarity"] >= 0.8  # as 设计 is


def test_a_wish_spelt_in_pinyin_word_by_word_reads_as_the_words_joined():
    # yingyu laoshi spells 英语 and 老师, no item whole: it found nothing; 英语老师 finds the teachers.
    index = fair(
        position("SCHOOL", "小学英语教师", "英语"),
        position("TRAIN", "英语培训老师"),
        position("MATHS", "初中数学老师"),
        position("SALES", "销售代表"),
        position("PROP", "物业客服"),
    )
    spelt = scores(index, titles=["yingyu laoshi"])
    assert set(list(spelt)[:2]) == {"SCHOOL", "TRAIN"} and min(spelt["SCHOOL"], spelt["TRAIN"]) >= 0.7, spelt
    assert spelt.get("MATHS", 0.0) < spelt["TRAIN"], spelt
    read = index.match({"titles": ["yingyu laoshi"]})["profile"]["titles"][0]
    assert read["matched"] is not None, read
    # 数学 is no item of this fair (no skill, no title whole), but two characters its titles write together.
    assert ranked(index, titles=["shuxue laoshi"])[0] == "MATHS"
    assert ranked(index, titles=["wuye"])[0] == "PROP"  # one word of two characters: 物业 of 物业客服
    # A word spelling nothing the fair writes leaves the wish unread, as before (laoshi alone is no job).
    assert index.match({"titles": ["yingyu qqq"]})["matched"] == 0


def test_a_wish_spelt_word_by_word_whose_job_only_a_synonym_names_reads_as_that_job():
    # No title writes 财务, but it names 会计's job (title_synonyms.json): caiwu zhuli found nothing, where
    # 财务助理 meets the accounting assistants; a join whose job no synonym names stays unread.
    index = fair(
        position("ASSIST", "会计助理（总账会计）", "金蝶"),
        position("ACC", "会计"),
        position("SALES", "销售助理"),
    )
    typed = index.match({"titles": ["财务助理"]})["results"][0]
    spelt = index.match({"titles": ["caiwu zhuli"]})
    assert spelt["results"][0]["position"]["id"] == typed["position"]["id"] == "ASSIST", spelt["results"][0]
    assert spelt["profile"]["titles"][0]["matched"] is not None
    assert index.match({"titles": ["xueshu zhuli"]})["matched"] == 0


def test_a_job_spelt_in_pinyin_with_its_ending_meets_the_titles_that_write_it():
    # shejishi: 设计 and 师, the character 工程师 ends with; no item is 设计师 whole, and 师 alone no word.
    index = fair(
        position("UI", "UI设计师", "Figma"),
        position("ART", "平面设计师"),
        position("ENG", "机械工程师"),
        position("SALES", "销售代表"),
    )
    for wish in ("shejishi", "sheji shi"):
        assert set(ranked(index, titles=[wish])[:2]) == {"UI", "ART"}, wish
        assert scores(index, titles=[wish]).get("SALES", 0.0) == 0


@pytest.mark.parametrize("wish", ["kuaiji chuna", "会计 chuna", "kuaiji/chuna", "kuaiji、chuna"])
def test_jobs_listed_in_pinyin_are_each_a_wish_as_the_chinese_list_is(wish):
    # kuaiji chuna found nothing (会计出纳 is no job), 会计 chuna only the accountants: each job is a wish.
    index = fair(
        position("ACC", "会计（税务会计）", "金蝶"),
        position("CASH", "出纳"),
        position("SALES", "销售代表"),
    )
    listed = index.match({"titles": [wish]})
    assert {r["position"]["id"] for r in listed["results"][:2]} == {"ACC", "CASH"}, listed["results"][:2]
    assert listed["matched"] == index.match({"titles": ["会计 出纳"]})["matched"] == 2
    assert listed["profile"]["skills"] == []  # the whole is no skill either
    assert listed["profile"]["titles"][0]["expands"] == [
        w for w in wish.replace("、", " ").replace("/", " ").split()
    ]


@pytest.mark.parametrize("wish", ["yingyu laoshi", "java kaifa", "dianshang yunying"])
def test_pinyin_words_that_read_as_one_job_stay_one_wish(wish):
    index = fair(
        position("EN", "英语培训老师"), position("JAVA", "Java开发工程师", "Java"),
        position("SHOP", "电商运营专员"), position("MATHS", "数学老师"),
    )  # fmt: skip
    echo = index.match({"titles": [wish]})["profile"]["titles"][0]
    assert "expands" not in echo and echo["matched"] is not None, echo


def test_quality_control_by_its_trade_name_meets_the_inspectors():
    index = fair(position("QC", "品质检验员（IPQC）", "QC"), position("OP", "普工"))
    found = scores(index, titles=["品控"])
    assert found["QC"] >= 0.9 and found["OP"] == 0


@pytest.mark.parametrize("wish", ["web前端", "Web前端", "H5前端", "前端工程师", "WEB前端开发"])
def test_the_front_end_job_is_met_whatever_the_title_calls_it(wish):
    # Job boards write the job web前端 or H5前端 as often as 前端开发工程师: one job.
    index = fair(
        position("FE", "前端开发工程师", "Vue"),
        position("FE2", "前端工程师（小程序）", "JavaScript"),
        position("JAVA", "Java开发工程师", "Java"),
    )
    found = scores(index, titles=[wish])
    assert found["FE"] >= 0.9 and found["FE2"] >= 0.9
    assert found["JAVA"] == 0


def test_a_wish_for_the_agents_job_by_its_nickname_meets_the_agents_not_the_whole_trade():
    # 中介 also names the real-estate trade: read as the trade alone, the cleaner of an estate agency ranked
    # beside its agents, every one at 1.0.
    index = fair(
        position("AGENT", "房产经纪人（穿山店）", "房产经纪", industry="real_estate"),
        position("CLEAN", "保洁员", industry="real_estate"),
        position("ACC", "会计", industry="real_estate"),
    )
    found = scores(index, titles=["中介"])
    assert found["AGENT"] >= 0.9
    assert found["CLEAN"] == found["ACC"] == 0


def test_a_job_word_cut_from_its_second_character_is_not_found_in_the_title():
    # 叉车工 is 叉车 (a forklift) + 工, 绿化工 is 绿化 + 工: no lathe work (车工), no chemicals (化工);
    # 运营 is the job of 电商运营, whose field is 电商.
    index = fair(
        position("FORK", "叉车工（持证）包住", "叉车证"),
        position("LATHE", "数控车工", "数控车床"),
        position("GREEN", "绿化工（住宅项目）", industry="real_estate"),
        position("SHOP", "电商运营专员"),
        position("CASH", "收银员"),
    )
    assert ranked(index, titles=["车工"])[0] == "LATHE"
    assert scores(index, titles=["车工"])["FORK"] == 0
    assert scores(index, skills=["车工"])["FORK"] == 0  # nor as a skill the title names
    assert scores(index, titles=["化工"])["GREEN"] == 0
    assert scores(index, titles=["叉车"])["FORK"] > 0.8
    assert scores(index, titles=["绿化"])["GREEN"] > 0.8
    assert scores(index, titles=["运营"])["SHOP"] > 0.8


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("会记", "会计"),
        ("计会", "会计"),
        ("工普", "普工"),
        ("店工", "电工"),
        (
            "高级品产经理",
            "高级产品经理",
        ),  # a whole title of the fair, not only its core (产品), is a word meant
        ("销经理", "销售经理"),
    ],
)
def test_a_mistyped_title_reads_as_the_job_meant_with_less_confidence(typed, meant):
    index = fair(position("A", meant), position("B", "收银员"))
    exact, typo = (index.match({"titles": [t]}) for t in (meant, typed))
    # Read as the job itself at confidence 0.8 (0.5 + 0.5 x 0.8 of its similarity), not a fuzzy likeness.
    assert (typo["profile"]["titles"][0]["matched"], typo["profile"]["titles"][0]["similarity"]) == (
        meant,
        0.9,
    )
    assert typo["results"][0]["position"]["id"] == "A"
    assert 0 < typo["results"][0]["score"] < exact["results"][0]["score"]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("前段开发", "前端开发"),  # the job word mistyped, a role word after it: 前端 of 前端开发工程师
        ("会记助理", "会计助理"),
        ("出那员", "出纳员"),
    ],
)
def test_a_wish_whose_job_word_is_mistyped_before_its_role_reads_as_the_job(typed, read):
    index = fair(
        position("FE", "前端开发工程师"),
        position("ACC", "会计"),
        position("CASH", "出纳"),
        position("SALES", "销售代表"),
    )
    echo = index.match({"titles": [typed]})["profile"]["titles"][0]
    assert echo["matched"] is not None and echo["similarity"] < 1  # read, at less than the job's own
    assert index.reader.title(typed).cleaned == read
    assert ranked(index, titles=[typed])[0] == {"前": "FE", "会": "ACC", "出": "CASH"}[read[0]]


def test_a_title_the_fairs_own_titles_hold_is_read_as_written():
    # 产生 is 生产 with two characters swapped, and a word of its own: where a title holds it, the seeker
    # meant it as written; where no title does, only the fair's 生产 was meant.
    titled = fair(position("A", "生产主管"), position("B", "产生式规则工程师"))
    assert [r["position"]["id"] for r in titled.match({"titles": ["产生"]})["results"]][:1] == ["B"]
    alone = fair(position("A", "生产主管"), position("B", "导购"))
    assert alone.match({"titles": ["产生"]})["profile"]["titles"][0]["matched"] == "生产主管"
    # Held as written, not merely each pair of its characters somewhere: 行文, 文政 and 政员 are in the
    # description, 行文政员 is not, so it is 行政文员 mistyped.
    pieces = fair(
        position("A", "行政文员"), position("B", "收银员", description="熟悉公文行文，了解文政与政员工作")
    )
    assert pieces.match({"titles": ["行文政员"]})["profile"]["titles"][0]["matched"] == "行政文员"


def test_a_mistyped_wish_is_read_as_the_title_though_a_description_holds_it():
    # A wish is compared with titles alone, and a description holds two characters across its words: 计会 in
    # 审计会计, 台前 in 平台前身 (real postings). Only a title holding the wish keeps it as written.
    index = fair(
        position("ACC", "会计"),
        position("DESK", "前台"),
        position("AUDIT", "审计专员", description="协调财务稽核审计会计的工作，平台前身是杂志"),
    )
    for wish, meant in (("计会", "ACC"), ("台前", "DESK")):
        answer = index.match({"titles": [wish]})
        assert answer["results"][0]["position"]["id"] == meant, wish
        assert answer["profile"]["titles"][0]["similarity"] < 1  # read as a slip, below the title typed out


def test_a_java_wish_scores_nothing_on_javascript(traps):
    assert scores(traps, titles=["Java"])["JS"] == 0


def test_the_best_of_several_desired_titles_counts_and_is_explained(traps):
    answer = traps.match({"titles": ["电工", "会计"]})
    assert result_for(answer, "ACC")["explanation"]["title"] == {"candidate": "会计", "similarity": 1.0}
    echo = answer["profile"]["titles"]
    assert [e["input"] for e in echo] == ["电工", "会计"]
    assert echo[1]["matched"] == "会计" and echo[1]["positions"] == 1


@pytest.mark.parametrize("wish", ["電商", "电商", "dianshang", "e-commerce"])
def test_industry_preference_ranks_related_industries_partially(wish):
    index = fair(
        position("EC", "运营专员", industry="ecommerce"),
        position("RETAIL", "运营专员", industry="wholesale_retail"),
        position("FACTORY", "运营专员", industry="manufacturing"),
    )
    answer = index.match({"industries": [wish]})
    assert answer["profile"]["industries"][0]["key"] == "ecommerce"
    assert [r["position"]["id"] for r in answer["results"]] == ["EC", "RETAIL", "FACTORY"]
    assert [r["explanation"]["industry"]["score"] for r in answer["results"]] == [1.0, 0.6, 0.0]


def test_unknown_industry_text_is_flagged_and_does_not_rank():
    index = fair(position("A", "文员", industry="ecommerce"), position("B", "文员", industry="education"))
    answer = index.match({"industries": ["量子物理"], "titles": ["文员"]})
    assert answer["profile"]["industries"] == [{"input": "量子物理", "key": None, "keys": []}]
    assert [r["score"] for r in answer["results"]] == [1.0, 1.0]


def test_a_mistyped_title_that_may_mean_two_jobs_reads_as_the_one_more_titles_hold():
    # 收员 is 收银员 or 收款员 with a character left out: the fair's more common job is the likelier.
    for common, rare in [("收银员", "收款员"), ("收款员", "收银员")]:
        index = fair(position("A", common), position("B", f"{common}（早班）"), position("C", rare))
        echo = index.match({"titles": ["收员"]})["profile"]["titles"][0]
        assert echo["matched"] is not None and echo["matched"].startswith(common), (common, echo)


@pytest.mark.parametrize(
    "wrapped",
    [
        "会计相关岗位",
        "会计类工作",
        "会计方向",
        "想做会计",
        "应聘会计",
        "求职意向：会计",
        "希望从事会计方向",
        "做会计",
        "干会计的",
        "会计工作",  # 工作 after the job: met 62 of the default fair's 81 会计 posts, at 0.8
        "想找会计 工作",
        "桂林的会计",  # the fair's own places (data/titles.json): 桂林的, 七星区, 桂林本地的
        "想找桂林的会计工作",
        "七星区会计",
        "桂林本地的会计",
    ],
)
def test_a_wish_wrapped_in_filler_words_scores_as_the_wish_itself(traps, wrapped):
    assert scores(traps, titles=[wrapped]) == scores(traps, titles=["会计"])


@pytest.mark.parametrize(
    ("wish", "expected"),
    [
        ("卖房子的", "SELL"),
        ("管仓库", "STOCK"),
        ("修车", "CAR"),
        ("看大门的", "GUARD"),
        ("打扫卫生", "CLEAN"),
        ("带小孩", "CARE"),
        ("做饭的", "COOK"),
    ],
)
def test_a_wish_saying_the_work_in_everyday_words_meets_the_job(wish, expected):
    """The words of the title synonym groups for what the job does (卖房子 for 置业顾问, 看大门 for 保安):
    the seeker who writes the work, not the title, meets the job, not nothing."""
    index = fair(
        position("SELL", "置业顾问"), position("STOCK", "仓管员"), position("CAR", "汽车维修工"),
        position("GUARD", "保安员"), position("CLEAN", "保洁员"), position("CARE", "保育员"),
        position("COOK", "食堂厨师"), position("TILL", "收银员"),
    )  # fmt: skip
    assert_first(index, expected, above=("TILL",), titles=[wish])


@pytest.mark.parametrize(
    ("wish", "expected", "other"),
    [
        ("Java开发实习生", "JAVA", "PYTHON"),  # the job (Java开发) without its role meets Java开发工程师
        ("Java开发实习", "JAVA", "PYTHON"),  # 实习 ends a title as 实习生 does
        ("运营实习生", "LIVE", "SALES"),  # 运营 inside 直播运营
        ("互联网运营", "LIVE", "SALES"),  # the trade before the job read off as a seniority word is
        ("产品专家", "PRODUCT", "PHOTO"),  # 专家, the expert's role: 产品 is the job, not 产品摄影师
        ("算法专家", "ALGO", "JAVA"),
    ],
)
def test_a_wish_with_a_role_meets_the_titles_holding_its_job(wish, expected, other):
    index = fair(
        position("JAVA", "Java开发工程师"),
        position("PYTHON", "Python开发工程师"),
        position("LIVE", "直播运营（抖音店）"),
        position("SALES", "销售代表"),
        position("PRODUCT", "产品经理（医疗信息化）"),
        position("PHOTO", "产品摄影师"),
        position("ALGO", "算法工程师（驻场）"),
    )
    order = scores(index, titles=[wish])
    assert next(iter(order)) == expected and order[expected] >= 0.75, order
    assert order.get(other, 0) < order[expected]


@pytest.mark.parametrize("none", ["不限", "都可以", "无要求", "Any", "ＮＯＮＥ", "都可以 "])
def test_a_wish_or_skill_saying_none_or_any_is_read_as_empty(none):
    index = fair(position("CLERK", "行政文员", "Excel"), position("GUARD", "保安", "巡逻"))
    alone = scores(index, skills=["Excel"])
    assert scores(index, skills=["Excel"], titles=[none]) == alone
    assert scores(index, skills=["Excel", none]) == alone
    echo = index.match({"skills": [none], "titles": [none]})["profile"]
    assert echo["skills"][0]["via"] == "empty"
    assert echo["titles"][0]["matched"] is None


def test_a_word_saying_none_inside_a_longer_input_is_no_empty_input():
    index = fair(position("CLERK", "行政文员", "无线网络"))
    assert index.reader.skill("无线网络").via != "empty"
    assert scores(index, skills=["无线网络"])["CLERK"] > 0


def test_a_word_saying_any_that_the_fair_lists_as_a_skill_is_that_skill():
    # 服从安排 (follows instructions) is a soft skill postings list; a slip of it is read as it, not as empty.
    index = fair(position("OP", "普工", "服从安排"), position("CLERK", "行政文员", "Excel"))
    for typed in ("服从安排", "从服安排", "服從排安"):
        assert ranked(index, skills=[typed])[0] == "OP", typed


@pytest.fixture(scope="module")
def broad_titles():
    return fair(
        position("BROAD", "设计师"),
        position("UX", "交互设计师"),
        position("UI", "UI设计师"),
        position("INTERN", "实习生"),
        position("HR", "HR经理"),
        position("DEV", "开发工程师"),
        position("JAVA", "Java开发工程师（应届生可）"),
    )


@pytest.mark.parametrize(
    ("wish", "first", "broad"),
    [
        ("UX设计师", "UX", "BROAD"),  # the synonym (0.9) above the job without the seeker's field
        ("HR实习生", "HR", "INTERN"),  # the field's job above an intern post of any field
        ("Java开发工程师", "JAVA", "DEV"),
    ],
)
def test_a_title_that_is_only_part_of_the_wish_is_met_as_a_broader_job(broad_titles, wish, first, broad):
    found = scores(broad_titles, titles=[wish])
    assert next(iter(found)) == first
    assert 0 < found[broad] <= 0.8  # title_part: still met, as a broader job is


def test_seniority_or_role_words_beside_a_title_keep_it_whole(broad_titles):
    # 高级UI设计师 wants a UI设计师 post; 设计师 alone is still only part of it.
    found = scores(broad_titles, titles=["高级UI设计师"])
    assert found["UI"] > 0.8
    assert found["BROAD"] <= 0.8


def test_backend_development_is_the_broader_job_of_each_languages_developer():
    index = fair(
        position("JAVA", "Java开发工程师", "Java", "Spring Boot", "MySQL"),
        position("GO", "Go后端开发工程师", "Go", "gRPC"),
        position("ANDROID", "Android开发工程师", "Java", "Kotlin"),
    )
    found = scores(index, titles=["后端开发"])
    assert found["JAVA"] > 0 and found["GO"] > found["JAVA"]  # Go后端 names the wish itself
    assert found.get("ANDROID", 0) == 0
    assert ranked(index, titles=["后端开发"], skills=["java"])[0] == "JAVA"


def test_a_desired_title_joining_several_jobs_reads_as_each():
    index = fair(
        position("ACC", "会计（总账）"),
        position("CASH", "出纳"),
        position("CLERK", "行政文员"),
        position("HR", "人事专员"),
        position("FRONT", "前端开发工程师"),
        position("BACK", "后端开发工程师"),
        position("SALES", "销售经理"),
        position("DESK", "文员/前台"),
        position("RECEPTION", "前台"),
    )
    for wish, jobs in (
        ("会计/出纳", {"ACC", "CASH"}),
        ("行政、人事", {"CLERK", "HR"}),
        ("前端/后端", {"FRONT", "BACK"}),
        ("会计或出纳", {"ACC", "CASH"}),  # joined by a word: 或, 或者, 和
        ("行政或者人事", {"CLERK", "HR"}),
        ("会计和出纳都可以", {"ACC", "CASH"}),  # and the words a seeker ends it with
        ("会计或出纳也行", {"ACC", "CASH"}),
        ("行政、人事也可以", {"CLERK", "HR"}),
        ("行政文员 前台", {"CLERK", "RECEPTION"}),  # a space between two Chinese jobs
        ("会计　出纳", {"ACC", "CASH"}),  # a full-width one
    ):
        order = scores(index, titles=[wish])
        first = sorted(order, key=order.get, reverse=True)[:2]
        assert set(first) == jobs, (wish, order)
        assert min(order[j] for j in jobs) >= 0.9, (wish, order)  # each wished for in full
    # The whole still meets the fair's title written the same way; its parts add 前台 and the clerks.
    order = scores(index, titles=["文员/前台"])
    assert order["DESK"] == 1.0 and order["RECEPTION"] == 1.0 and order["CLERK"] >= 0.9
    # A part that is no job of its own (主管) leaves the whole alone: no 主管 of any trade.
    read = index.reader.wishes("销售经理/主管")
    assert len(read) == 1
    assert len(index.reader.wishes("销售 经理")) == 1  # a job of the fair written with a space: one job
    assert index.match({"titles": ["会计、出纳"]})["profile"]["titles"][0]["expands"] == ["会计", "出纳"]
    assert "expands" not in index.match({"titles": ["会计"]})["profile"]["titles"][0]


def test_a_language_named_with_its_chinese_word_is_that_language_in_titles():
    # 语言 after a language's name is part of the name: R语言 is no Go语言 job, Go语言开发 is a Go one.
    index = fair(
        position("GO", "高级Go语言开发工程师"),
        position("NLP", "自然语言处理研究员"),
        position("GOLANG", "Go开发工程师"),
        position("R", "数据分析师（R）"),
    )
    assert scores(index, titles=["R语言"]).get("GO", 0) == 0
    assert scores(index, titles=["C语言开发"]).get("GO", 0) == 0
    order = scores(index, titles=["Go语言开发"])
    assert order["GOLANG"] >= 0.8 and order["GO"] >= 0.8 and order.get("NLP", 0) == 0


def _skill_wish_fair():
    return fair(
        position("DRAW", "机械设计工程师", "AutoCAD", "SolidWorks"),
        position("ART", "电商美工", "Photoshop"),
        position("DATA", "数据分析师", "SQL", "R"),
        position("ACC", "会计", "用友"),
        position("COPY", "新媒体运营", "文案"),
        position("TEST", "自动化测试工程师", "Selenium", "Python"),
        position("PLC", "电气工程师", "PLC", "EPLAN"),
        position("CUT", "短视频剪辑", "Premiere"),
    )


@pytest.mark.parametrize(
    ("wish", "expected", "matched"),
    [
        ("CAD", "DRAW", "AutoCAD"),  # a tool: the work a seeker can do
        ("电商文案", "COPY", "文案"),  # a job no title names, by the skill that ends it (its head)
        ("PS", "ART", "Photoshop"),
        ("R语言", "DATA", "R"),  # a language, named as titles never name it
        ("想做CAD相关的工作", "DRAW", "AutoCAD"),  # inside the words a wish is wrapped in
        ("PLC工程师", "PLC", "PLC"),  # a skill and a role word: the skill, no title naming it
        ("SolidWorks工程师", "DRAW", "SolidWorks"),
        ("Selenium测试", "TEST", "Selenium"),  # by the Latin word that leads it
    ],
)
def test_a_wish_like_no_title_that_names_a_skill_reads_as_that_skill(wish, expected, matched):
    index = _skill_wish_fair()
    answer = index.match({"titles": [wish]})
    assert answer["results"][0]["position"]["id"] == expected
    assert answer["matched"] == 1  # only the positions asking for it
    assert answer["profile"]["skills"] == [
        {"input": wish, "matched": matched, "similarity": 1.0, "via": answer["profile"]["skills"][0]["via"],
         "from": "titles", "positions": 1}
    ]  # fmt: skip
    title = answer["profile"]["titles"][0]
    assert (title["read_as"], title["matched"]) == ("skills", None)
    # Scored as the skill, as if typed among the skills: the wish takes no title share of the score.
    as_skill = index.match({"skills": [matched]})["results"][0]
    assert answer["results"][0]["score"] == as_skill["score"]


def test_a_wish_like_a_title_or_like_no_skill_stays_a_wish():
    index = _skill_wish_fair()
    job = index.match({"titles": ["会计"]})  # 会计 is a skill word too, but the fair has the job
    assert job["profile"]["skills"] == [] and "read_as" not in job["profile"]["titles"][0]
    assert job["results"][0]["position"]["id"] == "ACC"
    odd = index.match({"titles": ["兼职"]})  # like no title, and no skill either
    assert odd["profile"]["skills"] == [] and odd["matched"] == 0
    both = index.match({"titles": ["CAD", "会计"]})  # one read as a skill, the other scored as a title
    assert [t.get("read_as") for t in both["profile"]["titles"]] == ["skills", None]
    assert {r["position"]["id"] for r in both["results"][:2]} == {"DRAW", "ACC"}


@pytest.mark.parametrize(
    ("wish", "paper"), [("护士", "护士执业资格证"), ("厨师", "厨师证"), ("导游", "导游证")]
)
def test_a_job_the_fair_has_no_title_for_reads_as_the_licence_to_do_it(wish, paper):
    # A nurse at a fair with no nurse's post: the posts asking for a nurse's licence (护士资格证) are hers;
    # before, the wish found nothing. A trade named as a whole (银行) stays an industry.
    index = fair(
        position("CARE", "幼儿园保健医", paper, "急救知识", industry="education"),
        position("CLERK", "行政文员", "Office"),
    )
    answer = index.match({"titles": [wish]})
    assert answer["matched"] == 1 and answer["results"][0]["position"]["id"] == "CARE"
    assert answer["results"][0]["score"] > 0
    assert answer["profile"]["titles"][0]["read_as"] == "skills"
    bank = index.match({"titles": ["银行"]})
    assert bank["profile"]["skills"] == [] and bank["profile"]["titles"][0]["read_as"] == "industries"


def test_a_short_latin_word_beside_a_role_word_is_not_read_alone():
    # PR专员 is public relations: two letters name different things by the job beside them (PR is also
    # Premiere), so the wish is not read by its Latin word without the rest.
    answer = _skill_wish_fair().match({"titles": ["PR专员"]})
    assert answer["profile"]["skills"] == [] and answer["matched"] == 0


def test_a_wish_naming_a_skill_that_meets_titles_only_by_a_shared_word_reads_as_the_skill_too():
    # 项目管理 names a skill the fair lists; as a title it shares only 管理 with 物业管理员.
    index = fair(
        position("PM", "项目经理", "PMP", "项目管理"),
        position("PROP", "物业管理员", "物业管理", "客户服务"),
        position("JAVA", "Java开发工程师", "Java"),
    )
    answer = index.match({"titles": ["项目管理"]})
    assert [r["position"]["id"] for r in answer["results"][:2]] == ["PM", "PROP"]
    skill = answer["profile"]["skills"][0]
    assert (skill["matched"], skill["from"]) == ("项目管理", "titles")
    title = answer["profile"]["titles"][0]
    assert "read_as" not in title and title["matched"] == "物业管理员"  # still a wish, scored as one
    # A skill only the alias list knows, which the fair lists nowhere, is not added for a weak wish.
    assert index.reader.known_skill("财务管理") is not None
    finance = index.match({"titles": ["财务管理"]})["profile"]
    assert finance["skills"] == [] and finance["titles"][0]["matched"] == "物业管理员"
    # 人力资源管理 names the 人事 job (its alias 人事 is a job word): no 物业管理员 by the shared 管理.
    hr = index.match({"titles": ["人力资源管理"]})["profile"]
    assert hr["titles"][0]["matched"] is None
    # A wish that meets a title well is no skill, though it names one (会计 is both).
    accounting = fair(position("ACC", "会计", "用友"), position("X", "财务软件实施", "会计"))
    job = accounting.match({"titles": ["会计"]})
    assert job["profile"]["skills"] == [] and job["results"][0]["position"]["id"] == "ACC"


def test_a_wish_a_position_lists_as_a_skill_counts_among_the_seeker_s_skills():
    # A seeker wishing for 房产销售 with two skills: the 置业顾问 posts (the same job) listing 房产销售 showed
    # it missing and came after the general sales posts meeting both skills; the wish meets it now.
    index = fair(
        position("AGENT", "置业顾问", "房产销售", "沟通能力", "普通话"),
        position("SALES", "销售代表", "电话销售", "客户开发", "沟通能力"),
        position("ACC", "会计", "用友"),
    )
    answer = index.match({"titles": ["房产销售"], "skills": ["沟通能力", "客户开发"]})
    first = answer["results"][0]
    assert first["position"]["id"] == "AGENT"
    assert "房产销售" in [m["position"] for m in first["explanation"]["skills"]["matched"]]
    assert "房产销售" not in first["explanation"]["skills"]["missing"]
    assert answer["profile"]["skills"][-1] | {"positions": 0} == {
        "input": "房产销售",
        "matched": "房产销售",
        "similarity": 1.0,
        "via": "text",
        "from": "titles",
        "positions": 0,
    }
    # With no skills of the seeker's own the wish stays a wish alone (no skill part is made of it).
    assert index.match({"titles": ["房产销售"]})["profile"]["skills"] == []


def test_a_title_naming_another_language_is_no_slip_of_the_wish():
    # One Latin word in six symbols is "one wrong character in five" to Levenshtein, but iOS for PHP or Java
    # for Python names another job. A word the alias list does not name (a team: UMCloud) may still differ.
    index = fair(
        position("PHP", "PHP开发工程师"),
        position("PY", "Python开发工程师"),
        position("TEAM", "UMCloud-C++开发工程师"),
    )
    assert scores(index, titles=["iOS开发工程师"]).get("PHP", 0) < 0.8
    assert scores(index, titles=["Java开发工程师"]).get("PY", 0) < 0.8
    assert scores(index, titles=["Linux C++开发工程师"])["TEAM"] >= 0.8


def test_a_wish_naming_another_field_by_a_word_no_language_is_the_plain_job_first():
    # CV and SLAM, words the index has never seen, are no slip of NLP (reading would have corrected them): the
    # plain 算法工程师, the part of the wish without its field, comes before NLP's job.
    index = fair(position("PLAIN", "算法工程师"), position("NLP", "NLP算法工程师"))
    for wish in ("CV算法工程师", "SLAM算法工程师"):
        assert_first(index, "PLAIN", above=("NLP",), titles=[wish])


def test_a_numbered_wish_reads_as_the_job_in_full():
    index = fair(position("ACC", "会计"), position("CASH", "出纳"))
    for typed in ("1、会计", "①会计", "2. 会计"):
        echo = index.match({"titles": [typed]})["profile"]["titles"][0]
        assert (echo["input"], echo["matched"], echo["similarity"]) == (typed, "会计", 1.0)


def test_a_wish_like_no_title_is_read_without_a_latin_word_no_title_holds():
    # APP and SaaS name no language or tool of the alias list and no title holds them: the job is 测试 / 销售.
    index = fair(
        position("TEST", "软件测试工程师"),
        position("SALES", "销售代表"),
        position("ANDROID", "Android开发工程师"),
        position("JAVA", "Java开发工程师"),
        position("RD", "材料研发工程师"),
    )
    assert ranked(index, titles=["APP测试"])[0] == "TEST"
    assert ranked(index, titles=["SaaS销售"])[0] == "SALES"
    read = index.match({"titles": ["APP测试"]})
    assert read["profile"]["titles"][0]["input"] == "APP测试"
    assert read["results"][0]["score"] < index.match({"titles": ["测试"]})["results"][0]["score"]  # a guess
    # A named language or tool stands for its own field, a short one too (read as no skill alone):
    # C#测试 is no 测试 job of another field.
    for wish in ("C#测试", "Go测试", "iOS测试"):
        assert all(s == 0 for s in scores(index, titles=[wish]).values()), wish
    # What is left must be a job, not a role word alone (BD经理, SDN研发工程师).
    for wish in ("BD经理", "SDN研发工程师"):
        assert scores(index, titles=[wish]).get("RD", 0) == 0, wish


@pytest.fixture(scope="module")
def neighbour_jobs():
    return fair(
        position("ELEC", "电子工程师", "C语言", "Altium Designer"),
        position("POWER", "电气设计工程师"),
        position("PLANT", "设备工程师", "PLC", "电气控制", "AutoCAD"),
        position("FRONT", "前端开发工程师", "Vue"),
        position("JAVA", "Java开发工程师", "Spring Boot"),
        position("ML", "机器学习工程师"),
        position("STORE", "结构化存储开发工程师"),
    )


def _title_similarity(index, wish: str, pid: str) -> float:
    return (
        result_for(index.match({"titles": [wish]}, limit=100), pid)["explanation"]["title"]["similarity"] or 0
    )


@pytest.mark.parametrize(
    ("wish", "other_job", "same_job"),
    [
        ("电气工程师", "ELEC", "POWER"),  # 电子 is one character from 电气, and another job
        (
            "后端开发工程师",
            "FRONT",
            "JAVA",
        ),  # the back end is no front end; Java development is back-end work
    ],
)
def test_a_title_sharing_the_role_but_not_the_job_is_not_like_the_wish(
    neighbour_jobs, wish, other_job, same_job
):
    other = _title_similarity(neighbour_jobs, wish, other_job)
    assert other < 0.75  # at most what sharing a word (开发) earns
    assert other < _title_similarity(neighbour_jobs, wish, same_job)


@pytest.mark.parametrize(
    ("wish", "pid"),
    [
        ("机器学习/数据挖掘工程师", "ML"),  # the title's job is one of the wish's
        ("非结构化存储研发工程师", "STORE"),  # the title's job is part of the wish's
    ],
)
def test_a_title_whose_job_is_part_of_the_wish_is_still_like_it(neighbour_jobs, wish, pid):
    assert _title_similarity(neighbour_jobs, wish, pid) >= 0.75


def test_the_skills_rank_an_electrical_engineer_where_no_title_is_like_the_wish(neighbour_jobs):
    answer = neighbour_jobs.match({"titles": ["电气工程师"], "skills": ["plc", "电气cad"]})
    # The 电气 title and the posting asking the seeker's skills come first; 电子工程师 shares neither.
    assert {r["position"]["id"] for r in answer["results"][:2]} == {"POWER", "PLANT"}
    assert result_for(answer, "ELEC")["explanation"]["below_floor"]


def test_a_wish_naming_a_seniority_meets_titles_of_its_level_before_the_others_of_its_job():
    # 市场助理, 市场专员 and 市场总监 share the core 市场 and met every wish of it at the same credit, so the
    # position ids decided (A-... first): a graduate's 市场助理 was shown the director's post first.
    index = fair(
        position("A-DIRECTOR", "市场总监"),
        position("B-MANAGER", "市场经理"),
        position("C-SENIOR", "高级市场专员"),
        position("D-PLAIN", "市场专员"),
        position("E-INTERN", "市场实习生"),
    )
    junior = scores(index, titles=["市场助理"])
    assert list(junior)[:2] == ["D-PLAIN", "E-INTERN"] or list(junior)[:2] == ["E-INTERN", "D-PLAIN"], junior
    assert junior["D-PLAIN"] > junior["C-SENIOR"] > junior["B-MANAGER"] >= junior["A-DIRECTOR"] > 0.75, junior
    senior = scores(index, titles=["市场总监"])
    assert next(iter(senior)) == "A-DIRECTOR" and senior["B-MANAGER"] > senior["D-PLAIN"], senior
    # A wish naming no seniority wants the job at its plain level (most seekers here are graduates): 市场专员
    # first, an intern's or a senior's post a level off, the director's last (before: the ids decided).
    plain = scores(index, titles=["市场"])
    assert next(iter(plain)) == "D-PLAIN", plain
    assert plain["E-INTERN"] == plain["C-SENIOR"] > plain["B-MANAGER"] > plain["A-DIRECTOR"], plain


def test_a_wishs_seniority_orders_only_the_titles_of_its_own_job():
    # A title naming the level and no job (实习生), or another job at the wish's level (质量主管, met by the
    # part 主管 of 设计经理/主管), is not brought above the wish's own job at another level.
    index = fair(
        position("A-INTERN", "实习生"),
        position("B-QUALITY", "质量主管"),
        position("C-PYTHON", "Python开发工程师"),
        position("D-DESIGN", "设计师"),
    )
    assert ranked(index, titles=["python开发实习生"])[0] == "C-PYTHON"
    assert ranked(index, titles=["设计经理/主管"])[0] == "D-DESIGN"


def test_a_wish_naming_a_field_meets_its_jobs_titles_before_another_name_of_the_occupation():
    # 电话销售 is a sales job by phone: 销售专员 and 销售经理 are its job in general, 数字营销经理 only shares
    # the occupation; all three met it at the same 0.65 and the ids decided. 社群运营 met 运营专员 not at all.
    index = fair(
        position("A-MARKETING", "数字营销经理"),
        position("B-SALES", "销售专员"),
        position("C-PHONE", "电话销售"),
        position("D-SALES", "销售经理"),
        position("E-OPS", "运营专员"),
        position("F-CODE", "高级开发工程师"),
        position("G-RD", "研发工程师"),
    )
    phone = scores(index, titles=["电话销售"])
    assert next(iter(phone)) == "C-PHONE", phone
    assert phone["B-SALES"] > phone["A-MARKETING"] and phone["D-SALES"] > phone["A-MARKETING"], phone
    assert phone["B-SALES"] < 0.7, phone  # the job in general, no nearer than sharing some of its words
    assert scores(index, titles=["社群运营"])["E-OPS"] > 0.6
    # A role is no job of its own, nor is one naming the work: 店面开发 (opening shops) is no software
    # 开发, 课程研发 (writing courses) no 研发工程师.
    assert scores(index, titles=["店面开发经理"]).get("F-CODE", 0.0) < 0.5
    assert scores(index, titles=["课程研发"]).get("G-RD", 0.0) < 0.5
