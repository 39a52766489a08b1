"""Run the `desktop-crm` command line exactly as installed, then report the process's RSS.

`python -m benchmarks.cli_rss ARGS...` behaves like `desktop-crm ARGS...` and then writes
`VmRSS: <n> kB` as the last line on stderr: the product needs no hook for this.
"""

from __future__ import annotations

import sys

from benchmarks.rss import current_rss_line
from desktop_crm.app import main

if __name__ == "__main__":
    code = main(sys.argv[1:])
    print(current_rss_line(), file=sys.stderr, flush=True)
    sys.exit(code)
