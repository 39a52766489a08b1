"""Satisfaction answers: recorded on a customer's record or right after a call, by whoever may
log the customer's calls; every refusal named and nothing written."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_crm.storage.models import AuditEvent, SatisfactionResponse

from .conftest import HIDDEN, NOW, OK, outcome


def _count(session, model) -> int:
    with session._open().database.reading() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def _last_action(session) -> str:
    with session._open().database.reading() as s:
        return s.execute(select(AuditEvent.action).order_by(AuditEvent.seq.desc())
                         .limit(1)).scalar_one()


def test_the_owner_records_an_answer_right_after_a_call(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="张伟")
    sales = org.session("sales_east1")
    call = sales.interactions.log(cid, {"summary": "售后回访电话"})
    answer = sales.feedback.record(cid, {
        "csat": 4, "nps": 9, "comment": "服务很好，物流慢了一点", "channel": "message",
        "survey": "售后满意度", "interaction_id": call.id})
    assert (answer.customer_id, answer.csat, answer.nps, answer.channel, answer.survey) == (
        cid, 4, 9, "message", "售后满意度")
    assert answer.comment == "服务很好，物流慢了一点"
    assert (answer.interaction_id, answer.reminder_id) == (call.id, None)
    assert (answer.user_id, answer.user_display_name) == (org.ids["sales_east1"], "sales_east1")
    assert answer.responded_at == NOW and answer.version == 1
    assert _last_action(sales) == "satisfaction_response.create"


def test_a_customer_s_answers_come_newest_first_and_one_score_is_enough(org,
                                                                         customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    old = sales.feedback.record(cid, {"nps": 6, "responded_at": NOW - timedelta(days=30)})
    new = sales.feedback.record(cid, {"csat": 5})
    listed = sales.feedback.for_customer(cid)
    assert [a.id for a in listed] == [new.id, old.id]
    assert (listed[0].csat, listed[0].nps, listed[0].channel) == (5, None, "phone")
    assert (listed[1].csat, listed[1].nps) == (None, 6)
    # whoever sees the customer reads them, without writing anything
    assert [a.id for a in org.session("auditor").feedback.for_customer(cid)] == [new.id, old.id]


def test_an_answer_is_changed_and_deleted(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    answer = sales.feedback.record(cid, {"csat": 2, "comment": "慢"})
    changed = sales.feedback.update(answer.id, {"csat": 3, "nps": 7})
    assert (changed.csat, changed.nps, changed.comment, changed.version) == (3, 7, "慢", 2)
    assert _last_action(sales) == "satisfaction_response.update"
    assert sales.feedback.update(answer.id, {"csat": 3}).version == 2  # no change, no version
    with pytest.raises(ValidationError) as refused:
        sales.feedback.update(answer.id, {"csat": None, "nps": None})
    assert refused.value.field == "csat"
    assert sales.feedback.for_customer(cid)[0].csat == 3
    sales.feedback.delete(answer.id)
    assert sales.feedback.for_customer(cid) == []
    assert _last_action(sales) == "satisfaction_response.delete"
    with pytest.raises(NotFound):
        sales.feedback.update(answer.id, {"csat": 1})


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"csat": 0}, "csat"),
        ({"csat": 6}, "csat"),
        ({"csat": "5"}, "csat"),
        ({"csat": True}, "csat"),
        ({"nps": -1}, "nps"),
        ({"nps": 11}, "nps"),
        ({"comment": "好"}, "csat"),  # no score at all
        ({"csat": 5, "channel": "fax"}, "channel"),
        ({"csat": 5, "channel": "return_visit"}, "channel"),  # a return visit's own
        ({"csat": 5, "comment": "长" * 2001}, "comment"),
        ({"csat": 5, "survey": "s" * 101}, "survey"),
        ({"csat": 5, "responded_at": NOW + timedelta(hours=1)}, "responded_at"),
        ({"csat": 5, "responded_at": datetime(2026, 11, 1, 10, 0)}, "responded_at"),
        ({"csat": 5, "interaction_id": "not-an-id"}, "interaction_id"),
        ({"csat": 5, "score": 3}, "score"),
    ],
)
def test_refused_input_names_the_field_and_writes_nothing(org, customer_of, data,
                                                          field) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as refused:
        sales.feedback.record(cid, data)
    assert refused.value.field == field
    assert _count(sales, SatisfactionResponse) == 0


def test_the_call_must_be_one_with_this_customer(org, customer_of) -> None:
    mine, other = customer_of("sales_east1"), customer_of("sales_east1", name="李娜")
    sales = org.session("sales_east1")
    call = sales.interactions.log(other, {"summary": "问候"})
    with pytest.raises(ValidationError) as refused:
        sales.feedback.record(mine, {"csat": 5, "interaction_id": call.id})
    assert refused.value.field == "interaction_id"


def test_who_may_record_answers(org, customer_of) -> None:
    """Those who may log the customer's calls: the owner, their managers, customer service
    and admins. Another salesperson gets NotFound (as for a missing id); a role that never
    logs calls gets PermissionDenied."""
    east1, south2 = customer_of("sales_east1"), customer_of("sales_south2")
    south1 = customer_of("sales_south1")  # reports to mgr_east across departments
    expected = {
        ("sales_east1", east1): OK, ("sales_east2", east1): HIDDEN,
        ("sales_south2", east1): HIDDEN, ("mgr_east", east1): OK, ("mgr_east", south1): OK,
        ("mgr_east", south2): HIDDEN, ("service1", south2): OK, ("admin", south2): OK,
    }
    found = {(name, cid): outcome(lambda s, c=cid: s.feedback.record(c, {"csat": 4}),
                                  org.session(name))
             for name, cid in expected}
    assert found == expected
    with pytest.raises(PermissionDenied):
        org.session("auditor").feedback.record(east1, {"csat": 4})


def test_another_salesperson_cannot_reach_an_answer_by_its_id(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    answer = org.session("sales_east1").feedback.record(cid, {"csat": 1})
    other = org.session("sales_east2")
    for call in (lambda: other.feedback.update(answer.id, {"csat": 5}),
                 lambda: other.feedback.delete(answer.id),
                 lambda: other.feedback.for_customer(cid)):
        with pytest.raises(NotFound):
            call()
    assert _last_action(other).endswith(".access_denied")
    assert org.session("sales_east1").feedback.for_customer(cid)[0].csat == 1
    # the manager of the owner may correct it
    assert org.session("mgr_east").feedback.update(answer.id, {"csat": 2}).csat == 2
