"""Run the README's two commands, and CI's, on a brand-new Debian root.

    sudo python3 scripts/clean_debian.py                      Debian 12, then Debian 13
    sudo python3 scripts/clean_debian.py --suite trixie --only ci

What a developer's machine hides (its Python, its libraries, its running PostgreSQL) is
not there: each run starts from a `debootstrap --variant=minbase` root holding only the
distribution's python3, git and ca-certificates, a fresh clone of this repository's HEAD
(`--worktree` adds the uncommitted changes to tracked files), and its own network
namespace, so it cannot reach a service of this machine. Its only way out is a proxy this
script runs, which refuses loopback and this machine's own addresses; the package
indexes this machine uses (its apt sources and apt settings, pip's index settings, the
certificate authorities it trusts) are passed in.

Two scenarios, each on its own copy of the root:
- `readme`: `scripts/demo --headless`, then `scripts/test`, as the README says (no
  PostgreSQL: its tests must skip and say why);
- `ci`: `CI=true bash .ci/run` (PostgreSQL missing: the run installs and starts it).

Prints PASS or FAIL with the time of each command, and what was left running; the logs
stay in the work folder. Needs root, debootstrap (installed with apt-get when missing)
and unshare.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import itertools
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITES = ("bookworm", "trixie")
INCLUDE = "python3,git,ca-certificates"
DEFAULT_MIRROR = "http://deb.debian.org/debian"
DEFAULT_SECURITY = "http://deb.debian.org/debian-security"
PROXY_PORT = 3128
SOURCE = "/src/mmc-mms"
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


@dataclass(frozen=True)
class Step:
    scenario: str
    title: str
    command: str
    ci: bool = False


STEPS = (
    Step("readme", "scripts/demo --headless", "scripts/demo --headless"),
    Step("readme", "scripts/test", "scripts/test"),
    Step("ci", "CI=true bash .ci/run", "bash .ci/run", ci=True),
)


# ---- the host's package-index settings -------------------------------------------------


def host_mirrors() -> tuple[str, str]:
    """The Debian archive and security archive this machine's apt uses."""
    mirror, security = DEFAULT_MIRROR, DEFAULT_SECURITY
    entries: list[tuple[str, str]] = []
    sources = Path("/etc/apt/sources.list.d")
    for path in sorted(sources.glob("*.sources")):
        uri, suites = "", ""
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            key, _, value = line.partition(":")
            if key.strip() == "URIs":
                uri = value.split()[0]
            elif key.strip() == "Suites":
                suites = value
            elif not line.strip() and uri:
                entries.append((uri, suites))
                uri, suites = "", ""
    for path in [Path("/etc/apt/sources.list"), *sorted(sources.glob("*.list"))]:
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                words = [w for w in line.split() if not w.startswith("[")]
                if len(words) >= 3 and words[0] == "deb":
                    entries.append((words[1], words[2]))
    for uri, suites in entries:
        if "debian-security" in uri or "-security" in suites:
            security = uri
        elif "/debian" in uri:
            mirror = uri
    return mirror.rstrip("/"), security.rstrip("/")


def apt_settings() -> list[Path]:
    """This machine's apt settings about fetching indexes (Acquire::...), nothing else."""
    folder = Path("/etc/apt/apt.conf.d")
    return [p for p in sorted(folder.iterdir()) if p.is_file() and "Acquire::" in p.read_text(errors="replace")]


def pip_settings() -> dict[str, str]:
    """pip's network settings from this machine's environment and configuration; local
    folders (find-links, file:// indexes, constraints) are this machine's and stay out."""
    found: dict[str, str] = {}
    listing = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, check=False
    ).stdout
    for line in listing.splitlines():
        key, _, value = line.partition("=")
        name = key.rsplit(".", 1)[-1]
        value = value.strip().strip("'\"")
        if name in ("index-url", "extra-index-url", "trusted-host", "default-timeout"):
            kept = [v for v in value.split() if name in ("trusted-host", "default-timeout") or v.startswith("http")]
            if kept:
                found["PIP_" + name.upper().replace("-", "_")] = " ".join(kept)
    return found


def local_authorities() -> list[Path]:
    return sorted(Path("/usr/local/share/ca-certificates").glob("**/*.crt"))


# ---- the base root ---------------------------------------------------------------------


def run(command: list[str], **kwargs: object) -> None:
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]


def ensure_tools() -> None:
    if os.geteuid() != 0:
        sys.exit("clean_debian.py builds a root file system and a network namespace: run it as root.")
    if shutil.which("debootstrap") is None:
        print("installing debootstrap", flush=True)
        run(["apt-get", "install", "-y", "--no-install-recommends", "debootstrap"], env=apt_env())
    if shutil.which("unshare") is None:
        sys.exit("unshare (util-linux) is needed.")


