"""`python -m desktop_crm.cli ...`"""

from desktop_crm.cli.runner import main

raise SystemExit(main())
