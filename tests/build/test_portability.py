"""The shipped code (desktop/, db/) stays portable to Windows, where most offices work.

An ``ast`` scan finds two kinds of problems:
- POSIX-only calls: modules Windows lacks (fcntl, pwd, grp, resource, termios...), functions and constants of
  ``os``, ``signal`` and ``shutil`` that exist only on POSIX (or, like ``os.kill``, do something else on Windows),
  ``preexec_fn``, and hard-coded POSIX paths ("/tmp", "/dev/", "/proc"...). A use is accepted under an
  ``if``/conditional expression that tests ``sys.platform``, ``os.name``, ``platform.system()`` or ``hasattr(...)``
  (either branch, or after such an ``if`` that returns early), or in the body of a ``try`` whose handlers catch
  the error Windows would raise (ImportError for a module, AttributeError for a function or constant, OSError for
  a path; or Exception).
- Text files opened without ``encoding=``: ``open``/``io.open``/``os.fdopen`` (a mode that is not a constant counts
  as text), ``Path.open`` (a bare ``.open()`` only on a path expression or a name ending in "path" or "file", since
  dialogs have an ``open()`` too), ``read_text``, ``write_text``, temporary files and logging file handlers in text
  mode. Windows would use the ANSI code page (GBK on a Chinese Windows) for them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHIPPED = ("desktop", "db")

POSIX_MODULES = frozenset({"fcntl", "pwd", "grp", "resource", "termios", "tty", "pty", "posix", "crypt", "spwd",
                           "syslog", "readline", "nis", "ossaudiodev"})
POSIX_ATTRIBUTES = {
    "os": frozenset({
        "fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid", "seteuid", "setgid",
        "setegid", "setgroups", "getresuid", "getresgid", "killpg", "setsid", "getsid", "setpgid", "getpgid",
        "setpgrp", "getpgrp", "uname", "chown", "lchown", "fchown", "chroot", "mkfifo", "mknod", "nice",
        "getloadavg", "statvfs", "fstatvfs", "wait3", "wait4", "WNOHANG", "sysconf", "pathconf", "ttyname",
        "openpty", "getpriority", "setpriority", "sched_getaffinity", "sched_setaffinity", "pipe2", "sync",
        "O_NOFOLLOW", "O_DIRECTORY", "O_NONBLOCK", "O_CLOEXEC",
        # Exists on Windows but terminates the process whatever the signal, so os.kill(pid, 0) would kill it.
        "kill",
    }),
    "signal": frozenset({
        "SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGQUIT", "SIGPIPE", "SIGSTOP", "SIGCONT",
        "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGWINCH", "SIGVTALRM", "SIGPROF", "SIGIO", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "alarm", "setitimer", "getitimer", "pause", "pthread_kill", "pthread_sigmask", "sigwait",
        "siginterrupt",
    }),
    "shutil": frozenset({"chown"}),
}
POSIX_PATH_PREFIXES = ("/tmp", "/dev/", "/proc", "/sys/", "/etc/", "/var/", "/usr/", "/home/", "/run/")
PLATFORM_TESTS = frozenset({"sys.platform", "os.name", "platform.system", "sys.getwindowsversion"})

BROAD_ERRORS = frozenset({"Exception", "BaseException"})
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"}) | BROAD_ERRORS
ATTRIBUTE_ERRORS = frozenset({"AttributeError"}) | BROAD_ERRORS
PATH_ERRORS = (frozenset({"OSError", "IOError", "EnvironmentError", "FileNotFoundError", "PermissionError"})
               | BROAD_ERRORS)

FILE_HANDLERS = frozenset({"FileHandler", "RotatingFileHandler", "TimedRotatingFileHandler", "WatchedFileHandler"})
TEMPORARY_FILES = frozenset({"TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile"})
MODE_LETTERS = frozenset("rwxabt+U")
STATEMENT_BLOCKS = frozenset({"body", "orelse", "finalbody"})


@dataclass(frozen=True)
class Finding:
    line: int
    problem: str


def _dotted(node: ast.AST) -> str:
    """``os.path.join`` for the expression os.path.join; "" for anything that is not a dotted name."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else ""
    return ""


