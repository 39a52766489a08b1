<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Saving your password…</source>
      <translation>正在保存密码…</translation>
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
      <source>Cancel</source>
      <translation>取消</translation>
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
      <source>Customers</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Calls</source>
      <translation>通话</translation>
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
      <source>must be at least 10 characters long</source>
      <translation>至少需要 10 个字符</translation>
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
      <source>is longer than %1 characters</source>
      <translation>超过了 %1 个字符</translation>
    </message>
    <message>
      <source>“%1” is already taken</source>
      <translation>“%1”已被占用</translation>
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
      <source>You can try again now.</source>
      <translation>现在可以重试了。</translation>
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
