"""A child process for the departure crash test: runs one departure and dies where told.

Arguments: vault folder, the departing user, the receiver, and the step to die at (one of
services/departure.py's step names, or "none" to let the parent kill it at a random moment).
It prints each step as it passes and SIGKILLs itself on reaching the chosen one, so no
cleanup code of the product may run.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from desktop_crm.services import departure
from desktop_crm.services.session import sign_in


def main() -> None:
    vault_dir, leaving, receiver, kill_at = Path(sys.argv[1]), *sys.argv[2:5]
    admin = sign_in(vault_dir, "admin", os.environ["DESKTOP_CRM_PASSWORD"])
    users = {u.username: u.id for u in admin.users.list()}

    def step(name: str) -> None:
        print(name, flush=True)
        if name == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    departure.step_hook = step
    print("ready", flush=True)
    admin.departures.complete(users[leaving], [users[receiver]])
    print("finished", flush=True)


if __name__ == "__main__":
    main()
