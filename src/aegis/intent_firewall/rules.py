"""The default rules: ids, severities, effects and what each one means.

A rule that *blocks* names something the firewall is sure is harmful; a rule that asks for
*review* names something it cannot judge from the text alone (fail closed). The README's
scoring table is generated from the same facts.
"""

from __future__ import annotations

from typing import NamedTuple

from aegis.intent_firewall.model import Effect, Severity

__all__ = ["DEFAULT_RULES", "Hit", "default_hit"]


class Hit(NamedTuple):
    """A rule that fired on one string, before the firewall adds where the string was."""

    rule: str
    severity: Severity
    effect: Effect
    description: str
    evidence: str


C, H, M, L = Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW
BLOCK, REVIEW = Effect.BLOCK, Effect.REVIEW

#: Default rules by id. ``IntentFirewall.unblock_pattern`` refuses to touch them; a policy
#: lists the ones it disables explicitly (``Policy.disabled_rules``).
DEFAULT_RULES: dict[str, tuple[Severity, Effect, str]] = {
    # what a command does
    "recursive-delete-system": (C, BLOCK, "recursive deletion of / or a system directory"),
    "credential-file-write": (C, BLOCK, "writes or deletes a credential file"),
    "credential-file-read": (H, BLOCK, "reads a credential or private key"),
    "system-config-write": (H, BLOCK, "writes system configuration or binaries"),
    "persistence-write": (H, BLOCK, "writes a start-up, shell rc or scheduled-job file"),
    "log-tampering": (H, BLOCK, "erases or rewrites system logs"),
    "guard-disabled": (H, BLOCK, "switches the safety layer off or edits its configuration"),
    "audit-tampering": (H, BLOCK, "stops or deletes cloud audit logging"),
    "privilege-grant": (H, REVIEW, "grants admin or public access, or empties a secret, by API"),
    "raw-protocol-url": (H, BLOCK, "URL scheme that speaks a raw protocol (gopher, dict)"),
    "disk-format": (C, BLOCK, "formats, wipes or repartitions a disk"),
    "raw-device-write": (C, BLOCK, "writes to a raw device or kernel memory"),
    "raw-device-read": (H, BLOCK, "reads a raw disk or kernel memory"),
    "fork-bomb": (C, BLOCK, "fork bomb"),
    "recursive-permission-system": (C, BLOCK, "permission change on / or a system path"),
    "unknown-workspace-root": (M, REVIEW, "deletes or opens up a working directory not named"),
    "workspace-root-delete": (
        M,
        REVIEW,
        "deletes, empties or moves away the working directory itself or its history (.git)",
    ),
    "irreversible-overwrite": (
        M,
        REVIEW,
        "overwrites or empties a file beyond recovery (shred, truncate to nothing, dd over it)",
    ),
    "workspace-lockout": (
        M,
        REVIEW,
        "takes the working directory's permissions or ownership away (chmod -R 000 .)",
    ),
    "setuid": (H, BLOCK, "sets the setuid or setgid bit or a file capability"),
    "download-piped-to-shell": (C, BLOCK, "runs downloaded or decoded content in a shell"),
    "privilege-escalation": (H, BLOCK, "runs with elevated privileges"),
    "system-shutdown": (H, BLOCK, "shuts down, reboots or kills every process"),
    "account-change": (H, BLOCK, "changes users, groups, passwords or sudoers"),
    "kernel-change": (H, BLOCK, "loads kernel modules or changes kernel state"),
    "reverse-shell": (C, BLOCK, "connects a shell to the network"),
    "container-escape": (H, BLOCK, "starts a container with host privileges or host root"),
    "sql-command-execution": (C, BLOCK, "SQL that runs programs or reads/writes server files"),
    "dangerous-environment": (H, BLOCK, "sets a variable that injects code into programs"),
    "unparseable-command": (H, BLOCK, "command line that cannot be parsed with confidence"),
    # what the firewall cannot see through: a human looks
    "shell-expansion": (M, REVIEW, "value known only when the shell runs"),
    "dynamic-program": (H, REVIEW, "program name known only when the shell runs"),
    "shell-construct": (M, REVIEW, "shell construct the firewall does not model"),
    "interpreter-code": (M, REVIEW, "code handed to an interpreter"),
    "interactive-shell": (M, REVIEW, "starts an interactive shell"),
    "path-evasion": (M, REVIEW, "path written to slip past filters (encoded or odd traversal)"),
    "sensitive-tree-read": (M, REVIEW, "reads a whole tree that holds credentials"),
    "sensitive-tree-write": (M, REVIEW, "writes a whole tree over sensitive files"),
    "unmodelled-option": (M, REVIEW, "option with a path value the catalogue does not model"),
    "secret-in-text": (M, REVIEW, "a private key or token written out in the request"),
    "code-in-data": (M, REVIEW, "data that runs code or breaks structure when loaded (heuristic)"),
    "sql-sensitive-read": (M, REVIEW, "SQL that reads password hashes or credential tables"),
    "resource-exhaustion": (M, REVIEW, "fills a disk or exhausts a resource"),
    "permissive-umask": (M, REVIEW, "file mode mask that lets every user write new files"),
    "secret-environment": (M, REVIEW, "reads an environment variable that holds a secret"),
    "credential-mint": (M, REVIEW, "mints or prints an access token or session credential"),
    "pipe-into-interpreter": (H, REVIEW, "input piped or fed into a shell or interpreter"),
    "user-script": (M, REVIEW, "runs a user-supplied script"),
    "unknown-program": (M, REVIEW, "program not in the command catalogue"),
    "powershell-command": (M, REVIEW, "PowerShell command the catalogue does not model"),
    "wrapper-option": (M, REVIEW, "wrapper option the catalogue does not describe"),
    "destructive-command": (M, REVIEW, "deletes, kills or changes services outside a build"),
    "irreversible-publish": (M, REVIEW, "publishes a package, image or release for good"),
    # supply chain (supplychain.py, data/packages.toml)
    "malicious-package": (H, BLOCK, "installs a package publicly reported as malicious"),
    "package-typosquat": (M, REVIEW, "installs a package one edit from a popular name"),
    "privilege-recon": (M, REVIEW, "searches for setuid programs or capabilities to escalate"),
    "credential-search": (M, REVIEW, "searches outside the workspace for credential files"),
    "capture": (M, REVIEW, "captures the screen, camera, microphone or clipboard"),
    "destructive-action": (M, REVIEW, "the action itself is destructive or privileged"),
    "secret-entry": (M, REVIEW, "types a password, card number or other secret into a page"),
    "network-listener": (M, REVIEW, "opens a listening socket or tunnel"),
    "windows-path-write": (
        M,
        REVIEW,
        "writes, deletes or changes a Windows path outside the working directory",
    ),
    "outside-workspace-write": (
        M,
        REVIEW,
        "writes, deletes or changes a path outside the workspace, its home and scratch",
    ),
    "unknown-network-destination": (M, REVIEW, "network destination not in allowed_hosts"),
    "local-control-api": (M, REVIEW, "loopback request to a secret store, admin API or metadata"),
    "sensitive-link": (M, REVIEW, "links to or mounts a sensitive path"),
    "prefixed-system-path": (
        M,
        REVIEW,
        "a credential (or, written, a start-up) system path below a link, mount or chroot",
    ),
    "sql-destructive": (M, REVIEW, "SQL that changes schema, stacks statements or edits all rows"),
    "sql-administrative": (M, REVIEW, "SQL that administers the server or grants privileges"),
    "sql-sensitive-write": (
        M,
        REVIEW,
        "SQL that changes a sum of money, what an account is recovered with or a security guard",
    ),
    "sql-not-understood": (M, REVIEW, "SQL the parser could not read"),
    "sql-scheduled-job": (M, REVIEW, "SQL that schedules statements to run later in the server"),
    "sql-dynamic-code": (
        M,
        REVIEW,
        "SQL that runs statement text built at run time or stored procedures not shown",
    ),
    "sql-injection-shape": (M, REVIEW, "text shaped like SQL injection (heuristic)"),
    "command-injection-shape": (
        M,
        REVIEW,
        "a URL query value or form field shaped like shell command injection (heuristic)",
    ),
    "instruction-override": (M, REVIEW, "text that tries to override instructions (heuristic)"),
    "fake-turn-marker": (
        M,
        REVIEW,
        "a chat turn or role marker forged inside data (<|im_start|>, </tool_result>, [SYSTEM])",
    ),
    "guard-tampering": (
        M,
        REVIEW,
        "text that asks to switch off, bypass or reconfigure the safety layer (heuristic)",
    ),
    "tool-poisoning": (
        M,
        REVIEW,
        "text that asks to read or hand on a secret or an agent's configuration (heuristic)",
    ),
    "run-script": (
        M,
        REVIEW,
        "package.json or composer.json written with a script the firewall would not allow "
        "as a command line, or cannot read",
    ),
    "agent-directed-order": (
        M,
        REVIEW,
        "text in data that gives an AI reader an order or claims authority for a change "
        "(heuristic)",
    ),
    "editor-executable": (
        M,
        REVIEW,
        "editor settings make the editor run a program outside the workspace",
    ),
    "editor-code": (M, REVIEW, "a file an editor loads from the project runs code or a command"),
    "workflow-hijack": (
        M,
        REVIEW,
        "CI workflow runs pull-request code with secrets, or takes an action from a "
        "look-alike or swapped owner",
    ),
    "dependency-redirect": (
        M,
        REVIEW,
        "a dependency's code fetched from another module, fork, index or tarball",
    ),
    "secret-in-message": (
        M,
        REVIEW,
        "an outbound message carries a secret variable, a credential file or a template "
        "that reads a file",
    ),
    "home-config-write": (
        M,
        REVIEW,
        "writes a dot-file or dot-directory of the home: tools' configuration and start-up code",
    ),
    "push-to-url": (
        M,
        REVIEW,
        "git push to a repository given by URL or path, or to a remote changed on the same line",
    ),
    "page-secret-read": (
        M,
        REVIEW,
        "code run in a web page reads its web storage, cookies or databases",
    ),
    "duplicate-key": (
        M,
        REVIEW,
        "JSON or YAML written with a key twice in one object: readers disagree on which counts",
    ),
    "agent-permission-grant": (
        M,
        REVIEW,
        "an AI agent's settings grant a whole tool, any arguments to a program that may do "
        "anything, a secret or start-up path, every domain, or stop it asking",
    ),
    "foreign-image": (
        M,
        REVIEW,
        "pulls a container image from a Docker Hub account anyone may own",
    ),
    "upload-elsewhere": (
        M,
        REVIEW,
        "files uploaded to a release, gist or secret of a repository the command names",
    ),
    "other-project": (
        M,
        REVIEW,
        "a command that acts on the project in its directory, run in a project outside the "
        "workspace",
    ),
    "infra-protection-off": (
        M,
        REVIEW,
        "infrastructure config that switches deletion protection, encryption or access control off",
    ),
    "verification-off": (
        M,
        REVIEW,
        "switches certificate or signature checks of a tool's downloads off, or trusts a host "
        "without them",
    ),
    "mixed-script": (M, REVIEW, "word mixing letters of several scripts (look-alikes)"),
    "hidden-text": (M, REVIEW, "bidi controls or tag characters: text shown unlike it is read"),
    "option-injection": (M, REVIEW, "an operand parameter that a program would read as an option"),
    "opaque-value": (M, REVIEW, "value the firewall cannot read as text"),
    "too-large": (M, REVIEW, "too large to inspect"),
    "reader-failure": (M, REVIEW, "a reader failed on the request, so it is judged unread"),
    "nesting-too-deep": (M, REVIEW, "parameters nested deeper than the firewall inspects"),
    "reference-cycle": (M, REVIEW, "parameters contain a reference cycle"),
}


def default_hit(rule: str, evidence: str) -> Hit:
    severity, effect, description = DEFAULT_RULES[rule]
    return Hit(rule, severity, effect, description, evidence)
