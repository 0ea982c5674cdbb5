"""Developer tools with their own sub-grammars: docker (and podman), pip via uv,
``docker compose exec``, ``kubectl exec``; and the sed program scanner.

docker's host-reaching options (``--privileged``, a host root or runtime
socket mounted, host namespaces, added capabilities) are *block*; the command a container
runs is judged like any other.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.clients import image_host
from aegis.intent_firewall.composeproject import compose_words, judge_project, project_verb
from aegis.intent_firewall.housekeeping import docker_prune_kept
from aegis.intent_firewall.localregistry import loopback_push
from aegis.intent_firewall.options import Arg, Parsed, operands_past, parse_options
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.targets import CONFIG, CREDENTIAL, PERSISTENCE, PRIVILEGED, targets

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = [
    "compose",
    "compose_exec",
    "docker",
    "kubectl_exec",
    "pip_subcommand",
    "sed_runs_or_writes",
]

_DOCKER_VALUES = frozenset(
    [
        "-e",
        "--env",
        "-p",
        "--publish",
        "-w",
        "--workdir",
        "-u",
        "--user",
        "--name",
        "-l",
        "--label",
        "--hostname",
        "-h",
        "--add-host",
        "--dns",
        "--env-file",
        "--cpus",
        "-m",
        "--memory",
        "--restart",
        "--platform",
        "--pull",
        "--tmpfs",
        "--ulimit",
        "--shm-size",
        "--log-driver",
        "--log-opt",
        "--cidfile",
        "--gpus",
        "--runtime",
        "--stop-signal",
        "--stop-timeout",
        "--health-cmd",
        "--health-interval",
        "--expose",
        "--link",
        "--volumes-from",
        "--group-add",
        "--label-file",
        "--ip",
        "--memory-swap",
        "--cpu-shares",
        "--cpuset-cpus",
        "--isolation",
        "--sysctl",
        "--annotation",
        "--cgroupns",
        "--cgroup-parent",
        "--detach-keys",
        "--domainname",
        "-a",
        "--attach",
        "--entrypoint",
        "--network",
        "--net",
        "--pid",
        "--ipc",
        "--uts",
        "--userns",
        "--cap-add",
        "--cap-drop",
        "--security-opt",
        "--device",
        "-v",
        "--volume",
        "--mount",
        "--privileged",
    ]
)
_HOST_NAMESPACES = frozenset({"--pid", "--ipc", "--uts", "--userns", "--network", "--net"})
_ESCAPE_CAPS = ("all", "sys_admin", "sys_ptrace", "sys_module", "dac_read_search", "sys_rawio")


def _mount_source(value: str) -> str:
    if "=" in value:  # --mount type=bind,source=/,target=/host
        for part in value.split(","):
            key, _, item = part.partition("=")
            if key in ("source", "src"):
                return item
        return ""
    return value.split(":", 1)[0]


def docker(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    parsed = parse_options(spec, args[1:])
    _docker_host(judge, parsed, feed)
    if not parsed.operands:
        return
    sub = parsed.operands[0][0] or ""
    position = args.index(parsed.operands[0])
    rest = args[position + 1 :]
    if sub == "compose":
        rest = _compose_verb(judge, rest, feed)  # [] once a project verb is judged
    group = ""
    if sub in ("container", "compose", "image", "system", "volume", "builder", "service") and rest:
        group, sub, rest = sub, rest[0][0] or "", rest[1:]
    words = [a[0] or "" for a in rest]
    if group == "volume" and sub in ("rm", "remove"):
        # a volume holds a database or uploads: nothing rebuilds it
        judge.hit("destructive-command", f"docker volume {sub} {' '.join(words)[:80]}")
    if sub in ("run", "create"):
        _docker_run(judge, rest, feed)
    elif sub == "exec":
        _docker_exec(judge, rest, feed)
    elif sub in ("pull", "push"):  # a push to the loopback publishes nothing (localregistry)
        _docker_image(judge, "pull" if loopback_push(judge.scope, spec.name, args) else sub, rest)
    elif sub in ("login", "unshare", "down"):
        _docker_session(judge, sub, rest, feed)
    elif sub == "prune" or "prune" in words[:1]:
        _prune(judge, group, sub, words, plain=spec.name == "docker" and position == 1)
    elif sub == "cp":
        _docker_cp(judge, rest, feed)
    elif sub in ("build", "buildx"):
        _docker_build(judge, rest, feed)
    else:
        _docker_admin(judge, sub, words)


def _prune(judge: CommandJudge, group: str, sub: str, words: list[str], *, plain: bool) -> None:
    """Prunes delete what no container uses; dangling images and the build cache are
    rebuilt by a build (``housekeeping``)."""
    if not docker_prune_kept(judge.scope, group, sub, words, plain=plain):
        judge.hit("destructive-command", f"docker {sub} {' '.join(words)[:80]}")


def _compose_verb(judge: CommandJudge, rest: list[Arg], feed: Feed) -> list[Arg]:
    """``docker compose [OPTIONS] VERB …``: a stopping or removing verb is judged by the
    project it acts on (nothing left to judge); else the verb and its words."""
    options, verb, after = compose_words(rest)
    acting = project_verb(options, verb, after)
    if acting is not None:
        judge_project(judge, options, acting, after, feed)
        return []
    return [verb, *after] if verb is not None else rest  # global options read above


_LOGIN_VALUES = frozenset({"-u", "--username", "-p", "--password"})


def _docker_session(judge: CommandJudge, sub: str, rest: list[Arg], feed: Feed) -> None:
    """``login`` sends credentials to its server; ``podman unshare CMD`` runs CMD; ``compose
    down -v`` deletes the project's volumes (its databases)."""
    if sub == "login":
        for server in _login_servers(rest)[:1]:
            judge_url(judge.scope, server[0] or "", server[1], feed.cwd)
    elif sub == "unshare":
        judge.argv(rest, feed)
    elif {"-v", "--volumes"} & {a[0] for a in rest}:
        judge.hit("destructive-command", f"docker compose down {' '.join(a[1] for a in rest)[:80]}")


