<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppFlow</name>
    <message>
        <location filename="../../desktop_crm/ui/flow.py" line="67"/>
        <source>The vault is ready. Sign in as its administrator.</source>
        <translation>保险库已就绪。请以管理员身份登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/flow.py" line="111"/>
        <source>The vault was locked after a period of inactivity.</source>
        <translation>由于长时间无操作，保险库已锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/flow.py" line="113"/>
        <source>The vault is locked.</source>
        <translation>保险库已锁定。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/change_password.py" line="40"/>
        <source>Choose your password — Desktop CRM</source>
        <translation>设置密码 — 桌面 CRM</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/change_password.py" line="43"/>
        <source>You signed in with a one-time password from your administrator. Choose your own password now; nobody else will know it.</source>
        <translation>您使用管理员提供的一次性密码登录。请现在设置您自己的密码；除您之外没有人会知道它。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/change_password.py" line="56"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/change_password.py" line="58"/>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/change_password.py" line="63"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/change_password.py" line="64"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/change_password.py" line="84"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/change_password.py" line="88"/>
        <source>Saving your password…</source>
        <translation>正在保存密码…</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="65"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="66"/>
        <source>This account was revoked: it no longer has access to this vault.</source>
        <translation>此账户已被撤销：它已无权访问此保险库。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="68"/>
        <source>This account is suspended. Ask an administrator to reactivate it.</source>
        <translation>此账户已被停用。请联系管理员重新启用。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="70"/>
        <source>The vault is damaged and cannot be opened. Restore it from a backup, or ask an administrator for help.</source>
        <translation>保险库已损坏，无法打开。请从备份恢复，或向管理员求助。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="74"/>
        <source>There is no vault in this folder.</source>
        <translation>此文件夹中没有保险库。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="75"/>
        <source>This folder already holds a vault. Sign in to it, or choose another folder.</source>
        <translation>此文件夹中已有一个保险库。请登录该保险库，或选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="78"/>
        <source>The vault is locked. Sign in again.</source>
        <translation>保险库已锁定。请重新登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="79"/>
        <source>There is not enough free disk space to do this safely; nothing was changed.</source>
        <translation>磁盘剩余空间不足，无法安全完成此操作；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="82"/>
        <source>This is your first sign-in: choose your own password first.</source>
        <translation>这是您首次登录：请先设置您自己的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="84"/>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="85"/>
        <source>This record does not exist or is outside your view.</source>
        <translation>此记录不存在，或不在您的可见范围内。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="102"/>
        <source>The vault cannot be used: %1</source>
        <translation>无法使用保险库：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="107"/>
        <source>Something went wrong (%1). Nothing you saved is lost; the details were written to the log.</source>
        <translation>出现了意外错误（%1）。您已保存的内容不会丢失；详细信息已写入日志。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="114"/>
        <source>Too many failed sign-ins. You can try again in %1 s.</source>
        <translation>登录失败次数过多。请在 %1 秒后重试。</translation>
    </message>
