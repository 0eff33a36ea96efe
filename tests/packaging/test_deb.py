"""The installer as IT gets it: build the programs with build.spec, package and sign the
.deb, unpack it into a scratch root, and start every program from there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from core.version import build_info
from scripts.release.icu_data import can_shrink
from scripts.release.system_libs import debian_owners
from sync.server.run import free_port

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ("mmc", "mmc-kiosk", "mmc-staffdesk", "mmc-display", "mmc-server")
WINDOWS = ("mmc-kiosk", "mmc-staffdesk", "mmc-display")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="builds a .deb: needs Debian's dpkg-deb"),
]


def run_step(*command: str | Path) -> None:
    """Run one step of the release; when it fails, the failure shows what it printed."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        printed = "\n".join((result.stdout + result.stderr).splitlines()[-80:])
        pytest.fail(f"{' '.join(map(str, command))} exited with {result.returncode}:\n{printed}", pytrace=False)


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    package = ROOT / "scripts" / "package.py"
    run_step(sys.executable, package, "all", "--dist", folder / "dist", "--work", folder / "work")
    return folder / "dist" / "release"


@pytest.fixture(scope="module")
def installed(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb unpacked into a scratch root, as dpkg would lay it out."""
    root = tmp_path_factory.mktemp("root")
    (deb,) = release.glob("*.deb")
    run_step("dpkg-deb", "-x", deb, root)
    return root


def station_env(tmp: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        MMC_DATA_DIR=str(tmp / "data"),
        MMC_LOG_DIR=str(tmp / "logs"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )


def test_the_package_lays_out_programs_launchers_and_units(release: Path, installed: Path) -> None:
    (deb,) = release.glob("*.deb")
    info = subprocess.run(
        ["dpkg-deb", "-f", deb, "Package", "Version", "Depends"], capture_output=True, text=True, check=False
    )
    assert f"Version: {build_info().version}" in info.stdout
    depends = info.stdout.split("Depends:")[1]
    for needed in ("libpq5", "tzdata", "libglib2.0-0", "libpulse0", "libxcb-icccm4"):
        assert needed in depends
    for program in PROGRAMS:
        assert (installed / "opt/mmc-mms" / program).stat().st_mode & 0o111
        launcher = (installed / "usr/bin" / program).read_text()
        assert f"exec /opt/mmc-mms/{program} " in launcher
    server_unit = (installed / "lib/systemd/system/mmc-server.service").read_text()
    assert "ExecStart=/opt/mmc-mms/mmc-server run" in server_unit and "User=mmc" in server_unit
    station_unit = (installed / "lib/systemd/system/mmc-station@.service").read_text()
    assert "/opt/mmc-mms/mmc-%i" in station_unit
    assert (installed / "usr/share/applications/mmc-staffdesk.desktop").is_file()


def test_the_bundle_holds_one_set_of_libraries_without_unused_qt(installed: Path) -> None:
    internal = installed / "opt/mmc-mms/_internal"
    files = [p for p in internal.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert sum(name.startswith("libQt6Core") for name in names) == 1
    for program in PROGRAMS[1:]:
        assert (installed / "opt/mmc-mms" / program).stat().st_size < 3_000_000, "the Python code is in mmc only"
    for unused in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Pdf.so.6", "libavcodec.so.61", "QtTest.abi3.so"):
        assert unused not in names
    assert {"libQt6Charts.so.6", "libQt6Multimedia.so.6", "libQt6TextToSpeech.so.6"} <= names
    icu = internal / "PySide6/Qt/lib/libicudata.so.73"
    if can_shrink():
        assert icu.stat().st_size < 10_000_000, "ICU's data should hold Arabic and English only"
    assert debian_owners(str(p) for p in files if "/lib" in str(p)) == {}
    assert (internal / "translations" / "mmc_ar.qm").is_file()
    assert (internal / "resources" / "sounds" / "chime.wav").is_file()
    assert (internal / "resources" / "voice" / "manifest.json").is_file()


def test_the_packaged_default_voice_pack_is_complete(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [installed / "opt/mmc-mms/mmc", "voice", "check"],
        capture_output=True,
        text=True,
        env=station_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{installed / 'opt/mmc-mms/_internal/resources/voice'}: complete")


def test_every_program_says_its_version_commit_and_build_date(installed: Path, tmp_path: Path) -> None:
    expected = build_info()
    for program in PROGRAMS:
        result = subprocess.run(
            [installed / "opt/mmc-mms" / program, "--version"],
            capture_output=True,
            text=True,
            env=station_env(tmp_path),
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        line = result.stdout.strip()
        assert line.startswith(f"{program} (MMC-MMS) {expected.version}, commit {expected.commit.split('+')[0]}")
        assert ", built 20" in line


@pytest.mark.parametrize("program", WINDOWS)
def test_every_window_opens_offscreen_from_the_package(installed: Path, tmp_path: Path, program: str) -> None:
    result = subprocess.run(
        [installed / "opt/mmc-mms" / program, "--windowed", "--exit-after-shown", "--language", "en"],
        capture_output=True,
        text=True,
        env=station_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "shown" in result.stdout


def test_the_packaged_server_serves_health(installed: Path, tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [installed / "opt/mmc-mms/mmc-server", "run", "--host", "127.0.0.1", "--port", str(port)],
            env=station_env(tmp_path),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "the packaged server did not answer"
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["checks"]["database"] == "ok"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_release_is_verified_and_a_tampered_copy_refused(release: Path, tmp_path: Path) -> None:
    (deb,) = release.glob("*.deb")
    verify = release / "verify"
    good = subprocess.run([verify, deb], capture_output=True, text=True, check=False)
    assert good.returncode == 0 and good.stdout.startswith("OK:"), good.stderr
    copy = tmp_path / deb.name
    shutil.copy(deb, copy)
    shutil.copy(deb.with_name(deb.name + ".sig"), tmp_path)
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0x01
    copy.write_bytes(bytes(data))
    bad = subprocess.run(
        [verify, copy, "--key", release / "committee-signing-key.gpg"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1 and "REFUSED" in bad.stderr
    sums = (release / "SHA256SUMS").read_text()
    assert deb.name in sums
