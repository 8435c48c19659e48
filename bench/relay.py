"""A TCP relay that plays an office link's faults between a client and a server: added delay
(half the round trip each way), stalls standing for lost packets, an optional rate limit,
and cuts (every connection dropped, new ones refused, for as long as the cut lasts). It
counts the bytes it carries each way and keeps what clients sent (request heads), so a test
can read the `Range:` of every request. Used by tests/client/test_snapshot.py and
bench/office_link.py. This kernel has no netem: the delay, loss stalls and cut are done here;
the rate is `tc tbf` in a network namespace in the benchmark (or `rate` here in tests).
"""

from __future__ import annotations

import queue
import random
import re
import socket
import threading
import time
from dataclasses import dataclass, field

PACKET = 1448  # TCP payload of one Ethernet frame


@dataclass
class Relay:
    target: tuple[str, int]
    listen: tuple[str, int] = ("127.0.0.1", 0)
    one_way_delay: float = 0.0
    loss: float = 0.0  # probability that a packet is lost: costs one stall
    loss_stall: float = 0.2  # a retransmission after a lost packet (about the minimum RTO)
    rate: float | None = None  # bytes/s towards the client (None: as fast as it goes)
    seed: int = 16
    chunk: int = 16384  # the most read (and stamped) at once towards the client
    bytes_down: int = 0
    bytes_up: int = 0
    stalls: int = 0
    heads: list[bytes] = field(default_factory=list)
    _cut: bool = False

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._server = socket.create_server(self.listen)
        self.address = self._server.getsockname()
        self._live: set[socket.socket] = set()
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True, name="relay-accept").start()

    @property
    def url(self) -> str:
        return f"http://{self.address[0]}:{self.address[1]}"

    def cut(self) -> None:
        """Drop every connection and refuse new ones until restore()."""
        with self._lock:
            self._cut = True
            live, self._live = list(self._live), set()
        for sock in live:
            _close(sock)

    def restore(self) -> None:
        with self._lock:
            self._cut = False

    def close(self) -> None:
        self._stopped = True
        self.cut()
        _close(self._server)

    def ranges(self) -> list[int | None]:
        """The start of every GET's Range (None: the whole file) for snapshot files, in order."""
        found = []
        with self._lock:
            heads = list(self.heads)
        for head in heads:
            if b"/snapshot/files/" not in head.split(b"\r\n", 1)[0]:
                continue
            match = re.search(rb"\r\nrange: bytes=(\d+)-", head, re.IGNORECASE)
            found.append(int(match.group(1)) if match else None)
        return found

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            if self._cut:
                _close(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=10)
                upstream.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._live.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, True), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, down: bool) -> None:
        """A delay line: the reader stamps each chunk with when it may leave, the writer sends
        it then; so the delay adds latency without capping the rate (as a long cable would)."""
        line: queue.Queue = queue.Queue()
        writer = threading.Thread(target=self._write, args=(line, source, sink, down), daemon=True)
        writer.start()
        last = 0.0
        try:
            while True:
                data = source.recv(self.chunk if down else 65536)
                if not data:
                    break
                if not down and data[:4] in (b"GET ", b"POST", b"PUT ", b"HEAD", b"PATC"):
                    with self._lock:
                        self.heads.append(data[:4096])
                last = max(last, time.monotonic() + self.one_way_delay) + self._extra(data, down)
                line.put((last, data))
        except OSError:
            pass
        line.put((0.0, b""))
        writer.join()

    def _write(self, line: queue.Queue, source: socket.socket, sink: socket.socket, down: bool) -> None:
        try:
            while True:
                at, data = line.get()
                if not data:
                    break
                wait = at - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                if self._cut:
                    break
                sink.sendall(data)
                with self._lock:
                    if down:
                        self.bytes_down += len(data)
                    else:
                        self.bytes_up += len(data)
        except OSError:
            pass
        finally:
            _close(source)
            _close(sink)

    def _extra(self, data: bytes, down: bool) -> float:
        """Seconds this chunk waits beyond the delay: stalls for lost packets, and the rate."""
        wait = 0.0
        if self.loss:
            packets = max(1, -(-len(data) // PACKET))
            with self._lock:
                lost = sum(self._rng.random() < self.loss for _ in range(packets))
                self.stalls += lost
            wait += lost * self.loss_stall
        if down and self.rate:
            wait += len(data) / self.rate
        return wait


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
