"""Chinese input on Linux: make sure Qt uses an input-method plugin that it actually has.

PySide6's Qt ships the IBus and compose input-context plugins but not the Fcitx one. On a desktop that runs Fcitx 5
(统信 UOS, 麒麟 Kylin and many Debian/Ubuntu desktops), ``QT_IM_MODULE=fcitx`` then names a plugin Qt cannot load and
typing Chinese silently does nothing. Fcitx 5 also answers the IBus protocol (its IBus frontend), so falling back to
the IBus plugin lets the clerk type Chinese; where neither works, nothing is lost compared with no fallback.
"""

from __future__ import annotations

import logging
import os
from collections.abc import MutableMapping
from pathlib import Path

logger = logging.getLogger(__name__)

_FCITX_NAMES = {"fcitx", "fcitx5"}


def _named_input_method(env: MutableMapping[str, str]) -> str | None:
    """The input method the desktop asks for: QT_IM_MODULE, else the XIM/GTK hints Fcitx sets."""
    wanted = env.get("QT_IM_MODULE", "").strip().lower()
    if wanted:
        return wanted
    xmodifiers = env.get("XMODIFIERS", "").replace(" ", "").lower()
    if xmodifiers.startswith("@im="):
        return xmodifiers[4:]
    return env.get("GTK_IM_MODULE", "").strip().lower() or None


def choose_input_method(env: MutableMapping[str, str], plugin_dir: Path) -> str | None:
    """Set ``QT_IM_MODULE`` in ``env`` to a plugin Qt has when the desktop asks for Fcitx; returns what was set.

    Args:
        env: the environment to read and change (``os.environ`` at start-up).
        plugin_dir: Qt's ``platforminputcontexts`` plugin folder.
    """
    wanted = _named_input_method(env)
    if wanted not in _FCITX_NAMES:
        return None
    present = {path.name.lower() for path in plugin_dir.glob("*")} if plugin_dir.is_dir() else set()
    if any("fcitx" in name for name in present):
        return None
    if not any("ibus" in name for name in present):
        return None
    env["QT_IM_MODULE"] = "ibus"
    logger.info("input method %s has no Qt plugin here; using the IBus plugin, which Fcitx 5 also serves", wanted)
    return "ibus"


def use_available_input_method() -> None:
    """Apply :func:`choose_input_method` to this process before the QApplication is created."""
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforminputcontexts"
    choose_input_method(os.environ, plugins)