def _tests_platform(test: ast.AST) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Call) and _dotted(node.func) == "hasattr":
            return True
        if _dotted(node) in PLATFORM_TESTS:
            return True
    return False


def _caught(handlers: list[ast.ExceptHandler]) -> set[str]:
    names: set[str] = set()
    for handler in handlers:
        if handler.type is None:
            names.add("BaseException")
            continue
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        names.update(_dotted(kind).rsplit(".", 1)[-1] for kind in types)
    return names


def _ends_flow(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break))


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((keyword.value for keyword in call.keywords if keyword.arg == name), None)


def _text_mode(mode: ast.expr | None, default: str) -> bool | None:
    """Whether a mode argument opens in text mode; None when it is not a constant."""
    if mode is None:
        return "b" not in default
    if isinstance(mode, ast.Constant) and isinstance(mode.value, str):
        return "b" not in mode.value
    return None


def _looks_like_mode(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(node.value) \
        and set(node.value) <= MODE_LETTERS


def _names_a_path(node: ast.expr) -> bool:
    """Whether the receiver of a bare ``.open()`` is a path (not a dialog's non-blocking ``open()``)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return True
    if isinstance(node, ast.Call):
        return _dotted(node.func).rsplit(".", 1)[-1] in {"Path", "PurePath", "with_name", "with_suffix"}
    name = _dotted(node).rsplit(".", 1)[-1].lower()
    return name.endswith(("path", "file"))


class PortabilityScanner(ast.NodeVisitor):
    """Collects the findings of one module; the guards around each node are tracked while walking."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.modules: dict[str, str] = {}  # local name -> module, from `import os as _os`
        self.platform_guarded = 0
        self.caught: list[set[str]] = []

    # ---------------------------------------------------------------- guards
    def _guarded(self, errors: frozenset[str]) -> bool:
        return self.platform_guarded > 0 or any(caught & errors for caught in self.caught)

    def _visit_block(self, body: list[ast.stmt]) -> None:
        """A block of statements; after an ``if <platform test>: ... return``, the rest of it is guarded."""
        guarded_from = None
        for index, statement in enumerate(body):
            if guarded_from is None and isinstance(statement, ast.If) and _tests_platform(statement.test) \
                    and not statement.orelse and _ends_flow(statement.body):
                guarded_from = index
            if guarded_from is not None and index > guarded_from:
                self.platform_guarded += 1
                self.visit(statement)
                self.platform_guarded -= 1
            else:
                self.visit(statement)

    def generic_visit(self, node: ast.AST) -> None:
        for field, value in ast.iter_fields(node):
            if field in STATEMENT_BLOCKS and isinstance(value, list):
                self._visit_block(value)
            else:
                self._visit_field(value)

    def _visit_field(self, value: object) -> None:
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ast.AST):
                self.visit(item)

    def _visit_platform_branches(self, node: ast.If | ast.IfExp) -> None:
        self.visit(node.test)
        self.platform_guarded += 1
        for branch in (node.body, node.orelse):
            if isinstance(branch, list):
                self._visit_block(branch)
            else:
                self.visit(branch)
        self.platform_guarded -= 1

    def visit_If(self, node: ast.If) -> None:
        if _tests_platform(node.test):
            self._visit_platform_branches(node)
        else:
            self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        if _tests_platform(node.test):
            self._visit_platform_branches(node)
        else:
            self.generic_visit(node)

    def _visit_try(self, node: ast.Try) -> None:
        self.caught.append(_caught(node.handlers))
        self._visit_block(node.body)
        self.caught.pop()
        for handler in node.handlers:
            self.visit(handler)
        self._visit_block(node.orelse)
        self._visit_block(node.finalbody)

    visit_Try = _visit_try
    visit_TryStar = _visit_try

    def _visit_docstring_owner(self, node: ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]  # a docstring may name POSIX paths
        for field, value in ast.iter_fields(node):
            if field == "body":
                self._visit_block(body)
            else:
                self._visit_field(value)

    visit_Module = _visit_docstring_owner
    visit_ClassDef = _visit_docstring_owner
    visit_FunctionDef = _visit_docstring_owner
    visit_AsyncFunctionDef = _visit_docstring_owner

    # ---------------------------------------------------------------- POSIX-only calls
    def _report(self, node: ast.AST, problem: str) -> None:
        self.findings.append(Finding(getattr(node, "lineno", 0), problem))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            top = alias.name.split(".")[0]
            # `import os.path` binds os; `import os.path as p` binds p to os.path.
            self.modules[alias.asname or top] = alias.name if alias.asname else top
            if alias.name.split(".")[0] in POSIX_MODULES and not self._guarded(IMPORT_ERRORS):
                self._report(node, f"imports {alias.name}, which Windows lacks")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = (node.module or "").split(".")[0]
        if node.level == 0 and module in POSIX_MODULES and not self._guarded(IMPORT_ERRORS):
            self._report(node, f"imports from {node.module}, which Windows lacks")
        elif node.level == 0 and node.module in POSIX_ATTRIBUTES:
            for alias in node.names:
                if alias.name in POSIX_ATTRIBUTES[node.module] and not self._guarded(IMPORT_ERRORS):
                    self._report(node, f"imports {node.module}.{alias.name}, which is POSIX-only")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name):
            module = self.modules.get(node.value.id)
            if module in POSIX_ATTRIBUTES and node.attr in POSIX_ATTRIBUTES[module] \
                    and not self._guarded(ATTRIBUTE_ERRORS):
                why = "kills the process on Windows" if node.attr == "kill" else "is POSIX-only"
                self._report(node, f"uses {module}.{node.attr}, which {why}")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and node.value.startswith(POSIX_PATH_PREFIXES) \
                and not self._guarded(PATH_ERRORS):
            self._report(node, f"hard-codes the POSIX path {node.value!r}")

    def visit_keyword(self, node: ast.keyword) -> None:
        if node.arg == "preexec_fn" and not self._guarded(ATTRIBUTE_ERRORS):
            self._report(node.value, "passes preexec_fn, which Windows refuses")
        self.generic_visit(node)

    # ---------------------------------------------------------------- text files without an encoding
    def visit_Call(self, node: ast.Call) -> None:
        problem = self._unencoded_text_file(node)
        if problem:
            self._report(node, f"{problem} without encoding=")
        self.generic_visit(node)

    def _unencoded_text_file(self, call: ast.Call) -> str | None:
        name = _dotted(call.func)
        last = name.rsplit(".", 1)[-1] if name else getattr(call.func, "attr", "")
        if _keyword(call, "encoding") is not None:
            return None
        if name in {"open", "io.open", "os.fdopen"}:
            mode = _keyword(call, "mode") or (call.args[1] if len(call.args) > 1 else None)
            if len(call.args) > 3:  # open(file, mode, buffering, encoding)
                return None
            return f"{name}() opens a text file" if _text_mode(mode, "r") is not False else None
        if last in TEMPORARY_FILES:
            mode = _keyword(call, "mode") or (call.args[0] if call.args else None)
            return f"{last}() opens a text file" if _text_mode(mode, "w+b") else None
        if last in FILE_HANDLERS:
            return f"{last}() writes a text file"
        if not isinstance(call.func, ast.Attribute):
            return None
        if last == "read_text" and not call.args:
            return "read_text() reads a text file"
        if last == "write_text" and len(call.args) < 2:
            return "write_text() writes a text file"
        if last == "open" and not name.startswith(("os.", "io.", "gzip.", "bz2.", "lzma.", "tarfile.", "zipfile.")):
            mode = _keyword(call, "mode") or (call.args[0] if call.args else None)
            if mode is None and not _names_a_path(call.func.value):
                return None  # a dialog's open(), not Path.open()
            if mode is not None and not _looks_like_mode(mode):
                return None  # Store.open(path), archive.open(member)
            if len(call.args) > 2:  # Path.open(mode, buffering, encoding)
                return None
            return "Path.open() opens a text file" if _text_mode(mode, "r") else None
        return None


