<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AcknowledgeDialog</name>
    <message>
      <source>Acknowledge alert</source>
      <translation>确认警报</translation>
    </message>
    <message>
      <source>Time:</source>
      <translation>时间：</translation>
    </message>
    <message>
      <source>Kind:</source>
      <translation>类型：</translation>
    </message>
    <message>
      <source>What happened:</source>
      <translation>发生了什么：</translation>
    </message>
    <message>
      <source>What did you do about it? (required)</source>
      <translation>您对此做了什么处理？（必填）</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Note:</source>
      <translation>备注：</translation>
    </message>
    <message>
      <source>%1 / %2 characters</source>
      <translation>%1 / %2 个字符</translation>
    </message>
    <message>
      <source>Write a note saying what was done about this alert.</source>
      <translation>请写一条备注，说明对该警报做了什么处理。</translation>
    </message>
    <message>
      <source>The note is longer than %1 characters.</source>
      <translation>备注超过了 %1 个字符。</translation>
    </message>
  </context>
  <context>
    <name>AdminLabels</name>
    <message>
      <source>Self</source>
      <translation>本人</translation>
    </message>
    <message>
      <source>Self + reports</source>
      <translation>本人及下属</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>本部门</translation>
    </message>
    <message>
      <source>Dept. + sub-depts</source>
      <translation>本部门及下属部门</translation>
    </message>
    <message>
      <source>Chosen depts…</source>
      <translation>指定部门…</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Calls and visits</source>
      <translation>通话与拜访</translation>
    </message>
    <message>
      <source>Reminders</source>
      <translation>提醒</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Policies</source>
      <translation>策略</translation>
    </message>
    <message>
      <source>Audit log</source>
      <translation>审计日志</translation>
    </message>
    <message>
      <source>Alerts</source>
      <translation>警报</translation>
    </message>
    <message>
      <source>Read</source>
      <translation>查看</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Reveal</source>
      <translation>显示完整</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Reassign</source>
      <translation>转移</translation>
    </message>
    <message>
      <source>Manage</source>
      <translation>管理</translation>
    </message>
    <message>
      <source>Hidden</source>
      <translation>隐藏</translation>
    </message>
    <message>
      <source>Read only</source>
      <translation>只读</translation>
    </message>
    <message>
      <source>Not masked</source>
      <translation>不遮蔽</translation>
    </message>
    <message>
      <source>Masked in lists</source>
      <translation>列表中遮蔽</translation>
    </message>
    <message>
      <source>Masked everywhere</source>
      <translation>全部遮蔽</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <source>Job title</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Phones</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Emails</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>省份/地区</translation>
    </message>
    <message>
      <source>Country code</source>
      <translation>国家代码</translation>
    </message>
    <message>
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Referred by</source>
      <translation>推荐人</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Custom fields</source>
      <translation>自定义字段</translation>
    </message>
  </context>
  <context>
    <name>AdminPage</name>
    <message>
      <source>Users</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Departures</source>
      <translation>离职交接</translation>
    </message>
    <message>
      <source>Policies</source>
      <translation>策略</translation>
    </message>
    <message>
      <source>Alerts</source>
      <translation>警报</translation>
    </message>
    <message>
      <source>Audit log</source>
      <translation>审计日志</translation>
    </message>
  </context>
  <context>
    <name>AgendaModel</name>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>%1 · today</source>
      <translation>%1 · 今天</translation>
    </message>
  </context>
  <context>
    <name>AgendaView</name>
    <message>
      <source>Agenda</source>
      <translation>日程</translation>
    </message>
    <message>
      <source>Nothing planned</source>
      <translation>暂无安排</translation>
    </message>
    <message>
      <source>All day</source>
      <translation>全天</translation>
    </message>
  </context>
  <context>
    <name>AlertLabels</name>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Bulk delete</source>
      <translation>批量删除</translation>
    </message>
    <message>
      <source>Many reveals</source>
      <translation>频繁查看明文</translation>
    </message>
    <message>
      <source>Failed sign-ins</source>
      <translation>登录失败</translation>
    </message>
    <message>
      <source>Role change</source>
      <translation>角色变更</translation>
    </message>
    <message>
      <source>Scope change</source>
      <translation>数据范围变更</translation>
    </message>
    <message>
      <source>Departure</source>
      <translation>员工离职</translation>
    </message>
    <message>
      <source>Password reset</source>
      <translation>密码重置</translation>
    </message>
    <message>
      <source>Backup restored</source>
      <translation>备份已恢复</translation>
    </message>
    <message>
      <source>Audit log tampered</source>
      <translation>审计日志被篡改</translation>
    </message>
  </context>
  <context>
    <name>AlertTableModel</name>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>发生了什么</translation>
    </message>
    <message>
      <source>Caused by</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Acknowledged by</source>
      <translation>确认人</translation>
    </message>
    <message>
      <source>Acknowledged at</source>
      <translation>确认时间</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>AlertWatcher</name>
    <message>
      <source>New alerts</source>
      <translation>新警报</translation>
    </message>
    <message numerus="yes">
      <source>%n new alert(s) for an administrator to look at.</source>
      <translation>
        <numerusform>有 %n 条新警报需要管理员处理。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AlertsPage</name>
    <message>
      <source>Kind of alert</source>
      <translation>警报类型</translation>
    </message>
    <message>
      <source>Every kind</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>When the alerts were raised</source>
      <translation>警报产生的时间</translation>
    </message>
    <message>
      <source>Unacknowledged only</source>
      <translation>仅显示未确认</translation>
    </message>
    <message>
      <source>Loading alerts…</source>
      <translation>正在加载警报…</translation>
    </message>
    <message>
      <source>Acknowledge…</source>
      <translation>确认…</translation>
    </message>
    <message numerus="yes">
      <source>%n alert(s)</source>
      <translation>
        <numerusform>%n 条警报</numerusform>
      </translation>
    </message>
    <message>
      <source>No alert matches these filters.</source>
      <translation>没有符合筛选条件的警报。</translation>
    </message>
    <message>
      <source>No alert is waiting: every alert has been acknowledged.</source>
      <translation>没有待处理的警报：所有警报都已确认。</translation>
    </message>
    <message>
      <source>No alerts yet. Exports, bulk deletes, bursts of reveals or failed sign-ins, role changes, departures, restores and a changed audit log raise one here.</source>
      <translation>暂无警报。导出、批量删除、频繁查看明文或多次登录失败、角色变更、员工离职、备份恢复以及审计日志被改动时，都会在这里产生警报。</translation>
    </message>
    <message>
      <source>Alert acknowledged.</source>
      <translation>警报已确认。</translation>
    </message>
  </context>
  <context>
    <name>AmountField</name>
    <message>
      <source>e.g. %1</source>
      <translation>例如 %1</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>Type the amount.</source>
      <translation>请输入金额。</translation>
    </message>
    <message>
      <source>Type an amount like %1.</source>
      <translation>请输入金额，例如 %1。</translation>
    </message>
    <message>
      <source>The amount must be above zero.</source>
      <translation>金额必须大于零。</translation>
    </message>
  </context>
  <context>
    <name>AnswerFields</name>
    <message>
      <source>Satisfaction (CSAT)</source>
      <translation>满意度（CSAT）</translation>
    </message>
    <message>
      <source>Would recommend (NPS)</source>
      <translation>推荐意愿（NPS）</translation>
    </message>
    <message>
      <source>Which survey or question, if any</source>
      <translation>哪项调查或问题（如有）</translation>
    </message>
    <message>
      <source>What the customer said</source>
      <translation>客户说了什么</translation>
    </message>
    <message>
      <source>Satisfaction:</source>
      <translation>满意度：</translation>
    </message>
    <message>
      <source>Recommend (0–10):</source>
      <translation>推荐意愿（0–10）：</translation>
    </message>
    <message>
      <source>Channel:</source>
      <translation>渠道：</translation>
    </message>
    <message>
      <source>Survey:</source>
      <translation>调查：</translation>
    </message>
    <message>
      <source>Comment:</source>
      <translation>评论：</translation>
    </message>
    <message>
      <source>Answered:</source>
      <translation>回答时间：</translation>
    </message>
    <message>
      <source>Choose a satisfaction score, a 0–10 answer, or both.</source>
      <translation>请选择满意度评分、0–10 推荐意愿，或两者都选。</translation>
    </message>
  </context>
  <context>
    <name>AppFlow</name>
    <message>
      <source>The vault is ready. Sign in as its administrator.</source>
      <translation>保险库已就绪。请以管理员身份登录。</translation>
    </message>
    <message>
      <source>The vault was locked after a period of inactivity.</source>
      <translation>由于长时间无操作，保险库已锁定。</translation>
    </message>
    <message>
      <source>The vault is locked.</source>
      <translation>保险库已锁定。</translation>
    </message>
  </context>
  <context>
    <name>AuditDetailsPane</name>
    <message>
      <source>Pick an event to see it in full.</source>
      <translation>选择一条事件以查看完整内容。</translation>
    </message>
    <message>
      <source>Event #%1: %2</source>
      <translation>事件 #%1：%2</translation>
    </message>
    <message>
      <source>Time: %1</source>
      <translation>时间：%1</translation>
    </message>
    <message>
      <source>Who: %1</source>
      <translation>操作人：%1</translation>
    </message>
    <message>
      <source>Record: %1 %2</source>
      <translation>记录：%1 %2</translation>
    </message>
    <message>
      <source>This %1 no longer exists.</source>
      <translation>该%1已不存在。</translation>
    </message>
    <message>
      <source>%1 now: %2</source>
      <translation>%1当前：%2</translation>
    </message>
  </context>
  <context>
    <name>AuditFilterBar</name>
    <message>
      <source>Who did it</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Anyone</source>
      <translation>任何人</translation>
    </message>
    <message>
      <source>Action (or its beginning)</source>
      <translation>操作（或其开头）</translation>
    </message>
    <message>
      <source>Any action</source>
      <translation>任何操作</translation>
    </message>
    <message>
      <source>Kind of record</source>
      <translation>记录类型</translation>
    </message>
    <message>
      <source>Any record</source>
      <translation>任何记录</translation>
    </message>
    <message>
      <source>When it happened</source>
      <translation>发生时间</translation>
    </message>
    <message>
      <source>Text in the details, ids or names</source>
      <translation>详情、ID 或姓名中的文字</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message>
      <source>CSV for Excel (*.csv);;JSON lines (*.jsonl)</source>
      <translation>适用于 Excel 的 CSV (*.csv);;JSON 行 (*.jsonl)</translation>
    </message>
    <message>
      <source>Verify chain</source>
      <translation>校验日志链</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) found so far; searching older events (before #%1)…</source>
      <translation>
        <numerusform>已找到 %n 条事件；正在搜索更早的事件（#%1 之前）…</numerusform>
      </translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s) shown; scroll for older ones.</source>
      <translation>
        <numerusform>已显示 %n 条事件；向下滚动查看更早的事件。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n event(s).</source>
      <translation>
        <numerusform>共 %n 条事件。</numerusform>
      </translation>
    </message>
    <message>
      <source>No event matches these filters.</source>
      <translation>没有符合筛选条件的事件。</translation>
    </message>
    <message>
      <source>The audit log is empty.</source>
      <translation>审计日志为空。</translation>
    </message>
    <message>
      <source>This customer no longer exists.</source>
      <translation>该客户已不存在。</translation>
    </message>
    <message>
      <source>Verifying the audit chain…</source>
      <translation>正在校验审计日志链…</translation>
    </message>
    <message numerus="yes">
      <source>The audit chain is intact: %n event(s). Head hash %1.</source>
      <translation>
        <numerusform>审计日志链完整：共 %n 条事件。链头哈希 %1。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The audit chain is broken at event #%1: the log was changed there. %n event(s) before it are intact.</source>
      <translation>
        <numerusform>审计日志链在事件 #%1 处断裂：日志在此处被改动过。其之前的 %n 条事件完整。</numerusform>
      </translation>
    </message>
    <message>
      <source>Export the audit log</source>
      <translation>导出审计日志</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n event(s) to %1.</source>
      <translation>
        <numerusform>已将 %n 条事件导出到 %1。</numerusform>
      </translation>
    </message>
    <message>
      <source>Could not write the export to %1: %2. Nothing was written; choose another place.</source>
      <translation>无法将导出写入 %1：%2。没有写入任何内容，请选择其他位置。</translation>
    </message>
  </context>
  <context>
    <name>AuditTableModel</name>
    <message>
      <source>#</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录类型</translation>
    </message>
    <message>
      <source>Record id</source>
      <translation>记录 ID</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
  </context>
  <context>
    <name>CalendarEntry</name>
    <message>
      <source>All day</source>
      <translation>全天</translation>
    </message>
    <message>
      <source>Customer: %1</source>
      <translation>客户：%1</translation>
    </message>
    <message>
      <source>Owner: %1</source>
      <translation>负责人：%1</translation>
    </message>
    <message>
      <source>Repeats</source>
      <translation>重复</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Snoozed until %1</source>
      <translation>已推迟至 %1</translation>
    </message>
  </context>
  <context>
    <name>CalendarPage</name>
    <message>
      <source>d MMM yyyy</source>
      <translation>yyyy年M月d日</translation>
    </message>
    <message>
      <source>MMMM yyyy</source>
      <translation>yyyy年M月</translation>
    </message>
  </context>
  <context>
    <name>CalendarToolbar</name>
    <message>
      <source>Previous</source>
      <translation>上一页</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一页</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>日程</translation>
    </message>
    <message>
      <source>Show these kinds of reminder</source>
      <translation>显示这些类型的提醒</translation>
    </message>
    <message>
      <source>Show done reminders</source>
      <translation>显示已完成的提醒</translation>
    </message>
    <message>
      <source>Whose reminders to show</source>
      <translation>显示谁的提醒</translation>
    </message>
    <message>
      <source>New reminder…</source>
      <translation>新建提醒…</translation>
    </message>
    <message>
      <source>Calendar file</source>
      <translation>日历文件</translation>
    </message>
    <message>
      <source>Exchange reminders with Outlook, Google Calendar and other calendar programs (.ics)</source>
      <translation>与 Outlook、Google 日历等日历程序交换提醒（.ics）</translation>
    </message>
    <message>
      <source>Import .ics…</source>
      <translation>导入 .ics…</translation>
    </message>
    <message>
      <source>Export .ics…</source>
      <translation>导出 .ics…</translation>
    </message>
    <message>
      <source>Everyone I can see</source>
      <translation>我可见的所有人</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>我的</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>Kinds: %1 of %2</source>
      <translation>类型：%1 / %2</translation>
    </message>
  </context>
  <context>
    <name>CalendarViews</name>
    <message>
      <source>Nothing planned on %1</source>
      <translation>%1 无安排</translation>
    </message>
  </context>
  <context>
    <name>CallAnswer</name>
    <message>
      <source>Record satisfaction</source>
      <translation>记录满意度</translation>
    </message>
    <message>
      <source>Ask how satisfied the customer is; the answer is saved with this call</source>
      <translation>询问客户的满意度；回答与本次通话一并保存</translation>
    </message>
  </context>
  <context>
    <name>CallColumns</name>
    <message>
      <source>Started</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>分钟</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Logged by</source>
      <translation>记录人</translation>
    </message>
  </context>
  <context>
    <name>CallForm</name>
    <message>
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>minutes, like 15 or 1:30</source>
      <translation>分钟，如 15 或 1:30</translation>
    </message>
    <message>
      <source>How did it go?</source>
      <translation>结果如何？</translation>
    </message>
    <message>
      <source>What was discussed</source>
      <translation>沟通了什么</translation>
    </message>
    <message>
      <source>What the customer asked for or needs</source>
      <translation>客户提出的要求或需求</translation>
    </message>
    <message>
      <source>What needs special attention next time</source>
      <translation>下次需要特别注意的事项</translation>
    </message>
    <message>
      <source>What happens next, e.g. send the quote</source>
      <translation>下一步做什么，例如寄送报价单</translation>
    </message>
    <message>
      <source>Remind me on</source>
      <translation>提醒我于</translation>
    </message>
    <message>
      <source>Kind:</source>
      <translation>类型：</translation>
    </message>
    <message>
      <source>Started:</source>
      <translation>开始时间：</translation>
    </message>
    <message>
      <source>Duration:</source>
      <translation>时长：</translation>
    </message>
    <message>
      <source>Outcome:</source>
      <translation>结果：</translation>
    </message>
    <message>
      <source>Summary:</source>
      <translation>摘要：</translation>
    </message>
    <message>
      <source>Needs raised:</source>
      <translation>客户需求：</translation>
    </message>
    <message>
      <source>Special notes:</source>
      <translation>特别注意：</translation>
    </message>
    <message>
      <source>Next step:</source>
      <translation>下一步：</translation>
    </message>
    <message>
      <source>Type the minutes, like 15, or hours and minutes, like 1:30.</source>
      <translation>请输入分钟数（如 15），或小时和分钟（如 1:30）。</translation>
    </message>
    <message>
      <source>Say in a few words what was discussed.</source>
      <translation>请用几句话写下沟通的内容。</translation>
    </message>
  </context>
  <context>
    <name>CallOutcomes</name>
    <message>
      <source>Interested</source>
      <translation>有意向</translation>
    </message>
    <message>
      <source>Follow up</source>
      <translation>需跟进</translation>
    </message>
    <message>
      <source>Ordered</source>
      <translation>已下单</translation>
    </message>
    <message>
      <source>No need now</source>
      <translation>暂无需求</translation>
    </message>
    <message>
      <source>No answer</source>
      <translation>未接通</translation>
    </message>
  </context>
  <context>
    <name>CallsFilterBar</name>
    <message>
      <source>Any time</source>
      <translation>全部时间</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>This week</source>
      <translation>本周</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>Custom range…</source>
      <translation>自定义范围…</translation>
    </message>
    <message>
      <source>When the calls started</source>
      <translation>沟通开始的时间</translation>
    </message>
    <message>
      <source>From (inclusive)</source>
      <translation>起始日期（含）</translation>
    </message>
    <message>
      <source>To (inclusive)</source>
      <translation>结束日期（含）</translation>
    </message>
    <message>
      <source>Logged by</source>
      <translation>记录人</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Logged by anyone</source>
      <translation>全部记录人</translation>
    </message>
    <message>
      <source>Any outcome</source>
      <translation>全部结果</translation>
    </message>
    <message>
      <source>Any kind</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
  </context>
  <context>
    <name>CallsPage</name>
    <message>
      <source>Loading calls…</source>
      <translation>正在加载沟通记录…</translation>
    </message>
    <message>
      <source>Log a call</source>
      <translation>记录沟通</translation>
    </message>
    <message>
      <source>At least %1 calls</source>
      <translation>至少 %1 条沟通记录</translation>
    </message>
    <message numerus="yes">
      <source>%Ln call(s)</source>
      <translation>
        <numerusform>%Ln 条沟通记录</numerusform>
      </translation>
    </message>
    <message>
      <source>No call matches these filters.</source>
      <translation>没有符合这些筛选条件的沟通记录。</translation>
    </message>
    <message>
      <source>No calls logged yet.
