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
    <message>
        <source>Looking back as of {date}…</source>
        <translation>正在回头看（截至{date}）…</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n条发现</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped; press Check to look back again.</source>
        <translation>已停止；点击“检查”重新回头看。</translation>
    </message>
    <message>
        <source>Looking back failed; details are in the log.</source>
        <translation>回头看未能完成，详情见日志。</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Commitments</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>暂无数据。</translation>
    </message>
    <message>
        <source>{label}: {commitments} commitments, {targets} targets — click to list them</source>
        <translation>{label}：承诺事项 {commitments} 项，指标 {targets} 项 — 点击查看清单</translation>
    </message>
</context>
<context>
    <name>CommitmentColumns</name>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latest evidence</source>
        <translation>最新佐证</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复文号</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Time expression</source>
        <translation>时限原文</translation>
    </message>
</context>
<context>
    <name>CommitmentForm</name>
    <message>
        <source>Reply</source>
        <translation>所属答复</translation>
    </message>
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
        <source>As the letter says it, e.g. 2021年</source>
        <translation>按答复原文填写，如“2021年”</translation>
    </message>
    <message>
        <source>State set by hand</source>
        <translation>人工认定状态</translation>
    </message>
    <message>
        <source>(judged from its targets)</source>
        <translation>（按指标自动判定）</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文摘录</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>By state</source>
        <translation>按状态</translation>
    </message>
    <message>
        <source>By deadline year</source>
        <translation>按完成年度</translation>
    </message>
    <message>
        <source>By responsible unit</source>
        <translation>按责任单位</translation>
    </message>
    <message>
        <source>Upcoming deadlines</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Judging the targets…</source>
        <translation>正在判定指标状态…</translation>
    </message>
    <message>
        <source>The ledger as of {date}</source>
        <translation>截至 {date} 的台账情况</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 2021-12-31</source>
        <translation>如 2021-12-31</translation>
    </message>
</context>
<context>
    <name>DeadlineColumns</name>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
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
    <name>EvidenceColumns</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>实测值</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Source date</source>
        <translation>来源日期</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>录入人</translation>
    </message>
