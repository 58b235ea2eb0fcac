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
        <source>Replies classed as solved whose promises were missed, replies classed otherwise whose promises were all met but never answered again, 不满意 ratings not answered again in time, promises with no target and no evidence, and figures that contradict each other: two figures for one indicator on one date, a baseline stated differently in two letters, cumulative evidence that goes backwards, a target met before it was promised.</source>
        <translation>列为已解决但承诺未兑现的答复、承诺全部兑现却未再答复的其他类答复、未按期再答复的不满意评价、无指标无佐证的承诺，以及相互矛盾的数据：同一指标同日两个不同数值、两份答复所述基数不一致、累计指标佐证倒退、作出承诺前已达到目标。</translation>
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
    <name>BackupDialogs</name>
    <message>
        <source>Back up the ledger</source>
        <translation>备份台账</translation>
    </message>
    <message>
        <source>Ledgers (*.sqlite3 *.db);;All files (*)</source>
        <translation>台账 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore the ledger from a backup</source>
        <translation>从备份恢复台账</translation>
    </message>
    <message>
        <source>Ledgers (*.sqlite3 *.db *.bak);;All files (*)</source>
        <translation>台账 (*.sqlite3 *.db *.bak);;所有文件 (*)</translation>
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
    <name>ConnectDialog</name>
    <message>
        <source>Connect to office server</source>
        <translation>连接单位台账服务器</translation>
    </message>
    <message>
        <source>e.g. ledger.office.local</source>
        <translation>如 ledger.office.local</translation>
    </message>
    <message>
        <source>empty: from your PostgreSQL password file</source>
        <translation>留空则读取您的 PostgreSQL 密码文件</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Several clerks work on the office&apos;s ledger at once; the password is not stored.</source>
        <translation>单位台账可供多名经办人同时使用；密码不会被保存。</translation>
    </message>
</context>
<context>
    <name>ContactColumns</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Proposal</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Who took part; separate names with 、</source>
        <translation>参加沟通的人员；多人用“、”分隔</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>&amp;New contact…</source>
        <translation>新建沟通记录(&amp;N)…</translation>
    </message>
    <message numerus="yes">
        <source>As of {date}: %n contact(s), {in_person} in person</source>
        <translation>
            <numerusform>截至{date}：沟通%n次，其中见面{in_person}次</numerusform>
        </translation>
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
    <message>
        <source>In the ledger</source>
        <translation>已在台账中</translation>
    </message>
    <message>
        <source>Linked to the existing one</source>
        <translation>已关联台账中已有的</translation>
    </message>
    <message>
        <source>To review: in the ledger already?</source>
        <translation>待审核：台账中已有？</translation>
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
    <message>
        <source>Attach a file…</source>
        <translation>附加文件…</translation>
    </message>
    <message>
        <source>Keep the report, bulletin or scan this figure was read from</source>
        <translation>保存该数字出处的报告、公报或扫描件</translation>
    </message>
    <message>
        <source>The unit &apos;{unit}&apos; does not fit the target&apos;s unit &apos;{target_unit}&apos;: this figure cannot be compared with the target. Check the figure and its unit.</source>
        <translation>单位“{unit}”与指标单位“{target_unit}”不符，这个数字无法与指标比较。请核对数字及其单位。</translation>
    </message>
    <message>
        <source>{file} could not be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
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
    <name>FoundColumns</name>
    <message>
        <source>Redacted</source>
        <translation>已隐去</translation>
    </message>
    <message>
        <source>You decide (kept)</source>
        <translation>由您决定（保留）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>显示为</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理</translation>
    </message>
</context>
<context>
    <name>GridDelegate</name>
    <message>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
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
        <source>Publish the reply</source>
        <translation>答复公开期限</translation>
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
        <source>Two figures for one indicator on one date</source>
        <translation>同一指标同日数值不一</translation>
    </message>
    <message>
        <source>Baseline stated differently in two letters</source>
        <translation>两份答复所述基数不一致</translation>
    </message>
    <message>
        <source>Cumulative evidence goes backwards</source>
        <translation>累计指标佐证倒退</translation>
    </message>
    <message>
        <source>Met before it was promised</source>
        <translation>承诺前已达到目标</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>见面</translation>
    </message>
    <message>
        <source>Consultation meeting</source>
        <translation>面商</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Bank card number</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>Personal detail</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Office landline</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>Handler&apos;s name</source>
        <translation>经办人姓名</translation>
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
    <name>LedgerColumns</name>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the workbook</source>
        <translation>工作簿中的表头</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>识别依据</translation>
    </message>
