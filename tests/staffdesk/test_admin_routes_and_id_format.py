"""The administration page without codes or regular expressions: a route is a list of
clinics by name, edited in a dialog; the ID number format is a choice of digit counts with
a live check of an example; the clinics table shows whole names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QListWidget, QSpinBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from core.errors import InvalidIdNumber
from core.permissions import SYSTEM
from core.schema import ExamRouteStep, OpRecord
from core.services.checkin import check_in
from core.services.config import set_setting, upsert_clinic
from core.settings import setting
from core.store import Store
from staffdesk.pages.route_editor import RouteField
from staffdesk.window import StaffWindow
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import ConsoleFactory, fill_in


def click(qtbot: QtBot, widget: QAbstractButton) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_item(qtbot: QtBot, listed: QListWidget, name: str) -> None:
    """Click the clinic called `name` in a list (route items are numbered: "2. Laboratory")."""
    found = [listed.item(r) for r in range(listed.count()) if listed.item(r).text().split(". ", 1)[-1] == name]
    assert len(found) == 1, f"{name!r} is not once in {names(listed)}"
    listed.scrollToItem(found[0])
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=listed.visualItemRect(found[0]).center())
    assert listed.currentItem() is found[0]


def names(listed: QListWidget) -> list[str]:
    return [listed.item(r).text() for r in range(listed.count())]


def pick_row(table: QTableWidget, key: str) -> None:
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == key)
    table.setCurrentCell(row, 0)


def choose_route(qtbot: QtBot, window: StaffWindow, field: RouteField, clinics: Sequence[str]) -> None:
    """Open the route's dialog, empty the route, add `clinics` (by name) in order, and keep it."""
    tap(qtbot, window, f"{field.objectName()}_edit")
    dialog = field.dialog
    assert dialog.isVisible()
    while dialog.route.count():
        click_item(qtbot, dialog.route, dialog.route.item(0).text().split(". ", 1)[-1])
        tap(qtbot, window, "route_remove")
    for name in clinics:
        click_item(qtbot, dialog.others, name)
        tap(qtbot, window, "route_add")
    tap(qtbot, window, "route_save")
    assert not dialog.isVisible()


def route_of(store: Store, exam_type: str, gender: str) -> list[str]:
    with store.db.read() as session:
        return list(
            session.scalars(
                select(ExamRouteStep.clinic)
                .where(ExamRouteStep.exam_type == exam_type, ExamRouteStep.gender == gender)
                .order_by(ExamRouteStep.position)
            )
        )


def ops(store: Store) -> int:
    with store.db.read() as session:
        return session.scalar(select(func.count()).select_from(OpRecord)) or 0


def test_a_route_is_edited_by_adding_removing_and_moving_clinics_by_name(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("boss")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.exams)
    pick_row(admin.exams.list, "periodic")
    assert admin.exams.male.summary.text() == "Vital Signs → Laboratory → ECG → Ophthalmology → Internal Medicine"
    tap(qtbot, window, "admin_exam_route_male_edit")
    dialog = admin.exams.male.dialog
    assert dialog.title.text() == "Route for men of Periodic"
    assert names(dialog.route) == [
        "1. Vital Signs",
        "2. Laboratory",
        "3. ECG",
        "4. Ophthalmology",
        "5. Internal Medicine",
    ]
    assert "X-Ray" in names(dialog.others) and "ECG" not in names(dialog.others)
    assert "Ophthalmology (Women)" not in names(dialog.others), "only clinics that receive men"

    click_item(qtbot, dialog.route, "ECG")
    tap(qtbot, window, "route_remove")
    assert "ECG" in names(dialog.others)
    click_item(qtbot, dialog.others, "X-Ray")
    tap(qtbot, window, "route_add")
    assert names(dialog.route)[-1] == "5. X-Ray"
    tap(qtbot, window, "route_up")
    tap(qtbot, window, "route_up")
    click_item(qtbot, dialog.route, "Vital Signs")
    assert not dialog.up.isEnabled()
    tap(qtbot, window, "route_down")
    assert names(dialog.route) == [
        "1. Laboratory",
        "2. Vital Signs",
        "3. X-Ray",
        "4. Ophthalmology",
        "5. Internal Medicine",
    ]
    tap(qtbot, window, "route_save")
    assert admin.exams.male.summary.text() == "Laboratory → Vital Signs → X-Ray → Ophthalmology → Internal Medicine"
    assert route_of(clinic_store, "periodic", "male") == ["vitals", "lab", "ecg", "eyes", "internal"], "not yet saved"

    tap(qtbot, window, "admin_exams_save")
    assert admin.message.text() == "Exam type periodic saved."
    assert route_of(clinic_store, "periodic", "male") == ["lab", "vitals", "xray", "eyes", "internal"]
    assert route_of(clinic_store, "periodic", "female") == ["vitals", "lab", "ecg", "women_eyes", "women_internal"]
    settle(qtbot)
    row = next(r for r in range(admin.exams.list.rowCount()) if admin.exams.list.item(r, 0).text() == "periodic")
    cell = admin.exams.list.item(row, 2)
    assert cell.text() == "Laboratory → Vital Signs → X-Ray → Ophthalmology → Internal Medicine"
    assert cell.toolTip().splitlines() == [
        "1. Laboratory",
        "2. Vital Signs",
        "3. X-Ray",
        "4. Ophthalmology",
        "5. Internal Medicine",
    ]