def _login_servers(rest: list[Arg]) -> list[Arg]:
    """``docker login -u NAME -p SECRET SERVER``: the operands, not the options' values."""
    return operands_past(rest, _LOGIN_VALUES)


#: Template fields that print a container's environment (passwords and tokens live there),
#: and templates that print whole objects holding it.
_ENV_FIELDS = (".env", "json .}}", "json .config}}", ".config}}", "{{.}}", "{{ . }}")


def _docker_inspect(judge: CommandJudge, words: list[str]) -> None:
    """``docker inspect --format '{{.Config.Env}}' db`` prints the database's passwords."""
    for index, value in enumerate(words):
        text = value.lower()
        if text in ("-f", "--format") and index + 1 < len(words):
            template = words[index + 1].lower()
        elif text.startswith(("--format=", "-f=")):
            template = text.split("=", 1)[1]
        else:
            continue
        flat = template.replace(" ", "")
        if any(field.replace(" ", "") in flat for field in _ENV_FIELDS):
            judge.hit("secret-environment", f"docker inspect template {template[:80]!r}")
            return


def _docker_image(judge: CommandJudge, sub: str, rest: list[Arg]) -> None:
    """The registry an image comes from or goes to; a push publishes it for good."""
    for image in [a for a in rest if not (a[0] or "-").startswith("-")][:1]:
        image_host(judge, image)
        # a push to the loopback registry is read as a pull before this (localregistry.py,
        # which also holds another daemon, a second destination, podman --remote)
        if sub == "push":
            judge.hit("irreversible-publish", f"docker push {image[1][:80]}")


def _docker_admin(judge: CommandJudge, sub: str, words: list[str]) -> None:
    """Plugins run with host privileges; leaving a swarm takes its services down."""
    if sub == "plugin" and words[:1] == ["install"]:
        judge.hit("container-escape", f"docker plugin install {' '.join(words[1:])[:80]}")
    elif sub == "inspect":
        _docker_inspect(judge, words)
    elif sub == "swarm" and words[:1] == ["leave"]:
        judge.hit("destructive-command", f"docker swarm {' '.join(words)[:80]}")


def _docker_host(judge: CommandJudge, parsed: Parsed, feed: Feed) -> None:
    """``docker -H tcp://host:2375``: the daemon the command goes to is a destination."""
    for _role, arg, option in parsed.options:
        if option in ("-H", "--host") and arg[0]:
            value = arg[0]
            target = value if "://" in value else f"tcp://{value}"
            if not value.startswith(("unix://", "npipe://", "fd://")):
                judge_url(judge.scope, target, arg[1], feed.cwd)


def _docker_cp(judge: CommandJudge, rest: list[Arg], feed: Feed) -> None:
    """docker cp SRC DEST: the side without ``container:`` is the host's file system."""
    operands = [a for a in rest if not (a[0] or "-").startswith("-")]
    for index, (value, written, glob) in enumerate(operands):
        if value is None:
            continue
        if ":" in value and not value.startswith(("/", ".", "~")):
            inside = (value.split(":", 1)[1], written, glob)
            if index == len(operands) - 1 and index > 0:  # into the container's own files
                judge.path(inside, "write", "/")
            else:  # out of the container: its keys and secrets are still secrets
                judge.path(inside, "read", "/")
            continue
        role = "write-tree" if index == len(operands) - 1 and index > 0 else "read-tree"
        judge.path((value, written, glob), role, feed.cwd)


_BUILD_VALUES = frozenset({"-t", "--tag", "-f", "--file", "--build-arg", "--target", "--platform"})


