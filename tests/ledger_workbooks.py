"""Foreign ledgers (台账) as offices keep them, built as real .xlsx files for the import tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

CHANGZHOU_HEADERS = ("序号", "建议编号", "建议标题", "领衔代表", "主办单位", "会办单位", "办理结果", "答复日期",
                     "答复文号", "代表意见", "承诺事项", "完成时限", "落实情况", "备注")


def changzhou_ledger(path: Path, *, newer: bool = False) -> Path:
    """Merged title rows, the header on row 3, one proposal over two rows (merged cells down its columns),
    dates as an Excel date and as text, a blank row and a totals row. ``newer`` is the same ledger some weeks
    later: a reply date corrected, a rating added, one more commitment."""
    wb = Workbook()
    ws = wb.active
    ws.title = "建议台账"
    ws.append(["常州市十六届人大五次会议代表建议办理台账"])
    ws.merge_cells("A1:N1")
    ws.append(["填报单位：常州市工业和信息化局", None, None, None, None, None, None, None, None, None, "2021年12月"])
    ws.merge_cells("A2:J2")
    ws.append(list(CHANGZHOU_HEADERS))
    ws.append([1, "第021号", "关于将以5G为代表的新基建纳入“十四五”规划重要内容的建议", "魏农",
               "常州市工业和信息化局", "市发改委、市通信管理办", "A", dt.datetime(2021, 6, 8), "常工信复〔2021〕第39号",
               "满意", "2021年完成5G建设投资15亿元", "2021年底", "已完成投资16亿元", None])
    ws.append([None, None, None, None, None, None, None, None, None, None, "累计开通基站数超1万个",
               dt.datetime(2021, 12, 31), "截至2022年3月已开通11080个", "见常州日报2022-03-03"])
    for column in "ABCDEFGHIJ":
        ws.merge_cells(f"{column}4:{column}5")
    ws.append([2, "第035号", "关于加快工业互联网标识解析体系建设的建议", "张敏、李强", "常州市工业和信息化局", None,
               "B", "2021.6.10" if not newer else "2021.6.9", "常工信复〔2021〕第40号",
               None if not newer else "基本满意",
               "5个标识解析二级节点全部上线运营", "2021年6月底", None, None])
    if newer:
        ws.append([None, "第035号", "关于加快工业互联网标识解析体系建设的建议", "张敏、李强", "常州市工业和信息化局",
                   None, "B", "2021.6.9", "常工信复〔2021〕第40号", "基本满意", "标识注册量达2.5亿",
                   "2021年12月31日", None,
                   None])
    ws.append([])
    ws.append(["合计", "2件", None, None, None, None, None, None, None, None, "3项"])
    wb.save(path)
    return path


def cppcc_ledger(path: Path, *, bad: bool = True) -> Path:
    """A CPPCC office's ledger: other header names, dates in Chinese numerals, 甲/乙 classes; with ``bad``, two
    rows that cannot be imported (an impossible date and an unknown rating; a broken document number)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "提案办理"
    ws.append(["政协常州市十四届五次会议提案办理情况一览表"])
    ws.merge_cells("A1:L1")
    ws.append(["提案号", "案由", "提案人", "承办单位", "协办单位", "答复类别", "办结时间", "复函文号", "满意度",
               "落实措施", "完成时间", "进展"])
    ws.append(["0101", "关于推进中小企业数字化转型的提案", "王芳", "常州市工业和信息化局", "市财政局",
               "甲类", "二〇二一年六月十日", "常工信复〔2021〕第52号", "满意", "组织100家企业开展数字化诊断",
               "2021年12月31日",
               "已诊断64家"])
    ws.append(["0102", "关于支持专精特新企业发展的提案", "陈明", "常州市工业和信息化局", None, "乙类",
               "2021-13-40" if bad else "2021-06-20", "常工信复〔2021〕第53号", "还行" if bad else "满意", None, None,
               None])
    ws.append(["0103", "关于加强工业园区安全管理的提案", "刘洋", "常州市应急管理局", None, "乙类", "2021年6月15日",
               "应急复2021-7" if bad else "常应急复〔2021〕第7号", "基本满意", None, None, None])
    wb.save(path)
    return path


def minimal_ledger(path: Path) -> Path:
    """No title rows and few columns, with near names: no session, no document numbers, no ratings."""
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "建议标题名称", "领衔代表姓名", "主办单位", "答复 时间", "无关列"])
    ws.append(["7", "关于优化营商环境的建议", "赵磊", "常州市政务办", dt.datetime(2022, 5, 30), "x"])
    ws.append(["8", "关于完善公共充电设施的建议", "孙丽", "常州市工业和信息化局", "2022年5月28日", "y"])
    wb.save(path)
    return path


