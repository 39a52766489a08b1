"""Every figure of the satisfaction report written once: its key, unit, direction, title and
definition in each language the app speaks. The metrics engine computes what these sentences
say; the PDF's appendix and the dashboard's tooltips print them.
"""

from __future__ import annotations

from desktop_crm.domain.errors import ValidationError
from desktop_crm.reports.report_model import Unit

LANGUAGES = ("en", "zh")

KPI_ORDER: tuple[str, ...] = (
    "csat", "nps", "collection_rate", "complaints", "complaints_per_100",
    "first_response_median_h", "first_response_mean_h", "resolution_median_h",
    "resolution_mean_h", "retention", "repurchase_rate", "referral_rate", "collected",
    "planned", "overdue_amount", "return_visit_completion", "loyalty_score",
    "active_customers",
)

TREND_KEYS: tuple[str, ...] = (
    "csat", "nps", "complaints", "collection_rate", "repurchase_rate",
    "return_visit_completion",
)

# The terms the appendix explains after the KPIs, in this order.
APPENDIX_TERMS: tuple[str, ...] = (
    "period", "active", "owner", "stages", "tiers", "rfm", "churn_risk", "detractors",
)
APPENDIX_ORDER: tuple[str, ...] = KPI_ORDER + APPENDIX_TERMS

UNITS: dict[str, Unit] = {
    "csat": Unit.SCORE_5,
    "nps": Unit.NPS,
    "collection_rate": Unit.PERCENT,
    "complaints": Unit.COUNT,
    "complaints_per_100": Unit.RATE,
    "first_response_median_h": Unit.HOURS,
    "first_response_mean_h": Unit.HOURS,
    "resolution_median_h": Unit.HOURS,
    "resolution_mean_h": Unit.HOURS,
    "retention": Unit.PERCENT,
    "repurchase_rate": Unit.PERCENT,
    "referral_rate": Unit.PERCENT,
    "collected": Unit.MONEY,
    "planned": Unit.MONEY,
    "overdue_amount": Unit.MONEY,
    "return_visit_completion": Unit.PERCENT,
    "loyalty_score": Unit.SCORE_100,
    "active_customers": Unit.COUNT,
}

# Figures where a rise is bad news; every other figure is better higher.
LOWER_IS_BETTER = frozenset({
    "complaints", "complaints_per_100", "first_response_median_h", "first_response_mean_h",
    "resolution_median_h", "resolution_mean_h", "overdue_amount",
})

RFM_SEGMENTS: tuple[str, ...] = (
    "champions", "loyal", "potential", "new", "at_risk", "hibernating",
)
CHURN_REASONS: tuple[str, ...] = ("complained_no_purchase", "high_value_no_contact")

_TITLES: dict[str, dict[str, str]] = {
    "en": {
        "csat": "Satisfaction (CSAT)",
        "nps": "Net Promoter Score",
        "collection_rate": "Feedback collection rate",
        "complaints": "Complaints",
        "complaints_per_100": "Complaints per 100 active customers",
        "first_response_median_h": "First response, median (h)",
        "first_response_mean_h": "First response, mean (h)",
        "resolution_median_h": "Resolution, median (h)",
        "resolution_mean_h": "Resolution, mean (h)",
        "retention": "Retention rate",
        "repurchase_rate": "Repurchase rate",
        "referral_rate": "Referral rate",
        "collected": "Collected",
        "planned": "Planned (due)",
        "overdue_amount": "Overdue amount",
        "return_visit_completion": "Return-visit completion",
        "loyalty_score": "Loyalty score",
        "active_customers": "Active customers",
        "period": "Periods",
        "active": "Active customer",
        "owner": "Whose customers",
        "stages": "Loyalty stages",
        "tiers": "Tiers",
        "rfm": "RFM segments",
        "churn_risk": "Churn risk",
        "detractors": "Detractors",
    },
    "zh": {
        "csat": "满意度（CSAT）",
        "nps": "净推荐值（NPS）",
        "collection_rate": "反馈收集率",
        "complaints": "投诉数",
        "complaints_per_100": "每百名活跃客户投诉数",
        "first_response_median_h": "首次响应中位数（小时）",
        "first_response_mean_h": "首次响应平均值（小时）",
        "resolution_median_h": "解决时长中位数（小时）",
        "resolution_mean_h": "解决时长平均值（小时）",
        "retention": "客户留存率",
        "repurchase_rate": "复购率",
        "referral_rate": "转介绍率",
        "collected": "已回款",
        "planned": "应回款",
        "overdue_amount": "逾期金额",
        "return_visit_completion": "回访完成率",
        "loyalty_score": "忠诚度得分",
        "active_customers": "活跃客户数",
        "period": "统计周期",
        "active": "活跃客户",
        "owner": "客户归属",
        "stages": "忠诚度阶段",
        "tiers": "客户分级",
        "rfm": "RFM 分群",
        "churn_risk": "流失风险",
        "detractors": "贬损者",
    },
}

