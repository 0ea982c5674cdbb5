"""The distribution ships every package: a wheel, not only an editable install, must work."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def _dotted(folder: Path, base: Path) -> str:
    return ".".join(folder.relative_to(base).parts)


def test_every_package_and_data_folder_of_the_tree_is_in_the_distribution() -> None:
    src = ROOT / "src"
    in_tree = {_dotted(p.parent, src) for p in (src / "aegis").rglob("__init__.py")}
    in_tree |= {_dotted(p, src) for p in (src / "aegis").rglob("data") if p.is_dir()}
    in_tree |= {
        _dotted(p.parent, ROOT) for p in (ROOT / "pytest_aegis_stress").rglob("__init__.py")
    }
    assert set(SETUPTOOLS["packages"]) == in_tree


def test_every_data_file_the_components_load_is_package_data() -> None:
    src = ROOT / "src"
    for folder in (src / "aegis").rglob("data"):
        patterns = SETUPTOOLS["package-data"][_dotted(folder, src)]
        for path in folder.iterdir():
            if path.is_file():
                assert any(path.match(pattern) for pattern in patterns), path
