"""The curated alias list: size, consistency, the mappings a recruiter expects and the ones to avoid."""

from __future__ import annotations

import pytest

from matching.aliases import parse_aliases, skill_aliases

from .builders import fair, position, ranked, result_for, scores


def test_list_is_a_reviewable_size_and_every_row_has_a_category():
    table = skill_aliases()
    assert 150 <= len(table.entries) <= 400
    assert all(entry.category for entry in table.entries)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("JS", ("JavaScript",)),
        ("k8s", ("Kubernetes",)),
        ("K8S", ("Kubernetes",)),
        ("SpringBoot", ("Spring Boot",)),
        ("VueJS", ("Vue",)),
        ("golang", ("Go",)),
        ("C sharp", ("C#",)),
        ("cpp", ("C++",)),
        ("C#.NET", ("C#", ".NET")),  # one token to the normaliser: no list to split
        ("前端三件套", ("HTML", "CSS", "JavaScript")),
        ("ps", ("Photoshop",)),
        ("PR", ("Premiere",)),
        ("CAD", ("AutoCAD",)),
        ("表格", ("Excel",)),
        ("注会", ("CPA",)),
        ("初会", ("初级会计职称",)),
        ("教資", ("教师资格证",)),
        ("普通话二甲", ("普通话二级甲等",)),
        ("低压电工作业证", ("低压电工证",)),  # 低压 and 高压 are two papers: neither is the other
        ("品控", ("QC",)),  # quality control, as the food and factory trades call it
        ("特种作业操作证(电工)", ("电工证",)),
        ("法兰克", ("FANUC",)),  # the shop floor's name for the CNC controller
        ("发那科系统", ("FANUC",)),
        ("中式烹调师证", ("厨师证",)),  # the 厨师证's official name
        ("C1驾照", ("C1驾驶证",)),
        ("pdd", ("拼多多",)),
        ("CET-4", ("英语四级",)),
        ("R语言", ("R",)),
        ("RStudio", ("R",)),  # the IDE statistics courses teach R in
        ("TOPIK", ("韩语",)),  # the Korean test, as 托福 and JLPT are read
        ("月嫂", ("母婴护理",)),  # trades' everyday names for a skill
        ("按摩", ("推拿",)),
        ("临床试验", ("临床研究",)),
        ("HR六大模块", ("人力资源六大模块",)),
        ("绩效考核", ("薪酬绩效",)),
        ("应收应付", ("往来账",)),
        ("个税", ("税务",)),
        ("账务处理", ("会计",)),
        ("国际货运代理", ("货代",)),
        ("shopify", ("独立站",)),
        ("达芬奇", ("DaVinci Resolve",)),
        ("TS16949", ("IATF16949",)),  # the standard's former name
        ("西点", ("烘焙",)),
        ("call center", ("呼叫中心",)),
        ("登高作业证", ("高处作业证",)),  # one paper, three names
        ("消防证", ("消防设施操作员证",)),
        ("法务", ("法律事务",)),
        ("合同审核", ("合同管理",)),
        ("医药代表", ("医药销售",)),
        ("私域", ("社群运营",)),
        ("五笔", ("打字",)),
        ("地推", ("地面推广",)),  # sales' short name for promotion on the street
        ("劳动关系", ("员工关系",)),
        ("幼儿教育", ("学前教育",)),
        ("备课", ("课程设计",)),
        ("班主任", ("班级管理",)),
        ("奥数", ("奥数",)),
        ("车床", ("车工",)),
        ("抖店", ("抖音运营",)),
        ("巨量千川", ("信息流推广",)),
        ("预算员", ("工程造价",)),
        ("CO2保护焊", ("二保焊",)),
        ("失效模式分析", ("FMEA",)),
        ("餐厅服务", ("餐饮服务",)),
        ("酒店运营", ("酒店管理",)),
        ("携程", ("OTA运营",)),  # the travel platforms Guilin's hotels sell through
        ("秀米", ("公众号排版",)),
        ("Power BI", ("Power BI",)),
        ("JavaWeb", ("Java EE",)),  # how Chinese courses and résumés name Java EE
        ("微软办公软件", ("Office",)),
        ("PPTX", ("PPT",)),  # the file a seeker makes, for the tool
        ("xlsx", ("Excel",)),
        ("docx", ("Word",)),
        ("SSM框架", ("Spring", "Spring MVC", "MyBatis")),
        ("全国计算机等级考试二级", ("计算机二级",)),
        ("国二", ("计算机二级",)),  # as students call it
        ("Accounting", ("会计",)),  # English names of Chinese skills, for seekers on the English page
        ("teamwork", ("团队合作",)),
        ("Driving License", ("驾驶证",)),
        ("hard-working", ("吃苦耐劳",)),
        ("welding", ("电焊",)),
        ("warehouse management", ("仓储管理",)),
        ("electrician certificate", ("电工证",)),
        ("forklift", ("叉车证",)),
        ("Live Streaming", ("直播",)),
        ("teaching", ("课堂教学",)),
        ("教学", ("课堂教学",)),
        ("typing", ("打字",)),
        ("negotiation", ("商务谈判",)),
        ("quality inspection", ("QC",)),
        ("first aid", ("急救知识",)),
        ("leadership", ("团队管理",)),
        ("procurement", ("采购",)),
        ("tax", ("税务",)),
        ("piano", ("钢琴",)),
        ("english speaking", ("英语口语",)),
        ("merchandising", ("商品陈列",)),
        ("NX", ("UG",)),  # Siemens NX, the UG of today
        ("u3d", ("Unity",)),
        ("Unity3D", ("Unity",)),
        ("竞价", ("SEM",)),  # 百度竞价, as marketers say it
        ("tb运营", ("淘宝运营",)),
        ("dy运营", ("抖音运营",)),
        ("VLOOKUP", ("Excel",)),
        ("数分", ("数据分析",)),  # students' short name
        ("办公三件套", ("Word", "Excel", "PPT")),  # Excel's best-known function, as office workers list it
        # English names, for seekers on the English page.
        ("Microsoft Excel", ("Excel",)),
        ("MS PowerPoint", ("PPT",)),
        ("WPS表格", ("Excel",)),  # WPS Office's spreadsheet, its writer and its slides
        ("wps文字", ("Word",)),
        ("WPS演示", ("PPT",)),
        ("teacher certificate", ("教师资格证",)),
        ("Recruiting", ("招聘",)),  # as English postings tag the HR work
        ("跳舞", ("舞蹈",)),  # as kindergarten postings and their seekers write it
        ("弹琴", ("钢琴",)),
        ("市场调查", ("市场调研",)),
        ("CPR", ("急救知识",)),  # cardiopulmonary resuscitation, as nursing and safety postings list it
        ("心肺复苏", ("急救知识",)),
        ("Event Planning", ("活动策划",)),
        ("Driving", ("驾驶证",)),  # only as the whole skill: driving growth is no licence
        ("PLC programming", ("PLC",)),
        # A tool of a language named with its language: a seeker writing it knows both.
        ("python爬虫", ("Python", "爬虫")),
        ("Hive SQL", ("Hive", "SQL")),
        ("ant design vue", ("Ant Design", "Vue")),
    ],
)
def test_common_abbreviations_map_to_their_canonical(written, canonical):
    assert skill_aliases().canonicals_of(written) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("驾驶证C1", ("C1驾驶证",)),  # the class after the licence, as often as before it
        ("驾驶证A2", ("A类驾驶证",)),
        ("证书PMP", ("PMP",)),
        ("Java开发", None),  # turned, still no known skill
        ("开发Java", None),
    ],
)
def test_a_code_and_a_word_name_the_skill_in_either_order(written, canonical):
    assert skill_aliases().canonicals_of(written) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Excel2016", ("Excel",)),
        ("Office 2019", ("Office",)),
        ("AutoCAD2020", ("AutoCAD",)),
        ("C++11", ("C++",)),
        ("Java 8", ("Java",)),
        ("MySQL8.0", ("MySQL",)),
        ("Vue2.x", ("Vue",)),
        ("C1", ("C1驾驶证",)),  # a licence class, not the language C in version 1
        ("ISO14001", None),  # a standard's number is no version
    ],
)
def test_a_tools_version_is_read_off(written, canonical):
    assert skill_aliases().canonicals_of(written) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Office办公软件", ("Office",)),  # the skill's Latin and Chinese names together
        ("办公软件office", ("Office",)),
        ("Excel电子表格", ("Excel",)),
        ("安卓Android", ("Android",)),
        ("Java前端", None),  # two names of different things
        ("PS图像处理", None),  # a name and a word no alias of it
    ],
)
def test_a_skill_named_in_both_scripts_at_once_is_that_skill(written, canonical):
    assert skill_aliases().canonicals_of(written) == canonical


