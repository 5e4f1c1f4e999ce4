"""Ranking by skills on a fair of look-alikes: the right posting first, the traps below it."""

from __future__ import annotations

import pytest

from matching.normalize import normalize

from .builders import assert_first, fair, position, ranked, result_for, scores, trap_fair


@pytest.fixture(scope="module")
def traps():
    return trap_fair()


def assert_read_as_written(index, typed: str) -> None:
    """``typed`` is read as written: shown as typed, its key the whole input's (no part of it read off)."""
    read = index.reader.skill(typed)
    assert read.via == "text" and read.forms[0].display == typed, (typed, read)
    assert read.forms[0].key == index.reader.lexicon.encode(normalize(typed))[0], (typed, read)


@pytest.mark.parametrize(
    ("skills", "expected", "traps_below"),
    [
        (["ＥＸＣＥＬ", "PPT", "word"], "CLERK", ("DATA",)),  # full width
        (["EXCEL", "sql"], "DATA", ()),  # case
        (["Pyhton", "pandas"], "PY", ("DATA",)),  # typo
        (["Javascrpt", "vue"], "JS", ("JAVA",)),
        (["photoshp"], "ART", ("CLERK",)),
        (["會計"], "ACC", ("EXPO",)),  # traditional script; 会…计 in 会展设计 is no match
        (["kuaiji"], "ACC", ("EXPO",)),  # pinyin
        (["kauiji"], "ACC", ("EXPO",)),  # pinyin with two letters swapped
        (["huiji"], "ACC", ("EXPO",)),  # pinyin with 会 read as in 会议, not as in 会计
        (["kuài jì"], "ACC", ("EXPO",)),  # pinyin with its tones marked
        (["kuai4ji4"], "ACC", ("EXPO",)),  # or numbered
        (["会记"], "ACC", ("EXPO",)),  # a wrong character of the same sound (input-method typo)
        (["淘宝运赢"], "SHOP", ("KEFU",)),
        (["计会"], "ACC", ("EXPO",)),  # slips of the keyboard: two characters swapped
        (["淘宝运运营"], "SHOP", ("KEFU",)),  # one doubled
        (["会汁"], "ACC", ("EXPO",)),  # a character that looks like the right one (handwriting input)
        (["pugong"], "PG", ()),  # a job word of the fair's titles, spelt in pinyin
        (["siji"], "DRIVER", ()),
        (["k8s"], "GO", ()),  # alias on the posting side (k8s) and the seeker side
        (["Kubernetes", "go语言"], "GO", ("GOOGLE", "DJANGO")),
        (["JS"], "JS", ("JAVA",)),
        (["spring-boot"], "SPRING", ()),  # hyphen vs one word
        (["Spring Boot", "Java"], "JAVA", ("JS",)),
        (["淘宝运营"], "SHOP", ("KEFU",)),  # inside a longer phrase
        (["直播"], "LIVE", ()),
        (["PLC"], "PLC", ()),
        (["教资"], "TEACH", ()),
        (["c1"], "DRIVER", ("C",)),
    ],
)
def test_the_right_posting_ranks_first(traps, skills, expected, traps_below):
    assert_first(traps, expected, above=traps_below, skills=skills)


@pytest.mark.parametrize(
    ("skill", "expected", "traps_below"),
    [
        ("Java", "JAVA", ("JS",)),
        ("C", "C", ("CPP", "CS", "CAD")),
        ("C++", "CPP", ("C", "CS")),
        ("C#", "CS", ("C", "CPP")),
        ("Go", "GO", ("GOOGLE", "DJANGO")),
        ("R", "R", ("REDIS",)),
        ("PS", "ART", ("CLERK",)),
        # Not inside "excellent". ACC names Excel in its description and lists nothing the seeker lacks;
        # DATA lists Excel but asks for Python and SQL too.
        ("Excel", "ACC", ("CLERK",)),
    ],
)
def test_short_tokens_match_only_whole_words(traps, skill, expected, traps_below):
    assert_first(traps, expected, above=traps_below, skills=[skill])
    order = scores(traps, skills=[skill])
    assert all(order[t] == 0 for t in traps_below), order


def test_a_skill_in_a_longer_posting_phrase_counts(traps):
    order = scores(traps, skills=["Python"])
    assert order["PY"] > order["DATA"] > 0  # listed exactly > inside 熟练使用Python进行数据分析
    assert order["DJANGO"] == 0


def test_title_and_description_carry_postings_without_skills():
    index = fair(
        position("LISTED", "财务", "会计"),
        position("TITLED", "会计"),
        position("DESCRIBED", "出纳助理", description="协助会计做账，熟练使用Excel"),
        position("NOTHING", "仓管员", description="负责仓库收发货"),
    )
    order = scores(index, skills=["会计"])
    assert ranked(index, skills=["会计"])[:3] == ["LISTED", "TITLED", "DESCRIBED"]
    assert order["LISTED"] > order["TITLED"] > order["DESCRIBED"] > order["NOTHING"] == 0
    described = result_for(index.match({"skills": ["会计", "Excel"]}), "DESCRIBED")
    assert [(m["candidate"], m["source"]) for m in described["explanation"]["skills"]["matched"]] == [
        ("会计", "description"),
        ("Excel", "description"),
    ]


def test_more_of_the_requirements_met_first_then_more_of_the_seekers_skills():
    index = fair(
        position("ALL", "Java开发", "Java", "MySQL", "Redis"),
        position("TWO", "Java开发", "Java", "MySQL", "Kafka"),
        position("ONE", "Java开发", "Java", "Oracle", "Kafka"),
        position("MANY", "Java架构师", "Java", "MySQL", "Redis", "Kafka", "Elasticsearch", "Hadoop"),
        position("JUST", "Java开发", "Java"),
    )
    order = ranked(index, skills=["Java", "MySQL", "Redis"])
    # ALL and JUST ask for nothing the seeker lacks, ALL uses more of the seeker's skills; TWO meets 2 of 3
    # requirements, MANY 3 of 6 although it uses all three of the seeker's skills.
    assert order == ["ALL", "JUST", "TWO", "MANY", "ONE"]


def test_a_posting_whose_every_requirement_is_met_ranks_above_one_asking_more():
    index = fair(
        position("WIDE", "数据分析师", "商业", "数据分析", "SPSS"),
        position("BIZ", "商业分析师", "商业"),
        position("STAT", "统计员", "SPSS"),
    )
    assert ranked(index, skills=["商业", "SPSS"])[2] == "WIDE"
    index = fair(
        position("SQL1", "分析专员", "数据分析", "SPSS", "数据库", "SQL"),
        position("SQL2", "分析专员", "数据分析", "SQL"),
        position("FIT1", "分析专员", "数据分析", "SPSS"),
        position("FIT2", "分析专员", "数据库"),
    )
    assert set(ranked(index, skills=["数据分析", "SPSS", "数据库"])[:2]) == {"FIT1", "FIT2"}