_DEFINITIONS: dict[str, dict[str, str]] = {
    "en": {
        "csat": "The mean of the CSAT answers (1 to 5) given in the period, return-visit "
                "answers included. A period without answers has no data.",
        "nps": "Of the NPS answers (0 to 10) given in the period, the percentage of promoters "
               "(9-10) minus the percentage of detractors (0-6), from -100 to 100; passives "
               "(7-8) count only in the total. A period without answers has no data.",
        "collection_rate": "Of the customers contacted in the period, the percentage who also "
                           "answered a survey in the period.",
        "complaints": "Complaints opened in the period.",
        "complaints_per_100": "Complaints opened in the period per 100 customers active at "
                              "its end.",
        "first_response_median_h": "The median hours from opening to first response, of the "
                                   "complaints opened in the period that have one.",
        "first_response_mean_h": "The mean hours from opening to first response, of the "
                                 "complaints opened in the period that have one.",
        "resolution_median_h": "The median hours from opening to resolution, of the "
                               "complaints resolved in the period.",
        "resolution_mean_h": "The mean hours from opening to resolution, of the complaints "
                             "resolved in the period.",
        "retention": "Of the customers active at the start of the period, the percentage "
                     "still active at its end.",
        "repurchase_rate": "Of the customers who ordered in the period, the percentage who "
                           "had ordered before it or ordered twice or more in it. A single "
                           "order ever is not a repurchase.",
        "referral_rate": "Of the customers created in the period, the percentage referred by "
                         "another customer (a referrer set, or the source is referral).",
        "collected": "Receipts received in the period.",
        "planned": "Instalments of payment plans due in the period.",
        "overdue_amount": "At the end of the period, per contract, what its instalments had "
                          "fallen due by then less what it had received by then, never "
                          "below zero, summed over contracts.",
        "return_visit_completion": "Of the return visits due in the period, the percentage "
                                   "done.",
        "loyalty_score": "The mean loyalty stage of the customers active at the end of the "
                         "period (1 = suspect ... 5 = advocate) on a 0-100 scale: (mean "
                         "stage - 1) / 4 x 100.",
        "active_customers": "Customers active at the end of the period.",
        "period": "A calendar month or quarter, cut in the company time zone; every figure "
                  "is shown beside the same figure for the period before.",
        "active": "A customer is active at an instant when they had an interaction or an "
                  "order in the 12 months before it (the policy's active months).",
        "owner": "Every figure counts a customer under their current owner; a report covers "
                 "only the customers the viewer may see.",
        "stages": "The customers active at the end of the period by lifecycle stage: "
                  "suspect, prospect, first-time buyer, repeat buyer, advocate.",
        "tiers": "The customers active at the end of the period by tier: high value, "
                 "potential, dormant, or none.",
        "rfm": "Buyers of the 12 months before the end of the period are scored 1-5 on "
               "recency (whole days from the last order to the end of the period), "
               "frequency (orders) and monetary value (amount), by the quintile of "
               "their mid-rank among those buyers: equal values share a score. Each buyer "
               "takes the first segment that fits. Champions: all three 4 or more. New: "
               "recency 4 or more and a single order. Loyal: recency and frequency 3 or "
               "more. Potential: recency 3 or more. At risk: frequency 3 or more. "
               "Hibernating: the rest.",
        "churn_risk": "At the end of the period: a customer who complained in the last 90 "
                      "days and ordered nothing in the 30 days after the complaint (once "
                      "those 30 days have passed), or a high-value customer with no contact "
                      "in the last 90 days.",
        "detractors": "The answers given in the period with an NPS of 0-6 or a CSAT of 1-2, "
                      "newest first.",
    },
    "zh": {
        "csat": "本期内收到的 CSAT 评分（1 至 5 分，含回访评分）的平均值。本期无评分则记为无数据。",
        "nps": "本期内 NPS 评分（0 至 10 分）中推荐者（9-10 分）所占百分比减去贬损者（0-6 分）"
               "所占百分比，范围 -100 至 100；被动者（7-8 分）只计入总数。本期无评分则记为无数据。",
        "collection_rate": "本期内被联系的客户中，同时在本期内回答了调查的客户所占百分比。",
        "complaints": "本期内新建的投诉数。",
        "complaints_per_100": "本期内新建的投诉数，按期末每百名活跃客户计。",
        "first_response_median_h": "本期内新建且已有首次响应的投诉，"
                                   "从新建到首次响应的小时数中位数。",
        "first_response_mean_h": "本期内新建且已有首次响应的投诉，"
                                 "从新建到首次响应的平均小时数。",
        "resolution_median_h": "本期内解决的投诉，从新建到解决的小时数中位数。",
        "resolution_mean_h": "本期内解决的投诉，从新建到解决的平均小时数。",
        "retention": "期初活跃的客户中，期末仍然活跃的客户所占百分比。",
        "repurchase_rate": "本期内下单的客户中，本期之前下过单或本期内下单两次及以上的客户所占"
                           "百分比。只下过一次单不算复购。",
        "referral_rate": "本期内新建的客户中，由其他客户介绍而来（填写了介绍人，或来源为转介绍）"
                         "的客户所占百分比。",
        "collected": "本期内收到的回款。",
        "planned": "本期内到期的回款计划分期金额。",
        "overdue_amount": "期末时，每份合同截至期末到期的分期金额减去截至期末已收金额"
                          "（不低于零），各合同之和。",
        "return_visit_completion": "本期内到期的回访中已完成的百分比。",
        "loyalty_score": "期末活跃客户的平均忠诚度阶段（1 = 潜在客户 … 5 = 推荐者）"
                         "换算为 0-100 分：（平均阶段 - 1）÷ 4 × 100。",
        "active_customers": "期末的活跃客户数。",
        "period": "按公司时区划分的自然月或自然季度；每项指标都与上一周期的同一指标并列显示。",
        "active": "某一时刻之前 12 个月内（政策中的活跃月数）有过互动或订单的客户，即为该时刻的"
                  "活跃客户。",
        "owner": "每项指标都按客户当前的负责人统计；报告只包含查看者有权查看的客户。",
        "stages": "期末活跃客户按生命周期阶段分布：潜在客户、意向客户、首次购买、"
                  "重复购买、推荐者。",
        "tiers": "期末活跃客户按客户分级分布：高价值、潜力、沉睡，或未分级。",
        "rfm": "期末前 12 个月内的购买客户，按其在这些客户中的中位排名所在的五分位，分别对"
               "最近购买（最后一次下单距期末的整天数）、购买频次（订单数）和"
               "消费金额（金额）打 1-5 分，数值相同者得分相同。每位客户归入第一个符合条件的分群。"
               "重要价值客户：三项均不低于 4 分。新客户：最近购买不低于 4 分且只有一笔订单。"
               "忠诚客户：最近购买和购买频次均不低于 3 分。潜力客户：最近购买不低于 3 分。"
               "流失预警客户：购买频次不低于 3 分。沉睡客户：其余客户。",
        "churn_risk": "截至期末：最近 90 天内投诉过、且投诉后 30 天内（这 30 天已过）"
                      "没有下单的客户；或最近 90 天内没有任何联系的高价值客户。",
        "detractors": "本期内 NPS 评分为 0-6 分或 CSAT 评分为 1-2 分的回答，最新的在前。",
    },
}