</context>
<context>
    <name>LedgerImport</name>
    <message>
        <source>proposals</source>
        <translation>建议提案</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>commitments</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>source documents</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <source>This sheet does not look like a ledger (no row names columns such as 建议编号 and 建议标题), so it is left out.</source>
        <translation>此工作表不像台账（没有一行列出建议编号、建议标题等列名），因此不导入。</translation>
    </message>
    <message>
        <source>This sheet is left out.</source>
        <translation>此工作表不导入。</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空行</translation>
    </message>
    <message>
        <source>footer or signature</source>
        <translation>表尾或签名行</translation>
    </message>
    <message>
        <source>totals</source>
        <translation>合计行</translation>
    </message>
    <message>
        <source>repeated header</source>
        <translation>重复的表头行</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>名称相近</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>手动选择</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{kind} {count}</source>
        <translation>{kind} {count} 条</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>%n row(s) of {file} were imported. Created: {created}. Updated: {updated}. Unchanged: {unchanged}.</source>
        <translation>已从 {file} 导入 %n 行。新增：{created}；更新：{updated}；未变：{unchanged}。</translation>
    </message>
    <message>
        <source>The rows left out are listed in {report}.</source>
        <translation>未导入的行已列在 {report} 中。</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>Import Excel ledger — {file}</source>
        <translation>导入 Excel 台账 — {file}</translation>
    </message>
    <message>
        <source>Import this sheet</source>
        <translation>导入此工作表</translation>
    </message>
    <message>
        <source>e.g. 常州市十六届人大五次会议</source>
        <translation>例如：常州市十六届人大五次会议</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <source>Session of the proposals</source>
        <translation>建议所属届次</translation>
    </message>
    <message>
        <source>Words the import does not know: choose what each one means.</source>
        <translation>以下词语导入时无法识别：请选择每个词的含义。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Check the rows…</source>
        <translation>检查各行(&amp;C)…</translation>
    </message>
    <message>
        <source>All or nothing: import only if every row can be imported</source>
        <translation>全部导入或全不导入：只有每一行都能导入时才导入</translation>
    </message>
    <message>
        <source>Skip the bad rows and import the others (the rows left out are listed in a report next to the workbook)</source>
        <translation>跳过有问题的行，导入其余各行（未导入的行会写入工作簿旁的报告文件）</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>The workbook could not be read; details are in the log.</source>
        <translation>未能读取该工作簿，详情见日志。</translation>
    </message>
    <message>
        <source>{file} is a workbook written by Reply Ledger: its sheets are read by their headers, so there are no columns to choose. Check the rows to see what the import would do.</source>
        <translation>{file} 是由答复承诺台账导出的工作簿：各工作表按表头读取，无需选择列。请检查各行，查看导入后的结果。</translation>
    </message>
    <message>
        <source>The sheets 汇总 and 回头看 are worked out from the records, and 变更记录 is not imported: the ledger keeps its own history of the import.</source>
        <translation>“汇总”和“回头看”工作表由各条记录计算得出；“变更记录”不导入，台账会自行记录本次导入的变更。</translation>
    </message>
    <message>
        <source>How the columns of {file} are read. Change a column&apos;s field where the guess is wrong, or choose “(not imported)”; the field names are those of a --mapping file.</source>
        <translation>{file} 各列的识别结果如下。识别有误的列可改选字段，或选择“（不导入）”；字段名称与 --mapping 映射文件中的相同。</translation>
    </message>
    <message>
        <source>Checking the rows of {file}…</source>
        <translation>正在检查 {file} 的各行…</translation>
    </message>
    <message>
        <source>The rows could not be checked; details are in the log.</source>
        <translation>未能检查各行，详情见日志。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) can be imported.</source>
        <translation>
            <numerusform>可导入 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Would create: {created}. Would update: {updated}. Unchanged: {unchanged}.</source>
        <translation>将新增：{created}；将更新：{updated}；未变：{unchanged}。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported; each is listed below with its column and why.</source>
        <translation>
            <numerusform>有 %n 行无法导入，下面逐行列出所在列及原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>所有行均可导入。</translation>
    </message>
    <message>
        <source>Words the import does not know can be given their meaning on the first page (&lt; Back), then checked again.</source>
        <translation>无法识别的词语可在第一页（&lt; 返回）指定含义，然后重新检查。</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>目前尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Sheet {sheet} is left out.</source>
        <translation>工作表 {sheet} 不导入。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{count} {what}</source>
        <translation>{what} {count} 行</translation>
    </message>
    <message>
        <source>Sheet {sheet}: session {session}.</source>
        <translation>工作表 {sheet}：届次 {session}。</translation>
    </message>
    <message>
        <source>Rows skipped: {skipped}.</source>
        <translation>跳过：{skipped}。</translation>
    </message>
    <message>
        <source>Sheet {sheet}, rows {rows}: 落实情况 or 完成时限 without a promise (承诺事项); with nothing to measure, the text is kept in the proposal&apos;s notes.</source>
        <translation>工作表 {sheet} 第 {rows} 行：有落实情况或完成时限，但没有承诺事项；无可衡量的承诺，其内容记入建议的备注。</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) have no reply deadline in the ledger; it will be computed by the office&apos;s rule (assignment + 3 months).</source>
        <translation>
            <numerusform>台账中有 %n 件建议没有答复期限，将按本单位规则（交办日期 + 3 个月）计算。</numerusform>
        </translation>
    </message>
    <message>
        <source>No row can be imported.</source>
        <translation>没有可以导入的行。</translation>
    </message>
    <message>
        <source>Some rows are bad: correct them in the workbook and check again, or choose to skip them.</source>
        <translation>部分行有问题：请在工作簿中改正后重新检查，或选择跳过这些行。</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>The import failed and nothing was written; details are in the log.</source>
        <translation>导入失败，未写入任何内容；详情见日志。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>LedgerProblemColumns</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>LedgerSafety</name>
    <message>
        <source>Proposals</source>
        <translation>建议提案</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>代表评价</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>指标</translation>
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
        <source>Source documents</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>待审核建议</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Reply Ledger</source>
        <translation>答复承诺台账</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>This ledger is already open in another Reply Ledger (process {pid} on {host}). You can both work on it: a save that meets a change made in the other window is refused, and the form offers to reload it.</source>
        <translation>此台账已在另一个答复承诺台账窗口中打开（{host} 上的进程 {pid}）。两处可以同时使用：如果保存时遇到另一窗口已做的修改，保存会被拒绝，表单会提示重新载入。</translation>
    </message>
    <message>
        <source>The history of this ledger no longer holds the last change it held when Reply Ledger last closed on it: changes were removed or rewritten outside the app, or an older copy was put in its place. Run &apos;reply-ledger verify --anchor&apos; with the witness file, a backup or an exported workbook to see what changed.</source>
        <translation>此台账的变更记录中已找不到上次关闭时记录的最后一条变更：有人在程序之外删除或改写了变更记录，或者用较旧的副本替换了台账。请用见证文件、备份或导出的工作簿运行“reply-ledger verify --anchor”，查看发生了哪些变化。</translation>
    </message>
    <message>
        <source>A backup cannot replace the ledger itself; choose another file.</source>
        <translation>备份不能覆盖台账文件本身，请另选一个文件。</translation>
    </message>
    <message>
        <source>Backing up to {file}…</source>
        <translation>正在备份到 {file}…</translation>
    </message>
    <message>
        <source>The ledger was backed up to {path}.</source>
        <translation>台账已备份到 {path}。</translation>
    </message>
    <message>
        <source>Save or close the forms with unsaved changes before restoring a backup.</source>
        <translation>恢复备份之前，请先保存或关闭有未保存修改的表单。</translation>
    </message>
    <message>
        <source>A ledger on the office server is restored by its administrator (with the server&apos;s own backups, or &apos;reply-ledger migrate&apos; into an empty database).</source>
        <translation>办公室服务器上的台账由其管理员恢复（使用服务器自身的备份，或用“reply-ledger migrate”复制到一个空数据库）。</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Replace the ledger {live} with the backup {backup}?</source>
        <translation>用备份 {backup} 替换台账 {live}？</translation>
    </message>
    <message>
        <source>Changes in the history: {before} → {after}</source>
        <translation>变更记录条数：{before} → {after}</translation>
    </message>
    <message>
        <source>The backup fails {count} of its checks.</source>
        <translation>该备份有 {count} 项检查未通过。</translation>
    </message>
    <message>
        <source>The backup is of another ledger.</source>
        <translation>该备份属于另一个台账。</translation>
    </message>
    <message>
        <source>The backup is older than the ledger: restoring it undoes the {lost} change(s) made since.</source>
        <translation>该备份比现有台账旧：恢复后，此后所做的 {lost} 项修改将被撤销。</translation>
    </message>
    <message>
        <source>The backup and the ledger went separate ways: each holds changes the other does not.</source>
        <translation>该备份与现有台账已各自变化：双方都有对方没有的修改。</translation>
    </message>
    <message>
        <source>Be careful:</source>
        <translation>请注意：</translation>
    </message>
    <message>
        <source>The ledger as it is now is kept beside it as a backup.</source>
        <translation>现有台账会在同一文件夹中另存一份备份。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>正在从 {file} 恢复…</translation>
    </message>
    <message>
        <source>The ledger was restored; the ledger as it was is kept as {kept}.</source>
        <translation>台账已恢复；恢复前的台账另存为 {kept}。</translation>
    </message>
    <message>
        <source>That did not work; nothing was changed. Details are in the log.</source>
        <translation>操作未能完成，未做任何更改。详情见日志。</translation>
    </message>
</context>
<context>
    <name>LedgerSheetColumns</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>有问题的行数</translation>
    </message>
