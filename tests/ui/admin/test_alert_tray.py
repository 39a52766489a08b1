"""The alert watcher: the badge count follows the open alerts; new ones reach the tray seam."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui.admin.alert_tray import AlertWatcher
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD, Template


class RecordingNotifier:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.messages.append((title, text))


def _export(session: CrmSession) -> None:
    session.audit.export(io.BytesIO(), since=datetime(2000, 1, 1, tzinfo=UTC))


def test_count_and_new_alerts_follow_the_operations(
    qtbot: object, ops: Operations, vault: Template, opened_sessions: list[CrmSession],
) -> None:
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    opened_sessions.append(admin)
    _export(admin)  # one alert open before the watcher starts
    notifier = RecordingNotifier()
    watcher = AlertWatcher(admin, ops, notifier=notifier, poll_seconds=3600)
    counts: list[int] = []
    arrivals: list[int] = []
    watcher.count_changed.connect(counts.append)
    watcher.new_alerts.connect(arrivals.append)
    watcher.start()
    qtbot.waitUntil(lambda: counts == [1], timeout=10_000)  # type: ignore[attr-defined]
    assert arrivals == [] and notifier.messages == []  # what was there is no news

    # an export in the app: the change broadcast makes the watcher look again at once
    ops.run(lambda: (_export(admin), _export(admin)), lane=Lane.WRITE,
            changes=OpChanges(frozenset({"audit"})))
    qtbot.waitUntil(lambda: counts == [1, 3], timeout=10_000)  # type: ignore[attr-defined]
    assert arrivals == [2] and len(notifier.messages) == 1
    assert "2" in notifier.messages[0][1]

    for alert in admin.alerts.list():
        admin.alerts.acknowledge(alert.id, "seen")
    watcher.poll()
    qtbot.waitUntil(lambda: counts[-1] == 0, timeout=10_000)  # type: ignore[attr-defined]
    assert arrivals == [2] and watcher.count == 0
    watcher.stop()


def test_a_user_who_may_not_read_alerts_is_not_watched(
    qtbot: object, ops: Operations, vault: Template, opened_sessions: list[CrmSession],
) -> None:
    sales2 = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    opened_sessions.append(sales2)
    watcher = AlertWatcher(sales2, ops, poll_seconds=3600)
    counts: list[int] = []
    watcher.count_changed.connect(counts.append)
    watcher.start()
    qtbot.waitUntil(lambda: not watcher._timer.isActive(), timeout=10_000)  # type: ignore
    assert counts == [] and watcher.count is None
