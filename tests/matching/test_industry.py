"""Industry preferences in free text, and partial credit between related industries."""

from __future__ import annotations

import pytest

from matching.industry import industry_scores, resolve_industry_text, trade_words

from .builders import fair, position, ranked, result_for


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("互联网", ("software_it",)),
        ("IT", ("software_it",)),
        ("IT行业", ("software_it",)),
        ("码农", ("software_it",)),  # the trade's nickname for its programmers
        ("电商", ("ecommerce",)),
        ("電商", ("ecommerce",)),
        ("dianshang", ("ecommerce",)),
        ("E-Commerce", ("ecommerce",)),
        ("房产", ("real_estate",)),
        ("地产", ("real_estate",)),
        ("房地产公司", ("real_estate",)),
        ("不動產", ("real_estate",)),  # the Taiwan word, in traditional script
        ("房企", ("real_estate",)),  # the press's short word for real-estate firms
        ("家装公司", ("construction",)),
        # Trades by their short names, placed as GB/T 4754 places them.
        ("化工", ("manufacturing",)),
        ("纺织厂", ("manufacturing",)),
        ("電子", ("manufacturing",)),
        ("电子商务", ("ecommerce",)),  # the longer name wins over 电子
        ("制药", ("manufacturing",)),
        ("律所", ("business_services",)),  # L72: legal, accounting and security services
        ("会计师事务所", ("business_services",)),
        ("安保公司", ("business_services",)),
        ("美业", ("resident_services",)),
        ("动漫", ("culture_sports",)),
        ("驾校", ("education",)),
        ("社区团购", ("ecommerce",)),
        ("工厂", ("manufacturing",)),
        ("制造", ("manufacturing",)),
        ("零售", ("wholesale_retail",)),
        ("超市", ("wholesale_retail",)),
        ("外贸", ("wholesale_retail",)),  # foreign trade: GB/T 4754 puts import and export in F51
        ("进出口", ("wholesale_retail",)),
        ("教培", ("education",)),
        ("培训", ("education",)),
        ("software_it", ("software_it",)),
        ("批发和零售业", ("wholesale_retail",)),
        ("C39", ("manufacturing",)),
        ("互联网/电商", ("software_it", "ecommerce")),
        # Nicknames: the livestream and cross-border trades are e-commerce, the car trade by what it does.
        ("直播", ("ecommerce",)),
        ("直播行业", ("ecommerce",)),
        ("跨境", ("ecommerce",)),
        ("游戏", ("software_it",)),  # game studios: software and internet firms
        ("美妆", ("wholesale_retail",)),  # the shops' trades: cosmetics, baby goods, jewellery
        ("母婴用品", ("wholesale_retail",)),
        ("珠宝", ("wholesale_retail",)),
        ("母婴护理", ("health_social",)),  # care of mothers and babies is no shop's trade
        ("健身", ("culture_sports",)),
        ("宠物", ("resident_services",)),
        ("云计算", ("software_it",)),  # cloud firms: I65 information technology services
        ("SaaS", ("software_it",)),
        ("手游公司", ("software_it",)),
        ("汽车", ("manufacturing",)),
        ("汽车行业", ("manufacturing",)),
        ("新能源汽车", ("manufacturing",)),  # not the 新能源 of power plants
        ("新能源", ("utilities",)),
        ("汽车销售", ("wholesale_retail",)),
        ("汽车4S店", ("wholesale_retail",)),
        ("汽车维修", ("resident_services",)),
        ("芯片", ("manufacturing",)),
        ("物联网", ("software_it",)),  # the trades' short names
        ("区块链", ("software_it",)),
        ("运营商", ("software_it",)),
        ("互金", ("finance",)),
        ("基金", ("finance",)),
        ("光伏", ("manufacturing",)),
        ("食品", ("manufacturing",)),
        ("医美", ("health_social",)),
        ("二次元", ("culture_sports",)),
        ("外卖", ("hospitality",)),
        ("网约车", ("logistics",)),
        ("猎头", ("business_services",)),
        # More of the words seekers put for a trade, each where GB/T 4754 puts the firms they mean.
        ("硬件", ("manufacturing",)),
        ("智能硬件公司", ("manufacturing",)),
        ("家居", ("manufacturing",)),
        ("工业自动化", ("manufacturing",)),
        ("五金厂", ("manufacturing",)),
        ("模具", ("manufacturing",)),
        ("药店", ("wholesale_retail",)),  # F52: retail of medicines, not health care
        ("生鲜", ("wholesale_retail",)),
        ("奶茶店", ("hospitality",)),
        ("咖啡", ("hospitality",)),
        ("烘焙", ("hospitality",)),
        ("小贷公司", ("finance",)),
        ("电竞", ("culture_sports",)),
        ("MCN机构", ("culture_sports",)),
        ("农产品", ("agriculture",)),
        ("供应链", ("logistics",)),
        ("冷链物流", ("logistics",)),
        ("AI", ("software_it",)),
        ("AI行业", ("software_it",)),
        ("旅行社", ("business_services",)),  # L7291: travel agencies are business services
        ("天然气", ("utilities",)),
        ("石油", ("mining",)),
        ("带货", ("ecommerce",)),
        ("工地", ("construction",)),
        ("bank", ("finance",)),
        # The whole typed with a character of the same sound, the way a pinyin keyboard slips; two symbols
        # of one sound are often another word (衣料, cloth, is no 医疗).
        ("互连网", ("software_it",)),
        ("互連網", ("software_it",)),
        ("电子伤务", ("ecommerce",)),  # not the 电子 (electronics) it starts with
        ("衣料", ()),
        ("xyz", ()),
    ],
)
def test_free_text_resolves_to_fair_industry_keys(text, keys):
    assert resolve_industry_text(text) == keys


