"""A lost laptop leaks nothing: no demo customer's name, phone or email appears in plain bytes
(UTF-8, UTF-16 or GB18030) in any file of the vault, the settings store or the temp directory
after the CLI has built, searched, listed and shown customers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_crm.services.session import sign_in

PASSWORD = "leak-test-password"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")
# Shorter byte strings could turn up by chance in a megabyte of ciphertext.
MIN_NEEDLE_BYTES = 6


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "desktop_crm.cli", *args], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def _needles(vault: Path) -> Iterator[bytes]:
    session = sign_in(vault, "admin", PASSWORD)
    try:
        page = session.customers.list_page(limit=500)
        for row in page.rows:
            record = session.customers.get(row.id)
            values = [record.name, *record.emails]
            for phone in record.phones:
                values += [phone, phone.removeprefix("+86"), phone.lstrip("+")]
            for value in values:
                for encoding in ENCODINGS:
                    needle = value.encode(encoding, errors="ignore")
                    if len(needle) >= MIN_NEEDLE_BYTES:
                        yield needle
    finally:
        session.lock()


def _files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                yield path


@pytest.mark.slow
def test_no_customer_data_in_plain_bytes_anywhere(tmp_path: Path) -> None:
    home, temp, vault = tmp_path / "home", tmp_path / "tmp", tmp_path / "vault"
    home.mkdir()
    temp.mkdir()
    env = {
        **os.environ, "HOME": str(home), "TMPDIR": str(temp), "XDG_CONFIG_HOME": str(home / "cfg"),
        "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
        "DESKTOP_CRM_DEMO_PASSWORD": PASSWORD, "DESKTOP_CRM_PASSWORD": PASSWORD,
    }
    _cli(env, "--vault", str(vault), "demo", "--customers", "150", "--seed", "11")
    for user in ("admin", "sales_east1", "mgr_east"):
        _cli(env, "--vault", str(vault), "--user", user, "--json", "customer", "list")
        _cli(env, "--vault", str(vault), "--user", user, "customer", "search", "张")
    listed = _cli(env, "--vault", str(vault), "--user", "admin", "customer", "search", "zh")
    assert listed.strip()

    needles = set(_needles(vault))
    assert len(needles) > 300
    # the scan does find customer data where it is meant to be plain: the admin's own output
    assert any(n in listed.encode("utf-8") for n in needles)
    files = list(_files(vault, home, temp))
    assert any(p.name == "crm.db" for p in files) and any(p.name == "crm.keys" for p in files)
    for path in files:
        data = path.read_bytes()
        leaked = [n for n in needles if n in data]
        assert not leaked, f"{path.name} holds customer data in plain bytes: {leaked[:3]}"
