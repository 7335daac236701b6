"""What a Linux kiosk needs to start at boot and restart after a crash (packaging/kiosk/)."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import yaml

from loosstory.modes.kiosk.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
KIOSK = ROOT / "packaging" / "kiosk"


def _ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # keep the keys' case
    parser.read(path, encoding="utf-8")
    return parser


def test_the_unit_restarts_always_and_the_autostart_entry_starts_it() -> None:
    unit = _ini(KIOSK / "loosstory-kiosk.service")
    assert unit["Service"]["Restart"] == "always"
    assert unit["Service"]["RestartSec"] == "2"
    assert unit["Service"]["ExecStart"].endswith("loosstory --kiosk")
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    # the staff's « Quitter » is the one exit the unit does not undo
    from loosstory.modes.kiosk.controller import STAFF_QUIT_STATUS

    assert unit["Service"]["RestartPreventExitStatus"] == str(STAFF_QUIT_STATUS)
    entry = _ini(KIOSK / "loosstory-kiosk.desktop")["Desktop Entry"]
    assert entry["Type"] == "Application" and "loosstory-kiosk.service" in entry["Exec"]
    assert "--kiosk" in entry["Exec"]


def test_the_example_settings_are_valid(tmp_path: Path) -> None:
    text = (KIOSK / "kiosk.yaml.example").read_text(encoding="utf-8")
    assert isinstance(yaml.safe_load(text), dict)
    file = tmp_path / "kiosk.yaml"
    file.write_text(text, encoding="utf-8")
    settings = load_settings(file)
    assert settings.warnings == () and settings.idle_timeout == 90 and settings.countdown == 30


def test_install_for_the_current_user(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "LOOSSTORY_BIN": "/opt/loosstory/loosstory"}
    done = subprocess.run(["bash", str(KIOSK / "install.sh")], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    unit = home / ".config" / "systemd" / "user" / "loosstory-kiosk.service"
    assert "ExecStart=/opt/loosstory/loosstory --kiosk" in unit.read_text(encoding="utf-8")
    entry = home / ".config" / "autostart" / "loosstory-kiosk.desktop"
    assert "exec /opt/loosstory/loosstory --kiosk" in entry.read_text(encoding="utf-8")
    assert (home / ".config" / "loosstory" / "kiosk.yaml").is_file()
    done = subprocess.run(["bash", str(KIOSK / "install.sh"), "--uninstall"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not unit.exists() and not entry.exists()


def test_linux_install_with_kiosk_puts_the_files_for_every_account(tmp_path: Path) -> None:
    dest = tmp_path / "root"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path / "home")}
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "install.sh"), "--prefix", "/usr",
         "--destdir", str(dest), "--kiosk"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (dest / "usr" / "share" / "loosstory" / "kiosk" / "GUIDE-KIOSQUE.md").is_file()
    # the HOME variable decides the scope for a non-root run: user scope, files in HOME
    home_unit = tmp_path / "home" / ".config" / "systemd" / "user" / "loosstory-kiosk.service"
    system_unit = dest / "usr" / "lib" / "systemd" / "user" / "loosstory-kiosk.service"
    assert home_unit.is_file() or system_unit.is_file()


def test_the_kiosk_starts_without_sqlite3(tmp_path: Path) -> None:
    """The one-folder bundle may leave sqlite3 out: the kiosk then runs without figures."""
    code = (
        "import sys\n"
        "sys.modules['sqlite3'] = None\n"
        "import loosstory.modes.kiosk.launch, loosstory.modes.kiosk.controller\n"
        "import loosstory.modes.kiosk.visits\n"
        "from loosstory.stats.ids import new_visit_id\n"
        "assert len(new_visit_id()) == 16\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
