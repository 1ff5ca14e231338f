"""Wall-clock times in a zone to UTC and back, across date lines and clock changes (pure, no database)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from quizapp.timezones import NoSuchLocalTime, is_zone, local_to_utc, utc_to_local, zone, zone_names

NEW_YORK, BERLIN, AUCKLAND = ZoneInfo("America/New_York"), ZoneInfo("Europe/Berlin"), ZoneInfo("Pacific/Auckland")


def test_an_evening_in_new_york_is_the_next_day_in_utc() -> None:
    stored = local_to_utc(datetime(2026, 12, 10, 20, 0), NEW_YORK)
    assert stored == datetime(2026, 12, 11, 1, 0, tzinfo=UTC)
    assert utc_to_local(stored, NEW_YORK) == datetime(2026, 12, 10, 20, 0)


def test_a_morning_in_auckland_is_the_day_before_in_utc() -> None:
    assert local_to_utc(datetime(2027, 1, 1, 8, 0), AUCKLAND) == datetime(2026, 12, 31, 19, 0, tzinfo=UTC)


def test_the_hour_the_clocks_skip_is_refused() -> None:
    with pytest.raises(NoSuchLocalTime, match="skip"):
        local_to_utc(datetime(2027, 3, 28, 2, 30), BERLIN)


def test_the_hour_the_clocks_repeat_means_its_first_time() -> None:
    assert local_to_utc(datetime(2026, 10, 25, 2, 30), BERLIN) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_zone_names_are_checked_and_fall_back() -> None:
    assert is_zone("Europe/Paris")
    assert not any(is_zone(name) for name in ("", None, "Mars/Olympus", "../etc/passwd", "/etc/localtime", "x" * 70))
    assert zone("Mars/Olympus", "Asia/Tokyo").key == "Asia/Tokyo"
    assert zone(None, "nonsense").key == "UTC"
    assert "Europe/Paris" in zone_names()
    assert "UTC" in zone_names()