def test_profile_echo_says_how_each_skill_was_read(traps):
    echo = {
        e["input"]: e
        for e in traps.match({"skills": ["Pyhton", "ＥＸＣＥＬ", "JS", "kuaiji", "量子纠缠"]})["profile"][
            "skills"
        ]
    }
    assert echo["Pyhton"]["matched"] == "Python" and echo["Pyhton"]["via"] == "typo"
    assert echo["ＥＸＣＥＬ"]["matched"] == "Excel"
    assert echo["JS"]["matched"] == "JavaScript" and echo["JS"]["via"] == "alias"
    assert echo["kuaiji"]["matched"] == "会计" and echo["kuaiji"]["via"] == "pinyin"
    assert echo["量子纠缠"]["matched"] is None and echo["量子纠缠"]["positions"] == 0


@pytest.fixture(scope="module")
def typing_fair():
    return fair(
        position("A", "会计", "会计", "数据分析"),
        position("B", "客服", "客服"),
        position("C", "电焊工", "电焊"),
        position("D", "电工", "电工证"),
    )


@pytest.mark.parametrize(
    ("reading", "typed", "meant"),
    [
        # Same sound, at least half of the characters right, never the input itself; 店悍 shares no character.
        ("homophones", "会记", ["会计"]),
        ("homophones", "数据分细", ["数据分析"]),
        ("homophones", "刻服", ["客服"]),
        ("homophones", "会计", []),
        ("homophones", "店悍", []),
        ("homophones", "量子纠缠", []),
        # Slips of the keyboard.
        ("slips", "计会", ["会计"]),  # two neighbouring characters swapped
        ("slips", "会会计", ["会计"]),  # one doubled
        ("slips", "数据析", ["数据分析"]),  # an inner one left out
        ("slips", "电证", ["电工证", "电焊证"]),  # the fair's word first (电焊证 is the alias list's)
        ("slips", "数据分折", ["数据分析"]),  # a character written as one that looks like it
        ("slips", "会汁", ["会计"]),
        ("slips", "会会", []),  # a slip never leaves one character
        ("slips", "工证", []),  # first or last character left out: a part of the word, found inside it anyway
        ("slips", "数据分", []),
        ("slips", "会计", []),  # the input's own word
        ("slips", "量子纠缠", []),
    ],
)
def test_typos_read_as_the_skill_meant(typing_fair, reading, typed, meant):
    assert getattr(typing_fair.reader.pinyin, reading)(typed) == meant
    echo = typing_fair.match({"skills": [typed]})["profile"]["skills"][0]
    if meant:
        assert (echo["matched"], echo["via"]) == (meant[0], "typo") and echo["similarity"] < 1
        listing = {"会计": "A", "数据分析": "A", "客服": "B", "电工证": "D"}[meant[0]]
        assert ranked(typing_fair, skills=[typed])[0] == listing


def test_a_dictionary_word_is_no_longer_word_with_a_character_left_out():
    """开车 is a word of its own, not 开叉车 (an alias of 叉车证) with 叉 left out: a driver's skill finds the
    drivers' posts, not the forklift licence. A slip that leaves no word (数据析) is still read as meant."""
    index = fair(
        position("FORK", "叉车司机", "叉车证"),
        position("DRIVE", "司机", "驾驶证"),
        position("DATA", "数据专员", "数据分析"),
    )
    assert index.reader.pinyin.slips("开车") == []
    echo = index.match({"skills": ["开车"]})["profile"]["skills"][0]
    assert (echo["matched"], echo["via"]) == ("驾驶证", "alias"), echo
    assert ranked(index, skills=["开车"])[0] == "DRIVE"
    assert index.reader.pinyin.slips("数据析") == ["数据分析"]


def test_a_dictionary_word_is_no_word_with_a_character_that_looks_like_it():
    """勾通 (to collude) is a word of its own, not 沟通 written with 勾 for 沟; a look-alike that leaves no
    word (沟涌) is still read as meant, on the skill and on the wish."""
    index = fair(
        position("TALK", "客服专员", "沟通"),
        position("SHOP", "仓管员", "打包"),
        position("PAY", "出纳", "用友"),
    )
    assert index.reader.pinyin.slips("勾通") == []
    assert index.reader.pinyin.slips("打炮") == []
    assert index.reader.pinyin.slips("沟涌") == ["沟通"]
    echo = index.match({"skills": ["沟涌"]})["profile"]["skills"][0]
    assert (echo["matched"], echo["via"]) == ("沟通能力", "typo") and echo["similarity"] < 1  # its alias name
    assert ranked(index, skills=["沟涌"])[0] == "TALK"
    assert ranked(index, titles=["拙纳"])[0] == "PAY"  # 拙 for 出


def test_a_word_the_fairs_own_texts_hold_is_no_slip():
    # 产生 is 生产 with two characters swapped, and a word of its own: where the fair writes it, it is read
    # as written; where nothing of the fair holds it, it can only be the fair's 生产 mistyped.
    held = fair(
        position("A", "生产主管", "生产"),
        position("B", "质检员", "沟通能力", description="处理生产中产生的质量问题"),
    )
    read = held.reader.skill("产生")
    assert (read.via, read.forms[0].display) == ("text", "产生")
    titled = fair(position("A", "生产主管", "生产"), position("B", "产生式规则工程师", "Python"))
    assert titled.reader.skill("产生").via == "text"
    # Held on its own, not across two words: 计会 is in 审计会计 (审计 + 会计, real postings), no word there.
    crossed = fair(
        position("A", "会计", "会计"),
        position("B", "审计专员", "审计", description="协调财务稽核审计会计的工作"),
    )
    read = crossed.reader.skill("计会")
    assert (read.via, read.forms[0].display) == ("typo", "会计")
    assert ranked(crossed, skills=["计会"])[0] == "A"
    alone = fair(position("A", "生产主管", "生产"), position("B", "导购", "沟通能力"))
    read = alone.reader.skill("产生")
    assert (read.via, read.forms[0].display, read.forms[0].confidence) == ("typo", "生产", 0.8)
    assert ranked(alone, skills=["产生"])[0] == "A"
    # A word the fair knows (销售员, a job word of the title synonyms) is never read as another.
    assert alone.reader.skill("销售员").via == "text"
    # So for a wrong character of the same sound: 刻服 is 客服 mistyped, unless the fair writes it.
    written = fair(
        position("A", "客服专员", "客服"), position("B", "雕刻工", "木工", description="刻服装纹样")
    )
    assert written.reader.skill("刻服").via == "text"
    assert fair(position("A", "客服专员", "客服")).reader.skill("刻服").via == "typo"


