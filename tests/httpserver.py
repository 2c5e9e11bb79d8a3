"""One schedule server on 127.0.0.1 for the tests that download (``test_remote.py``,
``test_app_live.py``): it serves ``body`` with an ETag and a Last-Modified, answers 304 to a
matching ``If-None-Match``, can gzip, and can hold its answers until the test lets them go.
The conftest fixture ``server`` starts one per test. The schedules are fictional."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Wed, 01 Jan 2031 07:00:00 GMT"
HOLD_AT_MOST = 30.0
"""Seconds a held answer waits at most, so a test that forgets to let go still ends."""


def schedule(*events: tuple[int, str, str, str]) -> bytes:
    """Schedule JSON with events ``(id, title, start time, room)``, 30 minutes each."""
    rooms: dict[str, list] = {}
    for ident, title, start, room in events:
        rooms.setdefault(room, []).append({
            "id": ident, "guid": f"guid-{ident}", "date": f"2031-01-02T{start}:00+00:00", "start": start,
            "duration": "00:30", "room": room, "title": title, "type": "Talk", "persons": []})
    conf = {"title": "Fictional Remote Con", "time_zone_name": "UTC",
            "days": [{"index": 1, "date": "2031-01-02", "rooms": rooms}]}
    return json.dumps({"schedule": {"version": "1", "conference": conf}}, indent=1).encode()


V1 = schedule((1, "Talk One", "10:00", "Hall A"), (2, "Talk Two", "11:00", "Hall A"),
              (3, "Talk Three", "12:00", "Hall B"))
V2 = schedule((1, "Talk One", "10:00", "Hall A"), (2, "Talk Two", "13:00", "Hall B"),
              (4, "Talk Four", "14:00", "Hall A"))
"""Version 2 of V1: Talk Two moved (11:00 Hall A -> 13:00 Hall B), Talk Four new, Talk Three cancelled."""


class ScheduleServer:
    """Serves ``body`` at every path, with ``etag`` and a fixed Last-Modified; 304 (with the ETag)
    to a matching ``If-None-Match``; gzip-encoded when ``gzip``. Change the attributes between
    requests to publish a new version. ``requests`` holds the headers of every request, in the
    order they arrived; ``answered`` counts the answers sent."""

    def __init__(self, body: bytes = V1, etag: str = '"v1"'):
        self.body, self.etag, self.gzip = body, etag, False
        self.drip = 0.0
        """Seconds between bytes when set: the whole answer (status line, headers, body) is sent
        a byte at a time, for at most ``HOLD_AT_MOST`` seconds (a server that hangs everything
        that waits on it)."""
        self.error: tuple[int, str] | None = None
        """An error status and its reason phrase to answer with, when set."""
        self.requests: list[dict[str, str]] = []
        self.answered = 0
        self._count = threading.Lock()
        self._open = threading.Event()
        self._open.set()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/schedule.json"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def hits(self) -> int:
        """How many requests came in."""
        return len(self.requests)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Inside the block, requests are counted as they come in but answered only when it
        ends: a download in progress, for as long as the test needs one."""
        self._open.clear()
        try:
            yield
        finally:
            self._open.set()

    def stop(self) -> None:
        """Go offline: later requests find nothing listening."""
        self._open.set()
        if self.thread.is_alive():
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append(dict(self.headers))
                outer._open.wait(HOLD_AT_MOST)
                try:
                    self._answer()
                finally:
                    with outer._count:
                        outer.answered += 1

            def _answer(self):
                if outer.error is not None:
                    code, reason = outer.error
                    self.wfile.write(f"HTTP/1.0 {code} {reason}\r\nContent-Length: 0\r\n\r\n".encode("latin-1"))
                    return
                if outer.drip:
                    self._drip()
                    return
                if self.headers.get("If-None-Match") == outer.etag:
                    self.send_response(304)
                    self.send_header("ETag", outer.etag)
                    self.end_headers()
                    return
                body = gzip.compress(outer.body) if outer.gzip else outer.body
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("ETag", outer.etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
                if outer.gzip:
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _drip(self):
                import time

                raw = (b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n"
                       + f"Content-Length: {len(outer.body)}\r\n\r\n".encode() + outer.body)
                ends = time.monotonic() + HOLD_AT_MOST
                for at in range(len(raw)):
                    if time.monotonic() > ends:
                        return
                    try:
                        self.wfile.write(raw[at:at + 1])
                        self.wfile.flush()
                    except OSError:
                        return  # the client gave up: as it should
                    time.sleep(outer.drip)

            def log_message(self, *args):
                pass

        return Handler
