"""The tests mirror the package: the tests of ``newsletter/<path>/<name>.py`` are in
``tests/<path>/test_<name>.py``, every test file names a module that exists, and every module with
code of its own has its test file. Those of a package's ``__init__.py`` are in
``tests/<path>/test_<package>.py`` or ``tests/<path>/<package>/test_<package>.py``.

Only the files listed here may depart from it, each for the reason given.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "newsletter"
TESTS = REPO / "tests"

# Test files that test the whole program rather than one module.
CROSS_CUTTING = {
    "test_catalogue.py": "the catalogue of bad inputs (tests/catalogue/), each case through the real command",
    "test_properties.py": "properties of the whole pipeline, from YAML text to the PDF, on generated input",
    "test_offline.py": "the README's offline install from a wheelhouse, then every command with no network",
    "test_dependencies.py": "pyproject.toml against the imports, and reportlab's internals that modules use",
    "test_tests.py": "this mirror of the package in the tests",
    "test_layers.py": "the import layers of the package's stages",
}

# Modules with code of their own and no test file of their own.
UNTESTED: dict[str, str] = {}


def has_code(path: Path) -> bool:
    """Whether the module defines something to test: a function or a class (not only imports and constants)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for node in ast.walk(tree))


def module_of(test: Path) -> list[Path]:
    """Where the module that ``tests/<path>/test_<name>.py`` tests may be (the first existing one is it)."""
    folder = PACKAGE / test.parent.relative_to(TESTS)
    name = test.stem.removeprefix("test_")
    places = [folder / f"{name}.py", folder / name / "__init__.py"]
    if folder.name == name:  # tests/cli/test_cli.py: the package's own __init__.py
        places.append(folder / "__init__.py")
    return places


def all_test_files() -> list[Path]:
    return sorted(path for path in TESTS.rglob("test_*.py") if "catalogue" not in path.relative_to(TESTS).parts)


def test_every_test_file_names_a_module():
    orphans = []
    for test in all_test_files():
        relative = test.relative_to(TESTS).as_posix()
        if relative in CROSS_CUTTING:
            continue
        if not any(place.is_file() for place in module_of(test)):
            expected = " or ".join(place.relative_to(REPO).as_posix() for place in module_of(test))
            orphans.append(f"tests/{relative} (no {expected})")
    assert not orphans, "test files that mirror no module (move them, or list them in CROSS_CUTTING):\n" + "\n".join(
        orphans
    )


def test_every_module_with_code_has_its_test_file():
    tested = {place for test in all_test_files() for place in module_of(test) if place.is_file()}
    missing = [
        path.relative_to(REPO).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if has_code(path) and path not in tested and path.relative_to(REPO).as_posix() not in UNTESTED
    ]
    assert not missing, "modules with no test file of their own (tests/<path>/test_<name>.py):\n" + "\n".join(missing)


def test_the_exceptions_are_still_needed():
    tops = {path.name for path in TESTS.glob("test_*.py")}
    assert not set(CROSS_CUTTING) - tops, f"listed as cross-cutting but gone: {set(CROSS_CUTTING) - tops}"
    stale = [name for name in UNTESTED if not (REPO / name).is_file() or not has_code(REPO / name)]
    assert not stale, f"listed as untested but gone or with no code: {stale}"
    tested = {
        place.relative_to(REPO).as_posix() for test in all_test_files() for place in module_of(test) if place.is_file()
    }
    assert not set(UNTESTED) & tested, f"listed as untested but they have a test file: {set(UNTESTED) & tested}"


def test_every_folder_of_the_package_is_a_package():
    """A folder of modules without ``__init__.py`` is a namespace package: easy to leave out of the wheel."""
    folders = {path.parent for path in PACKAGE.rglob("*.py")}
    assert not [folder for folder in folders if not (folder / "__init__.py").is_file()]
