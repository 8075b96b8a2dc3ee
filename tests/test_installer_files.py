"""The packaging files agree with each other and with the code: names, icon paths, version."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import tarfile
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

import pytest

from desktop import __version__
from desktop.reports.pdf.fonts import FONT_LICENCES, FONT_SUFFIXES, missing_font_licences

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
ICONS = ROOT / "resources" / "icons"
FONTS = ROOT / "resources" / "fonts"
SPEC = INSTALLER / "itaku.spec"
ISS = INSTALLER / "windows" / "itaku.iss"
DESKTOP_ENTRY = INSTALLER / "linux" / "itaku.desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("itaku_build", INSTALLER / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def iss_defines() -> dict[str, str]:
    return dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', ISS.read_text(encoding="utf-8")))


def iss_setup() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r"^(\w+)=(.*)$", section, flags=re.MULTILINE))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


# --- version ---------------------------------------------------------------------------------


def test_build_script_reads_the_package_version() -> None:
    assert load_build_script().version() == __version__


def test_windows_installer_default_version_is_the_package_version() -> None:
    assert iss_defines()["AppVersion"] == __version__


def test_pyproject_version_is_the_package_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["version"] == __version__


def test_pyinstaller_is_in_the_build_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(
        requirement.startswith("pyinstaller")
        for requirement in project["project"]["optional-dependencies"]["build"]
    )


# --- names -----------------------------------------------------------------------------------


def test_one_executable_name_everywhere() -> None:
    spec_name = re.search(r'^NAME = "(\w+)"', SPEC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert spec_name is not None
    name = spec_name[1]
    assert load_build_script().NAME == name
    assert iss_defines()["AppExeName"] == f"{name}.exe"
    assert desktop_entry()["Exec"].split()[0] == name
    assert desktop_entry()["StartupWMClass"] == name
    install = (INSTALLER / "linux" / "install.sh").read_text(encoding="utf-8")
    assert f"s|^Exec={name}|" in install


def test_spec_starts_the_launcher_and_the_launcher_exists() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert '"installer" / "launcher.py"' in text
    assert (INSTALLER / "launcher.py").is_file()


@pytest.mark.parametrize(
    "folder",
    [
        "resources/fonts",
        "resources/icons",
        "resources/translations",
        "desktop/store/migrations",
        "desktop/store/migrations/versions",
    ],
)
def test_spec_bundles_every_resource_folder_the_app_reads(folder: str) -> None:
    assert f'"{folder}")' in SPEC.read_text(encoding="utf-8")
    assert (ROOT / folder).is_dir()


def test_windows_installer_is_per_user_with_start_menu_entry_and_uninstaller() -> None:
    setup = iss_setup()
    text = ISS.read_text(encoding="utf-8")
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs for a per-user install
    assert '"{group}\\{#AppName}"' in text
    assert "{uninstallexe}" in text
    assert setup["OutputBaseFilename"] == "itaku-{#AppVersion}-setup"


def test_windows_installer_output_is_where_the_build_script_looks() -> None:
    build = (INSTALLER / "build.py").read_text(encoding="utf-8")
    assert 'f"{NAME}-{version()}-setup.exe"' in build


# --- icon ------------------------------------------------------------------------------------


def test_icon_files_referenced_by_the_packaging_exist() -> None:
    setup_icon = iss_setup()["SetupIconFile"].replace("\\", "/")
    assert (ISS.parent / setup_icon).resolve() == (ICONS / "itaku.ico").resolve()
    assert re.search(r'RESOURCES / "icons" / "itaku.ico"', SPEC.read_text(encoding="utf-8"))
    assert (ICONS / "itaku.ico").is_file()


def test_desktop_entry_icon_is_installed_under_its_name() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == "itaku"
    assert entry["Categories"].endswith(";")
    install = (INSTALLER / "linux" / "install.sh").read_text(encoding="utf-8")
    assert "hicolor/256x256/apps/itaku.png" in install
    assert png_size(ICONS / "itaku.png") == (256, 256)


def test_desktop_entry_names_and_comments_come_in_japanese_too() -> None:
    entry = desktop_entry()
    for key in ("Name", "GenericName", "Comment"):
        assert key in entry and f"{key}[ja]" in entry


def test_tarball_extras_exist_and_include_what_install_sh_copies() -> None:
    extras = load_build_script().tarball_extras()
    assert all(source.is_file() for source in extras)
    install = (INSTALLER / "linux" / "install.sh").read_text(encoding="utf-8")
    for name in extras.values():
        if not name.startswith("LICENSE-"):
            assert f'"$here/{name}"' in install or name == "install.sh"


# --- font licences (issue 13) ------------------------------------------------------------------


def fake_bundle(folder: Path) -> Path:
    """What PyInstaller makes, as far as the archive is concerned: the executable and resources/fonts."""
    bundle = folder / "itaku"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "itaku").write_text("#!/bin/sh\n", encoding="utf-8")
    shutil.copytree(FONTS, bundle / "_internal" / "resources" / "fonts")
    return bundle


def test_every_bundled_font_has_its_licence_beside_it() -> None:
    fonts = [path.name for path in FONTS.iterdir() if path.suffix in FONT_SUFFIXES]
    assert len(fonts) >= 2  # IPAexGothic and the Hanazono fallback
    assert missing_font_licences(FONTS) == []
    assert set(fonts) <= set(FONT_LICENCES)


def test_the_linux_archive_carries_the_licence_of_every_bundled_font(tmp_path: Path) -> None:
    build = load_build_script()
    archive = build.make_tarball(fake_bundle(tmp_path / "dist"), tmp_path / "dist")
    top = f"itaku-{__version__}"
    with tarfile.open(archive) as opened:
        names = set(opened.getnames())
        for font in (path for path in FONTS.iterdir() if path.suffix in FONT_SUFFIXES):
            licence = FONT_LICENCES[font.name]
            assert f"{top}/{licence}" in names, licence  # in plain sight where it is unpacked
            assert f"{top}/itaku/_internal/resources/fonts/{licence}" in names, licence  # and installed
            member = opened.extractfile(f"{top}/{licence}")
            assert member is not None and member.read() == (FONTS / licence).read_bytes()


def test_the_archive_is_refused_when_a_font_comes_without_its_licence(tmp_path: Path) -> None:
    build = load_build_script()
    bundle = fake_bundle(tmp_path / "dist")
    (bundle / "_internal" / "resources" / "fonts" / "LICENSE-HanaMin.txt").unlink()
    with pytest.raises(SystemExit, match="HanaMinFallback.ttf: its licence LICENSE-HanaMin.txt is missing"):
        build.make_tarball(bundle, tmp_path / "dist")
    assert not list((tmp_path / "dist").glob("*.tar.gz"))
    fonts = tmp_path / "fonts"
    shutil.copytree(FONTS, fonts)
    (fonts / "NewFont.otf").write_bytes(b"OTTO")
    with pytest.raises(SystemExit, match="NewFont.otf: no licence named for it"):
        build.tarball_extras(fonts)


def test_the_bundle_self_test_fails_when_a_font_licence_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import self_test
    from desktop.reports.pdf import fonts

    copy = tmp_path / "fonts"
    shutil.copytree(FONTS, copy)
    (copy / "LICENSE-IPAexFont.txt").unlink()
    monkeypatch.setattr(fonts, "font_path", lambda name=fonts.FONT_FILE: copy / name)
    with pytest.raises(self_test.SelfTestFailure, match="ipaexg.ttf: its licence LICENSE-IPAexFont.txt"):
        self_test.check_resources(None)  # type: ignore[arg-type]  # the step reads nothing of the state


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_has_its_size(size: int) -> None:
    assert png_size(ICONS / f"itaku-{size}.png") == (size, size)


def test_ico_holds_every_size_from_16_to_256() -> None:
    data = (ICONS / "itaku.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * index] or 256 for index in range(count)}
    assert sizes == set(ICON_SIZES)


def test_svg_icon_is_a_256_square_without_text_needing_a_font() -> None:
    root = ElementTree.parse(ICONS / "itaku.svg").getroot()
    assert root.get("viewBox") == "0 0 256 256"
    assert not root.findall("{http://www.w3.org/2000/svg}text")
    assert root.findall("{http://www.w3.org/2000/svg}path")


def test_window_finds_the_icon_the_packaging_ships() -> None:
    text = (ROOT / "desktop" / "ui" / "application.py").read_text(encoding="utf-8")
    names = re.findall(r'RESOURCES / "icons" / "([\w.]+)"', text)
    assert names and all((ICONS / name).is_file() for name in names)


def test_the_licence_is_an_spdx_expression() -> None:
    """Issue 14: the packaging metadata gives the licence as an SPDX string (PEP 639), which setuptools takes
    without the deprecation warning a `{text = …}` table earns."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    licence = project["project"]["license"]
    assert isinstance(licence, str) and licence.startswith("LicenseRef-")
    assert any(
        requirement.startswith("setuptools>=77") for requirement in project["build-system"]["requires"]
    )
