"""Months are the company's calendar months: a late call in Shanghai counts in its local
month, a DST change moves the boundary, and a new zone moves every row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, insert

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.storage import report_summary
from desktop_crm.storage.models import Policy

from .test_report_summary import Writer, assert_summary_right, group_row


def _use(engine: Engine, zone: str) -> bool:
    with engine.begin() as conn:
        return report_summary.use_time_zone(conn, zone)


def _contacts_by_month(engine: Engine) -> dict[int, int]:
    with engine.connect() as conn:
        return dict(conn.exec_driver_sql(
            "SELECT month, sum(contacts) FROM group_months GROUP BY month"
            " HAVING sum(contacts) > 0").all())


def test_a_late_call_in_shanghai_counts_in_its_local_month(engine: Engine) -> None:
    _use(engine, "Asia/Shanghai")
    writer = Writer(engine)
    customer = writer.customer(created_at=datetime(2026, 9, 1, tzinfo=UTC))
    writer.call(customer, datetime(2026, 10, 31, 15, 30, tzinfo=UTC))  # 23:30 on Oct 31
    writer.call(customer, datetime(2026, 10, 31, 16, 30, tzinfo=UTC))  # 00:30 on Nov 1
    writer.call(customer, datetime(2026, 9, 30, 15, 59, 59, 999000, tzinfo=UTC))  # Sep 30
    assert _contacts_by_month(engine) == {202609: 1, 202610: 1, 202611: 1}
    with engine.connect() as conn:
        customer_months = conn.exec_driver_sql(
            "SELECT month, contacts FROM customer_months").all()
    assert customer_months == [(202609, 1), (202610, 1), (202611, 1)]
    assert_summary_right(engine, "Asia/Shanghai")


def test_month_boundaries_follow_daylight_saving_time(engine: Engine) -> None:
    # New York leaves DST on 2026-11-01: November begins at 04:00 UTC, December at 05:00
    _use(engine, "America/New_York")
    writer = Writer(engine)
    customer = writer.customer(created_at=datetime(2026, 9, 1, tzinfo=UTC))
    for hour, minute in ((3, 59), (4, 0)):
        writer.call(customer, datetime(2026, 11, 1, hour, minute, tzinfo=UTC))
    for hour, minute in ((4, 30), (5, 0)):
        writer.call(customer, datetime(2026, 12, 1, hour, minute, tzinfo=UTC))
    assert _contacts_by_month(engine) == {202610: 1, 202611: 2, 202612: 1}
    with engine.connect() as conn:
        starts = dict(conn.exec_driver_sql(
            "SELECT month, starts_at FROM report_months WHERE month IN (202611, 202612)").all())
    assert starts == {202611: int(datetime(2026, 11, 1, 4, tzinfo=UTC).timestamp() * 1000),
                      202612: int(datetime(2026, 12, 1, 5, tzinfo=UTC).timestamp() * 1000)}
    assert_summary_right(engine, "America/New_York")


def test_a_new_time_zone_moves_rows_to_their_months_there(engine: Engine) -> None:
    _use(engine, "UTC")
    writer = Writer(engine)
    customer = writer.customer(created_at=datetime(2026, 10, 31, 20, tzinfo=UTC))
    writer.call(customer, datetime(2026, 10, 31, 20, tzinfo=UTC))
    writer.order(customer, 900, datetime(2026, 10, 15, tzinfo=UTC))
    assert group_row(engine, "u1", 202610) == {"is_new": 1, "contacts": 1, "orders": 1,
                                               "order_minor": 900}
    assert _use(engine, "Asia/Tokyo")  # 05:00 on Nov 1 there
    assert group_row(engine, "u1", 202610) == {"orders": 1, "order_minor": 900}
    assert group_row(engine, "u1", 202611) == {"is_new": 1, "contacts": 1}
    assert_summary_right(engine, "Asia/Tokyo")
    writer.call(customer, datetime(2026, 11, 30, 16, tzinfo=UTC))  # Dec 1 in Tokyo
    assert group_row(engine, "u1", 202612) == {"contacts": 1}  # the triggers use it too


def test_the_same_zone_again_changes_nothing(engine: Engine,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert _use(engine, "Europe/Berlin")
    assert not _use(engine, "Europe/Berlin")
    monkeypatch.setattr(report_summary, "local_zone_name", lambda: "Europe/Berlin")
    assert not _use(engine, "")  # "" is this computer's zone
    with engine.connect() as conn:
        assert report_summary.months_zone(conn) == "Europe/Berlin"


def test_an_unknown_zone_is_refused_and_changes_nothing(engine: Engine) -> None:
    _use(engine, "Asia/Shanghai")
    with pytest.raises(ValidationError) as refused:
        _use(engine, "Mars/Olympus_Mons")
    assert refused.value.field == "zone"
    with engine.connect() as conn:
        assert report_summary.months_zone(conn) == "Asia/Shanghai"


def test_the_company_zone_is_the_policy_or_this_computers(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_summary, "local_zone_name", lambda: "Europe/Paris")
    with engine.connect() as conn:
        assert report_summary.company_zone(conn) == "Europe/Paris"
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for zone, expected in (("", "Europe/Paris"), ("Asia/Shanghai", "Asia/Shanghai")):
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM policies WHERE key = 'company_time_zone'")
            conn.execute(insert(Policy), [{
                "id": new_id(), "key": "company_time_zone", "value": {"zone": zone},
                "created_at": now, "updated_at": now}])
        with engine.connect() as conn:
            assert report_summary.company_zone(conn) == expected
