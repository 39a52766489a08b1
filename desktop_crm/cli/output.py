"""What the CLI prints: one JSON document with --json, short readable text without.

JSON shapes (scripts rely on them): a list is {"items": [...], "total": N}; a record has its
"id" and its fields, a hidden field absent and a masked one as its masked string.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO


class Output:
    def __init__(self, *, as_json: bool, stream: TextIO | None = None) -> None:
        self.as_json = as_json
        self.stream = stream or sys.stdout

    def document(self, value: Mapping[str, Any]) -> None:
        """The one JSON document of this command (only with --json)."""
        json.dump(value, self.stream, ensure_ascii=False, indent=2, default=str)
        self.stream.write("\n")

    def line(self, text: str = "") -> None:
        self.stream.write(text + "\n")

    def emit(self, value: Mapping[str, Any], text: str | Iterable[str]) -> None:
        """JSON `value` with --json, else the text lines."""
        if self.as_json:
            self.document(value)
            return
        for line in [text] if isinstance(text, str) else text:
            self.line(line)

    def record(self, value: Mapping[str, Any], *, title: str = "") -> None:
        self.emit(value, ([title] if title else []) + record_lines(value))

    def items(self, items: Sequence[Mapping[str, Any]], total: int,
              columns: Sequence[str]) -> None:
        if self.as_json:
            self.document({"items": list(items), "total": total})
            return
        for item in items:
            self.line("\t".join(_plain(item.get(c)) for c in columns))
        shown = f"{len(items)} of {total}" if total != len(items) else str(total)
        self.line(f"({shown} shown)")


def record_lines(value: Mapping[str, Any]) -> list[str]:
    """`field: value` lines, empty fields left out."""
    lines = []
    for key, item in value.items():
        text = _plain(item)
        if text:
            lines.append(f"{key}: {text}")
    return lines


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={_plain(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