OFFICE_HEADERS = ("序号", "建议编号", "建议标题", "领衔代表", "主办单位", "会办单位", "办理结果", "交办日期",
                  "答复日期", "答复文号", "代表意见", "承诺事项", "完成时限", "落实情况", "备注")


def office_year_ledger(path: Path) -> Path:
    """An office's ledger as kept year by year: one sheet per year, a title of year and body only
    (2021年市人大代表建议办理情况台账, no session), the date it was filled in, result classes and ratings as words,
    promises with figures and 落实情况 that states figures (已完成32个 for a promise of 30个), no 答复期限 column,
    a footer of signatures. Both sheets have a proposal 第1号: they are different proposals."""
    wb = Workbook()
    first = wb.active
    first.title = "2021年"
    _office_sheet(first, 2021, [
        [1, "第1号", "关于加快推进智能工厂建设的建议", "王伟", "常州市工业和信息化局",
         "市发改委（市粮食和物资储备局）、市财政局", "解决采纳", dt.datetime(2021, 3, 10), dt.datetime(2021, 5, 28),
         "常工信复〔2021〕第12号", "满意", "2021年底前建成30个智能工厂", "2021年底", "已完成32个", None],
        [2, "第2号", "关于加快5G网络建设的建议", "李娜、周强", "常州市工业和信息化局", "市通信管理办", "列入计划",
         dt.datetime(2021, 3, 10), dt.datetime(2021, 6, 2), "常工信复〔2021〕第15号", "基本满意",
         "2021年新建5G基站1000个", "2021年12月31日", "完成1200个", "见市通信管理办统计"],
        [3, "第3号", "关于设立工业遗产保护基金的建议", "赵敏", "常州市工业和信息化局", None, "留作参考",
         dt.datetime(2021, 3, 10), dt.datetime(2021, 6, 5), "常工信复〔2021〕第18号", "未反馈", None, None, None,
         "代表未反馈意见"],
    ])
    second = wb.create_sheet("2022年")
    _office_sheet(second, 2022, [
        [1, "第1号", "关于支持专精特新企业发展的建议", "孙丽", "常州市工业和信息化局", None, "已解决", "3月8日",
         "5月30日", "常工信复〔2022〕第7号", "满意", "到2022年底累计培育专精特新企业100家", "2022年底", "已培育85家",
         None],
        [2, "第2号", "关于推进工业互联网平台建设的建议", "钱进", "常州市工业和信息化局", "市科技局", "正在解决",
         "3月8日", "6月1日", "常工信复〔2022〕第9号", "满意", "到2025年建成工业互联网平台20个", "2025年底", "已建成6个",
         None],
    ])
    wb.save(path)
    return path


def _office_sheet(ws, year: int, rows: list[list]) -> None:
    ws.append([f"{year}年市人大代表建议办理情况台账"])
    ws.merge_cells("A1:O1")
    ws.append([f"填报单位：常州市工业和信息化局　　填报时间：{year + 1}年3月31日"])
    ws.merge_cells("A2:O2")
    ws.append(list(OFFICE_HEADERS))
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append(["填表人：张三", None, None, "审核人：李四", None, None, None, "联系电话：0519-85681234"])


# --------------------------------------------------------------------------------------------- more office shapes
SIMPLE_HEADERS = ("序号", "建议编号", "建议标题", "领衔代表", "主办单位", "办理结果", "答复日期", "代表意见",
                  "承诺事项", "落实情况")
SIMPLE_ROWS = (
    (1, "第5号", "关于建设智慧停车系统的建议", "陈刚", "常州市住房和城乡建设局", "B类", "2021-06-20", "满意",
     "2021年底前新增公共停车泊位2000个", "已新增2300个"),
    (2, "第6号", "关于完善社区养老服务的建议", "林芳", "常州市民政局", "A类", "2021-06-22", "基本满意", None, None),
)


