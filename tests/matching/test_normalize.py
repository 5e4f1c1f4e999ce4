"""Normalisation: width, case, script, separators, kept symbols, pinyin."""

from __future__ import annotations

import pytest

from matching.normalize import compact, normalize, pinyin_key, readings, tokens


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ＥＸＣＥＬ", "excel"),
        ("Ｐｙｔｈｏｎ３", "python3"),
        ("PHOTOSHOP", "photoshop"),
        ("電商運營", "电商运营"),
        ("會計", "会计"),
        ("軟體工程師", "软件工程师"),  # Taiwan vocabulary, not just characters
        ("資料庫", "数据库"),
        ("资料员", "资料员"),  # simplified text is left alone
        ("網路行銷企劃", "网络营销策划"),  # Taiwan words tw2sp keeps (data/taiwan_words.json)
        ("伺服器維護", "服务器维护"),
        ("試算表", "电子表格"),  # a spreadsheet, as Taiwan calls it
        ("堆高機", "叉车"),
        ("行销", "行销"),  # only text written traditionally changes its words
        # Mainland words holding a Taiwan term tw2sp rewrites keep their mainland sense: 资料员 (a site's
        # records clerk) was read as 数据员, 档案管理 (archives) as 文件管理, 工程资料 as 工程数据.
        ("資料員證", "资料员证"),
        ("檔案管理員", "档案管理员"),
        ("築業工程資料軟件", "筑业工程资料软件"),
        ("客戶資料整理", "客户资料整理"),
        ("資料分析", "数据分析"),  # the Taiwan term alone is still the mainland word
    ],
)
def test_width_case_and_script_fold(written, expected):
    assert normalize(written) == expected


def test_spaces_hyphens_and_case_give_one_key():
    assert compact("Spring Boot") == compact("spring-boot") == compact("SpringBoot") == "springboot"
    assert compact("Power BI") == compact("power_bi") == "powerbi"
    assert compact("淘宝 运营") == "淘宝运营"


def test_skill_symbols_survive_and_stay_distinct():
    keys = {compact(s) for s in ("C", "C++", "C#", ".NET", "Ｃ＃", "c ++")}
    assert keys == {"c", "c++", "c#", ".net"}
    assert normalize("c#开发") == "c#开发"


@pytest.mark.parametrize("typed", ["c + +", "c+ +", "C  +  +", "Ｃ ＋ ＋"])
def test_a_plus_plus_written_apart_is_still_c_plus_plus(typed):
    # Typed on a phone, the two pluses come apart; a lone plus still separates words (Java + Python).
    assert compact(typed) == "c++"
    assert normalize("Java + Python") == "java python"


def test_symbols_between_words_separate_them():
    assert normalize("Java+Spring") == "java spring"
    assert normalize("Java&Python") == "java python"
    assert normalize("C&C++") == "c c++"


def test_two_letters_joined_by_an_ampersand_are_one_abbreviation():
    assert normalize("负责R&D项目") == "负责rd项目"
    assert normalize("P&L") == normalize("p&l") == "pl"
    assert normalize("node.js") == "node js"
    assert normalize("#直播#") == "直播"


def test_letters_joined_by_dots_are_one_abbreviation():
    assert normalize("审核专员（C.Q.S）") == "审核专员 cqs"
    assert normalize("A.I.产品经理") == "ai产品经理"
    assert normalize("熟悉vue.js和.net") == "熟悉vue js和.net"  # a word's dot, a leading dot: no initials


def test_cjk_next_to_latin_is_a_word_boundary():
    assert tokens(normalize("Java开发")) == ("java", "开", "发")
    assert tokens(normalize("熟练使用Python进行数据分析"))[4] == "python"


def test_pinyin_key_is_toneless_and_phrase_aware():
    assert pinyin_key("会计") == "kuaiji"
    assert pinyin_key("會計") == "kuaiji"
    assert pinyin_key("淘宝运营") == "taobaoyunying"
    assert set(readings("会")) == {"hui", "kuai"}


def test_pinyin_table_reads_an_input_word_by_word_where_no_item_is_spelt_whole():
    from matching.pinyin import PinyinTable

    table = PinyinTable(["英语", "老师", "电商", "客服", "会计"])
    assert table.in_words("yingyu laoshi") == ["英语老师"]
    assert table.in_words("yīngyǔ lǎoshī") == ["英语老师"]  # tones read off
    assert table.in_words("英语 laoshi") == []  # Chinese in it: the mixed input's own path
    assert table.in_words("dianshangkefu") == ["电商客服"]  # unspaced: cut once
    assert table.in_words("yingyu qqq") == [] and table.in_words("kuaiji 2") == []
    # Two characters an item writes together are a word too, every spelling of them (会 kuai and hui).
    table = PinyinTable(["初中数学老师", "会计"])
    assert table.in_words("shuxue laoshi") == ["数学老师"]
    assert table.in_words("chuzhong kuaiji") == ["初中会计"] == table.in_words("chuzhong huiji")
    assert table.in_words("shuxue") == ["数学"]  # one word alone, two characters an item writes together
    # The last word may be the character an item ends with, a job's ending (师 of 工程师): not the first.
    table = PinyinTable(["设计", "工程师", "UI设计"])
    assert "设计师" in table.in_words("shejishi") and "设计师" in table.in_words("sheji shi")
    assert not any(name.startswith("师") for name in table.in_words("shi sheji"))


def test_pinyin_table_finds_what_the_input_spells_and_chinese_only_as_written():
    """Mixed input aligns unit by unit (会ji, kuaiji); an input with no pinyin in it spells only the items
    written exactly so, as aligning it against every item holding its characters would find."""
    from matching.pinyin import PinyinTable, _units, aligns

    items = ["会计", "会计师", "财务会计", "出纳", "電商運營", "电商运营", "Java开发", "计会"]
    table = PinyinTable(items)
    assert table.exact("kuaiji") == ["会计"]
    assert table.exact("会ji") == ["会计"]
    assert table.exact("chuna") == ["出纳"]
    queries = ["会计", "计会", "会计师", "电商运营", "電商運營", "会", "财会", "java开发"]
    queries += ["会计 2016", "会ji2"]  # digits spell no syllable
    for query in queries:
        expected = [i for i in table.items if aligns(_units(query), _units(i), prefix=False)]
        assert table.exact(query) == expected, query
    assert table.exact("电商运营") == ["電商運營", "电商运营"]  # one spelling in either script
