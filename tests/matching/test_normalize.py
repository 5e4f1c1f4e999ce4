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


def test_symbols_between_words_separate_them():
    assert normalize("Java+Spring") == "java spring"
    assert normalize("node.js") == "node js"
    assert normalize("#直播#") == "直播"


def test_cjk_next_to_latin_is_a_word_boundary():
    assert tokens(normalize("Java开发")) == ("java", "开", "发")
    assert tokens(normalize("熟练使用Python进行数据分析"))[4] == "python"


def test_pinyin_key_is_toneless_and_phrase_aware():
    assert pinyin_key("会计") == "kuaiji"
    assert pinyin_key("會計") == "kuaiji"
    assert pinyin_key("淘宝运营") == "taobaoyunying"
    assert set(readings("会")) == {"hui", "kuai"}
