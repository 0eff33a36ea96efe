"""Build the programs, the Debian package and its signature (docs/PACKAGING.md).

    python scripts/package.py all                     build, .deb, sign with a development key
    python scripts/package.py all --gnupghome DIR --key FINGERPRINT    sign with the committee's key
    python scripts/package.py build | deb             one step

The release folder (default dist/release) then holds the .deb, its .sig, the public key
that checks it (committee-signing-key.gpg), SHA256SUMS, and `verify`, the command IT runs
before installing.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.release.deb import build_deb  # noqa: E402
from scripts.release.signing import export_public_key, make_development_key, sign, stop_agent  # noqa: E402
from scripts.release.verify import KEY_FILE  # noqa: E402

BUNDLE = "mmc-mms"


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def make_voice_pack() -> None:
    """The default voice pack into resources/voice, where build.spec takes it from (made
    again only when its words or espeak-ng changed)."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_voice_pack.py"), str(ROOT / "resources" / "voice"), "--if-stale"],
        check=True,
    )


def build(dist: Path, work: Path) -> Path:
    """The default voice pack, then PyInstaller with build.spec: dist/mmc-mms."""
    make_voice_pack()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    shutil.copy2(ROOT / "README.md", dist / BUNDLE / "README.md")
    return dist / BUNDLE


def release(bundle: Path, out: Path, work: Path, gnupghome: Path | None, key: str | None) -> Path:
    """The signed .deb and what IT needs to check it, in `out`."""
    deb = build_deb(bundle, out, project_version(), work)
    development = gnupghome is None or key is None
    if gnupghome is None or key is None:
        gnupghome = work / "development-gnupg"
        if gnupghome.exists():
            shutil.rmtree(gnupghome)
        key = make_development_key(gnupghome)
        print(f"signed with a new DEVELOPMENT key {key} (not the committee's)")
    try:
        sign(gnupghome, key, deb)
        export_public_key(gnupghome, key, out / KEY_FILE)
    finally:
        if development:
            stop_agent(gnupghome)
    verify = out / "verify"
    shutil.copy2(ROOT / "scripts" / "release" / "verify.py", verify)
    verify.chmod(0o755)
    sums = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in (deb, deb.with_name(deb.name + ".sig"))]
    (out / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="package", description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("build", "deb", "all"))
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's and the package's work folder")
    parser.add_argument("--out", type=Path, help="release folder (default DIST/release)")
    parser.add_argument("--gnupghome", type=Path, help="GnuPG home holding the committee's signing key")
    parser.add_argument("--key", help="fingerprint of the signing key in --gnupghome")
    args = parser.parse_args(argv)
    bundle = args.dist / BUNDLE
    if args.step in ("build", "all"):
        bundle = build(args.dist, args.work)
        print(f"built {bundle}")
    if args.step in ("deb", "all"):
        deb = release(bundle, args.out or args.dist / "release", args.work, args.gnupghome, args.key)
        print(f"packaged {deb}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
