"""Key material with a short, explicit life.

Python cannot promise that no copy of a secret survives in memory (bytes are immutable and
the allocator reuses freely), but every object of ours that held a key can drop it: keys live
in a mutable buffer that `wipe()` overwrites with zeros, and code that is done with a key
calls it.
"""

from __future__ import annotations


class SecretBytes:
    """A wipeable holder for a key; never printed, never compared in variable time."""

    __slots__ = ("_buf",)

    def __init__(self, value: bytes | bytearray) -> None:
        self._buf: bytearray | None = bytearray(value)

    @property
    def value(self) -> bytes:
        if self._buf is None:
            raise ValueError("key material was wiped")
        return bytes(self._buf)

    @property
    def wiped(self) -> bool:
        return self._buf is None

    def hex(self) -> str:
        return self.value.hex()

    def wipe(self) -> None:
        if self._buf is not None:
            for i in range(len(self._buf)):
                self._buf[i] = 0
            self._buf = None

    def take(self, other: SecretBytes) -> None:
        """Hold `other`'s key instead of this one, wiping both old copies.

        A rotated data key: engines keep the same holder and reconnect with the new key.
        """
        new = bytearray(other.value)
        other.wipe()
        self.wipe()
        self._buf = new

    def __len__(self) -> int:
        return 0 if self._buf is None else len(self._buf)

    def __repr__(self) -> str:  # never the value
        return "SecretBytes(<wiped>)" if self._buf is None else f"SecretBytes(<{len(self)} bytes>)"

    __str__ = __repr__

    def __reduce__(self) -> object:
        raise TypeError("key material cannot be pickled")