def test_related_industries_get_their_affinity():
    scores = industry_scores(("ecommerce",))
    assert scores["ecommerce"] == 1.0
    assert scores["wholesale_retail"] == 0.6
    assert scores["manufacturing"] == 0.0


@pytest.fixture(scope="module")
def trades():
    return fair(
        position("SHOP", "网店客服", "淘宝客服", industry="ecommerce"),
        position("ART", "电商美工", "Photoshop", industry="ecommerce"),
        position("PLANT", "操作工", "吃苦耐劳", industry="manufacturing"),
        position("DESIGN", "UI设计师", "Photoshop", industry="software_it"),
        position("ESTATE", "置业顾问", "房产销售", industry="real_estate"),
    )


def test_a_skill_naming_an_industry_the_fair_has_nowhere_reads_as_a_preference_for_it(trades):
    # A graduate lists the trade (or major) they know among skills: 电子商务 is no skill, title or description
    # of this fair, so it was matched by nothing; it now ranks the e-commerce positions first.
    answer = trades.match({"skills": ["電子商務", "Photoshop"]}, limit=5)
    assert [r["position"]["id"] for r in answer["results"][:2]] == ["ART", "DESIGN"]
    assert answer["profile"]["industries"] == [
        {"input": "電子商務", "key": "ecommerce", "keys": ["ecommerce"], "from": "skills"}
    ]
    alone = ranked(trades, skills=["电子商务"])
    assert set(alone[:2]) == {"SHOP", "ART"}


def test_an_alias_the_fair_has_nowhere_names_its_industry_too(trades):
    # 物流 and logistics are whole-skill aliases of 物流管理, which this fair lists nowhere.
    for skill in ("物流", "logistics"):
        industries = trades.match({"skills": [skill]}, limit=1)["profile"]["industries"]
        assert [(i["key"], i.get("from")) for i in industries] == [("logistics", "skills")], skill


def test_a_skill_the_fair_has_stays_a_skill_only(trades):
    # 电商 is written in a title (电商美工): the skill finds it there, and no industry is read into it.
    answer = trades.match({"skills": ["电商"]}, limit=5)
    assert answer["profile"]["industries"] == []
    assert answer["results"][0]["position"]["id"] == "ART"


@pytest.mark.parametrize("skill", ["R", "C", "厂", "电子商务运营经验"])
def test_codes_single_symbols_and_longer_texts_are_not_read_as_industries(trades, skill):
    # GB/T 4754 section letters (R, C) are skills too; 厂 is one symbol; a longer text only holds a name.
    assert trades.match({"skills": [skill]}, limit=1)["profile"]["industries"] == []


