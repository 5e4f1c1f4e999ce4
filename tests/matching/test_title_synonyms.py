"""Job-title synonyms as data: titles sharing no characters name one job (普工 / 操作工, 司机 / 驾驶员)."""

from __future__ import annotations

import pytest

from matching.titles import parse_title_kinds, parse_title_synonyms, title_kinds, title_synonyms

from .builders import assert_first, fair, position, ranked, result_for, scores


@pytest.fixture(scope="module")
def board():
    p = position
    return fair(
        p("OPERATOR", "急招操作工（两班倒）包吃住", industry="manufacturing"),
        p("ASSEMBLY", "电子装配工", industry="manufacturing"),
        p("SALES", "业务代表（底薪+提成）", industry="wholesale_retail"),
        p("SALES_DESK", "销售内勤", industry="wholesale_retail"),
        p("CLERK", "办公室职员", industry="wholesale_retail"),
        p("SERVICE", "客户服务专员", industry="ecommerce"),
        p("DRIVER", "驾驶员（C1）", industry="logistics"),
        p("FORKLIFT", "叉车司机", industry="logistics"),
        p("TEACHER", "小学英语教师", industry="education"),
        p("TUTOR", "助教", industry="education"),
        p("ART", "平面设计师", industry="culture_sports"),
        p("DEV", "软件开发工程师", industry="software_it"),
        p("TEST", "软件测试", industry="software_it"),
        p("STORE", "仓库保管员", industry="logistics"),
        p("GUARD", "安保员（夜班）", industry="business_services"),
        p("QC", "质量检验员（二期厂区）", industry="manufacturing"),
        p("CLEAN", "保洁阿姨", industry="business_services"),
        p("ANCHOR", "带货主播", industry="ecommerce"),
        p("SHOP", "门店经理", industry="wholesale_retail"),
        p("ACCOUNT", "财务专员", industry="wholesale_retail"),
        p("CASHIER", "出纳", industry="wholesale_retail"),
        p("COOK", "炒锅师傅", industry="hospitality"),
        p("FOREMAN", "生产主管（二车间）", industry="manufacturing"),
        p("FRONT", "前端开发工程师（双休）", industry="software_it"),
        p("PRODUCT", "产品经理（B端）", industry="software_it"),
        p("INTERACTION", "交互设计师", industry="software_it"),
        p("BACKEND", "后端开发工程师", industry="software_it"),
        p("HR", "人事专员（双休）", industry="business_services"),
        p("NETWORK", "网络工程师", industry="software_it"),
        p("OPS", "运维工程师（驻场）", industry="software_it"),
        p("WAITER", "餐厅服务员", industry="hospitality"),
        p("REHAB", "康复治疗师", industry="health"),
        p("LEGAL", "法务专员", industry="business_services"),
        p("PHARMA", "医药代表（桂林）", industry="health"),
        p("PAYROLL", "薪酬福利专员", industry="business_services"),
        p("COURSE", "课程顾问（2023届毕业生可投）", industry="education"),
        p("TRAINEE", "储备干部（大专以上）", industry="wholesale_retail"),
        p("AUTO", "汽车修理工", industry="business_services"),
        p("MECHANIC", "设备维修工", industry="manufacturing"),
        p("MARKET", "市场专员（双休）", industry="wholesale_retail"),
        p("ELECTRONICS", "电子工程师（总装线）", industry="manufacturing"),
        p("TYPIST", "录入员", industry="business_services"),
        p("WEBSHOP", "网店客服（售后）", industry="ecommerce"),
        p("SHOP_OPS", "电商运营（京东店）", industry="ecommerce"),
        p("LIVE_OPS", "直播运营", industry="ecommerce"),
        p("BAKER", "西点师（学徒可）", industry="hospitality"),
        p("AREA", "区域经理（配送中心）", industry="wholesale_retail"),
    )