def test_a_cancelled_route_dialog_changes_nothing(qtbot: QtBot, make_console: ConsoleFactory) -> None:
    window = make_console("boss")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.exams)
    pick_row(admin.exams.list, "travel")
    before = list(admin.exams.female.codes)
    tap(qtbot, window, "admin_exam_route_female_edit")
    click_item(qtbot, admin.exams.female.dialog.route, "Vital Signs")
    tap(qtbot, window, "route_remove")
    tap(qtbot, window, "route_cancel")
    assert admin.exams.female.codes == before
    tap(qtbot, window, "admin_exam_route_female_edit")
    assert len(names(admin.exams.female.dialog.route)) == len(before), "the dialog opens on the form's route again"
    tap(qtbot, window, "route_cancel")


def test_a_new_exam_types_routes_are_chosen_in_arabic_and_refusals_are_in_arabic(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("boss", language="ar")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.exams)
    fill_in(qtbot, admin.exams.code, "driving")
    fill_in(qtbot, admin.exams.name_ar, "رخصة القيادة")
    fill_in(qtbot, admin.exams.name_en, "Driving licence")
    tap(qtbot, window, "admin_exams_save")
    assert admin.message.text() == "نوع الفحص يحتاج مسارًا للرجال أو للنساء أو لكليهما."
    before = ops(clinic_store)

    tap(qtbot, window, "admin_exam_route_male_edit")
    dialog = admin.exams.male.dialog
    assert dialog.title.text() == "مسار الرجال في رخصة القيادة"
    assert names(dialog.route) == [] and "العيون" in names(dialog.others)
    tap(qtbot, window, "route_cancel")
    choose_route(qtbot, window, admin.exams.male, ["العلامات الحيوية", "العيون"])
    assert admin.exams.male.summary.text() == "العلامات الحيوية ← العيون"
    upsert_clinic(
        clinic_store.db,
        SYSTEM,
        code="eyes",
        name_ar="العيون",
        name_en="Ophthalmology",
        room="201",
        gender="female",
        sort_order=5,
    )
    tap(qtbot, window, "admin_exams_save")
    assert admin.message.property("role") == "error"
    assert admin.message.text() == "العيادة العيون لا تستقبل مراجعين من هذا الجنس.", "the core refused, in Arabic"
    assert ops(clinic_store) == before + 1, "only the other admin's change of the clinic"
    assert route_of(clinic_store, "driving", "male") == []


LONG_EN = "Ear, Nose and Throat - Hearing and Balance (Children)"
LONG_AR = "الأنف والأذن والحنجرة - السمع والتوازن للأطفال"


