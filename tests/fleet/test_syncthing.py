"""The fleet recipe with a real Syncthing (issue 19, point 4), on this machine only.

Two Syncthing instances (« hub » and « kiosque ») with their own homes, talking over the
loopback interface only: no discovery, no relays, no NAT, no usage reports, no upgrades.
The hub shares the pack folder send-only to the kiosk (receive-only); the kiosk shares its
outbox send-only back to the hub. The test waits (bounded, polling the folders the way a
kiosk does) until the kiosk's copy matches the pack's manifest and the hub has the
kiosk's status file. Skipped, with the reason, where `syncthing` is not installed
(Debian: ``apt-get install syncthing``). About 10-20 s.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from loosstory.fleet.manifest import MANIFEST_NAME, seal, verify
from loosstory.fleet.outbox import read_outbox, write_status
from tests.story.packs import write_pack

SYNCTHING = shutil.which("syncthing")
pytestmark = pytest.mark.skipif(SYNCTHING is None, reason="needs syncthing "
                                "(Debian package syncthing) for the real fleet test")
TIMEOUT = 60.0  # seconds for the whole exchange, generous on a loaded machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def generate(home: Path) -> str:
    done = subprocess.run([SYNCTHING, "generate", f"--home={home}", "--no-default-folder",
                           "--skip-port-probing"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "STNOUPGRADE": "1"})
    found = re.search(r"Device ID: ([A-Z0-9-]{63})", done.stdout + done.stderr)
    assert found, done.stdout + done.stderr
    return found.group(1)


def configure(home: Path, me: str, peer: str, peer_port: int, port: int, gui: int,
              folders: list[tuple[str, Path, str]]) -> None:
    """Loopback only, the peer at a fixed address, the given (id, path, type) folders."""
    file = home / "config.xml"
    tree = ET.parse(file)
    root = tree.getroot()
    device = ET.SubElement(root, "device", id=peer, name="pair", compression="metadata",
                           introducer="false", skipIntroductionRemovals="false",
                           introducedBy="")
    ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{peer_port}"
    for folder_id, path, kind in folders:
        path.mkdir(parents=True, exist_ok=True)
        (path / ".stfolder").mkdir(exist_ok=True)
        folder = ET.Element("folder", id=folder_id, label=folder_id, path=str(path), type=kind,
                            rescanIntervalS="3600", fsWatcherEnabled="true",
                            fsWatcherDelayS="1", ignorePerms="false", autoNormalize="true")
        for device_id in (me, peer):
            ET.SubElement(folder, "device", id=device_id, introducedBy="")
        root.insert(0, folder)
    root.find("gui/address").text = f"127.0.0.1:{gui}"
    options = root.find("options")
    for name, value in (("listenAddress", f"tcp://127.0.0.1:{port}"),
                        ("globalAnnounceEnabled", "false"), ("localAnnounceEnabled", "false"),
                        ("relaysEnabled", "false"), ("natEnabled", "false"),
                        ("startBrowser", "false"), ("urAccepted", "-1"),
                        ("autoUpgradeIntervalH", "0"), ("crashReportingEnabled", "false"),
                        ("reconnectionIntervalS", "1")):
        options.find(name).text = value
    tree.write(file)


def wait_for(condition, what: str, deadline: float) -> None:
    """Poll the folders (an external program fills them) until ``condition`` holds."""
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"Syncthing did not deliver {what} within {TIMEOUT:.0f} s")


def test_a_real_syncthing_carries_the_pack_and_the_outbox(tmp_path):
    hub_home, kiosk_home = tmp_path / "hub-home", tmp_path / "kiosk-home"
    hub_id, kiosk_id = generate(hub_home), generate(kiosk_home)
    hub_port, kiosk_port = free_port(), free_port()
    pack_hub, pack_kiosk = tmp_path / "hub" / "paquet", tmp_path / "kiosk" / "paquet"
    outbox_kiosk, outbox_hub = tmp_path / "kiosk" / "boite", tmp_path / "hub" / "kiosques" / "k1"
    configure(hub_home, hub_id, kiosk_id, kiosk_port, hub_port, free_port(),
              [("loosstory-paquet", pack_hub, "sendonly"),
               ("loosstory-boite-k1", outbox_hub, "receiveonly")])
    configure(kiosk_home, kiosk_id, hub_id, hub_port, kiosk_port, free_port(),
              [("loosstory-paquet", pack_kiosk, "receiveonly"),
               ("loosstory-boite-k1", outbox_kiosk, "sendonly")])
    write_pack(pack_hub)
    manifest = seal(pack_hub, "expo-syncthing")
    write_status(outbox_kiosk, {"kiosk": "k1", "version": "test", "pack_id": "",
                                "written": "2026-12-04T10:00:00+00:00"})
    env = {**os.environ, "STNOUPGRADE": "1", "STNORESTART": "1"}
    procs = []
    try:
        for home in (hub_home, kiosk_home):
            procs.append(subprocess.Popen(
                [SYNCTHING, "serve", f"--home={home}", "--no-browser", "--no-restart",
                 "--no-upgrade", f"--logfile={home / 'log.txt'}"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.monotonic() + TIMEOUT
        wait_for(lambda: verify(pack_kiosk).ok, "the complete pack", deadline)
        wait_for(lambda: (outbox_hub / "status.json").is_file(), "the kiosk's status", deadline)
        got = verify(pack_kiosk)
        assert got.manifest.digest == manifest.digest and got.matching == len(manifest.files)
        assert read_outbox(outbox_hub).name == "k1"
        # the hub publishes a new version: the kiosk's copy matches it again in the end
        (pack_hub / "fr" / "01-premier.md").write_text(
            (pack_hub / "fr" / "01-premier.md").read_text("utf-8") + "\nAjout.\n", "utf-8")
        newer = seal(pack_hub, "expo-syncthing-2")
        wait_for(lambda: verify(pack_kiosk).ok and json.loads(
            (pack_kiosk / MANIFEST_NAME).read_text("utf-8"))["pack_id"] == "expo-syncthing-2",
            "the second version", time.monotonic() + TIMEOUT)
        assert verify(pack_kiosk).manifest.digest == newer.digest
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