@pytest.mark.parametrize(
    ("wish", "expected", "traps_below"),
    [
        ("普工", "OPERATOR", ("ASSEMBLY",)),
        ("作业员", "OPERATOR", ("ASSEMBLY",)),
        ("业务员", "SALES", ("SALES_DESK",)),
        ("销售代表", "SALES", ("SALES_DESK",)),
        ("行政文员", "CLERK", ()),
        ("客服", "SERVICE", ()),
        ("司机", "DRIVER", ("FORKLIFT",)),  # a forklift driver is a job of its own
        ("英语老师", "TEACHER", ("TUTOR",)),
        ("美工", "ART", ()),
        ("高级后台工程师", "BACKEND", ("FRONT",)),  # 后台, as the trade also says 后端
        ("HRBP", "HR", ()),  # an HR business partner
        ("码农", "DEV", ("TEST",)),  # the trade's nickname
        ("攻城狮", "DEV", ("TEST",)),  # and the engineers' pun on 工程师
        ("厂妹", "OPERATOR", ("ASSEMBLY",)),  # factory work's nicknames
        ("进厂打螺丝", "OPERATOR", ("ASSEMBLY",)),
        ("坐办公室", "CLERK", ("SALES_DESK",)),  # a desk job, as graduates put it
        ("程序员", "DEV", ("TEST",)),
        ("仓管", "STORE", ()),
        ("IQC", "QC", ()),  # incoming, in-process, final: each a QC inspector
        ("IPQC", "QC", ()),
        ("保安", "GUARD", ()),
        ("品管", "QC", ("ASSEMBLY",)),  # the trade's short name for quality control
        ("accountant", "ACCOUNT", ("CASHIER",)),  # the job's English name, for seekers on the English page
        ("driver", "DRIVER", ("FORKLIFT",)),
        ("Customer Service", "SERVICE", ()),
        ("programmer", "DEV", ("TEST",)),
        ("保洁", "CLEAN", ()),
        ("主播", "ANCHOR", ()),
        ("店长", "SHOP", ()),
        ("销售经理", "AREA", ("SALES",)),  # a regional manager leads a sales team
        ("大区销售主管", "AREA", ("SALES",)),
        ("sales manager", "AREA", ("SALES",)),
        ("會計", "ACCOUNT", ("CASHIER",)),  # traditional script, then the synonym
        ("厨师", "COOK", ()),
        ("厨子", "COOK", ()),  # the everyday word for a cook
        ("课程销售", "COURSE", ("SALES",)),  # a course consultant sells the courses
        ("财会", "ACCOUNT", ("CASHIER",)),  # the trade's short word for 财务会计
        ("生产管理", "FOREMAN", ("OPERATOR",)),
        ("graphic designer", "ART", ()),  # English names, for seekers on the English page
        ("frontend developer", "FRONT", ("DEV",)),
        ("web developer", "FRONT", ("TEST",)),
        ("front end", "FRONT", ("DEV",)),
        ("operator", "OPERATOR", ("ASSEMBLY",)),
        ("factory worker", "OPERATOR", ("ASSEMBLY",)),
        ("assembly line worker", "OPERATOR", ()),
        ("admin assistant", "CLERK", ()),
        ("live streamer", "ANCHOR", ()),
        ("live streaming host", "ANCHOR", ()),
        ("PM", "PRODUCT", ("DEV",)),  # the trade's Latin initials for its roles
        ("FE", "FRONT", ("DEV",)),
        ("RD", "DEV", ("TEST",)),
        ("QA", "TEST", ("DEV",)),
        ("UE设计师", "INTERACTION", ("ART",)),  # UE alone is also Unreal Engine
        ("测开", "TEST", ("DEV",)),  # the trade's short word for 测试开发
        ("功能测试", "TEST", ("DEV",)),  # the common kind of testing, as the job
        ("视觉设计", "ART", ("INTERACTION",)),  # a visual designer is a graphic one
        ("SRE工程师", "OPS", ("DEV",)),  # site reliability: operations
        ("网管", "NETWORK", ()),
        ("服务生", "WAITER", ()),
        ("理疗师", "REHAB", ()),
        ("律师助理", "LEGAL", ()),
        ("客户代表", "SALES", ("SALES_DESK", "SERVICE")),  # a sales job, as the trade's categories file it
        ("医药销售", "PHARMA", ("SALES",)),  # a kind of sales of its own
        ("社保专员", "PAYROLL", ("HR",)),
        ("储干", "TRAINEE", ()),  # the short word for 储备干部
        ("汽车维修", "AUTO", ("MECHANIC",)),  # the work, for the job
        ("直播带货", "ANCHOR", ()),
        ("zhibo daihuo", "ANCHOR", ()),  # in pinyin
        ("市场营销", "MARKET", ("SALES",)),  # the work, for the job
        ("烹饪", "COOK", ()),
        ("驾驶", "DRIVER", ("FORKLIFT",)),
        ("硬件工程师", "ELECTRONICS", ("DEV",)),  # the trade's name for an electronics engineer
        ("数据录入", "TYPIST", ("CLERK",)),
        # A shop's platform before the job: the online shops' jobs, not a phone line's or a livestream's.
        ("拼多多客服", "WEBSHOP", ("SERVICE",)),
        ("淘宝客服", "WEBSHOP", ("SERVICE",)),
        ("京东运营", "SHOP_OPS", ("LIVE_OPS",)),
        ("天猫运营", "SHOP_OPS", ("LIVE_OPS",)),
        ("物流专员", "STORE", ()),  # a logistics post takes in the warehouse keeper's (kinds)
    ],
)
def test_a_desired_title_finds_its_synonym(board, wish, expected, traps_below):
    assert_first(board, expected, above=traps_below, titles=[wish])