def _docker_build(judge: CommandJudge, rest: list[Arg], feed: Feed) -> None:
    """The build context may be a remote repository; insecure entitlements reach the host."""
    words = [a[0] or "" for a in rest]
    if "--push" in words or any(w.startswith("--output=type=registry") for w in words):
        judge.hit("irreversible-publish", "docker build --push")
    if "security.insecure" in words or "--allow=security.insecure" in words:
        judge.hit("container-escape", "docker build --allow security.insecure")
    for index, (value, written, _glob) in enumerate(rest):
        previous = rest[index - 1][0] if index else ""
        if previous in _BUILD_VALUES or (
            (previous or "").startswith("--") and "=" not in (previous or "")
        ):
            continue
        if not value or value.startswith(("-", ".", "/", "~")) or "/" not in value:
            continue
        if "://" in value or value.split("/", 1)[0].count(".") >= 1:
            judge_url(
                judge.scope, value if "://" in value else f"https://{value}", written, feed.cwd
            )


def _docker_run(judge: CommandJudge, rest: list[Arg], feed: Feed) -> None:  # noqa: PLR0912
    catalogue = targets()
    index = 0
    entrypoint: Arg | None = None
    while index < len(rest):
        value = rest[index][0]
        index += 1
        if value is None or not value.startswith("-"):
            index -= 1
            break
        name, eq, attached = value.partition("=")
        if name == "--privileged":
            judge.hit("container-escape", "docker run --privileged")
            continue
        if name not in _DOCKER_VALUES:
            continue
        if not eq:
            attached = rest[index][0] or "" if index < len(rest) else ""
            index += 1
        if name in _HOST_NAMESPACES and attached == "host":
            judge.hit("container-escape", f"docker run {name}=host")
        elif name == "--cap-add" and attached.lower() in _ESCAPE_CAPS:
            judge.hit("container-escape", f"docker run --cap-add={attached}")
        elif name == "--security-opt" and "unconfined" in attached:
            judge.hit("container-escape", f"docker run --security-opt {attached}")
        elif name == "--device":
            judge.hit("container-escape", f"docker run --device {attached}")
        elif name in ("-v", "--volume", "--mount"):
            source = _mount_source(attached)
            if source.startswith(("/", "~", "$home")):
                path = resolve_path(source, feed.cwd, judge.scope.home)
                kind = catalogue.classify(path, judge.scope.home)
                if kind in (CREDENTIAL, PRIVILEGED, CONFIG, PERSISTENCE) or catalogue.is_system_dir(
                    path, judge.scope.home
                ):
                    judge.hit("container-escape", f"docker run {name} {attached}")
        elif name == "--entrypoint":
            entrypoint = (attached, attached, False)
    if index < len(rest):
        image_host(judge, rest[index])
    command = rest[index + 1 :]
    if entrypoint is not None:
        command = [entrypoint, *command]
    if command:
        judge.argv(command, replace(feed, depth=feed.depth + 1))


def _docker_exec(judge: CommandJudge, rest: list[Arg], feed: Feed) -> None:
    index = 0
    while index < len(rest) and (rest[index][0] or "x").startswith("-"):
        name = rest[index][0] or ""
        if name == "--privileged":
            judge.hit("container-escape", "docker exec --privileged")
        index += (
            2
            if name
            in ("-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--detach-keys")
            else 1
        )
    if index + 1 < len(rest):
        judge.argv(rest[index + 1 :], replace(feed, depth=feed.depth + 1))


def pip_subcommand(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    judge.argv([("pip", "pip", False), *args[1:]], replace(feed, depth=feed.depth + 1))


def compose_exec(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    _docker_exec(judge, args[1:], feed)


def compose(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``docker-compose [OPTIONS] VERB``: exec and run run a command in a service; the
    stopping and removing verbs are judged by the project they act on."""
    options, verb, after = compose_words(args[1:])
    acting = project_verb(options, verb, after)
    if verb is None:
        return
    if acting is not None:
        judge_project(judge, options, acting, after, feed)
    elif verb[0] is None:
        judge.hit("dynamic-program", f"{spec.name} verb known at run time {verb[1]}")
    elif verb[0] in ("exec", "run"):
        _docker_exec(judge, after, feed)


def kubectl_exec(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    words = [a[0] for a in args]
    if "--" in words:
        judge.argv(args[words.index("--") + 1 :], replace(feed, depth=feed.depth + 1))


def sed_runs_or_writes(program: str) -> bool:
    """Whether a sed program uses ``e`` (run a command) or ``w``/``W``/``r`` file commands."""
    for raw in program.replace("\n", ";").split(";"):
        command = raw.strip().lstrip("0123456789,$!~ ")
        if command.startswith("/"):
            end = command.find("/", 1)
            command = command[end + 1 :].lstrip() if end > 0 else ""
        if command[:1] in ("e", "w", "W", "r", "R"):
            return True
        if command.startswith("s") and len(command) > 1:
            delimiter = command[1]
            parts = command.split(delimiter)
            if len(parts) >= 4 and ("e" in parts[3] or "w" in parts[3]):
                return True
    return False
