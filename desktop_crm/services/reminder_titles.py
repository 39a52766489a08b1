"""The words of generated reminders (titles, and an instalment's notes) in each language the
app speaks, kept in one table so a new language or a reworded title is one edit here.

A title is written once, in the language of the run that made the reminder; a later run in
another language leaves it as it is (see reminder_generation).
"""

from __future__ import annotations

from datetime import date

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.holidays import HolidayRule
from desktop_crm.services.reminder_fields import TITLE_MAX

# language -> what -> template; every language names the same placeholders
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "birthday": "Birthday: {name}",
        "contract_ends": "Contract {number} ends {end}: {name}",
        "payment_due": "Payment due, instalment {instalment} of contract {number}: {name}",
        "payment_overdue": "Overdue payment, instalment {instalment} of contract {number}: "
                           "{name}",
        "no_contact_since": "Follow up {name}: no contact since {last}",
        "never_contacted": "Follow up {name}: never contacted",
        "escalated": "Escalated: {owner} has not followed up {name} (due {due})",
        "greetings": "Send greetings: {holiday}",
        "instalment_notes": "Due {due}: {amount}; received {received}; outstanding "
                            "{outstanding}.",
        "return_visit_order": "Return visit after first purchase: {name}",
        "return_visit_complaint": "Return visit after resolved complaint: {name}",
    },
    "zh": {
        "birthday": "生日：{name}",
        "contract_ends": "合同 {number} 将于 {end} 到期：{name}",
        "payment_due": "回款提醒：合同 {number} 第 {instalment} 期：{name}",
        "payment_overdue": "逾期回款：合同 {number} 第 {instalment} 期：{name}",
        "no_contact_since": "跟进 {name}：自 {last} 起未联系",
        "never_contacted": "跟进 {name}：从未联系",
        "escalated": "上报：{owner} 未跟进 {name}（{due} 到期）",
        "greetings": "节日问候：{holiday}",
        "instalment_notes": "应收日期 {due}：{amount}；已收 {received}；未收 {outstanding}。",
        "return_visit_order": "首次购买回访：{name}",
        "return_visit_complaint": "投诉解决回访：{name}",
    },
}
LANGUAGES = tuple(_WORDS)


class GeneratedWords:
    """Titles and notes of generated reminders in one language; titles cut to TITLE_MAX."""

    def __init__(self, language: str) -> None:
        if language not in _WORDS:
            raise ValidationError("language", f"must be one of {', '.join(LANGUAGES)}")
        self.language = language
        self._words = _WORDS[language]

    def birthday(self, name: str) -> str:
        return self._title("birthday", name=name)

    def contract_ends(self, number: str, end: date, name: str) -> str:
        return self._title("contract_ends", number=number, end=end.isoformat(), name=name)

    def payment(self, instalment: int, number: str, name: str, *, overdue: bool) -> str:
        return self._title("payment_overdue" if overdue else "payment_due",
                           instalment=instalment, number=number, name=name)

    def follow_up(self, name: str, last: date | None) -> str:
        if last is None:
            return self._title("never_contacted", name=name)
        return self._title("no_contact_since", name=name, last=last.isoformat())

    def escalated(self, owner: str, name: str, due: date) -> str:
        return self._title("escalated", owner=owner, name=name, due=due.isoformat())

    def greetings(self, rule: HolidayRule) -> str:
        if self.language == "zh":
            holiday = rule.name_zh or rule.name_en
        else:  # the Chinese name beside the English one: the customers keep it
            holiday = rule.name_en + (f" ({rule.name_zh})" if rule.name_zh else "")
        return self._title("greetings", holiday=holiday)

    def return_visit(self, name: str, *, after: str) -> str:
        """A return visit's title; `after` is what it follows: "order" or "complaint"."""
        return self._title(f"return_visit_{after}", name=name)

    def instalment_notes(self, due: date, amount: str, received: str, outstanding: str) -> str:
        return self._words["instalment_notes"].format(
            due=due.isoformat(), amount=amount, received=received, outstanding=outstanding)

    def _title(self, what: str, **values: object) -> str:
        text = self._words[what].format(**values)
        return text if len(text) <= TITLE_MAX else text[:TITLE_MAX - 1] + "…"


def birthday_titles(name: str) -> frozenset[str]:
    """A birthday series' title for this name in every language: a title among them still
    names the customer as they are now, whichever language wrote it."""
    return frozenset(GeneratedWords(language).birthday(name) for language in LANGUAGES)


__all__ = ["LANGUAGES", "GeneratedWords", "birthday_titles"]
