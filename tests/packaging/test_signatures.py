"""Signatures IT checks before installing: the OpenPGP signature of a release file (the
`verify` command) and Authenticode on a Windows program (osslsigncode)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scripts.release.authenticode import make_test_certificate, sign_pe, verify_pe
from scripts.release.signing import export_public_key, make_development_key, sign, stop_agent
from scripts.release.verify import KEY_FILE

VERIFY = Path(__file__).resolve().parents[2] / "scripts" / "release" / "verify.py"


def flip_one_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def run_verify(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command as IT runs it: a separate Python, nothing of the product imported."""
    return subprocess.run([sys.executable, "-I", VERIFY, *map(str, args)], capture_output=True, text=True, check=False)


@pytest.fixture
def gnupg_homes(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """GnuPG homes in tmp_path whose agents are stopped after the test."""
    made: list[Path] = []

    def make(name: str) -> Path:
        made.append(tmp_path / name)
        return made[-1]

    yield make
    for home in made:
        stop_agent(home)


@pytest.fixture
def signed_release(tmp_path: Path, gnupg_homes: Callable[[str], Path]) -> Path:
    release = tmp_path / "release"
    release.mkdir()
    installer = release / "mmc-mms_0.1.0_amd64.deb"
    installer.write_bytes(b"!<arch>\n" + bytes(range(256)) * 64)
    home = gnupg_homes("gnupg")
    key = make_development_key(home)
    sign(home, key, installer)
    export_public_key(home, key, release / KEY_FILE)
    return installer


def test_verify_accepts_the_signed_file_and_names_the_key(signed_release: Path) -> None:
    result = run_verify(signed_release)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: mmc-mms_0.1.0_amd64.deb is the committee's release")
    assert "fingerprint" in result.stdout


def test_verify_refuses_a_file_changed_by_one_byte(signed_release: Path) -> None:
    flip_one_byte(signed_release, 5000)
    result = run_verify(signed_release)
    assert result.returncode == 1
    assert "REFUSED" in result.stderr and "changed after it was signed" in result.stderr
    assert "Do not install it" in result.stderr


def test_verify_refuses_a_signature_by_another_key(signed_release: Path, gnupg_homes: Callable[[str], Path]) -> None:
    other_home = gnupg_homes("someone-else")
    other = make_development_key(other_home)
    sign(other_home, other, signed_release)
    result = run_verify(signed_release)
    assert result.returncode == 1
    assert "not signed with the committee's key" in result.stderr


def test_verify_says_what_is_missing(signed_release: Path) -> None:
    signed_release.with_name(signed_release.name + ".sig").unlink()
    result = run_verify(signed_release)
    assert result.returncode == 2
    assert "CANNOT CHECK" in result.stderr and ".sig is not there" in result.stderr


def windows_program() -> Path:
    """A real PE file to sign: the Windows launcher setuptools carries on every system."""
    import setuptools

    found = Path(setuptools.__file__).parent / "cli-64.exe"
    if not found.is_file():
        pytest.skip("no Windows program at hand (setuptools without cli-64.exe)")
    return found


@pytest.mark.skipif(shutil.which("osslsigncode") is None, reason="osslsigncode is not installed")
def test_authenticode_signature_verifies_and_a_tampered_program_fails(tmp_path: Path) -> None:
    cert, key = make_test_certificate(tmp_path)
    program = tmp_path / "mmc-kiosk.exe"
    shutil.copy(windows_program(), program)
    unsigned_ok, _ = verify_pe(program, cert)
    assert not unsigned_ok
    signed = sign_pe(program, tmp_path / "signed.exe", cert, key)
    ok, report = verify_pe(signed, cert)
    assert ok, report
    flip_one_byte(signed, 1000)
    ok, report = verify_pe(signed, cert)
    assert not ok
    assert "MISMATCH" in report