def scan(source: str) -> list[Finding]:
    scanner = PortabilityScanner()
    scanner.visit(ast.parse(source))
    return scanner.findings


def shipped_modules() -> list[Path]:
    return sorted(path for package in SHIPPED for path in (REPO / package).rglob("*.py"))


def test_the_shipped_code_is_free_of_posix_only_calls_and_unencoded_text_files() -> None:
    modules = shipped_modules()
    assert len(modules) > 50, modules  # the scan sees the code
    findings = [f"{path.relative_to(REPO)}:{finding.line}: {finding.problem}"
                for path in modules for finding in scan(path.read_text(encoding="utf-8"))]
    assert findings == []


# ------------------------------------------------------------------ the scanner itself, on invented code


@pytest.mark.parametrize(("source", "problem"), [
    ("import fcntl\n", "imports fcntl"),
    ("import pwd\n", "imports pwd"),
    ("import grp\n", "imports grp"),
    ("import resource\n", "imports resource"),
    ("import termios\n", "imports termios"),
    ("from fcntl import flock\n", "imports from fcntl"),
    ("from os import getuid\n", "imports os.getuid"),
    ("import os\nos.fork()\n", "os.fork"),
    ("import os\nuid = os.getuid()\n", "os.getuid"),
    ("import os\nos.geteuid()\n", "os.geteuid"),
    ("import os\nos.getgid()\n", "os.getgid"),
    ("import os\nos.killpg(1, 15)\n", "os.killpg"),
    ("import os\nos.setsid()\n", "os.setsid"),
    ("import os\nos.uname()\n", "os.uname"),
    ("import os\nos.chown('a', 0, 0)\n", "os.chown"),
    ("import os\nos.lchown('a', 0, 0)\n", "os.lchown"),
    ("import os\nos.kill(123, 0)\n", "os.kill"),
    ("import os as system\nsystem.getuid()\n", "os.getuid"),
    ("import shutil\nshutil.chown('a', 'postgres')\n", "shutil.chown"),
    ("import signal\nSTOP = signal.SIGKILL\n", "signal.SIGKILL"),
    ("import signal\nsignal.signal(signal.SIGHUP, print)\n", "signal.SIGHUP"),
    ("import signal\nsignal.signal(signal.SIGUSR1, print)\n", "signal.SIGUSR1"),
    ("from pathlib import Path\nPath('/tmp/ledger.sqlite3')\n", "'/tmp/ledger.sqlite3'"),
    ("folder = '/tmp'\n", "'/tmp'"),
    ("NULL = open('/dev/null', 'wb')\n", "'/dev/null'"),
    ("MOUNTS = '/proc/self/mounts'\n", "'/proc/self/mounts'"),
    ("import subprocess\nsubprocess.run(['x'], preexec_fn=drop_privileges)\n", "preexec_fn"),
    # A guard for another error does not count, and neither does a test of something else.
    ("try:\n    import fcntl\nexcept AttributeError:\n    pass\n", "imports fcntl"),
    ("import os\ntry:\n    os.getuid()\nexcept OSError:\n    pass\n", "os.getuid"),
    ("import os\nif verbose:\n    os.getuid()\n", "os.getuid"),
    ("import os\ntry:\n    pass\nexcept ImportError:\n    os.getuid()\n", "os.getuid"),
    ("import os\nif os.name == 'nt':\n    log('windows')\nos.getuid()\n", "os.getuid"),
])
def test_the_scanner_finds_a_posix_only_call(source: str, problem: str) -> None:
    findings = scan(source)
    assert len(findings) == 1, findings
    assert problem in findings[0].problem


