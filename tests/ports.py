"""Ports for tests, held so no other process can take them between choice and use."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

HOST = "127.0.0.1"


@contextlib.contextmanager
def closed_port() -> Iterator[int]:
    """A port on 127.0.0.1 where nothing listens, for as long as the block runs.

    The socket is bound but never listens: the kernel refuses every connection to it at once
    (ECONNREFUSED), and no server can bind it meanwhile. Unlike a well-known port such as 9
    (discard, open on some machines) or a port found free a moment earlier, this cannot be
    taken by something else during the test.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, 0))
        yield int(sock.getsockname()[1])
    finally:
        sock.close()
