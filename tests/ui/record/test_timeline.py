"""The timeline beside the record: newest first, the last contact on top, refreshed when a
call is logged elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_crm.services.timeline import Timeline, TimelineEntry
from desktop_crm.ui.icons import ICONS_DIR
from desktop_crm.ui.ops import OpChanges
from desktop_crm.ui.record.timeline import TimelineWidget
from tests.ui.record.conftest import customer_id, wait_for_record

NOW = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def _entry(entry_kind: str, at: datetime, text: str = "", **detail: object) -> TimelineEntry:
    return TimelineEntry(entry_kind, f"{entry_kind}-{at.isoformat()}", at,  # type: ignore[arg-type]
                         text, detail)


def _timeline(entries: list[TimelineEntry], days: int | None, complaints: int = 0) -> Timeline:
    last = next((e.at for e in entries if e.kind == "interaction"), None)
    return Timeline(entries, last, days, complaints)


def test_a_logged_call_shows_newest_first_with_what_was_said_last_time(
        qtbot, admin, ops, make_page):
    cid = customer_id(admin, "张伟")
    now = admin.clock.now()
    admin.interactions.log(cid, {"kind": "visit", "started_at": now - timedelta(days=50),
                                 "summary": "上门拜访，介绍新款"})
    admin.interactions.log(cid, {"kind": "call", "started_at": now - timedelta(days=40),
                                 "summary": "询问第三季度报价", "needs": "报价单",
                                 "special_notes": "对交期很敏感"})
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    timeline = page.timeline
    assert [c.text.text() for c in timeline.entry_cards()] == ["询问第三季度报价",
                                                                "上门拜访，介绍新款"]
    assert [c.icon_name for c in timeline.entry_cards()] == ["kind-call", "kind-visit"]
    assert "40" in timeline.contact_label.text()
    assert timeline.contact_label.property("overdue") is True  # more than 30 days
    assert timeline.last_time.discussed.text() == "Discussed: 询问第三季度报价"
    assert timeline.last_time.needs.text() == "Customer needed: 报价单"
    assert timeline.last_time.attention.text() == "Special attention: 对交期很敏感"

    # a call logged elsewhere (the Log-a-call dialog) reaches the open timeline
    with qtbot.waitSignal(ops.changes_did_happen):
        ops.run(lambda: admin.interactions.log(cid, {"summary": "确认下单"}),
                changes=OpChanges(frozenset({"interaction"})))
    qtbot.waitUntil(lambda: len(timeline.entry_cards()) == 3 and not timeline.loading)
    assert timeline.entry_cards()[0].text.text() == "确认下单"
    assert timeline.contact_label.text().endswith("contacted today")
    assert timeline.contact_label.property("overdue") is False
    assert timeline.last_time.discussed.text() == "Discussed: 确认下单"


def test_a_customer_with_no_history_says_so(qtbot, admin, make_page):
    page = make_page(admin)
    wait_for_record(qtbot, page, customer_id(admin, "李娜"))
    timeline = page.timeline
    assert timeline.entry_cards() == []
    assert timeline.empty_label.isVisibleTo(page)
    assert timeline.contact_label.text() == "Never contacted"
    assert timeline.last_time.isHidden()


def test_every_kind_has_its_icon_and_its_words(qtbot):
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    day = timedelta(days=1)
    entries = [
        _entry("contract", NOW, "HT-2025-001", title="年度框架协议", amount_minor=12_000_000,
               currency="CNY", start_date=NOW.date(), end_date=(NOW + 365 * day).date()),
        _entry("order", NOW - day, "包装盒 5000 个", amount_minor=350_000, currency="CNY"),
        _entry("satisfaction", NOW - 2 * day, "送货很快", csat=5, nps=9, survey="季度回访"),
        _entry("complaint", NOW - 3 * day, "包装破损", severity="high", status="open",
               category="物流"),
        *[_entry("interaction", NOW - (4 + i) * day, f"第{i}次", kind=kind)
          for i, kind in enumerate(("call", "visit", "email", "meeting", "message"))],
    ]
    widget.show_timeline(_timeline(entries, days=4, complaints=1))
    cards = widget.entry_cards()
    assert [c.icon_name for c in cards] == [
        "kind-contract", "kind-order", "kind-survey", "kind-complaint", "kind-call",
        "kind-visit", "kind-email", "kind-meeting", "kind-message"]
    assert all((ICONS_DIR / f"{c.icon_name}.svg").exists() for c in cards)
    assert cards[0].heading.text() == "Contract HT-2025-001"
    assert "CNY" in cards[0].details.text() and "2026-03-01" in cards[0].details.text()
    assert cards[2].heading.text() == "Survey response · Satisfaction 5/5 · Recommend 9/10"
    assert cards[3].heading.text() == "Complaint · High · Open"
    assert cards[3].attention.text() == "Not resolved yet"
    assert widget.complaints_label.isVisibleTo(widget)
    assert widget.contact_label.property("overdue") is False


def test_customer_text_is_never_read_as_markup(qtbot):
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.show_timeline(_timeline(
        [_entry("interaction", NOW, "<b>bold</b> <img src=x>", kind="call",
                needs="<a href='http://x'>link</a>")], days=0))
    card = widget.entry_cards()[0]
    assert card.text.text() == "<b>bold</b> <img src=x>"
    assert card.text.textFormat().name == "PlainText"
    assert widget.last_time.needs.textFormat().name == "PlainText"
