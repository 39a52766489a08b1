"""The CLI's entry: parse, run one command, turn every failure into one line and an exit code.

Exit codes: 0 done; 1 a refused or invalid request; 2 a usage error; 3 the vault is locked,
damaged or missing, or the password is wrong; 130 interrupted. Never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from desktop_crm.cli.context import CliContext
from desktop_crm.cli.output import Output
from desktop_crm.cli.parser import build_parser
from desktop_crm.domain.errors import CrmError, PasswordChangeRequired

INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        return INTERRUPTED
    except BrokenPipeError:  # the reader went away (`... | head`): nothing left to say
        _silence_stdout()
        return 1
    except SystemExit as exit_:  # --help and --version end this way
        return exit_.code if isinstance(exit_.code, int) else 0
    except PasswordChangeRequired as error:
        return _fail(f"{error} — run `desktop-crm user passwd`", error.exit_code)
    except CrmError as error:
        return _fail(str(error), error.exit_code)
    except Exception as error:  # the promise is one line, never a traceback
        return _fail(f"unexpected problem: {type(error).__name__}", 1)


def _run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    ctx = CliContext(args=args, out=Output(as_json=args.json))
    return int(args.handler(ctx))


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (captured output): nothing will be flushed to a closed pipe


def _fail(message: str, code: int) -> int:
    first_line = message.splitlines()[0] if message else "failed"
    print(f"error: {first_line}", file=sys.stderr)
    return code