@pytest.mark.parametrize(
    ("wishes", "in_words", "in_latin"),
    [
        (["BD", "商务拓展", "business development", "BD经理"], "商务拓展经理", "BD专员（华南区）"),
        (["DBA", "数据库管理员"], "数据库管理员（驻场）", "DBA（MySQL方向）"),
        (["BI", "商业智能"], "商业智能工程师", "BI经理"),
        (["PR", "公关"], "公关专员", "PR经理（品牌部）"),
    ],
)
def test_a_job_the_trade_writes_in_latin_initials_or_in_words_is_one_job(wishes, in_words, in_latin):
    # The trade writes these jobs in Latin initials (BD经理, DBA) as often as in words (商务拓展经理).
    index = fair(
        position("WORDS", in_words),
        position("LATIN", in_latin),
        position("SALES", "销售代表"),
        position("CLERK", "商务助理"),
    )
    for wish in wishes:
        order = scores(index, titles=[wish])
        assert min(order["WORDS"], order["LATIN"]) >= 0.7, wish
        assert max(order["SALES"], order["CLERK"]) < 0.5, wish


def test_pr_as_a_skill_stays_premiere_not_public_relations():
    index = fair(position("EDIT", "短视频剪辑", "Premiere"), position("PR", "公关专员"))
    assert ranked(index, skills=["PR"])[0] == "EDIT"
    assert scores(index, skills=["PR"]).get("PR", 0) == 0


@pytest.mark.parametrize(("wish", "unrelated"), [("会计", "CASHIER"), ("司机", "TUTOR"), ("客服", "SALES")])
def test_synonyms_join_no_other_jobs(board, wish, unrelated):
    assert scores(board, titles=[wish])[unrelated] == 0


def test_a_synonym_counts_a_little_below_the_same_title():
    index = fair(position("SAME", "普工"), position("SYNONYM", "操作工"), position("OTHER", "文员"))
    order = scores(index, titles=["普工"])
    assert order["SAME"] == 1.0 and 0.85 <= order["SYNONYM"] < 1.0 and order["OTHER"] == 0
    explained = result_for(index.match({"titles": ["普工"]}), "SYNONYM")["explanation"]["title"]
    assert explained == {"candidate": "普工", "similarity": 0.9}


@pytest.mark.parametrize(("wish", "job"), [("电焊工", "焊工"), ("维修电工", "电工"), ("平面美工", "美工")])
def test_a_synonym_inside_the_wish_is_the_same_job_not_a_part_of_it(wish, job):
    # 焊工 lies inside 电焊工, but the two name one job (one synonym group): it was held to the credit of a
    # title that is only part of the wish (设计师 of UX设计师, 0.8), below 焊接工's 0.9 and below a title
    # merely holding the wish (电焊工/氩弧焊工). A job of the wish's with a field beside it is still a part.
    index = fair(
        position("JOB", job),
        position("HOLDS", f"{wish}/氩弧焊工"),
        position("PART", "司机"),
    )
    order = scores(index, titles=[wish])
    assert order["JOB"] >= 0.9 and order["JOB"] > order["HOLDS"]
    assert scores(index, titles=["货车司机"])["PART"] == 0.8


def test_an_online_shop_and_e_commerce_name_one_trade():
    # 网店客服 and 电商客服, 网店美工 and 电商美工: the fair posts one job under both names.
    index = fair(
        position("SHOP", "网店客服（售前）"),
        position("PHONE", "电话客服"),
        position("ART", "电商美工"),
        position("OPS", "电商运营"),
    )
    order = scores(index, titles=["电商客服"])
    assert order["SHOP"] == 0.9 and order["SHOP"] > order["PHONE"] and order["OPS"] == 0
    assert scores(index, titles=["网店美工"])["ART"] == 0.9


