"""Loads the quality benchmark's scripts (benchmarks/quality/), which are not a package, for their unit tests."""

import importlib.util
import pathlib
import sys
from types import ModuleType

QUALITY = pathlib.Path(__file__).resolve().parents[2] / "benchmarks" / "quality"


def load_script(name: str) -> ModuleType:
    """The module of ``benchmarks/quality/<name>.py``, loaded from its file as the script runs."""
    spec = importlib.util.spec_from_file_location(f"quality_{name}", QUALITY / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
