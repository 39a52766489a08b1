"""The audit log's HMAC chain: each event's hash covers the previous hash and the event.

The key is a random audit key stored inside the encrypted database. Anyone holding the data key
could rebuild the whole chain, so the head hash is also shown outside the device (admin
alerts, report footers, the sync server) — otherwise a truncated tail would go unnoticed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainLink:
    seq: int
    at: str  # the stored text form, exactly as hashed
    actor_id: str | None
    action: str
    entity: str
    entity_id: str
    detail: str  # the stored JSON text, exactly as hashed
    prev_hash: str
    hash: str


def canonical(
    seq: int,
    at: str,
    actor_id: str | None,
    action: str,
    entity: str,
    entity_id: str,
    detail: str,
) -> bytes:
    """One stable byte form of an event, over the stored text of every column.

    Hashing the stored text (not a parsed copy) means any changed byte breaks the link,
    even one that would parse back to the same value.
    """
    body = [seq, at, actor_id or "", action, entity, entity_id, detail]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def link_hash(key: bytes, prev_hash: str, event: bytes) -> str:
    return hmac.new(key, prev_hash.encode() + b"\n" + event, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    count: int
    head_hash: str
    first_broken_seq: int | None = None


def verify_chain(key: bytes, links: Iterable[ChainLink]) -> ChainReport:
    """Recompute every link in seq order; name the first one that does not match."""
    prev = GENESIS
    count = 0
    for link in links:
        event = canonical(link.seq, link.at, link.actor_id, link.action, link.entity,
                          link.entity_id, link.detail)
        expected = link_hash(key, prev, event)
        if link.prev_hash != prev or not hmac.compare_digest(expected, link.hash):
            return ChainReport(False, count, prev, first_broken_seq=link.seq)
        prev = link.hash
        count += 1
    return ChainReport(True, count, prev)