def test_a_synonym_inside_a_longer_title():
    index = fair(position("A", "配送驾驶员（市内）"), position("B", "配送专员"), position("C", "驾驶员"))
    order = scores(index, titles=["配送司机"])
    assert order["A"] > order["C"] > 0 and order["B"] == 0


def test_the_synonym_list_is_reviewable_data():
    groups = title_synonyms()
    assert 40 <= len(groups) <= 300
    assert all(len(group) >= 2 for group in groups)
    words = [w for group in groups for w in group]
    assert len(words) == len(set(words))
    assert any({"普工", "操作工"} <= set(group) for group in groups)


def test_a_word_in_two_groups_is_an_error():
    with pytest.raises(ValueError, match="司机"):
        parse_title_synonyms([["司机", "驾驶员"], ["叉车司机", "司机"]])


def test_a_broader_job_meets_its_narrower_jobs_below_its_own():
    # 置业顾问 and 电话销售 are kinds of 销售 (the ``kinds`` of the synonym data); a 置业顾问 is no 业务员.
    index = fair(
        position("SALES", "业务员"),
        position("ESTATE", "置业顾问（住宅）", industry="real_estate"),
        position("PHONE", "电销专员"),
        position("COOK", "厨师"),
    )
    order = scores(index, titles=["销售"])
    assert order["SALES"] > order["ESTATE"] > 0 and order["PHONE"] > 0
    assert order["COOK"] == 0
    assert scores(index, titles=["置业顾问"])["SALES"] == 0  # the narrower wish does not widen
    # With the industry asked for, the narrower job of that industry comes first.
    assert_first(index, "ESTATE", above=("SALES",), titles=["销售"], industries=["房地产"])


def test_a_full_stack_wish_meets_front_and_back_end_titles_below_its_own():
    # A full-stack developer does both ends: the front-end and back-end titles are kinds of the wish.
    index = fair(
        position("FULL", "全栈开发工程师"),
        position("FRONT", "前端开发工程师"),
        position("JAVA", "Java开发工程师（医疗信息化）"),
        position("BACK", "后端开发工程师"),
        position("TEST", "软件测试工程师"),
        position("CLERK", "行政文员"),
    )
    order = scores(index, titles=["全栈工程师"])
    assert order["FULL"] > order["FRONT"] > 0 and order["JAVA"] > 0 and order["BACK"] > 0
    assert order.get("TEST", 0) < order["FRONT"] and order.get("CLERK", 0) == 0
    assert_first(index, "FULL", above=("FRONT", "BACK"), titles=["full stack developer"])


def test_a_broader_job_with_a_field_beside_it_meets_no_narrower_job():
    # 幼师 is a kind of 老师, but a 数学老师 is no kindergarten teacher: the field narrows the wish itself.
    index = fair(
        position("MATH", "小学数学老师"),
        position("KIDS", "幼儿园老师"),
        position("ENG", "英语老师"),
    )
    for wish in ("数学老师", "初中数学教师"):
        order = scores(index, titles=[wish])
        assert order["MATH"] > 0 and order["KIDS"] == 0, wish
    assert scores(index, titles=["英语老师"])["KIDS"] == 0
    # Seniority and role words are no field: 高级老师 still meets the narrower jobs.
    assert scores(index, titles=["老师"])["KIDS"] > 0 and scores(index, titles=["高级老师"])["KIDS"] > 0


def test_a_field_and_a_job_meet_the_jobs_titles_in_other_fields_below_its_own():
    # 化学老师 at a fair without one: the other subjects' teachers, at title_field (0.5), not nothing; the
    # same field first, and no other job (幼师 is a group of its own, 会计 no teacher).
    index = fair(
        position("CHEM", "高中化学教师"),
        position("MATH", "小学数学老师"),
        position("ENG", "英语教师（应届生）"),
        position("KIDS", "幼儿园老师"),
        position("ACC", "会计"),
    )
    order = scores(index, titles=["化学老师"])
    assert order["CHEM"] > order["MATH"] == order["ENG"] == pytest.approx(0.5)
    assert order["KIDS"] == order["ACC"] == 0
    without = fair(position("MATH", "小学数学老师"), position("ACC", "会计"))
    assert ranked(without, titles=["化学老师"])[0] == "MATH"
    # A job with no field is the broader job, met as before; a seniority word is no field.
    assert scores(without, titles=["老师"])["MATH"] > 0.5
    assert scores(without, titles=["高级会计"])["MATH"] == 0


