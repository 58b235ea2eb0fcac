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


# ------------------------------------------------------------------ real letters' noise (issue 12, header)
def test_closing_block_anchored_on_its_date_past_lines_it_does_not_know() -> None:
    text = ("关于县九届人大二次会议第8号建议的答复\n孙强代表：\n今年将新建公园2个。\n某某县园林局\n2023年5月4日\n"
            "联系人：周红 联系电话：0812-3345678\n（依申请公开）\nA类——已解决\nB类——正在解决\n人:\n")
    header = parse_header(text)
    assert header.date == dt.date(2023, 5, 4)
    assert header.issuer == "某某县园林局"
    assert (header.handler, header.phone) == ("周红", "0812-3345678")
    assert header.classification is None  # a legend of the classes, one a line
    assert text[header.body_start:header.body_end].strip() == "今年将新建公园2个。"


def test_unknown_short_labels_and_a_truncated_label_belong_to_the_closing_block() -> None:
    text = ("关于县九届人大二次会议第8号建议的答复\n孙强代表：\n正文。\n分管领导:赵六\n人:钱七\n联系电话:7712345\n"
            "抄 报:县督查室\n某某县水务局\n2023年5月4日\n")
    header = parse_header(text)
    assert (header.handler, header.phone, header.cc) == ("钱七", "7712345", None)
    assert header.issuer == "某某县水务局"
    assert header.signer is None


@pytest.mark.parametrize(("line", "date"), [
    ("2019623", dt.date(2019, 6, 23)),
    ("20191105", dt.date(2019, 11, 5)),
    ("2019111", None),  # 1-11 or 11-1: no single reading
    ("二0一九年三月八日", dt.date(2019, 3, 8)),
])
def test_date_line_that_lost_its_characters(line: str, date: dt.date | None) -> None:
    text = f"关于第3号建议的答复\n孙强代表：\n正文。\n某某县林业局\n{line}\n"
    header = parse_header(text)
    assert header.date == date
    assert header.issuer == "某某县林业局"


def test_letter_on_one_line_is_split_at_salutation_closing_labels_and_date() -> None:
    text = ("某某县交通局关于县五届人大一次会议第12号代表建议的答复 | \n"
            "王五等代表: 你们提出的关于修路的建议已收悉,现答复如下: 今年计划新建道路3公里,力争年底前通车。"
            "我局将继续跟进。 专此答复。 签发人:钱六,承办人:孙七,联系电话:13912345678。 "
            "某某县交通运输局 2023年8月9日\n")
    header = parse_header(text)
    assert header.addressee == "王五等代表"
    assert (header.signer, header.handler, header.phone) == ("钱六", "孙七", "13912345678")
    assert header.date == dt.date(2023, 8, 9)
    assert header.issuer == "某某县交通运输局"
    body = text[header.body_start:header.body_end]
    assert body.lstrip().startswith("你们提出的") and "签发人" not in body


def test_salutation_that_runs_into_the_body() -> None:
    text = "关于第3号建议的答复\n李某代表：您好，您提出的关于路灯的建议收悉。" + "今年将安装路灯20盏。" * 8 + "\n某局\n"
    header = parse_header(text)
    assert header.addressee == "李某代表"
    assert text[header.body_start:].startswith("您好")


@pytest.mark.parametrize("salutation", [
    "钱七代表", "尊敬的钱七代表", "钱七等9名代表", "某某乡代表组",
    "赵一、钱二、孙三、李四、周五、吴六、郑七、王八、冯九、陈十代表",
])
def test_salutation_on_a_line_of_its_own_without_colon(salutation: str) -> None:
    text = f"关于县五届人大一次会议第3号建议的答复\n\n{salutation}\n\n提出的《关于路灯的建议》收悉,现答复如下:\n正文。"
    header = parse_header(text)
    assert header.addressee == salutation.removeprefix("尊敬的")
    assert text[header.body_start:].lstrip().startswith("提出的")


def test_bare_name_line_is_not_a_salutation_unless_the_body_follows() -> None:
    header = parse_header("某某县人大代表\n\n一、基本情况\n正文。\n")
    assert header.addressee is None


def test_salutation_in_a_table_cell() -> None:
    header = parse_header("| 关于第3号提案的答复 |\n| 周某委员： |\n您提出的提案收悉。\n")
    assert header.addressee == "周某委员"


