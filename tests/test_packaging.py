"""The distribution ships every package: a wheel, not only an editable install, must work."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_the_tree_is_in_the_distribution() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    in_tree = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src" / "aegis").rglob("__init__.py")
    } | {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "pytest_aegis_stress").rglob("__init__.py")
    }
    assert set(config["packages"]) == in_tree


def test_the_data_files_the_components_load_are_package_data() -> None:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["aegis"]
    data = [p for p in (ROOT / "src" / "aegis").rglob("data/*") if p.is_file()]
    assert data
    for path in data:
        relative = path.relative_to(ROOT / "src" / "aegis")
        assert any(relative.match(pattern) for pattern in patterns), relative