def test_kinds_name_words_of_the_synonym_groups():
    kinds = title_kinds()
    words = {w for group in title_synonyms() for w in group}
    assert "销售" in kinds and "置业顾问" in kinds["销售"]
    assert all({broad, *narrow} <= words for broad, narrow in kinds.items())


def test_a_kind_naming_a_word_of_no_group_is_an_error():
    groups = parse_title_synonyms([["销售", "业务员"], ["置业顾问", "售楼员"]])
    assert parse_title_kinds({"销售": ["售楼员"]}, groups) == {"销售": ("售楼员",)}
    with pytest.raises(ValueError, match="房产销售"):
        parse_title_kinds({"销售": ["房产销售"]}, groups)


@pytest.fixture(scope="module")
def two_scripts():
    """Titles naming a skill by its Latin name or its Chinese one (the alias list's Android / 安卓)."""
    p = position
    return fair(
        p("ANDROID", "Android开发工程师"),
        p("IOS", "iOS开发工程师"),
        p("JAVA", "Java开发工程师"),
        p("CNC", "CNC操作工（两班倒）", industry="manufacturing"),
        p("LATHE", "普通车床工", industry="manufacturing"),
        p("OPERATOR", "操作工", industry="manufacturing"),
        p("CNC_PROGRAM", "CNC编程员", industry="manufacturing"),
        p("SEO", "搜索引擎优化专员", industry="ecommerce"),
        p("QC", "QC检验员", industry="manufacturing"),
    )


@pytest.mark.parametrize(
    ("wish", "expected", "traps_below"),
    [
        ("安卓开发", "ANDROID", ("IOS", "JAVA")),  # the Chinese name of a Latin-named skill
        ("安卓开发工程师", "ANDROID", ("IOS", "JAVA")),
        ("数控编程员", "CNC_PROGRAM", ("CNC", "OPERATOR")),  # 数控 is CNC, 编程 stays what it is
        ("SEO专员", "SEO", ()),  # and the other way round
    ],
)
def test_a_desired_title_in_the_other_script_finds_the_job(two_scripts, wish, expected, traps_below):
    assert_first(two_scripts, expected, above=traps_below, titles=[wish])


def test_an_alias_group_sharing_a_word_joins_the_title_group():
    # The alias list's QC / 质量检验 shares QC with the title group 质检员 / QC: 质量检验 joins that group.
    index = fair(position("QC", "QC专员"), position("OTHER", "行政专员"))
    assert_first(index, "QC", above=("OTHER",), titles=["质量检验专员"])


def test_a_title_written_in_chinese_meets_the_latin_wish():
    index = fair(
        position("ANDROID_CN", "安卓开发工程师"), position("IOS", "iOS开发工程师"), position("OTHER", "文员")
    )
    assert_first(index, "ANDROID_CN", above=("IOS",), titles=["Android开发"])
    assert scores(index, titles=["Android开发"]).get("OTHER", 0) == 0


def test_cross_script_groups_come_from_the_alias_list():
    from matching.aliases import cross_script_groups, initials_groups, parse_aliases

    rows = ["canonical\taliases\tcategory\tnote", "Android\t安卓|安卓开发|安卓系统开发\tsoftware\t",
            "Excel\t=表格|电子表格|xls\toffice\t", "教师资格证\t教资\teducation\t",
            "自然语言处理\tnlp|natural language processing\tdata\t",
            "会计\taccounting\tfinance\t"]  # fmt: skip
    table = parse_aliases(rows)
    # Latin names with their Chinese ones: no whole-input alias (=表格), no Latin alias, no Chinese skill, and
    # no name holding another (安卓开发 is 安卓 + 开发).
    assert cross_script_groups(table) == (("android", "安卓"), ("excel", "电子表格"))
    # A Chinese name with its Latin initials (NLP), not its English words (accounting, natural language
    # processing: words of their own in a title).
    assert initials_groups(table) == (("自然语言处理", "nlp"),)


def test_a_title_naming_a_chinese_named_skill_by_its_initials_meets_the_chinese_title():
    index = fair(
        position("NLP_CN", "自然语言处理算法研究员"),
        position("NLP", "NLP算法工程师"),
        position("CV", "图像算法工程师"),
        position("OTHER", "产品经理"),
    )
    assert_first(index, "NLP", above=("NLP_CN",), titles=["NLP算法工程师"])
    assert scores(index, titles=["NLP算法工程师"])["NLP_CN"] > scores(index, titles=["NLP算法工程师"])["CV"]
    assert_first(index, "NLP_CN", above=("CV",), titles=["自然语言处理"])
    assert scores(index, titles=["自然语言处理"]).get("NLP", 0) > 0


