"""A schedule published at a URL, as bytes: HTTP with revalidation, and the URL's cached copies.

The last good copy of each URL lives in ``<cache>/remote/<hash>/``: ``current``, the copy before
it as ``previous``, and ``meta.json`` with the ETag, Last-Modified and when the server last
confirmed the copy. This module only moves bytes; whether they hold a valid schedule, and what
to do when they do not, is ``fetch.py``'s business.
"""

from __future__ import annotations

import hashlib
import zlib
from datetime import datetime, timezone
from pathlib import Path

from ..core.textclean import clean

TIMEOUT = 15.0
"""Seconds for a whole download: connecting, the headers and the body (one deadline, not one per
read: a server that drips a byte a second is cut off when it passes)."""
REFRESH_MINUTES = 5
MAX_BYTES = 64 * 1024 * 1024
"""A larger download is refused as broken (a schedule of 1,000 events is about 2 MB)."""
UTC = timezone.utc


class Failure(Exception):
    """The server could not be reached, or answered with an error."""


class Copy:
    """The cached copies of one URL: the current bytes (``None`` when there is none), the
    previous ones, and what the server said about them (``meta``)."""

    def __init__(self, url: str):
        self.url = url
        self.folder = folder(url)
        from ..store.atomic import read_json

        meta, _ = read_json(self.folder / "meta.json")
        self.meta: dict = meta if isinstance(meta, dict) and meta.get("url") == url else {}
        self.body = _read(self.folder / "current") if self.meta else None

    def confirmed(self, now: datetime) -> datetime:
        """When the server last confirmed the current copy (its file's time if unknown)."""
        return _when(self.meta.get("confirmed_at")) or _mtime(self.folder / "current") or now

    def previous(self) -> bytes | None:
        return _read(self.folder / "previous")

    def confirm(self, now: datetime) -> None:
        """The server said the copy is still current (304)."""
        self.meta["confirmed_at"] = now.isoformat()
        _save_meta(self.folder, self.meta)

    def replace(self, data: bytes, headers: dict, now: datetime) -> None:
        """Keep ``data`` as the current copy (the old one becomes ``previous``)."""
        try:
            if self.body is not None and self.body != data:
                _write(self.folder / "previous", self.body)
            _write(self.folder / "current", data)
        except OSError:
            pass  # a read-only cache: this run still has the program
        self.meta = {"url": self.url, "etag": headers.get("ETag"), "last_modified": headers.get("Last-Modified"),
                     "confirmed_at": now.isoformat(), "downloaded_at": now.isoformat()}
        _save_meta(self.folder, self.meta)
        self.body = data


def folder(url: str) -> Path:
    from ..store.paths import cache_dir

    return cache_dir() / "remote" / hashlib.sha256(url.encode()).hexdigest()[:24]


def get(url: str, meta: dict, timeout: float | None = None) -> tuple[int, bytes, dict]:
    """``(status, body, headers)`` for ``url``, asking only for a change since ``meta``'s ETag /
    Last-Modified (status 304 and no body when there is none). Raises :class:`Failure`.

    ``timeout`` (default :data:`TIMEOUT`) is one deadline for the whole download (connecting, the
    headers, the body): a server that sends a byte a second is cut off when it passes, as is one
    that never answers.
    The body is read in pieces and refused once it passes :data:`MAX_BYTES`.
    """
    import http.client
    import urllib.error
    import urllib.request

    from .. import __version__

    headers = {"User-Agent": f"c4ml-tui/{__version__}", "Accept-Encoding": "gzip"}
    for key, header in (("etag", "If-None-Match"), ("last_modified", "If-Modified-Since")):
        value = meta.get(key)
        if isinstance(value, str) and value.isascii() and value.isprintable():
            headers[header] = value
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http/https only)
    timeout = TIMEOUT if timeout is None else timeout
    deadline = Deadline(timeout)
    try:
        with deadline, deadline.opener().open(request, timeout=timeout) as response:
            data = _body(response, deadline)
            if response.headers.get("Content-Encoding", "").lower() == "gzip":
                data = _gunzip(data)
            return response.status, data, dict(response.headers)
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return 304, b"", dict(error.headers or {})
        raise Failure(clean(f"HTTP {error.code} {error.reason}")) from None
    except urllib.error.URLError as error:
        if deadline.passed:
            raise Failure(deadline.message) from None
        raise Failure(clean(str(getattr(error.reason, "strerror", None) or error.reason))) from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        if deadline.passed:
            raise Failure(deadline.message) from None
        raise Failure(clean(str(error) or type(error).__name__)) from None


CHUNK = 256 * 1024


def _body(response, deadline: Deadline) -> bytes:
    """The response's body, read in pieces: refused past :data:`MAX_BYTES` (a Content-Length
    that says so is refused before reading) or past the deadline."""
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length.strip()[:20]) > MAX_BYTES:
        raise Failure(f"larger than {MAX_BYTES // 2**20} MB")
    pieces: list[bytes] = []
    size = 0
    while True:
        if deadline.passed:
            raise Failure(deadline.message)
        piece = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
        if not piece:
            break
        size += len(piece)
        if size > MAX_BYTES:
            raise Failure(f"larger than {MAX_BYTES // 2**20} MB")
        pieces.append(piece)
    if deadline.passed:
        raise Failure(deadline.message)
    return b"".join(pieces)


class Deadline:
    """One deadline for a download: every socket opened under it is shut down when it passes
    (a read blocked on a server that drips a byte at a time returns at once), and each socket
    operation waits at most until then. A context manager: the watchdog stops on leaving."""

    def __init__(self, seconds: float):
        import threading
        import time

        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self._sockets: list = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._expired = False

    @property
    def passed(self) -> bool:
        import time

        return self._expired or time.monotonic() >= self.ends

    @property
    def message(self) -> str:
        return f"no complete answer within {self.seconds:g} s"

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def watch(self, sock) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self._expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def opener(self):
        """A ``urllib`` opener whose connections are watched by this deadline (proxies and
        redirects as usual)."""
        import http.client
        import urllib.request

        deadline = self

        class Watched(http.client.HTTPConnection):
            def connect(self) -> None:
                super().connect()
                deadline.watch(self.sock)

        class WatchedTLS(http.client.HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                deadline.watch(self.sock)

        class Plain(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(Watched, req)

        class Secure(urllib.request.HTTPSHandler):
            def https_open(self, req):
                check = getattr(self, "_check_hostname", None)  # gone from Python 3.12's handler
                more = {"check_hostname": check} if check is not None else {}
                return self.do_open(WatchedTLS, req, context=getattr(self, "_context", None), **more)

        return urllib.request.build_opener(Plain, Secure)


def _shut(sock) -> None:
    import socket

    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # closed already


def _gunzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_BYTES + 1)
    except zlib.error as error:
        raise Failure(f"bad gzip data: {error}") from None
    if len(out) > MAX_BYTES:
        raise Failure(f"larger than {MAX_BYTES // 2**20} MB once unpacked")
    return out


# -- the cache folder -----------------------------------------------------------------------------
def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path, data: bytes) -> None:
    """Replace ``path`` atomically (a crash never leaves half a schedule)."""
    from ..store.atomic import write_bytes

    write_bytes(path, data)


def _save_meta(where: Path, meta: dict) -> None:
    from ..store.atomic import write_json

    try:
        write_json(where / "meta.json", meta)
    except OSError:
        pass  # a read-only cache only costs a full download next time


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return None


def _when(text: object) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if isinstance(text, str) and text else None
    except ValueError:
        return None