def test_industry_preference_reorders_postings_meeting_every_requirement():
    index = fair(
        position("ALL", "销售代表", "销售", "Excel", industry="software_it"),
        position("HALF", "销售代表", "销售", industry="real_estate"),
        position("MORE", "销售代表", "销售", "Excel", "CRM", "英语", industry="real_estate"),
    )
    assert ranked(index, skills=["销售", "Excel"]) == ["ALL", "HALF", "MORE"]
    # Among postings the seeker qualifies for, 房产 comes first; one asking for more still comes after.
    assert ranked(index, skills=["销售", "Excel"], industries=["房产"]) == ["HALF", "ALL", "MORE"]


def test_a_skill_only_in_the_titles_notes_is_not_the_job_itself():
    index = fair(
        position("NOTE", "安全员（商业项目）", "安全员C证", "消防", "PPT"),
        position("LISTS", "招商专员", "商业", "谈判能力", "PPT"),
    )
    # 商业 in the notes of 安全员 says where the job is, not what it is: one requirement met among four.
    assert ranked(index, skills=["商业"]) == ["LISTS", "NOTE"]


# One position per skill, Java beside JavaScript: each phrase must find its own.
PHRASE_SKILLS = (
    "C1驾驶证 教师资格证 Excel 初级会计职称 英语四级 Photoshop AutoCAD "
    "Python 沟通能力 Office C++ Java JavaScript 英语六级 Go C 销售 会计 客服"
)


@pytest.fixture(scope="module")
def phrase_fair():
    return fair(*(position(f"P{n}", "专员", skill) for n, skill in enumerate(PHRASE_SKILLS.split())))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("有C1驾照", "C1驾驶证"),  # a short lead, then an alias
        ("持有教资", "教师资格证"),
        ("熟练使用Excel表格", "Excel"),
        ("初会证书", "初级会计职称"),  # an alias, then a tail
        ("考过CET4", "英语四级"),
        ("会PS", "Photoshop"),
        ("会做表格", "Excel"),  # two short leads (会, 做), then an alias
        ("能制作表格", "Excel"),
        ("掌握CAD", "AutoCAD"),
        ("熟练掌握并运用Python", "Python"),  # a lead, a joiner, another lead
        ("能够熟练使用Excel软件", "Excel"),  # a lead, then a tool's tail after its name
        ("会使用CAD软件", "AutoCAD"),  # two leads, a tail, then an alias
        ("有较强的沟通能力", "沟通能力"),  # a short lead, then a modifier
        ("熟悉办公软件操作", "Office"),  # a lead and a tail around an alias
        ("C++编程", "C++"),  # a tail after a name ending in a symbol
        ("Go语言开发", "Go"),  # a tail after a programming language's Chinese name
        ("C语言编程", "C"),
        ("JavaScript开发", "JavaScript"),  # not Java
        ("办公软件熟练", "Office"),  # how well, after an alias
        ("沟通能力良好", "沟通能力"),
        ("沟通能力强", "沟通能力"),
        ("沟通能力较强", "沟通能力"),
        ("CAD熟练", "AutoCAD"),
        ("PS精通", "Photoshop"),
        ("有C1驾照者优先", "C1驾驶证"),  # a short lead, an alias, then how a posting words it
        ("C1驾照（3年驾龄）", "C1驾驶证"),  # a note in brackets after the skill
        ("Excel（高级）", "Excel"),
        ("Excel「高级」", "Excel"),  # any bracket `clean_title` drops from a title
        ("熟练 Excel", "Excel"),  # 熟练 leads only where a known skill follows
        ("C1驾照 3年驾龄", "C1驾驶证"),  # a figure noted after the skill: how long
        ("Python 2年以上", "Python"),
        ("3年Java经验", "Java"),  # how long before it, experience after it
        ("Java开发经验", "Java"),
        ("CET-6 550", "英语六级"),  # a test score, three digits after a space
        ("英语六级520分", "英语六级"),
        ("Python基础扎实", "Python"),  # how well, in two words after it
        ("Excel基础", "Excel"),
        ("会一点PS", "Photoshop"),  # a short lead, then how much
        ("懂一些CAD", "AutoCAD"),
        ("略懂Python", "Python"),  # a modest lead
        ("学过CAD", "AutoCAD"),
        ("本人熟悉CAD", "AutoCAD"),  # the seeker speaking of themself
        ("我会PS", "Photoshop"),
        ("两年销售经验", "销售"),  # how long in Chinese numerals, before it or after it
        ("一年以上Java经验", "Java"),
        ("半年客服经验", "客服"),
        ("销售经验三年", "销售"),
        ("从事过销售", "销售"),  # what the seeker has done
        ("做过客服", "客服"),
        ("从事会计工作", "会计"),  # the work of it
        ("会计 初级职称", "初级会计职称"),  # a professional title's grade apart from its trade
        ("初级职称（会计）", "初级会计职称"),
        ("1. Java", "Java"),  # an item of the seeker's own numbered list
        ("①Python", "Python"),
        ("(3) PS", "Photoshop"),
        ("证书：教师资格证", "教师资格证"),  # a heading before the skill
        ("技能：PS", "Photoshop"),
        ("熟悉C++等框架", "C++"),
        ("Python编程语言", "Python"),
        ("能熟练运用CAD进行绘图", "AutoCAD"),
    ],
)
def test_a_known_skill_inside_a_phrase_reads_as_that_skill(phrase_fair, typed, meant):
    index = phrase_fair
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert (echo["matched"], echo["similarity"]) == (meant, 1.0)
    listing = {p.skills[0]: p.id for p in index.positions}[meant]
    assert ranked(index, skills=[typed])[0] == listing