def two_row_header_ledger(path: Path) -> Path:
    """A header over two rows: group names merged across their columns above (答复情况, 落实情况), field names
    below; the columns without a group are merged down both rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["常州市十七届人大一次会议代表建议办理台账"])
    ws.merge_cells("A1:I1")
    ws.append(["序号", "建议编号", "建议标题", "主办单位", "答复情况", None, None, "落实情况", None])
    ws.append([None, None, None, None, "答复日期", "答复文号", "办理结果", "承诺事项", "进展情况"])
    for column in "ABCD":
        ws.merge_cells(f"{column}2:{column}3")
    ws.merge_cells("E2:G2")
    ws.merge_cells("H2:I2")
    ws.append([1, "第012号", "关于推进老旧小区改造的建议", "常州市住房和城乡建设局", dt.datetime(2022, 6, 1),
               "常住建复〔2022〕第12号", "A", "2022年完成老旧小区改造50个", "已完成52个"])
    wb.save(path)
    return path


def merged_blank_rows_ledger(path: Path) -> Path:
    """One proposal's cells merged down over four rows, two of which are blank but for the merged unit column;
    then footer rows of every kind (制表, 说明, 注:)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "建议"
    ws.append(["常州市十七届人大一次会议代表建议办理台账"])
    ws.append(list(SIMPLE_HEADERS))
    ws.append([1, "第021号", "关于加快新能源汽车充电设施建设的建议", "吴军", "常州市发展和改革委员会", "解决采纳",
               "2022-06-10", "满意", "2022年新建公共充电桩500个", "已建成620个"])
    ws.append([None] * 8 + ["2023年实现乡镇充电站全覆盖", None])
    ws.append([])
    ws.append([])
    for column in "ABCDEFGH":
        ws.merge_cells(f"{column}3:{column}6")
    ws.append(list(SIMPLE_ROWS[1]))
    ws.append(["制表：市发改委办公室"])
    ws.append(["说明：本表由承办单位填报"])
    ws.append(["注：办理结果按A、B、C类填写"])
    wb.save(path)
    return path


def formula_title_ledger(path: Path) -> Path:
    """A title written as a HYPERLINK formula and a 序号 column of formulas, saved by a program that does not
    compute formulas (no cached values), as openpyxl and some district systems save them."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2021"
    ws["A1"] = '=HYPERLINK("http://rd.changzhou.gov.cn/jy2021","2021年市人大代表建议办理情况台账")'
    ws.merge_cells("A1:J1")
    ws.append(list(SIMPLE_HEADERS))
    for number, row in enumerate(SIMPLE_ROWS, start=3):
        ws.append(list(row))
        ws.cell(number, 1).value = f"=ROW()-{2}"
    wb.save(path)
    return path


def edited_wording_ledger(path: Path, *, edited: bool) -> Path:
    """A ledger with two promises for one reply; ``edited`` is its next version, in which the clerk reworded the
    first promise (and raised its figure) and the 落实情况 moved on."""
    wb = Workbook()
    ws = wb.active
    ws.title = "建议台账"
    ws.append(["常州市十七届人大一次会议代表建议办理台账"])
    ws.append(["建议编号", "建议标题", "主办单位", "答复日期", "答复文号", "承诺事项", "落实情况"])
    first = ("2022年底前建成智能工厂30个" if not edited else "2022年年底前建成省级智能工厂35个")
    ws.append(["第031号", "关于推进智能制造的建议", "常州市工业和信息化局", "2022-06-08", "常工信复〔2022〕第31号",
               first, "已建成20个" if not edited else "已建成36个"])
    ws.append(["第031号", "关于推进智能制造的建议", "常州市工业和信息化局", "2022-06-08", "常工信复〔2022〕第31号",
               "培育智能制造示范企业10家", None])
    wb.save(path)
    return path


def xls_ledger(path: Path) -> Path:
    """An Excel 97-2003 .xls ledger with a merged title and merged proposal cells, as older offices keep them."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("2021年")
    sheet.write_merge(0, 0, 0, 9, "常州市十六届人大五次会议建议办理台账")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for column, header in enumerate(SIMPLE_HEADERS):
        sheet.write(1, column, header)
    first = SIMPLE_ROWS[0]
    for column in range(8):
        value = first[column]
        if column == 6:
            sheet.write_merge(2, 3, column, column, dt.datetime(2021, 6, 20), date_style)
        else:
            sheet.write_merge(2, 3, column, column, value)
    sheet.write(2, 8, first[8])
    sheet.write(2, 9, first[9])
    sheet.write(3, 8, "2022年6月底前建成智慧停车平台")
    for column, value in enumerate(SIMPLE_ROWS[1]):
        if value is not None:
            sheet.write(4, column, value)
    book.save(str(path))
    return path


