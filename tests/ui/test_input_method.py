from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui.input_method import choose_input_method


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    folder = tmp_path / "platforminputcontexts"
    folder.mkdir()
    (folder / "libibusplatforminputcontextplugin.so").write_bytes(b"")
    (folder / "libcomposeplatforminputcontextplugin.so").write_bytes(b"")
    return folder


@pytest.mark.parametrize("env", [{"QT_IM_MODULE": "fcitx"}, {"QT_IM_MODULE": "fcitx5"},
                                 {"XMODIFIERS": "@im=fcitx"}, {"GTK_IM_MODULE": "fcitx"}])
def test_input_method_fcitx_without_its_plugin_falls_back_to_ibus(env: dict[str, str], plugins: Path) -> None:
    assert choose_input_method(env, plugins) == "ibus"
    assert env["QT_IM_MODULE"] == "ibus"


def test_input_method_fcitx_plugin_present_is_kept(plugins: Path) -> None:
    (plugins / "libfcitx5platforminputcontextplugin.so").write_bytes(b"")
    env = {"QT_IM_MODULE": "fcitx"}
    assert choose_input_method(env, plugins) is None
    assert env["QT_IM_MODULE"] == "fcitx"


@pytest.mark.parametrize("env", [{}, {"QT_IM_MODULE": "ibus"}, {"XMODIFIERS": "@im=ibus"}])
def test_input_method_other_desktops_are_left_alone(env: dict[str, str], plugins: Path) -> None:
    before = dict(env)
    assert choose_input_method(env, plugins) is None
    assert env == before


def test_input_method_no_ibus_plugin_changes_nothing(tmp_path: Path) -> None:
    env = {"QT_IM_MODULE": "fcitx"}
    assert choose_input_method(env, tmp_path / "missing") is None
    assert env == {"QT_IM_MODULE": "fcitx"}


def test_input_method_the_bundled_qt_has_the_ibus_plugin() -> None:
    """The fallback is only worth having while the Qt we ship carries the IBus plugin."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforminputcontexts"
    assert any("ibus" in path.name for path in folder.iterdir())