@pytest.mark.parametrize(
    ("wish", "expected"),
    [
        ("english teacher", "ENGLISH"),  # 英语 / english, then the teacher group
        ("recruiter", "RECRUIT"),
        ("real estate agent", "ESTATE"),
        ("warehouse", "STORE"),
        ("mechanical engineer", "MECH"),
        ("telesales", "PHONE"),
    ],
)
def test_english_names_of_the_fairs_jobs_for_seekers_on_the_english_page(wish, expected):
    index = fair(
        position("ENGLISH", "小学英语教师", industry="education"),
        position("ART", "美术老师", industry="education"),
        position("RECRUIT", "招聘专员（应届生可）"),
        position("ESTATE", "置业顾问", industry="real_estate"),
        position("STORE", "仓管员（原材料仓）", industry="logistics"),
        position("MECH", "机械设计工程师（二车间）", industry="manufacturing"),
        position("PHONE", "电话销售（双休）", industry="wholesale_retail"),
    )
    assert_first(index, expected, titles=[wish])


@pytest.fixture(scope="module")
def english_board():
    p = position
    return fair(
        p("PROCESS", "工艺工程师（七星园区）", industry="manufacturing"),
        p("EQUIP", "设备工程师", industry="manufacturing"),
        p("QUALITY", "质量工程师", industry="manufacturing"),
        p("INSPECT", "品质检验员（IQC）", industry="manufacturing"),
        p("OPERATOR", "操作工（夜班）", industry="manufacturing"),
        p("CNC", "CNC数控操机", industry="manufacturing"),
        p("MEDIA", "新媒体运营", industry="ecommerce"),
        p("ANALYST", "数据分析师（应届生可）", industry="software_it"),
        p("JAVA", "Java开发工程师", industry="software_it"),
        p("SALES_ENG", "销售工程师", industry="manufacturing"),
        p("SALES", "销售代表", industry="wholesale_retail"),
        p("MARKET", "市场专员", industry="wholesale_retail"),
        p("HR", "人事专员", industry="business_services"),
        p("ACCOUNT", "会计", industry="business_services"),
    )


@pytest.mark.parametrize(
    ("wish", "expected", "traps"),
    [
        ("process engineer", "PROCESS", ("EQUIP", "QUALITY")),  # field + role, as Chinese writes it
        ("Equipment Engineer", "EQUIP", ("PROCESS", "QUALITY")),
        ("quality inspector", "INSPECT", ("QUALITY",)),
        ("data analyst", "ANALYST", ("JAVA",)),
        ("marketing specialist", "MARKET", ("SALES",)),
        ("marketing", "MARKET", ("SALES",)),
        ("sales engineer", "SALES_ENG", ("SALES", "EQUIP")),  # a group's English word (sales) in a phrase
        ("HR specialist", "HR", ("MARKET",)),
        ("ＣＮＣ operator", "CNC", ("OPERATOR",)),  # the listed phrase before the group word operator
        ("new media operator", "MEDIA", ("OPERATOR",)),
        ("java developer", "JAVA", ("ANALYST",)),  # a word the fair knows (java) kept as written
        ("process engineers", "PROCESS", ("EQUIP",)),  # a plural read as its word
    ],
)
def test_a_wish_in_english_words_reads_as_the_chinese_title(english_board, wish, expected, traps):
    assert_first(english_board, expected, above=traps, titles=[wish])


@pytest.mark.parametrize(
    ("wish", "expected", "traps"),
    [
        ("ops engineer", "OPS", ("OPERATE",)),  # the trade's word for 运维
        ("operations engineer", "OPS", ("OPERATE",)),  # an engineer of operations runs systems: 运维
        ("SRE", "OPS", ("OPERATE",)),
        ("user operations", "USERS", ("OPERATE",)),  # 用户运营, not 运营 alone
        ("data scientist", "SCIENCE", ("ANALYST",)),
    ],
)
def test_an_english_tech_wish_reads_as_the_chinese_title(wish, expected, traps):
    board = fair(
        position("OPS", "运维工程师"),
        position("OPERATE", "运营专员"),
        position("USERS", "用户运营"),
        position("SCIENCE", "数据科学家"),
        position("ANALYST", "数据分析师"),
    )
    assert_first(board, expected, above=traps, titles=[wish])


