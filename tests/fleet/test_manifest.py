"""Pack manifests (issue 19, point 4): seal, verify, every way a copy can be incomplete."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from loosstory.cli import main
from loosstory.fleet.manifest import (
    MANIFEST_NAME,
    ManifestError,
    manifest_hash,
    read_manifest,
    seal,
    verify,
)
from tests.story.packs import write_pack as good_pack


def test_seal_lists_every_file_with_size_and_sha256(tmp_path):
    pack = good_pack(tmp_path / "pack")
    (pack / ".stfolder").mkdir()  # Syncthing's marker: never part of the pack
    (pack / ".syncthing.story.yaml.tmp").write_text("half", encoding="utf-8")
    manifest = seal(pack, "essai-1")
    data = json.loads((pack / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["pack_id"] == "essai-1" and manifest.pack_id == "essai-1"
    names = sorted(data["files"])
    assert "story.yaml" in names and "images/couverture.png" in names
    assert not any(n.startswith(".") or "/." in n for n in names) and MANIFEST_NAME not in names
    import hashlib
    body = (pack / "story.yaml").read_bytes()
    assert data["files"]["story.yaml"] == {"size": len(body),
                                           "sha256": hashlib.sha256(body).hexdigest()}
    assert manifest.digest == manifest_hash(pack) and len(manifest.digest) == 64
    assert verify(pack).ok


def test_verify_reports_missing_different_and_extra_files(tmp_path):
    pack = good_pack(tmp_path / "pack")
    seal(pack, "v1")
    (pack / "images" / "couverture.png").unlink()
    (pack / "story.yaml").write_text((pack / "story.yaml").read_text("utf-8") + "\n# changé\n",
                                     encoding="utf-8")
    (pack / "en-trop.md").write_text("x", encoding="utf-8")
    verdict = verify(pack)
    assert not verdict.ok
    assert verdict.missing == ["images/couverture.png"]
    assert verdict.different == ["story.yaml"]
    assert verdict.extra == ["en-trop.md"]
    summary = verdict.summary()
    assert "manquant" in summary and "différent" in summary and "en trop" in summary


def test_same_size_different_bytes_is_caught_by_the_hash(tmp_path):
    pack = good_pack(tmp_path / "pack")
    seal(pack)
    text = (pack / "story.yaml").read_text("utf-8")
    (pack / "story.yaml").write_text(text.replace("essai", "eSSai", 1), encoding="utf-8")
    assert verify(pack).different == ["story.yaml"]


@pytest.mark.parametrize("text, expected", [
    (None, "pas de manifeste"),
    ('{"format": 1, "files": {"story.y', "illisible"),
    ('{"format": 1, "files": {"../etc/passwd": {"size": 1, "sha256": "' + "0" * 64 + '"}}}',
     "hors du paquet"),
    ('[1, 2]', "format 1 attendu"),
])
def test_a_missing_or_damaged_manifest_is_explained(tmp_path, text, expected):
    pack = good_pack(tmp_path / "pack")
    if text is not None:
        (pack / MANIFEST_NAME).write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=expected):
        read_manifest(pack)
    verdict = verify(pack)
    assert not verdict.ok and expected in verdict.summary()


@pytest.mark.parametrize("target", ["file", "folder"])
def test_seal_and_verify_refuse_a_symlink(tmp_path, target):
    pack = good_pack(tmp_path / "pack")
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "secret.txt").write_text("hors du paquet", encoding="utf-8")
    link = pack / "images" / "lien"
    link.symlink_to(outside / "secret.txt" if target == "file" else outside)
    with pytest.raises(ManifestError, match="lien symbolique"):
        seal(pack)
    link.unlink()
    seal(pack)
    link.symlink_to(outside / "secret.txt" if target == "file" else outside)  # added later
    verdict = verify(pack)
    assert not verdict.ok and verdict.extra == ["images/lien"]


def test_cli_seal_verify_and_refuse_a_pack_with_errors(tmp_path, capsys):
    pack = good_pack(tmp_path / "pack")
    assert main(["pack", "seal", str(pack), "--id", "expo-2027"]) == 0
    assert "«\u00a0expo-2027\u00a0» scellé" in capsys.readouterr().out
    assert main(["pack", "verify", str(pack)]) == 0
    assert "complet" in capsys.readouterr().out
    (pack / "images" / "couverture.png").unlink()
    assert main(["pack", "verify", str(pack)]) == 1
    assert "manquant" in capsys.readouterr().out
    broken = tmp_path / "broken"
    shutil.copytree(pack, broken)
    (broken / MANIFEST_NAME).unlink()
    assert main(["pack", "seal", str(broken)]) == 1  # the missing cover is an error
    err = capsys.readouterr().err
    assert "paquet non scellé" in err and not (broken / MANIFEST_NAME).exists()
    assert main(["pack", "seal", str(tmp_path)]) == 2
    assert "pas de story.yaml" in capsys.readouterr().err


def test_seal_id_defaults_to_folder_and_time(tmp_path):
    pack = good_pack(tmp_path / "expo")
    manifest = seal(pack)
    assert manifest.pack_id.startswith("expo-")
    assert Path(pack / MANIFEST_NAME).is_file()
