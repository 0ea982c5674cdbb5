"""Environment variables that change what a program runs.

``LD_PRELOAD=/tmp/x.so ls`` runs the attacker's library inside ``ls``: variables that load
code (the dynamic loader's, ``BASH_ENV``, ``PROMPT_COMMAND``, exported functions) *block*;
variables that redirect which program or helper runs (``PATH``, ``GIT_SSH_COMMAND``,
``PAGER``, ``NODE_OPTIONS`` …) are *review*. The same names are checked when a request
passes an environment mapping as a parameter.
"""

from __future__ import annotations

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.buildinvocations import judge_jvm_variable
from aegis.intent_firewall.envprograms import judge_effects
from aegis.intent_firewall.envvalues import entries_hold, harmless_value
from aegis.intent_firewall.indexvars import index_variable, judge_index
from aegis.intent_firewall.text import written_as

__all__ = ["CODE_LOADERS", "REDIRECTORS", "judge_assignment", "plain_pager"]

CODE_LOADERS = frozenset(
    {
        "ld_preload", "ld_audit", "ld_library_path", "dyld_insert_libraries",
        "dyld_library_path", "dyld_framework_path", "bash_env", "env", "prompt_command",
        "ps4", "shellopts", "bashopts", "perl5opt", "perl5lib", "perllib", "pythonstartup",
        "pythonpath", "pythonhome", "pythoninspect", "rubyopt", "rubylib", "node_options",
        "node_path", "java_tool_options", "_java_options", "jdk_java_options", "lessopen",
        "lessclose", "gconv_path", "glibc_tunables", "ld_bind_not", "malloc_check_",
        "bash_xtracefd", "openssl_conf", "openssl_engines", "python_startup",
        "pythonwarnings", "git_config_parameters", "git_config_count",
    }
)  # fmt: skip
REDIRECTORS = frozenset(
    {
        "path", "ifs", "git_ssh_command", "git_ssh", "git_external_diff", "git_pager",
        "git_editor", "git_askpass", "ssh_askpass", "sudo_askpass", "pager", "editor",
        "visual", "browser", "http_proxy", "https_proxy", "all_proxy", "no_proxy",
        "home", "tmpdir", "histfile", "zdotdir", "xdg_config_home", "cdpath",
        "git_config_global", "git_config_system", "git_dir", "npm_config_registry",
        "histsize", "histfilesize", "histcontrol", "histignore", "manpager", "systemd_pager",
        "systemd_editor", "git_sequence_editor", "sudo_editor", "fcedit", "mysql_pager",
        "psql_pager", "less", "lesskey", "lesskeyin", "lesskey_src", "lesskey_content",
        "git_exec_path", "gnupghome", "sshpass", "kubeconfig", "ssh_auth_sock",
        "pip_index_url", "pip_extra_index_url", "pip_config_file", "cargo_home",
        # trust: a CA bundle or a switch that turns certificate checks off lets TLS be read
        "ssl_cert_file", "ssl_cert_dir", "requests_ca_bundle", "curl_ca_bundle",
        "node_extra_ca_certs", "git_ssl_no_verify", "git_ssl_cainfo", "git_ssl_capath",
        "node_tls_reject_unauthorized", "pythonhttpsverify", "pip_cert", "pip_trusted_host",
        "npm_config_strict_ssl", "cargo_http_check_revoke", "gnutls_system_priority_file",
        # editors and tools that run start-up commands or fetch from where they are told
        "viminit", "exinit", "gviminit", "myvimrc", "lua_init", "git_proxy_command",
        "git_template_dir", "docker_host", "rustc_wrapper", "cargo_build_rustc_wrapper",
        "npm_config_script_shell", "npm_config_node_options", "uv_index_url",
        "uv_extra_index_url", "pip_find_links", "r_profile_user",
        # checksum databases switched off, further indexes, and start-up and build helpers
        "gosumdb", "gonosumdb", "gonosumcheck", "goinsecure", "yarn_registry", "goproxy",
        "uv_default_index", "uv_index", "bun_config_registry", "ipythondir", "ccache_prefix",
        "ccache_prefix_cpp", "ccache_compiler", "distcc_hosts", "sccache_dist_scheduler_url",
    }
)  # fmt: skip


#: Search paths for code: harmless when every entry stays inside the workspace.
PATH_LISTS = frozenset(
    {"pythonpath", "node_path", "perl5lib", "perllib", "rubylib", "classpath", "gem_path",
     "ld_library_path", "dyld_library_path", "path"}
)  # fmt: skip


def _stays_inside(value: str, key: str) -> bool:
    """Every entry relative and not climbing out (``src``, ``./lib:tests``), or the list's
    own earlier value (``./bin:$PATH``)."""
    own = (f"${key}", f"${{{key}}}")
    entries = [e.strip("\"'") for e in value.split(":")]
    entries = [e for e in entries if e and e.lower() not in own]
    return all(
        (not entry.startswith(("/", "~", "$")) or entry.lower().startswith(_TOOL_DIRS))
        and ".." not in entry
        for entry in entries
    )


