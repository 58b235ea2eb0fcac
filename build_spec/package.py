"""Package the built one-folder program: its file list, a .tar.gz and a .deb (Linux), or a .zip (Windows).

Usage: python build_spec/package.py dist/reply-ledger-VERSION [--zip]

Every archive is reproducible: entries sorted by name, owned by root, dated SOURCE_DATE_EPOCH (the commit's
time; build.sh sets it), so the same commit gives the same file list and, when PyInstaller's output is the
same, the same archives. The .deb installs the folder as /opt/reply-ledger, the command /usr/bin/reply-ledger,
the desktop entry and the icons; it depends on the system libraries Qt needs and on fonts-noto-cjk.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop import APP_NAME, __version__  # noqa: E402

# What the bundled Qt needs from the system on Debian 12 and its derivatives (统信 UOS, 麒麟 Kylin), and fonts for
# Chinese text: the packages build_spec/setup.sh installs. Some libraries are also inside the bundle; depending on
# them costs nothing on a desktop and brings the data files they read (fontconfig's configuration, X keyboard and
# compose tables). `check_depends` fails the build when the bundle loads a library of a package not listed.
DEPENDS = tuple(line.strip() for line in (ROOT / "build_spec" / "debian-depends.txt").read_text().splitlines()
                if line.strip() and not line.startswith("#"))
# Packages of the C library and the compiler runtime, versioned by the symbols the bundle uses.
LIBC_PACKAGES = {"libc6", "libgcc-s1", "libstdc++6"}
INSTALL_DIR = f"/opt/{APP_NAME}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def source_date_epoch() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH", "0"))


def file_list(folder: Path) -> list[str]:
    """Every file, folder and symlink of the bundle, one a line, sorted: what "same file list" compares."""
    kinds = []
    for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
        kind = "l" if path.is_symlink() else "d" if path.is_dir() else "f"
        kinds.append(f"{kind} {path.relative_to(folder).as_posix()}")
    return kinds


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mtime = min(info.mtime, source_date_epoch())
    info.mode = (info.mode | 0o644) & ~0o022 if not info.isdir() else 0o755
    if info.isreg() and info.mode & stat.S_IXUSR:
        info.mode |= 0o111
    return info


def write_tarball(folder: Path, out: Path) -> None:
    with out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6,
                                                        mtime=source_date_epoch()) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.GNU_FORMAT) as tar:
        tar.add(folder, arcname=folder.name, recursive=False, filter=_normalise)
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
            tar.add(path, arcname=f"{folder.name}/{path.relative_to(folder).as_posix()}", recursive=False,
                    filter=_normalise)


def write_zip(folder: Path, out: Path) -> None:
    stamp = max(source_date_epoch(), 315532800)  # zip dates start in 1980
    date_time = tuple(time.gmtime(stamp))[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
            if path.is_file():
                entry = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, path.read_bytes())


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _run_env(env: dict[str, str], *command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout


def _elf_files(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.is_symlink() and path.open("rb").read(4) == b"\x7fELF"]


def _needed(path: Path) -> set[str]:
    dynamic = _run("readelf", "--dynamic", "--wide", str(path))
    return {line.split("[", 1)[1].split("]", 1)[0] for line in dynamic.splitlines() if "(NEEDED)" in line}


def system_libraries(folder: Path) -> dict[str, set[str]]:
    """The system libraries (not in the bundle) that the bundle's files link to directly: path -> their users.

    Only direct links count: a system library's own dependencies are its package's business.
    """
    elf_files = _elf_files(folder)
    bundled = {path.name for path in elf_files}
    env = {**os.environ, "LD_LIBRARY_PATH": ":".join(sorted({str(path.parent) for path in elf_files}))}
    found: dict[str, set[str]] = {}
    for path in elf_files:
        resolved = dict(re.findall(r"^\s*(\S+) => (not found|\S+)", _run_env(env, "ldd", str(path)), re.MULTILINE))
        for name in sorted(_needed(path) - bundled):
            if name.startswith("ld-linux"):  # the dynamic loader itself, part of the C library
                continue
            where = resolved.get(name, "not found")
            if where == "not found":
                raise SystemExit(f"{path.relative_to(folder)} needs {name}, which neither the bundle nor this system "
                                 "has: install it, or leave its user out in build_spec/bundle_filter.py.")
            found.setdefault(where, set()).add(path.relative_to(folder).as_posix())
    return found


def owning_package(library: str) -> str:
    for candidate in dict.fromkeys([library, os.path.realpath(library), library.replace("/lib/", "/usr/lib/", 1)]):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].strip()
    raise SystemExit(f"no Debian package owns {library}; the .deb cannot declare it")


def glibc_version(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version the bundle uses: the oldest C library it runs on."""
    versions = set()
    for path in _elf_files(folder):
        versions.update(re.findall(r"GLIBC_(\d+(?:\.\d+)+)", _run("objdump", "-T", str(path))))
    return max(versions, key=lambda v: tuple(int(n) for n in v.split(".")))


