"""Who may import whom: the layers of README's Layout section, checked over the import graph.

Every ``import quizapp...`` / ``from quizapp... import`` / relative import of every module under quizapp/ is
read with ``ast`` (no import runs, and no dependency is needed beyond the standard library). A module may
import modules of its own layer and of the layers below it; two packages of one layer (practice, history)
do not import each other. Imports under ``if TYPE_CHECKING:`` are annotations only and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import quizapp

PACKAGE = Path(quizapp.__file__).resolve().parent

# Lowest first. A module belongs to the layer of the longest prefix that names it.
PURE = (
    "quizapp.generation",
    "quizapp.wording",
    "quizapp.question_types",
    "quizapp.short_answers",
    # Shared by several features, so that none borrows them from another: statuses, CSV cells, the GC pause.
    "quizapp.statuses",
    "quizapp.spreadsheets",
    "quizapp.collector",
    "quizapp.attempts.grading",
    "quizapp.attempts.normalise_answers",
    "quizapp.attempts.ordering_scores",
    "quizapp.attempts.deadlines",
    "quizapp.quizzes.timing",
    "quizapp.history.stats",
    "quizapp.history.option_analysis",
    "quizapp.practice.scheduling",
    "quizapp.live.scoring",
    "quizapp.live.clock",
    "quizapp.timezones",
)
ROOT = (
    "quizapp.config",
    "quizapp.models",
    "quizapp.extensions",
    "quizapp.exceptions",
    "quizapp.database",
    "quizapp.access",
    "quizapp.rate_limits",
    "quizapp.request_args",
    "quizapp.forms",
    "quizapp.errors",
    "quizapp.security_headers",
    "quizapp.page_urls",
    "quizapp.cli_progress",
    "quizapp.backups",
    "quizapp.background",
    "quizapp.moved",
    "quizapp.transactions",
    # The role names, an enum that imports nothing: access.py needs them to say who may use a route.
    "quizapp.auth.roles",
)
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("pure", PURE),
    ("root", ROOT),
    # What the audit log needs to know of accounts: the user row. Nothing else of auth sits below audit.
    ("accounts", ("quizapp.auth.models",)),
    ("audit", ("quizapp.audit",)),
    ("auth", ("quizapp.auth",)),
    ("classes", ("quizapp.classes",)),
    ("sources", ("quizapp.sources",)),
    ("bank", ("quizapp.bank",)),
    ("quizzes", ("quizapp.quizzes",)),
    ("attempts", ("quizapp.attempts",)),
    ("practice/history/live", ("quizapp.practice", "quizapp.history", "quizapp.live")),
    ("dashboard", ("quizapp.dashboard",)),
    # The JSON API calls the features' services as the pages do.
    ("api", ("quizapp.api",)),
    ("top", ("quizapp.schema", "quizapp.jobs", "quizapp.cli", "quizapp.seeding", "quizapp")),
]
# Layers of features side by side, which do not import each other.
SIBLING_LAYERS = {"practice/history/live"}
# Pure modules know nothing of Flask or the database.
FRAMEWORKS = ("flask", "flask_login", "flask_wtf", "flask_sqlalchemy", "flask_migrate", "sqlalchemy", "huey")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def place(module: str) -> tuple[int, str]:
    """The layer's index and the prefix that placed the module there."""
    best: tuple[int, str] | None = None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > len(best[1])):
                best = (index, prefix)
    if best is None:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS here and to README's Layout section")
    return best


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path, module: str, modules: set[str]) -> list[tuple[int, str]]:
    """(line, imported module) for every import of a quizapp module or of a framework, outside TYPE_CHECKING."""
    is_package = path.name == "__init__.py"
    found: list[tuple[int, str]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                # ``from quizapp import rate_limits`` imports the module quizapp.rate_limits.
                submodule = f"{target}.{alias.name}"
                found.append((node.lineno, submodule if submodule in modules else target))
        pending.extend(ast.iter_child_nodes(node))
    return found


def import_graph() -> dict[str, tuple[Path, list[tuple[int, str]]]]:
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    modules = set(paths)
    return {module: (path, imports_of(path, module, modules)) for module, path in paths.items()}


def violations(graph: dict[str, tuple[Path, list[tuple[int, str]]]]) -> list[str]:
    problems = []
    for module, (path, imports) in sorted(graph.items()):
        layer, prefix = place(module)
        for line, imported in imports:
            where = f"{path.relative_to(PACKAGE.parent)}:{line}"
            if LAYERS[layer][0] == "pure" and imported.split(".")[0] in FRAMEWORKS:
                problems.append(f"{where}: the pure module {module} imports {imported}")
            if imported != "quizapp" and not imported.startswith("quizapp."):
                continue
            their_layer, their_prefix = place(imported)
            if their_layer > layer:
                problems.append(
                    f"{where}: {module} ({LAYERS[layer][0]}) imports {imported} ({LAYERS[their_layer][0]}, above it)"
                )
            elif their_layer == layer and their_prefix != prefix and LAYERS[layer][0] in SIBLING_LAYERS:
                problems.append(f"{where}: {module} imports its neighbour {imported} of the same layer")
    return problems


def test_no_module_imports_a_higher_layer() -> None:
    assert violations(import_graph()) == []


def test_the_check_sees_an_upward_import() -> None:
    # The graph the check reads, with one bad edge added: classes reaching up into quizzes.
    graph = import_graph()
    before = violations(graph)
    path, imports = graph["quizapp.classes.services"]
    graph["quizapp.classes.services"] = (path, [*imports, (1, "quizapp.quizzes.services")])
    assert [problem for problem in violations(graph) if problem not in before] == [
        "quizapp/classes/services.py:1: quizapp.classes.services (classes) imports quizapp.quizzes.services "
        "(quizzes, above it)"
    ]


def test_relative_and_package_imports_are_resolved(tmp_path: Path) -> None:
    source = tmp_path / "quizapp" / "bank" / "thing.py"
    source.parent.mkdir(parents=True)
    source.write_text("from .models import Question\nfrom ..attempts import services\nfrom quizapp import jobs\n")
    found = imports_of(source, "quizapp.bank.thing", {"quizapp.jobs", "quizapp.attempts.services"})
    assert sorted(name for _, name in found) == ["quizapp.attempts.services", "quizapp.bank.models", "quizapp.jobs"]


def test_history_borrows_no_helper_from_another_feature() -> None:
    # The CSV cells and the collector pause live at the root; history reads the bank's models and services
    # (sending a weak question back to review), not the generator's or the bank's file formats.
    graph = import_graph()
    borrowed = [
        f"{module} imports {imported}"
        for module, (_, imports) in graph.items()
        if module.startswith("quizapp.history")
        for _, imported in imports
        if imported.startswith(("quizapp.generation", "quizapp.bank.interchange"))
    ]
    assert borrowed == []
