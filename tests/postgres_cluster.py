"""A real PostgreSQL server for the tests: a throw-away cluster on localhost, started from Debian's packages.

``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` user (``runuser``); as
anyone else it is their own. It listens on 127.0.0.1 at a free port and on a socket in its folder, with fsync off
(the tests need no durability). The role ``tester`` (not a superuser) owns the test databases; ``pw_user`` must
give a password over TCP, for the tests of the password prompt and the password file.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

SUPERUSER = "postgres"
TESTER = "tester"
PASSWORD_USER = "pw_user"
PASSWORD = "s3cret-密码"


def postgres_bin_dir() -> Path:
    """The newest installed server's programs (Debian keeps them in /usr/lib/postgresql/N/bin)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if candidates:
        return candidates[-1].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise RuntimeError("PostgreSQL is not installed: run build_spec/setup.sh (it installs Debian's postgresql)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresCluster:
    """One running cluster; :meth:`create_database` hands out fresh databases copied from templates."""

    def __init__(self) -> None:
        self.bin = postgres_bin_dir()
        self.folder = Path(tempfile.mkdtemp(prefix="reply-ledger-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self._names = itertools.count(1)

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd="/")

    def start(self, *, durable: bool = False) -> PostgresCluster:
        """Start it; ``durable`` keeps fsync on, as a real server has it (for benchmarks)."""
        if self.as_root:
            shutil.chown(self.folder, "postgres")
        os.chmod(self.folder, 0o755)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--lc-collate=C")
        hba = self.data / "pg_hba.conf"
        rules = (f"local all all trust\nhost all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n"
                 "host all all 127.0.0.1/32 trust\n")
        if self.as_root:
            subprocess.run(["runuser", "-u", "postgres", "--", "sh", "-c", f"cat > {hba}"], input=rules.encode(),
                           check=True)
        else:
            hba.write_text(rules)
        options = f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"), "-w",
                  "start")
        with self.admin() as conn:
            conn.execute(f"CREATE ROLE {TESTER} LOGIN CREATEDB CREATEROLE")
            conn.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")
        return self

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, user: str = TESTER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(self.url(database, SUPERUSER), autocommit=True)

    def create_database(self, template: str | None = None, prefix: str = "ledger") -> str:
        """A new, empty database (or a copy of ``template``) owned by the tester; returns its name."""
        name = f"{prefix}_{next(self._names)}"
        with self.admin() as conn:
            if template:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY OWNER {TESTER}')
            else:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8 LC_COLLATE \'C\''
                             f" LC_CTYPE 'C.UTF-8' OWNER {TESTER}")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
