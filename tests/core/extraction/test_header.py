from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.extraction import parse_header

FULL = """常州市工业和信息化局文件

常工信复〔2021〕第39号

关于对常州市十六届人大五次会议代表建议 第021号的答复

魏农代表：

您提出的关于将以5G为代表的新基建纳入“十四五”规划重要内容的议案收悉。现答复如下：

2021年完成5G建设投资15亿元。

签发人：沈新峰

经办人：曹晓韬

联系电话：85681281

抄送：市政府办公室、市人大代表工委。
"""


def test_header_fields_of_a_full_letter() -> None:
    header = parse_header(FULL)
    assert header.to_dict() == {
        "doc_number": "常工信复〔2021〕第39号", "doc_number_normalized": "常工信复〔2021〕第39号",
        "issuer": "常州市工业和信息化局",
        "proposal_ref": {"session": "常州市十六届人大五次会议", "number": "第021号", "type": "建议"},
        "addressee": "魏农代表", "date": None, "signer": "沈新峰", "handler": "曹晓韬", "phone": "85681281",
        "cc": "市政府办公室、市人大代表工委", "classification": None,
    }
    assert header.is_letter
    assert FULL[header.body_start:header.body_end].strip().startswith("您提出的")
    assert FULL[header.body_start:header.body_end].strip().endswith("15亿元。")


def test_bracket_variants_class_and_chinese_date() -> None:
    text = ("潼关县民政局\n关于对政协十届三次会议第52号提案的答复\n签发人:杨宏亮\n潼民发【2024】275号 B类\n\n"
            "马青、周丽等委员:\n\n您提出的关于养老服务的建议,现答复如下:\n\n我县共建设养老机构3家。\n\n"
            "潼关县民政局\n二〇二四年六月二十七日\n")
    header = parse_header(text)
    assert header.doc_number == "潼民发【2024】275号"
    assert header.doc_number_normalized == "潼民发〔2024〕275号"
    assert header.proposal_type == "提案"  # the title wins over the body's wording
    assert (header.session, header.number) == ("政协十届三次会议", "第52号")
    assert header.addressee == "马青、周丽等委员"
    assert header.signer == "杨宏亮"
    assert header.classification == "B"
    assert header.date == dt.date(2024, 6, 27)
    assert header.issuer == "潼关县民政局"


def test_handler_is_the_undertaker_not_the_responsible_leader() -> None:
    text = ("对市政协九届四次会议第29号提案的\n\n答  复\n\n刘佳委员:\n\n现答复如下:\n\n正文。\n\n临湘市交通运输局\n\n"
            "2020年9月20日\n\n承办负责人:袁翰\n\n承办人及联系电话:鲁智  137-8903-2345\n")
    header = parse_header(text)
    assert header.signer is None
    assert header.handler == "鲁智"
    assert header.phone == "137-8903-2345"
    assert header.issuer == "临湘市交通运输局"
    assert header.date == dt.date(2020, 9, 20)
    assert (header.session, header.number, header.proposal_type) == ("市政协九届四次会议", "第29号", "提案")


def test_contact_person_when_no_handler_and_cited_documents_are_not_the_doc_number() -> None:
    text = ("对市十届人大六次会议第 33号建议的答复\n王天秀代表:\n根据《会议纪要》([2019]12号)精神,现答复如下。\n"
            "2021年7月30日\n联系单位及电话:舞钢市产业集聚区管委会 8339990 联系人:张进朝\n抄送:市人大选工委(2份)\n")
    header = parse_header(text)
    assert header.doc_number is None
    assert header.handler == "张进朝"
    assert header.phone == "8339990"
    assert header.issuer == "舞钢市产业集聚区管委会"
    assert header.number == "第33号"


def test_class_legend_is_not_a_class() -> None:
    text = "某局文件\n某复〔2022〕3号\n（A类：已解决；B类：正在解决；C类：留作参考）\n张三代表：\n正文。\n"
    assert parse_header(text).classification is None


