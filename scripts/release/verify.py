#!/usr/bin/env python3
"""Check an installer's signature against the committee's public key before installing.

    ./verify mmc-mms_0.1.0_amd64.deb                 (key: committee-signing-key.gpg beside it)
    ./verify --key /media/it/committee.gpg FILE      (signature: FILE.sig, or --signature)

Exit status 0 only when FILE is exactly what the committee's key signed; 1 when the
signature does not match (a changed or tampered file, or another key), 2 when something
needed is missing. Needs only Python 3 and gpgv (on every Debian system). This file is
copied beside every release and runs on its own: it imports nothing of the product.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEY_FILE = "committee-signing-key.gpg"


def _status(output: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in output.splitlines():
        if line.startswith("[GNUPG:] "):
            words = line.split()[1:]
            if words:
                found[words[0]] = words[1:]
    return found


def verify(file: Path, signature: Path, key: Path) -> tuple[bool, str]:
    """(True, who signed) or (False, why not), in words for IT."""
    for what, path in (("file", file), ("signature", signature), ("public key", key)):
        if not path.is_file():
            raise FileNotFoundError(f"The {what} {path} is not there.")
    gpgv = shutil.which("gpgv")
    if gpgv is None:
        raise FileNotFoundError("gpgv is not installed (apt install gpgv).")
    with tempfile.TemporaryDirectory() as home:
        run = subprocess.run(
            [gpgv, "--homedir", home, "--status-fd", "1", "--keyring", str(key.resolve()), str(signature), str(file)],
            capture_output=True,
            text=True,
            check=False,
        )
    status = _status(run.stdout)
    if run.returncode == 0 and "VALIDSIG" in status and "GOODSIG" in status:
        fingerprint = status["VALIDSIG"][0]
        signer = " ".join(status["GOODSIG"][1:])
        spaced = " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))
        return True, f"signed by {signer}, key fingerprint {spaced}"
    if "BADSIG" in status:
        return False, "the signature does not match this file: the file was changed after it was signed"
    if "NO_PUBKEY" in status or "ERRSIG" in status:
        return False, "it was not signed with the committee's key (or the signature file is not a signature)"
    return False, "the signature could not be checked: " + (run.stderr.strip() or "unknown reason")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="verify", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="the installer (.deb, .exe, .pkg, .zip)")
    parser.add_argument("--signature", type=Path, help="detached signature (default: FILE.sig)")
    parser.add_argument("--key", type=Path, help=f"the committee's public key (default: {KEY_FILE} beside FILE)")
    args = parser.parse_args(argv)
    signature = args.signature or args.file.with_name(args.file.name + ".sig")
    key = args.key or args.file.with_name(KEY_FILE)
    try:
        good, detail = verify(args.file, signature, key)
    except FileNotFoundError as missing:
        print(f"CANNOT CHECK {args.file.name}: {missing}", file=sys.stderr)
        return 2
    if good:
        print(f"OK: {args.file.name} is the committee's release, {detail}.")
        return 0
    print(
        f"REFUSED: {args.file.name}: {detail}. Do not install it; get the installer again from the committee.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