_SHARE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "csat": {"1": "1", "2": "2", "3": "3", "4": "4", "5": "5"},
        "nps": {"detractor": "Detractors (0-6)", "passive": "Passives (7-8)",
                "promoter": "Promoters (9-10)"},
        "stage": {"suspect": "Suspect", "prospect": "Prospect",
                  "first_time_buyer": "First-time buyer", "repeat_buyer": "Repeat buyer",
                  "advocate": "Advocate"},
        "tier": {"high_value": "High value", "potential": "Potential", "dormant": "Dormant",
                 "none": "No tier"},
        "rfm": {"champions": "Champions", "loyal": "Loyal", "potential": "Potential",
                "new": "New", "at_risk": "At risk", "hibernating": "Hibernating"},
    },
    "zh": {
        "csat": {"1": "1 分", "2": "2 分", "3": "3 分", "4": "4 分", "5": "5 分"},
        "nps": {"detractor": "贬损者（0-6）", "passive": "被动者（7-8）",
                "promoter": "推荐者（9-10）"},
        "stage": {"suspect": "潜在客户", "prospect": "意向客户", "first_time_buyer": "首次购买",
                  "repeat_buyer": "重复购买", "advocate": "推荐者"},
        "tier": {"high_value": "高价值", "potential": "潜力", "dormant": "沉睡", "none": "未分级"},
        "rfm": {"champions": "重要价值客户", "loyal": "忠诚客户", "potential": "潜力客户",
                "new": "新客户", "at_risk": "流失预警客户", "hibernating": "沉睡客户"},
    },
}

