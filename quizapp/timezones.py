"""Times typed and read in a person's own zone, stored in UTC. Pure: the standard library's zoneinfo only.

A wall-clock time that does not exist in the zone (the hour skipped when clocks go forward) is refused
with a message; one that exists twice (the hour repeated when they go back) means its first occurrence.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

TIME_ZONE_MAX = 64


class NoSuchLocalTime(ValueError):
    """The wall-clock time is skipped in that zone (clocks go forward)."""


def is_zone(name: str | None) -> bool:
    """True for an IANA zone name this machine knows ("Europe/Paris", "UTC")."""
    if not name or len(name) > TIME_ZONE_MAX or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every zone name, sorted, for a select box."""
    return tuple(sorted(name for name in available_timezones() if "/" in name or name == "UTC"))


def zone(name: str | None, fallback: str = "UTC") -> ZoneInfo:
    """The zone of that name, else the fallback's, else UTC."""
    for candidate in (name, fallback):
        if is_zone(candidate):
            return ZoneInfo(candidate)  # type: ignore[arg-type]
    return ZoneInfo("UTC")


def local_to_utc(wall: datetime, where: ZoneInfo) -> datetime:
    """A naive wall-clock time in ``where`` as an aware UTC time; NoSuchLocalTime in a skipped hour."""
    local = wall.replace(tzinfo=where, fold=0)
    as_utc = local.astimezone(UTC)
    if as_utc.astimezone(where).replace(tzinfo=None) != wall.replace(fold=0):
        raise NoSuchLocalTime(
            f"{wall:%d %B %Y %H:%M} does not exist in {where.key}: the clocks skip that hour. Choose another time."
        )
    return as_utc


def utc_to_local(moment: datetime, where: ZoneInfo) -> datetime:
    """An aware time as the naive wall-clock time in ``where`` (for a form's datetime-local field)."""
    return moment.astimezone(where).replace(tzinfo=None)


def stored_time(value: object) -> datetime | None:
    """A time stored as ISO text (the queue's notes) as aware UTC, like ``utcnow``; a time without a zone is UTC."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
