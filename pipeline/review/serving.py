"""uvicorn's HTTP/1.1 protocol with TCP_NODELAY on every connection.

With ``triage serve --workers N`` (N > 1) uvicorn shares one listening socket that it made
without TCP_NODELAY, and Nagle's algorithm then holds each keep-alive response back for
~40 ms (measured with one client: 43.9 ms per request instead of 2.7 ms). `triage serve`
names this class by import string, so each worker process loads it itself.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