def check_depends(folder: Path) -> str:
    """The Depends line: DEPENDS plus the C library; fails when a system library the bundle loads is not covered."""
    uncovered = {}
    for library, users in system_libraries(folder).items():
        package = owning_package(library)
        if package not in DEPENDS and package not in LIBC_PACKAGES:
            uncovered[package] = f"{library} (for {sorted(users)[0]})"
    if uncovered:
        raise SystemExit("The bundle needs packages the .deb does not declare; add them to DEPENDS in "
                         f"build_spec/package.py: {', '.join(f'{p}: {why}' for p, why in sorted(uncovered.items()))}")
    return ", ".join([f"libc6 (>= {glibc_version(folder)})", *DEPENDS])


def write_deb(folder: Path, out: Path, icons: Path) -> None:
    stage = ROOT / "build" / "deb" / APP_NAME
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(folder, stage / INSTALL_DIR.lstrip("/"), symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / APP_NAME).symlink_to(f"{INSTALL_DIR}/{APP_NAME}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "linux" / f"{APP_NAME}.desktop", share / "applications" / f"{APP_NAME}.desktop")
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_NAME}.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(icons / f"{APP_NAME}-{size}.png", target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / f"{APP_NAME}.svg", scalable / f"{APP_NAME}.svg")
    for path in [stage, *stage.rglob("*")]:
        if not path.is_symlink():
            executable = path.is_dir() or path.stat().st_mode & stat.S_IXUSR
            path.chmod(0o755 if executable else 0o644)
    installed_kib = sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir()) // 1024 + 1
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: {APP_NAME}\n"
        f"Version: {__version__}\n"
        f"Architecture: {_run('dpkg', '--print-architecture').strip()}\n"
        "Maintainer: Reply Ledger developers <reply-ledger@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {check_depends(folder)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: 答复承诺台账 Reply Ledger: proposals, reply letters and the promises in them\n"
        " A desktop ledger for government offices that answer representatives' proposals\n"
        " (人大代表建议、议案, 政协提案): it keeps the proposals and the reply letters, turns every\n"
        " promise in a reply into a measurable target, follows it up with evidence and reminders,\n"
        " and writes the audit workbook. The program is installed in /opt/reply-ledger and\n"
        " started with the reply-ledger command or from the Office menu.\n",
        encoding="utf-8")
    (stage / "DEBIAN" / "control").chmod(0o644)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch())}
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(out)], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the one-folder program (dist/reply-ledger-VERSION)")
    parser.add_argument("--zip", action="store_true", help="write a .zip (Windows) instead of a .tar.gz and a .deb")
    parser.add_argument("--icons", type=Path, default=ROOT / "build" / "icons", help="PNG icons from icons.py")
    args = parser.parse_args()
    folder: Path = args.folder
    dist = folder.parent
    (dist / f"{folder.name}.files").write_text("\n".join(file_list(folder)) + "\n", encoding="utf-8")
    if args.zip:
        write_zip(folder, dist / f"{folder.name}-windows-{_machine()}.zip")
        return
    write_tarball(folder, dist / f"{folder.name}-linux-{_machine()}.tar.gz")
    write_deb(folder, dist / f"{APP_NAME}_{__version__}_{_run('dpkg', '--print-architecture').strip()}.deb",
              args.icons)


def _machine() -> str:
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(), platform.machine().lower())


if __name__ == "__main__":
    main()