</context>
<context>
    <name>LedgerWords</name>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>(no result class)</source>
        <translation>（无办理结果）</translation>
    </message>
    <message>
        <source>(no rating yet)</source>
        <translation>（尚未评价）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>LetterHeader</name>
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
</context>
<context>
    <name>LetterReviewWindow</name>
    <message>
        <source>New: {title}</source>
        <translation>新建：{title}</translation>
    </message>
    <message>
        <source>Existing: {title}</source>
        <translation>已有：{title}</translation>
    </message>
    <message>
        <source>Baselines no promise is measured against (%n)</source>
        <translation>未对应承诺的基数（%n项）</translation>
    </message>
    <message>
        <source>The ledger holds this promise already: {existing}. Accepting links it to that one.</source>
        <translation>台账中已有这项承诺：{existing}。采纳即关联到已有的那一项。</translation>
    </message>
    <message>
        <source>Low confidence: check this suggestion against the letter.</source>
        <translation>置信度低：请对照原文核对这条建议。</translation>
    </message>
    <message>
        <source>Review letter again — {reply}</source>
        <translation>再次审核答复函 — {reply}</translation>
    </message>
    <message>
        <source>Review letter — {file}</source>
        <translation>审核答复函 — {file}</translation>
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
        <source>Add as &amp;new</source>
        <translation>仍然新建(&amp;N)</translation>
    </message>
    <message>
        <source>Keep this suggestion as a promise of its own, although the ledger holds a promise like it</source>
        <translation>台账中虽有相似承诺，仍把这条建议作为单独的承诺</translation>
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
        <source>This letter&apos;s reply is already in the ledger: saving updates it and adds the targets you accept to it.</source>
        <translation>此答复函的答复已在台账中：保存将更新该答复，并把您采纳的指标添加到其中。</translation>
    </message>
    <message>
        <source>Decided before: {in_ledger} in the ledger (not saved again), {rejected} rejected; {pending} undecided.</source>
        <translation>此前的决定：{in_ledger} 条已在台账中（不再重复保存），{rejected} 条已驳回；{pending} 条未决定。</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) repeat promises the ledger holds already (marked in orange): accepting links them to those instead of adding them again.</source>
        <translation>
            <numerusform>%n条建议与台账中已有的承诺相同（橙色标出）：采纳时关联到已有承诺，不会重复录入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) have a low confidence (marked ⚠): check them against the letter.</source>
        <translation>
            <numerusform>%n条建议置信度低（标有 ⚠）：请对照原文核对。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Link to existing</source>
        <translation>关联已有(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) already in the ledger were not saved again.</source>
        <translation>
            <numerusform>%n 个指标已在台账中，未重复保存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undecided suggestion(s) are kept for later; choose Review letter again on the reply in the Replies list to decide them.</source>
        <translation>
            <numerusform>%n 条未决定的识别结果已保留待办；在“答复”列表中对该答复选择“再次审核答复函”即可决定。</numerusform>
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
    <message>
        <source>, {count} already in the ledger</source>
        <translation>，{count} 条已在台账中</translation>
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
        <source>Copy rows</source>
        <translation>复制行</translation>
    </message>
    <message>
        <source>Paste rows from Excel…</source>
        <translation>从 Excel 粘贴行…</translation>
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
    <message>
        <source>No records match the search and filters. Clear filters shows them all.</source>
        <translation>没有符合搜索和筛选条件的记录。点“清除筛选”可显示全部。</translation>
    </message>
    <message>
        <source>No proposals yet. Ctrl+N adds one, Ctrl+I imports a reply letter, Ctrl+V pastes rows copied from an Excel ledger, Ctrl+Shift+I imports a whole ledger.</source>
        <translation>还没有建议提案。Ctrl+N 新建一条，Ctrl+I 导入答复函，Ctrl+V 粘贴从 Excel 台账复制的行，Ctrl+Shift+I 导入整个台账。</translation>
    </message>
    <message>
        <source>No replies yet. Select a proposal and press Ctrl+N to answer it, or import a reply letter with Ctrl+I.</source>
        <translation>还没有答复。选中一条建议按 Ctrl+N 为它新建答复，或按 Ctrl+I 导入答复函。</translation>
    </message>
    <message>
        <source>No commitments yet. Import a reply letter (Ctrl+I) to find its promises, or select a reply and press Ctrl+N.</source>
        <translation>还没有承诺。导入答复函（Ctrl+I）自动找出其中的承诺，或选中一条答复按 Ctrl+N。</translation>
    </message>
    <message>
        <source>No evidence yet. Select a target in Commitments &amp; targets and press Ctrl+N, or import a news report (Ctrl+I).</source>
        <translation>还没有佐证。在“承诺与指标”中选中一项指标按 Ctrl+N，或导入新闻报道（Ctrl+I）。</translation>
    </message>
    <message>
        <source>No reminders. They are made from reply deadlines, promise deadlines and targets without recent evidence.</source>
        <translation>没有提醒。提醒根据答复期限、承诺期限和久未更新佐证的指标生成。</translation>
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
        <source>Due reminders</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>Contacts with proposers</source>
        <translation>与代表沟通记录</translation>
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
        <source>The reminders could not be brought up to date: {reason}</source>
        <translation>提醒未能更新：{reason}</translation>
    </message>
    <message>
        <source>The reminders could not be brought up to date; the details are in {log}.</source>
        <translation>提醒未能更新，详情见 {log}。</translation>
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
        <source>Ctrl+N makes a new {kind}</source>
        <translation>Ctrl+N 新建{kind}</translation>
    </message>
    <message>
        <source>{file} was imported before; nothing changed.</source>
        <translation>{file} 之前已导入；未做任何改动。</translation>
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
        <source>New ledger</source>
        <translation>新建台账</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new name, or open it with Open ledger.</source>
        <translation>{path} 已存在；请换一个文件名，或用“打开台账”打开它。</translation>
    </message>
    <message>
        <source>Save a copy of the ledger</source>
        <translation>另存台账副本</translation>
    </message>
    <message>
        <source>Choose another file than the open ledger.</source>
        <translation>请选择与当前台账不同的文件。</translation>
    </message>
    <message>
        <source>A copy of the ledger was written to {path}.</source>
        <translation>台账副本已保存到 {path}。</translation>
    </message>
    <message>
        <source>Preparing the demo ledger…</source>
        <translation>正在准备演示台账…</translation>
    </message>
    <message>
        <source>The demo ledger could not be made; details are in the log.</source>
        <translation>无法生成演示台账，详情见日志。</translation>
    </message>
    <message>
        <source>Select a proposal (or a reply) first.</source>
        <translation>请先选中一条建议（或答复）。</translation>
    </message>
    <message>
        <source>The dossier was written to {path}.</source>
        <translation>办理档案已保存到 {path}。</translation>
    </message>
    <message>
        <source>{title} {version}
Proposals, reply letters, their promises and the evidence.

Database: {path}
Data folder: {data}
Log folder: {logs}</source>
        <translation>{title} {version}
建议提案、答复函、答复中的承诺及其佐证。

