"""Signing releases with the committee's OpenPGP key (detached signatures, checked by
verify.py with gpgv), and a throwaway key for development builds and tests.

The real key lives off the build machine's disk (a smartcard or an offline GnuPG home);
the build is pointed at it with --gnupghome and --key."""

from __future__ import annotations

import subprocess
from pathlib import Path

DEV_KEY_NAME = "MMC-MMS development build (not for clinics)"


def _gpg(home: Path, *args: str) -> str:
    return subprocess.run(
        ["gpg", "--homedir", str(home), "--batch", "--yes", "--pinentry-mode", "loopback", *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def make_development_key(home: Path) -> str:
    """A new signing key without a passphrase in `home`; returns its fingerprint."""
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    _gpg(home, "--passphrase", "", "--quick-gen-key", DEV_KEY_NAME, "ed25519", "sign", "never")
    listing = _gpg(home, "--with-colons", "--list-secret-keys", DEV_KEY_NAME)
    return next(line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr:"))


def export_public_key(home: Path, key: str, target: Path) -> Path:
    """The public key as a binary keyring file, the form gpgv reads."""
    target.write_bytes(
        subprocess.run(
            ["gpg", "--homedir", str(home), "--batch", "--export", key], capture_output=True, check=True
        ).stdout
    )
    return target


def sign(home: Path, key: str, file: Path) -> Path:
    """Write FILE.sig, a detached binary signature of FILE by `key`."""
    signature = file.with_name(file.name + ".sig")
    _gpg(home, "--local-user", key, "--detach-sign", "--output", str(signature), str(file))
    return signature


def stop_agent(home: Path) -> None:
    """End the gpg-agent that signing started for `home` (gpg leaves it running)."""
    subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True, check=False)
