"""Libraries a ``python -c`` one-liner may import to describe the machine, closed like the rest.

``python -c "import torch; print(torch.__version__, torch.cuda.is_available())"`` and
``python -c "import os; print('WANDB_API_KEY' in os.environ)"`` answer a question about the
installed stack or the environment and print the answer. The grammar of ``inertcode.py``
takes them when each use of such a module is one of these:

- a library of the data and ML stack (torch, numpy, pandas, mlflow …), imported under any
  name: attribute reads (``torch.version.cuda``, ``np.__version__``) and calls whose last
  name only describes the installation (``is_available``, ``device_count``,
  ``get_device_name``, ``show_versions``); any other call (``torch.load``, ``pd.read_pickle``,
  ``wandb.init``) leaves the grammar;
- MLflow's readers of the tracking store (``search_runs``, ``get_run`` …) only after
  ``set_tracking_uri`` names a local store by a literal (``file:./mlruns``,
  ``sqlite:///mlflow.db``) inside the working directory, and their results only looked at
  (``.head()``, ``.describe()``);
- ``os``: ``'NAME' in os.environ`` (whether a variable is set, never its value),
  ``os.cpu_count()``, ``os.getcwd()``, ``os.name``, ``os.sep``.
"""

from __future__ import annotations

import ast

__all__ = ["LIBRARIES", "library_uses_allowed"]

LIBRARIES = frozenset(
    {"torch", "torchvision", "torchaudio", "tensorflow", "keras", "jax", "jaxlib", "flax",
     "numpy", "pandas", "polars", "pyarrow", "scipy", "sklearn", "xgboost", "lightgbm",
     "catboost", "statsmodels", "transformers", "datasets", "tokenizers", "accelerate",
     "peft", "diffusers", "sentence_transformers", "onnx", "onnxruntime", "mlflow", "optuna",
     "matplotlib", "seaborn", "plotly", "cv2", "PIL", "skimage", "spacy", "nltk", "gensim",
     "triton", "deepspeed", "bitsandbytes", "timm", "lightning", "pytorch_lightning",
     "numba", "cupy", "dask", "ray", "shap", "evaluate", "safetensors", "einops"}
)  # fmt: skip
#: Calls that describe the installed library or the devices it sees.
_DESCRIBING = frozenset(
    {"is_available", "device_count", "get_device_name", "get_device_capability",
     "get_device_properties", "current_device", "is_built", "get_arch_list", "version",
     "list_physical_devices", "list_logical_devices", "is_built_with_cuda", "devices",
     "default_backend", "show_versions", "show_config", "get_backend",
     "mem_get_info", "memory_allocated", "is_bf16_supported", "get_num_threads",
     "get_available_providers", "get_device", "get_tracking_uri"}
)  # fmt: skip
#: MLflow readers of the tracking store.
_STORE_READS = frozenset(
    {"search_runs", "search_experiments", "get_run", "get_experiment",
     "get_experiment_by_name", "list_experiments", "search_registered_models",
     "search_model_versions", "get_registered_model", "last_active_run"}
)  # fmt: skip
#: Methods that only look at a result (a DataFrame, a run).
_LOOKING = frozenset(
    {"head", "tail", "describe", "info", "to_string", "to_markdown", "count", "nunique",
     "value_counts", "sort_values", "items", "keys", "values", "get", "to_dict", "mean", "sum",
     "min", "max", "round"}
)  # fmt: skip
_OS_CALLS = frozenset({"cpu_count", "getcwd"})
_OS_ATTRIBUTES = frozenset({"environ", "name", "sep", "linesep", "cpu_count", "getcwd"})
_LOCAL_STORES = ("file:", "sqlite:///", "./", "mlruns")


def _chain(node: ast.expr) -> tuple[str, list[ast.expr]]:
    """The root name of ``a.b().c`` and the links from the root out (Attribute or Call)."""
    links: list[ast.expr] = []
    while isinstance(node, ast.Attribute | ast.Call):
        links.append(node)
        node = node.value if isinstance(node, ast.Attribute) else node.func
    return (node.id if isinstance(node, ast.Name) else ""), links[::-1]


def _local_store(call: ast.Call) -> bool:
    if len(call.args) != 1 or call.keywords or not isinstance(call.args[0], ast.Constant):
        return False
    uri = call.args[0].value
    if not isinstance(uri, str) or ".." in uri:
        return False
    rest = uri.removeprefix("file:").removeprefix("sqlite:///")
    return uri.startswith(_LOCAL_STORES) and not rest.startswith(("/", "~", "\\"))


def _library_chain(links: list[ast.expr], state: dict[str, bool]) -> bool:
    """Each call of the chain: describing, or a store read after a local store is set, then
    only looked at."""
    read = False
    for index, link in enumerate(links):
        if not isinstance(link, ast.Call):
            continue
        func = link.func
        name = func.attr if isinstance(func, ast.Attribute) else ""
        if read and name in _LOOKING:
            continue
        if name == "set_tracking_uri" and index == 1 and _local_store(link):
            state["store"] = True
        elif name in _STORE_READS and state.get("store"):
            read = True
        elif name not in _DESCRIBING:
            return False
    return True


def _os_chain(links: list[ast.expr], node: ast.expr, members: set[int]) -> bool:
    first = links[0]
    if not isinstance(first, ast.Attribute) or first.attr not in _OS_ATTRIBUTES:
        return False
    if first.attr == "environ":
        return len(links) == 1 and id(node) in members  # 'X' in os.environ, nothing more
    if first.attr in _OS_CALLS:
        return len(links) == 2 and isinstance(links[1], ast.Call) and not links[1].args
    return len(links) == 1


def library_uses_allowed(nodes: list[ast.AST], aliases: dict[str, str]) -> bool:
    """Whether every use of a name bound to a library or ``os`` (``aliases``: bound name to
    module) is one the module docstring lists. Statements are walked in order, so a store
    read counts only after the store was set."""
    members = {
        id(comparator)
        for node in nodes
        if isinstance(node, ast.Compare)
        and all(isinstance(op, ast.In | ast.NotIn) for op in node.ops)
        for comparator in node.comparators
    }
    outermost: dict[int, ast.expr] = {}
    inner: set[int] = set()
    for node in nodes:
        if isinstance(node, ast.Attribute | ast.Call):
            inner.add(id(node.value if isinstance(node, ast.Attribute) else node.func))
            outermost[id(node)] = node
    state: dict[str, bool] = {}
    chains = [n for key, n in outermost.items() if key not in inner]
    chains.sort(key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)))
    for node in chains:
        root, links = _chain(node)
        module = aliases.get(root)
        if module is None or not links:
            continue
        if module == "os" and not _os_chain(links, node, members):
            return False
        if module != "os" and not _library_chain(links, state):
            return False
    return all(
        not (isinstance(n, ast.Name) and n.id in aliases and id(n) not in inner) for n in nodes
    )
