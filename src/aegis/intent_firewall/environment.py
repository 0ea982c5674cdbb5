"""Environment variables that change what a program runs.

``LD_PRELOAD=/tmp/x.so ls`` runs the attacker's library inside ``ls``: variables that load
code (the dynamic loader's, ``BASH_ENV``, ``PROMPT_COMMAND``, exported functions) *block*;
variables that redirect which program or helper runs (``PATH``, ``GIT_SSH_COMMAND``,
``PAGER``, ``NODE_OPTIONS`` …) are *review*. The same names are checked when a request
passes an environment mapping as a parameter.
"""

from __future__ import annotations

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.text import written_as

__all__ = ["CODE_LOADERS", "REDIRECTORS", "judge_assignment"]

CODE_LOADERS = frozenset(
    {
        "ld_preload", "ld_audit", "ld_library_path", "dyld_insert_libraries",
        "dyld_library_path", "dyld_framework_path", "bash_env", "env", "prompt_command",
        "ps4", "shellopts", "bashopts", "perl5opt", "perl5lib", "perllib", "pythonstartup",
        "pythonpath", "pythonhome", "pythoninspect", "rubyopt", "rubylib", "node_options",
        "node_path", "java_tool_options", "_java_options", "jdk_java_options", "lessopen",
        "lessclose", "gconv_path", "glibc_tunables", "ld_bind_not", "malloc_check_",
    }
)  # fmt: skip
REDIRECTORS = frozenset(
    {
        "path", "ifs", "git_ssh_command", "git_ssh", "git_external_diff", "git_pager",
        "git_editor", "git_askpass", "ssh_askpass", "sudo_askpass", "pager", "editor",
        "visual", "browser", "http_proxy", "https_proxy", "all_proxy", "no_proxy",
        "home", "tmpdir", "histfile", "zdotdir", "xdg_config_home", "cdpath",
        "git_config_global", "git_config_system", "git_dir", "npm_config_registry",
        "pip_index_url", "pip_extra_index_url", "pip_config_file", "cargo_home",
    }
)  # fmt: skip


def judge_assignment(scope: Scope, name: str, value: str, written: str) -> None:
    """Rules for setting the environment variable ``name`` to ``value``."""
    key = name.strip().lower()
    shown = f"{name}={written_as(value, written) if written != value else value!r}"[:160]
    if key in CODE_LOADERS or key.startswith(("bash_func_", "ld_")):
        scope.hit("dangerous-environment", shown)
    elif key in REDIRECTORS:
        scope.hit("shell-construct", f"environment override {shown}")
