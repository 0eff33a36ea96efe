"""An admin at a staff console asks the server for a one-time enrollment code: checked
against the server's own accounts, refused to anyone else, audited either way."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.schema import AuditEntry
from sync.client import enroll_device
from sync.link import Refused, ServerLink
from sync.protocol import CodeRequest
from tests.sync.conftest import Site


@pytest.mark.anyio
async def test_an_admin_at_a_console_gets_a_code_that_enrolls_a_new_device(site: Site) -> None:
    console = await site.device("c", "staff")
    answer = await console.link.enrollment_code(CodeRequest(username="boss", password="boss-pass-1", hours=2))
    assert len(answer.code) == 20 and answer.expires_at > answer.server_time
    newcomer = site.store("new-kiosk", "kiosk")
    link = ServerLink(site.url)
    try:
        station = await enroll_device(newcomer, link, code=answer.code, name="hall kiosk")
    finally:
        await link.aclose()
        newcomer.close()
    assert station.startswith("K")
    with site.db.read() as session:
        audited = session.execute(
            select(AuditEntry.actor, AuditEntry.action, AuditEntry.outcome).where(
                AuditEntry.action == "enrollment_code"
            )
        ).all()
    assert [tuple(row) for row in audited] == [("boss", "enrollment_code", "ok")]


@pytest.mark.anyio
async def test_a_code_is_refused_to_a_wrong_password_a_non_admin_and_a_kiosk(site: Site) -> None:
    console = await site.device("c", "staff")
    kiosk = await site.device("k", "kiosk")
    with pytest.raises(Refused) as wrong:
        await console.link.enrollment_code(CodeRequest(username="boss", password="not-it"))
    assert (wrong.value.status, wrong.value.code) == (401, "bad_credentials")
    with pytest.raises(Refused) as nurse:
        await console.link.enrollment_code(CodeRequest(username="nurse", password="nurse-pass-1"))
    assert (nurse.value.status, nurse.value.code) == (403, "permission_denied")
    with pytest.raises(Refused) as from_kiosk:
        await kiosk.link.enrollment_code(CodeRequest(username="boss", password="boss-pass-1"))
    assert (from_kiosk.value.status, from_kiosk.value.code) == (403, "permission_denied")
    with site.db.read() as session:
        outcomes = session.scalars(
            select(AuditEntry.outcome).where(AuditEntry.action.in_(("enrollment_code", "log_in")))
        ).all()
    assert outcomes.count("refused") >= 2
