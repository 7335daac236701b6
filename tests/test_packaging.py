"""Packaging: the wheel carries the story and the assets, and the installed app uses them.

The slow part builds the wheel, installs it into a fresh virtual environment (no system
site-packages, dependencies from the package index, pinned to the versions of the
current environment so that pip's cache or local wheels usually serve them) and runs the
installed ``loosstory`` from an unrelated directory. It takes about 20-40 s here (more on
a machine whose pip cache is empty: PySide6-Essentials is a ~100 MB download).

Skip it locally with ``LOOSSTORY_SKIP_PACKAGING=1``; CI (``CI=true``) always runs it.
The fast part checks the desktop files, icons and install script without building.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from tests.story.packs import write_pack

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "fr.loosengohelle.loosstory"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
SUMMARY = re.compile(
    r"^(?P<path>.+): 0 erreur\(s\), \d+ avertissement\(s\) \(\d+ chapitres, \d+ pages(, \d+ précision\(s\))?\) — OK$"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SKIP_SLOW = os.environ.get("LOOSSTORY_SKIP_PACKAGING") == "1" and not IN_CI

slow = pytest.mark.skipif(
    SKIP_SLOW, reason="LOOSSTORY_SKIP_PACKAGING=1 (wheel build + fresh venv); CI runs it"
)


def pyproject_version() -> str:
    """The one version: written in loosstory/__init__.py, read by hatch (pyproject.toml)."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "loosstory/__init__.py"
    match = re.search(r'(?m)^__version__ = "([^"]+)"$', (ROOT / "loosstory/__init__.py").read_text())
    assert match, "loosstory/__init__.py must write __version__ as a plain string"
    return match.group(1)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def run(args: list[str], *, cwd: Path, env: dict[str, str], timeout: int = 300):
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    return done