def test_a_posting_asking_office_in_both_scripts_is_met_by_office_in_full():
    index = fair(position("DESK", "文员", "Office办公软件"), position("CAD", "绘图员", "AutoCAD"))
    met = result_for(index.match({"skills": ["office"]}), "DESK")["explanation"]["skills"]["matched"]
    assert [(m["position"], m["similarity"]) for m in met] == [("Office办公软件", 1.0)]


def test_a_seeker_naming_the_version_meets_the_posting_naming_the_tool():
    index = fair(position("DESK", "文员", "Excel"), position("DRAW", "设计", "CorelDRAW"))
    assert scores(index, skills=["excel2016"])["DESK"] > 0


def test_a_licence_written_class_last_meets_the_posting_written_class_first():
    index = fair(
        position("CAR", "司机", "C1驾照"),
        position("TRUCK", "货车司机", "驾驶证B2"),
        position("DESK", "文员", "Excel"),
    )
    assert ranked(index, skills=["驾驶证C1"])[:1] == ["CAR"]
    assert scores(index, skills=["B2驾照"])["TRUCK"] > scores(index, skills=["B2驾照"])["CAR"] >= 0


def test_ambiguous_short_tokens_are_not_mapped_away():
    table = skill_aliases()
    assert table.canonicals_of("AI") is None
    assert table.canonicals_of("CV") is None
    assert table.canonicals_of("R") == ("R",)
    assert table.canonicals_of("Go") == ("Go",)
    assert table.canonicals_of("C") == ("C",)


