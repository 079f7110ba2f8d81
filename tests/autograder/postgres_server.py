"""A throwaway PostgreSQL server on 127.0.0.1 for gradebook tests.

initdb into a fresh temporary folder, start on a free port with TCP on 127.0.0.1 only
(no unix socket), password authentication (scram) for one role, and remove everything
on stop. PostgreSQL refuses to run as root, so under root the server runs as the
``postgres`` system user (``nobody`` when that user does not exist) via ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROLE = "grader"
DATABASE = "gradebook"


class PostgresMissing(RuntimeError):
    pass


def postgres_bin() -> Path:
    """The folder holding initdb and pg_ctl (Debian keeps them off PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresMissing(
        "PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH): "
        "run 'sudo apt-get install postgresql' (scripts/test.sh does this as root)"
    )


def _major_version(path: str) -> int:
    version = Path(path).parts[-3]
    return int(version) if version.isdigit() else 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgresServer:
    base: Path
    port: int
    password: str
    run_as: list[str]

    @property
    def url(self) -> str:
        """SQLAlchemy URL without the password: libpq takes it from PGPASSWORD."""
        return f"postgresql+psycopg://{ROLE}@127.0.0.1:{self.port}/{DATABASE}"

    @property
    def log(self) -> str:
        path = self.base / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(postgres_bin() / "pg_ctl"), "-D", str(self.base / "data"),
             "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=60,
        )  # fmt: skip
        shutil.rmtree(self.base, ignore_errors=True)


def start_postgres() -> PostgresServer:
    bin_dir = postgres_bin()
    base = Path(tempfile.mkdtemp(prefix="gs-postgres-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        owner = _system_user()
        os.chown(base, owner.pw_uid, owner.pw_gid)
        run_as = ["runuser", "-u", owner.pw_name, "--"]
    password = secrets.token_urlsafe(18)
    pwfile = base / "pwfile"
    pwfile.write_text(password + "\n")
    if run_as:
        os.chown(pwfile, os.stat(base).st_uid, os.stat(base).st_gid)
    data = base / "data"
    try:
        _run([*run_as, str(bin_dir / "initdb"), "-D", str(data), "-U", ROLE, "-E", "UTF8",
              "--auth=scram-sha-256", f"--pwfile={pwfile}", "--no-sync"])  # fmt: skip
    finally:
        pwfile.unlink(missing_ok=True)
    port = _free_port()
    with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
        # TCP on the loopback only, no unix socket, no durability needed for a test.
        conf.write(
            f"\nlisten_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = ''\n"
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
        )
    server = PostgresServer(base, port, password, run_as)
    try:
        _run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"),
              "-w", "-t", "60", "start"])  # fmt: skip
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=port, user=ROLE, password=password, dbname="postgres",
            autocommit=True,
        ) as conn:  # fmt: skip
            conn.execute(f"CREATE DATABASE {DATABASE}")
    except BaseException:
        log = server.log
        server.stop()
        raise RuntimeError(f"PostgreSQL did not start; its log:\n{log[-3000:]}") from None
    return server


def _system_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresMissing("running as root and neither a 'postgres' nor a 'nobody' user exists")


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
