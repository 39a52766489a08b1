"""DESIGN.md's layering rule for the GUI: no SQL and no ORM session in desktop_crm/ui.

Import-linter already forbids ui from importing sqlalchemy or sqlcipher3; this also catches
SQL written as text (which would need no import to smuggle a query past the services).
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[3] / "desktop_crm" / "ui"
SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s)",
                 re.IGNORECASE)
ORM = re.compile(r"\b(sessionmaker|exec_driver_sql|\.execute\(|sqlalchemy|sqlcipher3)\b")


def test_no_module_of_the_gui_holds_sql_or_reaches_for_a_session():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQL.search(line) or ORM.search(line):
                offenders.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_check_sees_sql_when_there_is_some():
    assert SQL.search('rows = conn.run("select id from customers")')
    assert ORM.search("session.execute(query)")
    assert not SQL.search("Select the customers to export")
