"""Reading noisy position titles: notes, pay and benefit phrases off; cores for role variants."""

from __future__ import annotations

import pytest

from matching.titles import clean_title, title_core


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("淘宝在线客服提供食宿缴纳五险", "淘宝在线客服"),
        ("急聘普工 7500月包吃住", "普工"),
        ("电商运营组长（天猫/拼多多）", "电商运营组长"),
        ("Java开发工程师（应届生可）", "java开发工程师"),
        ("【急招】数据分析师 8K-12K", "数据分析师"),
        ("保安 (包吃住) 4000-5000元/月", "保安"),
        ("操作工18-45岁", "操作工"),
        ("仓管员2名 月薪5000以上", "仓管员"),
        ("招聘专员", "招聘专员"),  # a real HR title, not an urgency word
        ("电商相关岗位", "电商"),  # the words a seeker wraps a wish in
        ("销售类工作", "销售"),
        ("大数据方向", "大数据"),
        ("想找一份会计的工作", "会计"),  # a wish written as a sentence
        ("我想做设计", "设计"),
        ("做会计", "会计"),  # a verb before the job, as people say it
        ("想操机", "操机"),
        ("当老师的", "老师"),  # and 的 after it: the one who does it
        ("做饭的", "做饭"),  # the verb is the job here: 饭 alone is none
        ("开车的", "开车"),
        ("做账员", "做账员"),  # a verb that begins a word stays: 做账, 当班, 干洗
        ("当班主管", "当班主管"),
        ("干洗工", "干洗工"),
        ("叉车司机 5000", "叉车司机"),  # what a seeker adds after the job: pay, school, sex, age
        ("会计 本科", "会计"),
        ("前台 女", "前台"),
        ("焊工 18岁", "焊工"),
        ("大专实习生", "大专实习生"),  # a school level inside a title is no note after it
        ("本科", "本科"),  # nothing left: as written
        ("前端er", "前端"),  # the English ending the trade puts on a Chinese job
        ("designer", "designer"),
        ("期望职位：Java开发", "java开发"),
        ("文员的岗位", "文员"),
        ("文职类", "文职"),  # a kind of work: 类 at the end, as 销售类工作 has it inside
        ("社会工作", "社会工作"),  # a job of its own (social work): its 工作 stays
        ("办公室工作", "办公室工作"),  # a word of the title groups (文员)
        ("带货主播（桂林米粉）", "带货主播"),
        ("桂林米粉主播", "桂林米粉主播"),  # a place with no 的 or 本地 after it is part of the job
        ("产品运营（信用卡类）", "产品运营"),
        ("C1司机", "c1司机"),
        ("包吃住", "包吃住"),  # nothing left after cleaning: keep what was written
        ("SMT工艺技术员 月薪5000-7400", "smt工艺技术员"),  # a pay range after its label
        ("长期招聘操作工（包装线）-七星区", "操作工"),  # a trailing place
        ("导购员 4.1K-5K 提成另计", "导购员"),
        ("Java开发-3年经验", "java开发"),
        ("打包工 计件 多劳多得", "打包工"),
        ("持证焊工（包吃住）", "焊工"),  # holding the paper is a requirement, not the job
        ("电工 持证", "电工"),  # as a seeker adds it to a wish
        ("java开发 应届生", "java开发"),  # the seeker's own standing after the job
        ("设计狮", "设计师"),  # the trade's self-mocking endings, read as the plain ones
        ("产品汪", "产品"),
        ("运营狗（应届）", "运营"),
        ("攻城狮", "攻城狮"),  # a word of a synonym group (程序员) as it stands
        ("舞狮", "舞狮"),  # a lion dancer: one character before the ending is a word of its own
    ],
)
def test_clean_title(title, clean):
    assert clean_title(title) == clean


def test_a_nicknamed_wish_finds_the_job():
    from .builders import assert_first, fair, position

    index = fair(position("PM", "产品经理"), position("UI", "UI设计师"), position("OPS", "新媒体运营"))
    assert_first(index, "PM", above=("UI", "OPS"), titles=["产品汪"])
    assert_first(index, "UI", above=("PM", "OPS"), titles=["设计狮"])
    assert_first(index, "OPS", above=("PM", "UI"), titles=["运营喵"])


@pytest.mark.parametrize(
    ("cleaned", "core"),
    [
        ("数据分析师", "数据分析"),
        ("数据分析专员", "数据分析"),
        ("高级java开发工程师", "java"),
        ("会计", "会计"),
        ("普工", "普工"),  # one character would be left: no core stripping
        ("senior java developer", "java"),
        ("senior data analyst", "data analyst"),  # "analyst" carries the domain: kept
        ("互联网运营", "运营"),  # the trade a seeker names before the job
        ("运营实习", "运营"),  # 实习 ends a title as 实习生 does
    ],
)
def test_title_core(cleaned, core):
    assert title_core(cleaned) == core
