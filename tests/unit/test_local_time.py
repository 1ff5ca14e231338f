"""Every time shown to a reader: a <time> element written in UTC, which the page's script shows locally."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from quizapp.local_time import time_element


def test_aware_time_is_written_in_utc_with_a_z_stamp() -> None:
    paris = timezone(timedelta(hours=1))
    html = str(time_element(datetime(2026, 12, 7, 10, 30, 15, 999, tzinfo=paris)))
    assert html == '<time datetime="2026-12-07T09:30:15Z" data-local="datetime">07 December 2026, 09:30 UTC</time>'


def test_naive_time_is_read_as_utc_and_styles_choose_the_text() -> None:
    moment = datetime(2026, 1, 2, 23, 5)
    assert ">02 January 2026<" in str(time_element(moment, "date"))
    assert 'data-local="time">23:05 UTC<' in str(time_element(moment, "time"))
    assert 'datetime="2026-01-02T23:05:00Z"' in str(time_element(moment.replace(tzinfo=UTC), "time"))


def test_no_moment_is_nothing_and_an_unknown_style_is_refused() -> None:
    assert str(time_element(None)) == ""
    with pytest.raises(ValueError, match="unknown time style"):
        time_element(datetime(2026, 1, 2, tzinfo=UTC), "weekday")
