"""Follow a schedule published at a URL: download, cache, revalidate, and fall back offline.

The last good copy of each URL lives in ``cache_dir()/remote/<hash>/`` (``current``, the copy
before it as ``previous``, and ``meta.json`` with the ETag, Last-Modified and when the server
last confirmed the copy). :func:`fetch` revalidates with ``If-None-Match``/``If-Modified-Since``;
offline, or when the server sends something that is not a valid schedule, it keeps using the last
good copy and says how old it is. The app calls :func:`fetch` again every
:data:`REFRESH_MINUTES` (in a worker thread: it blocks for up to ``timeout`` seconds).
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .changes import Changes, diff
from .model import Program
from .problems import Problem
from .program import ProgramError

TIMEOUT = 5.0
REFRESH_MINUTES = 5
MAX_BYTES = 64 * 1024 * 1024
"""A larger download is refused as broken (a schedule of 1,000 events is about 2 MB)."""


@dataclass(frozen=True)
class Fetched:
    """The program from a URL and how it was obtained."""

    url: str
    program: Program
    status: str
    """``downloaded`` (new bytes), ``not-modified``, ``cached`` (confirmed recently, not asked),
    ``offline`` (the server could not be reached) or ``broken`` (it sent an invalid schedule)."""
    confirmed_at: datetime
    """When the server last confirmed the copy in use (UTC)."""
    notice: str | None = None
    """One line worth telling the user (offline, broken download, what changed), or None."""
    changes: Changes | None = None
    """What changed since the previous copy, when this call downloaded a new one."""


def folder(url: str) -> Path:
    from .locations import cache_dir

    return cache_dir() / "remote" / hashlib.sha256(url.encode()).hexdigest()[:24]


def fetch(url: str, *, timezone: str | None = None, timeout: float = TIMEOUT, fresh_for: float = 0,
          now: datetime | None = None) -> Fetched:
    """The program at ``url``, revalidated against the server; see the module docstring.

    ``fresh_for``: seconds during which a confirmed copy is used without asking the server (a
    status bar that runs ``now`` every few seconds need not ask every time). Raises
    :class:`ProgramError` only when there is no good copy at all.
    """
    from . import atomic
    from .sources import from_bytes

    now = now or datetime.now(_UTC)
    where = folder(url)
    meta, _ = atomic.read_json(where / "meta.json")
    meta = meta if isinstance(meta, dict) and meta.get("url") == url else {}
    body = _read(where / "current") if meta else None
    confirmed = _when(meta.get("confirmed_at")) or _mtime(where / "current") or now

    def cached(status: str, notice: str | None = None) -> Fetched:
        program = from_bytes(body, url, timezone)
        return Fetched(url, program, status, confirmed, notice)

    if body is not None and fresh_for > 0 and (now - confirmed).total_seconds() < fresh_for:
        try:
            return cached("cached")
        except ProgramError:
            pass  # say, the zone changed: ask the server
    try:
        status, data, headers = _get(url, meta if body is not None else {}, timeout)
    except _Failure as failure:
        if body is None:
            raise ProgramError([Problem(url, 0, f"cannot download: {failure}")]) from None
        age = _age(now, confirmed)
        return cached("offline", f"offline ({failure}): using the copy of {url} confirmed {age} ago")
    if status == 304 and body is not None:
        meta["confirmed_at"] = now.isoformat()
        _save_meta(where, meta)
        return Fetched(url, from_bytes(body, url, timezone), "not-modified", now)
    try:
        program = from_bytes(data, url, timezone)
    except ProgramError as error:
        if body is None:
            raise
        first = str(error.problems[0]) if error.problems else "invalid"
        return cached("broken", f"the schedule downloaded from {url} is broken ({first}); "
                                f"using the last good copy, confirmed {_age(now, confirmed)} ago")
    changes = None
    if body is not None and body != data:
        try:
            changes = diff(from_bytes(body, url, timezone), program)
        except ProgramError:
            pass
    try:
        if body is not None and body != data:
            _write(where / "previous", body)
        _write(where / "current", data)
    except OSError:
        pass  # a read-only cache: this run still has the program
    _save_meta(where, {"url": url, "etag": headers.get("ETag"), "last_modified": headers.get("Last-Modified"),
                       "confirmed_at": now.isoformat(), "downloaded_at": now.isoformat()})
    notice = f"{url} changed since the last copy: {changes.summary()} (see c4ml-tui changes)" if changes else None
    return Fetched(url, program, "downloaded", now, notice, changes)


def previous(url: str, timezone: str | None = None) -> tuple[Program | None, Program | None]:
    """The previous and the current cached copies of ``url`` (None where there is none)."""
    from .sources import from_bytes

    where = folder(url)
    out = []
    for name in ("previous", "current"):
        body = _read(where / name)
        try:
            out.append(from_bytes(body, url, timezone) if body is not None else None)
        except ProgramError:
            out.append(None)
    return out[0], out[1]


# -- HTTP -----------------------------------------------------------------------------------------
_UTC = timezone.utc


class _Failure(Exception):
    """The server could not be reached, or answered with an error."""


def _get(url: str, meta: dict, timeout: float) -> tuple[int, bytes, dict]:
    import http.client
    import urllib.error
    import urllib.request

    from . import __version__

    headers = {"User-Agent": f"c4ml-tui/{__version__}", "Accept-Encoding": "gzip"}
    if meta.get("etag"):
        headers["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        headers["If-Modified-Since"] = meta["last_modified"]
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only)
            data = response.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise _Failure(f"larger than {MAX_BYTES // 2**20} MB")
            if response.headers.get("Content-Encoding", "").lower() == "gzip":
                data = _gunzip(data)
            return response.status, data, dict(response.headers)
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return 304, b"", dict(error.headers or {})
        raise _Failure(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise _Failure(str(getattr(error.reason, "strerror", None) or error.reason)) from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise _Failure(str(error) or type(error).__name__) from None


def _gunzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_BYTES + 1)
    except zlib.error as error:
        raise _Failure(f"bad gzip data: {error}") from None
    if len(out) > MAX_BYTES:
        raise _Failure(f"larger than {MAX_BYTES // 2**20} MB once unpacked")
    return out


# -- the cache folder -----------------------------------------------------------------------------
def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path, data: bytes) -> None:
    """Replace ``path`` atomically (a crash never leaves half a schedule)."""
    from .atomic import write_bytes

    write_bytes(path, data)


def _save_meta(where: Path, meta: dict) -> None:
    from .atomic import write_json

    try:
        write_json(where / "meta.json", meta)
    except OSError:
        pass  # a read-only cache only costs a full download next time


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, _UTC)
    except OSError:
        return None


def _when(text) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def _age(now: datetime, then: datetime) -> str:
    """``2 h 5 min`` (whole minutes, rounded down: an age never looks older than it is)."""
    from datetime import timedelta

    from .fmt import duration

    minutes = max(0, int((now - then).total_seconds() // 60))  # a clock set back is age 0
    return duration(timedelta(minutes=minutes)) if minutes else "less than a minute"
