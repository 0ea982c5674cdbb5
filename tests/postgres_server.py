"""A throw-away PostgreSQL server on loopback for the test session.

Debian keeps ``initdb`` and ``pg_ctl`` out of ``PATH`` (in ``/usr/lib/postgresql/N/bin``),
and ``initdb`` refuses to run as root, so when the tests run as root (CI does) the cluster
belongs to the ``postgres`` user and every server command runs through ``runuser``. The
server listens on 127.0.0.1 only, on a free port, with trust authentication: nothing but
this machine's own processes can reach it, and it is deleted when the session ends.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PostgresServer", "find_pg_bin", "start_server"]

_SEARCH = ("/usr/lib/postgresql", "/usr/local/pgsql", "/usr/pgsql")
_SUPERUSER = "aegis"


def find_pg_bin() -> Path | None:
    """The folder holding ``pg_ctl`` and ``initdb``: from ``PATH``, else the newest Debian
    or source-install version folder, else ``None``."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    candidates: list[tuple[float, Path]] = []
    for root in map(Path, _SEARCH):
        for pg_ctl in [root / "bin" / "pg_ctl", *root.glob("*/bin/pg_ctl")]:
            if pg_ctl.is_file() and (pg_ctl.parent / "initdb").is_file():
                version = pg_ctl.parent.parent.name
                candidates.append((float(version) if version.isdigit() else 0.0, pg_ctl.parent))
    return max(candidates)[1] if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """A running cluster: its folder, port and the commands that act on it."""

    bin_dir: Path
    root: Path
    port: int
    run_as: str | None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://{_SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _command(self, *arguments: str) -> list[str]:
        prefix = ["runuser", "-u", self.run_as, "--"] if self.run_as else []
        return [*prefix, *arguments]

    def pg_ctl(self, *arguments: str, timeout: float = 60) -> None:
        subprocess.run(
            self._command(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), *arguments),
            check=True,
            capture_output=True,
            timeout=timeout,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c max_connections=200 -c fsync=off -c full_page_writes=off"
        )
        self.pg_ctl("-w", "-l", str(self.root / "server.log"), "-o", options, "start")

    def restart(self, mode: str = "fast") -> None:
        """``pg_ctl restart -m fast``: every session is ended, the server comes back."""
        self.pg_ctl("-w", "-m", mode, "stop")
        self.start()

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self.pg_ctl("-w", "-m", "immediate", "stop", timeout=30)
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = (self.root / "server.log").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def start_server(bin_dir: Path) -> PostgresServer:
    """Create a cluster in a new temporary folder and start it; the caller stops it."""
    root = Path(tempfile.mkdtemp(prefix="aegis-pg-"))
    run_as: str | None = None
    if os.geteuid() == 0:
        run_as = "postgres"
        account = pwd.getpwnam(run_as)
        os.chown(root, account.pw_uid, account.pw_gid)
    root.chmod(0o700)
    server = PostgresServer(bin_dir, root, _free_port(), run_as)
    try:
        subprocess.run(
            server._command(
                str(bin_dir / "initdb"),
                "-D",
                str(server.data_dir),
                "-U",
                _SUPERUSER,
                "-A",
                "trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