台账文件：{path}
数据文件夹：{data}
日志文件夹：{logs}</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Reply deadline</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Key supervised</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <source>Result class</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>%n record(s) changed.</source>
        <translation>已修改%n条记录。</translation>
    </message>
    <message>
        <source>Change selected rows</source>
        <translation>批量修改所选行</translation>
    </message>
    <message>
        <source>New {field} for the selected rows (empty clears it):</source>
        <translation>所选行的新{field}（留空即清除）：</translation>
    </message>
    <message>
        <source>Snooze reminders</source>
        <translation>推迟提醒</translation>
    </message>
    <message>
        <source>Snooze until (a date after today):</source>
        <translation>推迟到（今天以后的日期）：</translation>
    </message>
    <message>
        <source>Select rows in a list first</source>
        <translation>请先在列表中选中行</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标为已完成</translation>
    </message>
    <message>
        <source>Snooze until…</source>
        <translation>推迟到…</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Set {field} of %n row(s)</source>
        <translation>设置%n行的{field}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>New {kind} for it</source>
        <translation>为它新建{kind}</translation>
    </message>
    <message>
        <source>Rows copied from Excel can be pasted into Proposals, Replies, Commitments &amp; targets and Evidence.</source>
        <translation>从 Excel 复制的行可以粘贴到“建议提案”“答复”“承诺与指标”和“佐证”列表中。</translation>
    </message>
    <message>
        <source>%n record(s) added.</source>
        <translation>已添加%n条记录。</translation>
    </message>
    <message>
        <source>Delete {record} and everything recorded under it? Undo (Ctrl+Z) brings it back; the history keeps a copy.</source>
        <translation>删除“{record}”及其下的全部记录？撤销（Ctrl+Z）可以恢复；变更历史中保留副本。</translation>
    </message>
    <message>
        <source>Delete %n records and everything recorded under them? Undo (Ctrl+Z) brings them back; the history keeps a copy.</source>
        <translation>删除这%n条记录及其下的全部记录？撤销（Ctrl+Z）可以恢复；变更历史中保留副本。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New record: a reply for the selected proposal, a commitment for the selected reply, a target for the selected commitment (Ctrl+N)</source>
        <translation>新建记录：选中建议时新建其答复，选中答复时新建承诺，选中承诺时新建指标（Ctrl+N）</translation>
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
        <source>Con&amp;tact with the proposer</source>
        <translation>与代表沟通(&amp;T)</translation>
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
        <source>New &amp;ledger…</source>
        <translation>新建台账(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Open ledger…</source>
        <translation>打开台账(&amp;O)…</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>另存副本为(&amp;C)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo ledger</source>
        <translation>打开演示台账(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import letter…</source>
        <translation>导入答复函(&amp;I)…</translation>
    </message>
    <message>
        <source>Review letter &amp;again…</source>
        <translation>再次审核答复函(&amp;A)…</translation>
    </message>
    <message>
        <source>Review the selected reply&apos;s letter again, from its stored text: decide its undecided suggestions</source>
        <translation>按已保存的原文再次审核所选答复的答复函，决定其中未决定的识别结果</translation>
    </message>
    <message>
        <source>Import Excel &amp;ledger…</source>
        <translation>导入 Excel 台账(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Export workbook…</source>
        <translation>导出台账(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print the proposal&apos;s dossier…</source>
        <translation>打印建议办理档案(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the proposal&apos;s dossier as &amp;PDF…</source>
        <translation>建议办理档案另存为 PDF(&amp;F)…</translation>
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
        <source>Undo {step}</source>
        <translation>撤销{step}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo {step}</source>
        <translation>重做{step}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>复制所选行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste rows from Excel…</source>
        <translation>从 Excel 粘贴行(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete selected records…</source>
        <translation>删除所选记录(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>使用指南(&amp;G)</translation>
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
        <source>&amp;Contacts with proposers…</source>
        <translation>与代表沟通记录(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Publication check…</source>
        <translation>公开前检查(&amp;P)…</translation>
    </message>
    <message>
        <source>Find the personal data in the selected reply&apos;s text and save a redacted copy to publish</source>
        <translation>查找所选答复正文中的个人信息，并保存隐去个人信息后的公开文本</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
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
        <source>Change selected &amp;rows</source>
        <translation>批量修改所选行(&amp;R)</translation>
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
        <source>The field &apos;{field}&apos; has a value the ledger does not accept; correct it.</source>
        <translation>字段“{field}”的值不被台账接受；请改正。</translation>
    </message>
    <message>
        <source>The database refused to save the record; check its values and save again.</source>
        <translation>数据库拒绝保存该记录；请检查各项内容后重新保存。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is empty (0 bytes); it is not a Reply Ledger database.</source>
        <translation>“{path}”是空文件（0 字节），不是答复承诺台账数据库。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a folder, not a database file; choose the ledger&apos;s file.</source>
        <translation>“{path}”是文件夹，不是数据库文件，请选择台账文件。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a SQLite file but not a Reply Ledger database.</source>
        <translation>“{path}”是 SQLite 文件，但不是答复承诺台账数据库。</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; is read-only; make it writable or copy it to a folder you can write to.</source>
        <translation>数据库“{path}”为只读：请将其改为可写，或复制到您有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>The folder of the database &apos;{path}&apos; is read-only; copy the file to a folder you can write to, or ask for write access.</source>
        <translation>数据库“{path}”所在的文件夹为只读：请将文件复制到您有写入权限的文件夹，或申请写入权限。</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; cannot be opened (its folder may be read-only, full or gone); check the folder and try again.</source>
        <translation>无法打开数据库“{path}”（所在文件夹可能只读、已满或已不存在），请检查文件夹后重试。</translation>
    </message>
    <message>
        <source>The ledger &apos;{path}&apos; is busy: another program has been writing to it for {seconds} seconds; try again when it has finished.</source>
        <translation>台账“{path}”正忙：另一个程序已持续写入 {seconds} 秒，请待其完成后重试。</translation>
    </message>
    <message>
        <source>The disk holding &apos;{path}&apos; is full, so this change was not saved; free some space and try again.</source>
        <translation>“{path}”所在的磁盘已满，本次修改未保存。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>Reading or writing &apos;{path}&apos; failed (the disk may be full or failing); nothing was saved. Check the disk and try again.</source>
        <translation>读写“{path}”失败（磁盘可能已满或出现故障），未保存任何内容。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is on a read-only disk; choose a place you can write to.</source>
        <translation>“{path}”位于只读磁盘上，请选择可以写入的位置。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; cannot be written or read (permission denied); choose a file and folder you may use.</source>
        <translation>无权读写“{path}”，请选择您有权使用的文件和文件夹。</translation>
    </message>
    <message>
        <source>This record was saved by {actor} at {at} after you opened it; reload it to see that change, then make your edit again.</source>
        <translation>在您打开此记录之后，{actor} 于 {at} 保存过它。请重新载入查看该修改，然后再做您的修改。</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; holds a number too large to store; check the value.</source>
        <translation>字段“{field}”中的数值过大，无法保存，请检查数值。</translation>
    </message>
    <message>
        <source>The search has {terms} different words; search with at most {limit}.</source>
        <translation>搜索内容包含 {terms} 个不同的词，最多只能用 {limit} 个。</translation>
    </message>
    <message>
        <source>The folder of the backup &apos;{path}&apos; does not exist; choose another place.</source>
        <translation>备份“{path}”所在的文件夹不存在，请另选位置。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a folder; give the backup a file name.</source>
        <translation>“{path}”是文件夹，请为备份指定文件名。</translation>
    </message>
    <message>
        <source>The backup &apos;{path}&apos; could not be written; nothing was written. Check the disk and the folder.</source>
        <translation>无法写入备份“{path}”，未写入任何内容。请检查磁盘和文件夹。</translation>
    </message>
    <message>
        <source>The backup written to &apos;{path}&apos; failed its check; nothing was kept. Check the disk and try again.</source>
        <translation>写入“{path}”的备份未通过检查，未保留任何文件。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is damaged or half-written; choose a complete backup.</source>
        <translation>“{path}”已损坏或未写完整，请选择完整的备份。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a backup of a Reply Ledger database; choose another file.</source>
        <translation>“{path}”不是答复承诺台账的备份，请选择其他文件。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is the ledger itself; choose a backup file.</source>
        <translation>“{path}”就是台账本身，请选择备份文件。</translation>
    </message>
    <message>
        <source>Not restoring &apos;{path}&apos;: {reasons}. Nothing was changed.</source>
        <translation>未恢复“{path}”：{reasons}。未做任何更改。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; could not be restored; the ledger is as it was.</source>
        <translation>无法恢复“{path}”，台账保持原样。</translation>
    </message>
    <message>
        <source>The folder of &apos;{path}&apos; does not exist; create it or choose another file.</source>
        <translation>“{path}”所在的文件夹不存在；请先创建，或另选文件。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; could not be written; check that the folder is writable and the file is not open elsewhere.</source>
        <translation>无法写入“{path}”；请检查文件夹可以写入，且文件没有在其他程序中打开。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; does not end in .txt or .docx; name the redacted copy with one of them.</source>
        <translation>“{path}”的扩展名不是 .txt 或 .docx；请用其中之一命名公开文本。</translation>
    </message>
    <message>
        <source>The server of &apos;{url}&apos; asks for {user}&apos;s password; enter it, or keep it in your PostgreSQL password file.</source>
        <translation>“{url}”的服务器要求输入 {user} 的密码；请输入密码，或将其保存在您的 PostgreSQL 密码文件中。</translation>
    </message>
    <message>
        <source>The server of &apos;{url}&apos; did not accept the user name or password; check them with the ledger&apos;s administrator.</source>
        <translation>“{url}”的服务器不接受该用户名或密码；请向台账管理员核实。</translation>
    </message>
    <message>
        <source>The server has no database &apos;{database}&apos;; check the name, or ask the ledger&apos;s administrator to create it.</source>
        <translation>服务器上没有数据库“{database}”；请检查名称，或请台账管理员创建。</translation>
    </message>
    <message>
        <source>The user {user} may not open the ledger &apos;{url}&apos;; ask the ledger&apos;s administrator for the clerk or auditor role.</source>
        <translation>用户 {user} 无权打开台账“{url}”；请向台账管理员申请经办人或审计员角色。</translation>
    </message>
    <message>
        <source>The ledger server of &apos;{url}&apos; cannot be reached ({reason}); check the address and the network, or ask the ledger&apos;s administrator.</source>
        <translation>无法连接“{url}”的台账服务器（{reason}）；请检查地址和网络，或联系台账管理员。</translation>
    </message>
    <message>
        <source>The server address &apos;{url}&apos; is not valid; write it as postgresql://USER@HOST/DATABASE.</source>
        <translation>服务器地址“{url}”无效；请写成 postgresql://用户@主机/数据库。</translation>
    </message>
    <message>
        <source>The database &apos;{url}&apos; cannot hold a searchable Chinese ledger (encoding {encoding}, character type {ctype}); ask the ledger&apos;s administrator to create it with server-init.</source>
        <translation>数据库“{url}”无法存放可检索的中文台账（编码 {encoding}，字符类型 {ctype}）；请台账管理员用 server-init 重新创建。</translation>
    </message>
    <message>
        <source>A row of {table} could not be copied to &apos;{target}&apos;; nothing was kept.</source>
        <translation>{table} 中有一行无法复制到“{target}”；未保留任何内容。</translation>
    </message>
    <message>
        <source>The copy of &apos;{source}&apos; to &apos;{target}&apos; failed its check ({problem}); nothing was kept.</source>
        <translation>从“{source}”复制到“{target}”的副本未通过核验（{problem}）；未保留任何内容。</translation>
    </message>
    <message>
        <source>You may read the ledger &apos;{path}&apos; but not change it; ask the ledger&apos;s administrator for the clerk role to make changes.</source>
        <translation>您可以查阅台账“{path}”，但不能修改；如需修改，请向台账管理员申请经办人角色。</translation>
    </message>
    <message>
        <source>The ledger &apos;{url}&apos; was made by an older Reply Ledger; ask the ledger&apos;s administrator to run server-init once to bring it up to date.</source>
        <translation>台账“{url}”由旧版答复承诺台账创建；请台账管理员运行一次 server-init 将其升级。</translation>
    </message>
    <message>
        <source>The reply {doc_number} has no letter text to review; import its letter file instead.</source>
        <translation>答复 {doc_number} 没有可审核的答复函原文；请改为导入其答复函文件。</translation>
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
        <source>Evidence needs a measured value, or a yes/no for a qualitative target; enter one.</source>
        <translation>佐证需要填写实测数值；定性指标请选择“是”或“否”。</translation>
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
        <source>The document&apos;s fingerprint (SHA-256) is not valid; import the file again.</source>
        <translation>文件指纹（SHA-256）无效；请重新导入该文件。</translation>
    </message>
    <message>
        <source>A snoozed reminder needs the date it wakes up; pick one.</source>
        <translation>推迟的提醒需要恢复日期；请选择。</translation>
    </message>
    <message>
        <source>A reminder can only be snoozed until a day after today ({today}); pick a later date.</source>
        <translation>提醒只能推迟到今天（{today}）之后的日期；请选择更晚的日期。</translation>
    </message>
    <message>
        <source>A reminder can only be snoozed until a day after today; pick a later date.</source>
        <translation>提醒只能推迟到今天之后的日期；请选择更晚的日期。</translation>
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
        <source>&apos;{value}&apos; is not a yes or no; write 是 or 否.</source>
        <translation>“{value}”不是“是”或“否”；请填写 是 或 否。</translation>
    </message>
    <message>
        <source>No proposal numbered &apos;{number}&apos; is in the ledger; check the number and the session.</source>
        <translation>台账中没有编号为“{number}”的建议；请核对编号和届次。</translation>
    </message>
    <message>
        <source>Several proposals are numbered &apos;{number}&apos; (sessions: {sessions}); name the session too.</source>
        <translation>有多条建议编号为“{number}”（届次：{sessions}）；请同时指明届次。</translation>
    </message>
    <message>
        <source>The folder of &apos;{path}&apos; does not exist; choose another place for the PDF.</source>
        <translation>“{path}”所在的文件夹不存在；请为 PDF 另选位置。</translation>
    </message>
    <message>
        <source>The PDF &apos;{path}&apos; could not be written; choose another place, or close it where it is open.</source>
        <translation>无法写入 PDF“{path}”；请另选位置，或先关闭打开它的程序。</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a setting of this version; check its spelling.</source>
        <translation>“{field}”不是本版本的设置项；请检查拼写。</translation>
    </message>
    <message>
        <source>The setting &apos;{label}&apos; needs a value of another kind; enter a whole number or text as its label says.</source>
        <translation>设置“{label}”的值类型不对；请按说明填写整数或文字。</translation>
    </message>
    <message>
        <source>The setting &apos;{label}&apos; must be at least {minimum}.</source>
        <translation>设置“{label}”不能小于 {minimum}。</translation>
    </message>
    <message>
        <source>The setting &apos;{label}&apos; must be at most {maximum}.</source>
        <translation>设置“{label}”不能大于 {maximum}。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a result-class scheme; choose ABCD, ABC, 甲乙丙 or custom.</source>
        <translation>“{value}”不是办理结果分类方案；请选择 ABCD、ABC、甲乙丙或自定义。</translation>
    </message>
    <message>
        <source>Each result class needs its own code.</source>
        <translation>每个办理结果类别都需要一个不重复的代码。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is larger than 64 MB; import the letter itself, not an archive.</source>
        <translation>“{file}”超过 64 MB；请导入答复函本身，而不是压缩包。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; does not exist; check the file name.</source>
        <translation>“{file}”不存在；请检查文件名。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is a folder; choose the letter files inside it.</source>
        <translation>“{file}”是文件夹；请选择其中的答复函文件。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; cannot be read; check that it is not locked or moved.</source>
        <translation>无法读取“{file}”；请确认该文件未被锁定或移动。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is empty; choose the file that holds the letter text.</source>
        <translation>“{file}”是空文件；请选择包含答复函正文的文件。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a format the ledger reads; save it as .docx, .pdf or .txt and import that.</source>
        <translation>台账无法读取“{file}”的格式；请另存为 .docx、.pdf 或 .txt 后再导入。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not text in a known encoding (UTF-8 or GBK); open it and save it as UTF-8 text.</source>
        <translation>“{file}”的文字编码无法识别（不是 UTF-8 或 GBK）；请打开后另存为 UTF-8 文本。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a readable Word .docx file (it may be damaged or another format); open it in Word or WPS and save it again as .docx.</source>
        <translation>“{file}”不是可读取的 Word .docx 文件（可能已损坏或是其他格式）；请用 Word 或 WPS 打开后重新另存为 .docx。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is a password-protected PDF; save an unprotected copy and import that.</source>
        <translation>“{file}”是设有密码的 PDF；请另存一份无密码的副本后导入。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a readable PDF (it may be damaged); open it and save or print it again as PDF.</source>
        <translation>“{file}”不是可读取的 PDF（可能已损坏）；请打开后重新保存或打印为 PDF。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has no text layer (it is probably a scan); run OCR on it or import the letter as .docx or .txt.</source>
        <translation>“{file}”没有文字层（可能是扫描件）；请先做文字识别（OCR），或导入 .docx、.txt 格式的答复函。</translation>
    </message>
    <message>
        <source>The folder of &apos;{path}&apos; does not exist; create it or choose another place.</source>
        <translation>“{path}”所在的文件夹不存在；请先创建该文件夹或选择其他位置。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a folder; give a file name ending in .xlsx.</source>
        <translation>“{path}”是文件夹；请给出以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; does not end in .xlsx; give the workbook an .xlsx name.</source>
        <translation>“{path}”不以 .xlsx 结尾；请为工作簿使用 .xlsx 文件名。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is open or locked in another program (Excel, WPS or LibreOffice); close it and export again.</source>
        <translation>“{path}”已在其他程序（Excel、WPS 或 LibreOffice）中打开或被锁定；请关闭后重新导出。</translation>
    </message>
    <message>
        <source>The folder of &apos;{path}&apos; is read-only; choose a folder you can write to.</source>
        <translation>“{path}”所在的文件夹为只读；请选择可写入的文件夹。</translation>
    </message>
    <message>
        <source>The workbook &apos;{path}&apos; could not be written; check that the disk has room and the file is not open elsewhere, then export again.</source>
        <translation>无法写入工作簿“{path}”；请确认磁盘空间充足且文件未在别处打开，然后重新导出。</translation>
    </message>
    <message>
        <source>The ledger &apos;{path}&apos; does not exist; check the path.</source>
        <translation>台账“{path}”不存在；请检查路径。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not an Excel workbook that can be read; save it as .xlsx and try again.</source>
        <translation>“{path}”不是可读取的 Excel 工作簿；请另存为 .xlsx 后重试。</translation>
    </message>
    <message>
        <source>No header row was found in sheet &apos;{sheet}&apos; of &apos;{file}&apos;; give the number of the row that names the columns (such as 建议编号 and 建议标题).</source>
        <translation>在“{file}”的工作表“{sheet}”中未找到表头行；请填写列名（如建议编号、建议标题）所在的行号。</translation>
    </message>
    <message>
        <source>Sheet &apos;{sheet}&apos; of &apos;{file}&apos; has no column for {field}; choose the column that holds it.</source>
        <translation>“{file}”的工作表“{sheet}”中没有“{field}”列；请选择包含该内容的列。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; does not say which session its proposals belong to; enter the session, such as 常州市十六届人大五次会议, or choose the column 届次.</source>
        <translation>“{file}”没有写明建议所属的届次；请填写届次（如常州市十六届人大五次会议），或选择“届次”列。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has no sheet &apos;{sheet}&apos;; its sheets are {sheets}.</source>
        <translation>“{file}”中没有工作表“{sheet}”；其工作表为：{sheets}。</translation>
    </message>
    <message>
        <source>The ledger does not say which session this proposal belongs to; enter the session or choose the column 届次.</source>
        <translation>台账没有写明这件建议所属的届次；请填写届次，或选择“届次”列。</translation>
    </message>
    <message>
        <source>No proposal {value} is in the ledger; add the proposal first, or correct its number or session.</source>
        <translation>台账中没有建议 {value}；请先添加该建议，或改正其编号或届次。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a word the import knows for the column {column}; write one of {accepted}.</source>
        <translation>“{value}”不是“{column}”列可识别的词；请填写以下之一：{accepted}。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is too large for an amount; write the figure as it is.</source>
        <translation>“{value}”作为数额过大；请按实际数字填写。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is damaged and cannot be read; open it in Excel or WPS, save it again and import the saved copy.</source>
        <translation>“{file}”已损坏，无法读取；请用 Excel 或 WPS 打开并重新保存，再导入保存后的文件。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is protected by a password and cannot be read; open it in Excel or WPS, remove the password, save it and import the saved copy.</source>
        <translation>“{file}”设有密码，无法读取；请在 Excel 或 WPS 中打开，取消密码并保存，再导入保存后的文件。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is too large to be a ledger: {found}, more than the limit of {limit}; split it into smaller workbooks.</source>
        <translation>“{file}”过大，不像是台账：{found}，超过上限 {limit}；请拆分为较小的工作簿。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a folder, not a ledger file; choose the workbook itself.</source>
        <translation>“{path}”是文件夹，不是台账文件；请选择工作簿文件本身。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a ledger file that can be read; save it as .xlsx, .xls, .ods or .csv.</source>
        <translation>“{file}”不是可读取的台账文件；请另存为 .xlsx、.xls、.ods 或 .csv。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is neither UTF-8 nor GBK text; save it as CSV (UTF-8) and import that.</source>
        <translation>“{file}”既不是 UTF-8 也不是 GBK 编码的文本；请另存为 CSV（UTF-8）后再导入。</translation>
    </message>
    <message>
        <source>The sheets {sheets} of &apos;{file}&apos; are of different years but are all given the session &apos;{session}&apos;; give each sheet its own session.</source>
        <translation>“{file}”的工作表 {sheets} 年度不同，却都指定为届次“{session}”；请为每个工作表分别指定届次。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a rating; write 满意, 基本满意 or 不满意.</source>
        <translation>“{value}”不是有效的满意度；请填写满意、基本满意或不满意。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a result class; write one of the office&apos;s classes, such as A, B or C.</source>
        <translation>“{value}”不是有效的办理结果类别；请填写本单位使用的类别，如 A、B、C。</translation>
    </message>
    <message>
        <source>{rows} row(s) of &apos;{file}&apos; cannot be imported, so nothing was imported; correct them in the workbook, or choose to skip them.</source>
        <translation>“{file}”中有 {rows} 行无法导入，因此未导入任何内容；请在工作簿中改正这些行，或选择跳过。</translation>
    </message>
    <message>
        <source>The reply this row belongs to is not in the ledger or the workbook; add it first.</source>
        <translation>该行所属的答复不在台账或工作簿中；请先添加该答复。</translation>
    </message>
    <message>
        <source>A rating needs the reply it rates; fill in the reply&apos;s columns.</source>
        <translation>满意度评价需要对应的答复；请填写答复各列。</translation>
    </message>
    <message>
        <source>No reply &apos;{value}&apos; is in the ledger or the workbook; add the reply first.</source>
        <translation>台账和工作簿中都没有答复“{value}”；请先添加该答复。</translation>
    </message>
    <message>
        <source>The document number &apos;{value}&apos; already belongs to the reply to {other}; check the number.</source>
        <translation>文号“{value}”已用于对{other}的答复；请核对文号。</translation>
    </message>
    <message>
        <source>The target &apos;{indicator}&apos; of the commitment &apos;{title}&apos; is not in the ledger or the workbook; add it to the sheet 承诺与指标 first.</source>
        <translation>承诺“{title}”的指标“{indicator}”不在台账或工作簿中；请先在“承诺与指标”工作表中添加。</translation>
    </message>
    <message>
        <source>The reminder&apos;s subject &apos;{value}&apos; is not in the ledger or the workbook; fix the name or clear it.</source>
        <translation>提醒关联的对象“{value}”不在台账或工作簿中；请改正名称或清空。</translation>
    </message>
    <message>
        <source>The proposal &apos;{value}&apos; is not in the sheet {sheet}; add it there or fix the name.</source>
        <translation>建议“{value}”不在“{sheet}”工作表中；请在该表中添加或改正名称。</translation>
    </message>
    <message>
        <source>The row names neither a reply document number nor a proposal; fill in one of them.</source>
        <translation>该行既没有答复文号也没有建议；请至少填写其中一项。</translation>
    </message>
    <message>
        <source>Evidence needs the commitment and indicator it measures; fill in 承诺事项 and 指标.</source>
        <translation>佐证需要注明所佐证的承诺和指标；请填写“承诺事项”和“指标”。</translation>
    </message>
    <message>
        <source>The row has progress or a deadline but no commitment (承诺事项) to attach it to; add the commitment or clear the cells.</source>
        <translation>该行有落实情况或完成时限，但没有对应的承诺事项；请补填承诺事项，或清空这些单元格。</translation>
    </message>
    <message>
        <source>The report &apos;{path}&apos; could not be written; check that the folder is writable.</source>
        <translation>无法写入报告“{path}”；请确认文件夹可写。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; holds {length} characters of text, more than the {limit} a letter or article may hold; import the letter itself, or split the document.</source>
        <translation>“{file}”的正文有 {length} 个字符，超过答复函或文章的上限 {limit} 个字符。请只导入答复函本身，或将文件拆分。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; unpacks to far more than a letter holds; it is damaged or not a letter.</source>
        <translation>“{file}”解压后的内容远超一封答复函应有的大小，文件已损坏或不是答复函。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has {pages} pages, more than the {limit} a letter or article may have; import the letter itself.</source>
        <translation>“{file}”有 {pages} 页，超过答复函或文章的上限 {limit} 页，请只导入答复函本身。</translation>
    </message>
    <message>
        <source>Evidence suggestion #{id} was decided already; only a pending suggestion can be accepted or rejected.</source>
        <translation>佐证建议 #{id} 已处理过；只有待审核的建议才能采纳或驳回。</translation>
    </message>
    <message>
        <source>The target of evidence suggestion #{id} was deleted; reject the suggestion.</source>
        <translation>佐证建议 #{id} 对应的指标已被删除；请驳回该建议。</translation>
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
    <name>OfficeServer</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password of {user} for {url}:</source>
        <translation>{user} 登录 {url} 的密码：</translation>
    </message>
    <message>
        <source>Connect to office &amp;server…</source>
        <translation>连接单位台账服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Open the office&apos;s shared ledger on its PostgreSQL server</source>
        <translation>打开单位 PostgreSQL 服务器上的共享台账</translation>
    </message>
    <message>
        <source>Ledger on a network drive</source>
        <translation>台账位于网络驱动器上</translation>
    </message>
    <message>
        <source>This ledger is a file on a network drive ({kind}). SQLite cannot keep a file safe there when several computers open it: two clerks can damage the ledger. Keep the file on this computer&apos;s own disk, or put the office&apos;s ledger on its PostgreSQL server (reply-ledger migrate) and use File › Connect to office server….</source>
        <translation>此台账是网络驱动器（{kind}）上的文件。多台电脑同时打开时，SQLite 无法保证文件安全，两名经办人同时操作可能损坏台账。请将文件保存在本机磁盘上，或将单位台账迁移到 PostgreSQL 服务器（reply-ledger migrate），再通过“文件 › 连接单位台账服务器…”使用。</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Session</source>
        <translation>届次</translation>
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
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Proposers</source>
        <translation>提出人</translation>
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
    <message>
        <source>Key supervised</source>
        <translation>重点督办</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Time expression</source>
        <translation>时限原文</translation>
    </message>
    <message>
        <source>State set by hand</source>
        <translation>人工认定状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Proposal number</source>
        <translation>建议编号</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>所答建议</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>答复文号</translation>
    </message>
    <message>
        <source>Reply date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Result class</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Replying unit</source>
        <translation>答复单位</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>发文机关</translation>
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
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>佐证日期</translation>
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
        <source>Proposal of rows without a number</source>
        <translation>未写编号的行所答建议</translation>
    </message>
    <message>
        <source>Target of every row</source>
        <translation>各行所属指标</translation>
    </message>
    <message>
        <source>Paste rows</source>
        <translation>粘贴行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were pasted. Check how each column is read; nothing is saved until you add the rows, all of them together.</source>
        <translation>
            <numerusform>粘贴了%n行。请检查每一列的对应关系；点“添加”之前不会保存，添加时所有行一次写入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>各列</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>The session of rows without one, e.g. 常州市十六届人大五次会议</source>
        <translation>未写届次的行所属届次，例如 常州市十六届人大五次会议</translation>
    </message>
    <message>
        <source>Session of every row</source>
        <translation>各行的届次</translation>
    </message>
    <message>
        <source>Reply of every row</source>
        <translation>各行所属答复</translation>
    </message>
    <message>
        <source>Session of the proposal numbers</source>
        <translation>建议编号所属届次</translation>
    </message>
    <message>
        <source>Choose a column or a value for: {fields}.</source>
        <translation>请为以下字段选择一列或填写取值：{fields}。</translation>
    </message>
    <message>
        <source>Row {row}, column &apos;{column}&apos;: {message}</source>
        <translation>第{row}行，“{column}”列：{message}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s).</source>
        <translation>
            <numerusform>……另有%n个问题。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n row(s)</source>
        <translation>
            <numerusform>添加%n行</numerusform>
        </translation>
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
        <source>Import an Excel ledger</source>
        <translation>导入 Excel 台账</translation>
    </message>
    <message>
        <source>Export the audit workbook</source>
        <translation>导出审计台账</translation>
    </message>
    <message>
        <source>Ledgers (*.sqlite3 *.db)</source>
        <translation>台账文件 (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the file as</source>
        <translation>文件另存为</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ProposalColumns</name>
    <message>
        <source>{date} (computed)</source>
        <translation>{date}（推算）</translation>
    </message>
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
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>By the rule: {explanation}</source>
        <translation>按规则：{explanation}</translation>
    </message>
</context>
<context>
    <name>PublicationCheckDialog</name>
    <message>
        <source>Save redacted copy</source>
        <translation>保存公开文本</translation>
    </message>
    <message>
        <source>Word document (*.docx);;Text (*.txt)</source>
        <translation>Word 文档 (*.docx);;文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Publication check — {reply}</source>
        <translation>公开前检查 — {reply}</translation>
    </message>
    <message>
        <source>This reply has no text to check; import its letter or type its text first.</source>
        <translation>这份答复没有正文可检查；请先导入答复函或录入正文。</translation>
    </message>
    <message>
        <source>{redacted} item(s) of personal data will be redacted; {kept} are kept for you to decide (office landlines, the handler&apos;s name).</source>
        <translation>将隐去{redacted}处个人信息；另有{kept}处保留，由您决定是否公开（办公电话、经办人姓名）。</translation>
    </message>
    <message>
        <source>&amp;Save redacted copy…</source>
        <translation>保存公开文本(&amp;S)…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到{path}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
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
    <message>
        <source>This record was deleted meanwhile.</source>
        <translation>此记录已被他人删除。</translation>
    </message>
    <message>
        <source>Open the original</source>
        <translation>打开原件</translation>
    </message>
    <message>
        <source>Save the original as…</source>
        <translation>原件另存为…</translation>
    </message>
    <message>
        <source>To attach when saved: {file}</source>
        <translation>保存时附加：{file}</translation>
    </message>
    <message>
        <source>Original: {file}</source>
        <translation>原件：{file}</translation>
    </message>
    <message>
        <source>{file} could not be written: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
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
    <name>ReloadOffer</name>
    <message>
        <source>Someone else saved this record after you opened it.</source>
        <translation>在您打开此记录之后，有人保存过它。</translation>
    </message>
    <message>
        <source>&amp;Reload the saved record</source>
        <translation>重新载入已保存的记录(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReminderColumns</name>
    <message>
        <source>Done on {date}</source>
        <translation>{date}已完成</translation>
    </message>
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
        <source>%n reminder(s) became due:</source>
        <translation>%n条提醒到期：</translation>
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
        <source>Show all reminders (snoozed and done ones too), not only the due ones</source>
        <translation>显示全部提醒（包括已推迟和已完成的），不只是到期的</translation>
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
        <source>&amp;Open again</source>
        <translation>重新打开(&amp;O)</translation>
    </message>
    <message>
        <source>A done or snoozed reminder becomes open again</source>
        <translation>把已完成或已推迟的提醒重新设为待办</translation>
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
    <message>
        <source>Undecided suggestions</source>
        <translation>未决定识别结果</translation>
    </message>
</context>
<context>
    <name>ReplyForm</name>
    <message>
        <source>Proposal</source>
        <translation>所答建议</translation>
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
        <source>The proposal this letter answers</source>
        <translation>这份答复函所答复的建议</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公开日期</translation>
    </message>
    <message>
        <source>Published where</source>
        <translation>公开网站</translation>
    </message>
    <message>
        <source>e.g. 常州市人民政府网站</source>
        <translation>例如：常州市人民政府网站</translation>
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
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
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
<context>
    <name>UndoCommands</name>
    <message>
        <source>edit of {record}</source>
        <translation>对“{record}”的修改</translation>
    </message>
    <message>
        <source>change of %n record(s)</source>
        <translation>对%n条记录的修改</translation>
    </message>
    <message>
        <source>creation of {record}</source>
        <translation>新建“{record}”</translation>
    </message>
    <message>
        <source>creation of %n record(s)</source>
        <translation>新建%n条记录</translation>
    </message>
    <message>
        <source>deletion of {record}</source>
        <translation>删除“{record}”</translation>
    </message>
    <message>
        <source>deletion of %n record(s)</source>
        <translation>删除%n条记录</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Reply Ledger</source>
        <translation>欢迎使用答复承诺台账</translation>
    </message>
    <message>
        <source>This ledger is empty. Proposals, the replies to them, every promise in the replies and the evidence that they were kept are tracked here. How do you want to start?</source>
        <translation>这个台账还是空的。建议提案、对它们的答复、答复中的每一项承诺以及兑现承诺的佐证都在这里跟踪。您想从哪里开始？</translation>
    </message>
    <message>
        <source>Import a reply letter…</source>
        <translation>导入答复函…</translation>
    </message>
    <message>
        <source>Read a .docx, .pdf, .txt or .html letter: its header and every promise are found for you to check.</source>
        <translation>读取 .docx、.pdf、.txt 或 .html 格式的答复函：自动找出函头和每一项承诺，供您核对。</translation>
    </message>
    <message>
        <source>Move in an Excel ledger…</source>
        <translation>迁入 Excel 台账…</translation>
    </message>
    <message>
        <source>Import the 台账 you keep in Excel or WPS: its columns are recognised by their names.</source>
        <translation>导入您在 Excel 或 WPS 中手工维护的台账：按列名自动识别各列。</translation>
    </message>
    <message>
        <source>Type records in</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>Open the lists and add a proposal with Ctrl+N, or paste rows copied from Excel with Ctrl+V.</source>
        <translation>打开列表，按 Ctrl+N 新建建议，或按 Ctrl+V 粘贴从 Excel 复制的行。</translation>
    </message>
    <message>
        <source>Open the demo ledger</source>
        <translation>打开演示台账</translation>
    </message>
    <message>
        <source>A real case: proposal 第021号, the reply 常工信复〔2021〕第39号, its 15 promises and the news that shows which were kept.</source>
        <translation>一个真实案例：第021号建议、常工信复〔2021〕第39号答复、其中的15项承诺，以及显示哪些承诺已兑现的新闻报道。</translation>
    </message>
    <message>
        <source>New ledger file…</source>
        <translation>新建台账文件…</translation>
    </message>
    <message>
        <source>Start another, empty ledger in a file of your choice (one per office or per year).</source>
        <translation>在您选择的文件中新建一个空台账（可按科室或年度分开）。</translation>
    </message>
    <message>
        <source>Open a ledger file…</source>
        <translation>打开台账文件…</translation>
    </message>
    <message>
        <source>Open a ledger kept in another file on this computer; a ledger several clerks share belongs on the office server.</source>
        <translation>打开本机其他文件中的台账；多人共用的台账请放在单位的服务器上。</translation>
    </message>
    <message>
        <source>Help › User guide (F1) explains the daily work step by step.</source>
        <translation>帮助 › 使用指南（F1）逐步说明日常操作。</translation>
    </message>
</context>
</TS>