@pytest.mark.parametrize(
    ("typed", "held"),
    [
        ("会开车有C1驾照", ["C1驾驶证"]),  # run on, no mark between: an alias inside the phrase
        ("有教资普通话二甲", ["教师资格证", "普通话二级甲等"]),  # two aliases, one after the other
        ("能用pr剪视频", ["视频剪辑"]),  # PR alone stays a whole skill only (public relations)
        ("会说粤语英语流利", ["粤语", "英语"]),  # canonicals inside, leftmost first
        # A slip left the skill whole inside; 爬虫 alone, not the Python of python爬虫.
        ("爬爬爬虫", ["爬虫"]),
        ("爬虫爬", ["爬虫"]),  # a slip after it: a skill word ending one short of the phrase counts
        ("linux运维", ["Linux", "运维"]),  # a Latin skill word too
        ("python数据分析", ["Python", "数据分析"]),
    ],
)
def test_a_phrase_holding_skills_reads_as_them_and_itself(typed, held):
    index = fair(
        position("DRIVE", "司机", "C1驾驶证"),
        position("TEACH", "小学语文教师", "教师资格证", "普通话二级甲等"),
        position("EDIT", "剪辑师", "视频剪辑"),
        position("TOUR", "导游", "粤语", "英语"),
        position("CRAWL", "数据采集员", "爬虫"),
        position("OPS", "系统管理员", "Linux", "运维"),
        position("DATA", "分析员", "Python", "数据分析"),
        position("CLERK", "文员", "Excel"),
    )
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert echo["via"] == "phrase"
    assert echo["expands"] == [*held, typed]  # the phrase itself still meets what holds it as written
    listing = {
        "C1驾驶证": "DRIVE",
        "教师资格证": "TEACH",
        "视频剪辑": "EDIT",
        "粤语": "TOUR",
        "爬虫": "CRAWL",
        "Linux": "OPS",
        "Python": "DATA",
    }
    listing = listing[held[0]]
    assert_first(index, listing, above=("CLERK",), skills=[typed])
    assert scores(index, skills=[typed])["CLERK"] == 0


@pytest.mark.parametrize(
    ("typed", "held", "listing"),
    [
        ("快递分拣", "分拣", "SORT"),  # a skill the fair lists and the alias list does not name
        ("外贸报关", "报关", "CUSTOMS"),
        ("打打打包", "打包", "SORT"),  # a slip a word lookup cannot mend: the listed word inside it
        ("街街舞 12", "街舞", "DANCE"),
    ],
)
def test_a_phrase_holding_a_skill_the_fair_lists_reads_as_it(typed, held, listing):
    index = fair(
        position("SORT", "仓库分拣员", "分拣", "打包"),
        position("CUSTOMS", "报关员", "报关"),
        position("DANCE", "舞蹈老师", "街舞"),
        position("CLERK", "文员", "Excel"),
    )
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert echo["via"] == "phrase" and echo["expands"] == [held, typed]
    assert_first(index, listing, above=("CLERK",), skills=[typed])


def test_a_phrase_names_no_generic_word_and_a_wish_is_no_phrase_of_skills():
    # 数据 and 管理 name skills only inside longer ones (data/generic_terms.json); a wish keeps its job:
    # 会计助理 is no 会计 skill, though a skill input 会计助理 holds one.
    index = fair(
        position("ACC", "会计", "会计"),
        position("ASSIST", "会计助理", "Excel"),
        position("DB", "数据员", "数据"),
    )
    assert index.reader.seeker_skill("做数据管理工作").via == "text"
    wish = index.match({"titles": ["会计助理"]})
    assert wish["profile"]["skills"] == [] and ranked(index, titles=["会计助理"])[0] == "ASSIST"
    assert index.reader.seeker_skill("会计助理").via == "phrase"


def test_a_school_year_is_no_time_spent(phrase_fair):
    # A guard: 三年级 is the third grade, not three years, so 三年级数学 keeps its 级 (no skill 级数学).
    from matching.resume_text import skill_cores

    assert all(not core.startswith("级") for core in skill_cores("三年级数学"))


def test_a_short_bare_number_after_a_skill_is_no_score(phrase_fair):
    # Three digits after a space are a test score (CET-6 550); two may be a version or a level.
    assert phrase_fair.reader.skill("C1驾照 12").via == "text"


def test_a_resume_skill_item_keeps_a_lead_that_is_read_off_only_before_a_known_skill():
    from matching.resume_text import skill_core

    # 熟练 leads 熟练 Excel, but 熟练工 is a trade: résumé items strip only the unconditional leads.
    assert skill_core("熟练工") == "熟练工"
    assert skill_core("熟练使用Excel") == "Excel"


def test_a_bracketed_note_naming_skills_is_no_note():
    index = fair(
        position("XL", "文员", "Excel"), position("WD", "文员", "Word"), position("OF", "文员", "Office")
    )
    order = scores(index, skills=["Office(Word/Excel)"])
    assert order["XL"] > 0 and order["WD"] > 0, order  # not read as Office alone
    # Each a whole skill: the note's skills are added to the skill before it.
    read = index.reader.skill("Office(Word/Excel)")
    assert [f.display for f in read.forms] == ["Office", "Word", "Excel"]
    assert {f.confidence for f in read.forms} == {1.0}
    assert [f.display for f in index.reader.skill("Java（Spring）").forms] == ["Java", "Spring"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("JavaScript（ES6）", ["JavaScript"]),  # the note another name of the skill: it once
        ("Photoshop（PS）", ["Photoshop"]),
        ("英语（六级）", ["英语六级"]),  # the note names the skill more closely: that alone
        ("Excel(VLOOKUP)", ["Excel"]),  # a note on the skill
    ],
)
def test_a_bracketed_note_on_a_skill_the_fair_does_not_list(typed, meant):
    """On a fair listing no skills (postings that only describe their jobs), the skill before the note is
    still known by the alias list, and the note read for what it says."""
    index = fair(position("DESC", "前端开发工程师", description="熟悉JavaScript、Photoshop、Excel，英语六级"))
    read = index.reader.skill(typed)
    assert [f.display for f in read.forms] == meant
    assert {f.confidence for f in read.forms} == {1.0}
    assert ranked(index, skills=[typed]) == ["DESC"] and scores(index, skills=[typed])["DESC"] > 0


def test_words_around_a_skill_are_read_off_only_where_a_known_skill_is_left():
    # 软件 ends a tool's name (CAD软件) but makes a word of its own after Chinese (财务软件 is no 财务); a
    # skill of the fair as written (熟练使用Excel) stays whole though a known skill is inside it.
    index = fair(
        position("FIN", "会计", "财务"),
        position("PHRASE", "文员", "熟练使用Excel"),
        position("XL", "文员", "Excel"),
    )
    for word in ("财务软件", "设计软件", "熟练使用Excel"):
        assert_read_as_written(index, word)
    assert ranked(index, skills=["熟练使用Excel"])[0] == "PHRASE"
    assert ranked(index, skills=["能够熟练使用Excel软件"])[0] == "XL"


