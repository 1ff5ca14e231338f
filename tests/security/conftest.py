"""One world per test module and database, built once; a test that changes it puts back what it changed."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.security.routes import Clients
from tests.security.world import World, world, world_app

__all__ = ["clients", "world", "world_app"]


@pytest.fixture(scope="module")
def clients(world_app: Flask, world: World) -> Clients:
    return Clients(world_app, world)
