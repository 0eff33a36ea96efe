"""Authenticode signatures on the Windows programs from a Linux build machine, with
osslsigncode (on Windows itself: windows/sign.ps1, with signtool). The same build folder
then holds signed mmc*.exe files; an installer made from them is signed the same way."""

from __future__ import annotations

import subprocess
from pathlib import Path


def make_test_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed code-signing certificate and its key, for development and tests;
    releases are signed with the committee's certificate from a public CA."""
    cert, key = folder / "code-signing-cert.pem", folder / "code-signing-key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:3072", "-nodes", "-days", "30",
            "-subj", "/CN=MMC-MMS development code signing",
            "-addext", "extendedKeyUsage=codeSigning",
            "-addext", "keyUsage=digitalSignature",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def sign_pe(program: Path, signed: Path, cert: Path, key: Path, timestamp_url: str | None = None) -> Path:
    """Sign a Windows program (SHA-256); a timestamp server keeps the signature valid
    after the certificate expires (releases use one; tests here have no network)."""
    command = ["osslsigncode", "sign", "-certs", str(cert), "-key", str(key), "-n", "MMC-MMS", "-h", "sha256"]
    if timestamp_url:
        command += ["-ts", timestamp_url]
    subprocess.run([*command, "-in", str(program), "-out", str(signed)], check=True, capture_output=True)
    return signed


def verify_pe(program: Path, ca: Path) -> tuple[bool, str]:
    """(True, report) when the signature is intact and chains to `ca`."""
    run = subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(ca), "-in", str(program)],
        capture_output=True,
        text=True,
        check=False,
    )
    return run.returncode == 0 and "Signature verification: ok" in run.stdout, run.stdout + run.stderr