def test_a_short_lead_is_read_off_only_before_a_known_skill():
    # 有 and 会 lead 有C1驾照 and 会PS, but begin 有机化学 and 会计: those stay whole.
    index = fair(
        position("A", "化学教师", "有机化学"), position("B", "会计", "会计"), position("C", "文员", "计算机")
    )
    for word in ("有机化学", "会计", "有效沟通"):
        assert_read_as_written(index, word)  # the whole word, not 机化学
    assert ranked(index, skills=["有机化学"])[0] == "A"
    assert ranked(index, skills=["会计"])[0] == "B"


def test_several_skills_typed_into_one_input_read_as_those_skills():
    index = fair(
        position("ALL", "文员", "Excel", "Word", "PPT"),
        position("ONE", "出纳", "Excel", "用友", "出纳实务", "网银操作"),
        position("SITE", "前端开发", "Excel/Word", "Vue"),
    )
    # Joined by 和 or 以及, inside a phrase (a lead before the first, a tail after the last): the same list.
    for typed in ("Excel、Word、PPT", "excel,word,ppt", "Excel；Word；PPT", "Excel、Word和PPT",
                  "熟练使用Excel、Word以及PPT", "Excel/Word/PPT等办公软件"):  # fmt: skip
        echo = index.match({"skills": [typed]})["profile"]["skills"][0]
        assert (echo["via"], echo["expands"]) == ("list", ["Excel", "Word", "PPT"]), typed
        assert ranked(index, skills=[typed])[0] == "ALL"
    # The fair's own skill as written is no list; a part no skill names makes the input one skill.
    assert index.reader.skill("Excel/Word").via == "text"
    echo = index.match({"skills": ["Excel/Word"]})["profile"]["skills"][0]
    assert (echo["matched"], echo["similarity"]) == ("Excel/Word", 1.0)
    for typed in ("TCP/IP", "A/B测试", "Excel/量子纠缠", "Excel和量子纠缠"):
        assert index.reader.skill(typed).via == "text", typed


def test_a_list_with_a_lead_on_each_part_reads_every_skill_where_only_descriptions_name_them():
    """A fair of postings that list no skills (descriptions only): each part of 熟悉Java，了解MySQL reads as
    its skill once its lead is read off, as where the fair lists them, not Java alone."""
    index = fair(
        position("BOTH", "后端开发", description="要求熟悉Java开发，熟练使用MySQL数据库"),
        position("JAVA", "Java开发", description="熟悉Java，有Spring经验"),
        position("WEB", "前端开发", description="精通Vue或React，熟悉Webpack"),
        position("DOCS", "文员", description="熟练使用Excel和Word"),
    )
    for typed, expands, first in (
        ("熟悉Java，了解MySQL", ["Java", "MySQL"], "BOTH"),
        ("熟练掌握Java、MySQL", ["Java", "MySQL"], "BOTH"),
        ("精通Vue和React", ["Vue", "React"], "WEB"),
        ("熟悉Excel、Word", ["Excel", "Word"], "DOCS"),
    ):
        echo = index.match({"skills": [typed]})["profile"]["skills"][0]
        assert (echo["via"], echo["expands"]) == ("list", expands), (typed, echo)
        assert ranked(index, skills=[typed])[0] == first, typed
    # A part no skill names still keeps the input one skill, as where the fair lists skills.
    assert index.reader.skill("熟悉Java，了解量子纠缠").via != "list"


def test_the_work_itself_behind_a_lead_reads_where_titles_and_descriptions_hold_it_not_only_listed_skills():
    """熟悉盘点, 擅长补货: a lead before the work a posting describes but does not list; a list of such words
    (理货、补货、收银) keeps each. A lead word alone is no skill, nor a word too general (能力), nor a
    lead read off a word the phrase or the fair holds whole (会计 of 会计师, 会员 of 会员管理, 会计助理);
    after a one-character lead only a job word of the titles is read (能理货; 会展经理 holds no 展经理)."""
    index = fair(
        position("STOCK", "仓管员", "Excel", description="负责仓库盘点、出入库登记"),
        position("SHELF", "理货员", "吃苦耐劳", description="负责商品补货、陈列"),
        position("TILL", "收银员", "收银"),
        position("ACC", "会计", "会计"),
        position("DESIGN", "UI设计师", "Figma", description="负责人员管理与设计评审，沟通能力强"),
        position("ASSIST", "会计助理", "Excel"),
        position("BD", "商务拓展经理", "谈判能力"),
    )
    for typed, core, first in (
        ("熟悉盘点", "盘点", "STOCK"),
        ("擅长补货", "补货", "SHELF"),
        ("能理货", "理货", "SHELF"),
        # A job word crossed by a word of the dictionary alone, not of the fair: 会理 (a county), 有理.
        ("会理货", "理货", "SHELF"),
        ("有理货经验", "理货", "SHELF"),
    ):
        echo = index.match({"skills": [typed]})["profile"]["skills"][0]
        assert (echo["matched"], echo["positions"]) == (core, 1), (typed, echo)
        assert ranked(index, skills=[typed])[0] == first, typed
    echo = index.match({"skills": ["理货、补货、收银"]})["profile"]["skills"][0]
    assert (echo["via"], echo["expands"]) == ("list", ["理货", "补货", "收银"]), echo
    assert set(ranked(index, skills=["理货、补货、收银"])[:2]) == {"SHELF", "TILL"}
    assert index.reader.skill("熟练、细心").via != "list"  # 熟练 is a lead, however often texts hold it
    assert ranked(index, skills=["会计师"])[0] == "ACC"  # 会计 + 师, not 会 + 计师 (of 设计师)
    for typed in ("会员管理", "有能力"):  # no 员管理 (of 人员管理), no 能力 alone
        assert scores(index, skills=[typed]).get("DESIGN", 0) == 0, typed
    assert scores(index, skills=["会展经理"]).get("BD", 0) == 0
    assert index.reader.skill("会盘点").via == "text"  # 盘点, a description's word, is no job word
    assert index.reader.skill("会计助理").forms[0].key != index.reader.skill("计助理").forms[0].key