def test_an_english_word_of_many_trades_names_no_job():
    # administrator or security may be 行政, 物业, IT or a building site's 安全员: they name none.
    board = fair(position("PROP", "物业管理员"), position("SAFE", "安全员"), position("STOCK", "仓库管理员"))
    for wish in ("administrator", "security", "security engineer", "database administrator"):
        assert not any(scores(board, titles=[wish]).values()), wish


def test_a_translated_wish_meets_its_title_at_a_group_words_credit(english_board):
    # An English wish is a reading, not the title as written: it scores as a group's English word does.
    translated = scores(english_board, titles=["process engineer"])["PROCESS"]
    grouped = scores(english_board, titles=["accountant"])["ACCOUNT"]
    written = scores(english_board, titles=["工艺工程师"])["PROCESS"]
    assert translated == grouped < written


def test_the_echo_shows_the_english_wish_and_the_title_it_met(english_board):
    echo = english_board.match({"titles": ["process engineer"]})["profile"]["titles"][0]
    assert echo["input"] == "process engineer"
    assert echo["matched"].startswith("工艺工程师")


@pytest.mark.parametrize("wish", ["kuaiji", "pugong", "blorp engineer"])
def test_a_wish_with_a_word_neither_listed_nor_known_is_not_translated(wish):
    from matching.titles import english_titles

    # Pinyin (kuaiji) and unknown words are left to the other readings: nothing is translated by halves.
    assert english_titles().translate(wish, lambda word: False) is None


def test_a_whole_group_word_keeps_its_group_reading():
    from matching.titles import english_titles

    assert english_titles().translate("customer service", lambda word: False) is None
    assert english_titles().translate("customer service specialist", lambda word: False) == "客服专员"


@pytest.mark.parametrize(
    ("wish", "expected"),
    [
        ("施工员", "CIVIL"),
        ("土木", "CIVIL"),
        ("土木工程师", "CIVIL"),
        ("售楼", "ESTATE"),
        ("售楼顾问", "ESTATE"),
    ],
)
def test_building_trades_by_their_other_names(wish, expected):
    """A site 施工员 or a 土木 graduate wants the civil engineering post, not the software one whose title
    holds 施工 across 实施 and 工程师; 售楼 is how seekers name the 置业顾问 who sells homes."""
    index = fair(
        position("CIVIL", "土建工程师（住宅项目）", industry="real_estate"),
        position("IMPL", "实施工程师（驻场）", industry="software_it"),
        position("ESTATE", "置业顾问", industry="real_estate"),
        position("DESK", "案场内勤", industry="real_estate"),
    )
    assert_first(index, expected, titles=[wish])


@pytest.mark.parametrize("wish", ["短视频运营", "抖音运营"])
def test_short_video_operations_is_new_media_operations(wish):
    """Running a brand's 抖音 or short-video account is the 新媒体运营 job; 直播运营 runs live shows and
    短视频剪辑 edits the videos."""
    index = fair(
        position("MEDIA", "新媒体运营（天猫店）", industry="ecommerce"),
        position("LIVE", "直播运营", industry="ecommerce"),
        position("EDIT", "短视频剪辑", industry="ecommerce"),
    )
    assert_first(index, "MEDIA", above=("LIVE", "EDIT"), titles=[wish])


@pytest.mark.parametrize(
    ("wish", "expected", "traps_below"),
    [
        ("牙医", "DENTIST", ("DOCTOR", "NURSE")),
        ("口腔医师", "DENTIST", ("DOCTOR", "NURSE")),
        ("西点师", "BAKER", ("PASTRY",)),  # Western baking, not the Chinese 面点 of dumplings and buns
        ("电焊", "WELDER", ("ELECTRICIAN",)),  # the trade named by its work: 电 is no electrician here
        ("进厂", "WORKER", ("WELDER",)),  # going into a factory: its general work
        ("进厂打工", "WORKER", ("WELDER",)),
    ],
)
def test_trades_by_the_names_seekers_use(wish, expected, traps_below):
    index = fair(
        position("DENTIST", "口腔医生", industry="health"),
        position("DOCTOR", "临床医生（内科）", industry="health"),
        position("NURSE", "护士", industry="health"),
        position("BAKER", "烘焙师", industry="catering"),
        position("PASTRY", "面点师", industry="catering"),
        position("WELDER", "焊工（总装线）", industry="manufacturing"),
        position("ELECTRICIAN", "电工", industry="manufacturing"),
        position("WORKER", "操作工（两班倒）", industry="manufacturing"),
    )
    assert_first(index, expected, above=traps_below, titles=[wish])


