"""Modules found by looking in a package, as the evaluation suites and the benchmarks are."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Collection
from types import ModuleType


def discover_modules(package: str, skip: Collection[str] = (), kind: str = "module") -> list[ModuleType]:
    """Every module of ``package`` with ``NAME`` and ``run``, in file-name order, leaving out private
    (``_name``) modules, sub-packages and ``skip``.

    A module that fails to import is still listed, as a stand-in named after its file whose ``run``
    raises the import error: one broken file then shows up as that one suite or benchmark failing,
    not as the whole harness failing.
    """
    pkg = importlib.import_module(package)
    found: list[ModuleType] = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name in skip or info.ispkg:
            continue
        try:
            module = importlib.import_module(f"{package}.{info.name}")
        except Exception as exc:  # reported when it runs, as that module's failure
            module = _failing_stand_in(info.name, exc, kind)
        if hasattr(module, "run") and hasattr(module, "NAME"):
            found.append(module)
    return found


def _failing_stand_in(name: str, exc: Exception, kind: str) -> ModuleType:
    stand_in = ModuleType(name)
    stand_in.NAME = name  # type: ignore[attr-defined]
    stand_in.TITLE = name  # type: ignore[attr-defined]

    def run(ctx: object) -> None:
        raise ImportError(f"{kind} module {name!r} failed to import: {exc!r}") from exc

    stand_in.run = run  # type: ignore[attr-defined]
    return stand_in
