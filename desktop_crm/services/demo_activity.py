"""The activity of one demo customer, by its lifecycle stage, with dates around `today`.

Proportions (stated in the README; "buyers" are first-time buyers, repeat buyers and
advocates); about 2.2 activity rows per customer on average:
- calls and other contacts (0.95 per customer): suspects 0-1 (85 % none), prospects 0-2,
  first-time buyers 1-2, repeat buyers 1-3, advocates 2-3; within the last year; 80 % calls,
  then visits, emails, meetings, messages; 5 % of the calls are inbound, logged by customer
  service;
- orders (0.55 per customer): first-time buyers 1, repeat buyers 2, advocates 2-3, within
  two years;
- contracts of one or two years for 20 % of first-time buyers, 35 % of repeat buyers and 50 %
  of advocates (~10 % of all customers), each with 1-3 instalments; instalments already due
  are paid in full (85 %), in part (8 %) or not at all (7 %: overdue receivables);
- reminders: follow-ups for 30 % of prospects and 20 % of buyers (due from two weeks ago to
  six weeks ahead; 60 % of the past ones done), a renewal reminder for every contract ending
  within 60 days, a collection reminder for every instalment not paid in full;
- a satisfaction survey (CSAT or NPS, half each) for 25 % of buyers; a complaint for 12 % of
  buyers and 3 % of prospects (~5 % of all customers), assigned to customer service.
Texts are a few words from fixed lists, so a million customers stay within the size goal.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta

from desktop_crm.services import demo_names as words
from desktop_crm.services.bulk import ActivityBatch
from desktop_crm.services.demo_customers import CustomerPlan, RisingIds, Weighted

BUYERS = frozenset({"first_time_buyer", "repeat_buyer", "advocate"})

CONTACTS: Mapping[str, Weighted[int]] = {
    "suspect": Weighted([(0, 85), (1, 15)]),
    "prospect": Weighted([(0, 30), (1, 50), (2, 20)]),
    "first_time_buyer": Weighted([(1, 60), (2, 40)]),
    "repeat_buyer": Weighted([(1, 25), (2, 50), (3, 25)]),
    "advocate": Weighted([(2, 50), (3, 50)]),
}
ORDERS: Mapping[str, Weighted[int]] = {
    "first_time_buyer": Weighted([(1, 1)]),
    "repeat_buyer": Weighted([(2, 1)]),
    "advocate": Weighted([(2, 50), (3, 50)]),
}
CONTRACT_SHARE = {"first_time_buyer": 0.20, "repeat_buyer": 0.35, "advocate": 0.50}
FOLLOW_UP_SHARE = {"prospect": 0.30, **dict.fromkeys(BUYERS, 0.20)}
SURVEY_SHARE = dict.fromkeys(BUYERS, 0.25)
COMPLAINT_SHARE = {"prospect": 0.03, **dict.fromkeys(BUYERS, 0.12)}

CONTACT_KINDS: Weighted[str] = Weighted([
    ("call", 80), ("visit", 7), ("email", 7), ("meeting", 3), ("message", 3)])
SEVERITIES: Weighted[str] = Weighted([("low", 40), ("medium", 40), ("high", 15), ("critical", 5)])
CSAT: Weighted[int] = Weighted([(5, 40), (4, 35), (3, 15), (2, 6), (1, 4)])
NPS: Weighted[int] = Weighted([(10, 25), (9, 20), (8, 20), (7, 15), (6, 8), (5, 5), (3, 4),
                               (1, 3)])
DURATIONS = {"call": (30, 900), "visit": (1800, 5400), "meeting": (1800, 3600),
             "email": (0, 0), "message": (0, 0)}

# Working hours as UTC hours: 09:00-18:00 in Beijing, 09:00-18:00 on the US east coast.
_WORK_HOURS_UTC = {True: (1, 10), False: (14, 23)}
_PAID_IN_FULL, _PAID_IN_PART = 0.85, 0.08


class ActivityGenerator:
    def __init__(
        self, rng: random.Random, today: date, user_ids: Mapping[str, str], service_user: str,
        ids: RisingIds | None = None,
    ) -> None:
        """`user_ids`: demo sign-in name -> user id; `service_user` logs service calls."""
        self.rng = rng
        self.today = today
        self.user_ids = user_ids
        self.service_id = user_ids[service_user]
        self._contract_seq = 0
        self._ids = ids or RisingIds()

    def add(self, batch: ActivityBatch, plan: CustomerPlan, customer_id: str) -> None:
        """Append this customer's activity to the batch."""
        owner_id = self.user_ids[plan.owner]
        stage = plan.stage
        self._contacts(batch, plan, customer_id, owner_id)
        if stage in ORDERS:
            self._orders(batch, plan, customer_id)
        rng = self.rng
        if rng.random() < CONTRACT_SHARE.get(stage, 0.0):
            self._contract(batch, plan, customer_id, owner_id)
        if rng.random() < FOLLOW_UP_SHARE.get(stage, 0.0):
            due = self._moment(self.today + timedelta(days=rng.randrange(-14, 43)), plan)
            self._reminder(batch, plan, customer_id, owner_id, "follow_up", due)
        if rng.random() < SURVEY_SHARE.get(stage, 0.0):
            self._survey(batch, plan, customer_id)
        if rng.random() < COMPLAINT_SHARE.get(stage, 0.0):
            self._complaint(batch, plan, customer_id)

    # --- kinds ---------------------------------------------------------------------------

    def _contacts(self, batch: ActivityBatch, plan: CustomerPlan, customer_id: str,
                  owner_id: str) -> None:
        rng = self.rng
        summaries = words.CALL_SUMMARIES_ZH if plan.chinese else words.CALL_SUMMARIES_EN
        outcomes = words.OUTCOMES_ZH if plan.chinese else words.OUTCOMES_EN
        for _ in range(CONTACTS[plan.stage].pick(rng)):
            kind = CONTACT_KINDS.pick(rng)
            by_service = kind == "call" and rng.random() < 0.05
            low, high = DURATIONS[kind]
            batch.interactions.append({
                "id": self._id(), "customer_id": customer_id,
                "user_id": self.service_id if by_service else owner_id,
                "kind": kind, "direction": "inbound" if by_service else "outbound",
                "started_at": self._moment(self._past_day(365), plan),
                "duration_seconds": rng.randint(low, high),
                "outcome": rng.choice(outcomes), "summary": rng.choice(summaries),
            })

    def _orders(self, batch: ActivityBatch, plan: CustomerPlan, customer_id: str) -> None:
        rng = self.rng
        items = words.ORDER_ITEMS_ZH if plan.chinese else words.ORDER_ITEMS_EN
        for _ in range(ORDERS[plan.stage].pick(rng)):
            batch.orders.append({
                "id": self._id(), "customer_id": customer_id,
                "ordered_at": self._moment(self._past_day(730), plan),
                "amount_minor": self._amount(plan, 500, 50_000),
                "currency": _currency(plan), "description": rng.choice(items),
            })

    def _contract(self, batch: ActivityBatch, plan: CustomerPlan, customer_id: str,
                  owner_id: str) -> None:
        rng = self.rng
        self._contract_seq += 1
        start = self._past_day(730)
        end = start + timedelta(days=rng.choice((365, 730)) - 1)
        amount = self._amount(plan, 20_000, 500_000)
        contract_id = self._id()
        prefix = "HT" if plan.chinese else "C"
        titles = words.CONTRACT_TITLES_ZH if plan.chinese else words.CONTRACT_TITLES_EN
        batch.contracts.append({
            "id": contract_id, "customer_id": customer_id,
            "number": f"{prefix}-{self._contract_seq:07d}", "title": rng.choice(titles),
            "start_date": start, "end_date": end, "amount_minor": amount,
            "currency": _currency(plan), "status": "active" if end >= self.today else "expired",
        })
        if self.today <= end <= self.today + timedelta(days=60):
            due = self._moment(end - timedelta(days=30), plan)
            self._reminder(batch, plan, customer_id, owner_id, "contract_expiry", due)
        count = rng.randint(1, 3)
        step = (end - start).days // count
        for index in range(count):
            share = amount // count + (amount % count if index == count - 1 else 0)
            plan_id, due_date = self._id(), start + timedelta(days=step * index + 30)
            batch.payment_plans.append({
                "id": plan_id, "contract_id": contract_id, "instalment": index + 1,
                "due_date": due_date, "amount_minor": share, "currency": _currency(plan),
            })
            if due_date <= self.today:
                self._payment(batch, plan, customer_id, owner_id, contract_id, plan_id,
                              due_date, share)

    def _payment(self, batch: ActivityBatch, plan: CustomerPlan, customer_id: str,
                 owner_id: str, contract_id: str, plan_id: str, due: date, share: int) -> None:
        luck = self.rng.random()
        if luck < _PAID_IN_FULL + _PAID_IN_PART:
            paid_on = min(due + timedelta(days=self.rng.randrange(-5, 20)), self.today)
            batch.receipts.append({
                "id": self._id(), "contract_id": contract_id, "plan_id": plan_id,
                "amount_minor": share if luck < _PAID_IN_FULL else max(1, share // 2),
                "currency": _currency(plan), "received_at": self._moment(paid_on, plan),
            })
        if luck >= _PAID_IN_FULL:
            due_at = self._moment(due + timedelta(days=7), plan)
            self._reminder(batch, plan, customer_id, owner_id, "receivable", due_at)

    def _reminder(self, batch: ActivityBatch, plan: CustomerPlan, customer_id: str,
                  owner_id: str, kind: str, due_at: datetime) -> None:
        titles = words.REMINDER_TITLES_ZH if plan.chinese else words.REMINDER_TITLES_EN
        past = due_at.date() < self.today
        done = past and kind == "follow_up" and self.rng.random() < 0.6
        batch.reminders.append({
            "id": self._id(), "owner_id": owner_id, "customer_id": customer_id, "kind": kind,
            "title": titles[kind], "due_at": due_at,
            "done_at": due_at + timedelta(hours=2) if done else None, "source": "demo",
        })

    def _survey(self, batch: ActivityBatch, plan: CustomerPlan, customer_id: str) -> None:
        rng = self.rng
        nps = rng.random() < 0.5
        comments = words.SURVEY_COMMENTS_ZH if plan.chinese else words.SURVEY_COMMENTS_EN
        batch.satisfaction.append({
            "id": self._id(), "customer_id": customer_id,
            "responded_at": self._moment(self._past_day(365), plan),
            "channel": rng.choice(("phone", "email", "wechat" if plan.chinese else "web")),
            "csat": None if nps else CSAT.pick(rng), "nps": NPS.pick(rng) if nps else None,
            "comment": rng.choice(comments), "survey": words.SURVEYS[1 if nps else 0],
        })

    def _complaint(self, batch: ActivityBatch, plan: CustomerPlan, customer_id: str) -> None:
        rng = self.rng
        opened = self._moment(self._past_day(180), plan)
        age = (self.today - opened.date()).days
        status = ("closed" if age > 60 else rng.choice(("resolved", "in_progress"))
                  if age > 7 else rng.choice(("open", "in_progress")))
        responded = opened + timedelta(hours=rng.randint(1, 48))
        resolved = status in ("resolved", "closed")
        pick = 0 if plan.chinese else 1
        categories = (words.COMPLAINT_CATEGORIES_ZH, words.COMPLAINT_CATEGORIES_EN)[pick]
        summaries = (words.COMPLAINT_SUMMARIES_ZH, words.COMPLAINT_SUMMARIES_EN)[pick]
        which = rng.randrange(len(categories))
        batch.complaints.append({
            "id": self._id(), "customer_id": customer_id, "opened_at": opened,
            "channel": rng.choice(("phone", "email", "web")), "category": categories[which],
            "severity": SEVERITIES.pick(rng), "summary": summaries[which],
            "assignee_id": self.service_id,
            "first_response_at": None if status == "open" else responded,
            "resolved_at": responded + timedelta(days=rng.randint(1, 5)) if resolved else None,
            "status": status,
        })

    # --- values ----------------------------------------------------------------------------

    def _id(self) -> str:
        return self._ids.next()

    def _past_day(self, days: int) -> date:
        """A day within the last `days` days, yesterday at the latest."""
        return self.today - timedelta(days=1 + self.rng.randrange(days))

    def _moment(self, day: date, plan: CustomerPlan) -> datetime:
        """A moment within working hours of the customer's country on that day, in UTC."""
        first, last = _WORK_HOURS_UTC[plan.chinese]
        minutes = self.rng.randrange((last - first) * 60)
        return datetime.combine(day, time(first), tzinfo=UTC) + timedelta(minutes=minutes)

    def _amount(self, plan: CustomerPlan, low: int, high: int) -> int:
        """Minor units; US amounts are a fifth of the Chinese ones, in dollars."""
        scale = 1 if plan.chinese else 5
        return self.rng.randrange(low // scale, high // scale) * 100


def _currency(plan: CustomerPlan) -> str:
    return "CNY" if plan.chinese else "USD"