def test_a_list_reads_its_short_skills_by_the_trade_of_the_others_and_a_tools_tail_after_the_last():
    index = fair(
        position("ART", "平面设计", "Photoshop", "Illustrator", "CorelDRAW"),
        position("MECH", "机械设计工程师", "AutoCAD", "SolidWorks"),
        position("AIDEV", "算法工程师", "人工智能", "Python"),
    )
    # AI among PS and CDR is Illustrator (as a short skill alone beside them would be), not 人工智能.
    read = [f.display for f in index.reader.skill("精通PS/AI/CDR等设计软件").forms]
    assert {"Photoshop", "Illustrator", "CorelDRAW"} <= set(read) and "人工智能" not in read
    assert ranked(index, skills=["精通PS/AI/CDR等设计软件"])[0] == "ART"
    # The short skill with the tail on it, and first with the lead on it: still the list's own part.
    for typed, expands in (
        ("熟练使用PS、AI等设计软件", ["Photoshop", "AI", "Illustrator"]),
        ("熟练使用AI、PS", ["AI", "Illustrator", "Photoshop"]),
    ):
        echo = index.match({"skills": [typed]})["profile"]["skills"][0]
        assert (echo["via"], echo["expands"]) == ("list", expands), typed
    # 绘图 after a tool's name is a tail, as 软件 is: both parts are skills, so the input is a list.
    echo = index.match({"skills": ["熟练使用CAD、SolidWorks绘图"]})["profile"]["skills"][0]
    assert (echo["via"], echo["expands"]) == ("list", ["AutoCAD", "SolidWorks"])
    assert ranked(index, skills=["熟练使用CAD、SolidWorks绘图"])[0] == "MECH"


def test_a_list_of_the_alias_lists_skills_is_read_where_the_fair_lists_no_skills():
    # Postings without skill lists (a description alone, as job boards export them): the parts are still
    # skills, by the alias list.
    index = fair(
        position("JAVA", "后端开发", description="熟悉Java，了解MySQL"),
        position("PY", "数据工程师", description="熟练使用Python"),
        position("CASH", "出纳", description="负责现金管理"),
        position("ACC", "会计", description="负责会计核算"),
    )
    for typed, expands in (("Java/MySQL", ["Java", "MySQL"]), ("会计，出纳", ["会计", "出纳"])):
        echo = index.match({"skills": [typed]})["profile"]["skills"][0]
        assert (echo["via"], echo["expands"]) == ("list", expands), typed


@pytest.mark.parametrize(
    ("typed", "expands", "found"),
    [
        ("Java Python", ["Java", "Python"], {"JAVA", "PY"}),
        ("word  excel ppt", ["Word", "Excel", "PPT"], {"OFFICE"}),
        ("会计 出纳", ["会计", "出纳"], {"ACC", "CASH"}),
        ("PS AI CDR", ["Photoshop", "AI", "Illustrator", "CorelDRAW"], {"ART"}),  # AI by its neighbours
    ],
)
def test_skills_typed_into_one_input_apart_by_spaces_read_as_those_skills(typed, expands, found):
    index = fair(
        position("JAVA", "后端开发", "Java"),
        position("PY", "数据工程师", "Python"),
        position("OFFICE", "文员", "Word", "Excel", "PPT"),
        position("CASH", "出纳", "出纳"),
        position("ACC", "会计", "会计"),
        position("ART", "平面设计", "Photoshop", "Illustrator", "CorelDRAW"),
        position("OTHER", "保安", "巡逻"),
    )
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert (echo["via"], echo["expands"]) == ("list", expands)
    hits = {pid for pid, score in scores(index, skills=[typed]).items() if score > 0}
    assert hits == found


@pytest.mark.parametrize(
    ("typed", "expands"),
    [
        ("PS+AI+CDR", ["Photoshop", "AI", "Illustrator", "CorelDRAW"]),  # AI read by its neighbours' trade
        ("C#+Java", ["C#", "Java"]),
        ("Java＋C++", ["Java", "C++"]),  # a full-width plus
        ("C++ + Java", ["C++", "Java"]),  # the plus alone joins; the two of C++ stay in its name
        ("SolidWorks&AutoCAD", ["SolidWorks", "AutoCAD"]),
        ("C#或Java", ["C#", "Java"]),  # either, as a seeker offers them
        ("Photoshop或者CorelDRAW", ["Photoshop", "CorelDRAW"]),
    ],
)
def test_skills_joined_by_a_plus_or_an_ampersand_read_as_those_skills(typed, expands):
    index = fair(
        position("ART", "平面设计", "Photoshop", "Illustrator", "CorelDRAW"),
        position("DEV", "开发工程师", "C#", "C++", "Java"),
        position("MECH", "机械设计", "SolidWorks", "AutoCAD"),
    )
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert (echo["via"], echo["expands"]) == ("list", expands)


@pytest.mark.parametrize(
    ("typed", "expands"),
    [
        ("财务软件（金蝶、用友）", ["金蝶", "用友", "财务软件"]),  # the note's skills, then the part
        ("熟悉财务软件(用友)", ["用友", "熟悉财务软件"]),
        ("我会用Excel和PPT", ["Excel", "PPT"]),
    ],
)
def test_skills_named_in_a_note_or_a_sentence_are_read_whatever_comes_before(typed, expands):
    index = fair(
        position("ACC", "会计", "金蝶", "用友"),
        position("CLERK", "文员", "Excel", "PPT"),
    )
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert (echo["via"], echo["expands"]) == ("list", expands)


# Guards: a part no skill names (Notepad, D) or an empty one keeps the input whole whatever splits it.
@pytest.mark.parametrize("typed", ["C++", "Notepad++", "R&D", "A+"])
def test_a_plus_or_an_ampersand_inside_a_name_is_no_list(typed):
    index = fair(position("DEV", "开发工程师", "C++", "R"))
    assert index.reader.skill(typed).via != "list"


def test_one_skill_of_several_words_is_no_list_of_skills():
    index = fair(
        position("BOOT", "Java开发", "Spring Boot", "SQL Server"),
        position("JAVA", "Java开发工程师", "Java"),
        position("SITE", "前端开发", "React Native"),
    )
    # A skill of the fair or of the alias list as a whole, a word no skill names (server, 开发, native),
    # or a part read only as a typo: the input stays one skill.
    for typed in ("Spring Boot", "sql server", "java 开发", "react native", "java severr"):
        assert index.reader.skill(typed).via != "list", typed


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Exel", "Excel"),
        ("excle", "Excel"),
        ("lniux", "Linux"),
        ("ngnix", "Nginx"),
        ("mysq", "MySQL"),
        ("wrod", "Word"),  # two swapped in four letters
        ("Wrod", "Word"),
    ],
)
def test_one_edit_in_five_letters_is_a_typo_when_a_letter_is_left_out_or_two_are_swapped(typed, meant):
    index = fair(
        position("XL", "文员", "Excel"),
        position("OPS", "运维工程师", "Linux", "Nginx"),
        position("DB", "数据库管理员", "MySQL"),
        position("DOC", "文员", "Word"),
    )
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert (echo["matched"], echo["via"]) == (meant, "typo")
    assert ranked(index, skills=[typed])[0] == {"Excel": "XL", "MySQL": "DB", "Word": "DOC"}.get(meant, "OPS")


