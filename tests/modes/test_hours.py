"""Opening hours in kiosk.yaml (issue 19, point 3): parsing, open/closed, next opening."""

from __future__ import annotations

from datetime import datetime

from loosstory.modes.kiosk.hours import parse_hours
from loosstory.modes.kiosk.settings import load_settings

TUESDAY = datetime(2026, 12, 8)  # a Tuesday


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    return TUESDAY.replace(day=8 + day_offset, hour=hour, minute=minute)


def test_ranges_per_weekday_with_a_lunch_break_and_closed_days():
    hours, warnings = parse_hours({"mardi": "10:00-18:00",
                                   "mercredi": ["10:00-12:30", "14h00-18h00"],
                                   "Sunday": "14:00-24:00", "lundi": "fermé"}, "k.yaml")
    assert warnings == []
    assert not hours.is_open(at(0, 9, 59)) and hours.is_open(at(0, 10))
    assert hours.is_open(at(0, 17, 59)) and not hours.is_open(at(0, 18))
    assert hours.is_open(at(1, 12, 29)) and not hours.is_open(at(1, 13))
    assert hours.is_open(at(1, 14))
    assert not hours.is_open(at(2, 11))  # Thursday: not listed, closed
    assert hours.is_open(at(5, 23, 59))  # Sunday until midnight
    assert not hours.is_open(at(6, 11))  # Monday: fermé


def test_next_opening_in_french():
    hours, _ = parse_hours({"mardi": "10:00-18:00", "mercredi": ["10:00-12:30", "14:00-18:00"]},
                           "k.yaml")
    assert hours.describe_next_opening(at(0, 8)) == "aujourd’hui à 10\u00a0h\u00a000"
    assert hours.describe_next_opening(at(0, 19)) == "demain à 10\u00a0h\u00a000"
    assert hours.describe_next_opening(at(1, 13)) == "aujourd’hui à 14\u00a0h\u00a000"
    assert hours.describe_next_opening(at(1, 19)) == "mardi à 10\u00a0h\u00a000"
    never, _ = parse_hours({"lundi": "fermé"}, "k.yaml")
    assert never.next_opening(at(0, 8)) is None
    assert "aucune heure" in never.describe_next_opening(at(0, 8))


def test_wrong_entries_are_warned_in_french_and_that_slot_is_closed():
    hours, warnings = parse_hours({"mardy": "10:00-18:00", "mardi": ["25:00-26:00", "18-10"],
                                   "jeudi": "20:00-02:00", "vendredi": 9}, "k.yaml")
    assert len(warnings) == 5
    assert "jour inconnu «\u00a0opening_hours.mardy\u00a0»" in warnings[0]
    assert all("k.yaml" in w for w in warnings)
    assert not any(hours.is_open(at(d, h)) for d in range(7) for h in range(24))
    none, warnings = parse_hours("10:00-18:00", "k.yaml")
    assert none is None and "un jour par ligne" in warnings[0]  # stays always open


def test_kiosk_yaml_reads_opening_hours_and_the_fleet_keys(tmp_path):
    file = tmp_path / "kiosk.yaml"
    file.write_text('opening_hours:\n  mardi: "10:00-18:00"\n  samedi: [\"10:00-12:00\"]\n'
                    "kiosk_name: accueil-1\noutbox: boite\nrequire_manifest: true\n",
                    encoding="utf-8")
    settings = load_settings(file)
    assert settings.warnings == ()
    assert settings.opening_hours.is_open(at(0, 11)) and not settings.opening_hours.is_open(at(1, 11))
    assert settings.name == "accueil-1" and settings.outbox == tmp_path / "boite"
    assert settings.require_manifest is True
    assert load_settings(tmp_path / "absent.yaml").opening_hours is None  # always open