def test_news_article_is_not_a_letter() -> None:
    header = parse_header("近年来，我市已开通5G基站11080个，5G个人用户达150万。\n")
    assert not header.is_letter
    assert header.addressee is None and header.doc_number is None


def test_two_character_name_padded_with_a_space() -> None:
    text = ("关于市七届人大三次会议第5号建议的答复\n张三代表：\n正文。\n某某市交通运输局\n2022年3月1日\n"
            "经办人：王 芳    手机：138 0000 1234\n")
    header = parse_header(text)
    assert header.handler == "王芳"
    assert header.phone == "138 0000 1234"


def test_contact_name_padded_with_a_full_width_space() -> None:
    text = "关于第5号提案的答复\n李四委员：\n正文。\n某某局\n2022年3月1日\n联系人：陈\u3000洁，电话：0731-2345678\n"
    assert parse_header(text).handler == "陈洁"


def test_phone_with_area_code_and_grouped_digits() -> None:
    text = "关于第5号提案的答复\n李四委员：\n正文。\n某某局\n2022年3月1日\n经办人：赵刚  联系电话：021-6543 2109\n"
    assert parse_header(text).phone == "021-6543 2109"


def test_doc_number_with_full_width_digits() -> None:
    text = "某某县教育局文件\n某教函〔２０２２〕１７号\n关于第5号建议的答复\n张三代表：\n正文。\n"
    header = parse_header(text)
    assert header.doc_number == "某教函〔２０２２〕１７号"
    assert header.doc_number_normalized == "某教函〔2022〕17号"


def test_doc_number_that_lost_its_brackets_keeps_the_spaces() -> None:
    text = "某卫函 2022 8号\n关于第5号建议的答复\n张三代表：\n正文。\n"
    header = parse_header(text)
    assert header.doc_number == "某卫函 2022 8号"
    assert header.doc_number_normalized == "某卫函〔2022〕8号"


def test_result_class_stated_after_the_body() -> None:
    text = ("关于第5号提案的答复\n李四委员：\n一、今年将新建公园2个。\n\n办理结果：C类\n\n感谢您的关心。\n"
            "某某局\n2022年3月1日\n")
    assert parse_header(text).classification == "C"


def test_note_on_the_classes_after_the_date_is_part_of_the_closing_block() -> None:
    text = ("关于第5号提案的答复\n李四委员：\n今年将新建公园2个。\n某某局\n二〇二二年三月一日\n\n"
            "（注：办理结果分为A、B、C三类，A类为已解决，B类为正在解决，C类为暂不能解决。）\n\n联系人：王 芳\n")
    header = parse_header(text)
    assert header.date == dt.date(2022, 3, 1)
    assert header.classification is None
    assert "注" not in text[header.body_start:header.body_end]


def test_labels_spaced_out_to_line_up() -> None:
    text = ("某卫函〔2023〕8号\n签 发 人：李明\n关于县政协九届二次会议第12号提案的答复\n张三委员：\n正文。\n"
            "某某县卫生健康局\n2023年6月1日\n经 办 人：王芳\n联 系 电 话：0731-1234567\n抄 送：县政协提案委。\n")
    header = parse_header(text)
    assert (header.signer, header.handler, header.phone) == ("李明", "王芳", "0731-1234567")
    assert header.cc == "县政协提案委"
    assert header.date == dt.date(2023, 6, 1)
    assert header.issuer == "某某县卫生健康局"


def test_name_followed_by_a_label_after_a_narrow_gap() -> None:
    text = "关于第12号建议的答复\n张三代表：\n正文。\n某某局\n2023年6月1日\n联系人：周晓燕 电话：0731-1234567\n"
    assert parse_header(text).handler == "周晓燕"


@pytest.mark.parametrize("line", ["答复类型：B类", "办理结果为B类", "（办复类别：B）"])
def test_result_class_label_variants(line: str) -> None:
    header = parse_header(f"某卫函〔2023〕8号\n{line}\n关于第12号建议的答复\n张三代表：\n正文。\n")
    assert header.classification == "B"
    assert header.proposal_type == "建议"