@pytest.mark.parametrize("typed", ["phyton", "Phyton", "pyhotn"])
def test_a_letter_moved_two_places_in_a_long_word_is_a_typo(typed):
    index = fair(position("PY", "数据分析", "Python"), position("PHP", "后端开发", "PHP"))
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert (echo["matched"], echo["via"]) == ("Python", "typo")
    assert ranked(index, skills=[typed])[0] == "PY"


def test_a_word_of_the_same_letters_with_other_ends_is_no_moved_letter():
    index = fair(position("NET", "网络工程师", "Docker"), position("DOC", "文员", "Word"))
    for typed in ("docerk", "Docerk"):  # Docker's letters, two edits away, its last one moved
        assert_read_as_written(index, typed)


@pytest.mark.parametrize(
    ("typed", "meant", "listing"),
    [
        ("Powerpiont", "PPT", "SLIDES"),  # a slip of the alias list's word for a skill (PowerPoint)
        ("Gollang", "Go", "GO"),  # golang
        ("myssql", "MySQL", "DB"),  # as near to mssql (SQL Server's alias): the fair's own word wins
    ],
)
def test_a_slip_of_an_alias_word_reads_as_its_skill(typed, meant, listing):
    index = fair(
        position("SLIDES", "文员", "PPT"),
        position("GO", "后端开发", "Go"),
        position("DB", "数据库管理员", "MySQL"),
        position("MS", "数据库管理员", "SQL Server"),
    )
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert (echo["matched"], echo["via"]) == (meant, "typo")
    assert ranked(index, skills=[typed])[0] == listing


def test_a_letter_changed_in_four_letters_is_a_word_of_its_own():
    # Two letters swapped in a four-letter word are a slip (wrod); one changed is another word (Jave, form).
    index = fair(position("DEV", "开发", "Java"), position("DOC", "文员", "Word"))
    for typed in ("Jave", "ward", "wore"):
        assert_read_as_written(index, typed)


def test_a_word_one_letter_changed_or_added_from_a_skill_is_a_word_of_its_own():
    # storm/store, flash/flask, world/word: one edit in five letters, but other words.
    index = fair(
        position("PY", "后端工程师", "Flask"),
        position("SHOP", "店长", "Store"),
        position("XL", "文员", "Word"),
        position("DB", "数据库管理员", "MySQL"),
    )
    for typed in ("flash", "storm", "world"):
        assert_read_as_written(index, typed)
    assert [f.display for f in index.reader.skill("mssql").forms] == ["SQL Server"]  # an alias, not MySQL


def test_a_family_name_without_its_number_reads_as_each_numbered_skill():
    # ISO names ISO9001 and ISO14001 (the fair's); CET names CET4 and CET6 (英语四级, 英语六级).
    index = fair(
        position("QMS", "质量专员", "ISO9001"),
        position("EMS", "环境专员", "ISO14001"),
        position("EN", "外贸专员", "英语四级"),
        position("OTHER", "文员", "Excel"),
    )
    for typed in ("ISO", "熟悉ISO体系", "iso认证"):
        echo = index.match({"skills": [typed]})["profile"]["skills"][0]
        assert (echo["via"], echo["expands"]) == ("alias", ["ISO9001", "ISO14001"]), echo
        order = scores(index, skills=[typed])
        assert order["QMS"] > 0 and order["EMS"] > 0 and order["OTHER"] == 0
    # A name's family reads below the numbered skill itself.
    assert scores(index, skills=["ISO"])["QMS"] < scores(index, skills=["ISO9001"])["QMS"]
    echo = index.match({"skills": ["CET"]})["profile"]["skills"][0]
    assert echo["expands"] == ["英语四级", "英语六级"] and scores(index, skills=["CET"])["EN"] > 0


def test_a_family_name_the_fair_lists_is_read_as_written():
    index = fair(position("A", "质量专员", "ISO"), position("B", "质量专员", "ISO9001"))
    echo = index.match({"skills": ["ISO"]})["profile"]["skills"][0]
    assert echo["via"] == "text" and "expands" not in echo


@pytest.mark.parametrize("word", ["cache", "china", "manager", "design"])
def test_short_english_words_are_not_read_as_pinyin_with_a_slip(traps, word):
    # cache is ca che, one letter from chache (叉车); china is chu na with one changed (出纳): under six
    # letters an English word is too often one slip from some pinyin, so only longer inputs are read so.
    assert traps.reader.skill(word).via != "pinyin"


def test_pinyin_spelling_a_word_of_the_dictionary_is_that_word_not_a_slip_of_another():
    # gangjin is 钢筋 (rebar) and jianli 监理 or 简历: one letter from gangqin (钢琴) and jianji (剪辑), and
    # words of their own; kauiji spells no word, and is 会计 with two letters swapped.
    index = fair(
        position("PIANO", "钢琴老师", "钢琴"), position("EDIT", "剪辑师", "剪辑"), position("ACC", "会计")
    )
    for typed in ("gangjin", "jianli"):
        assert index.reader.pinyin.near(typed) == [], typed
        assert index.match({"titles": [typed]})["profile"]["titles"][0]["matched"] is None, typed
    assert index.reader.pinyin.near("kauiji") == ["会计"]
    # A word's spelling one sound of the regions' speech from the fair's word is still that word: xinzheng
    # (新政) is 行政 with n for ng, canguan (参观) 仓管 with n for ng, jiaosi 教师 with s for sh, lenshi
    # 人事 with l for r.
    spoken = fair(
        position("ADMIN", "行政专员", "行政"),
        position("STOCK", "仓管员", "仓管"),
        position("T", "教师"),
        position("HR", "人事专员", "人事"),
    )
    for typed, meant in (("xinzheng", "行政"), ("canguan", "仓管"), ("jiaosi", "教师"), ("lenshi", "人事")):
        assert meant in spoken.reader.pinyin.near(typed), typed


