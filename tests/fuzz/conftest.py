"""The zygote process that the hostile-file tests fork a child from for each file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fuzz.bounded import Zygote


@pytest.fixture(scope="session")
def zygote() -> Iterator[Zygote]:
    helper = Zygote()
    yield helper
    helper.close()