</context>
<context>
    <name>EvidenceForm</name>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Measured value</source>
        <translation>实测值</translation>
    </message>
    <message>
        <source>A number with its unit: 11080个</source>
        <translation>数值连同单位，如“11080个”</translation>
    </message>
    <message>
        <source>Comparator</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Achieved (qualitative)</source>
        <translation>是否完成（定性指标）</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <source>Source date</source>
        <translation>来源日期</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文摘录</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
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
    <name>FeedbackForm</name>
    <message>
        <source>Reply</source>
        <translation>所属答复</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>About</source>
        <translation>评价对象</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
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
    <name>Labels</name>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Motion</source>
        <translation>议案</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Criticism or opinion</source>
        <translation>批评意见</translation>
    </message>
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
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Not public</source>
        <translation>不公开</translation>
    </message>
    <message>
        <source>Public on request</source>
        <translation>依申请公开</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>The reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>落实</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基数</translation>
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
        <source>at least (≥)</source>
        <translation>不少于（≥）</translation>
    </message>
    <message>
        <source>more than (&gt;)</source>
        <translation>超过（&gt;）</translation>
    </message>
    <message>
        <source>equal to (=)</source>
        <translation>等于（=）</translation>
    </message>
    <message>
        <source>at most (≤)</source>
        <translation>不超过（≤）</translation>
    </message>
    <message>
        <source>less than (&lt;)</source>
        <translation>低于（&lt;）</translation>
    </message>
    <message>
        <source>range</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>qualitative</source>
        <translation>定性</translation>
    </message>
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
        <source>No feedback</source>
        <translation>未反馈</translation>
    </message>
    <message>
        <source>Answer again</source>
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
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>In the period</source>
        <translation>当期</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>LetterReviewWindow</name>
    <message>
        <source>New: {title}</source>
        <translation>新建：{title}</translation>
    </message>
    <message>
        <source>Review letter — {file}</source>
        <translation>审核答复函 — {file}</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>发文单位</translation>
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
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Result class</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Proposal session</source>
        <translation>建议所属会议</translation>
    </message>
    <message>
        <source>Proposal number</source>
        <translation>建议编号</translation>
    </message>
    <message>
        <source>Proposal kind</source>
        <translation>建议类别</translation>
    </message>
    <message>
        <source>Letter header</source>
        <translation>答复函基本信息</translation>
    </message>
    <message>
        <source>I have checked the header fields against the letter</source>
        <translation>我已对照原文核对以上基本信息</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>采纳(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>Accept the rest</source>
        <translation>其余全部采纳</translation>
    </message>
    <message>
        <source>Reject the rest</source>
        <translation>其余全部驳回</translation>
    </message>
    <message>
        <source>&amp;Save to the ledger</source>
        <translation>保存到台账(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Reading and extracting {file}…</source>
        <translation>正在读取并识别 {file}…</translation>
    </message>
    <message>
        <source>The letter could not be read; details are in the log.</source>
        <translation>无法读取该答复函；详细信息见日志。</translation>
    </message>
    <message>
        <source>This letter&apos;s reply is already in the ledger: saving updates it and adds the accepted targets to it.</source>
        <translation>该答复已在台账中：保存时将更新该答复，并把采纳的指标加入其中。</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) of this letter were left undecided before; your decisions here settle them.</source>
        <translation>
            <numerusform>此答复函此前有 %n 条识别结果未作决定，在此作出的决定将一并处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>No targets were found in this letter.</source>
        <translation>未在该答复函中识别到指标。</translation>
    </message>
    <message>
        <source>The letter is still being read.</source>
        <translation>答复函仍在读取中。</translation>
    </message>
    <message numerus="yes">
        <source>%n undecided suggestion(s) are kept for later; open the letter again to decide them.</source>
        <translation>
            <numerusform>%n 条未决定的识别结果已保留待办，再次打开该答复函即可决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct the header fields marked in red.</source>
        <translation>请更正标红的基本信息。</translation>
    </message>
    <message>
        <source>Confirm that you checked the header.</source>
        <translation>请确认已核对基本信息。</translation>
    </message>
    <message>
        <source>{accepted} accepted, {rejected} rejected, {pending} to review</source>
        <translation>已采纳 {accepted} 条，已驳回 {rejected} 条，待审核 {pending} 条</translation>
    </message>
    <message numerus="yes">
        <source>(saving keeps %n undecided suggestion(s) for later)</source>
        <translation>
            <numerusform>（保存时保留 %n 条未决定的识别结果，留待以后处理）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: reply #{reply} with %n target(s).</source>
        <translation>
            <numerusform>已保存：答复 #{reply}，指标 %n 项。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Search (Ctrl+F): words in titles, quotes and texts</source>
        <translation>搜索（Ctrl+F）：标题、摘录和正文中的词语</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部会议</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起</translation>
    </message>
    <message>
        <source>to</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
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
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>Commitments &amp; targets</source>
        <translation>承诺与指标</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Evidence suggestions</source>
        <translation>佐证建议</translation>
    </message>
    <message>
        <source>Looking back</source>
        <translation>回头看</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理时间线</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计图表</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Proposal</source>
        <translation>建议提案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>答复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Feedback</source>
        <translation>代表评价(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Commitment</source>
        <translation>承诺事项(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation>指标(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>佐证(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close form</source>
        <translation>关闭表单(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import letter…</source>
        <translation>导入答复函(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export workbook…</source>
        <translation>导出台账(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Open ledger…</source>
        <translation>打开台账(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete selected record…</source>
        <translation>删除所选记录(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;About Reply Ledger</source>
        <translation>关于答复承诺台账(&amp;A)</translation>
    </message>
    <message>
        <source>Due &amp;reminders…</source>
        <translation>到期提醒(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Timeline of the selected proposal</source>
        <translation>所选建议的办理时间线(&amp;T)</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Judged as of </source>
        <translation>判定日期 </translation>
    </message>
    <message>
        <source>States say what was known on this day</source>
        <translation>状态按当日已掌握的佐证判定</translation>
    </message>
    <message>
        <source>Due reminders</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>Judging targets…</source>
        <translation>正在判定指标状态…</translation>
    </message>
    <message>
        <source>States as of {date}</source>
        <translation>状态判定日期 {date}</translation>
    </message>
    <message>
        <source>States could not be judged; see the log.</source>
        <translation>无法判定状态；详见日志。</translation>
    </message>
    <message>
        <source>{proposals} proposals, {replies} replies, {commitments} commitments, {targets} targets, {evidence} evidence</source>
        <translation>建议提案 {proposals} 件，答复 {replies} 件，承诺事项 {commitments} 项，指标 {targets} 项，佐证 {evidence} 条</translation>
    </message>
    <message>
        <source>This record no longer exists; the list is reloaded.</source>
        <translation>该记录已不存在；列表已重新载入。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete {record} and everything recorded under it? The history keeps a copy.</source>
        <translation>删除“{record}”及其下的全部记录吗？变更记录中会保留副本。</translation>
    </message>
    <message>
        <source>{file} was imported before; nothing changed.</source>
        <translation>{file} 之前已导入；未做任何改动。</translation>
    </message>
    <message numerus="yes">
        <source>{file} is not a reply letter; it is kept as a source document. %n figure(s) in it are suggested as evidence.</source>
        <translation>
            <numerusform>{file} 不是答复函，已作为来源文件保存。其中 %n 个数据被建议为佐证。</numerusform>
        </translation>
    </message>
    <message>
        <source>ledger_{date}.xlsx</source>
        <translation>台账_{date}.xlsx</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>The audit workbook was written to {path}.</source>
        <translation>审计台账已写入 {path}。</translation>
    </message>
    <message>
        <source>The workbook could not be written; details are in the log.</source>
        <translation>无法写入工作簿；详细信息见日志。</translation>
    </message>
    <message>
        <source>{title} {version}
Proposals, reply letters, their promises and the evidence.
Database: {path}</source>
        <translation>{title} {version}
建议提案、答复函、承诺事项及其佐证。
数据库：{path}</translation>
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
    <message>
        <source>Required; fill it in.</source>
        <translation>必填；请填写。</translation>
    </message>
    <message>
        <source>Required; write a date such as 2021-12-31.</source>
        <translation>必填；请按 2021-12-31 的格式填写日期。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of the choices; pick one.</source>
        <translation>“{value}”不是可选项；请从列表中选择。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a comparator; use one of &gt;=, &gt;, =, &lt;=, &lt;, range or qualitative.</source>
        <translation>“{value}”不是比较方式；请使用 &gt;=、&gt;、=、&lt;=、&lt;、区间或定性。</translation>
    </message>
    <message>
        <source>The assignment date is before the date received; check both dates.</source>
        <translation>交办日期早于收到日期；请核对这两个日期。</translation>
    </message>
    <message>
        <source>The reply deadline is before the assignment date; check both dates.</source>
        <translation>答复期限早于交办日期；请核对这两个日期。</translation>
    </message>
    <message>
        <source>An extended deadline needs the approval it was granted by; record who approved it.</source>
        <translation>延期须有批准依据；请填写批准单位或批准人。</translation>
    </message>
    <message>
        <source>A measurable target needs a value; enter a number or choose the comparator &apos;qualitative&apos;.</source>
        <translation>量化指标需要目标值；请填写数值，或将比较方式选为“定性”。</translation>
    </message>
    <message>
        <source>Enter a measured value, or a yes/no for a qualitative target.</source>
        <translation>请填写实测值；定性指标请选择是否完成。</translation>
    </message>
    <message>
        <source>A range needs an upper value; enter it.</source>
        <translation>区间需要上限值；请填写。</translation>
    </message>
    <message>
        <source>The upper value is below the lower value; swap them.</source>
        <translation>上限值小于下限值；请对调。</translation>
    </message>
    <message>
        <source>The quote&apos;s start and end offsets do not fit; select the quote again.</source>
        <translation>摘录的起止位置不符；请重新选择摘录。</translation>
    </message>
    <message>
        <source>A snoozed reminder needs the date it wakes up; pick one.</source>
        <translation>推迟的提醒需要恢复日期；请选择。</translation>
    </message>
    <message>
        <source>Required; choose one from the list.</source>
        <translation>必填；请从列表中选择。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not in the list; type part of it and choose one of the matches.</source>
        <translation>“{value}”不在列表中；请输入其中的词语，再从匹配结果中选择。</translation>
    </message>
    <message>
        <source>This record no longer exists; it may have been deleted. Reload the list.</source>
        <translation>该记录已不存在，可能已被删除；请重新载入列表。</translation>
    </message>
    <message>
        <source>The record refers to a record that does not exist, or other records still refer to it; check the linked records.</source>
        <translation>该记录关联的记录不存在，或仍有其他记录关联它；请检查关联记录。</translation>
    </message>
</context>
<context>
    <name>ProgressRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>These records have changes that are not saved:
{names}

Save them?</source>
        <translation>以下记录有未保存的修改：
{names}

是否保存？</translation>
    </message>
    <message>
        <source>Restore unsaved forms</source>
        <translation>恢复未保存的表单</translation>
    </message>
    <message>
        <source>Reply Ledger was closed while these forms had unsaved changes:
{names}

Open them again?</source>
        <translation>答复承诺台账上次关闭时，以下表单有未保存的修改：
{names}

是否重新打开？</translation>
    </message>
    <message>
        <source>Reply Ledger</source>
        <translation>答复承诺台账</translation>
    </message>
    <message>
        <source>Import a reply letter</source>
        <translation>导入答复函</translation>
    </message>
    <message>
        <source>Letters ({patterns})</source>
        <translation>答复函（{patterns}）</translation>
    </message>
    <message>
        <source>Open a ledger</source>
        <translation>打开台账</translation>
    </message>
    <message>
        <source>Ledgers (*.sqlite3 *.db);;All files (*)</source>
        <translation>台账 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export the audit workbook</source>
        <translation>导出审计台账</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
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
        <source>Kind</source>
        <translation>类别</translation>
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
        <source>Key supervised</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ProposalForm</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会议届次</translation>
    </message>
    <message>
        <source>The congress or conference session, e.g. 常州市十六届人大五次会议</source>
        <translation>人大或政协会议届次，如“常州市十六届人大五次会议”</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>As assigned, e.g. 第021号</source>
        <translation>按交办编号填写，如“第021号”</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Proposers</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Lead proposer first; separate names with 、</source>
        <translation>领衔人在前，姓名之间用“、”分隔</translation>
    </message>
    <message>
        <source>Delegation or sector</source>
        <translation>代表团或界别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
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
        <source>Extended deadline</source>
        <translation>延期后期限</translation>
    </message>
    <message>
        <source>Extension approved by</source>
        <translation>延期批准依据</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Co-handling units</source>
        <translation>会办单位</translation>
    </message>
    <message>
        <source>Handling mode</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Key supervised</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* 为必填项</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>新建{kind}</translation>
    </message>
</context>
<context>
    <name>RecordKinds</name>
    <message>
        <source>proposal</source>
        <translation>建议提案</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>代表评价</translation>
    </message>
    <message>
        <source>commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>佐证</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Type to search, then choose</source>
        <translation>输入词语搜索，再选择</translation>
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
        <source>Snoozed until</source>
        <translation>推迟至</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>提前天数</translation>
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
    <message>
        <source>Proposal</source>
        <translation>所答建议</translation>
    </message>
</context>
<context>
    <name>ReplyForm</name>
    <message>
        <source>Proposal</source>
        <translation>所答建议</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>发文单位</translation>
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
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Result class</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公开日期</translation>
    </message>
    <message>
        <source>Replying unit</source>
        <translation>答复单位</translation>
    </message>
    <message>
        <source>Answered again</source>
        <translation>再次答复</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>全文</translation>
    </message>
</context>
<context>
    <name>SaveRecordCommand</name>
    <message>
        <source>edit of {record}</source>
        <translation>对“{record}”的修改</translation>
    </message>
</context>
<context>
    <name>SuggestionColumns</name>
    <message>
        <source>Decision</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Comparator</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>所属承诺事项</translation>
    </message>
</context>
<context>
    <name>SuggestionEditor</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Comparator</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Upper value</source>
        <translation>上限值</translation>
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
        <source>Counted</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>所属承诺事项</translation>
    </message>
    <message>
        <source>Commitment title</source>
        <translation>承诺事项名称</translation>
    </message>
    <message>
        <source>New: {title}</source>
        <translation>新建：{title}</translation>
    </message>
    <message>
        <source>Existing: {title}</source>
        <translation>已有：{title}</translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <source>Commitment</source>
        <translation>所属承诺事项</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Comparator</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>A number with its unit as written: 15亿元, 1万个, 30%</source>
        <translation>按原文填写数值和单位，如“15亿元”“1万个”“30%”</translation>
    </message>
    <message>
        <source>Upper value</source>
        <translation>上限值</translation>
    </message>
    <message>
        <source>Only for a range</source>
        <translation>仅用于区间</translation>
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
        <source>Counted</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基数</translation>
    </message>
    <message>
        <source>Baseline date</source>
        <translation>基数日期</translation>
    </message>
    <message>
        <source>Baseline quote</source>
        <translation>基数原文</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>原文摘录</translation>
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
        <source>Reading the timeline…</source>
        <translation>正在读取办理时间线…</translation>
    </message>
    <message>
        <source>No proposal recorded yet.</source>
        <translation>尚未录入建议提案。</translation>
    </message>
    <message>
        <source>{state} as of {date}: {reason}</source>
        <translation>{state}（截至{date}）：{reason}</translation>
    </message>
    <message>
        <source>The timeline could not be read; details are in the log.</source>
        <translation>未能读取办理时间线，详情见日志。</translation>
    </message>
</context>
</TS>