Log one with “Log a call” (Ctrl+L).</source>
      <translation>还没有沟通记录。
用“记录沟通”（Ctrl+L）记下第一条。</translation>
    </message>
    <message>
      <source>No calls logged yet.</source>
      <translation>还没有沟通记录。</translation>
    </message>
  </context>
  <context>
    <name>ChangeOwnerDialog</name>
    <message>
      <source>Change owner</source>
      <translation>更换负责人</translation>
    </message>
    <message>
      <source>Who looks after “%1” from now on?</source>
      <translation>今后由谁负责“%1”？</translation>
    </message>
    <message>
      <source>e.g. moved to the south region</source>
      <translation>例如：调往华南区</translation>
    </message>
    <message>
      <source>New owner:</source>
      <translation>新负责人：</translation>
    </message>
    <message>
      <source>Reason:</source>
      <translation>原因：</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <source>Choose your password — Desktop CRM</source>
      <translation>设置密码 — 桌面 CRM</translation>
    </message>
    <message>
      <source>You signed in with a one-time password from your administrator. Choose your own password now; nobody else will know it.</source>
      <translation>您使用管理员提供的一次性密码登录。请现在设置您自己的密码；除您之外没有人会知道它。</translation>
    </message>
    <message>
      <source>New password:</source>
      <translation>新密码：</translation>
    </message>
    <message>
      <source>Repeat it:</source>
      <translation>再次输入：</translation>
    </message>
    <message>
      <source>Set password</source>
      <translation>设置密码</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Your password needs at least %1 characters.</source>
      <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
      <source>Your password needs at least %1 characters, with both letters and digits.</source>
      <translation>密码至少需要 %1 个字符，并且同时包含字母和数字。</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Saving your password…</source>
      <translation>正在保存密码…</translation>
    </message>
  </context>
  <context>
    <name>ChurnRiskModel</name>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Why at risk</source>
      <translation>风险原因</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>起始日期</translation>
    </message>
  </context>
  <context>
    <name>CodeCombo</name>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
  </context>
  <context>
    <name>ComplaintActions</name>
    <message>
      <source>Reopen the complaint</source>
      <translation>重新打开投诉</translation>
    </message>
    <message>
      <source>Take this complaint up again? Its resolution is cleared; the first response stays.</source>
      <translation>要重新处理这条投诉吗？其解决记录将被清除，首次回复保留。</translation>
    </message>
  </context>
  <context>
    <name>ComplaintColumns</name>
    <message>
      <source>Opened</source>
      <translation>提出时间</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Handled by</source>
      <translation>处理人</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>期限</translation>
    </message>
  </context>
  <context>
    <name>ComplaintDialog</name>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Customer:</source>
      <translation>客户：</translation>
    </message>
    <message>
      <source>Summary:</source>
      <translation>摘要：</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>状态：</translation>
    </message>
    <message>
      <source>Due:</source>
      <translation>期限：</translation>
    </message>
    <message>
      <source>Severity:</source>
      <translation>严重程度：</translation>
    </message>
    <message>
      <source>Channel:</source>
      <translation>渠道：</translation>
    </message>
    <message>
      <source>Category:</source>
      <translation>类别：</translation>
    </message>
    <message>
      <source>Opened:</source>
      <translation>提出时间：</translation>
    </message>
    <message>
      <source>Handled by:</source>
      <translation>处理人：</translation>
    </message>
    <message>
      <source>Response:</source>
      <translation>首次回复：</translation>
    </message>
    <message>
      <source>Resolution:</source>
      <translation>解决情况：</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Open customer</source>
      <translation>打开客户</translation>
    </message>
    <message>
      <source>(not shown to you)</source>
      <translation>（您无权查看）</translation>
    </message>
  </context>
  <context>
    <name>ComplaintRow</name>
    <message>
      <source>today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Late for its first response or its resolution</source>
      <translation>首次回复或解决已超时</translation>
    </message>
    <message>
      <source>Double-click to open the complaint</source>
      <translation>双击打开投诉</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Open the complaint: respond, resolve, route</source>
      <translation>打开投诉：回复、解决、转派</translation>
    </message>
    <message>
      <source>Open customer</source>
      <translation>打开客户</translation>
    </message>
    <message>
      <source>Open the customer's record</source>
      <translation>打开客户档案</translation>
    </message>
  </context>
  <context>
    <name>ComplaintSteps</name>
    <message>
      <source>Record response…</source>
      <translation>记录回复…</translation>
    </message>
    <message>
      <source>Resolve…</source>
      <translation>解决…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Reopen…</source>
      <translation>重新打开…</translation>
    </message>
    <message>
      <source>Route…</source>
      <translation>转派…</translation>
    </message>
    <message>
      <source>Record what was first said to the customer</source>
      <translation>记录首次答复客户的内容</translation>
    </message>
    <message>
      <source>Record how it was resolved (a return visit is scheduled)</source>
      <translation>记录解决情况（将安排回访）</translation>
    </message>
    <message>
      <source>Close the resolved complaint</source>
      <translation>关闭已解决的投诉</translation>
    </message>
    <message>
      <source>Take the complaint up again</source>
      <translation>重新处理这条投诉</translation>
    </message>
    <message>
      <source>Hand it to another user</source>
      <translation>转给其他用户处理</translation>
    </message>
  </context>
  <context>
    <name>ComplaintStepsDone</name>
    <message>
      <source>responded to</source>
      <translation>回复</translation>
    </message>
    <message>
      <source>resolved</source>
      <translation>解决</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>reopened</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <source>routed</source>
      <translation>转派</translation>
    </message>
  </context>
  <context>
    <name>ComplaintText</name>
    <message>
      <source>Resolved %1</source>
      <translation>已于 %1 解决</translation>
    </message>
    <message>
      <source>Response due %1</source>
      <translation>须在 %1 前回复</translation>
    </message>
    <message>
      <source>Resolution due %1</source>
      <translation>须在 %1 前解决</translation>
    </message>
  </context>
  <context>
    <name>ComplaintTextDialog</name>
    <message>
      <source>Record the first response</source>
      <translation>记录首次回复</translation>
    </message>
    <message>
      <source>Resolve the complaint</source>
      <translation>解决投诉</translation>
    </message>
    <message>
      <source>Save response</source>
      <translation>保存回复</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>解决</translation>
    </message>
    <message>
      <source>What was said to the customer</source>
      <translation>答复客户的内容</translation>
    </message>
    <message>
      <source>How the complaint was resolved</source>
      <translation>投诉是如何解决的</translation>
    </message>
    <message>
      <source>Response:</source>
      <translation>回复内容：</translation>
    </message>
    <message>
      <source>Resolution:</source>
      <translation>解决情况：</translation>
    </message>
    <message>
      <source>When:</source>
      <translation>时间：</translation>
    </message>
    <message>
      <source>Say what was said to the customer.</source>
      <translation>请说明答复了客户什么。</translation>
    </message>
    <message>
      <source>Say how the complaint was resolved.</source>
      <translation>请说明投诉是如何解决的。</translation>
    </message>
  </context>
  <context>
    <name>ComplaintsPanel</name>
    <message>
      <source>Open complaint…</source>
      <translation>登记投诉…</translation>
    </message>
    <message>
      <source>Record a complaint from this customer</source>
      <translation>登记该客户的投诉</translation>
    </message>
    <message>
      <source>Details…</source>
      <translation>详情…</translation>
    </message>
    <message>
      <source>Everything about the selected complaint</source>
      <translation>所选投诉的全部信息</translation>
    </message>
    <message>
      <source>No complaint from this customer.</source>
      <translation>该客户没有投诉。</translation>
    </message>
  </context>
  <context>
    <name>ConfirmPage</name>
    <message>
      <source>Confirm the departure</source>
      <translation>确认离职</translation>
    </message>
    <message>
      <source>Read what will happen. It runs as one step and cannot be undone.</source>
      <translation>请阅读将要发生的事。此操作一步完成，无法撤销。</translation>
    </message>
    <message>
      <source>I understand this cannot be undone</source>
      <translation>我知道此操作无法撤销</translation>
    </message>
    <message>
      <source>• %1's access ends on every device: their password, key and every computer that remembers them stop working.</source>
      <translation>• %1 在所有设备上的访问权限终止：其密码、密钥以及所有记住其登录的电脑都将失效。</translation>
    </message>
    <message>
      <source>• The vault's data key is rotated, so no copy of the old key opens it.</source>
      <translation>• 保险库的数据密钥将被轮换，旧密钥的任何副本都无法再打开它。</translation>
    </message>
    <message numerus="yes">
      <source>• %n customer(s) change owner:</source>
      <translation>
        <numerusform>• %n 个客户更换负责人：</numerusform>
      </translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <source>• They own no customers.</source>
      <translation>• 此人名下没有客户。</translation>
    </message>
    <message>
      <source>• Open reminders and complaints follow their customer; any others go to %1.</source>
      <translation>• 未完成的提醒和投诉随客户转移；其余的交给 %1。</translation>
    </message>
    <message numerus="yes">
      <source>• %n direct report(s) will report to %1.</source>
      <translation>
        <numerusform>• %n 名直接下属将改为向 %1 汇报。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>• %n collaborator grant(s) end.</source>
      <translation>
        <numerusform>• %n 项协作授权将终止。</numerusform>
      </translation>
    </message>
    <message>
      <source>• An alert tells every administrator, and the audit log keeps the record.</source>
      <translation>• 所有管理员都会收到警报，审计日志会保留记录。</translation>
    </message>
  </context>
  <context>
    <name>ConflictBanner</name>
    <message>
      <source>Someone else saved this customer after you opened it, so your changes were not saved. Reload to see their version (your changes here will be lost), then edit again.</source>
      <translation>您打开此客户后，其他人已保存了修改，因此您的更改未保存。请重新载入查看对方的版本（此处的更改将丢失），然后再编辑。</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>重新载入</translation>
    </message>
  </context>
  <context>
    <name>ContractColumns</name>
    <message>
      <source>Number</source>
      <translation>合同编号</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
  </context>
  <context>
    <name>ContractDialog</name>
    <message>
      <source>New contract — %1</source>
      <translation>新建合同 — %1</translation>
    </message>
    <message>
      <source>Change contract — %1</source>
      <translation>修改合同 — %1</translation>
    </message>
    <message>
      <source>Save contract</source>
      <translation>保存合同</translation>
    </message>
    <message>
      <source>e.g. HT-2026-001</source>
      <translation>例如 HT-2026-001</translation>
    </message>
    <message>
      <source>Number:</source>
      <translation>合同编号：</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <source>Starts:</source>
      <translation>开始日期：</translation>
    </message>
    <message>
      <source>Ends:</source>
      <translation>结束日期：</translation>
    </message>
    <message>
      <source>Amount:</source>
      <translation>金额：</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>状态：</translation>
    </message>
    <message>
      <source>Type the contract's number.</source>
      <translation>请输入合同编号。</translation>
    </message>
    <message>
      <source>The contract must end after it starts.</source>
      <translation>合同的结束日期必须晚于开始日期。</translation>
    </message>
  </context>
  <context>
    <name>ContractDialogs</name>
    <message>
      <source>No. %1 · due %2 · %3</source>
      <translation>第 %1 期 · %2 到期 · %3</translation>
    </message>
  </context>
  <context>
    <name>ContractsPanel</name>
    <message>
      <source>The contract</source>
      <translation>整份合同</translation>
    </message>
    <message>
      <source>Instalment %1</source>
      <translation>第 %1 期</translation>
    </message>
    <message>
      <source>Instalments</source>
      <translation>回款计划</translation>
    </message>
    <message>
      <source>Money received</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>New contract…</source>
      <translation>新建合同…</translation>
    </message>
    <message>
      <source>Enter a contract with this customer</source>
      <translation>录入与该客户的合同</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Change the selected contract</source>
      <translation>修改所选合同</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>Delete the selected contract with its instalments and receipts</source>
      <translation>删除所选合同及其回款计划和回款</translation>
    </message>
    <message>
      <source>New instalment…</source>
      <translation>新增一期…</translation>
    </message>
    <message>
      <source>Add an instalment to the contract's payment plan</source>
      <translation>在合同的回款计划中添加一期</translation>
    </message>
    <message>
      <source>Change the selected instalment</source>
      <translation>修改所选的一期</translation>
    </message>
    <message>
      <source>Delete the selected instalment (money received for it stays, as the contract's)</source>
      <translation>删除所选的一期（已收回款保留，记在合同名下）</translation>
    </message>
    <message>
      <source>Money received…</source>
      <translation>登记回款…</translation>
    </message>
    <message>
      <source>Record money received for the contract or the selected instalment</source>
      <translation>为合同或所选的一期登记回款</translation>
    </message>
    <message>
      <source>Change the selected receipt</source>
      <translation>修改所选回款</translation>
    </message>
    <message>
      <source>Delete the selected receipt</source>
      <translation>删除所选回款</translation>
    </message>
    <message>
      <source>No contract with this customer yet.</source>
      <translation>与该客户还没有合同。</translation>
    </message>
    <message>
      <source>Instalments of %1</source>
      <translation>%1 的回款计划</translation>
    </message>
    <message>
      <source>Money received for %1</source>
      <translation>%1 的回款</translation>
    </message>
    <message>
      <source>No instalment planned for this contract.</source>
      <translation>该合同没有回款计划。</translation>
    </message>
    <message>
      <source>Choose a contract to see its instalments.</source>
      <translation>选择一份合同以查看其回款计划。</translation>
    </message>
    <message>
      <source>No money received for this contract yet.</source>
      <translation>该合同还没有回款。</translation>
    </message>
    <message>
      <source>Choose a contract to see the money received.</source>
      <translation>选择一份合同以查看其回款。</translation>
    </message>
    <message>
      <source>Delete contract</source>
      <translation>删除合同</translation>
    </message>
    <message>
      <source>Delete contract %1 with its instalments and the money received for it?</source>
      <translation>删除合同 %1 及其回款计划和回款记录吗？</translation>
    </message>
    <message>
      <source>Delete instalment</source>
      <translation>删除回款计划</translation>
    </message>
    <message>
      <source>Delete instalment %1 of contract %2? Money received for it stays, as the contract's.</source>
      <translation>删除合同 %2 的第 %1 期吗？该期已收的回款将保留，记在合同名下。</translation>
    </message>
    <message>
      <source>Delete receipt</source>
      <translation>删除回款</translation>
    </message>
    <message>
      <source>Delete the %1 received on %2?</source>
      <translation>删除 %2 收到的 %1 吗？</translation>
    </message>
  </context>
  <context>
    <name>CustomSnoozeDialog</name>
    <message>
      <source>Snooze until</source>
      <translation>稍后提醒</translation>
    </message>
    <message>
      <source>Remind me again at:</source>
      <translation>再次提醒时间：</translation>
    </message>
    <message>
      <source>Snooze</source>
      <translation>稍后提醒</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>CustomerColumns</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>客户等级</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>更新时间</translation>
    </message>
  </context>
  <context>
    <name>CustomerForm</name>
    <message>
      <source>Contact</source>
      <translation>联系信息</translation>
    </message>
    <message>
      <source>Sales</source>
      <translation>销售信息</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <source>Job title</source>
      <translation>职位</translation>
    </message>
    <message>
      <source>Phones</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Emails</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>生命周期阶段</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>客户分级</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Country code</source>
      <translation>国家代码</translation>
    </message>
    <message>
      <source>e.g. CN</source>
      <translation>例如 CN</translation>
    </message>
  </context>
  <context>
    <name>CustomerPicker</name>
    <message>
      <source>Type a name, pinyin initials or a few phone digits</source>
      <translation>输入姓名、拼音首字母或几位电话号码</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>No customer matches “%1”.</source>
      <translation>没有客户匹配“%1”。</translation>
    </message>
  </context>
  <context>
    <name>CustomerRecordPage</name>
    <message>
      <source>Loading…</source>
      <translation>正在载入…</translation>
    </message>
    <message>
      <source>New customer</source>
      <translation>新建客户</translation>
    </message>
    <message>
      <source>Customer unavailable</source>
      <translation>无法打开此客户</translation>
    </message>
    <message>
      <source>No changes to save.</source>
      <translation>没有需要保存的更改。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>the new customer</source>
      <translation>新客户</translation>
    </message>
    <message>
      <source>Save or discard your changes before changing the owner.</source>
      <translation>请先保存或放弃您的更改，再更换负责人。</translation>
    </message>
    <message>
      <source>Owner changed to %1.</source>
      <translation>负责人已改为 %1。</translation>
    </message>
    <message>
      <source>Delete customer</source>
      <translation>删除客户</translation>
    </message>
    <message>
      <source>Delete “%1”? The customer leaves every list; an administrator can still trace the record in the audit log.</source>
      <translation>删除“%1”？该客户将从所有列表中移除；管理员仍可在审计日志中追溯此记录。</translation>
    </message>
  </context>
  <context>
    <name>CustomersPage</name>
    <message>
      <source>Loading customers…</source>
      <translation>正在加载客户…</translation>
    </message>
    <message>
      <source>More than %1 matches: type more to narrow them</source>
      <translation>超过 %1 条匹配，请继续输入以缩小范围</translation>
    </message>
    <message numerus="yes">
      <source>%Ln match(es)</source>
      <translation>
        <numerusform>%Ln 条匹配</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln customer(s)</source>
      <translation>
        <numerusform>%Ln 位客户</numerusform>
      </translation>
    </message>
    <message>
      <source>No customer matches “%1”.
Try part of the name, the pinyin initials (zw for 张伟) or a few digits of the phone.</source>
      <translation>没有客户匹配“%1”。
可以试试姓名的一部分、拼音首字母（张伟输入 zw）或电话中的几位数字。</translation>
    </message>
    <message>
      <source>No customer matches these filters.</source>
      <translation>没有符合这些筛选条件的客户。</translation>
    </message>
    <message>
      <source>No customers to show here yet.</source>
      <translation>这里还没有客户。</translation>
    </message>
  </context>
  <context>
    <name>DashboardPage</name>
    <message>
      <source>Dashboard</source>
      <translation>仪表盘</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <source>Loading the dashboard…</source>
      <translation>正在加载仪表盘…</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Updated %1</source>
      <translation>更新于 %1</translation>
    </message>
    <message>
      <source>No data for this period.</source>
      <translation>本期没有数据。</translation>
    </message>
  </context>
  <context>
    <name>DashboardView</name>
    <message>
      <source>Key figures</source>
      <translation>关键指标</translation>
    </message>
    <message>
      <source>Trends</source>
      <translation>趋势</translation>
    </message>
    <message>
      <source>Distributions</source>
      <translation>分布</translation>
    </message>
    <message>
      <source>The %1 most urgent of %2 customers at risk.</source>
      <translation>共 %2 位有流失风险的客户，以下为最紧急的 %1 位。</translation>
    </message>
    <message>
      <source>Customers at risk: %1</source>
      <translation>有流失风险的客户：%1</translation>
    </message>
    <message>
      <source>No customer is at risk.</source>
      <translation>没有客户有流失风险。</translation>
    </message>
  </context>
  <context>
    <name>DayMenu</name>
    <message>
      <source>New reminder on this day…</source>
      <translation>在这一天新建提醒…</translation>
    </message>
  </context>
  <context>
    <name>DepartmentNameDialog</name>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>DepartmentPickerDialog</name>
    <message>
      <source>(top level)</source>
      <translation>（顶层）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Specified departments</source>
      <translation>指定部门</translation>
    </message>
    <message>
      <source>Use these</source>
      <translation>使用所选部门</translation>
    </message>
  </context>
  <context>
    <name>DepartmentTreeModel</name>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>People in this department (and in all below it)</source>
      <translation>本部门的人数（括号内含所有下级部门）</translation>
    </message>
  </context>
  <context>
    <name>DepartmentsPage</name>
    <message>
      <source>New…</source>
      <translation>新建…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <source>Move…</source>
      <translation>移动…</translation>
    </message>
    <message>
      <source>Merge into…</source>
      <translation>合并到…</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>A new department under %1:</source>
      <translation>在 %1 下新建部门：</translation>
    </message>
    <message>
      <source>A new department at the top level:</source>
      <translation>在顶层新建部门：</translation>
    </message>
    <message>
      <source>New department</source>
      <translation>新建部门</translation>
    </message>
    <message>
      <source>Department created.</source>
      <translation>部门已创建。</translation>
    </message>
    <message>
      <source>Rename department</source>
      <translation>重命名部门</translation>
    </message>
    <message>
      <source>New name of %1:</source>
      <translation>%1 的新名称：</translation>
    </message>
    <message>
      <source>Department renamed.</source>
      <translation>部门已重命名。</translation>
    </message>
    <message>
      <source>Move department</source>
      <translation>移动部门</translation>
    </message>
    <message>
      <source>Move %1, with everything below it, under:</source>
      <translation>将 %1 及其所有下级移动到：</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>移动</translation>
    </message>
    <message>
      <source>Department moved.</source>
      <translation>部门已移动。</translation>
    </message>
    <message>
      <source>Merge department</source>
      <translation>合并部门</translation>
    </message>
    <message>
      <source>Merge %1 into another department. Its people, sub-departments and customers move there, and %1 is removed.</source>
      <translation>将 %1 合并到另一个部门。其人员、下级部门和客户将移到那里，%1 随后被删除。</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>Merge %1 into %2? This cannot be undone.</source>
      <translation>将 %1 合并到 %2？此操作无法撤销。</translation>
    </message>
    <message>
      <source>Merged into %1. Moved there: people %2, sub-departments %3, customers %4.</source>
      <translation>已合并到 %1。移入：人员 %2，下级部门 %3，客户 %4。</translation>
    </message>
    <message>
      <source>Delete department</source>
      <translation>删除部门</translation>
    </message>
    <message>
      <source>Delete the department %1?</source>
      <translation>删除部门 %1？</translation>
    </message>
    <message>
      <source>Department deleted.</source>
      <translation>部门已删除。</translation>
    </message>
  </context>
  <context>
    <name>DepartureWizard</name>
    <message>
      <source>Staff departure</source>
      <translation>员工离职</translation>
    </message>
    <message>
      <source>Depart and revoke access</source>
      <translation>办理离职并撤销权限</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Reading the users…</source>
      <translation>正在读取用户…</translation>
    </message>
    <message>
      <source>Cancel the departure</source>
      <translation>取消离职</translation>
    </message>
    <message>
      <source>Cancel the departure of %1? Nothing has moved yet; their exports and reveals come back.</source>
      <translation>取消 %1 的离职？目前尚未移交任何内容；其导出和查看权限将恢复。</translation>
    </message>
  </context>
  <context>
    <name>DeparturesPage</name>
    <message>
      <source>Frozen, not yet departed</source>
      <translation>已冻结，尚未离职</translation>
    </message>
    <message>
      <source>Departed, key work pending</source>
      <translation>已离职，密钥处理待完成</translation>
    </message>
    <message>
      <source>Departed</source>
      <translation>已离职</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Start a departure…</source>
      <translation>办理离职…</translation>
    </message>
    <message>
      <source>When someone leaves, the departure wizard ends their access on every device and hands their customers to the people you choose.</source>
      <translation>有人离职时，离职向导会终止其在所有设备上的访问权限，并把其客户交给你选定的人。</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>Departed on</source>
      <translation>离职时间</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Open reminders</source>
      <translation>未完成提醒</translation>
    </message>
    <message>
      <source>Open complaints</source>
      <translation>未结投诉</translation>
    </message>
    <message>
      <source>Direct reports</source>
      <translation>直接下属</translation>
    </message>
    <message>
      <source>Nobody: every departed person's customers and open work have a new owner.</source>
      <translation>没有：所有离职人员的客户和未完成工作都已有新的负责人。</translation>
    </message>
    <message>
      <source>Reassign…</source>
      <translation>重新分配…</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Frozen on</source>
      <translation>冻结时间</translation>
    </message>
    <message>
      <source>Finished on</source>
      <translation>完成时间</translation>
    </message>
    <message>
      <source>No departures yet.</source>
      <translation>尚无离职记录。</translation>
    </message>
    <message>
      <source>Departed staff awaiting reassignment</source>
      <translation>待重新分配的离职人员</translation>
    </message>
    <message>
      <source>Departures</source>
      <translation>离职记录</translation>
    </message>
    <message numerus="yes">
      <source>%n customer(s) of %1 reassigned.</source>
      <translation>
        <numerusform>已重新分配 %1 的 %n 个客户。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DistributionChart</name>
    <message>
      <source>%1 (%2%)</source>
      <translation>%1（%2%）</translation>
    </message>
  </context>
  <context>
    <name>DueBanner</name>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Mark this reminder done</source>
      <translation>将此提醒标记为完成</translation>
    </message>
    <message>
      <source>Snooze</source>
      <translation>稍后提醒</translation>
    </message>
    <message>
      <source>Remind me again later</source>
      <translation>稍后再提醒我</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>查看</translation>
    </message>
    <message>
      <source>List the reminders that are due</source>
      <translation>列出已到期的提醒</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Hide this until the next reminder is due</source>
      <translation>隐藏，直到下一个提醒到期</translation>
    </message>
    <message>
      <source>Open the customer's record</source>
      <translation>打开客户档案</translation>
    </message>
    <message>
      <source>Open the reminder</source>
      <translation>打开此提醒</translation>
    </message>
    <message numerus="yes">
      <source>%n reminder(s) due</source>
      <translation>
        <numerusform>%n 个提醒已到期</numerusform>
      </translation>
    </message>
    <message>
      <source>oldest: %1</source>
      <translation>最早：%1</translation>
    </message>
  </context>
  <context>
    <name>DueWatcher</name>
    <message>
      <source>Overdue reminders</source>
      <translation>逾期提醒</translation>
    </message>
    <message numerus="yes">
      <source>You have %n overdue reminder(s).</source>
      <translation>
        <numerusform>您有 %n 个逾期提醒。</numerusform>
      </translation>
    </message>
    <message>
      <source>Reminder due</source>
      <translation>提醒到期</translation>
    </message>
    <message numerus="yes">
      <source>and %n more</source>
      <translation>
        <numerusform>还有 %n 个</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n reminder(s) due</source>
      <translation>
        <numerusform>%n 个提醒已到期</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>EntryDialog</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Ctrl+Enter saves · Esc cancels</source>
      <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
  </context>
  <context>
    <name>EntryMenu</name>
    <message>
      <source>Open…</source>
      <translation>打开…</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <source>Complete</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Open customer</source>
      <translation>打开客户</translation>
    </message>
    <message>
      <source>Log call…</source>
      <translation>记录通话…</translation>
    </message>
    <message>
      <source>Log the call and mark this reminder done</source>
      <translation>记录通话并将此提醒标记为完成</translation>
    </message>
  </context>
  <context>
    <name>EntryRow</name>
    <message>
      <source>%1 · %2 — double-click to open</source>
      <translation>%1 · %2 — 双击打开</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Mark it done</source>
      <translation>标记为完成</translation>
    </message>
    <message>
      <source>Snooze</source>
      <translation>稍后提醒</translation>
    </message>
    <message>
      <source>Remind me again later</source>
      <translation>稍后再提醒我</translation>
    </message>
    <message>
      <source>Open customer</source>
      <translation>打开客户</translation>
    </message>
    <message>
      <source>Open the customer's record</source>
      <translation>打开客户档案</translation>
    </message>
    <message>
      <source>Log call</source>
      <translation>记录通话</translation>
    </message>
    <message>
      <source>Log the call; the reminder is then done</source>
      <translation>记录通话，随后此提醒即完成</translation>
    </message>
  </context>
  <context>
    <name>ErrorText</name>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>This account was revoked: it no longer has access to this vault.</source>
      <translation>此账户已被撤销：它已无权访问此保险库。</translation>
    </message>
    <message>
      <source>This account is suspended. Ask an administrator to reactivate it.</source>
      <translation>此账户已被停用。请联系管理员重新启用。</translation>
    </message>
    <message>
      <source>The vault is damaged and cannot be opened. Restore it from a backup, or ask an administrator for help.</source>
      <translation>保险库已损坏，无法打开。请从备份恢复，或向管理员求助。</translation>
    </message>
    <message>
      <source>There is no vault in this folder.</source>
      <translation>此文件夹中没有保险库。</translation>
    </message>
    <message>
      <source>This folder already holds a vault. Sign in to it, or choose another folder.</source>
      <translation>此文件夹中已有一个保险库。请登录该保险库，或选择其他文件夹。</translation>
    </message>
    <message>
      <source>The vault's key was changed by another sign-in (for example when an employee left). Sign in again with your password.</source>
      <translation>另一次登录更换了保险库密钥（例如有员工离职）。请用您的密码重新登录。</translation>
    </message>
    <message>
      <source>The vault is locked. Sign in again.</source>
      <translation>保险库已锁定。请重新登录。</translation>
    </message>
    <message>
      <source>There is not enough free disk space to do this safely; nothing was changed.</source>
      <translation>磁盘剩余空间不足，无法安全完成此操作；未做任何更改。</translation>
    </message>
    <message>
      <source>This is your first sign-in: choose your own password first.</source>
      <translation>这是您首次登录：请先设置您自己的密码。</translation>
    </message>
    <message>
      <source>Your role does not allow this.</source>
      <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
      <source>This record does not exist or is outside your view.</source>
      <translation>此记录不存在，或不在您的可见范围内。</translation>
    </message>
    <message>
      <source>The vault cannot be used: %1</source>
      <translation>无法使用保险库：%1</translation>
    </message>
    <message>
      <source>Something went wrong (%1). Nothing you saved is lost; the details were written to the log.</source>
      <translation>出现了意外错误（%1）。您已保存的内容不会丢失；详细信息已写入日志。</translation>
    </message>
    <message>
      <source>Too many failed sign-ins. You can try again in %1 s.</source>
      <translation>登录失败次数过多。请在 %1 秒后重试。</translation>
    </message>
  </context>
  <context>
    <name>FeedbackLabels</name>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>邮件</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>Web</source>
      <translation>网站</translation>
    </message>
    <message>
      <source>WeChat</source>
      <translation>微信</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>短信</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Return visit</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Very unhappy</source>
      <translation>非常不满意</translation>
    </message>
    <message>
      <source>Unhappy</source>
      <translation>不满意</translation>
    </message>
    <message>
      <source>Neutral</source>
      <translation>一般</translation>
    </message>
    <message>
      <source>Happy</source>
      <translation>满意</translation>
    </message>
    <message>
      <source>Very happy</source>
      <translation>非常满意</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>生效中</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>已到期</translation>
    </message>
    <message>
      <source>Terminated</source>
      <translation>已终止</translation>
    </message>
    <message>
      <source>Promoter</source>
      <translation>推荐者</translation>
    </message>
    <message>
      <source>Passive</source>
      <translation>被动者</translation>
    </message>
    <message>
      <source>Detractor</source>
      <translation>贬损者</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>已付清</translation>
    </message>
    <message>
      <source>Overdue · %1 outstanding</source>
      <translation>已逾期 · 未收 %1</translation>
    </message>
    <message>
      <source>Partly paid · %1 outstanding</source>
      <translation>部分回款 · 未收 %1</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>待收</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
  </context>
  <context>
    <name>FieldPolicyTable</name>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Access</source>
      <translation>权限</translation>
    </message>
    <message>
      <source>Mask</source>
      <translation>遮蔽</translation>
    </message>
  </context>
  <context>
    <name>FigureText</name>
    <message>
      <source>better than %1</source>
      <translation>好于 %1</translation>
    </message>
    <message>
      <source>worse than %1</source>
      <translation>差于 %1</translation>
    </message>
    <message>
      <source>the same as %1</source>
      <translation>与 %1 持平</translation>
    </message>
    <message>
      <source>%1%</source>
      <translation>%1%</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <source>All customers</source>
      <translation>全部客户</translation>
    </message>
    <message>
      <source>My customers</source>
      <translation>我的客户</translation>
    </message>
    <message>
      <source>My team's customers</source>
      <translation>下属的客户</translation>
    </message>
    <message>
      <source>Shared with me</source>
      <translation>共享给我的</translation>
    </message>
    <message>
      <source>My department</source>
      <translation>本部门</translation>
    </message>
    <message>
      <source>Which customers to list</source>
      <translation>列出哪些客户</translation>
    </message>
    <message>
      <source>Lifecycle stage</source>
      <translation>生命周期阶段</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>客户等级</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Tag</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>Any stage</source>
      <translation>所有阶段</translation>
    </message>
    <message>
      <source>Any tier</source>
      <translation>所有等级</translation>
    </message>
    <message>
      <source>Any owner</source>
      <translation>所有负责人</translation>
    </message>
    <message>
      <source>Any department</source>
      <translation>所有部门</translation>
    </message>
    <message>
      <source>Any tag</source>
      <translation>所有标签</translation>
    </message>
    <message>
      <source>Any city</source>
      <translation>所有城市</translation>
    </message>
  </context>
  <context>
    <name>FirstAdminPage</name>
    <message>
      <source>The first administrator</source>
      <translation>首位管理员</translation>
    </message>
    <message>
      <source>This account manages users, roles and departments. Pick a password only you know: nobody, not even this app's makers, can read the vault without one.</source>
      <translation>此账户负责管理用户、角色和部门。请设置只有您知道的密码：没有密码，任何人（包括本软件的开发者）都无法读取保险库。</translation>
    </message>
    <message>
      <source>for example 王芳 or Alex Smith</source>
      <translation>例如 王芳 或 Alex Smith</translation>
    </message>
    <message>
      <source>at least 10 characters</source>
      <translation>至少 10 个字符</translation>
    </message>
    <message>
      <source>User name:</source>
      <translation>用户名：</translation>
    </message>
    <message>
      <source>Display name:</source>
      <translation>显示名称：</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>密码：</translation>
    </message>
    <message>
      <source>Repeat the password:</source>
      <translation>再次输入密码：</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Creating the encrypted vault… this takes a few seconds.</source>
      <translation>正在创建加密保险库… 这需要几秒钟。</translation>
    </message>
  </context>
  <context>
    <name>GrantGrid</name>
    <message>
      <source>Granted</source>
      <translation>已授予</translation>
    </message>
    <message>
      <source>Departments: %1</source>
      <translation>部门：%1</translation>
    </message>
  </context>
  <context>
    <name>HoldingsPage</name>
    <message>
      <source>What they hold</source>
      <translation>名下的内容</translation>
    </message>
    <message>
      <source>Customers:</source>
      <translation>客户：</translation>
    </message>
    <message>
      <source>By tier:</source>
      <translation>按等级：</translation>
    </message>
    <message>
      <source>By department:</source>
      <translation>按部门：</translation>
    </message>
    <message>
      <source>Open reminders:</source>
      <translation>未完成的提醒：</translation>
    </message>
    <message>
      <source>Open complaints:</source>
      <translation>未结投诉：</translation>
    </message>
    <message>
      <source>Contracts and payment plans:</source>
      <translation>合同和回款计划：</translation>
    </message>
    <message>
      <source>Collaborator grants:</source>
      <translation>协作授权：</translation>
    </message>
    <message>
      <source>Direct reports:</source>
      <translation>直接下属：</translation>
    </message>
    <message>
      <source>They hold no customers and no open work: the departure only ends their access.</source>
      <translation>此人名下没有客户，也没有未完成的工作：离职只会终止其访问权限。</translation>
    </message>
    <message>
      <source>Everything %1 holds, as it is now.</source>
      <translation>%1 目前名下的全部内容。</translation>
    </message>
    <message>
      <source>Exports and reveals for %1 are frozen from now on. Cancel this wizard to give them back.</source>
      <translation>从现在起 %1 的导出和查看权限已冻结。取消本向导即可恢复。</translation>
    </message>
    <message>
      <source>No tier</source>
      <translation>无等级</translation>
    </message>
    <message>
      <source>No department</source>
      <translation>无部门</translation>
    </message>
    <message>
      <source>%1 (they follow their customer to the new owner)</source>
      <translation>%1（随客户转给新负责人）</translation>
    </message>
    <message>
      <source>%1 contracts, %2 payment plans (they stay with their customer)</source>
      <translation>%1 份合同，%2 个回款计划（仍归属原客户）</translation>
    </message>
    <message>
      <source>%1 (they end: shared records go back to their owners)</source>
      <translation>%1（将终止：共享的记录回归其负责人）</translation>
    </message>
    <message>
      <source>%1 (they will report to the first receiver)</source>
      <translation>%1（将改为向第一位接收人汇报）</translation>
    </message>
  </context>
  <context>
    <name>HubPage</name>
    <message>
      <source>To-do</source>
      <translation>待办</translation>
    </message>
    <message>
      <source>Loading your reminders…</source>
      <translation>正在读取您的提醒…</translation>
    </message>
    <message>
      <source>New reminder</source>
      <translation>新建提醒</translation>
    </message>
    <message>
      <source>Create a reminder (%1)</source>
      <translation>新建提醒（%1）</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Nothing overdue.</source>
      <translation>没有逾期事项。</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Nothing else due today.</source>
      <translation>今天没有其他待办。</translation>
    </message>
    <message>
      <source>This week</source>
      <translation>本周</translation>
    </message>
    <message>
      <source>Nothing more this week.</source>
      <translation>本周没有更多待办。</translation>
    </message>
    <message>
      <source>Contracts expiring</source>
      <translation>即将到期的合同</translation>
    </message>
    <message>
      <source>No contract expires in the next 30 days.</source>
      <translation>未来 30 天内没有合同到期。</translation>
    </message>
    <message>
      <source>Instalments due</source>
      <translation>待收回款</translation>
    </message>
    <message>
      <source>No instalment is due.</source>
      <translation>没有到期的回款。</translation>
    </message>
    <message>
      <source>Birthdays and holidays</source>
      <translation>生日与节日</translation>
    </message>
    <message>
      <source>No birthday or holiday in the next 7 days.</source>
      <translation>未来 7 天内没有生日或节日。</translation>
    </message>
    <message>
      <source>Complaints waiting on me</source>
      <translation>待我处理的投诉</translation>
    </message>
    <message>
      <source>No complaint is waiting on you.</source>
      <translation>没有待您处理的投诉。</translation>
    </message>
    <message>
      <source>Team overdue</source>
      <translation>团队逾期</translation>
    </message>
    <message>
      <source>Your team has nothing overdue.</source>
      <translation>您的团队没有逾期事项。</translation>
    </message>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n 项逾期</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n due today</source>
      <translation>
        <numerusform>今天 %n 项到期</numerusform>
      </translation>
    </message>
    <message>
      <source>nothing due today</source>
      <translation>今天没有到期事项</translation>
    </message>
  </context>
  <context>
    <name>HubSection</name>
    <message numerus="yes">
      <source>Show %n more</source>
      <translation>
        <numerusform>再显示 %n 项</numerusform>
      </translation>
    </message>
    <message>
      <source>Showing the latest %1 of %2; the calendar lists them all.</source>
      <translation>显示最近的 %1 项，共 %2 项；日历中可查看全部。</translation>
    </message>
  </context>
  <context>
    <name>IcsDialogs</name>
    <message>
      <source>the event is cancelled</source>
      <translation>该事件已取消</translation>
    </message>
    <message>
      <source>it has no start</source>
      <translation>没有开始时间</translation>
    </message>
    <message>
      <source>the task has no due date</source>
      <translation>该任务没有截止日期</translation>
    </message>
    <message>
      <source>another event has the same UID</source>
      <translation>另一事件的 UID 与之相同</translation>
    </message>
    <message>
      <source>it has more than one repeat rule</source>
      <translation>有不止一条重复规则</translation>
    </message>
    <message>
      <source>its repeat rule cannot be read</source>
      <translation>无法读取其重复规则</translation>
    </message>
    <message>
      <source>its repeat rule is not valid</source>
      <translation>其重复规则无效</translation>
    </message>
    <message>
      <source>it ends before it starts</source>
      <translation>结束时间早于开始时间</translation>
    </message>
    <message>
      <source>it repeats on extra dates (RDATE), which a reminder cannot hold</source>
      <translation>含有额外的重复日期（RDATE），提醒无法保存</translation>
    </message>
    <message>
      <source>it has an exception rule (EXRULE), which a reminder cannot hold</source>
      <translation>含有排除规则（EXRULE），提醒无法保存</translation>
    </message>
    <message>
      <source>it holds a value a reminder cannot take</source>
      <translation>含有提醒无法接受的值</translation>
    </message>
    <message>
      <source>it is already done</source>
      <translation>已经完成</translation>
    </message>
    <message>
      <source>reminders cannot repeat this way</source>
      <translation>提醒不支持这种重复方式</translation>
    </message>
    <message>
      <source>its date is outside the years 1900 to 2200</source>
      <translation>日期不在 1900 至 2200 年之间</translation>
    </message>
    <message>
      <source>already imported</source>
      <translation>已经导入过</translation>
    </message>
    <message>
      <source>it is one of your reminders already</source>
      <translation>已是您的提醒</translation>
    </message>
    <message>
      <source>its title or notes are shortened to fit</source>
      <translation>标题或备注过长，已截短</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <source>Calendar files (*.ics);;All files (*)</source>
      <translation>日历文件 (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Export reminders</source>
      <translation>导出提醒</translation>
    </message>
    <message>
      <source>%1 reminders (%2 calendar events) were exported to %3. Outlook, Google Calendar and other calendar programs can import this file.</source>
      <translation>已将 %1 条提醒（%2 个日历事件）导出到 %3。Outlook、Google 日历等日历程序可以导入此文件。</translation>
    </message>
    <message>
      <source>Could not write %1: %2. Nothing was written; choose another place.</source>
      <translation>无法写入 %1：%2。未写入任何内容，请另选位置。</translation>
    </message>
    <message>
      <source>Import reminders</source>
      <translation>导入提醒</translation>
    </message>
    <message>
      <source>(no title)</source>
      <translation>（无标题）</translation>
    </message>
    <message>
      <source>Could not read %1: %2.</source>
      <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
      <source>This file cannot be imported (%1). Nothing was imported.</source>
      <translation>无法导入此文件（%1）。未导入任何内容。</translation>
    </message>
    <message>
      <source>This file cannot be imported. %1</source>
      <translation>无法导入此文件。%1</translation>
    </message>
    <message>
      <source>Skipped: %1</source>
      <translation>跳过：%1</translation>
    </message>
    <message>
      <source>Yes (%1)</source>
      <translation>是（%1）</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>%1 (all day)</source>
      <translation>%1（全天）</translation>
    </message>
  </context>
  <context>
    <name>IcsImportDialog</name>
    <message>
      <source>Import reminders — %1</source>
      <translation>导入提醒 — %1</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>This file holds no events.</source>
      <translation>此文件中没有事件。</translation>
    </message>
    <message>
      <source>None of the %1 events in this file can be imported; the list says why.</source>
      <translation>此文件中的 %1 个事件都无法导入，原因见列表。</translation>
    </message>
    <message>
      <source>%1 of the %2 events in this file will be imported as your reminders. The others are listed with the reason.</source>
      <translation>此文件的 %2 个事件中，有 %1 个将导入为您的提醒；其余事件在列表中注明了原因。</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Import reminders</source>
      <translation>导入提醒</translation>
    </message>
    <message>
      <source>%1 of %2 events were imported as reminders; %3 were skipped.</source>
      <translation>%2 个事件中已有 %1 个导入为提醒，跳过 %3 个。</translation>
    </message>
    <message>
      <source>Nothing was imported: %1</source>
      <translation>未导入任何内容：%1</translation>
    </message>
  </context>
  <context>
    <name>IcsPreviewModel</name>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Starts</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Repeats</source>
      <translation>重复</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
  </context>
  <context>
    <name>InstalmentColumns</name>
    <message>
      <source>No.</source>
      <translation>期数</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>已收</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
  </context>
  <context>
    <name>InstalmentDialog</name>
    <message>
      <source>New instalment — %1</source>
      <translation>新增回款计划 — %1</translation>
    </message>
    <message>
      <source>Change instalment — %1</source>
      <translation>修改回款计划 — %1</translation>
    </message>
    <message>
      <source>Save instalment</source>
      <translation>保存回款计划</translation>
    </message>
    <message>
      <source>next</source>
      <translation>下一期</translation>
    </message>
    <message>
      <source>Instalment:</source>
      <translation>期数：</translation>
    </message>
    <message>
      <source>Due:</source>
      <translation>到期日：</translation>
    </message>
    <message>
      <source>Amount:</source>
      <translation>金额：</translation>
    </message>
  </context>
  <context>
    <name>KindStyle</name>
    <message>
      <source>Return visit</source>
      <translation>回访</translation>
    </message>
  </context>
  <context>
    <name>KpiTile</name>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <source>%1 %2 vs %3</source>
      <translation>%1 %2（对比 %3）</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Suspect</source>
      <translation>潜在客户</translation>
    </message>
    <message>
      <source>Prospect</source>
      <translation>意向客户</translation>
    </message>
    <message>
      <source>First-time buyer</source>
      <translation>首次购买</translation>
    </message>
    <message>
      <source>Repeat buyer</source>
      <translation>重复购买</translation>
    </message>
    <message>
      <source>Advocate</source>
      <translation>忠实推荐者</translation>
    </message>
    <message>
      <source>High value</source>
      <translation>高价值</translation>
    </message>
    <message>
      <source>Potential</source>
      <translation>有潜力</translation>
    </message>
    <message>
      <source>Dormant</source>
      <translation>休眠</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>个人</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>邮件</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>消息</translation>
    </message>
    <message>
      <source>Inbound</source>
      <translation>呼入</translation>
    </message>
    <message>
      <source>Outbound</source>
      <translation>呼出</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>跟进</translation>
    </message>
    <message>
      <source>Contract expiry</source>
      <translation>合同到期</translation>
    </message>
    <message>
      <source>Receivable</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <source>Holiday greeting</source>
      <translation>节日问候</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>处理中</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>已解决</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>紧急</translation>
    </message>
  </context>
  <context>
    <name>LastTimeCard</name>
    <message>
      <source>Last time: %1, %2</source>
      <translation>上次联系：%1，%2</translation>
    </message>
    <message>
      <source>Discussed: %1</source>
      <translation>沟通内容：%1</translation>
    </message>
    <message>
      <source>Customer needed: %1</source>
      <translation>客户需求：%1</translation>
    </message>
    <message>
      <source>Special attention: %1</source>
      <translation>特别注意：%1</translation>
    </message>
    <message>
      <source>Next step: %1</source>
      <translation>下一步：%1</translation>
    </message>
  </context>
  <context>
    <name>LeavePrompt</name>
    <message>
      <source>Unsaved changes</source>
      <translation>未保存的更改</translation>
    </message>
    <message>
      <source>Save your changes to “%1” before leaving?</source>
      <translation>离开前是否保存对“%1”的更改？</translation>
    </message>
  </context>
  <context>
    <name>ListFieldEditor</name>
    <message>
      <source>+ Add phone</source>
      <translation>+ 添加电话</translation>
    </message>
    <message>
      <source>+ Add email</source>
      <translation>+ 添加邮箱</translation>
    </message>
  </context>
  <context>
    <name>LogCallDialog</name>
    <message>
      <source>Follow-up reminder created for %1</source>
      <translation>已创建跟进提醒：%1</translation>
    </message>
    <message>
      <source>Customer:</source>
      <translation>客户：</translation>
    </message>
    <message>
      <source>Ctrl+Enter saves · Esc cancels</source>
      <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
      <source>Save call</source>
      <translation>保存记录</translation>
    </message>
    <message>
      <source>Log a call</source>
      <translation>记录沟通</translation>
    </message>
    <message>
      <source>Log a call — %1</source>
      <translation>记录沟通 — %1</translation>
    </message>
    <message>
      <source>Pick the customer this call was with.</source>
      <translation>请选择本次沟通的客户。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Saving the satisfaction answer…</source>
      <translation>正在保存满意度回答…</translation>
    </message>
    <message>
      <source>Save answer</source>
      <translation>保存回答</translation>
    </message>
    <message>
      <source>The call is saved, but its satisfaction answer is not: %1 Correct it and save again, or close and record it later on the customer's record.</source>
      <translation>通话已保存，但满意度回答未保存：%1 请修改后再次保存，或关闭后稍后在客户档案中记录。</translation>
    </message>
    <message>
      <source>Close without the answer?</source>
      <translation>不保存回答就关闭吗？</translation>
    </message>
    <message>
      <source>The call is saved. The satisfaction answer you typed will be lost; you can record it later on the customer's record.</source>
      <translation>通话已保存。您输入的满意度回答将丢失；可稍后在客户档案中记录。</translation>
    </message>
    <message>
      <source>Discard this call?</source>
      <translation>放弃这条沟通记录？</translation>
    </message>
    <message>
      <source>What you typed for this call will be lost.</source>
      <translation>为这条记录输入的内容将会丢失。</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Desktop CRM — %1</source>
      <translation>桌面 CRM — %1</translation>
    </message>
    <message>
      <source>To-do</source>
      <translation>待办</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>日历</translation>
    </message>
    <message>
      <source>Calls</source>
      <translation>通话</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>仪表盘</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Admin</source>
      <translation>管理</translation>
    </message>
    <message>
      <source>Audit</source>
      <translation>审计</translation>
    </message>
    <message>
      <source>&amp;New customer</source>
      <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
      <source>Create a customer record</source>
      <translation>新建一条客户记录</translation>
    </message>
    <message>
      <source>&amp;Log a call…</source>
      <translation>记录通话(&amp;L)…</translation>
    </message>
    <message>
      <source>Log a call, visit or message with the chosen customer</source>
      <translation>为所选客户记录通话、拜访或消息</translation>
    </message>
    <message>
      <source>Main toolbar</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <source>Search customers: name, pinyin, initials, phone, email (Ctrl+K)</source>
      <translation>搜索客户：姓名、拼音、首字母、电话、邮箱（Ctrl+K）</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation>锁定(&amp;L)</translation>
    </message>
    <message>
      <source>Lock the vault and return to sign-in</source>
      <translation>锁定保险库并返回登录界面</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About Desktop CRM</source>
      <translation>关于桌面 CRM(&amp;A)</translation>
    </message>
    <message>
      <source>, </source>
      <comment>between role names</comment>
      <translation>、</translation>
    </message>
    <message>
      <source>%1 · %2</source>
      <translation>%1 · %2</translation>
    </message>
    <message>
      <source>The vault this window has open: %1</source>
      <translation>此窗口打开的数据库：%1</translation>
    </message>
    <message>
      <source>Call logged.</source>
      <translation>已记录通话。</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
      <source>%n unacknowledged alert(s)</source>
      <translation>
        <numerusform>%n 条未确认的警报</numerusform>
      </translation>
    </message>
    <message>
      <source>Audit log intact</source>
      <translation>审计日志完整</translation>
    </message>
    <message numerus="yes">
      <source>%n event(s), chain head %1</source>
      <translation>
        <numerusform>%n 条事件，链头 %1</numerusform>
      </translation>
    </message>
    <message>
      <source>Audit log altered at event %1</source>
      <translation>审计日志在第 %1 条事件处被改动</translation>
    </message>
    <message>
      <source>The log was changed outside the app.</source>
      <translation>日志在本应用之外被修改过。</translation>
    </message>
    <message>
      <source>About Desktop CRM</source>
      <translation>关于桌面 CRM</translation>
    </message>
    <message>
      <source>Desktop CRM %1
Customer records kept in an encrypted vault on this computer.</source>
      <translation>桌面 CRM %1
客户资料保存在本机的加密保险库中。</translation>
    </message>
  </context>
  <context>
    <name>MonthCell</name>
    <message>
      <source>%1 more</source>
      <translation>还有 %1 项</translation>
    </message>
  </context>
  <context>
    <name>MonthModel</name>
    <message>
      <source>%1: nothing planned</source>
      <translation>%1：无安排</translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>%1 %2</source>
      <translation>%1 %2 项</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
  </context>
  <context>
    <name>MonthView</name>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
  </context>
  <context>
    <name>NewRoleDialog</name>
    <message>
      <source>New role</source>
      <translation>新建角色</translation>
    </message>
    <message>
      <source>e.g. east_sales</source>
      <translation>例如 east_sales</translation>
    </message>
    <message>
      <source>Nothing (an empty role)</source>
      <translation>不复制（空角色）</translation>
    </message>
    <message>
      <source>Code name:</source>
      <translation>代号：</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <source>Copy permissions from:</source>
      <translation>复制权限自：</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>创建</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Give the role a title.</source>
      <translation>请填写角色名称。</translation>
    </message>
    <message>
      <source>Use 2–40 lower-case letters, digits, dots, dashes or underscores; each role needs its own.</source>
      <translation>请使用 2–40 个小写字母、数字、点、短横线或下划线，且不能与其他角色重复。</translation>
    </message>
  </context>
  <context>
    <name>OneTimePasswordDialog</name>
    <message>
      <source>This password will not be shown again. Hand it over in person; it must be changed at the first sign-in.</source>
      <translation>此密码不会再次显示。请当面转交；首次登录时必须修改。</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Copied to the clipboard.</source>
      <translation>已复制到剪贴板。</translation>
    </message>
  </context>
  <context>
    <name>OpenComplaintDialog</name>
    <message>
      <source>Open a complaint — %1</source>
      <translation>登记投诉 — %1</translation>
    </message>
    <message>
      <source>Open complaint</source>
      <translation>登记投诉</translation>
    </message>
    <message>
      <source>What the customer complains about</source>
      <translation>客户投诉的内容</translation>
    </message>
    <message>
      <source>e.g. delivery, quality, billing</source>
      <translation>例如：交付、质量、开票</translation>
    </message>
    <message>
      <source>The customer's owner</source>
      <translation>客户负责人</translation>
    </message>
    <message>
      <source>Summary:</source>
      <translation>摘要：</translation>
    </message>
    <message>
      <source>Severity:</source>
      <translation>严重程度：</translation>
    </message>
    <message>
      <source>Channel:</source>
      <translation>渠道：</translation>
    </message>
    <message>
      <source>Category:</source>
      <translation>类别：</translation>
    </message>
    <message>
      <source>Opened:</source>
      <translation>提出时间：</translation>
    </message>
    <message>
      <source>Handled by:</source>
      <translation>处理人：</translation>
    </message>
    <message>
      <source>Say in a few words what the complaint is about.</source>
      <translation>请简要说明投诉内容。</translation>
    </message>
  </context>
  <context>
    <name>OptionalDateEdit</name>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>No date</source>
      <translation>清除日期</translation>
    </message>
  </context>
  <context>
    <name>OrderColumns</name>
    <message>
      <source>Ordered</source>
      <translation>下单时间</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>内容</translation>
    </message>
  </context>
  <context>
    <name>OrderDialog</name>
    <message>
      <source>New order — %1</source>
      <translation>新建订单 — %1</translation>
    </message>
    <message>
      <source>Change order — %1</source>
      <translation>修改订单 — %1</translation>
    </message>
    <message>
      <source>Save order</source>
      <translation>保存订单</translation>
    </message>
    <message>
      <source>What was bought</source>
      <translation>购买了什么</translation>
    </message>
    <message>
      <source>Ordered:</source>
      <translation>下单时间：</translation>
    </message>
    <message>
      <source>Amount:</source>
      <translation>金额：</translation>
    </message>
    <message>
      <source>Description:</source>
      <translation>内容：</translation>
    </message>
  </context>
  <context>
    <name>OrdersPanel</name>
    <message>
      <source>New order…</source>
      <translation>新建订单…</translation>
    </message>
    <message>
      <source>Enter an order of this customer</source>
      <translation>录入该客户的订单</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Change the selected order</source>
      <translation>修改所选订单</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>Delete the selected order</source>
      <translation>删除所选订单</translation>
    </message>
    <message>
      <source>No order from this customer yet.</source>
      <translation>该客户还没有订单。</translation>
    </message>
    <message>
      <source>Delete order</source>
      <translation>删除订单</translation>
    </message>
    <message>
      <source>Delete the order of %1 over %2?</source>
      <translation>删除 %1 金额为 %2 的订单吗？</translation>
    </message>
  </context>
  <context>
    <name>PeriodPicker</name>
    <message>
      <source>From (inclusive)</source>
      <translation>起始日期（含）</translation>
    </message>
    <message>
      <source>To (inclusive)</source>
      <translation>截止日期（含）</translation>
    </message>
  </context>
  <context>
    <name>PickUserPage</name>
    <message>
      <source>Who is leaving?</source>
      <translation>谁要离职？</translation>
    </message>
    <message>
      <source>Pick the person who leaves. As soon as you go on, they can no longer export or reveal masked values; their customers stay with the company.</source>
      <translation>选择离职的人。一旦继续，此人即不能再导出数据或查看被遮蔽的内容；其客户留在公司。</translation>
    </message>
    <message>
      <source>Search by name, sign-in name or department…</source>
      <translation>按姓名、登录名或部门搜索…</translation>
    </message>
    <message>
      <source>suspended</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>There is nobody else who could leave.</source>
      <translation>没有其他可办理离职的人。</translation>
    </message>
    <message>
      <source>Freezing exports and reveals for %1…</source>
      <translation>正在冻结 %1 的导出和查看权限…</translation>
    </message>
    <message>
      <source>Exports and reveals for %1 are now frozen.</source>
      <translation>%1 的导出和查看权限现已冻结。</translation>
    </message>
  </context>
  <context>
    <name>PoliciesPage</name>
    <message>
      <source>Lock after idle (minutes):</source>
      <translation>闲置后锁定（分钟）：</translation>
    </message>
    <message>
      <source>Allow “remember me” on a device</source>
      <translation>允许设备“记住我”</translation>
    </message>
    <message>
      <source>Alert after this many reveals:</source>
      <translation>显示完整信息达到此次数时警报：</translation>
    </message>
    <message>
      <source>…within (minutes):</source>
      <translation>…在此时间内（分钟）：</translation>
    </message>
    <message>
      <source>Remind of contract expiry (days before):</source>
      <translation>合同到期提前提醒（天）：</translation>
    </message>
    <message>
      <source>Minimum password length:</source>
      <translation>密码最短长度：</translation>
    </message>
    <message>
      <source>Passwords need letters and digits</source>
      <translation>密码须同时包含字母和数字</translation>
    </message>
    <message>
      <source>Offline laptop locks after (days):</source>
      <translation>笔记本离线超过此天数后锁定：</translation>
    </message>
    <message>
      <source>Follow up high-value customers every (days):</source>
      <translation>高价值客户跟进周期（天）：</translation>
    </message>
    <message>
      <source>Escalate to the superior after (days overdue):</source>
      <translation>逾期多少天后上报上级（天）：</translation>
    </message>
    <message>
      <source>Remind of holiday greetings (days before):</source>
      <translation>节日问候提前提醒（天）：</translation>
    </message>
    <message>
      <source>Holidays for greetings, one a line:</source>
      <translation>问候节日（每行一个）：</translation>
    </message>
    <message>
      <source>Return visit after a first purchase (days):</source>
      <translation>首次购买后回访（天）：</translation>
    </message>
    <message>
      <source>Return visit after a complaint is resolved (days):</source>
      <translation>投诉解决后回访（天）：</translation>
    </message>
    <message>
      <source>Answer a complaint first within (hours):</source>
      <translation>投诉首次响应时限（小时）：</translation>
    </message>
    <message>
      <source>Resolve a complaint within (days):</source>
      <translation>投诉解决时限（天）：</translation>
    </message>
    <message>
      <source>Active: a call or order within (months):</source>
      <translation>活跃客户：最近联系或下单（月）：</translation>
    </message>
    <message>
      <source>Company time zone (report months):</source>
      <translation>公司时区（报表月份）：</translation>
    </message>
    <message>
      <source>Company name (report covers):</source>
      <translation>公司名称（报表封面）：</translation>
    </message>
    <message>
      <source>write a calendar, a month-day and a name, like “lunar 08-15 Mid-Autumn Festival | 中秋节”</source>
      <translation>请写历法、月-日和名称，例如“lunar 08-15 Mid-Autumn Festival | 中秋节”</translation>
    </message>
    <message>
      <source>unknown calendar “%1”: write solar or lunar</source>
      <translation>未知历法“%1”：请写 solar 或 lunar</translation>
    </message>
    <message>
      <source>“%1” is not a month-day like 08-15</source>
      <translation>“%1”不是 08-15 这样的月-日</translation>
    </message>
    <message>
      <source>month %1 does not exist</source>
      <translation>没有 %1 月</translation>
    </message>
    <message>
      <source>%1 has no day %2</source>
      <translation>%1没有第 %2 天</translation>
    </message>
    <message>
      <source>a lunar month has no day %1 (days run 1 to 30)</source>
      <translation>农历月没有第 %1 天（只有 1 到 30 日）</translation>
    </message>
    <message>
      <source>the holiday has no name</source>
      <translation>节日没有名称</translation>
    </message>
    <message>
      <source>write at most two names, separated by one “|”</source>
      <translation>最多写两个名称，用一个“|”分隔</translation>
    </message>
    <message>
      <source>a name is longer than %1 characters</source>
      <translation>名称超过 %1 个字符</translation>
    </message>
    <message>
      <source>%1 %2 is already on line %3</source>
      <translation>%1 %2 已在第 %3 行</translation>
    </message>
    <message>
      <source>Line %1: %2</source>
      <translation>第 %1 行：%2</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>This computer's zone (%1)</source>
      <translation>本机时区（%1）</translation>
    </message>
    <message>
      <source>Write “lunar 08-15 Mid-Autumn Festival | 中秋节” or “solar 12-25 Christmas”: the calendar, the month-day, the name and, after |, a second name. Lines starting with # are skipped.</source>
      <translation>例如“lunar 08-15 Mid-Autumn Festival | 中秋节”或“solar 12-25 Christmas”：依次为历法、月-日、名称，“|”后可写第二个名称。以 # 开头的行会被忽略。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>Enter a whole number from %1 to %2.</source>
      <translation>请输入 %1 到 %2 之间的整数。</translation>
    </message>
  </context>
  <context>
    <name>ReassignDialog</name>
    <message>
      <source>Reassign what is left</source>
      <translation>重新分配剩余内容</translation>
    </message>
    <message>
      <source>%1 has departed but still holds customers or open work. Choose who takes it; their name stays on each customer's ownership history.</source>
      <translation>%1 已离职，但名下仍有客户或未完成的工作。请选择接收人；其名字会保留在每个客户的归属历史中。</translation>
    </message>
    <message>
      <source>Reassign</source>
      <translation>重新分配</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Reassigning…</source>
      <translation>正在重新分配…</translation>
    </message>
  </context>
  <context>
    <name>ReceiptColumns</name>
    <message>
      <source>Received</source>
      <translation>收款时间</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Pays</source>
      <translation>对应</translation>
    </message>
  </context>
  <context>
    <name>ReceiptDialog</name>
    <message>
      <source>Money received — %1</source>
      <translation>登记回款 — %1</translation>
    </message>
    <message>
      <source>Change receipt — %1</source>
      <translation>修改回款 — %1</translation>
    </message>
    <message>
      <source>Save receipt</source>
      <translation>保存回款</translation>
    </message>
    <message>
      <source>The contract as a whole</source>
      <translation>整份合同</translation>
    </message>
    <message>
      <source>Amount:</source>
      <translation>金额：</translation>
    </message>
    <message>
      <source>Received:</source>
      <translation>收款时间：</translation>
    </message>
    <message>
      <source>Pays:</source>
      <translation>对应：</translation>
    </message>
  </context>
  <context>
    <name>ReceiverChooser</name>
    <message>
      <source>Search receivers…</source>
      <translation>搜索接收人…</translation>
    </message>
    <message>
      <source>How several receivers share the customers:</source>
      <translation>多位接收人如何分配客户：</translation>
    </message>
    <message>
      <source>By department</source>
      <translation>按部门</translation>
    </message>
    <message>
      <source>Each customer goes to the receiver in the customer's department (or the nearest one above it); the rest are dealt out in turn.</source>
      <translation>每个客户交给其所在部门（或最近的上级部门）的接收人；其余客户轮流分配。</translation>
    </message>
    <message>
      <source>By tier</source>
      <translation>按等级</translation>
    </message>
    <message>
      <source>Whole tiers are dealt out in turn: high-value to the first receiver, potential to the second, and so on.</source>
      <translation>按等级整体轮流分配：高价值给第一位接收人，潜力客户给第二位，依此类推。</translation>
    </message>
    <message>
      <source>In turn (even split)</source>
      <translation>轮流（平均分配）</translation>
    </message>
    <message>
      <source>Customers are dealt out one by one, so everyone gets about the same number.</source>
      <translation>客户逐个轮流分配，每人所得数量大致相同。</translation>
    </message>
    <message>
      <source>Receiver</source>
      <translation>接收人</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Tick at least one person to receive the customers.</source>
      <translation>请至少勾选一位接收客户的人。</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>正在统计…</translation>
    </message>
    <message>
      <source>%1 (first receiver)</source>
      <translation>%1（第一位接收人）</translation>
    </message>
    <message numerus="yes">
      <source>%n customer(s) in all.</source>
      <translation>
        <numerusform>共 %n 个客户。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReceiversPage</name>
    <message>
      <source>Who receives their customers?</source>
      <translation>谁来接收其客户？</translation>
    </message>
    <message>
      <source>One person can take everything, or several can share it. The first person you tick also takes open work not tied to a customer and %1's direct reports.</source>
      <translation>可以由一人全部接收，也可以由多人分担。第一位勾选的人还会接收不属于任何客户的未完成工作，以及 %1 的直接下属。</translation>
    </message>
    <message>
      <source>%1's name stays on each customer's ownership history: you can always see who looked after a customer before.</source>
      <translation>%1 的名字会保留在每个客户的归属历史中：随时可以查到此前由谁负责。</translation>
    </message>
  </context>
  <context>
    <name>RecordHeader</name>
    <message>
      <source>‹ Customers</source>
      <translation>‹ 客户列表</translation>
    </message>
    <message>
      <source>Back to the list (Esc, Alt+Left)</source>
      <translation>返回列表（Esc、Alt+←）</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save the changes (Ctrl+S)</source>
      <translation>保存更改（Ctrl+S）</translation>
    </message>
    <message>
      <source>Log a call</source>
      <translation>记录通话</translation>
    </message>
    <message>
      <source>Log a call, visit or message with this customer</source>
      <translation>记录与该客户的通话、拜访或消息</translation>
    </message>
    <message>
      <source>Change owner…</source>
      <translation>更换负责人…</translation>
    </message>
    <message>
      <source>Hand this customer to another salesperson (kept in the history)</source>
      <translation>将此客户转交给其他销售（记入归属历史）</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>Delete this customer</source>
      <translation>删除此客户</translation>
    </message>
    <message>
      <source>Owner: %1</source>
      <translation>负责人：%1</translation>
    </message>
  </context>
  <context>
    <name>RecordTabs</name>
    <message>
      <source>Timeline</source>
      <translation>时间线</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
  </context>
  <context>
    <name>RecoveryCodePage</name>
    <message>
      <source>Your recovery code</source>
      <translation>您的恢复码</translation>
    </message>
    <message>
      <source>If the administrator's password is ever lost, this code is the only way back into the vault. It is shown only now and is not stored on this computer.</source>
      <translation>如果管理员密码丢失，这个恢复码是重新进入保险库的唯一途径。它只在此刻显示一次，不会保存在本机上。</translation>
    </message>
    <message>
      <source>• Write it on paper, or print it, and keep it somewhere safe away from this computer.
• Or select the code, copy it with Ctrl+C into a password manager; do not leave it in a plain file or an e-mail.
• Letters O, I and B may be typed as 0, 1 and 8; dashes and spaces are ignored.</source>
      <translation>• 把它抄写在纸上或打印出来，存放在远离这台电脑的安全地方。
• 或者选中恢复码，按 Ctrl+C 复制到密码管理器中；不要把它留在普通文件或电子邮件里。
• 字母 O、I、B 可以输入为 0、1、8；短横线和空格会被忽略。</translation>
    </message>
    <message>
      <source>I have stored the recovery code in a safe place</source>
      <translation>我已将恢复码保存在安全的地方</translation>
    </message>
  </context>
  <context>
    <name>ReminderDesk</name>
    <message>
      <source>Reminders could not be brought up to date: %1</source>
      <translation>提醒未能更新：%1</translation>
    </message>
  </context>
  <context>
    <name>ReminderDialog</name>
    <message>
      <source>Edit reminder</source>
      <translation>编辑提醒</translation>
    </message>
    <message>
      <source>New reminder</source>
      <translation>新建提醒</translation>
    </message>
    <message>
      <source>Optional: type a customer's name, pinyin initials or phone digits</source>
      <translation>可选：输入客户姓名、拼音首字母或几位电话号码</translation>
    </message>
    <message>
      <source>Save reminder</source>
      <translation>保存提醒</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在读取…</translation>
    </message>
    <message>
      <source>(a customer outside your view)</source>
      <translation>（您无权查看的客户）</translation>
    </message>
    <message>
      <source>Pick the customer from the list, or clear the box for none.</source>
      <translation>请从列表中选择客户；如不关联客户，请清空此框。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Discard this reminder?</source>
      <translation>放弃此提醒？</translation>
    </message>
    <message>
      <source>What you changed in this reminder will be lost.</source>
      <translation>您对此提醒所做的更改将会丢失。</translation>
    </message>
  </context>
  <context>
    <name>ReminderForm</name>
    <message>
      <source>What to do, e.g. call about the quote</source>
      <translation>要做什么，例如致电沟通报价</translation>
    </message>
    <message>
      <source>All day</source>
      <translation>全天</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Start time</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>until</source>
      <translation>至</translation>
    </message>
    <message>
      <source>End time</source>
      <translation>结束时间</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>最后一天</translation>
    </message>
    <message>
      <source>Anything to have at hand when it is due</source>
      <translation>到期时需要备好的信息</translation>
    </message>
    <message>
      <source>Changes apply to every occurrence.</source>
      <translation>更改将应用于每一次重复。</translation>
    </message>
    <message>
      <source>Kind:</source>
      <translation>类型：</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>标题：</translation>
    </message>
    <message>
      <source>Customer:</source>
      <translation>客户：</translation>
    </message>
    <message>
      <source>When:</source>
      <translation>时间：</translation>
    </message>
    <message>
      <source>Repeat:</source>
      <translation>重复：</translation>
    </message>
    <message>
      <source>Notes:</source>
      <translation>备注：</translation>
    </message>
    <message>
      <source>Say in a few words what is to be done.</source>
      <translation>请简要说明要做的事。</translation>
    </message>
  </context>
  <context>
    <name>ReminderRepeat</name>
    <message>
      <source>Monday</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>Jan</source>
      <translation>1月</translation>
    </message>
    <message>
      <source>Feb</source>
      <translation>2月</translation>
    </message>
    <message>
      <source>Mar</source>
      <translation>3月</translation>
    </message>
    <message>
      <source>Apr</source>
      <translation>4月</translation>
    </message>
    <message>
      <source>May</source>
      <translation>5月</translation>
    </message>
    <message>
      <source>Jun</source>
      <translation>6月</translation>
    </message>
    <message>
      <source>Jul</source>
      <translation>7月</translation>
    </message>
    <message>
      <source>Aug</source>
      <translation>8月</translation>
    </message>
    <message>
      <source>Sep</source>
      <translation>9月</translation>
    </message>
    <message>
      <source>Oct</source>
      <translation>10月</translation>
    </message>
    <message>
      <source>Nov</source>
      <translation>11月</translation>
    </message>
    <message>
      <source>Dec</source>
      <translation>12月</translation>
    </message>
    <message>
      <source>Does not repeat</source>
      <translation>不重复</translation>
    </message>
    <message>
      <source>Daily</source>
      <translation>每天</translation>
    </message>
    <message>
      <source>Weekly on %1</source>
      <translation>每%1</translation>
    </message>
    <message>
      <source>Monthly on day %1</source>
      <translation>每月 %1 日</translation>
    </message>
    <message>
      <source>Yearly on %1 %2</source>
      <translation>每年 %1%2日</translation>
    </message>
    <message>
      <source>Custom rule (RRULE)…</source>
      <translation>自定义规则（RRULE）…</translation>
    </message>
  </context>
  <context>
    <name>ReminderText</name>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Tomorrow</source>
      <translation>明天</translation>
    </message>
    <message>
      <source>Yesterday</source>
      <translation>昨天</translation>
    </message>
    <message>
      <source>All day</source>
      <translation>全天</translation>
    </message>
    <message>
      <source>Due: %1</source>
      <translation>到期：%1</translation>
    </message>
    <message>
      <source>Snoozed until %1</source>
      <translation>已推迟至 %1</translation>
    </message>
  </context>
  <context>
    <name>RepeatChoice</name>
    <message>
      <source>Repeat</source>
      <translation>重复</translation>
    </message>
    <message>
      <source>e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10</source>
      <translation>例如 FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10</translation>
    </message>
    <message>
      <source>Repeat rule</source>
      <translation>重复规则</translation>
    </message>
    <message>
      <source>Type a rule, such as FREQ=WEEKLY;BYDAY=MO.</source>
      <translation>请输入规则，例如 FREQ=WEEKLY;BYDAY=MO。</translation>
    </message>
  </context>
  <context>
    <name>ReportPeriodPicker</name>
    <message>
      <source>Month or quarter</source>
      <translation>按月或按季度</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>季度</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>统计周期</translation>
    </message>
    <message>
      <source>%1 Q%2</source>
      <translation>%1年第%2季度</translation>
    </message>
    <message>
      <source>%1-%2</source>
      <comment>a year and its month</comment>
      <translation>%1年%2月</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Customer satisfaction report (PDF)</source>
      <translation>客户满意度报告（PDF）</translation>
    </message>
    <message>
      <source>The period's key figures beside the period before, twelve periods of trends, the answers, tiers and loyalty stages, each salesperson's figures, the customers at risk of leaving and the unhappy ones, and how every figure is counted.</source>
      <translation>本期关键指标及与上期的对比、最近十二期的趋势、评分分布、客户分级与忠诚度阶段、每位销售的指标、有流失风险和不满意的客户，以及每项指标的计算方法。</translation>
    </message>
    <message>
      <source>The report's language</source>
      <translation>报告语言</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Simplified Chinese</source>
      <translation>简体中文</translation>
    </message>
    <message>
      <source>Generate PDF…</source>
      <translation>生成 PDF…</translation>
    </message>
    <message>
      <source>Open the PDF</source>
      <translation>打开 PDF</translation>
    </message>
    <message>
      <source>Show the folder</source>
      <translation>打开所在文件夹</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>统计周期</translation>
    </message>
    <message>
      <source>Whose customers</source>
      <translation>客户范围</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Save the report as</source>
      <translation>报告另存为</translation>
    </message>
    <message>
      <source>Computing the figures…</source>
      <translation>正在计算指标…</translation>
    </message>
    <message>
      <source>satisfaction-report</source>
      <comment>the start of a report's file name</comment>
      <translation>满意度报告</translation>
    </message>
    <message>
      <source>Writing the PDF…</source>
      <translation>正在生成 PDF…</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>已保存到 %1</translation>
    </message>
    <message>
      <source>The disk is full: the report was not saved.</source>
      <translation>磁盘已满，报告未保存。</translation>
    </message>
    <message>
      <source>The report could not be saved in %1 (%2). Choose another folder.</source>
      <translation>报告无法保存到 %1（%2），请选择其他文件夹。</translation>
    </message>
  </context>
  <context>
    <name>ReturnVisitDialog</name>
    <message>
      <source>Return visit — %1</source>
      <translation>回访 — %1</translation>
    </message>
    <message>
      <source>Return visit</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>How satisfied is the customer? Their answer counts as a satisfaction (CSAT) score.</source>
      <translation>客户的满意程度如何？其回答计入满意度（CSAT）评分。</translation>
    </message>
    <message>
      <source>The customer's answer</source>
      <translation>客户的回答</translation>
    </message>
    <message>
      <source>What the customer said (optional)</source>
      <translation>客户说了什么（可选）</translation>
    </message>
    <message>
      <source>Answer:</source>
      <translation>回答：</translation>
    </message>
    <message>
      <source>Comment:</source>
      <translation>评论：</translation>
    </message>
    <message>
      <source>Made by:</source>
      <translation>回访方式：</translation>
    </message>
    <message>
      <source>Choose the customer's answer, from 1 to 5.</source>
      <translation>请选择客户的回答（1 到 5）。</translation>
    </message>
  </context>
  <context>
    <name>RoleEditor</name>
    <message>
      <source>Code name:</source>
      <translation>代号：</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <source>Description:</source>
      <translation>说明：</translation>
    </message>
    <message>
      <source>Permissions and data scope</source>
      <translation>权限与数据范围</translation>
    </message>
    <message>
      <source>Customer fields</source>
      <translation>客户字段</translation>
    </message>
    <message>
      <source>What can this user see?</source>
      <translation>此用户能看到什么？</translation>
    </message>
    <message>
      <source>User:</source>
      <translation>用户：</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <source>Give the role a title.</source>
      <translation>请填写角色名称。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>The administrator role must keep reading and managing users and roles, or nobody could reach this console.</source>
      <translation>管理员角色必须保留查看和管理用户与角色的权限，否则没有人能再进入此管理台。</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
      <source>Would see %n customer(s)</source>
      <translation>
        <numerusform>可看到 %n 位客户</numerusform>
      </translation>
    </message>
    <message>
      <source>(if they held this role)</source>
      <translation>（假如拥有此角色）</translation>
    </message>
    <message>
      <source>Hidden: %1</source>
      <translation>隐藏：%1</translation>
    </message>
    <message>
      <source>Masked: %1</source>
      <translation>遮蔽：%1</translation>
    </message>
    <message>
      <source>Every customer field in full.</source>
      <translation>所有客户字段完整可见。</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>经理</translation>
    </message>
    <message>
      <source>Salesperson</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Customer service</source>
      <translation>客服</translation>
    </message>
    <message>
      <source>Auditor</source>
      <translation>审计员</translation>
    </message>
  </context>
  <context>
    <name>RolesPage</name>
    <message>
      <source>New role…</source>
      <translation>新建角色…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message numerus="yes">
      <source>%1 · %n people</source>
      <translation>
        <numerusform>%1 · %n 人</numerusform>
      </translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未保存的更改</translation>
    </message>
    <message>
      <source>Discard the changes to this role?</source>
      <translation>放弃对此角色的更改吗？</translation>
    </message>
    <message>
      <source>Delete role</source>
      <translation>删除角色</translation>
    </message>
    <message>
      <source>Delete the role “%1”? This cannot be undone.</source>
      <translation>删除角色“%1”吗？此操作无法撤销。</translation>
    </message>
  </context>
  <context>
    <name>RouteComplaintDialog</name>
    <message>
      <source>Route the complaint</source>
      <translation>转派投诉</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>转派</translation>
    </message>
    <message>
      <source>Loading the users…</source>
      <translation>正在加载用户…</translation>
    </message>
    <message>
      <source>Handled by:</source>
      <translation>处理人：</translation>
    </message>
    <message>
      <source>Choose who handles it</source>
      <translation>选择处理人</translation>
    </message>
    <message>
      <source>Choose who handles the complaint.</source>
      <translation>请选择投诉的处理人。</translation>
    </message>
  </context>
  <context>
    <name>RunPage</name>
    <message>
      <source>The departure</source>
      <translation>离职办理</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <source>Cancel the departure…</source>
      <translation>取消离职…</translation>
    </message>
    <message>
      <source>This cannot be interrupted; please wait.</source>
      <translation>此过程无法中断，请稍候。</translation>
    </message>
    <message numerus="yes">
      <source>Ending %1's access, handing over %n customer(s) and rotating the vault's data key… On a large vault this takes a few seconds.</source>
      <translation>
        <numerusform>正在终止 %1 的访问权限、移交 %n 个客户并轮换保险库数据密钥… 保险库较大时需要几秒钟。</numerusform>
      </translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>已完成。</translation>
    </message>
    <message>
      <source>%1 has departed: their access is revoked on every device.</source>
      <translation>%1 已离职：其在所有设备上的访问权限均已撤销。</translation>
    </message>
    <message>
      <source>Customers moved:</source>
      <translation>已移交的客户：</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <source>Open reminders moved: %1</source>
      <translation>已移交的未完成提醒：%1</translation>
    </message>
    <message>
      <source>Open complaints moved: %1</source>
      <translation>已移交的未结投诉：%1</translation>
    </message>
    <message>
      <source>Collaborator grants ended: %1</source>
      <translation>已终止的协作授权：%1</translation>
    </message>
    <message>
      <source>Direct reports moved: %1</source>
      <translation>已调整的直接下属：%1</translation>
    </message>
    <message>
      <source>The vault's data key was rotated.</source>
      <translation>保险库的数据密钥已轮换。</translation>
    </message>
    <message>
      <source>The data key is not rotated yet: that finishes at the next sign-in.</source>
      <translation>数据密钥尚未轮换：将在下次登录时完成。</translation>
    </message>
    <message>
      <source>The departure did not finish.</source>
      <translation>离职未能完成。</translation>
    </message>
    <message>
      <source>Nothing was changed: %1 still owns their customers, and their exports and reveals stay frozen. Try again, or cancel the departure.</source>
      <translation>未做任何更改：%1 仍是其客户的负责人，其导出和查看权限仍处于冻结状态。请重试，或取消离职。</translation>
    </message>
    <message>
      <source>%1 has departed and their customers were handed over; the rest of the key work finishes by itself at the next sign-in.</source>
      <translation>%1 已离职，其客户已移交；剩余的密钥处理将在下次登录时自动完成。</translation>
    </message>
    <message>
      <source>Sign in again and look at the departures list: a departure that was saved is finished by itself at the next sign-in.</source>
      <translation>请重新登录并查看离职列表：已保存的离职会在下次登录时自动完成。</translation>
    </message>
    <message>
      <source>The departure is running and cannot be interrupted; this window closes once it has finished.</source>
      <translation>离职正在进行，无法中断；完成后即可关闭此窗口。</translation>
    </message>
  </context>
  <context>
    <name>SatisfactionColumns</name>
    <message>
      <source>Answered</source>
      <translation>回答时间</translation>
    </message>
    <message>
      <source>CSAT</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>NPS</source>
      <translation>推荐意愿</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Survey</source>
      <translation>调查</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>评论</translation>
    </message>
    <message>
      <source>Recorded by</source>
      <translation>记录人</translation>
    </message>
  </context>
  <context>
    <name>SatisfactionDialog</name>
    <message>
      <source>Record feedback — %1</source>
      <translation>记录反馈 — %1</translation>
    </message>
    <message>
      <source>Change feedback — %1</source>
      <translation>修改反馈 — %1</translation>
    </message>
    <message>
      <source>Save feedback</source>
      <translation>保存反馈</translation>
    </message>
  </context>
  <context>
    <name>SatisfactionPanel</name>
    <message>
      <source>Record feedback…</source>
      <translation>记录反馈…</translation>
    </message>
    <message>
      <source>Record the customer's satisfaction answer</source>
      <translation>记录客户的满意度回答</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Change the selected answer</source>
      <translation>修改所选回答</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>Delete the selected answer</source>
      <translation>删除所选回答</translation>
    </message>
    <message>
      <source>No satisfaction answer yet. Record one after a call or a visit.</source>
      <translation>还没有满意度回答。可在通话或拜访后记录。</translation>
    </message>
    <message>
      <source>Delete feedback</source>
      <translation>删除反馈</translation>
    </message>
    <message>
      <source>Delete the answer given on %1? It stops counting in the reports.</source>
      <translation>删除 %1 的回答吗？删除后报表不再计入。</translation>
    </message>
  </context>
  <context>
    <name>ScopePicker</name>
    <message>
      <source>Whose customers</source>
      <translation>客户范围</translation>
    </message>
    <message>
      <source>All I can see</source>
      <translation>我可查看的全部</translation>
    </message>
  </context>
  <context>
    <name>ScoreButtons</name>
    <message>
      <source>%1 — %2</source>
      <translation>%1 — %2</translation>
    </message>
    <message>
      <source>Not asked</source>
      <translation>未询问</translation>
    </message>
  </context>
  <context>
    <name>ServiceMessages</name>
    <message>
      <source>must not be empty</source>
      <translation>不能为空</translation>
    </message>
    <message>
      <source>use 2–64 letters, digits, dots, dashes or underscores (no spaces)</source>
      <translation>请使用 2–64 个字母、数字、点、短横线或下划线（不能有空格）</translation>
    </message>
    <message>
      <source>must not start or end with spaces</source>
      <translation>开头和结尾不能是空格</translation>
    </message>
    <message>
      <source>must differ from the current password</source>
      <translation>必须与当前密码不同</translation>
    </message>
    <message>
      <source>must contain both letters and digits</source>
      <translation>必须同时包含字母和数字</translation>
    </message>
    <message>
      <source>give the user at least one role</source>
      <translation>请至少为用户指定一个角色</translation>
    </message>
    <message>
      <source>is in the future</source>
      <translation>不能是将来的日期</translation>
    </message>
    <message>
      <source>is before 1900</source>
      <translation>不能早于 1900 年</translation>
    </message>
    <message>
      <source>your role may not change this field</source>
      <translation>你的角色不能修改此字段</translation>
    </message>
    <message>
      <source>must be yes or no</source>
      <translation>必须为“是”或“否”</translation>
    </message>
    <message>
      <source>is not a policy</source>
      <translation>不是一项策略</translation>
    </message>
    <message>
      <source>choose an active user to preview</source>
      <translation>请选择一位在职用户来预览</translation>
    </message>
    <message>
      <source>the administrator role must keep reading and managing users and roles</source>
      <translation>管理员角色必须保留查看和管理用户及角色的权限</translation>
    </message>
    <message>
      <source>a built-in role cannot be deleted</source>
      <translation>内置角色不能删除</translation>
    </message>
    <message>
      <source>use 2–40 lower-case letters, digits, dots, dashes or underscores</source>
      <translation>请使用 2–40 个小写字母、数字、点、连字符或下划线</translation>
    </message>
    <message>
      <source>choose at least one department for “specified departments”</source>
      <translation>“指定部门”至少要选择一个部门</translation>
    </message>
    <message>
      <source>use the departure workflow</source>
      <translation>请使用离职流程</translation>
    </message>
    <message>
      <source>no such user</source>
      <translation>没有这个用户</translation>
    </message>
    <message>
      <source>“%1” is not a phone number</source>
      <translation>“%1”不是电话号码</translation>
    </message>
    <message>
      <source>“%1” is not a valid phone number</source>
      <translation>“%1”不是有效的电话号码</translation>
    </message>
    <message>
      <source>“%1” is not an email address</source>
      <translation>“%1”不是邮箱地址</translation>
    </message>
    <message>
      <source>“%1” is not a date (YYYY-MM-DD)</source>
      <translation>“%1”不是日期（格式 YYYY-MM-DD）</translation>
    </message>
    <message>
      <source>“%1” is not a two-letter country code</source>
      <translation>“%1”不是两个字母的国家代码</translation>
    </message>
    <message>
      <source>“%1” belonged to a deleted role; choose another</source>
      <translation>“%1”曾属于一个已删除的角色，请换一个名称</translation>
    </message>
    <message>
      <source>“%1” is not a permission</source>
      <translation>“%1”不是一项权限</translation>
    </message>
    <message>
      <source>“%1” is not a data scope</source>
      <translation>“%1”不是数据范围</translation>
    </message>
    <message>
      <source>“%1” has no data scope: grant it whole</source>
      <translation>“%1”没有数据范围：只能整体授予</translation>
    </message>
    <message>
      <source>“%1” is not a customer field</source>
      <translation>“%1”不是客户字段</translation>
    </message>
    <message>
      <source>“%1” is not a field policy</source>
      <translation>“%1”不是字段策略</translation>
    </message>
    <message>
      <source>“%1” cannot be masked</source>
      <translation>“%1”不能遮蔽</translation>
    </message>
    <message>
      <source>“%1” has two policies</source>
      <translation>“%1”有两条策略</translation>
    </message>
    <message>
      <source>is longer than %1 characters</source>
      <translation>超过了 %1 个字符</translation>
    </message>
    <message>
      <source>“%1” is already taken</source>
      <translation>“%1”已被占用</translation>
    </message>
    <message>
      <source>must be at least %1 characters long</source>
      <translation>至少需要 %1 个字符</translation>
    </message>
    <message>
      <source>must be a whole number from %1 to %2</source>
      <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
      <source>%1 people still hold this role; give them another role first</source>
      <translation>仍有 %1 人持有此角色，请先给他们换一个角色</translation>
    </message>
    <message>
      <source>no such role: %1</source>
      <translation>没有这个角色：%1</translation>
    </message>
    <message>
      <source>a masked field is read-only: “%1” cannot be edit</source>
      <translation>遮蔽的字段只读：“%1”不能设为可编辑</translation>
    </message>
    <message>
      <source>%1 has already departed</source>
      <translation>%1 已经离职</translation>
    </message>
    <message>
      <source>%1 is not active</source>
      <translation>%1 不是在职状态</translation>
    </message>
    <message>
      <source>no system keyring is available on this computer, so the app cannot remember you (sign in with your password)</source>
      <translation>这台电脑上没有可用的系统密钥环，因此无法记住您（请使用密码登录）</translation>
    </message>
    <message>
      <source>the system keyring is locked: unlock it and try again</source>
      <translation>系统密钥环已锁定：请解锁后重试</translation>
    </message>
    <message>
      <source>the only keyring available here would keep secrets in a plain file, so the app will not remember you on this computer</source>
      <translation>这里唯一可用的密钥环会把机密保存在明文文件中，因此本软件不会在这台电脑上记住您</translation>
    </message>
    <message>
      <source>the system keyring refused the request</source>
      <translation>系统密钥环拒绝了此请求</translation>
    </message>
    <message>
      <source>say what the next step is: it becomes the follow-up reminder's title</source>
      <translation>请写明下一步做什么：它将成为跟进提醒的标题</translation>
    </message>
    <message>
      <source>is in the past: a follow-up needs a date to come</source>
      <translation>已经过去：跟进需要一个将来的日期</translation>
    </message>
    <message>
      <source>is more than two years ahead</source>
      <translation>超过两年之后</translation>
    </message>
    <message>
      <source>is more than a year in the future</source>
      <translation>超过一年之后</translation>
    </message>
    <message>
      <source>must be between 0 seconds and 24 hours</source>
      <translation>必须在 0 秒到 24 小时之间</translation>
    </message>
    <message>
      <source>this alert was already acknowledged</source>
      <translation>该警报已被确认</translation>
    </message>
    <message>
      <source>must be after the start</source>
      <translation>必须晚于开始时间</translation>
    </message>
    <message>
      <source>use csv or jsonl</source>
      <translation>请使用 csv 或 jsonl</translation>
    </message>
    <message>
      <source>a department cannot move under itself or one of its own sub-departments</source>
      <translation>部门不能移到自身或其下级部门之下</translation>
    </message>
    <message>
      <source>a department of this name already sits at this place in the tree</source>
      <translation>此位置已有同名部门</translation>
    </message>
    <message>
      <source>choose another department to merge into</source>
      <translation>请选择要并入的另一个部门</translation>
    </message>
    <message>
      <source>a department cannot be merged into one of its own sub-departments</source>
      <translation>部门不能并入其下级部门</translation>
    </message>
    <message>
      <source>move this department's people and sub-departments first</source>
      <translation>请先移走该部门的人员和下级部门</translation>
    </message>
    <message>
      <source>no such department</source>
      <translation>没有这个部门</translation>
    </message>
    <message>
      <source>a role grants access by this department: change the role, or merge the department into another instead</source>
      <translation>有角色按此部门授予权限：请先修改该角色，或将此部门合并到其他部门</translation>
    </message>
    <message>
      <source>customers still belong to this department: merge it into another department instead</source>
      <translation>仍有客户属于此部门：请将其合并到其他部门</translation>
    </message>
    <message>
      <source>choose at least one user to receive the customers</source>
      <translation>请至少选择一位接收客户的用户</translation>
    </message>
    <message>
      <source>each receiver may be chosen once</source>
      <translation>每位接收人只能选择一次</translation>
    </message>
    <message>
      <source>the departing user cannot receive their own customers</source>
      <translation>离职用户不能接收自己的客户</translation>
    </message>
    <message>
      <source>you cannot run your own departure; ask another admin</source>
      <translation>不能为自己办理离职；请让另一位管理员办理</translation>
    </message>
    <message>
      <source>this departure is already committed and cannot be cancelled</source>
      <translation>此离职已提交，无法取消</translation>
    </message>
    <message>
      <source>only a departed user's holdings are reassigned here; start a departure for an active user</source>
      <translation>这里只重新分配已离职用户名下的内容；在职用户请先办理离职</translation>
    </message>
    <message>
      <source>a user cannot report to themselves or to someone who reports to them</source>
      <translation>用户不能向自己或自己的下属汇报</translation>
    </message>
    <message>
      <source>this person has departed and cannot be a superior</source>
      <translation>此人已离职，不能作为上级</translation>
    </message>
    <message>
      <source>this user has departed; their record can no longer be changed</source>
      <translation>该用户已离职，其资料不能再修改</translation>
    </message>
    <message>
      <source>change your own password instead of resetting it</source>
      <translation>请修改自己的密码，而不是重置</translation>
    </message>
    <message>
      <source>the vault must keep at least one active administrator</source>
      <translation>保险库必须保留至少一名在职管理员</translation>
    </message>
    <message>
      <source>you cannot suspend yourself</source>
      <translation>不能停用自己的账号</translation>
    </message>
    <message>
      <source>no such active user</source>
      <translation>没有这个在职用户</translation>
    </message>
    <message>
      <source>this user has departed; their access cannot be restored</source>
      <translation>该用户已离职，其访问权限无法恢复</translation>
    </message>
    <message>
      <source>the end is before the start</source>
      <translation>结束时间早于开始时间</translation>
    </message>
    <message>
      <source>must be later than now</source>
      <translation>必须晚于现在</translation>
    </message>
    <message>
      <source>this reminder was changed meanwhile; reload and retry</source>
      <translation>此提醒已在其他地方被修改；请重新打开后再试</translation>
    </message>
    <message>
      <source>is not a reminder field</source>
      <translation>不是提醒的字段</translation>
    </message>
    <message>
      <source>must fall between %1 and %2</source>
      <translation>必须在 %1 年到 %2 年之间</translation>
    </message>
    <message>
      <source>must fall before %1</source>
      <translation>必须早于 %1 年</translation>
    </message>
    <message>
      <source>must be at most %1 characters</source>
      <translation>最多 %1 个字符</translation>
    </message>
    <message>
      <source>“%1” is not an IANA time zone</source>
      <translation>“%1”不是 IANA 时区</translation>
    </message>
    <message>
      <source>is empty</source>
      <translation>为空</translation>
    </message>
    <message>
      <source>FREQ is missing</source>
      <translation>缺少 FREQ</translation>
    </message>
    <message>
      <source>COUNT and UNTIL cannot both be given</source>
      <translation>COUNT 和 UNTIL 不能同时指定</translation>
    </message>
    <message>
      <source>a numbered BYDAY (like 2MO) needs FREQ=MONTHLY or YEARLY</source>
      <translation>带序号的 BYDAY（如 2MO）需要 FREQ=MONTHLY 或 YEARLY</translation>
    </message>
    <message>
      <source>BYDAY mixes numbered and plain weekdays</source>
      <translation>BYDAY 混用了带序号和不带序号的星期</translation>
    </message>
    <message>
      <source>BYDAY asks for a weekday that not every month has; use -1 for the last</source>
      <translation>BYDAY 指定的星期并非每个月都有；最后一个请用 -1</translation>
    </message>
    <message>
      <source>BYDAY and BYMONTHDAY cannot be combined</source>
      <translation>BYDAY 和 BYMONTHDAY 不能同时使用</translation>
    </message>
    <message>
      <source>BYSETPOS needs FREQ=WEEKLY, MONTHLY or YEARLY with plain BYDAY days</source>
      <translation>BYSETPOS 需要 FREQ=WEEKLY、MONTHLY 或 YEARLY，并配合不带序号的 BYDAY</translation>
    </message>
    <message>
      <source>BYMONTH with so long an INTERVAL could skip its months</source>
      <translation>INTERVAL 过长时，BYMONTH 可能跳过其月份</translation>
    </message>
    <message>
      <source>UNTIL is before the start</source>
      <translation>UNTIL 早于开始时间</translation>
    </message>
    <message>
      <source>with this INTERVAL the rule never lands on its BYDAY days</source>
      <translation>按此 INTERVAL，规则永远不会落在其 BYDAY 指定的日子</translation>
    </message>
    <message>
      <source>with this INTERVAL the rule never lands in its BYMONTH months</source>
      <translation>按此 INTERVAL，规则永远不会落在其 BYMONTH 指定的月份</translation>
    </message>
    <message>
      <source>BYMONTHDAY names a day its months do not have</source>
      <translation>BYMONTHDAY 指定的日期在这些月份中不存在</translation>
    </message>
    <message>
      <source>“%1” is not NAME=VALUE</source>
      <translation>“%1”不是“名称=值”的形式</translation>
    </message>
    <message>
      <source>%1 is not supported: the calendar repeats only with %2</source>
      <translation>不支持 %1：日历只支持以下重复项：%2</translation>
    </message>
    <message>
      <source>%1 appears twice</source>
      <translation>%1 出现了两次</translation>
    </message>
    <message>
      <source>FREQ=%1 is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY</source>
      <translation>不支持 FREQ=%1：请使用 DAILY、WEEKLY、MONTHLY 或 YEARLY</translation>
    </message>
    <message>
      <source>BYDAY=%1 is not a weekday like MO or 2TU or -1FR</source>
      <translation>BYDAY=%1 不是有效的星期，例如 MO、2TU 或 -1FR</translation>
    </message>
    <message>
      <source>BYDAY=%1: the week number cannot be 0</source>
      <translation>BYDAY=%1：周序号不能为 0</translation>
    </message>
    <message>
      <source>UNTIL=%1 is not a date (20261231) or a UTC time (20261231T235959Z)</source>
      <translation>UNTIL=%1 不是日期（20261231）或 UTC 时间（20261231T235959Z）</translation>
    </message>
    <message>
      <source>UNTIL=%1 is not a real date</source>
      <translation>UNTIL=%1 不是真实存在的日期</translation>
    </message>
    <message>
      <source>BYMONTHDAY needs FREQ=MONTHLY or YEARLY, not %1</source>
      <translation>BYMONTHDAY 需要 FREQ=MONTHLY 或 YEARLY，而不是 %1</translation>
    </message>
    <message>
      <source>BYSETPOS must stay within ±%1 for these days</source>
      <translation>对这些日子，BYSETPOS 必须在 ±%1 以内</translation>
    </message>
    <message>
      <source>%1 is not a whole number</source>
      <translation>%1 不是整数</translation>
    </message>
    <message>
      <source>%1 is outside %2</source>
      <translation>%1 超出范围 %2</translation>
    </message>
    <message>
      <source>give a CSAT or an NPS score</source>
      <translation>请给出满意度（CSAT）或推荐意愿（NPS）评分</translation>
    </message>
    <message>
      <source>is not a call with this customer</source>
      <translation>不是与该客户的通话</translation>
    </message>
    <message>
      <source>must be a date and time with its time zone</source>
      <translation>必须是带时区的日期和时间</translation>
    </message>
    <message>
      <source>must be a date</source>
      <translation>必须是日期</translation>
    </message>
    <message>
      <source>must be a whole number of minor units above zero</source>
      <translation>必须是大于零的整数（以分为单位）</translation>
    </message>
    <message>
      <source>is too large</source>
      <translation>数值过大</translation>
    </message>
    <message>
      <source>this customer has no owner: choose who handles the complaint</source>
      <translation>该客户没有负责人：请选择投诉处理人</translation>
    </message>
    <message>
      <source>this user may not handle this customer's complaints</source>
      <translation>该用户无权处理此客户的投诉</translation>
    </message>
    <message>
      <source>is before the complaint was opened</source>
      <translation>早于投诉提出的时间</translation>
    </message>
    <message>
      <source>is before the first response</source>
      <translation>早于首次回复的时间</translation>
    </message>
    <message>
      <source>must be after the start date</source>
      <translation>必须晚于开始日期</translation>
    </message>
    <message>
      <source>this contract has instalments or receipts in its currency</source>
      <translation>该合同已有以其币种记录的回款计划或回款</translation>
    </message>
    <message>
      <source>is not an instalment of this contract</source>
      <translation>不是该合同的回款计划</translation>
    </message>
    <message>
      <source>is not a return visit to a customer</source>
      <translation>不是对客户的回访</translation>
    </message>
    <message>
      <source>a repeating reminder is not a return visit</source>
      <translation>重复提醒不是回访</translation>
    </message>
    <message>
      <source>this return visit was completed already</source>
      <translation>这次回访已经完成</translation>
    </message>
    <message>
      <source>its first response is recorded already</source>
      <translation>已记录过首次回复</translation>
    </message>
    <message>
      <source>it is resolved already</source>
      <translation>它已经解决</translation>
    </message>
    <message>
      <source>it is closed</source>
      <translation>它已关闭</translation>
    </message>
    <message>
      <source>record its first response first</source>
      <translation>请先记录首次回复</translation>
    </message>
    <message>
      <source>it is closed: reopen it first</source>
      <translation>它已关闭：请先重新打开</translation>
    </message>
    <message>
      <source>resolve it first</source>
      <translation>请先解决</translation>
    </message>
    <message>
      <source>it is closed already</source>
      <translation>它已经关闭</translation>
    </message>
    <message>
      <source>it is still open</source>
      <translation>它仍未解决</translation>
    </message>
    <message>
      <source>it is resolved: reopen it first</source>
      <translation>它已解决：请先重新打开</translation>
    </message>
    <message>
      <source>not from this status</source>
      <translation>当前状态下不可操作</translation>
    </message>
    <message>
      <source>a complaint that is %1 cannot be %2: %3</source>
      <translation>状态为“%1”的投诉不能%2：%3</translation>
    </message>
    <message>
      <source>“%1” is the number of another contract</source>
      <translation>“%1”已是另一份合同的编号</translation>
    </message>
    <message>
      <source>this contract has an instalment %1 already</source>
      <translation>该合同已有第 %1 期</translation>
    </message>
    <message>
      <source>must be the contract's currency, %1</source>
      <translation>必须使用合同的币种 %1</translation>
    </message>
    <message>
      <source>“%1” is not a three-letter currency code</source>
      <translation>“%1”不是三个字母的币种代码</translation>
    </message>
    <message>
      <source>“%1” is not a date and time</source>
      <translation>“%1”不是有效的日期和时间</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <source>Set up Desktop CRM</source>
      <translation>设置桌面 CRM</translation>
    </message>
    <message>
      <source>Create vault</source>
      <translation>创建保险库</translation>
    </message>
    <message>
      <source>Recovery code</source>
      <translation>恢复码</translation>
    </message>
    <message>
      <source>Close without confirming that you stored the recovery code? It will not be shown again.</source>
      <translation>尚未确认已保存恢复码，确定要关闭吗？恢复码将不会再次显示。</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <source>Sign in — Desktop CRM</source>
      <translation>登录 — 桌面 CRM</translation>
    </message>
    <message>
      <source>Sign in to open the customer vault</source>
      <translation>登录以打开客户保险库</translation>
    </message>
    <message>
      <source>Vault: %1</source>
      <translation>保险库：%1</translation>
    </message>
    <message>
      <source>User name:</source>
      <translation>用户名：</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>密码：</translation>
    </message>
    <message>
      <source>Remember me on this device</source>
      <translation>在此设备上记住我</translation>
    </message>
    <message>
      <source>Sign in with this device</source>
      <translation>用此设备登录</translation>
    </message>
    <message>
      <source>This computer remembers you: no password needed. Anyone using this computer as you can do the same, so lock it when you leave it.</source>
      <translation>此电脑记住了您：无需密码即可登录。任何以您的身份使用此电脑的人都能这样做，离开时请锁定。</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>This version of the app cannot remember you on this device.</source>
      <translation>此版本的软件暂时无法在此设备上记住您。</translation>
    </message>
    <message>
      <source>Enter your user name.</source>
      <translation>请输入用户名。</translation>
    </message>
    <message>
      <source>Enter your password.</source>
      <translation>请输入密码。</translation>
    </message>
    <message>
      <source>Opening the vault…</source>
      <translation>正在打开保险库…</translation>
    </message>
    <message>
      <source>Your password must be changed first: sign in with your password.</source>
      <translation>需要先修改密码：请用密码登录。</translation>
    </message>
    <message>
      <source>This computer no longer remembers you: your company's policy does not allow it any more. Sign in with your password.</source>
      <translation>这台电脑已不再记住您：公司策略不再允许。请用密码登录。</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>Signed in. This computer will not remember you: your company's policy does not allow it.</source>
      <translation>已登录。公司策略不允许记住登录，这台电脑不会记住你。</translation>
    </message>
    <message>
      <source>Signed in. This computer no longer remembers you: your company's policy does not allow it any more.</source>
      <translation>已登录。公司策略已不再允许记住登录，这台电脑已忘记你。</translation>
    </message>
    <message>
      <source>You can try again now.</source>
      <translation>现在可以重试了。</translation>
    </message>
  </context>
  <context>
    <name>SnoozeMenu</name>
    <message>
      <source>Snooze</source>
      <translation>稍后提醒</translation>
    </message>
    <message>
      <source>15 minutes</source>
      <translation>15 分钟</translation>
    </message>
    <message>
      <source>1 hour</source>
      <translation>1 小时</translation>
    </message>
    <message>
      <source>Tomorrow 09:00</source>
      <translation>明天 09:00</translation>
    </message>
    <message>
      <source>Custom…</source>
      <translation>自定义…</translation>
    </message>
  </context>
  <context>
    <name>TagsEdit</name>
    <message>
      <source>Tags, separated by commas</source>
      <translation>标签，用逗号分隔</translation>
    </message>
  </context>
  <context>
    <name>TimelineText</name>
    <message>
      <source>Order</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Needs: %1</source>
      <translation>需求：%1</translation>
    </message>
    <message>
      <source>Next step: %1</source>
      <translation>下一步：%1</translation>
    </message>
    <message>
      <source>By %1</source>
      <translation>记录人：%1</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Handled by %1</source>
      <translation>处理人：%1</translation>
    </message>
    <message>
      <source>Not resolved yet</source>
      <translation>尚未解决</translation>
    </message>
    <message>
      <source>Survey response</source>
      <translation>满意度回访</translation>
    </message>
    <message>
      <source>Satisfaction %1/5</source>
      <translation>满意度 %1/5</translation>
    </message>
    <message>
      <source>Recommend %1/10</source>
      <translation>推荐意愿 %1/10</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Contract %1</source>
      <translation>合同 %1</translation>
    </message>
    <message>
      <source>%1 to %2</source>
      <translation>%1 至 %2</translation>
    </message>
  </context>
  <context>
    <name>TimelineWidget</name>
    <message>
      <source>Timeline</source>
      <translation>时间线</translation>
    </message>
    <message>
      <source>Nothing has happened with this customer yet. Log a call and it starts here.</source>
      <translation>与该客户还没有任何往来。记录一次通话，时间线就从这里开始。</translation>
    </message>
    <message>
      <source>Loading the timeline…</source>
      <translation>正在载入时间线…</translation>
    </message>
    <message numerus="yes">
      <source>%n open complaint(s)</source>
      <translation>
        <numerusform>%n 条未结投诉</numerusform>
      </translation>
    </message>
    <message>
      <source>Never contacted</source>
      <translation>尚未联系过</translation>
    </message>
    <message>
      <source>contacted today</source>
      <translation>今天已联系</translation>
    </message>
    <message numerus="yes">
      <source>%n day(s) since last contact</source>
      <translation>
        <numerusform>距上次联系 %n 天</numerusform>
      </translation>
    </message>
    <message>
      <source>Last contact %1 · %2</source>
      <translation>最近联系 %1 · %2</translation>
    </message>
  </context>
  <context>
    <name>TrendChart</name>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
  </context>
  <context>
    <name>UserDialog</name>
    <message>
      <source>New user</source>
      <translation>新建用户</translation>
    </message>
    <message>
      <source>Edit user</source>
      <translation>编辑用户</translation>
    </message>
    <message>
      <source>(no department)</source>
      <translation>（无部门）</translation>
    </message>
    <message>
      <source>(no superior)</source>
      <translation>（无上级）</translation>
    </message>
    <message>
      <source>Sign-in name:</source>
      <translation>登录名：</translation>
    </message>
    <message>
      <source>Display name:</source>
      <translation>显示名称：</translation>
    </message>
    <message>
      <source>Roles:</source>
      <translation>角色：</translation>
    </message>
    <message>
      <source>Department:</source>
      <translation>部门：</translation>
    </message>
    <message>
      <source>Reports to:</source>
      <translation>上级：</translation>
    </message>
    <message>
      <source>Create user</source>
      <translation>创建用户</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Give the user at least one role.</source>
      <translation>请至少为用户分配一个角色。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
  </context>
  <context>
    <name>UsersPage</name>
    <message>
      <source>Filter by name, department, role…</source>
      <translation>按姓名、部门、角色筛选…</translation>
    </message>
    <message>
      <source>Show departed</source>
      <translation>显示已离职</translation>
    </message>
    <message>
      <source>New user…</source>
      <translation>新建用户…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Suspend…</source>
      <translation>停用…</translation>
    </message>
    <message>
      <source>Reset password…</source>
      <translation>重置密码…</translation>
    </message>
    <message>
      <source>Departure…</source>
      <translation>离职交接…</translation>
    </message>
    <message>
      <source>Reactivate…</source>
      <translation>重新启用…</translation>
    </message>
    <message>
      <source>User %1 created.</source>
      <translation>已创建用户 %1。</translation>
    </message>
    <message>
      <source>New user</source>
      <translation>新建用户</translation>
    </message>
    <message>
      <source>%1 can sign in once with this password, then chooses their own.</source>
      <translation>%1 可以用此密码登录一次，然后设置自己的密码。</translation>
    </message>
    <message>
      <source>User %1 saved.</source>
      <translation>已保存用户 %1。</translation>
    </message>
    <message>
      <source>Suspend user</source>
      <translation>停用用户</translation>
    </message>
    <message>
      <source>Suspend %1? They cannot sign in until an administrator reactivates them; their customers stay as they are.</source>
      <translation>停用 %1？在管理员重新启用之前，此人无法登录；其客户保持不变。</translation>
    </message>
    <message>
      <source>Reactivate user</source>
      <translation>重新启用用户</translation>
    </message>
    <message>
      <source>Reactivate %1? They can sign in again with their password.</source>
      <translation>重新启用 %1？此人可以再次用自己的密码登录。</translation>
    </message>
    <message>
      <source>%1 suspended.</source>
      <translation>已停用 %1。</translation>
    </message>
    <message>
      <source>%1 reactivated.</source>
      <translation>已重新启用 %1。</translation>
    </message>
    <message>
      <source>Reset password</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>Reset the password of %1? Their current password and every computer that remembers them stop working at once; you will see a new one-time password to hand over.</source>
      <translation>重置 %1 的密码？其当前密码以及所有记住此人的电脑将立即失效；您将看到一个新的一次性密码，请转交给本人。</translation>
    </message>
    <message>
      <source>The password of %1 was reset.</source>
      <translation>已重置 %1 的密码。</translation>
    </message>
    <message>
      <source>Password reset</source>
      <translation>密码已重置</translation>
    </message>
  </context>
  <context>
    <name>UsersTableModel</name>
    <message>
      <source>Sign-in name</source>
      <translation>登录名</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>显示名称</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Reports to</source>
      <translation>上级</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Last sign-in</source>
      <translation>最近登录</translation>
    </message>
    <message>
      <source>Remembered devices</source>
      <translation>记住的设备</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>在职</translation>
    </message>
    <message>
      <source>Suspended</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Departed</source>
      <translation>已离职</translation>
    </message>
    <message>
      <source>Devices that sign this user in without a password</source>
      <translation>无需密码即可让此用户登录的设备</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
  </context>
  <context>
    <name>VaultLocationPage</name>
    <message>
      <source>Where should the vault live?</source>
      <translation>保险库存放在哪里？</translation>
    </message>
    <message>
      <source>The vault is one encrypted folder holding every customer record. Everyone who signs in on this computer uses it; on a shared office desktop you may choose a shared folder.</source>
      <translation>保险库是一个存放全部客户资料的加密文件夹。在这台电脑上登录的每个人都使用它；在办公室共用的电脑上，您可以选择一个共享文件夹。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Sign in to this vault instead</source>
      <translation>改为登录此保险库</translation>
    </message>
    <message>
      <source>The folder is created if it does not exist. Without the password of a user of this vault its files are unreadable.</source>
      <translation>如果文件夹不存在，将自动创建。没有此保险库用户的密码，其中的文件无法读取。</translation>
    </message>
    <message>
      <source>Vault folder:</source>
      <translation>保险库文件夹：</translation>
    </message>
    <message>
      <source>Choose the vault folder</source>
      <translation>选择保险库文件夹</translation>
    </message>
    <message>
      <source>Choose a folder for the vault.</source>
      <translation>请为保险库选择一个文件夹。</translation>
    </message>
    <message>
      <source>Give the full path of the folder.</source>
      <translation>请填写文件夹的完整路径。</translation>
    </message>
    <message>
      <source>This is a file, not a folder.</source>
      <translation>这是一个文件，不是文件夹。</translation>
    </message>
    <message>
      <source>This folder already holds a vault. Sign in to it, or choose another folder.</source>
      <translation>此文件夹中已有一个保险库。请登录该保险库，或选择其他文件夹。</translation>
    </message>
    <message>
      <source>You cannot create files in this folder. Choose another one.</source>
      <translation>您无法在此文件夹中创建文件。请选择其他文件夹。</translation>
    </message>
  </context>
  <context>
    <name>WeekView</name>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>All day</source>
      <translation>全天</translation>
    </message>
    <message>
      <source>ddd d</source>
      <translation>ddd d日</translation>
    </message>
  </context>
  <context>
    <name>_FieldRow</name>
    <message>
      <source>Reveal</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>Show the full value here, once; the reveal is written to the audit log</source>
      <translation>在此显示完整内容一次；此操作将记入审计日志</translation>
    </message>
  </context>
  <context>
    <name>_ValueRow</name>
    <message>
      <source>e.g. 138 1234 5678 or +1 415 555 0100</source>
      <translation>例如 138 1234 5678 或 +1 415 555 0100</translation>
    </message>
    <message>
      <source>name@example.com</source>
      <translation>name@example.com</translation>
    </message>
    <message>
      <source>Call this number</source>
      <translation>拨打此号码</translation>
    </message>
    <message>
      <source>Write an email to this address</source>
      <translation>给此地址发邮件</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
  </context>
</TS>
