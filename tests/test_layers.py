"""The package's stages are layers: a module imports from its own stage or lower ones, never from a
higher one, and no modules import each other in a circle.

Every import counts, wherever it is (at the top of the module, inside a function, relative or
absolute, through ``importlib.import_module`` with a literal name): one inside a function only
hides the dependency until the function runs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "newsletter"

# Lowest first: a module may import from the stages on its line and on the lines above.
LAYERS = [
    {"newsletter"},  # the package's __init__.py: its docstring and __version__, nothing else
    {"i18n", "translations", "errors", "files", "lock", "paths"},
    {"read"},
    {"text"},
    {"model"},
    {"render"},
    {"checks"},
    {"build"},
    {"archive"},
    {"scaffold"},
    {"cli"},
    {"__main__"},  # `python -m newsletter`
]

# Imports known to break the layers or to close a circle, as "importer -> imported": none.
KNOWN_VIOLATIONS: set[str] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str:
    """``newsletter.render.pdf.journal`` -> ``render``; the package itself -> ``newsletter``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layer(module: str) -> int:
    found = [index for index, stages in enumerate(LAYERS) if stage(module) in stages]
    assert found, f"{module}: its stage `{stage(module)}` is in no layer of LAYERS"
    return found[0]


def _resolved(name: str) -> str | None:
    """The package's module that an imported dotted name is, or is in (``newsletter.errors.InputError`` is
    in ``newsletter.errors``); None outside the package."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _called(call: ast.Call) -> str | None:
    """The name of the called function: ``import_module`` for ``importlib.import_module(...)`` too."""
    return getattr(call.func, "id", None) or getattr(call.func, "attr", None)


def imported_names(module: str, tree: ast.Module) -> Iterator[tuple[str, int]]:
    """Every dotted name the module imports, with its line."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            yield from ((f"{base}.{alias.name}", node.lineno) for alias in node.names)
        elif isinstance(node, ast.Call) and _called(node) == "import_module" and node.args:
            argument = node.args[0]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                yield argument.value, node.lineno
            elif isinstance(argument, ast.JoinedStr) and isinstance(argument.values[0], ast.Constant):
                yield str(argument.values[0].value).rstrip("."), node.lineno  # the literal start of the name


def dependencies() -> dict[str, dict[str, int]]:
    """Module -> the package's modules it imports (each with the line of its first import)."""
    graph: dict[str, dict[str, int]] = {}
    for module, path in MODULES.items():
        edges = graph.setdefault(module, {})
        for name, line in imported_names(module, ast.parse(path.read_text(encoding="utf-8"))):
            target = _resolved(name)
            if target is not None and target != module:
                edges.setdefault(target, line)
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_every_module_is_in_a_layer():
    for module in MODULES:
        layer(module)


def test_no_module_imports_from_a_higher_layer():
    upward = [
        f"{module} -> {target} (line {line})"
        for module, targets in sorted(dependencies().items())
        for target, line in sorted(targets.items())
        if layer(target) > layer(module) and f"{module} -> {target}" not in KNOWN_VIOLATIONS
    ]
    assert not upward, "imports from a higher layer (importer -> imported):\n" + "\n".join(upward)


def test_no_import_cycle():
    graph = dependencies()
    circles = [
        group
        for group in cycles(graph)
        if not all(f"{a} -> {b}" in KNOWN_VIOLATIONS for a in group for b in graph[a] if b in group)
    ]
    assert not circles, "modules that import each other in a circle:\n" + "\n".join(
        " ".join(group) + ": " + ", ".join(f"{a} -> {b}" for a in group for b in sorted(graph[a]) if b in group)
        for group in circles
    )


def test_the_known_violations_are_still_there():
    graph = dependencies()
    gone = sorted(
        edge for edge in KNOWN_VIOLATIONS if edge.split(" -> ")[1] not in graph.get(edge.split(" -> ")[0], {})
    )
    assert not gone, f"fixed: remove them from KNOWN_VIOLATIONS: {gone}"


def test_the_package_init_holds_only_the_docstring_and_the_version():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    docstring, *rest = tree.body
    assert isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)
    assert [ast.unparse(node).split(" =")[0] for node in rest] == ["__version__"]


def test_the_scan_sees_imports_in_functions_and_relative_ones():
    tree = ast.parse("def f():\n    from ..model import layout\n    from . import labels\n")
    names = [name for name, _ in imported_names("newsletter.text.markup", tree)]
    assert names == ["newsletter.model.layout", "newsletter.text.labels"]
    assert [_resolved(name) for name in names] == ["newsletter.model.layout", "newsletter.text.labels"]
