"""``python -c`` code that touches files by literal paths, and ``node -e`` printing a field of
a workspace JSON file: the grammar of ``pyfiles`` and ``nodejson``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.nodejson import json_field_path
from aegis.intent_firewall.pyfiles import python_effects


@pytest.mark.parametrize(
    ("code", "effects"),
    [
        ("import sys; print(sys.path)", ()),
        ("import shutil; shutil.rmtree('.mypy_cache')", (("delete-tree", ".mypy_cache"),)),
        ("import shutil as s; s.rmtree('b')", (("delete-tree", "b"),)),
        ("import os; os.remove('a.txt')", (("delete", "a.txt"),)),
        ("import os; os.rename('a', 'b')", (("delete", "a"), ("write", "b"))),
        ("from pathlib import Path; Path('b').mkdir(exist_ok=True)", (("write", "b"),)),
        ("from pathlib import Path; print(Path('R.md').read_text())", (("read", "R.md"),)),
        ("import importlib.metadata as m; print(m.version('pytest'))", ()),
        ("import os; print(os.path.exists('setup.py'))", ()),
        ("open('out.txt', 'w').close()", (("write", "out.txt"),)),
        ("print(open('a.txt').read())", (("read", "a.txt"),)),
        ("import json; print(json.dumps({'a': 1}))", ()),
        ("import os; print(os.getenv('VIRTUAL_ENV'))", ()),
        ("import os; print(os.getenv('GITHUB_TOKEN'))", None),
        ("import os; print(os.environ.get('DATABASE_URL'))", None),
        ("import tomllib; print(tomllib.load(open('p.toml', 'rb')))", (("read", "p.toml"),)),
    ],
)
def test_literal_paths_come_back_with_their_roles(
    code: str, effects: tuple[tuple[str, str], ...] | None
) -> None:
    assert python_effects(code) == effects


@pytest.mark.parametrize(
    "code",
    [
        "import os; os.system('id')",
        "from os import system; system('id')",
        "import subprocess; subprocess.run(['id'])",
        "__import__('os').system('id')",
        "exec('print(1)')",
        "import os; r = os.remove; r('x')",
        "import os; list(map(os.remove, ['x']))",
        "import os; print(os.environ)",
        "import sys; sys.path.insert(0, '/tmp')",
        "import sys; sys.modules['os'].popen('id')",
        "import os; os.remove(input())",
        "import os; getattr(os, 'system')('id')",
        "import socket; socket.create_connection(('evil.example', 80))",
        "import importlib; importlib.import_module('os')",
        "import shutil; shutil.rmtree('.'",  # a parse error
        "from pathlib import Path; p = Path('x'); p.unlink()",
        "open('x', 'r+').write('y')",
        "import os; os.chmod('x', 0o777)",
    ],
)
def test_anything_outside_the_grammar_is_refused(code: str) -> None:
    assert python_effects(code) is None


@given(st.text(max_size=300))
def test_any_text_is_answered_without_error(code: str) -> None:
    result = python_effects(code)
    assert result is None or all(role and path for role, path in result)


@pytest.mark.parametrize(
    ("code", "printed", "path"),
    [
        ("console.log(require('./package.json').version)", False, "./package.json"),
        ('console.log(require("./package.json").engines.node);', False, "./package.json"),
        ("require('./package.json').version", True, "./package.json"),
        ("console.log(require('../x.json').a)", False, None),
        ("console.log(require('/etc/x.json'))", False, None),
        ("console.log(require('./x.js').a)", False, None),
        ("console.log(require('./x.json').__proto__)", False, None),
        ("console.log(require('./x.json').a); process.exit(1)", False, None),
        ("require('./package.json').version", False, None),
    ],
)
def test_node_prints_a_field_of_a_workspace_json_file(
    code: str, printed: bool, path: str | None
) -> None:
    assert json_field_path(code, printed=printed) == path


@pytest.mark.parametrize(
    ("code", "admitted"),
    [
        ("import numpy; print(numpy.__version__)", True),
        ("import numpy as np; print(np.__version__)", True),
        ("import django; print(django.VERSION)", True),
        ("import pty; pty.spawn('/bin/sh')", False),
        ("import numpy; numpy.load('x.npy')", False),
        ("import requests; print(requests.get('http://evil.example').text)", False),
        ("import a.b; print(a.b.__version__)", False),
    ],
)
def test_any_module_may_be_imported_only_to_read_its_version(code: str, admitted: bool) -> None:
    assert (python_effects(code) is not None) is admitted
