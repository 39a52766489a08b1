"""Run the CLI in-process as a user would: arguments, environment, standard input.

Every run asserts the promise of the CLI contract: at most one line on stderr, never a
traceback. A small demo vault is built once and copied per test.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.cli import main
from desktop_crm.services.demo import build_demo_vault

DEMO_PASSWORD = "demo-password-1"
DEMO_CUSTOMERS = 60
ENVIRONMENT = ("DESKTOP_CRM_PASSWORD", "DESKTOP_CRM_NEW_PASSWORD", "DESKTOP_CRM_DEMO_PASSWORD",
               "DESKTOP_CRM_USER")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Run = Callable[..., Result]
AsUser = Callable[..., Result]  # as_user("admin", "customer", "list", ...)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def run_cli(*argv: str, password: str | None = None, stdin: str = "",
                env: dict[str, str] | None = None) -> Result:
        for name in ENVIRONMENT:
            monkeypatch.delenv(name, raising=False)
        if password is not None:
            monkeypatch.setenv("DESKTOP_CRM_PASSWORD", password)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        assert len(captured.err.splitlines()) <= 1, captured.err
        return Result(code, captured.out, captured.err)

    return run_cli


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    vault_dir = tmp_path_factory.mktemp("cli-demo") / "vault"
    # the system clock, as the CLI uses: later edits in a test are newer than the build
    build_demo_vault(vault_dir, customers=DEMO_CUSTOMERS, seed=11, today=date(2026, 11, 23),
                     password=DEMO_PASSWORD)
    return vault_dir


@pytest.fixture
def demo_vault(demo_template: Path, tmp_path: Path) -> Path:
    vault_dir = tmp_path / "demo"
    shutil.copytree(demo_template, vault_dir)
    return vault_dir


@pytest.fixture
def as_user(run: Run, demo_vault: Path) -> AsUser:
    """Run a command on the demo vault as one of its users: as_user("admin", "customer", ...)."""

    def run_as(user: str, *argv: str, **kwargs: Any) -> Result:
        return run("--vault", str(demo_vault), "--user", user, *argv,
                   password=kwargs.pop("password", DEMO_PASSWORD), **kwargs)

    return run_as
