"""Test-wide settings: headless Qt, the fast key-derivation switch, an in-memory keyring."""

from __future__ import annotations

import os

# Before anything imports Qt: no display is needed, and without one Qt would abort the run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The one switch that lowers Argon2id cost for tests (production parameters are the default).
os.environ.setdefault("DESKTOP_CRM_KDF", "fast-for-tests")