def test_whole_only_aliases_are_not_replaced_inside_texts():
    table = skill_aliases()
    assert "pr" not in table.word_level  # PR经理 is public relations
    assert "ae" not in table.word_level
    assert table.word_level["js"] == "javascript"
    assert table.word_level["k8s"] == "kubernetes"


def test_an_alias_claimed_by_two_canonicals_is_an_error():
    lines = ["canonical\taliases\tcategory\tnote", "Excel\t表格\toffice\t", "Word\t表格\toffice\t"]
    with pytest.raises(ValueError, match="表格"):
        parse_aliases(lines)


def test_an_english_word_of_running_text_names_no_soft_skill():
    # "responsible" is 责任心 as a whole skill; "Responsible for ..." in a description is no mention of it.
    index = fair(
        position("LISTS", "行政文员", "责任心"),
        position("TEXT", "Sales assistant", "Excel", description="Responsible for customer accounts."),
    )
    assert index.reader.skill("Responsible").forms[0].display == "责任心"
    assert ranked(index, skills=["责任心"]) == ["LISTS", "TEXT"]
    assert scores(index, skills=["责任心"])["TEXT"] == 0


def test_a_benefits_heading_in_a_description_names_no_hr_skill():
    # 薪酬福利 heads a posting's pay and benefits (有竞争力的薪酬福利); as a whole skill it is the HR work.
    index = fair(
        position("HR", "人事专员", description="负责薪酬绩效核算、员工关系"),
        position("DEV", "Java开发工程师", "Java", description="除了有竞争力的薪酬福利外，还提供成长空间"),
    )
    assert index.reader.skill("薪酬福利").forms[0].display == "薪酬绩效"
    assert scores(index, skills=["薪酬绩效"]).get("DEV", 0) == 0
    assert scores(index, skills=["薪酬福利"]).get("DEV", 0) == 0
    assert ranked(index, skills=["薪酬福利"])[0] == "HR"


def test_social_insurance_in_a_benefits_line_names_no_hr_skill():
    # 社保 alone is the HR work as a whole skill only: 入职缴纳社保 in a description offers it as a benefit.
    index = fair(
        position("HR", "人事专员", "招聘", "社保办理"),
        position("DEV", "Java开发工程师", "Java", description="入职缴纳社保，双休"),
    )
    assert scores(index, skills=["社保"]).get("DEV", 0) == 0
    assert ranked(index, skills=["社保"])[0] == "HR"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("懂电脑", "计算机基础"),
        ("电脑操作", "计算机基础"),
        ("computer skills", "计算机基础"),
        ("会剪视频", "视频剪辑"),
        ("熟悉淘宝后台", "淘宝运营"),
        ("画画", "美术"),
        ("看图", "机械制图"),  # reading drawings, as a machinist says it
        ("会修图", "Photoshop"),  # retouching photos: the tool it is done with
        ("熟悉各种办公软件", "Office"),  # 各种, 各类, 常用 before the skill say how many, not which
        ("熟悉常用办公软件", "Office"),
        ("擅长写作", "文案"),
        ("文笔好", "文案"),
        ("沟通协调能力", "沟通能力"),
        ("视觉设计", "平面设计"),
        ("社保", "社保办理"),  # an HR clerk's social-insurance work, by its short name
        ("会算工资", "薪酬核算"),
        ("善于沟通", "沟通能力"),  # 善于, 擅于, 乐于, 懂得, 熟知 lead a skill as 擅长 and 熟悉 do
        ("擅于表达", "沟通能力"),
        ("乐于沟通", "沟通能力"),
        ("善于学习", "学习能力"),
        ("懂得PS", "Photoshop"),
        ("熟知Excel", "Excel"),
        ("修电脑", "电脑维护"),  # the work as graduates say it, for the skill posts list
        ("会修电脑", "电脑维护"),
        ("盘点库存", "盘点"),
        ("商品盘点", "盘点"),
    ],
)
def test_how_seekers_say_everyday_skills_reads_as_the_skill(typed, canonical):
    index = fair(position("ANY", "文员", "Excel"))
    assert index.reader.skill(typed).forms[0].display == canonical


