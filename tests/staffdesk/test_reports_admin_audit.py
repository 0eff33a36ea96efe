"""Reports exported to CSV and PDF; the admin screens (bad input refused in the admin's
language, nothing saved); the audit log with filters; the dashboard's figures."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from core.permissions import Actor
from core.schema import Clinic, ExamRouteStep, OpRecord, User
from core.services.catalog import exit_code_matches, load_catalog
from core.services.queue import call_next, complete
from core.settings import setting
from core.store import Store
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import ConsoleFactory, fill_in, log_in
from tests.staffdesk.test_admin_routes_and_id_format import choose_route


def serve_two(store: Store, morning: dt.datetime) -> None:
    nurse = Actor("nurse", "staff")
    for minutes in (10, 20):
        at = morning + dt.timedelta(minutes=minutes)
        called = call_next(store.db, nurse, clinic="vitals", now=at)
        complete(store.db, nurse, ticket_id=called.ticket_id, now=at + dt.timedelta(minutes=3))


def test_the_dashboard_shows_every_clinic_with_its_figures_and_charts(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    serve_two(clinic_store, morning)
    window = make_console("chief")
    page = window.page("dashboard")
    assert page.grid.rowCount() == 16
    assert [page.grid.item(0, c).text() for c in range(6)] == ["Vital Signs", "1", "0", "0", "2", "0"]
    assert page.grid.item(0, 7).text() == "28"
    assert "Waiting 3" in page.totals.text(), "one at Vital Signs, and the two served there now at the Laboratory"
    assert page.by_clinic.chart().title() == "Waiting and served, busiest clinics"
    hours = page.per_hour.chart().series()[0].barSets()[0]
    assert [hours.at(i) for i in range(hours.count())] == [2.0]


def test_a_report_exports_to_valid_csv_and_pdf_files(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime, tmp_path: Path
) -> None:
    serve_two(clinic_store, morning)
    window = make_console("chief", language="ar")
    page = window.page("reports")
    page.ask_path = lambda _page, suffix: tmp_path / f"report.{suffix}"
    page.period.setCurrentIndex(page.period.findData("weekly"))
    page.day.setDate(morning.date())
    tap(qtbot, window, "reports_show")
    assert page.title.text() == "تقرير أسبوعي، من 2026-11-22 إلى 2026-11-28"
    tap(qtbot, window, "reports_csv")
    with (tmp_path / "report.csv").open(encoding="utf-8-sig") as saved:
        rows = list(csv.reader(saved))
    assert rows[0] == [page.title.text()]
    assert rows[1][:3] == ["العيادة", "التذاكر", "تمت خدمته"]
    assert rows[2][:3] == ["العلامات الحيوية", "3", "2"]
    assert ["فحص التجنيد", "3", "0", "0"] in rows
    tap(qtbot, window, "reports_pdf")
    assert "report.pdf" in page.message.text()
    pdf = QPdfDocument()
    assert pdf.load(str(tmp_path / "report.pdf")) == QPdfDocument.Error.None_
    text = "\n".join(pdf.getAllText(n).text() for n in range(pdf.pageCount()))
    assert "تقرير أسبوعي" in text
    assert "العلامات الحيوية 3 2 0 0" in text
    assert "التذاكر والمخدومون لكل عيادة" in text and "الزيارات لكل نوع فحص" in text
    assert "فحص التجنيد" in text


def test_a_report_that_cannot_be_written_is_explained(
    qtbot: QtBot, make_console: ConsoleFactory, tmp_path: Path
) -> None:
    window = make_console("chief")
    page = window.page("reports")
    page.ask_path = lambda _page, suffix: tmp_path / "no-such-folder" / f"report.{suffix}"
    tap(qtbot, window, "reports_csv")
    assert page.message.property("role") == "error"
    assert page.message.text().startswith("The report could not be saved")


def _count(store: Store, model: type) -> int:
    with store.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_admin_forms_refuse_bad_input_in_the_admins_language_and_save_nothing(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("boss", language="ar")
    admin = window.page("admin")
    ops_before = _count(clinic_store, OpRecord)
    fill_in(qtbot, admin.clinics.code, "Bad Code")
    fill_in(qtbot, admin.clinics.name_ar, "عيادة")
    fill_in(qtbot, admin.clinics.name_en, "Clinic")
    tap(qtbot, window, "admin_clinics_save")
    assert admin.message.property("role") == "error"
    assert admin.message.text().startswith("الرمز حروف إنجليزية صغيرة")
    admin.tabs.setCurrentWidget(admin.users)
    fill_in(qtbot, admin.users.username, "new.nurse")
    fill_in(qtbot, admin.users.password, "short")
    tap(qtbot, window, "admin_users_save")
    assert admin.message.text() == "كلمة المرور تحتاج 8 أحرف على الأقل."
    admin.tabs.setCurrentWidget(admin.exams)
    fill_in(qtbot, admin.exams.code, "driving")
    fill_in(qtbot, admin.exams.name_ar, "رخصة القيادة")
    fill_in(qtbot, admin.exams.name_en, "Driving licence")
    tap(qtbot, window, "admin_exams_save")
    assert admin.message.text() == "نوع الفحص يحتاج مسارًا للرجال أو للنساء أو لكليهما."
    admin.tabs.setCurrentWidget(admin.settings)
    fill_in(qtbot, admin.settings.edits["kiosk_idle_s"], "soon")
    tap(qtbot, window, "admin_settings_save")
    assert admin.message.text().startswith("هذا الإعداد عدد صحيح")
    assert _count(clinic_store, OpRecord) == ops_before
    assert admin.settings.edits["site_name"].text() == "Medical Examination Committee"


def test_admin_forms_save_a_clinic_an_exam_type_a_user_and_settings(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("boss")
    admin = window.page("admin")
    fill_in(qtbot, admin.clinics.code, "hearing")
    fill_in(qtbot, admin.clinics.name_ar, "السمع")
    fill_in(qtbot, admin.clinics.name_en, "Hearing")
    fill_in(qtbot, admin.clinics.room, "110")
    admin.clinics.interval.setValue(120)
    admin.clinics.no_console.setChecked(True)
    tap(qtbot, window, "admin_clinics_save")
    assert admin.message.text() == "Clinic hearing saved."
    with clinic_store.db.read() as session:
        clinic = session.get(Clinic, "hearing")
        assert clinic is not None and (clinic.room, clinic.call_interval_s) == ("110", 120)
        assert setting(session, "clinics_without_console") == ["hearing"]
    settle(qtbot)
    admin.clinics.list.setCurrentCell(2, 0)
    assert not admin.clinics.no_console.isChecked()
    hearing = next(r for r in range(admin.clinics.list.rowCount()) if admin.clinics.list.item(r, 0).text() == "hearing")
    admin.clinics.list.setCurrentCell(hearing, 0)
    assert admin.clinics.no_console.isChecked()
    admin.clinics.no_console.setChecked(False)
    tap(qtbot, window, "admin_clinics_save")
    with clinic_store.db.read() as session:
        assert setting(session, "clinics_without_console") == []
    admin.tabs.setCurrentWidget(admin.exams)
    fill_in(qtbot, admin.exams.code, "driving")
    fill_in(qtbot, admin.exams.name_ar, "رخصة القيادة")
    fill_in(qtbot, admin.exams.name_en, "Driving licence")
    choose_route(qtbot, window, admin.exams.male, ["Vital Signs", "Ophthalmology", "Hearing"])
    choose_route(qtbot, window, admin.exams.female, ["Vital Signs", "Ophthalmology (Women)"])
    tap(qtbot, window, "admin_exams_save")
    with clinic_store.db.read() as session:
        steps = session.execute(
            select(ExamRouteStep.gender, ExamRouteStep.clinic)
            .where(ExamRouteStep.exam_type == "driving")
            .order_by(ExamRouteStep.gender, ExamRouteStep.position)
        ).all()
    assert [tuple(s) for s in steps] == [
        ("female", "vitals"),
        ("female", "women_eyes"),
        ("male", "vitals"),
        ("male", "eyes"),
        ("male", "hearing"),
    ]
    admin.tabs.setCurrentWidget(admin.users)
    fill_in(qtbot, admin.users.username, "new.nurse")
    fill_in(qtbot, admin.users.password, "a-good-password")
    tap(qtbot, window, "admin_users_save")
    assert _count(clinic_store, User) == 4
    admin.tabs.setCurrentWidget(admin.settings)
    fill_in(qtbot, admin.settings.exit_code, "12")
    tap(qtbot, window, "admin_settings_save")
    assert admin.message.text() == "The kiosk exit code has 4 to 8 digits."
    fill_in(qtbot, admin.settings.edits["site_name"], "Doha committee")
    fill_in(qtbot, admin.settings.edits["site_name_ar"], "لجنة الدوحة")
    fill_in(qtbot, admin.settings.exit_code, "٩٣٥١٧")
    tap(qtbot, window, "admin_settings_save")
    assert admin.message.text() == "3 settings saved."
    assert admin.settings.exit_code.text() == ""
    settings = load_catalog(clinic_store.db).settings
    assert exit_code_matches(settings, "93517") and not exit_code_matches(settings, "2468")
    tap(qtbot, window, "staff_switch_user")
    assert window.login.site.text() == "Doha committee"
    tap(qtbot, window, "login_arabic")
    assert window.login.site.text() == "لجنة الدوحة", "the site's own Arabic name"
    tap(qtbot, window, "login_english")
    log_in(qtbot, window, "new.nurse", "a-good-password")
    assert window.desk.user is not None and window.desk.user.role == "staff"


def test_picking_a_row_fills_the_form_for_a_change(qtbot: QtBot, make_console: ConsoleFactory) -> None:
    window = make_console("boss")
    admin = window.page("admin")
    admin.clinics.list.setCurrentCell(1, 0)
    assert admin.clinics.code.text() == "lab" and admin.clinics.name_en.text() == "Laboratory"
    assert isinstance(admin.clinics.room, QLineEdit) and admin.clinics.room.text() == "102"


def test_the_audit_log_filters_by_user_action_and_outcome(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    nurse = make_console("nurse")
    tap(qtbot, nurse, "queue_call_next")
    tap(qtbot, nurse, "queue_start")
    chief = make_console("chief")
    audit = chief.page("audit")
    fill_in(qtbot, audit.who, "nurse")
    tap(qtbot, chief, "audit_apply")
    actions = [audit.entries.item(r, 2).text() for r in range(audit.entries.rowCount())]
    assert actions == ["Start", "Call next", "Log in"]
    audit.outcome.setCurrentIndex(audit.outcome.findData("ok"))
    fill_in(qtbot, audit.action, "call_next")
    tap(qtbot, chief, "audit_apply")
    assert audit.entries.rowCount() == 1
    assert audit.entries.item(0, 3).text() == "Vital Signs 1", "clinics by name"
    fill_in(qtbot, audit.who, "")
    fill_in(qtbot, audit.action, "log_in")
    audit.outcome.setCurrentIndex(audit.outcome.findData("refused"))
    tap(qtbot, chief, "audit_apply")
    assert audit.entries.rowCount() == 0
    assert audit.message.text() == "0 entries (newest first)"