def ods_ledger(path: Path) -> Path:
    """An OpenDocument spreadsheet as LibreOffice or WPS saves it: a merged title, a date cell, trailing
    repeated empty rows."""
    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, int):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>' \
                   "</table:table-cell>"
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[:4].isdigit():
            return f'<table:table-cell office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p>' \
                   "</table:table-cell>"
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    rows = ['<table:table-row><table:table-cell table:number-columns-spanned="10" office:value-type="string">'
            "<text:p>常州市十六届人大五次会议建议办理台账</text:p></table:table-cell>"
            '<table:covered-table-cell table:number-columns-repeated="9"/></table:table-row>',
            "<table:table-row>" + "".join(cell(h) for h in SIMPLE_HEADERS) + "</table:table-row>"]
    rows += ["<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in SIMPLE_ROWS]
    rows.append('<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="建议办理">'
        + "".join(rows) + "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def gbk_csv_ledger(path: Path, *, encoding: str = "gbk") -> Path:
    """A district system's CSV export in GBK: a title line, the header, rows with text dates and words."""
    lines = ["2021年区人大代表建议办理情况", ",".join(SIMPLE_HEADERS)]
    for row in SIMPLE_ROWS:
        lines.append(",".join("" if value is None else str(value) for value in row))
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def wps_ledger(path: Path) -> Path:
    """A workbook as WPS Office writes it: inline strings, no dimension, rows without spans, a KSO custom
    property, a merged title; built part by part."""
    import zipfile

    def inline(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    letters = "ABCDEFGHIJ"
    rows = [f'<row r="1">{inline("A1", "常州市十六届人大五次会议建议办理台账")}</row>',
            '<row r="2">' + "".join(inline(f"{letters[i]}2", h) for i, h in enumerate(SIMPLE_HEADERS)) + "</row>"]
    for number, row in enumerate(SIMPLE_ROWS, start=3):
        cells = []
        for index, value in enumerate(row):
            ref = f"{letters[index]}{number}"
            if value is None:
                continue
            cells.append(f'<c r="{ref}"><v>{value}</v></c>' if isinstance(value, int) else inline(ref, value))
        rows.append(f'<row r="{number}">' + "".join(cells) + "</row>")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{main}" xmlns:r="{rel}">'
             f'<sheetData>{"".join(rows)}</sheetData><mergeCells count="1"><mergeCell ref="A1:J1"/></mergeCells>'
             "</worksheet>")
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/docProps/custom.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/custom-properties" Target="docProps/custom.xml"/>'
            "</Relationships>"),
        "docProps/custom.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
            "<vt:lpwstr>2052-11.1.0.14309</vt:lpwstr></property></Properties>"),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="建议台账" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def notes_ledger(path: Path) -> Path:
    """A ledger whose cells say more than a promise: a baseline in the promise cell (目前已建成…), a 落实情况 that
    dates its own figure (截至2022年3月底) next to one that does not, 备注 on a proposal row without a promise, and
    a row with 落实情况 and 完成时限 but no promise; one proposal over two rows with a 备注 for one promise only."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2022年"
    _office_sheet(ws, 2022, [
        [1, "第11号", "关于推进智能车间建设的建议", "周敏", "常州市工业和信息化局", None, "解决采纳",
         dt.datetime(2022, 3, 8), dt.datetime(2022, 5, 30), "常工信复〔2022〕第21号", "满意",
         "目前已建成智能车间20个，2022年底前达到30个", "2022年底", "截至2022年3月底已建成32个", "重点督办件"],
        [2, "第12号", "关于优化企业用电服务的建议", "吴刚", "常州市工业和信息化局", "国网常州供电公司", "列入计划",
         dt.datetime(2022, 3, 8), dt.datetime(2022, 6, 1), "常工信复〔2022〕第22号", "满意", None, "2022年6月底",
         "已协调供电公司开辟绿色通道", "代表已当面沟通"],
        [3, "第13号", "关于加快5G网络建设的建议", "郑洁", "常州市工业和信息化局", None, "解决采纳",
         dt.datetime(2022, 3, 8), dt.datetime(2022, 6, 2), "常工信复〔2022〕第23号", "满意",
         "2022年新建5G基站1000个", "2022年12月31日", "已新建1100个", None],
        [None, "第13号", "关于加快5G网络建设的建议", "郑洁", "常州市工业和信息化局", None, "解决采纳",
         dt.datetime(2022, 3, 8), dt.datetime(2022, 6, 2), "常工信复〔2022〕第23号", "满意",
         "2022年底前培育5G应用场景50个", "2022年底", "已培育41个", "见市通信管理办统计"],
    ])
    wb.save(path)
    return path


NUMBERED_HEADERS = ("序号", "建议编号", "建议标题", "领衔代表", "主办单位", "办理结果", "交办日期", "答复日期",
                    "答复文号", "代表意见", "承诺事项", "完成时限", "落实情况")


def numbered_office_ledger(path: Path, rows: int) -> Path:
    """A year's ledger of ``rows`` proposals, every row with its own number, title, document number and promise."""
    workbook = Workbook(write_only=True)  # written row by row: a few thousand rows stay quick
    sheet = workbook.create_sheet("2021年")
    sheet.append(["2021年市人大代表建议办理情况台账"])
    sheet.append(NUMBERED_HEADERS)
    for number in range(1, rows + 1):
        sheet.append([number, f"第{number:04d}号", f"关于推进第{number}项工作的建议", f"代表{number}",
                      "常州市工业和信息化局", "解决采纳", dt.datetime(2021, 3, 10), dt.datetime(2021, 6, 1),
                      f"常工信复〔2021〕第{number}号", "满意", f"2021年底前建成{number + 10}个智能工厂", "2021年底",
                      f"已完成{number + 5}个"])
    workbook.save(path)
    return path
