"""The time zone an account types and reads times in: its own, else the school's (SCHOOL_TIME_ZONE)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from quizapp.auth.models import User
from quizapp.timezones import is_zone, zone


def zone_of(user: User | None, config: Mapping[str, Any]) -> ZoneInfo:
    return zone(getattr(user, "time_zone", None), config.get("SCHOOL_TIME_ZONE") or "UTC")


def adopt_browser_zone(user: User, name: str | None) -> None:
    """At login: an account that never chose a zone takes the browser's (a valid IANA name, else nothing)."""
    if user.time_zone is None and name and is_zone(name):
        user.time_zone = name
