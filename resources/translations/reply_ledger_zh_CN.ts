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
    <name>AuditView</name>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Replies classed as solved whose promises were missed, replies classed otherwise whose promises were all met but never answered again, 不满意 ratings not answered again in time, and promises with no target and no evidence.</source>
        <translation>列为已解决但承诺未兑现的答复、其他类别中承诺已全部兑现却未再答复的答复、未按期再答复的不满意评价，以及既无指标又无佐证的承诺。</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n条发现</numerusform>
        </translation>
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
    <name>EvidenceSuggestionColumns</name>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>EvidenceSuggestionsPanel</name>
    <message>
        <source>Show accepted and rejected suggestions too</source>
        <translation>同时显示已采纳和已驳回的建议</translation>
    </message>
    <message>
        <source>&amp;Accept as evidence</source>
        <translation>采纳为佐证(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>(target deleted)</source>
        <translation>（指标已删除）</translation>
    </message>
    <message>
        <source>“{sentence}” — {reasons}</source>
        <translation>“{sentence}”——{reasons}</translation>
    </message>
</context>
<context>
    <name>FindingColumns</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>建议提案</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>FollowUpLabels</name>
    <message>
        <source>Reply deadline</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Commitment deadline</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <source>Target deadline</source>
        <translation>指标期限</translation>
    </message>
    <message>
        <source>No recent evidence</source>
        <translation>佐证久未更新</translation>
    </message>
    <message>
        <source>No rating yet</source>
        <translation>未反馈</translation>
    </message>
    <message>
        <source>Answer again after 不满意</source>
        <translation>不满意再答复</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>已推迟</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>进展正常</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有风险</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>Overdue, no evidence</source>
        <translation>逾期无佐证</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>Reply overdue</source>
        <translation>超期未答复</translation>
    </message>
    <message>
        <source>Returned as misrouted</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Replied, awaiting rating</source>
        <translation>已答复待反馈</translation>
    </message>
    <message>
        <source>Unsatisfied, to answer again</source>
        <translation>不满意待再答复</translation>
    </message>
    <message>
        <source>Delivering</source>
        <translation>落实中</translation>
    </message>
    <message>
        <source>Delivery lagging</source>
        <translation>落实滞后</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已落实</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Classed solved, promise not kept</source>
        <translation>已解决类答复的承诺未兑现</translation>
    </message>
    <message>
        <source>Promises kept, never answered again</source>
        <translation>承诺已兑现但未再答复</translation>
    </message>
    <message>
        <source>不满意 not answered again in time</source>
        <translation>不满意未按期再答复</translation>
    </message>
    <message>
        <source>Promise with no target and no evidence</source>
        <translation>承诺无指标无佐证</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>交办</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Found misrouted</source>
        <translation>误交办</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Meeting or call</source>
        <translation>沟通</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Answered again</source>
        <translation>再答复</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Promise made</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>Promise deadline</source>
        <translation>承诺到期</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
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
    <name>ReminderColumns</name>
    <message>
        <source>%n day(s) overdue</source>
        <translation>逾期%n天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>in %n day(s)</source>
        <translation>还有%n天</translation>
    </message>
    <message>
        <source>Snoozed until {date}</source>
        <translation>推迟至{date}</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>When</source>
        <translation>距到期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒事项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>How it was computed</source>
        <translation>计算依据</translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message>
        <source>Reply Ledger</source>
        <translation>答复承诺台账</translation>
    </message>
    <message>
        <source>and %n more</source>
        <translation>另有%n项</translation>
    </message>
    <message>
        <source>Reply Ledger reminders</source>
        <translation>答复承诺台账提醒</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>Show all open reminders, not only the due ones</source>
        <translation>显示全部未完成的提醒，而不只是到期的</translation>
    </message>
    <message>
        <source>&amp;Snooze until</source>
        <translation>推迟至(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>{overdue} overdue, {due} due soon (as of {date})</source>
        <translation>逾期{overdue}项，即将到期{due}项（截至{date}）</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
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
<context>
    <name>TimelineColumns</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>No proposal recorded yet.</source>
        <translation>尚未录入建议提案。</translation>
    </message>
    <message>
        <source>{state} as of {date}: {reason}</source>
        <translation>{state}（截至{date}）：{reason}</translation>
    </message>
</context>
</TS>
