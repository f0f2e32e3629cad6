"""The dependencies: every package the code imports is declared, and the installed reportlab has every
attribute outside its documented API that the code uses.

A module that uses such attributes lists them next to the code, in a module-level constant
``REPORTLAB_INTERNALS = {"reportlab.module.Object": ("attribute", ...)}``. The tests read those
lists (without importing the modules), look each attribute up on real reportlab objects, and check
that the lists are complete: a private name used on a reportlab object and not listed fails, and so
does a listed name the module no longer uses. A hook reportlab reads only when a caller has set it
(``getattr(self, "_name", None)``) exists on no object: it is listed in ``REPORTLAB_HOOKS``, and its
name must still be in the owner's source.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import io
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "newsletter"
TESTS = REPO / "tests"
CONSTANT = "REPORTLAB_INTERNALS"
HOOKS = "REPORTLAB_HOOKS"
PRIVATE = re.compile(r"_(?!_)\w+")


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, ast.Module]:
    return {
        _module_name(path): ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


SOURCES = _sources()


def _constant(tree: ast.Module, name: str = CONSTANT) -> ast.expr | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return node.value
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            return node.value
    return None


def listed(tree: ast.Module, name: str = CONSTANT) -> dict[str, tuple[str, ...]]:
    """The module's ``REPORTLAB_INTERNALS`` (or hooks): reportlab object (dotted name) -> attribute names."""
    value = _constant(tree, name)
    return {} if value is None else ast.literal_eval(value)


HOOKED = [
    (module, owner, attribute)
    for module, tree in SOURCES.items()
    for owner, attributes in listed(tree, HOOKS).items()
    for attribute in attributes
]


INTERNALS = [
    (module, owner, attribute)
    for module, tree in SOURCES.items()
    for owner, attributes in listed(tree).items()
    for attribute in attributes
]


# --- the installed reportlab has them --------------------------------------------------------------


def _instances() -> dict[type, Callable[[], object]]:
    """Real reportlab objects, for attributes that only instances have (set by ``__init__`` or ``wrap``)."""
    from reportlab.lib.utils import TimeStamp
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus import Flowable, Frame, KeepTogether, Table

    def font() -> TTFont:
        return TTFont("DejaVuSans", str(PACKAGE / "data" / "fonts" / "DejaVuSans.ttf"))

    def table() -> Table:
        wrapped = Table([["cell"]])
        wrapped.wrap(100, 100)
        return wrapped

    return {
        Canvas: lambda: Canvas(io.BytesIO()),
        PDFDocument: PDFDocument,
        PDFTextObject: lambda: PDFTextObject(Canvas(io.BytesIO())),
        TimeStamp: lambda: TimeStamp(invariant=True),
        TTFont: font,
        TTFontFace: lambda: font().face,
        Flowable: Flowable,
        Table: table,
        KeepTogether: lambda: KeepTogether([]),
        Frame: lambda: Frame(0, 0, 100, 100),
    }


def reportlab_object(dotted: str) -> object:
    """The module, or the class, that a dotted name such as ``reportlab.platypus.tables.Table`` names."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ImportError(dotted)


@pytest.mark.parametrize(
    "module, owner, attribute",
    INTERNALS,
    ids=[f"{module}:{owner.rsplit('.', 1)[-1]}.{name}" for module, owner, name in INTERNALS],
)
def test_the_installed_reportlab_has_every_internal_the_package_uses(module, owner, attribute):
    from reportlab import Version

    try:
        found = reportlab_object(owner)
    except (ImportError, AttributeError):
        pytest.fail(f"reportlab {Version} has no {owner}, which {module} uses (its {CONSTANT})")
    make = _instances().get(found) if isinstance(found, type) else None
    where = "an instance of " if make else ""
    assert hasattr(make() if make else found, attribute), (
        f"reportlab {Version} has no `{attribute}` on {where}{owner}, which {module} uses: keep reportlab "
        f"to the versions that have it (pyproject.toml) or change {module}"
        + ("" if make or not isinstance(found, type) else " (if instances have it, add one to _instances())")
    )


@pytest.mark.parametrize("module, owner, attribute", HOOKED)
def test_reportlab_still_reads_every_hook_the_package_sets(module, owner, attribute):
    import inspect

    from reportlab import Version

    assert attribute in inspect.getsource(reportlab_object(owner)), (
        f"reportlab {Version} no longer reads `{attribute}` in {owner}, which {module} sets: change {module}"
    )


def test_the_internals_are_listed_where_they_are_used():
    """The lists are where the code expects them; an empty scan would make the test above pass on nothing."""
    modules = {module for module, _, _ in INTERNALS}
    assert any(module.endswith("fontcache") for module in modules), modules
    assert any(module.endswith("press") for module in modules), modules


# --- the lists are complete and still used ---------------------------------------------------------


def _imports_reportlab(tree: ast.Module) -> bool:
    names = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    names += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    return any(name.split(".")[0] == "reportlab" for name in names)


def _reportlab_names(tree: ast.Module) -> set[str]:
    """Names the module imports from reportlab."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportlab")
        for alias in node.names
    }


def _reportlab_subclasses(tree: ast.Module) -> list[ast.ClassDef]:
    """The module's classes built on a reportlab class (directly or through another class of the module)."""
    bases = _reportlab_names(tree)
    found: list[ast.ClassDef] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(isinstance(b, ast.Name) and b.id in bases for b in node.bases):
            found.append(node)
            bases.add(node.name)
    return found


