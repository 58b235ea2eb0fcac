"""What the PyInstaller spec leaves out of the bundle: Qt parts Reply Ledger never uses, and what only they needed.

PySide6's hooks collect every platform plugin and every Qt translation. The app needs the X11 (xcb) and offscreen
platforms, Qt's Chinese translations and the libraries those reach. Leaving the rest out makes the folder smaller
and keeps its system dependencies to what the .deb declares: the Wayland plugins would need libwayland-* and the
GTK theme plugin needs GTK 3, which the bundle does not carry. Qt applications on Wayland desktops run through
XWayland.
"""

from __future__ import annotations

import posixpath
import subprocess
import sys
from pathlib import PurePosixPath

# Paths under PySide6/Qt/plugins/ (prefixes) that are not shipped.
UNUSED_QT_PLUGINS = (
    "egldeviceintegrations/",
    "generic/",
    "networkinformation/",
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqminimalegl",
    "platforms/libqvkkhrdisplay",
    "platforms/libqvnc",
    "platforms/libqwayland",
    "platformthemes/libqgtk3",
    "wayland-",
)
QT_PLUGINS = "PySide6/Qt/plugins/"
QT_TRANSLATIONS = "PySide6/Qt/translations/"
KEPT_QT_TRANSLATIONS = ("qt_zh_CN.qm", "qtbase_zh_CN.qm")


def _unused_plugin(dest: str) -> bool:
    return dest.startswith(QT_PLUGINS) and dest[len(QT_PLUGINS):].startswith(UNUSED_QT_PLUGINS)


def _needed_libraries(path: str) -> set[str]:
    """The DT_NEEDED sonames of an ELF file (readelf comes with binutils, which PyInstaller needs on Linux)."""
    dynamic = subprocess.run(["readelf", "--dynamic", "--wide", path], capture_output=True, text=True,
                             check=True).stdout
    return {line.split("[", 1)[1].split("]", 1)[0] for line in dynamic.splitlines() if "(NEEDED)" in line}


def prune(binaries: list[tuple], datas: list[tuple]) -> tuple[list[tuple], list[tuple], list[str]]:
    """Drop unused Qt plugins and translations, then every bundled library that nothing kept still needs.

    Returns the kept binaries, the kept datas and the destination names left out (for the build log).
    """
    datas = [entry for entry in datas if not entry[0].startswith(QT_TRANSLATIONS)
             or PurePosixPath(entry[0]).name in KEPT_QT_TRANSLATIONS]
    if not sys.platform.startswith("linux"):
        return binaries, datas, []
    candidates = [entry for entry in binaries if not _unused_plugin(entry[0])]
    # Roots: Python extension modules, the Qt plugins we keep and libpython (the bootloader opens it).
    roots = [entry for entry in candidates if entry[2] == "EXTENSION" or entry[0].startswith(QT_PLUGINS)
             or PurePosixPath(entry[0]).name.startswith("libpython")]
    by_name: dict[str, list[tuple]] = {}
    for entry in candidates:
        by_name.setdefault(PurePosixPath(entry[0]).name, []).append(entry)
    kept = {entry[0] for entry in roots}
    todo = list(roots)
    while todo:
        entry = todo.pop()
        for soname in _needed_libraries(entry[1]):
            for needed in by_name.get(soname, []):
                if needed[0] not in kept:
                    kept.add(needed[0])
                    todo.append(needed)
    left_out = sorted(entry[0] for entry in binaries if entry[0] not in kept)
    # Symlinks to libraries (libQt6Core.so.6 -> PySide6/Qt/lib/libQt6Core.so.6) go with their library.
    datas = [entry for entry in datas if entry[2] != "SYMLINK"
             or posixpath.normpath(posixpath.join(posixpath.dirname(entry[0]), entry[1])) in kept]
    return [entry for entry in binaries if entry[0] in kept], datas, left_out
