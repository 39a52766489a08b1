"""A small demo vault, built once per test session and copied for tests that change it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.demo import DemoVault, build_demo_vault
from desktop_crm.services.session import CrmSession, sign_in

PASSWORD = "demo-password-1"
TODAY = date(2026, 11, 23)
SEED = 3
CUSTOMERS = 150


def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))


def build(vault_dir: Path, *, seed: int = SEED, customers: int = CUSTOMERS) -> DemoVault:
    return build_demo_vault(vault_dir, customers=customers, seed=seed, today=TODAY,
                            password=PASSWORD, clock=clock())


@dataclass
class Demo:
    vault_dir: Path
    built: DemoVault
    _open: list[CrmSession]

    def session(self, name: str) -> CrmSession:
        session = sign_in(self.vault_dir, name, PASSWORD, clock=clock())
        self._open.append(session)
        return session


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoVault]:
    vault_dir = tmp_path_factory.mktemp("demo-template") / "vault"
    return vault_dir, build(vault_dir)


@pytest.fixture
def demo(demo_template: tuple[Path, DemoVault], tmp_path: Path) -> Iterator[Demo]:
    template, built = demo_template
    vault_dir = tmp_path / "vault"
    shutil.copytree(template, vault_dir)
    opened = Demo(vault_dir, built, [])
    yield opened
    for session in opened._open:
        session.lock()