def own_names(cls: ast.ClassDef) -> set[str]:
    """Private names a class gives itself: its methods and what its ``__init__`` sets on ``self``."""
    names = {node.name for node in cls.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for method in cls.body:
        if isinstance(method, ast.FunctionDef) and method.name == "__init__":
            for node in ast.walk(method):
                targets = (
                    node.targets
                    if isinstance(node, ast.Assign)
                    else [node.target]
                    if isinstance(node, ast.AnnAssign)
                    else []
                )
                names |= {t.attr for t in targets if isinstance(t, ast.Attribute) and _on_self(t)}
    return {name for name in names if PRIVATE.fullmatch(name)}


def _on_self(node: ast.Attribute) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")


def _package_names() -> set[str]:
    """Private names the package defines itself (functions, classes, module constants, own attributes)."""
    names: set[str] = set()
    for tree in SOURCES.values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            if isinstance(node, ast.ClassDef):
                names |= own_names(node)
    return {name for name in names if PRIVATE.fullmatch(name)}


def private_uses(tree: ast.Module) -> Iterator[tuple[str, int]]:
    """Private names the module uses on reportlab objects, with their line: ``x._name`` on anything but
    ``self``, ``self._name`` in a reportlab subclass, and ``"_name"`` strings (keys of an object's
    ``__dict__``), less the names the package defines itself."""
    constants = [_constant(tree), _constant(tree, HOOKS)]
    skipped = {node for constant in constants if constant is not None for node in ast.walk(constant)}
    in_subclass = {node for cls in _reportlab_subclasses(tree) for node in ast.walk(cls)}
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    ours = _package_names()
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Attribute) and PRIVATE.fullmatch(node.attr):
            name = node.attr
            if _on_self(node) and node not in in_subclass:
                continue
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and PRIVATE.fullmatch(node.value):
            name = node.value
            if isinstance(parents.get(node), (ast.JoinedStr, ast.BinOp)):  # a piece of a longer text
                continue
        else:
            continue
        if name not in ours:
            yield name, node.lineno


REPORTLAB_MODULES = [module for module, tree in SOURCES.items() if _imports_reportlab(tree)]


@pytest.mark.parametrize("module", REPORTLAB_MODULES)
def test_every_private_reportlab_name_a_module_uses_is_listed(module):
    tree = SOURCES[module]
    names = {attribute for attributes in (listed(tree) | listed(tree, HOOKS)).values() for attribute in attributes}
    missing = sorted({f"`{name}` (line {line})" for name, line in private_uses(tree) if name not in names})
    assert not missing, f"{module} uses reportlab's {', '.join(missing)}: list them in its {CONSTANT}"


@pytest.mark.parametrize("module", sorted({module for module, _, _ in INTERNALS}))
def test_every_listed_internal_is_still_used(module):
    tree = SOURCES[module]
    constant = _constant(tree)
    skipped = set(ast.walk(constant)) if constant is not None else set()
    used = set()
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Attribute):
            used.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            used.add(node.value)
        elif isinstance(node, ast.ImportFrom):
            used |= {alias.name for alias in node.names}
    stale = sorted({attribute for _, attributes in listed(tree).items() for attribute in attributes} - used)
    assert not stale, f"{module} lists {stale} in its {CONSTANT} but no longer uses them"


@pytest.mark.parametrize("module", REPORTLAB_MODULES)
def test_own_private_names_of_reportlab_subclasses_do_not_shadow_reportlab_s(module):
    """A private name a subclass gives itself must not replace one reportlab uses (a new release may add it)."""
    instances = _instances()
    loaded = importlib.import_module(module)
    for cls in _reportlab_subclasses(SOURCES[module]):
        base = next(k for k in getattr(loaded, cls.name).__mro__ if k.__module__.startswith("reportlab"))
        looked_at = [base] + ([instances[base]()] if base in instances else [])
        shadowed = sorted(name for name in own_names(cls) if any(hasattr(thing, name) for thing in looked_at))
        assert not shadowed, f"{module}.{cls.name} replaces reportlab's {shadowed} of {base.__name__}: rename them"


# --- every imported package is declared -------------------------------------------------------------


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> tuple[set[str], set[str]]:
    """The distributions the installed ``newsletter`` requires, and those its ``test`` extra adds (as
    installed: ``pip install -e '.[test]'`` again after changing pyproject.toml)."""
    runtime, test = set(), set()
    for requirement in importlib.metadata.requires("newsletter") or []:
        name = _normalized(re.match(r"[A-Za-z0-9._-]+", requirement).group())
        marker = requirement.partition(";")[2]
        if not marker:
            runtime.add(name)
        elif re.search(r"""extra\s*==\s*["']test["']""", marker):
            test.add(name)
    return runtime, test


def imported_distributions(folder: Path, local: set[str]) -> dict[str, set[str]]:
    """Distribution -> the files under ``folder`` that import it (standard library and ``local`` left out)."""
    providers = importlib.metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "importorskip"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                tops = [str(node.args[0].value).split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top in local:
                    continue
                for distribution in providers.get(top, [f"(no installed distribution provides `{top}`)"]):
                    found.setdefault(_normalized(distribution), set()).add(str(path.relative_to(REPO)))
    return found


def test_every_package_the_code_imports_is_a_dependency():
    runtime, _ = declared()
    undeclared = {
        name: files for name, files in imported_distributions(PACKAGE, {"newsletter"}).items() if name not in runtime
    }
    assert not undeclared, f"imported but not in the dependencies (pyproject.toml, as installed): {undeclared}"


def test_every_package_the_tests_import_is_declared():
    runtime, test = declared()
    local = {"newsletter", "tests"} | {path.stem for path in TESTS.glob("*.py")}
    undeclared = {
        name: files for name, files in imported_distributions(TESTS, local).items() if name not in runtime | test
    }
    assert not undeclared, (
        f"imported by the tests but in neither the dependencies nor the test extra (pyproject.toml, as installed): "
        f"{undeclared}"
    )