def test_learning_alone_is_the_soft_skill_not_machine_learning():
    # 学习 and 表达 alone are the soft skills (学习能力, 沟通能力) and only as the whole skill: 机器学习 and
    # 深度学习 hold 学习 but are no ability to learn.
    index = fair(
        position("ML", "算法工程师", "机器学习", "深度学习"),
        position("CLERK", "储备干部", "学习能力", "沟通能力"),
    )
    for typed in ("学习", "善于学习"):
        assert ranked(index, skills=[typed])[0] == "CLERK"
        assert scores(index, skills=[typed]).get("ML", 0) == 0
    assert scores(index, skills=["机器学习"]).get("CLERK", 0) == 0


def test_a_sentence_of_skills_joined_by_words_reads_as_each_of_them():
    index = fair(position("ANY", "文员", "Excel"))
    read = index.reader.skill("熟练使用各类办公软件以及具备良好的沟通协调能力和团队合作精神")
    assert [f.display for f in read.forms] == ["Office", "沟通能力", "团队合作"]


def test_a_computer_in_a_description_is_no_computer_skill():
    # 电脑 alone is a whole skill only: 公司提供电脑 offers one, 熟练电脑操作 asks for the skill.
    index = fair(
        position("CLERK", "文员", description="要求熟练电脑操作"),
        position("OFFER", "销售代表", description="公司提供电脑和工作餐"),
    )
    assert ranked(index, skills=["电脑"])[0] == "CLERK"
    assert scores(index, skills=["电脑"]).get("OFFER", 0) == 0


@pytest.fixture(scope="module")
def two_trades():
    return fair(
        position("ART", "平面设计师", "Illustrator", "CorelDRAW", industry="culture_sports"),
        position("ML", "算法工程师", "人工智能", "TensorFlow"),
        position("SAYS_AI", "产品经理", "AI"),
    )


@pytest.mark.parametrize(
    ("profile", "meant", "other", "name"),
    [
        ({"skills": ["PS", "AI"]}, "ART", "ML", "Illustrator"),  # beside Photoshop: Illustrator
        ({"skills": ["ai", "CDR"]}, "ART", "ML", "Illustrator"),
        ({"skills": ["AI"], "titles": ["平面设计"]}, "ART", "ML", "Illustrator"),  # the wish counts too
        ({"skills": ["Python", "AI"]}, "ML", "ART", "人工智能"),  # beside Python: 人工智能
        ({"skills": ["AI", "TensorFlow"]}, "ML", "ART", "人工智能"),
    ],
)
def test_ai_is_read_in_the_trade_of_the_seekers_other_skills(two_trades, profile, meant, other, name):
    answer = two_trades.match(profile)
    typed = next(s for s in profile["skills"] if s.lower() == "ai")
    matched = result_for(answer, meant)["explanation"]["skills"]["matched"]
    assert {"candidate": typed, "position": name} in [
        {"candidate": m["candidate"], "position": m["position"]} for m in matched
    ]
    assert scores(two_trades, **profile).get(other, 0) == 0
    assert scores(two_trades, **profile)["SAYS_AI"] > 0  # the reading as written stays: AI itself is met


def test_ai_in_a_phrase_is_read_in_the_trade_of_the_seekers_other_skills(two_trades):
    # 熟悉AI reads as AI, and beside PS (or in a list of design tools) as Illustrator too.
    for profile in ({"skills": ["PS", "熟悉AI"]}, {"skills": ["精通PS，熟悉AI，会用CDR"]}):
        matched = result_for(two_trades.match(profile), "ART")["explanation"]["skills"]["matched"]
        assert "Illustrator" in [m["position"] for m in matched], profile
        assert scores(two_trades, **profile).get("ML", 0) == 0


def test_ai_alone_is_read_as_written(two_trades):
    echo = two_trades.match({"skills": ["AI"]})["profile"]["skills"][0]
    assert (echo["via"], echo.get("expands")) == ("text", None)
    assert set(pid for pid, score in scores(two_trades, skills=["AI"]).items() if score > 0) == {"SAYS_AI"}


