"""Window sizes that fit the screen they open on (a 1280×720 laptop as well as a 1920×1080 monitor)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a window to the size wanted, but never larger than the available part of its screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width() - 16), min(height, available.height() - 48)
    window.resize(width, height)
