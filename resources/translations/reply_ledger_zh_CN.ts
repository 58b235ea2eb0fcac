<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Reply Ledger</source>
        <translation>答复承诺台账</translation>
    </message>
    <message>
        <source>Something went wrong that is not your fault. Everything you saved is safe; the form you were typing is kept as a draft.
Details are in {log}.</source>
        <translation>程序出现了意外错误，这不是您的操作造成的。已保存的内容都安全无损，正在填写的表单已保存为草稿。
详细信息见 {log}。</translation>
    </message>
</context>
<context>
    <name>CommitmentColumns</name>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Time expression</source>
        <translation>时限原文</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文摘录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reply Ledger — {path}</source>
        <translation>答复承诺台账 — {path}</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>建议提案</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>{proposals} proposals, {replies} replies, {commitments} commitments</source>
        <translation>建议提案 {proposals} 件，答复 {replies} 件，承诺事项 {commitments} 项</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The database &apos;{path}&apos; was written by a newer Reply Ledger; update the application.</source>
        <translation>数据库“{path}”由更新版本的答复承诺台账写入；请升级本程序。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a Reply Ledger database; choose another file.</source>
        <translation>“{path}”不是答复承诺台账数据库；请选择其他文件。</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; does not exist; check the path or create it.</source>
        <translation>数据库“{path}”不存在；请检查路径或新建数据库。</translation>
    </message>
    <message>
        <source>The folder of the database &apos;{path}&apos; does not exist; create it or choose another file.</source>
        <translation>数据库“{path}”所在的文件夹不存在；请先创建该文件夹或选择其他文件。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a document number; write it like 常工信复〔2021〕第39号.</source>
        <translation>“{value}”不是有效的文号；请按“常工信复〔2021〕第39号”的格式填写。</translation>
    </message>
    <message>
        <source>The document number is empty; write it like 常工信复〔2021〕第39号.</source>
        <translation>文号为空；请按“常工信复〔2021〕第39号”的格式填写。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write it as 2021-12-31.</source>
        <translation>“{value}”不是有效日期；请按 2021-12-31 的格式填写。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number; write it like 0519-85681281 or 137-8903-2345.</source>
        <translation>“{value}”不是有效的电话号码；请按 0519-85681281 或 137-8903-2345 的格式填写。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number; write digits such as 1.5 or 15000.</source>
        <translation>“{value}”不是数字；请填写 1.5 或 15000 这样的数字。</translation>
    </message>
    <message>
        <source>This record already exists; open the existing one instead of adding it again.</source>
        <translation>该记录已存在；请打开已有记录，不要重复添加。</translation>
    </message>
</context>
<context>
    <name>ProposalColumns</name>
    <message>
        <source>Session</source>
        <translation>会议届次</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Lead proposer</source>
        <translation>领衔人</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>交办日期</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ProposalStates</name>
    <message>
        <source>Being handled</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>ReplyColumns</name>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>发文单位</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Result class</source>
        <translation>办理结果</translation>
    </message>
</context>
</TS>
