"""The lower bound for the CLI's memory: Python, sqlcipher3 and the same name search, no more.

`python -m benchmarks.raw_rss DB QUERY LIMIT` reads the hex data key from standard input
(never from an argument or the environment), runs the name-prefix search the CLI's query
needs, and writes `VmRSS: <n> kB` to stderr. It imports nothing of the product on purpose.
"""

from __future__ import annotations

import sys

import sqlcipher3

from benchmarks.rss import current_rss_line


def main(db: str, query: str, limit: int) -> None:
    key_hex = sys.stdin.readline().strip()
    conn = sqlcipher3.connect(db)
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    rows = conn.execute(
        "SELECT id, name, company, phones, emails, city FROM customers"
        " WHERE name >= ? AND name < ? AND deleted_at IS NULL LIMIT ?",
        [query, query + "\U0010ffff", limit],
    ).fetchall()
    print(len(rows))
    conn.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
    print(current_rss_line(), file=sys.stderr, flush=True)