@pytest.mark.parametrize("wish", ["JS开发", "JavaScript开发", "js工程师"])
def test_a_wish_naming_javascript_is_front_end_development_not_java(wish):
    index = fair(
        position("FE", "前端开发工程师", industry="software_it"),
        position("JAVA", "Java开发工程师", industry="software_it"),
    )
    assert_first(index, "FE", above=("JAVA",), titles=[wish])


def test_a_wishs_chinese_field_lifts_no_other_job_in_it():
    index = fair(
        position("EMBEDDED", "嵌入式软件工程师"),
        position("TEST", "软件测试工程师"),
        position("JAVA", "Java开发工程师"),
        position("ARCHITECT", "Java架构师"),
        position("PM", "数据产品经理"),
        position("BIGDATA", "大数据产品开发工程师"),
    )
    developer = scores(index, titles=["软件开发"])  # 软件 is the field; 开发 the 程序员 job
    assert developer["TEST"] == 0 < min(developer["JAVA"], developer["EMBEDDED"])
    assert developer["JAVA"] == pytest.approx(index.weights.title_synonym * index.weights.title_kind)
    assert scores(index, titles=["产品经理"])["BIGDATA"] == 0  # a developer of data products
    assert scores(index, titles=["Java开发工程师"])["ARCHITECT"] > 0  # a technology holds its other jobs


def test_a_wishs_core_that_is_a_job_of_its_own_still_lifts_its_neighbours():
    index = fair(position("DRIVER", "配送司机"), position("LOADER", "送货司机+装卸"))
    assert scores(index, titles=["配送员"])["DRIVER"] > 0  # 配送 is the work, not a field (员 names none)
    assert scores(index, titles=["送货员"])["LOADER"] > 0


def test_a_wishs_field_still_lifts_the_narrower_jobs_of_its_own():
    index = fair(position("GO", "Go后端开发工程师（驻场）"), position("TEST", "后端测试工程师"))
    order = scores(index, titles=["后端开发实习生"])  # 后端开发: Go开发工程师 is one of its kinds
    assert order["GO"] > index.weights.title_synonym * index.weights.title_kind
    assert order["TEST"] < order["GO"]


@pytest.mark.parametrize(
    ("skill", "expected", "traps_below"),
    [
        # The alias list reads 仓库管理 as 仓储管理, and 烘焙 is a skill of its own; each names a job of the
        # synonym groups (仓管, 西点师) by one of its names, and meets its titles as that name does.
        ("仓库管理", "STORE", ("FORKLIFT",)),
        ("烘焙", "BAKER", ("COOK",)),
    ],
)
def test_a_skill_named_by_a_job_word_meets_that_jobs_titles(board, skill, expected, traps_below):
    assert_first(board, expected, above=traps_below, skills=[skill])


def test_a_wish_read_across_two_words_of_a_title_meets_nothing_there():
    # 施工 (building work) is in 实施工程师 only across 实施 + 工程师: a software implementer, no site job.
    index = fair(position("IMPL", "实施工程师"), position("SITE", "土建工程师"), position("OTHER", "文员"))
    assert_first(index, "SITE", above=("IMPL",), titles=["施工"])
    assert scores(index, titles=["施工"]).get("IMPL", 0) == 0
    assert_first(index, "IMPL", above=("SITE",), titles=["软件实施"])


@pytest.mark.parametrize(
    ("wish", "expected"),
    [
        ("UX", "UX"),
        ("UED", "UX"),
        ("用户体验设计师", "UX"),
        ("小编", "MEDIA"),
        ("公众号小编", "MEDIA"),
        ("售后专员", "SERVICE"),  # after-sales service: customer service
        ("信息流优化师", "ADS"),  # feed ads, bidding ads (竞价) and SEM: one ad placement job
        ("竞价专员", "ADS"),
        ("SEM", "ADS"),
    ],
)
def test_the_trades_short_names_for_a_job_meet_its_titles(wish, expected):
    # UX and UED (the user-experience department) are what design teams call the interaction designer; 小编
    # is the new-media editor of a public account: each met nothing where no title wrote it so.
    index = fair(
        position("SERVICE", "客服专员"),
        position("ADS", "广告投放专员"),
        position("UX", "交互设计师"),
        position("UI", "UI设计师"),
        position("MEDIA", "新媒体运营（公众号方向）"),
        position("EDIT", "视频剪辑"),
    )
    order = scores(index, titles=[wish])
    assert next(iter(order)) == expected and order[expected] >= 0.85, order
    assert sum(s > 0 for s in order.values()) == 1, order
