"""The condition language is split over three modules: each stays free of eval/exec, and every
public name is still importable from ``wizard.conditions``."""

from __future__ import annotations

import importlib
import inspect

import pytest

import wizard.conditions

MODULES = ["wizard.conditions", "wizard.condition_nodes", "wizard.condition_parser"]


@pytest.mark.parametrize("name", MODULES)
def test_no_module_of_the_language_calls_eval_or_exec(name: str) -> None:
    source = inspect.getsource(importlib.import_module(name))
    assert "eval(" not in source.replace("evaluate(", "")
    assert "exec(" not in source


def test_every_public_name_of_the_language_is_importable_from_conditions() -> None:
    exported = set(wizard.conditions.__all__)
    for name in ("wizard.condition_nodes", "wizard.condition_parser"):
        module = importlib.import_module(name)
        public = {
            n
            for n, obj in vars(module).items()
            if not n.startswith("_")
            and not inspect.ismodule(obj)
            and getattr(obj, "__module__", name) == name
        }
        assert public <= exported, public - exported
    for name in exported:
        assert hasattr(wizard.conditions, name), name