def test_oc_beside_an_ios_developers_skills_is_objective_c_and_alone_as_written():
    index = fair(
        position("IOS", "iOS开发", "Objective-C", "Swift"),
        position("OPS", "运维", "Linux"),
    )
    echo = index.match({"skills": ["OC", "Swift"]})["profile"]["skills"][0]
    assert (echo["matched"], echo["via"]) == ("Objective-C", "alias")
    alone = index.match({"skills": ["OC"]})["profile"]["skills"][0]
    assert (alone["matched"], alone["via"]) == (None, "text")


@pytest.mark.parametrize(
    ("profile", "meant", "name"),
    [
        ({"skills": ["PR"]}, "VIDEO", "Premiere"),  # alone: the video editor's tool, as before
        ({"skills": ["PR", "PS"]}, "VIDEO", "Premiere"),  # beside a design tool: the same
        ({"skills": ["PR", "剪辑"]}, "VIDEO", "Premiere"),
        ({"skills": ["PR", "品牌策划"]}, "PUBLIC", "公关"),  # beside a marketer's skill: public relations
        ({"skills": ["PR"], "titles": ["公关经理"]}, "PUBLIC", "公关"),  # with a PR wish
        ({"skills": ["PR", "公关"]}, "PUBLIC", "公关"),  # beside a skill of no category holding its word
    ],
)
def test_pr_is_read_in_the_trade_of_the_seekers_other_skills(profile, meant, name):
    # PR is Premiere as a whole skill; a public-relations seeker's PR met the video editor's post (and nothing
    # of public relations) however plainly the rest of the profile named the trade.
    index = fair(
        position("VIDEO", "视频后期剪辑", "Premiere", "After Effects"),
        position("PUBLIC", "公关专员", "公共关系", "文案"),
        position("NIGHT", "夜场公关", "形象气质"),
    )
    answer = index.match(profile)
    assert answer["profile"]["skills"][0]["matched"] == name
    assert answer["results"][0]["position"]["id"] == meant
    other = "PUBLIC" if meant == "VIDEO" else "VIDEO"
    matched = result_for(answer, other)["explanation"]["skills"]["matched"]
    assert "PR" not in [m["candidate"] for m in matched]


def test_gongguan_is_read_as_written_not_as_an_alias_of_public_relations():
    # 公关 names the public-relations trade in 公关经理 and hostess work in 夜场公关: as an alias of 公共关系
    # it lost the titles writing it, which met 公共关系 by no name of theirs.
    index = fair(position("PR", "公关经理"), position("REL", "品牌专员", "公共关系"), position("X", "出纳"))
    echo = index.match({"skills": ["公关"]})["profile"]["skills"][0]
    assert (echo["matched"], echo["via"]) == ("公关", "text")
    assert ranked(index, skills=["公关"])[0] == "PR"


def test_a_word_the_fair_never_names_beside_a_developers_skills_is_no_short_skill():
    # Maven, Tomcat: words no position writes encode as every unknown word does, as OC does where the fair
    # never writes OC; they were read as OC beside Java and met the iOS posts as Objective-C.
    index = fair(
        position("IOS", "iOS开发", "Objective-C", "Swift"),
        position("JAVA", "Java开发", "Java", "MySQL"),
    )
    for word in ("Maven", "Tomcat", "Vite"):
        answer = index.match({"skills": ["Java", word]})
        echo = answer["profile"]["skills"][1]
        assert (echo["via"], echo.get("expands")) == ("text", None), echo
        assert scores(index, skills=["Java", word]).get("IOS", 0) == 0


@pytest.mark.parametrize(
    "profile",
    [
        {"skills": ["预算", "广联达"]},
        {"skills": ["预算"], "titles": ["土木"]},
        {"skills": ["预算"], "titles": ["造价员"]},
    ],
)
def test_a_builders_budget_beside_building_skills_or_wish_is_cost_estimating(profile):
    index = fair(
        position("COST", "造价员", "工程造价", "广联达", industry="real_estate"),
        position("ACC", "会计", "财务管理", "用友", industry="manufacturing"),
    )
    matched = result_for(index.match(profile), "COST")["explanation"]["skills"]["matched"]
    assert {"candidate": "预算", "position": "工程造价"} in [
        {"candidate": m["candidate"], "position": m["position"]} for m in matched
    ]
    alone = index.match({"skills": ["预算"], "titles": ["会计"]})
    assert (
        result_for(alone, "COST")["explanation"]["skills"]["matched"] == []
    )  # no trade beside it: as written
