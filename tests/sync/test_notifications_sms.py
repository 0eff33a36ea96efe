"""The SMS gateway notifier against a fake gateway on 127.0.0.1: the right number, the
message in the patient's language (Arabic or English, a site's own text where it wrote
one), the request as the gateway's API wants it, and a configuration checked at start."""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from core.services import queue
from core.services.checkin import check_in
from sync.server.notify.plugin import NotificationEvent, NotifierConfigError, PermanentDelivery, RetryableDelivery
from sync.server.notify.sms import SmsGateway
from sync.server.notify.templates import Templates
from sync.server.run import free_port
from tests.sync.test_notifications import Receiver, notifying_site, wait_for

pytestmark = pytest.mark.slow


def sms_config(path: Path, gateway_port: int) -> Path:
    path.write_text(
        f"""
[notifications]
notifiers = ["sms"]
phone_format = "05[0-9]{{8}}"
retry_first_s = 0.2
retry_max_s = 1
poll_s = 0.1

[sms]
url = "http://127.0.0.1:{gateway_port}/api/send?sender=MMC"
fields = {{ to = "{{phone}}", text = "{{message}}", ref = "{{event_id}}", lang = "{{language}}" }}
headers = {{ Authorization = "Bearer token-123" }}
country_code = "+966"

[sms.templates.en]
ticket_issued = "Your number {{ticket}} at {{clinic}}. {{ahead}} ahead."
""",
        encoding="utf-8",
    )
    return path


@pytest.mark.anyio
async def test_the_gateway_gets_each_message_for_the_right_number_in_the_patients_language(tmp_path: Path) -> None:
    gateway = Receiver(free_port()).start()
    try:
        async with notifying_site(tmp_path, sms_config(tmp_path / "notify.toml", gateway.port)) as site:
            arabic = check_in(
                site.kiosk.store.db,
                site.kiosk_actor,
                id_number="28400000001",
                gender="male",
                exam_type="travel",
                phone="0501230001",
                language="ar",
            ).place.label
            english = check_in(
                site.kiosk.store.db,
                site.kiosk_actor,
                id_number="28400000002",
                gender="male",
                exam_type="travel",
                phone="٠٥٠١٢٣٠٠٠٢",
                language="en",
            ).place.label
            await site.kiosk.sync_once()
            await wait_for(lambda: site.server.count("SELECT count(*) FROM notify_events") == 2, what="both queued")
            await site.console.sync_once()
            queue.call_next(site.console.store.db, site.nurse, clinic="vitals", room="7")
            await site.console.sync_once()
            await wait_for(
                lambda: site.server.count("SELECT count(*) FROM notify_deliveries WHERE status = 'delivered'") == 3,
                what="three messages sent",
            )
    finally:
        gateway.stop()
    sent: dict[str, list[dict[str, Any]]] = {}
    for request in gateway.requests:
        assert request.path == "/api/send?sender=MMC"
        assert request.headers["Authorization"] == "Bearer token-123"
        body = request.json()
        assert body["ref"] and body["lang"] in ("ar", "en")
        sent.setdefault(body["to"], []).append(body)
    assert sorted(sent) == ["+966501230001", "+966501230002"]
    issued, called = (body["text"] for body in sent["+966501230001"])
    assert issued == (
        f"لجنة الفحص الطبي: رقمك {arabic} في العلامات الحيوية، غرفة 101. عدد من أمامك: 0. الانتظار المتوقع بالدقائق: 0."
    )
    assert called == f"لجنة الفحص الطبي: حان دورك. الرقم {arabic}، يرجى التوجه الآن إلى العلامات الحيوية، غرفة 7."
    [english_issued] = sent["+966501230002"]
    assert english_issued["text"] == f"Your number {english} at Vital Signs. 1 ahead."
    assert english_issued["lang"] == "en"


def event(language: str = "en", kind: str = "called") -> NotificationEvent:
    return NotificationEvent(
        event_id="01a24000-0000-7000-8000-000000000001",
        kind=kind,  # type: ignore[arg-type]
        occurred_at="2026-12-05T08:00:00.000+00:00",
        visit_id="01a24000-0000-7000-8000-000000000002",
        phone="0501234567",
        language=language,  # type: ignore[arg-type]
        site_name="MMC" if language == "en" else "اللجنة",
        ticket="12",
        clinic="lab",
        clinic_name="Laboratory" if language == "en" else "المختبر",
        room="102",
    )


def test_a_get_gateway_takes_the_fields_in_the_query_and_the_url_encoded() -> None:
    gateway = Receiver(free_port()).start()
    sms = SmsGateway(
        "sms",
        {
            "url": f"http://127.0.0.1:{gateway.port}/send/{{phone}}",
            "method": "GET",
            "fields": {"msg": "{message}", "id": "{event_id}"},
        },
    )
    try:
        sms.deliver(event("ar"))
    finally:
        sms.close()
        gateway.stop()
    [request] = gateway.requests
    path, _, query = request.path.partition("?")
    assert path == "/send/0501234567"
    fields = urllib.parse.parse_qs(query)
    assert fields["msg"] == ["اللجنة: حان دورك. الرقم 12، يرجى التوجه الآن إلى المختبر، غرفة 102."]
    assert fields["id"] == [event().event_id]


def test_a_form_gateway_and_what_its_answers_mean() -> None:
    gateway = Receiver(free_port(), status=400).start()
    sms = SmsGateway(
        "sms", {"url": f"http://127.0.0.1:{gateway.port}/send", "encoding": "form", "fields": {"to": "{phone}"}}
    )
    try:
        with pytest.raises(PermanentDelivery, match="HTTP 400"):
            sms.deliver(event())
        gateway.status = 503
        with pytest.raises(RetryableDelivery, match="HTTP 503"):
            sms.deliver(event())
        gateway.stop()
        with pytest.raises(RetryableDelivery, match="cannot be reached"):
            sms.deliver(event())
    finally:
        sms.close()
        gateway.stop()
    assert gateway.requests[0].body == b"to=0501234567"


@pytest.mark.parametrize(
    ("templates", "named"),
    [
        ({"en": {"called": "{ticket} {ahead}"}}, "en.called uses {ahead}"),
        ({"ar": {"callled": "{ticket}"}}, "ar.callled: no such message"),
        ({"fr": {"called": "{ticket}"}}, "fr: the languages are ar and en"),
        ({"en": {"called": "{ticket:>5}"}}, "is not a plain {name}"),
        ({"en": {"route_complete": "  "}}, "en.route_complete is empty"),
    ],
)
def test_templates_are_checked_when_the_server_starts(templates: dict[str, Any], named: str) -> None:
    with pytest.raises(NotifierConfigError, match=named.replace("{", r"\{").replace("}", r"\}")):
        Templates.from_options("sms.templates", templates)


def test_every_default_message_renders_in_both_languages() -> None:
    templates = Templates.from_options("sms.templates", None)
    for language in ("ar", "en"):
        for kind in ("ticket_issued", "few_ahead", "called", "route_complete"):
            text = templates.render(event(language, kind))
            assert "{" not in text and text.startswith("MMC" if language == "en" else "اللجنة")


def test_a_field_with_a_placeholder_the_request_lacks_is_refused() -> None:
    with pytest.raises(NotifierConfigError, match=r"sms.fields.to: there is no \{mobile\}"):
        SmsGateway("sms", {"url": "http://127.0.0.1:9/send", "fields": {"to": "{mobile}"}})