def apt_env() -> dict[str, str]:
    return dict(os.environ, DEBIAN_FRONTEND="noninteractive")


def build_base(suite: str, base: Path, rebuild: bool) -> Path:
    """A minbase root of `suite` with python3, git and ca-certificates, made once."""
    done = base / ".mmc-base-ready"
    if done.is_file() and not rebuild:
        return base
    if base.exists():
        shutil.rmtree(base)
    mirror, security = host_mirrors()
    log = base.with_name(f"{base.name}.log")
    print(f"debootstrap {suite} from {mirror} into {base} (log: {log})", flush=True)
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as output:
        run(
            ["debootstrap", "--variant=minbase", f"--include={INCLUDE}", suite, str(base), mirror],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    sources = base / "etc/apt/sources.list.d/debian.sources"
    sources.parent.mkdir(parents=True, exist_ok=True)
    sources.write_text(
        f"Types: deb\nURIs: {mirror}\nSuites: {suite} {suite}-updates\nComponents: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
        f"Types: deb\nURIs: {security}\nSuites: {suite}-security\nComponents: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n",
        encoding="utf-8",
    )
    (base / "etc/apt/sources.list").unlink(missing_ok=True)
    for setting in apt_settings():
        shutil.copy2(setting, base / "etc/apt/apt.conf.d" / setting.name)
    authorities = local_authorities()
    for authority in authorities:
        target = base / "usr/local/share/ca-certificates" / authority.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(authority, target)
    if authorities:
        run(["chroot", str(base), "update-ca-certificates"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    (base / "etc/hosts").write_text("127.0.0.1 localhost\n::1 localhost ip6-localhost\n", encoding="utf-8")
    (base / "etc/resolv.conf").write_text("", encoding="utf-8")
    run(["chroot", str(base), "apt-get", "clean"])
    done.write_text(suite, encoding="utf-8")
    print(f"base {suite} ready in {time.monotonic() - started:.0f} s", flush=True)
    return base


def fresh_root(base: Path, target: Path, worktree: bool) -> Path:
    if target.exists():
        shutil.rmtree(target)
    run(["cp", "-a", str(base), str(target)])
    commit = "HEAD"
    if worktree:
        stashed = subprocess.run(
            ["git", "-C", str(ROOT), "stash", "create"], capture_output=True, text=True, check=True
        ).stdout.strip()
        commit = stashed or "HEAD"
    source = target / SOURCE.lstrip("/")
    source.parent.mkdir(parents=True, exist_ok=True)
    run(["git", "clone", "--quiet", "--no-local", "--no-checkout", str(ROOT), str(source)])
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", commit], capture_output=True, text=True, check=True
    ).stdout.strip()
    run(["git", "-C", str(source), "fetch", "--quiet", str(ROOT), sha])
    run(["git", "-C", str(source), "checkout", "--quiet", "--detach", sha])
    print(f"fresh root {target.name}: commit {sha[:12]}{' (with the uncommitted changes)' if commit != 'HEAD' else ''}")
    return target


# ---- the way out: a proxy that refuses this machine -----------------------------------


def own_addresses() -> set[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    found: set[ipaddress.IPv4Address | ipaddress.IPv6Address] = set()
    listing = subprocess.run(["ip", "-o", "addr"], capture_output=True, text=True, check=False).stdout
    for line in listing.splitlines():
        words = line.split()
        for key, value in itertools.pairwise(words):
            if key in ("inet", "inet6"):
                found.add(ipaddress.ip_address(value.split("/")[0]))
    return found


class Refusal(Exception):
    pass


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError, OSError):
        while chunk := await reader.read(65536):
            writer.write(chunk)
            await writer.drain()
    with contextlib.suppress(ConnectionError, OSError, RuntimeError):
        if writer.can_write_eof():
            writer.write_eof()


async def _splice(
    a: tuple[asyncio.StreamReader, asyncio.StreamWriter], b: tuple[asyncio.StreamReader, asyncio.StreamWriter]
) -> None:
    await asyncio.gather(_pump(a[0], b[1]), _pump(b[0], a[1]))
    for writer in (a[1], b[1]):
        writer.close()


class EgressProxy:
    """An HTTP proxy (CONNECT for https, absolute-URI GET for http) on a Unix socket,
    that connects only to ports 80 and 443 of addresses that are not this machine's."""

    def __init__(self) -> None:
        self.refused = own_addresses()
        self.log: list[str] = []

    async def _open(self, host: str, port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if port not in (80, 443):
            raise Refusal(f"port {port}")
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        for *_, address in infos:
            ip = ipaddress.ip_address(address[0])
            if ip.is_loopback or ip.is_unspecified or ip.is_link_local or ip in self.refused:
                raise Refusal(f"{host} is this machine ({ip})")
        return await asyncio.open_connection(host, port)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = lines[0].split(" ", 2)
            if method == "CONNECT":
                host, _, port = target.rpartition(":")
                upstream = await self._open(host.strip("[]"), int(port))
                writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                await writer.drain()
            else:
                scheme, _, rest = target.partition("://")
                if scheme != "http":
                    raise Refusal(f"scheme {scheme}")
                authority, slash, path = rest.partition("/")
                host, _, port = authority.partition(":")
                upstream = await self._open(host, int(port or 80))
                headers = [
                    line
                    for line in lines[1:]
                    if line and not line.lower().startswith(("proxy-", "connection:", "keep-alive:"))
                ]
                request = [f"{method} {slash}{path} {version}", *headers, "Connection: close", "", ""]
                upstream[1].write("\r\n".join(request).encode("latin-1"))
            self.log.append(f"{method} {target}")
            await _splice((reader, writer), upstream)
        except Refusal as refusal:
            self.log.append(f"REFUSED {refusal}")
            writer.write(f"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n# {refusal}".encode())
            writer.close()
        except (OSError, ValueError, asyncio.IncompleteReadError) as error:
            with contextlib.suppress(OSError):
                writer.write(f"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n# {error}".encode())
                writer.close()


async def _serve_proxy(path: Path, ready: asyncio.Event, stop: asyncio.Event, proxy: EgressProxy) -> None:
    server = await asyncio.start_unix_server(proxy.handle, path=str(path))
    ready.set()
    async with server:
        await stop.wait()


async def _forward(listen_port: int, path: str) -> None:
    """Inside the namespace: 127.0.0.1:PORT to the proxy's Unix socket outside it."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream = await asyncio.open_unix_connection(path)
        except OSError:
            writer.close()
            return
        await _splice((reader, writer), upstream)

    server = await asyncio.start_server(handle, "127.0.0.1", listen_port)
    async with server:
        await server.serve_forever()


# ---- running a step inside the root ----------------------------------------------------


INSIDE = r"""
set -eu
ip link set lo up
mount --make-rprivate /
mount -t proc proc "$R/proc"
mount --rbind /dev "$R/dev"
mount -t tmpfs -o mode=1777 tmpfs "$R/dev/shm"
mount -t tmpfs tmpfs "$R/run"
mount --rbind -o ro /sys "$R/sys" 2>/dev/null || true
"$HOST_PYTHON" "$SCRIPT" forward --port "$PORT" --socket "$SOCK" &
forwarder=$!
for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
set +e
chroot "$R" /usr/bin/env -i /bin/bash -c ". /etc/mmc-clean-env && cd $SOURCE && $COMMAND" </dev/null
code=$?
init=$(tr "\0\n" "  " < /proc/1/cmdline)
left_running() {
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    { [ "$p" = 1 ] || [ "$p" = "$forwarder" ] || [ "$p" = "$BASHPID" ]; } && continue
    c=$({ tr "\0\n" "  " < "$d/cmdline"; } 2>/dev/null) || continue
    { [ -z "$c" ] || [ "$c" = "$init" ]; } && continue
    case "$c" in "grep "* | "tr "* | "sleep "*) continue ;; esac
    echo "$p $c"
  done
}
# What ends with the command (a forkserver noticing its parent is gone) gets 10 s to end.
for _ in $(seq 1 10); do
  left_running | grep -q -v "postgres" || break
  sleep 1
done
echo "== left running in the namespace:"
left_running | grep . || echo "(nothing)"
exit $code
"""


def chroot_env(ci: bool) -> dict[str, str]:
    proxy = f"http://127.0.0.1:{PROXY_PORT}"
    env = {
        "HOME": "/root",
        "PATH": PATH,
        "LANG": "C.UTF-8",
        "TERM": "dumb",
        "http_proxy": proxy,
        "https_proxy": proxy,
        "HTTP_PROXY": proxy,
        "HTTPS_PROXY": proxy,
        "no_proxy": "127.0.0.1,localhost,::1",
        "NO_PROXY": "127.0.0.1,localhost,::1",
        **pip_settings(),
    }
    for name in ("PIP_CERT", "PIP_DEFAULT_TIMEOUT"):
        if name in os.environ and (name != "PIP_CERT" or os.environ[name].startswith("/etc/ssl/")):
            env[name] = os.environ[name]
    if ci:
        env["CI"] = "true"
    return env


def run_step(root: Path, step: Step, log: Path, socket_path: Path) -> tuple[int, float, list[str]]:
    env = dict(
        os.environ,
        R=str(root),
        HOST_PYTHON=sys.executable,
        SCRIPT=str(Path(__file__).resolve()),
        PORT=str(PROXY_PORT),
        SOCK=str(socket_path),
        SOURCE=SOURCE,
        COMMAND=step.command,
    )
    settings = "".join(f"export {name}={shlex.quote(value)}\n" for name, value in chroot_env(step.ci).items())
    (root / "etc/mmc-clean-env").write_text(settings, encoding="utf-8")
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        out.write(f"$ {step.title}\n")
        out.flush()
        code = subprocess.run(
            ["unshare", "--mount", "--net", "--pid", "--fork", "--mount-proc", "bash", "-c", INSIDE],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        ).returncode
    elapsed = time.monotonic() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    left = text.rpartition("== left running in the namespace:\n")[2].strip().splitlines()
    return code, elapsed, [line.strip() for line in left if line != "(nothing)"]


def summary_line(text: str) -> str:
    """pytest's last line, or the demo's verdict."""
    for line in reversed(text.splitlines()):
        if any(word in line for word in (" passed", " failed", " error")):
            return line.strip("= ").strip()
        if "converged" in line or "DISAGREE" in line:
            return line.split(":")[0]
    return ""


async def check_suite(args: argparse.Namespace, suite: str, proxy: EgressProxy, socket_path: Path) -> bool:
    work = Path(args.work)
    base = build_base(suite, work / f"base-{suite}", args.rebuild_base)
    everything_passed = True
    scenarios = [s for s in ("readme", "ci") if args.only in (None, s)]
    for scenario in scenarios:
        root = await asyncio.to_thread(fresh_root, base, work / f"{suite}-{scenario}", args.worktree)
        for number, step in enumerate([s for s in STEPS if s.scenario == scenario]):
            log = work / f"{suite}-{scenario}-{number + 1}.log"
            code, elapsed, left = await asyncio.to_thread(run_step, root, step, log, socket_path)
            verdict = "PASS" if code == 0 else "FAIL"
            everything_passed &= code == 0
            detail = summary_line(log.read_text(encoding="utf-8", errors="replace"))
            print(f"{verdict}  Debian {suite:<8}  {step.title:<26} {elapsed:7.1f} s  {detail}", flush=True)
            service = [line for line in left if "postgres" in line]
            others = [line for line in left if line not in service]
            if service:
                print(f"      left running: PostgreSQL, which the run started ({len(service)} processes)", flush=True)
            if others:
                print(f"      LEFT RUNNING: {'; '.join(others)}", flush=True)
                everything_passed = False
            if code != 0:
                print(f"      log: {log}", flush=True)
    return everything_passed


async def main_async(args: argparse.Namespace) -> int:
    ensure_tools()
    Path(args.work).mkdir(parents=True, exist_ok=True)
    proxy = EgressProxy()
    with tempfile.TemporaryDirectory(prefix="mmc-egress-") as folder:
        socket_path = Path(folder) / "proxy.sock"
        ready, stop = asyncio.Event(), asyncio.Event()
        serving = asyncio.create_task(_serve_proxy(socket_path, ready, stop, proxy))
        await ready.wait()
        os.chmod(folder, 0o755)
        results = [await check_suite(args, suite, proxy, socket_path) for suite in args.suite or SUITES]
        stop.set()
        await serving
    refused = [line for line in proxy.log if line.startswith("REFUSED")]
    if refused:
        print(f"the proxy refused {len(refused)} connections to this machine: {', '.join(sorted(set(refused)))}")
    print("PASS" if all(results) else "FAIL")
    return 0 if all(results) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="clean_debian.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode")
    forward = sub.add_parser("forward", help=argparse.SUPPRESS)
    forward.add_argument("--port", type=int, required=True)
    forward.add_argument("--socket", required=True)
    parser.add_argument(
        "--suite", action="append", choices=SUITES, help="bookworm (12) or trixie (13); both by default"
    )
    parser.add_argument("--only", choices=("readme", "ci"), help="one scenario (both by default)")
    parser.add_argument("--work", default="/var/tmp/mmc-clean-debian", help="roots and logs (default %(default)s)")
    parser.add_argument("--rebuild-base", action="store_true", help="debootstrap again instead of reusing the base")
    parser.add_argument("--worktree", action="store_true", help="add the uncommitted changes to tracked files")
    args = parser.parse_args(argv)
    if args.mode == "forward":
        asyncio.run(_forward(args.port, args.socket))
        return 0
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