@pytest.mark.parametrize("source", [
    "import sys\nif sys.platform != 'win32':\n    import fcntl\n",
    "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None\n",
    "try:\n    import pwd\nexcept ModuleNotFoundError:\n    pwd = None\n",
    "import os\nif os.name == 'posix':\n    uid = os.getuid()\nelse:\n    uid = 0\n",
    "import os\nif os.name == 'nt':\n    uid = 0\nelse:\n    uid = os.getuid()\n",
    "import os\nif hasattr(os, 'getuid'):\n    uid = os.getuid()\n",
    "import os\nuid = os.getuid() if hasattr(os, 'getuid') else 0\n",
    "import os\ntry:\n    uid = os.getuid()\nexcept AttributeError:\n    uid = 0\n",
    "import os\ndef alive(pid):\n    if os.name != 'posix':\n        return True\n"
    "    os.kill(pid, 0)\n    return True\n",
    "import os, signal\ndef stop(pid):\n"
    "    os.kill(pid, getattr(signal, 'SIGKILL', signal.SIGTERM)) if os.name == 'posix' else None\n",
    "import signal\ntry:\n    signal.signal(signal.SIGHUP, print)\n"
    "except AttributeError:\n    pass\n",
    "import sys\nMOUNTS = '/proc/self/mounts' if sys.platform.startswith('linux') else None\n",
    "from pathlib import Path\ntry:\n    text = Path('/proc/self/mounts').read_text(encoding='utf-8')\n"
    "except OSError:\n    text = ''\n",
    "import platform\nif platform.system() == 'Linux':\n    folder = '/dev/shm'\n",
    "def f():\n    '''Reads /proc/self/mounts when there is one.'''\n",
    "signal = widget.changed\nsignal.disconnect(handler)\n",
    "import os\nhandle = os.open(path, os.O_RDONLY)\nos.fsync(handle)\n",
    "url = 'postgresql://tester@127.0.0.1/ledger'\n",
])
def test_the_scanner_accepts_portable_or_guarded_code(source: str) -> None:
    assert scan(source) == []


