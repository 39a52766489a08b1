"""Fixed vocabulary of the demo data: the words Faker does not offer, kept short on purpose.

Every list is plain data; `demo_pools` adds the names, companies and cities drawn from Faker.
Text stays brief because a million customers with their activity must fit in 1 GiB.
Email domains are the reserved example domains, so no demo address reaches a real person.
"""

from __future__ import annotations

# China mobile prefixes (China Mobile, Unicom, Telecom) that phonenumbers accepts with any
# eight following digits; a test checks a sample of every one.
CN_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "166", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
    "198", "199",
)

# Real US cities with area codes that serve them; exchanges are drawn from 200-999 without
# N11 codes and 555, which phonenumbers accepts in every one of these area codes.
US_CITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("New York", ("212", "646", "718", "917")),
    ("Los Angeles", ("213", "310", "323")),
    ("Chicago", ("312", "773")),
    ("Houston", ("713",)),
    ("Phoenix", ("602",)),
    ("Philadelphia", ("215",)),
    ("San Jose", ("408",)),
    ("San Francisco", ("415",)),
    ("Oakland", ("510",)),
    ("Seattle", ("206",)),
    ("Boston", ("617",)),
    ("Denver", ("303",)),
    ("Austin", ("512",)),
    ("Dallas", ("214",)),
    ("Miami", ("305",)),
    ("Atlanta", ("404",)),
    ("Las Vegas", ("702",)),
    ("Portland", ("503",)),
    ("Minneapolis", ("612",)),
    ("Detroit", ("313",)),
    ("Nashville", ("615",)),
    ("Raleigh", ("919",)),
    ("Salt Lake City", ("801",)),
    ("Charlotte", ("704",)),
    ("Columbus", ("614",)),
    ("Indianapolis", ("317",)),
    ("Milwaukee", ("414",)),
    ("Kansas City", ("816",)),
    ("New Orleans", ("504",)),
)

EMAIL_DOMAINS = ("example.com", "example.net", "example.org")

TAGS_ZH = ("重点客户", "老客户", "转介绍", "展会", "线上", "价格敏感", "决策人", "待回访", "华东",
           "华南", "批发", "零售")
TAGS_EN = ("key account", "referral", "trade show", "wholesale", "retail", "newsletter",
           "decision maker", "price sensitive", "VIP", "callback")

SOURCES_ZH = ("展会", "转介绍", "官网", "电话营销", "线下活动", "合作伙伴")
SOURCES_EN = ("trade show", "referral", "website", "cold call", "event", "partner")

CALL_SUMMARIES_ZH = ("介绍新品", "确认报价", "了解需求", "约定拜访", "催收货款", "售后回访",
                     "续约沟通", "节日问候", "处理投诉", "发送资料")
CALL_SUMMARIES_EN = ("product intro", "quote follow-up", "needs review", "visit booked",
                     "payment reminder", "after-sales check", "renewal talk", "greetings",
                     "complaint handling", "sent brochure")
OUTCOMES_ZH = ("有意向", "需跟进", "已下单", "暂无需求", "未接通")
OUTCOMES_EN = ("interested", "follow up", "ordered", "no need now", "no answer")

REMINDER_TITLES_ZH = {
    "follow_up": "电话跟进",
    "visit": "上门拜访",
    "receivable": "催收回款",
    "contract_expiry": "合同到期续签",
    "birthday": "生日问候",
}
REMINDER_TITLES_EN = {
    "follow_up": "Follow-up call",
    "visit": "Site visit",
    "receivable": "Collect payment",
    "contract_expiry": "Contract renewal",
    "birthday": "Birthday greeting",
}

CONTRACT_TITLES_ZH = ("年度采购合同", "服务协议", "框架协议", "维保合同")
CONTRACT_TITLES_EN = ("Annual supply", "Service agreement", "Framework deal", "Maintenance")
ORDER_ITEMS_ZH = ("标准套餐", "配件", "耗材", "升级服务", "定制方案")
ORDER_ITEMS_EN = ("Standard pack", "Spare parts", "Supplies", "Upgrade", "Custom plan")

SURVEYS = ("CSAT 回访", "NPS 季度调查")
SURVEY_COMMENTS_ZH = ("服务很好", "响应及时", "价格偏高", "交货慢", "")
SURVEY_COMMENTS_EN = ("great service", "quick reply", "a bit pricey", "slow delivery", "")

COMPLAINT_CATEGORIES_ZH = ("产品质量", "交付延迟", "服务态度", "账单问题")
COMPLAINT_CATEGORIES_EN = ("quality", "late delivery", "service", "billing")
COMPLAINT_SUMMARIES_ZH = ("收到货物有破损", "发货晚了一周", "客服回复太慢", "发票金额有误")
COMPLAINT_SUMMARIES_EN = ("damaged on arrival", "shipped a week late", "slow support reply",
                          "wrong invoice amount")
