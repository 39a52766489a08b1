"""Recording a satisfaction answer from the customer's record: the dialog checks at the field,
the answer is saved, listed in the Satisfaction tab and can be changed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.feedback.conftest import customer_id, saved, show_tab, wait_for_record


def test_an_answer_recorded_on_the_record_is_listed_and_can_be_changed(
        qtbot, ops, admin, make_page, qtmodeltester):
    cid = customer_id(admin, "张伟")
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    panel = page.tabs.satisfaction
    show_tab(qtbot, page, panel)
    assert panel.section.stack.currentWidget() is panel.section.stack.empty_label
    assert panel.add_button.isVisibleTo(page)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.windowTitle() == "Record feedback — 张伟"
    fields = dialog.answer_fields
    dialog.save_button.click()  # no score: refused at the field, nothing saved
    assert fields.fields.errors["csat"].text() == (
        "Choose a satisfaction score, a 0–10 answer, or both.")
    assert admin.feedback.for_customer(cid) == []

    fields.csat.buttons[3].click()  # four stars
    fields.nps.buttons[9].click()  # 9
    fields.channel_combo.setCurrentIndex(fields.channel_combo.findData("wechat"))
    fields.survey_edit.setText("季度回访")
    fields.comment_edit.setPlainText("送货很快，安装师傅很专业")
    answer = saved(qtbot, dialog)
    assert (answer.csat, answer.nps, answer.channel, answer.survey, answer.comment) == (
        4, 9, "wechat", "季度回访", "送货很快，安装师傅很专业")
    qtbot.waitUntil(lambda: panel.section.model.rowCount() == 1, timeout=10_000)
    model = panel.section.model
    assert [model.index(0, c).data() for c in range(1, 4)] == [
        "★★★★☆ 4", "9 · Promoter", "WeChat"]

    panel.section.table.selectRow(0)
    assert panel.edit_button.isEnabled()
    panel.edit_button.click()
    dialog = panel.dialog
    assert dialog.answer_fields.csat.score() == 4
    dialog.answer_fields.csat.buttons[4].click()
    changed = saved(qtbot, dialog)
    assert changed.csat == 5 and changed.nps == 9
    qtbot.waitUntil(lambda: model.index(0, 1).data() == "★★★★★ 5", timeout=10_000)
    qtmodeltester.check(model)