</context>
<context>
    <name>FirstAdminPage</name>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="46"/>
        <source>The first administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="48"/>
        <source>This account manages users, roles and departments. Pick a password only you know: nobody, not even this app&apos;s makers, can read the vault without one.</source>
        <translation>此账户负责管理用户、角色和部门。请设置只有您知道的密码：没有密码，任何人（包括本软件的开发者）都无法读取保险库。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="55"/>
        <source>for example 王芳 or Alex Smith</source>
        <translation>例如 王芳 或 Alex Smith</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="58"/>
        <source>at least 10 characters</source>
        <translation>至少 10 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="65"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="67"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="69"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="71"/>
        <source>Repeat the password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="101"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/admin_page.py" line="114"/>
        <source>Creating the encrypted vault… this takes a few seconds.</source>
        <translation>正在创建加密保险库… 这需要几秒钟。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="52"/>
        <source>Desktop CRM — %1</source>
        <translation>桌面 CRM — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="66"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="68"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="71"/>
        <source>Lock the vault and return to sign-in</source>
        <translation>锁定保险库并返回登录界面</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="75"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="81"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="83"/>
        <source>&amp;About Desktop CRM</source>
        <translation>关于桌面 CRM(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="89"/>
        <source>, </source>
        <comment>between role names</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="90"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="122"/>
        <source>About Desktop CRM</source>
        <translation>关于桌面 CRM</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/main_window.py" line="123"/>
        <source>Desktop CRM %1
Customer records kept in an encrypted vault on this computer.</source>
        <translation>桌面 CRM %1
客户资料保存在本机的加密保险库中。</translation>
    </message>
</context>
<context>
    <name>OverviewWidget</name>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="42"/>
        <source>Signed in as %1</source>
        <translation>当前用户：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="51"/>
        <source>, </source>
        <comment>between role names</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="53"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="57"/>
        <source>counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="58"/>
        <source>checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="65"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="66"/>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="67"/>
        <source>Vault:</source>
        <translation>保险库：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="68"/>
        <source>Customers:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="69"/>
        <source>Audit log:</source>
        <translation>审计日志：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/overview.py" line="97"/>
        <source>%n customer(s) in your view</source>
        <translation>
            <numerusform>您可见的客户共 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="101"/>
        <source>not shown for your role</source>
        <translation>您的角色无权查看</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/overview.py" line="104"/>
        <source>chain intact: %n event(s), head %1</source>
        <translation>
            <numerusform>哈希链完整：共 %n 条事件，链头 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="108"/>
        <source>broken at event %1: the log was altered outside the app</source>
        <translation>在第 %1 条事件处断裂：日志曾在本软件之外被改动</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location filename="../../desktop_crm/ui/setup/recovery_page.py" line="27"/>
        <source>Your recovery code</source>
        <translation>您的恢复码</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/recovery_page.py" line="29"/>
        <source>If the administrator&apos;s password is ever lost, this code is the only way back into the vault. It is shown only now and is not stored on this computer.</source>
        <translation>如果管理员密码丢失，这个恢复码是重新进入保险库的唯一途径。它只在此刻显示一次，不会保存在本机上。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/recovery_page.py" line="48"/>
        <source>• Write it on paper, or print it, and keep it somewhere safe away from this computer.
• Or select the code, copy it with Ctrl+C into a password manager; do not leave it in a plain file or an e-mail.
• Letters O, I and B may be typed as 0, 1 and 8; dashes and spaces are ignored.</source>
        <translation>• 把它抄写在纸上或打印出来，存放在远离这台电脑的安全地方。
• 或者选中恢复码，按 Ctrl+C 复制到密码管理器中；不要把它留在普通文件或电子邮件里。
• 字母 O、I、B 可以输入为 0、1、8；短横线和空格会被忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/recovery_page.py" line="58"/>
        <source>I have stored the recovery code in a safe place</source>
        <translation>我已将恢复码保存在安全的地方</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="20"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="21"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="22"/>
        <source>Salesperson</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="23"/>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/overview.py" line="24"/>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="26"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="27"/>
        <source>use 2–64 letters, digits, dots, dashes or underscores (no spaces)</source>
        <translation>请使用 2–64 个字母、数字、点、短横线或下划线（不能有空格）</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="29"/>
        <source>must be at least 10 characters long</source>
        <translation>至少需要 10 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="30"/>
        <source>must not start or end with spaces</source>
        <translation>开头和结尾不能是空格</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="31"/>
        <source>must differ from the current password</source>
        <translation>必须与当前密码不同</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="32"/>
        <source>give the user at least one role</source>
        <translation>请至少为用户指定一个角色</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="37"/>
        <source>is longer than %1 characters</source>
        <translation>超过了 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="42"/>
        <source>“%1” is already taken</source>
        <translation>“%1”已被占用</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="126"/>
        <source>no system keyring is available on this computer, so the app cannot remember you (sign in with your password)</source>
        <translation>这台电脑上没有可用的系统密钥环，因此无法记住您（请使用密码登录）</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="130"/>
        <source>the system keyring is locked: unlock it and try again</source>
        <translation>系统密钥环已锁定：请解锁后重试</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="132"/>
        <source>the only keyring available here would keep secrets in a plain file, so the app will not remember you on this computer</source>
        <translation>这里唯一可用的密钥环会把机密保存在明文文件中，因此本软件不会在这台电脑上记住您</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/errors.py" line="136"/>
        <source>the system keyring refused the request</source>
        <translation>系统密钥环拒绝了此请求</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../desktop_crm/ui/setup/wizard.py" line="35"/>
        <source>Set up Desktop CRM</source>
        <translation>设置桌面 CRM</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/wizard.py" line="41"/>
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/wizard.py" line="71"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/wizard.py" line="72"/>
        <source>Close without confirming that you stored the recovery code? It will not be shown again.</source>
        <translation>尚未确认已保存恢复码，确定要关闭吗？恢复码将不会再次显示。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="62"/>
        <source>Sign in — Desktop CRM</source>
        <translation>登录 — 桌面 CRM</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="63"/>
        <source>Sign in to open the customer vault</source>
        <translation>登录以打开客户保险库</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="69"/>
        <source>Vault: %1</source>
        <translation>保险库：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="82"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="83"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="85"/>
        <source>Remember me on this device</source>
        <translation>在此设备上记住我</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="95"/>
        <source>Sign in with this device</source>
        <translation>用此设备登录</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="98"/>
        <source>This computer remembers you: no password needed. Anyone using this computer as you can do the same, so lock it when you leave it.</source>
        <translation>此电脑记住了您：无需密码即可登录。任何以您的身份使用此电脑的人都能这样做，离开时请锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="109"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="110"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="136"/>
        <source>This version of the app cannot remember you on this device.</source>
        <translation>此版本的软件暂时无法在此设备上记住您。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="174"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="178"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="183"/>
        <location filename="../../desktop_crm/ui/sign_in.py" line="206"/>
        <source>Opening the vault…</source>
        <translation>正在打开保险库…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="229"/>
        <source>Your password must be changed first: sign in with your password.</source>
        <translation>需要先修改密码：请用密码登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/sign_in.py" line="262"/>
        <source>You can try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
</context>
<context>
    <name>VaultLocationPage</name>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="36"/>
        <source>Where should the vault live?</source>
        <translation>保险库存放在哪里？</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="38"/>
        <source>The vault is one encrypted folder holding every customer record. Everyone who signs in on this computer uses it; on a shared office desktop you may choose a shared folder.</source>
        <translation>保险库是一个存放全部客户资料的加密文件夹。在这台电脑上登录的每个人都使用它；在办公室共用的电脑上，您可以选择一个共享文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="45"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="53"/>
        <source>Sign in to this vault instead</source>
        <translation>改为登录此保险库</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="59"/>
        <source>The folder is created if it does not exist. Without the password of a user of this vault its files are unreadable.</source>
        <translation>如果文件夹不存在，将自动创建。没有此保险库用户的密码，其中的文件无法读取。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="64"/>
        <source>Vault folder:</source>
        <translation>保险库文件夹：</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="79"/>
        <source>Choose the vault folder</source>
        <translation>选择保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="91"/>
        <source>Choose a folder for the vault.</source>
        <translation>请为保险库选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="95"/>
        <source>Give the full path of the folder.</source>
        <translation>请填写文件夹的完整路径。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="98"/>
        <source>This is a file, not a folder.</source>
        <translation>这是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="102"/>
        <source>This folder already holds a vault. Sign in to it, or choose another folder.</source>
        <translation>此文件夹中已有一个保险库。请登录该保险库，或选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_crm/ui/setup/location_page.py" line="107"/>
        <source>You cannot create files in this folder. Choose another one.</source>
        <translation>您无法在此文件夹中创建文件。请选择其他文件夹。</translation>
    </message>
</context>
</TS>
