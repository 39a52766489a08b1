"""The admin services' messages reach the person translated, a number or name they carry kept.

The sweep reads the services' source for every message they raise and checks that each one
reaches the catalogue through ui/errors.py: a translator that knows only the strings marked in
ui/ (as pyside6-lupdate finds them) must translate it.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop_crm.domain import errors as e
from desktop_crm.ui.errors import error_text, validation_text

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
ADMIN_SERVICES = ("roles", "role_rules", "policies", "users", "departments", "departure",
                  "alerts", "audit_log")
SAMPLE = "17"  # stands in for every value a message is built with (a count, a name)


@pytest.mark.parametrize(("message", "words"), [
    ("must contain both letters and digits", "Must contain both letters and digits"),
    ("must be at least 12 characters long", "Must be at least 12 characters long"),
    ("must be at least 8 characters long", "Must be at least 8 characters long"),
    ("must be a whole number from 1 to 240", "Must be a whole number from 1 to 240"),
    ("must be yes or no", "Must be yes or no"),
    ("“customer.manage” is not a permission", "“customer.manage” is not a permission"),
    ("a masked field is read-only: “phones” cannot be edit",
     "A masked field is read-only: “phones” cannot be edit"),
    ("no such role: boss, chief", "No such role: boss, chief"),
    ("sales_east1 is not active", "sales_east1 is not active"),  # a name keeps its case
])
def test_validation_messages_keep_their_values(message, words):
    assert validation_text(e.ValidationError("x", message)) == words


def test_a_conflict_with_a_count_keeps_it():
    assert error_text(e.Conflict("3 people still hold this role; give them another role "
                                 "first")) == (
        "3 people still hold this role; give them another role first")
    assert error_text(e.Conflict("li.na has already departed")) == "li.na has already departed"


class MarkedOnly(QTranslator):
    """Translates exactly the ServiceMessages sources marked for the catalogue: «source»."""

    def __init__(self, sources: set[str]) -> None:
        super().__init__()
        self.sources = sources

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if context == "ServiceMessages" and source in self.sources:
            return f"«{source}»"
        return ""

    def isEmpty(self) -> bool:  # Qt skips a translator that says it is empty
        return False


@pytest.fixture
def marked_only(qapp, tmp_path) -> Iterator[MarkedOnly]:
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "marked.ts"
    files = sorted(str(p) for p in (ROOT / "desktop_crm" / "ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), *files, "-ts", str(fresh)], check=True, capture_output=True)
    sources = {message.findtext("source") or ""
               for context in ET.parse(fresh).getroot().iter("context")
               if context.findtext("name") == "ServiceMessages"
               for message in context.iter("message")}
    translator = MarkedOnly(sources)
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_one_number_is_kept_through_the_translation(marked_only):
    assert validation_text(e.ValidationError("new_password", "must be at least 14 characters "
                                             "long")) == "«must be at least 14 characters long»"
    assert validation_text(e.ValidationError("x", "must be a whole number from 2 to 1000")) == (
        "«must be a whole number from 2 to 1000»")


def test_every_message_the_admin_services_raise_is_translated(marked_only):
    messages = sorted({m for name in ADMIN_SERVICES for m in raised_messages(name)})
    assert len(messages) > 40, messages  # the sweep found them
    untranslated = [m for m in messages
                    if not validation_text(e.ValidationError("x", m)).startswith("«")]
    assert not untranslated, untranslated
    for message in messages:  # the values a message was built with are kept
        assert validation_text(e.ValidationError("x", message)).count(SAMPLE) == \
            message.count(SAMPLE), message


# --- reading the messages out of the services' source ---------------------------------------


def raised_messages(module_name: str) -> Iterator[str]:
    """The message of every ValidationError / Conflict the module raises, and every problem
    its checks return, with each value a message is built with written as SAMPLE."""
    module = importlib.import_module(f"desktop_crm.services.{module_name}")
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) in ("ValidationError", "Conflict"):
            if node.args:
                yield from _texts(node.args[-1], module)
        elif isinstance(node, ast.FunctionDef) and node.name.lstrip("_") == "problem":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and inner.value is not None:
                    yield from _texts(inner.value, module)


def _called(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _texts(node: ast.expr, module: object) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        yield "".join(part.value if isinstance(part, ast.Constant) else SAMPLE
                      for part in node.values)
    elif isinstance(node, ast.IfExp):
        yield from _texts(node.body, module)
        yield from _texts(node.orelse, module)
    elif isinstance(node, ast.Name) and isinstance(getattr(module, node.id, None), str) \
            and node.id.isupper():
        yield getattr(module, node.id)
