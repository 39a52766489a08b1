"""The policies of issue 7: return-visit days, complaint response and resolution times, the
active window and the company time zone; each checked against its range."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.policies import PolicySet
from desktop_crm.storage import report_summary
from desktop_crm.storage.types import from_millis


def test_the_defaults() -> None:
    policies = PolicySet()
    assert (policies.return_visit_after_purchase_days,
            policies.return_visit_after_complaint_days) == (7, 3)
    assert (policies.complaint_response_hours, policies.complaint_resolution_days) == (24, 7)
    assert (policies.active_months, policies.company_time_zone) == (12, "")
    assert policies.company_name == ""


def test_the_company_name_for_report_covers_is_kept(org) -> None:
    admin = org.session("admin")
    admin.policies.update(company_name="华东贸易有限公司")
    assert org.session("sales_east1").policies.current().company_name == "华东贸易有限公司"


def test_an_admin_changes_them_and_they_apply(org, customer_of) -> None:
    admin = org.session("admin")
    after = admin.policies.update(return_visit_after_purchase_days=14, active_months=24,
                                  complaint_resolution_days=10,
                                  company_time_zone="Asia/Shanghai")
    assert admin.policies.current() == after
    assert (after.return_visit_after_purchase_days, after.active_months,
            after.complaint_resolution_days) == (14, 24, 10)
    assert str(after.company_zone) == "Asia/Shanghai"
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    visit = sales.reminders.get(
        sales.commerce.create_order(cid, {"amount_minor": 1}).return_visit_id)
    assert visit.due_at.date() == date(2026, 12, 7)  # 14 days after the 23rd
    assert sales.complaints.open(cid, {"summary": "慢"}).resolution_due_at.day == 3  # Dec 3


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("return_visit_after_purchase_days", 0),
        ("return_visit_after_purchase_days", 91),
        ("return_visit_after_complaint_days", "3"),
        ("complaint_response_hours", 0),
        ("complaint_response_hours", 721),
        ("complaint_resolution_days", True),
        ("active_months", 0),
        ("active_months", 37),
        ("company_time_zone", "Mars/Olympus"),
        ("company_time_zone", " Asia/Shanghai"),
        ("company_time_zone", "../../etc/passwd"),
        ("company_time_zone", 8),
        ("company_name", " 华东贸易"),
        ("company_name", "华" * 201),
        ("company_name", None),
    ],
)
def test_out_of_range_values_are_refused_by_name(org, name, value) -> None:
    admin = org.session("admin")
    with pytest.raises(ValidationError) as refused:
        admin.policies.update(**{name: value})
    assert refused.value.field == name
    assert admin.policies.current() == PolicySet()


def test_an_empty_zone_is_this_computer_s(org) -> None:
    admin = org.session("admin")
    admin.policies.update(company_time_zone="Europe/Berlin")
    assert admin.policies.update(company_time_zone="").company_time_zone == ""
    assert admin.policies.current() == PolicySet()


def _report_months(session) -> tuple[str, datetime]:
    """The zone the report summary counts months in, and when November 2026 begins."""
    with session.customers.ctx.reading() as w:
        connection = w.session.connection()
        starts = connection.exec_driver_sql(
            "SELECT starts_at FROM report_months WHERE month = 202611").scalar_one()
        return report_summary.months_zone(connection), from_millis(starts)


def test_a_new_company_zone_recounts_the_report_months(org) -> None:
    admin = org.session("admin")
    admin.policies.update(company_time_zone="Asia/Shanghai")
    assert _report_months(admin) == ("Asia/Shanghai", datetime(2026, 10, 31, 16, tzinfo=UTC))
    admin.policies.update(company_time_zone="America/New_York")
    assert _report_months(admin) == ("America/New_York", datetime(2026, 11, 1, 4, tzinfo=UTC))
    # a refused zone changes nothing
    with pytest.raises(ValidationError):
        admin.policies.update(company_time_zone="Nowhere/Else")
    assert _report_months(admin)[0] == "America/New_York"
