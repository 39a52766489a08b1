"""A child process for the SIGKILL test: writes through the services until it is killed.

It prints one line per acknowledged commit ("committed <id>") and flushes at once, so the
parent knows exactly which writes were reported as durable before the kill.
Modes: `write` creates customers; `rotate` also rotates the data key between writes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_crm.services.session import sign_in
from desktop_crm.storage.names import name_keys


def main() -> None:
    vault_dir, username, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    session = sign_in(vault_dir, username, os.environ["DESKTOP_CRM_PASSWORD"])
    # pypinyin's tables load on the first Chinese name: before the kill timer starts, so
    # the kills land amid writes
    name_keys("崩溃测试")
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        record = session.customers.create(
            {"name": f"崩溃测试 {os.getpid()}-{n}", "phones": ["+8613812345678"]})
        print(f"committed {record.id}", flush=True)
        if mode == "rotate" and n % 3 == 0:
            session.rotate_data_key()
            print("rotated", flush=True)


if __name__ == "__main__":
    main()
