"""Three kiosks, three consoles and a display, each with its own store and client, 1,200
patients and random network cuts per device: at the end every store and the server hold
the same state, nothing was lost or applied twice, and no number was given twice."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.ops.log import identity
from core.schema import OpRecord
from core.store import Store, open_store
from sync.simulation import Device, SimulatedSite
from tests.sync.conftest import Site

pytestmark = pytest.mark.slow
PATIENTS = int(os.environ.get("MMC_SIM_PATIENTS", "1200"))


@pytest.mark.anyio
async def test_seven_devices_with_network_cuts_converge(site: Site, migrated_template: Path) -> None:
    def store(folder: Path, kind: str) -> Store:
        folder.mkdir()
        shutil.copyfile(migrated_template, folder / "mmc.sqlite3")
        return open_store(folder, kind=kind)

    simulated = SimulatedSite(site.db, site.url, site.root / "devices", seed=11, cut_chance=0.3, store_factory=store)
    (site.root / "devices").mkdir()
    try:
        await simulated.enroll_all()
        outcome = await simulated.run(PATIENTS, rounds=40)
    finally:
        await simulated.close()
    assert outcome.devices == 7 and outcome.outages >= 10
    assert outcome.visits == PATIENTS
    assert outcome.outboxes_empty, "an op was never answered"
    assert outcome.ops_applied_twice == 0
    assert outcome.duplicate_numbers == 0
    assert outcome.digests_equal, "a device disagrees with the server"
    with site.db.read() as session:
        refused_at_server = session.scalar(
            select(func.count()).select_from(OpRecord).where(OpRecord.outcome == "rejected")
        )
    assert refused_at_server == outcome.refused_ops, "every op the server refused is known to its device"
    for device in simulated.devices:
        with device.store.db.read() as session:
            mine = set(session.scalars(select(OpRecord.op_id).where(OpRecord.device_id == _device_id(device))))
        with site.db.read() as session:
            at_server = set(session.scalars(select(OpRecord.op_id).where(OpRecord.device_id == _device_id(device))))
        assert mine == at_server, f"{device.name}: an op was lost on the way"


def _device_id(device: Device) -> str:
    with device.store.db.read() as session:
        return identity(session).device_id