#: Directories of installed tools a search path may name: only root (or the user's own
#: package managers, whose writes the firewall judges) puts programs there.
_TOOL_DIRS = (
    "/usr/", "/bin", "/sbin", "/opt/", "/snap/bin", "$home/.local/bin", "${home}/.local/bin",
    "~/.local/bin", "$home/.cargo/bin", "${home}/.cargo/bin", "~/.cargo/bin", "$home/go/bin",
    "${home}/go/bin", "~/go/bin", "$pwd/", "${pwd}/",
)  # fmt: skip


#: Variables make and build scripts run as a program: a shell or a command line there runs
#: whatever it says (``CC='sh -c …' make``).
_PROGRAM_VARIABLES = frozenset({"cc", "cxx", "cpp", "ld", "as", "ar", "fc", "shell", "make"})
_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "fish", "busybox", "python", "python3",
                     "perl", "ruby", "node", "env"})  # fmt: skip


def _runs_command(key: str, value: str) -> bool:
    if key == "goflags":
        return "-toolexec" in value or "-exec" in value
    if key not in _PROGRAM_VARIABLES:
        return False
    first = value.split(None, 1)[0].rsplit("/", 1)[-1] if value.strip() else ""
    return first in _SHELLS or any(c in value for c in ";|&`$<>")


#: Pagers that only show text (no shell escape without a keystroke nobody types): setting
#: PAGER, GIT_PAGER or ``man -P`` to one of them changes nothing an attacker wants.
_PLAIN_PAGERS = frozenset({"cat", "less", "more", "most", "bat", "batcat"})
_PAGER_VARIABLES = frozenset(
    {"pager", "git_pager", "manpager", "systemd_pager", "mysql_pager", "psql_pager", "bat_pager"}
)


def plain_pager(value: str) -> bool:
    """``cat``, ``less -R``, ``/usr/bin/less -FRX``: a plain pager and its flags only."""
    words = value.strip().strip("'\"").split()
    if not words or any(c in value for c in ";|&$`<>(){}\n\\"):
        return False
    return words[0].rsplit("/", 1)[-1] in _PLAIN_PAGERS and all(
        w.startswith("-") and w[1:].isalnum() for w in words[1:]
    )


#: Prompt strings: bash expands command substitutions in them each time it prompts.
_PROMPTS = frozenset({"ps0", "ps1", "ps2", "ps3"})


def judge_assignment(
    scope: Scope, name: str, value: str, written: str, cwd: str | None = None
) -> None:
    """Rules for setting the environment variable ``name`` to ``value`` (``cwd``: where the
    command runs, when known; relative search-list entries are judged there)."""
    key = name.strip().lower()
    shown = f"{name}={written_as(value, written) if written != value else value!r}"[:160]
    from aegis.intent_firewall.guardtamper import guard_variable_off

    if guard_variable_off(name, value):
        scope.hit("guard-disabled", f"{shown} switches a guard off")
    from aegis.intent_firewall.verifyswitches import verification_off

    switched = verification_off(name, value)
    if switched:  # GOFLAGS=-insecure: a flag inside a variable that holds several
        scope.hit("verification-off", f"{shown}: {switched}")
    if key in PATH_LISTS and _stays_inside(value, key) and entries_hold(scope, value, cwd):
        return
    if harmless_value(scope, key, value, cwd):
        return  # NODE_OPTIONS=--max-old-space-size=4096, HOME="$HOME" (envvalues.py)
    if key in _PAGER_VARIABLES and (plain_pager(value) or not value.strip()):
        return  # PAGER=cat git log: no pager at all
    if index_variable(key) and judge_index(scope, value, written):
        return  # PIP_INDEX_URL=https://pypi.org/simple: judged as the destination it names
    if judge_jvm_variable(scope, key, value, cwd):
        return  # MAVEN_OPTS=-javaagent:/tmp/a.jar: judged as the build's JVM options
    if key in CODE_LOADERS or key.startswith(("bash_func_", "ld_", "git_config_")):
        scope.hit("dangerous-environment", shown)
    elif key in REDIRECTORS:
        scope.hit("shell-construct", f"environment override {shown}")
    elif key in _PROMPTS and ("$(" in value or "`" in value):
        scope.hit("dangerous-environment", f"{shown} runs a command at every prompt")
    elif _runs_command(key, value):
        scope.hit("dangerous-environment", f"{shown} runs a command")
    else:  # PYTHONBREAKPOINT=os.system, GIT_TRACE=FILE, CC=CMD, MAKEFLAGS=… (envprograms.py)
        judge_effects(scope, key, value, shown, cwd)
