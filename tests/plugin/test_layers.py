"""The plugin's three layers, kept apart: engine and report never reach up into pytest."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pytest_aegis_stress

PACKAGE = Path(pytest_aegis_stress.__file__).parent

#: Per layer, the top-level names its modules must not import.
FORBIDDEN = {
    "engine": ("pytest", "_pytest", "pytest_aegis_stress.report", "aegis"),
    "report": ("pytest", "_pytest", "aegis"),
}
FACE = {"plugin", "fixtures", "markers", "options", "state", "session", "progress", "settings"}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names.append(node.module)
    return names


def _touches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_lower_layers_never_import_the_face_or_pytest(layer: str) -> None:
    face = tuple(f"pytest_aegis_stress.{module}" for module in FACE)
    offences = [
        f"{path.name} imports {name}"
        for path in sorted((PACKAGE / layer).glob("*.py"))
        for name in _imports(path)
        if any(_touches(name, bad) for bad in (*FORBIDDEN[layer], *face))
    ]
    assert offences == []


def test_the_face_is_the_top_level_and_only_it() -> None:
    top = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__"}
    assert top == FACE