def test_an_industry_the_seeker_prefers_already_is_not_read_again(trades):
    answer = trades.match({"skills": ["电子商务"], "industries": ["电商"]}, limit=1)
    assert [i["input"] for i in answer["profile"]["industries"]] == ["电商"]


def test_a_kind_of_employer_among_the_industries_prefers_that_kind():
    # Graduates put 国企 (or 央企, 民企) where the form asks for industries: no industry, an employer kind.
    index = fair(
        position("PRIVATE", "会计", "用友", ownership="private", industry="manufacturing"),
        position("STATE", "会计", "用友", ownership="state_owned", industry="manufacturing"),
        position("OTHER", "普工", ownership="state_owned", industry="manufacturing"),
    )
    answer = index.match({"skills": ["用友"], "industries": ["国企"]})
    assert [r["position"]["id"] for r in answer["results"][:2]] == ["STATE", "PRIVATE"]
    assert answer["profile"]["industries"] == [
        {"input": "国企", "key": None, "keys": [], "ownership": "state_owned"}
    ]
    assert result_for(answer, "OTHER")["score"] > 0  # preferred as an industry is: a share of the score
    assert ranked(index, skills=["用友"], industries=["央企"])[0] == "STATE"
    assert ranked(index, skills=["用友"], industries=["民企"])[0] == "PRIVATE"
    # In pinyin too, as a phone keyboard leaves it.
    assert ranked(index, skills=["用友"], industries=["guoqi"])[0] == "STATE"
    assert ranked(index, skills=["用友"], industries=["Min Qi"])[0] == "PRIVATE"
    assert index.match({"industries": ["guoqi"]})["profile"]["industries"][0]["ownership"] == "state_owned"
    # An industry word stays an industry, and a word naming neither stays unknown.
    assert "ownership" not in index.match({"industries": ["制造业"]})["profile"]["industries"][0]
    unknown = index.match({"industries": ["实体"]})["profile"]["industries"][0]
    assert unknown == {"input": "实体", "key": None, "keys": []}


@pytest.fixture(scope="module")
def named_trades():
    def at(pid: str, title: str, name: str, industry: str) -> object:
        return position(pid, title, "沟通能力", industry=industry, employer=pid, employer_name=name)

    return fair(
        at("PHARMACY", "店员", "桂林翠竹医药连锁有限公司", "wholesale_retail"),
        at("GROCER", "店员", "桂林市青岚商贸有限公司", "wholesale_retail"),
        at("MEDIA", "新媒体运营", "广西驼峰文化传媒有限公司", "ecommerce"),
        at("SHOP", "新媒体运营", "广西象岩跨境电子商务有限公司", "ecommerce"),
        at("CHIPS", "客服专员", "桂林睿桂电子科技有限公司", "manufacturing"),
        at("CARS", "客服专员", "桂林市金穗汽车销售服务有限公司", "wholesale_retail"),
        at("PARTS", "客服专员", "广西智桂汽车零部件有限公司", "manufacturing"),
        at("SOFT", "客服专员", "桂林普贤软件有限公司", "software_it"),
    )


