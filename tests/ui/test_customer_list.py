"""The Customers page on a real vault: order, search as you type, filters, masks, layout, memory."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop_crm.services.session import sign_in
from desktop_crm.ui.customers.list_model import IDS_MIME_TYPE, CustomerListModel, ListQuery
from desktop_crm.ui.customers.row_window import RowWindow
from tests.ui.conftest import ADMIN_PASSWORD, CUSTOMERS, SALES2_PASSWORD

NAME, PHONE = 0, 2


def shown_names(page) -> list[str]:
    model = page.model
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


def search(qtbot, window, text: str) -> None:
    window.search_edit.setText(text)
    model = window.customers_page.model
    qtbot.waitUntil(lambda: model.query.text == text and not model.loading, timeout=10_000)


def test_the_list_shows_every_customer_in_pinyin_order(vault, open_main_window):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.customers_page
    assert shown_names(page) == ["Alice Martin", "李娜", "张伟"]  # a, li, zhang
    assert page.count_label.text() == f"{len(CUSTOMERS)} customers"
    assert page.table.isVisibleTo(window)


def test_search_finds_a_chinese_substring_full_pinyin_and_initials(vault, open_main_window,
                                                                   qtbot):
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.customers.create({"name": "上海明辉贸易有限公司", "kind": "company"})
    finally:
        admin.lock()
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.customers_page
    for text, expected in (("明辉贸易", ["上海明辉贸易有限公司"]), ("zw", ["张伟"]),
                           ("lina", ["李娜"]), ("mart", ["Alice Martin"])):
        search(qtbot, window, text)
        assert shown_names(page) == expected, text
        assert page.count_label.text() == "1 match"
    search(qtbot, window, "没有这个人")
    assert page.empty_label.isVisibleTo(window)
    assert "没有这个人" in page.empty_label.text()
    window.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CUSTOMERS) + 1, timeout=10_000)


def test_ctrl_k_puts_the_cursor_in_the_search_box(vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    window.activateWindow()
    window.customers_page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_edit.hasFocus(), timeout=2_000)


def click_header(qtbot, page, section: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_clicking_the_updated_header_sorts_oldest_first_then_newest(vault, open_main_window,
                                                                    qtbot):
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        [zhang] = admin.customers.search("张伟")
        admin.customers.update(zhang.id, {"city": "上海"})  # now the latest change
    finally:
        admin.lock()
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.customers_page
    updated = page.model.column_of_order("updated")
    click_header(qtbot, page, updated)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.query.order == "updated")
    ascending = shown_names(page)
    click_header(qtbot, page, updated)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.query.descending)
    descending = shown_names(page)
    assert ascending[-1] == "张伟"
    assert descending == ascending[::-1]


def test_a_column_without_an_index_does_not_sort(vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.customers_page
    click_header(qtbot, page, PHONE)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert page.model.query.order == "name"


def test_a_filter_narrows_the_list_and_clear_brings_everything_back(vault, open_main_window,
                                                                    qtbot):
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.customers.create({"name": "王芳", "lifecycle_stage": "advocate", "city": "杭州"})
    finally:
        admin.lock()
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.customers_page
    bar = page.filter_bar
    qtbot.waitUntil(lambda: bar.city_combo.findData("杭州") >= 0, timeout=10_000)
    bar.stage_combo.setCurrentIndex(bar.stage_combo.findData("advocate"))
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1)
    assert shown_names(page) == ["王芳"]
    assert bar.clear_button.isVisibleTo(window)
    bar.stage_combo.setCurrentIndex(bar.stage_combo.findData("prospect"))
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 0)
    assert page.empty_label.text() == "No customer matches these filters."
    bar.clear_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CUSTOMERS) + 1, timeout=10_000)


def test_a_salesperson_sees_masked_phones_in_the_list_copy_and_drag(vault, open_main_window,
                                                                     qtbot):
    sales2 = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    try:
        sales2.customers.create({"name": "赵敏", "phones": ["13812345678"],
                                 "emails": ["zhaomin@example.com"]})
    finally:
        sales2.lock()
    window = open_main_window(vault.vault_dir, "sales2", SALES2_PASSWORD)
    page = window.customers_page
    assert shown_names(page) == ["赵敏"]
    phone = page.model.index(0, PHONE)
    assert "13812345678" not in phone.data()
    assert "5678" in phone.data()  # the mask keeps the last digits to tell numbers apart
    assert "13812345678" not in phone.data(Qt.ItemDataRole.ToolTipRole)
    page.table.selectRow(0)
    page.copy_selection()
    copied = QApplication.clipboard().text()
    assert "赵敏" in copied and "13812345678" not in copied
    assert "zhaomin@example.com" not in copied
    dragged = page.model.mimeData([phone])
    assert "13812345678" not in dragged.text()
    assert bytes(dragged.data(IDS_MIME_TYPE)).decode() == page.model.index(0, 0).data(
        Qt.ItemDataRole.UserRole + 1)
    assert "navAdmin" not in window.sidebar_entries()


def test_the_column_layout_comes_back_for_the_same_user(vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    header = window.customers_page.table.horizontalHeader()
    header.resizeSection(NAME, 321)
    header.moveSection(header.visualIndex(PHONE), 1)
    window.close_for_lock()
    again = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    header = again.customers_page.table.horizontalHeader()
    assert header.sectionSize(NAME) == 321
    assert header.visualIndex(PHONE) == 1


def test_scrolling_a_long_list_holds_only_a_window_of_pages(vault, ops, qtbot):
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.customers.bulk_create({"name": f"客户{n:04d}"} for n in range(300))
        model = CustomerListModel(admin.customers, ops,
                                  window=RowWindow(page_size=20, pages_kept=3))
        model.set_query(ListQuery())
        qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
        total = model.rowCount()
        assert total == 303
        seen = set()
        for position in range(total):
            qtbot.waitUntil(lambda p=position: model.customer_at(p) is not None, timeout=10_000)
            seen.add(model.customer_at(position).id)
            assert model.rows_held() <= 60
        assert len(seen) == total  # every customer came by once: no gap, no repeat
    finally:
        ops.wait_for_workers()
        admin.lock()
