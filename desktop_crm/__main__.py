"""`python -m desktop_crm`: the same entry point as the `desktop-crm` command."""

import sys

from desktop_crm.app import main

sys.exit(main())