def test_a_trade_an_employers_name_holds_is_that_employers(named_trades):
    # 医药 and 传媒 name industries the fair has none of: before, nothing met them; the employers whose
    # names carry the trade are of it, whatever industry the fair files them under.
    answer = named_trades.match({"industries": ["医药行业"], "skills": ["沟通能力"]})
    assert answer["results"][0]["position"]["id"] == "PHARMACY"
    assert result_for(answer, "PHARMACY")["explanation"]["industry"]["score"] == 1.0
    assert result_for(answer, "GROCER")["explanation"]["industry"]["score"] < 1.0
    assert named_trades.match({"industries": ["医药"]})["matched"] == 1
    assert ranked(named_trades, titles=["新媒体运营"], industries=["传媒公司"])[0] == "MEDIA"
    # A trade of one of the fair's industries carried by an employer filed under another: the car dealer.
    cars = named_trades.match({"titles": ["客服专员"], "industries": ["汽车"]})
    assert result_for(cars, "CARS")["explanation"]["industry"]["score"] == 1.0
    assert (
        result_for(cars, "CARS")["score"]
        == result_for(cars, "PARTS")["score"]
        > result_for(cars, "SOFT")["score"]
    )
    # Only as that trade: 电子 in 电子商务 is e-commerce, not electronics; 电子科技 holds it.
    chips = named_trades.match({"titles": ["新媒体运营"], "industries": ["电子"]})
    assert result_for(chips, "SHOP")["explanation"]["industry"]["score"] < 1.0
    assert result_for(chips, "CHIPS")["explanation"]["industry"]["score"] == 1.0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("医药行业", ("医药",)),  # the employer word after it read off
        ("医疗相关", ("医疗相关", "医疗")),  # and the industry's words inside it
        ("新能源", ("新能源",)),  # an alias as a whole: not 能源 inside it
        ("互联网/电商", ("互联网电商", "互联网", "电商")),
        ("IT", ()),  # Chinese words only: IT is in no Chinese name
        ("国企", ()),  # a kind of employer, no trade
    ],
)
def test_the_trade_words_looked_for_in_employers_names(text, words):
    assert trade_words(text, resolve_industry_text(text)) == words


def test_a_text_naming_no_industry_is_looked_for_in_no_name(named_trades):
    # 桂林 and 有限 are in every name and name no trade: no position is preferred for them.
    for text in ("桂林", "有限公司"):
        answer = named_trades.match({"industries": [text]})
        assert answer["matched"] == 0, text


@pytest.fixture(scope="module")
def wished():
    return fair(
        position("SHOP", "电商运营", "淘宝", industry="ecommerce", ownership="private"),
        position("DEV", "前端开发", "Vue", industry="software_it", ownership="private"),
        position("PLANT", "操作工", industry="manufacturing", ownership="state_owned"),
        position("DESK", "行政文员", "Excel", industry="real_estate", ownership="private"),
    )


@pytest.mark.parametrize(
    ("wish", "first", "echoed"),
    [
        ("互联网", "DEV", {"key": "software_it"}),  # a trade written as the desired job
        ("工厂", "PLANT", {"key": "manufacturing"}),
        ("国企", "PLANT", {"ownership": "state_owned"}),  # a kind of employer, preferred as an industry is
        ("互联网公司", "DEV", {"key": "software_it"}),  # with the word for where one works after it
        ("想去工厂", "PLANT", {"key": "manufacturing"}),  # wrapped in a wish
        ("我想进国企单位", "PLANT", {"ownership": "state_owned"}),
        ("制造业企业", "PLANT", {"key": "manufacturing"}),
        ("体制内", "PLANT", {"ownership": "state_owned"}),  # graduates' word for the state's employers
    ],
)
def test_a_wish_naming_an_industry_and_no_job_reads_as_a_preference_for_it(wished, wish, first, echoed):
    answer = wished.match({"titles": [wish], "skills": ["Excel"]})
    title = answer["profile"]["titles"][0]
    assert title["read_as"] == "industries" and title["input"] == wish
    industry = answer["profile"]["industries"][0]
    assert industry["from"] == "titles" and echoed.items() <= industry.items()
    assert ranked(wished, titles=[wish])[0] == first
    assert not result_for(answer, first)["explanation"]["below_floor"]  # the industry is shared
    assert not result_for(answer, "DESK")["explanation"]["below_floor"]  # Excel still counts


def test_a_wish_that_finds_a_job_stays_a_wish_though_it_names_an_industry(wished):
    # Beside a wish that finds nothing, so the wishes are read again and only the check keeps this one.
    answer = wished.match({"titles": ["电商", "qqxxzz"]})  # 电商 names an industry, and meets 电商运营
    assert "read_as" not in answer["profile"]["titles"][0] and answer["profile"]["industries"] == []
    assert ranked(wished, titles=["电商"])[0] == "SHOP"


def test_a_wish_naming_an_industry_the_seeker_prefers_already_adds_nothing(wished):
    answer = wished.match({"titles": ["互联网"], "industries": ["IT"]})
    assert [i["input"] for i in answer["profile"]["industries"]] == ["IT"]
    assert answer["profile"]["titles"][0]["read_as"] == "industries"