_CHURN_REASONS: dict[str, dict[str, str]] = {
    "en": {
        "complained_no_purchase": "Complained, no purchase within 30 days",
        "high_value_no_contact": "High value, no contact in 90 days",
    },
    "zh": {
        "complained_no_purchase": "投诉后 30 天内未购买",
        "high_value_no_contact": "高价值客户 90 天内未联系",
    },
}


def _words(table: dict[str, dict[str, str]], language: str, key: str) -> str:
    if language not in table:
        raise ValidationError("language", f"must be one of {', '.join(LANGUAGES)}")
    return table[language][key]


def title(key: str, language: str) -> str:
    """A figure's or appendix term's short title, as a tile or heading shows it."""
    return _words(_TITLES, language, key)


def definition(key: str, language: str) -> str:
    """One or two sentences saying what the figure counts, for the appendix."""
    return _words(_DEFINITIONS, language, key)


def share_label(group: str, key: str, language: str) -> str:
    """A distribution bar's label; group is csat, nps, stage, tier or rfm."""
    if language not in _SHARE_LABELS:
        raise ValidationError("language", f"must be one of {', '.join(LANGUAGES)}")
    return _SHARE_LABELS[language][group][key]


def churn_reason(key: str, language: str) -> str:
    return _words(_CHURN_REASONS, language, key)


def unit(key: str) -> Unit:
    return UNITS[key]


def higher_is_better(key: str) -> bool:
    return key not in LOWER_IS_BETTER


__all__ = [
    "APPENDIX_ORDER", "APPENDIX_TERMS", "CHURN_REASONS", "KPI_ORDER", "LANGUAGES",
    "LOWER_IS_BETTER", "RFM_SEGMENTS", "TREND_KEYS", "UNITS", "churn_reason", "definition",
    "higher_is_better", "share_label", "title", "unit",
]