# --- the slow part: wheel → fresh venv → installed command ------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet",
         "--disable-pip-version-check", "-w", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    wheels = list(out.glob("loosstory-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A fresh venv with the wheel installed; returns its paths and a clean environment."""
    base = tmp_path_factory.mktemp("venv")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=300)
    python = venv / "bin" / "python"
    # Pin the dependencies to what this environment already runs: same Qt, and pip can
    # take them from its cache or local wheels instead of downloading newer ones.
    constraints = base / "constraints.txt"
    pins = []
    for name in ("PySide6-Essentials", "shiboken6", "Markdown", "PyYAML"):
        try:
            pins.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--disable-pip-version-check", "-c", str(constraints), str(wheel)],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    env = {
        key: value for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    work = base / "elsewhere"  # not the repository: nothing there to fall back on
    work.mkdir()
    return {"venv": venv.resolve(), "python": python, "bin": venv / "bin" / "loosstory",
            "env": env, "cwd": work}


@slow
def test_wheel_carries_the_story_the_assets_and_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    bundled = "loosstory/_bundled/"
    for expected in (
        "content/story.yaml",
        "content/README.md",
        "content/fr/01-resilience-et-transition.md",
        "content/images/couverture.svg",
        "assets/fonts/atkinson-hyperlegible/OFL.txt",
        "assets/fonts/fraunces/OFL.txt",
        "assets/icons/loosstory.svg",
        "assets/icons/loosstory-256.png",
    ):
        assert bundled + expected in names, expected
    # Every file of the repository's content/ and assets/ travels, nothing more.
    for folder in ("content", "assets"):
        on_disk = {
            f"{bundled}{folder}/{p.relative_to(ROOT / folder).as_posix()}"
            for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts
        }
        assert on_disk <= names, sorted(on_disk - names)[:5]
    assert not any(n.startswith(("tests/", "packaging/", "bench/")) for n in names)
    # The interface's translations: the .ts and the .qm compiled from it by the build hook
    # (hatch_build.py), never a .qm from the checkout (they are not committed).
    assert {"loosstory/i18n/loosstory_en.ts", "loosstory/i18n/loosstory_en.qm"} <= names
    assert re.search(r"(?m)^loosstory\s*=\s*loosstory\.cli:main$", scripts), scripts


@slow
def test_installed_app_finds_its_resources_inside_the_venv(installed: dict) -> None:
    probe = (
        "import loosstory, loosstory.resources as r;"
        "print(loosstory.__file__); print(r.content_dir()); print(r.assets_dir());"
        "print(loosstory.__version__)"
    )
    done = run([str(installed["python"]), "-c", probe], cwd=installed["cwd"],
               env=installed["env"])
    assert done.returncode == 0, done.stderr
    module, content, assets, version = done.stdout.splitlines()
    venv = installed["venv"]
    for path in (module, content, assets):
        assert Path(path).resolve().is_relative_to(venv), f"{path} is not in the fresh venv"
    assert Path(content).name == "content" and (Path(content) / "story.yaml").is_file()
    assert (Path(assets) / "fonts" / "fraunces" / "OFL.txt").is_file()
    assert "_bundled" in Path(content).parts
    assert version == pyproject_version()


@slow
def test_installed_version_is_pyprojects(installed: dict) -> None:
    done = run([str(installed["bin"]), "--version"], cwd=installed["cwd"], env=installed["env"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"loosstory {pyproject_version()}"


@slow
def test_installed_check_plays_the_bundled_story(installed: dict) -> None:
    done = run([str(installed["bin"]), "check"], cwd=installed["cwd"], env=installed["env"])
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    match = SUMMARY.match(last)
    assert match, last
    assert Path(match["path"]).resolve().is_relative_to(installed["venv"]), last


@slow
def test_installed_check_and_snapshot_play_another_pack(installed: dict) -> None:
    pack = write_pack(installed["cwd"] / "autre-histoire")
    done = run([str(installed["bin"]), "check", str(pack)], cwd=installed["cwd"],
               env=installed["env"])
    assert done.returncode == 0, done.stdout + done.stderr
    match = SUMMARY.match(done.stdout.strip().splitlines()[-1])
    assert match and Path(match["path"]) == pack
    out = installed["cwd"] / "autre.png"
    done = run([str(installed["bin"]), "snapshot", "--content", str(pack), "--page", "cover",
                "--size", "800x600", "-o", str(out)], cwd=installed["cwd"], env=installed["env"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert png_size(out) == (800, 600)


@slow
def test_installed_snapshot_renders_the_cover(installed: dict) -> None:
    out = installed["cwd"] / "cover.png"
    done = run([str(installed["bin"]), "snapshot", "--page", "cover", "-o", str(out)],
               cwd=installed["cwd"], env=installed["env"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert png_size(out) == (1920, 1080)
    # A blank 1920×1080 PNG compresses to a few kB; the illustrated cover is far larger.
    assert out.stat().st_size > 50_000, out.stat().st_size
    QImage = pytest.importorskip("PySide6.QtGui").QImage
    image = QImage(str(out))
    colours = {image.pixel(x, y) for x in range(0, 1920, 97) for y in range(0, 1080, 89)}
    assert len(colours) > 20, "the cover looks blank"


# --- the fast part: desktop integration, icons, recipes -------------------------------


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(ROOT / "packaging" / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_matches_the_app() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Loos-en-Gohelle — loosstory"
    assert entry["Comment"] and entry["Comment[en]"] and entry["Comment"] != entry["Comment[en]"]
    assert entry["Exec"] == "loosstory"
    assert entry["Icon"] == APP_ID
    assert "Education" in entry["Categories"].split(";")
    # Qt sets WM_CLASS's class to QCoreApplication.applicationName() (X11), and the
    # Wayland app_id to QGuiApplication.desktopFileName(): see docs/packaging.md.
    assert entry["StartupWMClass"] == "loosstory"


def test_app_sets_the_names_the_desktop_entry_expects() -> None:
    """The composition root names the app as the .desktop file does.

    X11 matches StartupWMClass against WM_CLASS, whose class Qt takes from
    applicationName(); Wayland matches the desktop file against the app_id, which Qt
    takes from desktopFileName().
    """
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "loosstory").rglob("*.py")
    )
    assert 'setApplicationName("loosstory")' in source
    if "setDesktopFileName" not in source:
        pytest.xfail(f'the app does not call setDesktopFileName("{APP_ID}") yet')
    assert APP_ID in source


def test_metainfo_names_the_desktop_entry_and_the_version() -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("provides/binary").text == "loosstory"
    releases = [r.get("version") for r in root.iter("release")]
    assert pyproject_version() in releases, "add a <release> for the new version"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (apt: desktop-file-utils)")
def test_desktop_entry_validates() -> None:
    done = subprocess.run(["desktop-file-validate",
                           str(ROOT / "packaging" / "linux" / f"{APP_ID}.desktop")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout


def test_icons_exist_at_every_size() -> None:
    icons = ROOT / "assets" / "icons"
    svg = (icons / "loosstory.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and 'viewBox="0 0 512 512"' in svg
    for size in ICON_SIZES:
        assert png_size(icons / f"loosstory-{size}.png") == (size, size)
    assert (ROOT / "packaging" / "windows" / "loosstory.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (ROOT / "packaging" / "macos" / "loosstory.icns").read_bytes()[:4] == b"icns"


def test_linux_install_script_puts_every_file_in_place(tmp_path: Path) -> None:
    dest = tmp_path / "root"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path / "home")}
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "install.sh"), "--prefix", "/usr",
         "--destdir", str(dest)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    share = dest / "usr" / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png) == (size, size)
    kiosk = ROOT / "packaging" / "kiosk"
    if kiosk.is_dir():
        for file in (p for p in kiosk.rglob("*") if p.is_file()):
            assert (share / "loosstory" / "kiosk" / file.relative_to(kiosk)).is_file(), file
    manifest = (share / "loosstory" / "install-manifest.txt").read_text().split()
    assert f"/usr/share/applications/{APP_ID}.desktop" in manifest
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "install.sh"), "--prefix", "/usr",
         "--destdir", str(dest), "--uninstall"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()


def test_bundle_recipe_drops_the_qt_modules_the_app_does_not_use() -> None:
    spec = (ROOT / "packaging" / "pyinstaller" / "loosstory.spec").read_text(encoding="utf-8")
    for module in ("QtNetwork", "QtQml", "QtQuick", "QtPdf", "QtWebEngineCore"):
        assert f'"{module}"' in spec, module
    used = set()
    for path in (ROOT / "loosstory").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    allowed = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtSvgWidgets"}
    assert used <= allowed, (
        f"the app now imports {sorted(used - allowed)}: add it to QT_MODULES_USED in "
        "packaging/pyinstaller/loosstory.spec and remove it from QT_MODULES_EXCLUDED"
    )


def test_desktop_entry_has_a_present_action() -> None:
    """« Présenter » in the launcher's menu starts presenter mode (issue 17)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(ROOT / "packaging" / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    assert "present" in parser["Desktop Entry"]["Actions"].split(";")
    action = parser["Desktop Action present"]
    assert action["Name"] == "Présenter" and action["Exec"] == "loosstory --present"