def test_pinyin_with_a_letter_changed_for_a_far_key_is_another_word_not_a_slip():
    # kuaidi (快递) is kuaiji (会计) with d for j: keys a hand apart, so no slip of the finger but another
    # word; kuaiki (k beside j) and kuaiiji are slips of 会计.
    index = fair(position("ACC", "会计", "会计"), position("POST", "快递员"))
    assert "会计" not in index.reader.pinyin.near("kuaidi")
    assert all(e["matched"] != "会计" for e in index.match({"skills": ["kuaidi"]})["profile"]["skills"])
    assert index.match({"titles": ["kuaidi"]})["results"][0]["position"]["id"] == "POST"
    for typed in ("kuaiki", "kuaiiji"):
        assert index.reader.pinyin.near(typed) == ["会计"], typed
        assert index.match({"skills": [typed]})["results"][0]["position"]["id"] == "ACC", typed


def test_a_whole_skill_alias_the_fair_never_names_gives_way_to_the_word_as_written():
    """物流 alone stands for 物流管理 (``=物流`` in the alias list). Where no posting lists or writes
    物流管理, the seeker's 物流 is still what the postings say: read as written, it finds their
    descriptions."""
    index = fair(
        position("LOG", "外贸业务员", "英语", description="负责物流对接与发货跟进"),
        position("CLERK", "行政文员", "Excel", description="负责日常接待"),
    )
    read = index.reader.skill("物流")
    assert read.via == "text" and [f.display for f in read.forms] == ["物流"]
    assert ranked(index, skills=["物流"])[0] == "LOG"
    assert scores(index, skills=["物流"])["LOG"] > 0


def test_a_whole_skill_alias_keeps_its_skill_where_the_fair_names_it():
    index = fair(
        position("MGT", "物流专员", "物流管理"),
        position("LOG", "外贸业务员", "英语", description="负责物流对接与发货跟进"),
    )
    read = index.reader.skill("物流")
    assert read.via == "alias" and [f.display for f in read.forms] == ["物流管理"]
    assert ranked(index, skills=["物流"])[0] == "MGT"
    # Named only by an alias running text uses (物流运营 in a description): still the skill.
    spoken = fair(position("OPS", "运营专员", "Excel", description="熟悉物流运营"))
    assert [f.display for f in spoken.reader.skill("物流").forms] == ["物流管理"]


def test_a_posting_listing_soft_skills_alone_is_no_full_match_for_a_seeker_with_a_trade():
    # 储备干部 asking 沟通能力 and 团队合作 wants more than those (its description, its interview): a Java
    # developer who also has them meets the Java posting first. A posting with a hard skill beside the soft
    # ones keeps its full match, and a seeker with soft skills alone still finds the soft postings.
    index = fair(
        position("CADRE", "储备干部", "沟通能力", "团队合作"),
        position("JAVA", "Java开发工程师", "Java", "Spring Boot", "MySQL"),
        position("DESK", "销售内勤", "Excel", "沟通能力"),
        position("COOK", "厨师", "厨师证"),
    )
    assert ranked(index, skills=["Java", "MySQL", "沟通能力", "团队合作"])[0] == "JAVA"
    assert scores(index, skills=["Excel", "沟通能力"])["DESK"] == pytest.approx(1.0)
    soft_only = scores(index, skills=["沟通能力", "团队合作"])
    assert soft_only["CADRE"] > soft_only["JAVA"] == 0 and soft_only["CADRE"] < 1


@pytest.mark.parametrize(
    ("typed", "expands"),
    [
        ("Java、MySQL、分布式系统设计", ["Java", "MySQL", "分布式系统设计"]),  # the unknown part as written
        ("Excel，Word，做事认真", ["Excel", "Word", "做事认真"]),
    ],
)
def test_an_enumerated_list_with_a_part_no_skill_names_keeps_its_known_parts(typed, expands):
    index = fair(
        position("JAVA", "开发工程师", "Java", "MySQL"),
        position("OFFICE", "文员", "Excel", "Word"),
    )
    echo = index.match({"skills": [typed]})["profile"]["skills"][0]
    assert (echo["via"], echo["expands"]) == ("list", expands)
    assert ranked(index, skills=[typed])[0] == ("JAVA" if "Java" in typed else "OFFICE")


def test_a_slash_between_names_or_one_known_part_is_no_list_of_skills():
    # Guards: a slash may join one thing's names (TCP/IP), and one known skill beside a sentence is a phrase.
    index = fair(position("NET", "网络工程师", "TCP/IP", "Java"), position("SAY", "客服", "沟通能力"))
    assert index.match({"skills": ["Java/xyz/MySQL"]})["profile"]["skills"][0]["via"] != "list"
    assert index.match({"skills": ["沟通能力、愿意从基层做起"]})["profile"]["skills"][0]["via"] != "list"
    # Two known parts are a list: 做事认真负责 is 责任心 (data/skill_aliases.tsv), no sentence.
    both = index.match({"skills": ["沟通能力、做事认真负责"]})["profile"]["skills"][0]
    assert (both["via"], both["expands"]) == ("list", ["沟通能力", "责任心"])


def test_the_traits_service_posts_ask_are_soft_skills_too():
    # 服从安排 and 细心 (the default fair lists them 55 and 6 times) ask no trade: a posting listing them
    # alone is no full match for the seeker who has them, who still finds it; 工作认真负责 is 责任心.
    index = fair(
        position("LINE", "普工", "服从安排", "细心"),
        position("CASH", "收银员", "收银", "细心"),
    )
    line = scores(index, skills=["服从安排", "细心"])["LINE"]
    assert 0 < line < 1
    assert scores(index, skills=["收银", "细心"])["CASH"] == pytest.approx(1.0)
    assert index.reader.skill("工作认真负责").forms[0].display == "责任心"


@pytest.mark.parametrize(
    ("typed", "first"), [("資料員證", "CLERK"), ("檔案管理", "ARCHIVE"), ("資料分析", "DATA")]
)
def test_a_mainland_skill_typed_in_traditional_script_keeps_its_mainland_sense(typed, first):
    # Typed traditionally, 资料员证 read as 数据员证 and 档案管理 as 文件管理 (Taiwan's words for data and
    # files): each met no position asking it. 資料分析 is Taiwan's 数据分析 still.
    index = fair(
        position("CLERK", "资料员", "资料员证", "CAD"),
        position("ARCHIVE", "档案管理员", "档案管理", "Office"),
        position("DATA", "数据分析师", "数据分析", "SQL"),
        position("FILES", "文员", "文件管理", "数据录入"),
    )
    answer = index.match({"skills": [typed]})
    assert answer["results"][0]["position"]["id"] == first
    assert answer["profile"]["skills"][0]["similarity"] == 1.0