@pytest.mark.parametrize(("source", "problem"), [
    ("open(path)\n", "open() opens a text file"),
    ("open(path, 'w')\n", "open() opens a text file"),
    ("open(path, mode='a', newline='')\n", "open() opens a text file"),
    ("open(path, mode)\n", "open() opens a text file"),  # a mode it cannot read counts as text
    ("import io\nio.open(path, 'rt')\n", "io.open() opens a text file"),
    ("import os\nos.fdopen(handle, 'w')\n", "os.fdopen() opens a text file"),
    ("path.open()\n", "Path.open() opens a text file"),
    ("path.open('w')\n", "Path.open() opens a text file"),
    ("(folder / 'notes.txt').open(mode='r')\n", "Path.open() opens a text file"),
    ("Path(name).open()\n", "Path.open() opens a text file"),
    ("text = path.read_text()\n", "read_text() reads a text file"),
    ("path.write_text(data)\n", "write_text() writes a text file"),
    ("import tempfile\ntempfile.NamedTemporaryFile('w', suffix='.csv')\n", "NamedTemporaryFile() opens a text file"),
    ("import logging.handlers\nlogging.handlers.RotatingFileHandler(log, maxBytes=10)\n",
     "RotatingFileHandler() writes a text file"),
    ("import logging\nlogging.FileHandler(log)\n", "FileHandler() writes a text file"),
])
def test_the_scanner_finds_a_text_file_without_an_encoding(source: str, problem: str) -> None:
    findings = scan(source)
    assert [finding.problem for finding in findings] == [f"{problem} without encoding="]


@pytest.mark.parametrize("source", [
    "open(path, encoding='utf-8')\n",
    "open(path, 'w', encoding='utf-8', newline='')\n",
    "open(path, 'r', -1, 'utf-8')\n",
    "open(path, 'rb')\n",
    "open(path, mode='wb')\n",
    "import os\nos.fdopen(handle, 'wb')\n",
    "path.open('rb')\n",
    "path.open('w', encoding='utf-8')\n",
    "path.read_text(encoding='utf-8')\n",
    "path.read_text('utf-8')\n",
    "path.write_text(data, encoding='utf-8')\n",
    "path.read_bytes()\n",
    "import tempfile\ntempfile.NamedTemporaryFile(suffix='.xlsx')\n",
    "import logging\nlogging.FileHandler(log, encoding='utf-8')\n",
    "dialog.open()\n",
    "Store.open(path)\n",
    "archive.open(member)\n",
    "import os\nos.open(path, os.O_RDONLY)\n",
    "import gzip\ngzip.open(path)\n",
])
def test_the_scanner_accepts_binary_or_encoded_files(source: str) -> None:
    assert scan(source) == []