def test_the_clinics_table_shows_whole_names_with_both_names_in_a_tooltip(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    upsert_clinic(
        clinic_store.db,
        SYSTEM,
        code="balance",
        name_ar=LONG_AR,
        name_en=LONG_EN,
        room="401",
        sort_order=99,
    )
    for language in ("en", "ar"):
        window = make_console("boss", language=language)
        table = window.page("admin").clinics.list
        settle(qtbot)
        metrics = table.fontMetrics()
        assert table.rowCount() == 17
        for row in range(table.rowCount()):
            name = table.item(row, 1)
            assert table.columnWidth(1) >= metrics.horizontalAdvance(name.text()), f"{name.text()} is cut off"
            assert name.text() in name.toolTip().splitlines()
        last = table.item(16, 1)
        assert last.toolTip().splitlines() == ([LONG_EN, LONG_AR] if language == "en" else [LONG_AR, LONG_EN])
        window.close()


def type_number(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def test_the_id_format_is_chosen_as_exactly_twelve_digits_and_check_in_follows_it(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    window = make_console("boss")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.settings)
    field = admin.settings.id_format
    assert field.summary.text() == "Digits only: from 5 to 12"
    tap(qtbot, window, "admin_setting_id_format_edit")
    dialog = field.dialog
    assert dialog.between.isChecked() and (dialog.fewest.value(), dialog.most.value()) == (5, 12)

    click(qtbot, dialog.exactly)
    type_number(qtbot, dialog.count, 12)
    assert dialog.exactly.isChecked()
    fill_in(qtbot, dialog.example, "287000000001")
    assert dialog.verdict.text() == "✓ Check-in accepts this ID number."
    fill_in(qtbot, dialog.example, "28700000001")
    assert dialog.verdict.text() == "✗ Check-in refuses this ID number."
    assert dialog.verdict.property("role") == "error"
    fill_in(qtbot, dialog.example, "2870000000012")
    assert dialog.verdict.text() == "✗ Check-in refuses this ID number."
    tap(qtbot, window, "id_format_save")
    assert not dialog.isVisible()
    assert admin.message.text() == "The ID number format is saved."
    with clinic_store.db.read() as session:
        assert setting(session, "id_format") == "[0-9]{12}"
    settle(qtbot)
    assert field.summary.text() == "Digits only: exactly 12"

    at = morning + dt.timedelta(hours=1)
    check_in(clinic_store.db, SYSTEM, id_number="287000000099", gender="male", exam_type="periodic", now=at)
    with pytest.raises(InvalidIdNumber):
        check_in(clinic_store.db, SYSTEM, id_number="28700000098", gender="male", exam_type="periodic", now=at)

    tap(qtbot, window, "admin_setting_id_format_edit")
    assert dialog.exactly.isChecked() and dialog.count.value() == 12, "the saved format opens as it was chosen"
    tap(qtbot, window, "id_format_cancel")


def test_a_sites_own_digits_only_expression_opens_as_a_choice(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    set_setting(clinic_store.db, SYSTEM, "id_format", r"^\d{11}$")
    window = make_console("boss")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.settings)
    assert admin.settings.id_format.summary.text() == "Digits only: exactly 11"
    tap(qtbot, window, "admin_setting_id_format_edit")
    dialog = admin.settings.id_format.dialog
    assert dialog.exactly.isChecked() and dialog.count.value() == 11
    click(qtbot, dialog.between)
    type_number(qtbot, dialog.most, 9)
    assert dialog.verdict.text() == "The fewest digits cannot be more than the most."
    tap(qtbot, window, "id_format_save")
    assert dialog.isVisible()
    type_number(qtbot, dialog.most, 14)
    assert dialog.pattern.text() == "[0-9]{11,14}", "the expression the choice makes, where an advanced one starts"
    tap(qtbot, window, "id_format_save")
    with clinic_store.db.read() as session:
        assert setting(session, "id_format") == "[0-9]{11,14}"


def test_an_advanced_id_format_is_checked_and_refused_in_arabic_when_broken(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("boss", language="ar")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.settings)
    before = ops(clinic_store)
    tap(qtbot, window, "admin_setting_id_format_edit")
    dialog = admin.settings.id_format.dialog
    assert dialog.title.text() == "كيف تُكتب أرقام الهوية في هذا الموقع؟"
    click(qtbot, dialog.advanced)
    fill_in(qtbot, dialog.pattern, "[0-9")
    assert dialog.verdict.text() == "صيغة رقم الهوية ليست تعبيرًا نمطيًا صحيحًا."
    tap(qtbot, window, "id_format_save")
    assert dialog.isVisible(), "nothing saved: the admin corrects it"
    assert ops(clinic_store) == before

    fill_in(qtbot, dialog.pattern, "[A-Z][0-9]{4}")
    fill_in(qtbot, dialog.example, "A1234")
    assert dialog.verdict.text() == "✓ تسجيل الحضور يقبل رقم الهوية هذا."
    fill_in(qtbot, dialog.example, "١٢٣٤٥")
    assert dialog.verdict.text() == "✗ تسجيل الحضور يرفض رقم الهوية هذا."
    tap(qtbot, window, "id_format_save")
    assert admin.message.text() == "حُفظت صيغة رقم الهوية."
    with clinic_store.db.read() as session:
        assert setting(session, "id_format") == "[A-Z][0-9]{4}"
    settle(qtbot)
    assert admin.settings.id_format.summary.text() == "تعبير نمطي: \u2066[A-Z][0-9]{4}\u2069"
