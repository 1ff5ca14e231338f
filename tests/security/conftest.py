"""One world per test module and database, built once; a test that changes it puts back what it changed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from tests.conftest import app_on
from tests.security.routes import Clients
from tests.security.world import World, build_world


@pytest.fixture(scope="module")
def world_app(database_url: str) -> Iterator[Flask]:
    with app_on(database_url) as app:
        yield app


@pytest.fixture(scope="module")
def world(world_app: Flask) -> World:
    return build_world()


@pytest.fixture(scope="module")
def clients(world_app: Flask, world: World) -> Clients:
    return Clients(world_app, world)
