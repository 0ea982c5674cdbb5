"""Infrastructure configuration that switches a protection off.

``deletion_protection = false`` in ``terraform.tfvars`` is one line of text in the workspace,
and the next ``terraform apply`` lets the production database be destroyed. In Terraform
(``.tf``, ``.tfvars``, ``.hcl``), CloudFormation, Pulumi programs and Helm or Kustomize
values, a setting that turns deletion protection off (``deletion_protection``,
``prevent_destroy`` false; ``force_destroy``, ``skip_final_snapshot`` true), encryption off,
public access on (``publicly_accessible``, public ACLs, S3 public-access blocks off),
``0.0.0.0/0`` open on an administration or database port, authentication, TLS checks or MFA
off is ``infra-protection-off`` (*review*). Settings that keep or add a protection, and
the same words in other files, pass. The patterns are data (``infra_protections`` in
``data/infra.toml``).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

import re2

from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["infra_findings"]

_EXTENSIONS = (".tf", ".tfvars", ".hcl", ".tf.json", ".tfvars.json")
_DIRECTORIES = (
    "infra/", "infrastructure/", "terraform/", "cloudformation/", "cfn/", "pulumi/", "charts/",
    "helm/", "deploy/", "k8s/", "kustomize/", "stacks/",
)  # fmt: skip
_MAX_TEXT = 131072
_MARKED = (".yaml", ".yml", ".json", ".template", ".py", ".ts", ".js", ".go", ".cs")
_MARKS = ("AWSTemplateFormatVersion", "AWS::", "import pulumi", "@pulumi/", "pulumi-aws")


@cache
def _patterns() -> tuple[tuple[str, Any], ...]:
    text = resources.files("aegis.intent_firewall").joinpath("data/infra.toml").read_text()
    table = tomllib.loads(text)["infra_protections"]
    return tuple((why, re2.compile(pattern)) for why, pattern in table["patterns"].items())


@cache
def _open_ports() -> tuple[Any, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/infra.toml").read_text()
    table = tomllib.loads(text)["infra_protections"]
    return re2.compile(table["open_world"]), re2.compile(table["admin_ports"])


def _infrastructure(path: str, new: list[str]) -> bool:
    """Whether the file is infrastructure config: by its name or directory, or (a template
    or program anywhere) by CloudFormation's or Pulumi's marks in its text."""
    name = path.rsplit("/", 1)[-1]
    if name.endswith(_EXTENSIONS) or name.startswith(("pulumi.", "values")):
        return True
    if any(part in "/" + path for part in ("/" + d for d in _DIRECTORIES)):
        return True
    if not name.endswith(_MARKED):
        return False
    return any(mark in text for text in new for mark in _MARKS)


def infra_findings(path: str, new: list[str]) -> list[Hit]:
    """Findings on infrastructure config at ``path`` (lower case) written with ``new``."""
    if not new or not _infrastructure(path, new):
        return []
    text = "\n".join(new)[:_MAX_TEXT]
    for why, pattern in _patterns():
        match = pattern.search(text)
        if match:
            return [default_hit("infra-protection-off", f"{why}: {match.group(0)[:80]!r}")]
    world, ports = _open_ports()
    if world.search(text):
        port = ports.search(text)
        if port:
            return [default_hit("infra-protection-off", f"0.0.0.0/0 open on {port.group(0)!r}")]
    return []