@pytest.mark.parametrize(("line", "surface", "normalized"), [
    ("[2019]某政复函 7号(A类)", "[2019]某政复函 7号", "某政复函〔2019〕7号"),
    ("某建函〔202315   签发人：钱某", "某建函〔202315", "某建函〔2023〕15号"),
    ("建议字：〔2022〕6号", "建议字：〔2022〕6号", "建议字〔2022〕6号"),
])
def test_garbled_document_numbers(line: str, surface: str, normalized: str) -> None:
    header = parse_header(f"{line}\n关于县五届人大一次会议第3号建议的答复\n张三代表：\n正文。\n")
    assert header.doc_number == surface
    assert header.doc_number_normalized == normalized
    assert header.title == "关于县五届人大一次会议第3号建议的答复"


@pytest.mark.parametrize(("line", "grade"), [
    ("某农函〔2022〕7号B类", "B"), ("某农函〔2022〕7号(C类)", "C"), ("某农函〔2022〕7号 A", "A"),
    ("办理结果:(B)", "B"),
])
def test_result_class_glued_bracketed_or_alone_after_the_number(line: str, grade: str) -> None:
    header = parse_header(f"{line}\n关于第3号建议的答复\n张三代表：\n正文。\n")
    assert header.classification == grade


@pytest.mark.parametrize(("title", "issuer"), [
    ("2023年度某某县水务局关于县五届人大一次会议第3号建议的答复", "某某县水务局"),
    ("某某县人社局对县人大第五届一次会议第3号建议答复的函", "某某县人社局"),
    ("名 称: | 某教复字〔2022〕5号——某某县教育局关于县五届人大一次会议第3号建议的答复 | ||", "某某县教育局"),
])
def test_issuer_from_title_forms(title: str, issuer: str) -> None:
    header = parse_header(f"{title}\n张三代表：\n正文。\n")
    assert header.issuer == issuer
    assert header.session is not None and "五届" in header.session


def test_issuer_followed_by_a_label_on_its_line_and_office_before_the_contact_name() -> None:
    text = ("关于第3号建议的答复\n张三代表：\n正文。\n某某县教育局   联系电话：0871-6543210\n2021年3月1日\n"
            "联系人:某某县人民政府办公室 欧阳某某\n")
    header = parse_header(text)
    assert header.issuer == "某某县教育局"
    assert header.handler == "欧阳某某"


def test_proposal_number_of_many_digits_and_from_the_body() -> None:
    header = parse_header("关于第202401230056号建议的答复\n张三代表：\n正文。\n")
    assert header.number == "第202401230056号"
    header = parse_header("同意公开\n张三委员:\n你提出的《关于修路的建议》(第49号提案)收悉,现答复如下:\n正文。\n")
    assert (header.number, header.proposal_type) == ("第49号", "提案")


def test_proposal_type_from_the_acknowledgement_that_hands_it_over() -> None:
    header = parse_header("C\n王五委员:\n你们提出的“关于修建活动室的提案”,已交我们研究办理,现答复如下:\n正文。\n")
    assert header.proposal_type == "提案"


def test_session_over_two_title_lines_committee_only_and_lost_ordinals() -> None:
    header = parse_header("某某区农业局\n对某某区第七届人民代表大会\n第三次会议第20号建议的答复\n张三代表:\n正文。\n")
    assert (header.session, header.number) == ("某某区第七届人民代表大会第三次会议", "第20号")
    header = parse_header("某县水务局关于对县政协第九届委员会第33号提案的答复\n\n某乡委员组\n\n你们提出的提案收悉。\n")
    assert (header.session, header.number) == ("县政协第九届委员会", "第33号")
    header = parse_header("关于对某市第届人民代表大会第次会议\n23号建议的答复\n张三代表:\n正文。\n")
    assert (header.session, header.number) == ("某市第届人民代表大会第次会议", "第23号")


def test_number_alone_on_the_line_after_the_session() -> None:
    header = parse_header("关于修路的建议的答复\n县人大八届二次会议\n16\n建议人: 张三等\n\n张三等七位代表:\n正文。\n")
    assert (header.session, header.number) == ("县人大八届二次会议", "第16号")


@pytest.mark.parametrize(("line", "phone"), [
    ("联系方式：0739—7222109", "0739—7222109"), ("联系人及电话：钱某 823456", "823456"),
    ("(联系人:钱某   联系电话:1*******466", "1*******466"),
])
def test_contact_line_forms(line: str, phone: str) -> None:
    header = parse_header(f"关于第3号建议的答复\n张三代表：\n正文。\n某某局\n2021年3月1日\n{line}\n")
    assert header.phone == phone


def test_signer_named_in_running_text() -> None:
    text = "关于第3号建议的答复\n张三代表：\n正文。\n本答复已经陈某某局长审签。\n某某局\n2021年3月1日\n"
    assert parse_header(text).signer == "陈某某"
