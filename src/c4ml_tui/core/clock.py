"""The event clock: an aware "now" in the event's zone, real or simulated.

The machine's own zone never changes an answer: every clock is built with the event's zone and
returns datetimes in it. Tests and rehearsals pass a simulated clock; nothing patches time.

Arithmetic is done in UTC: Python adds a timedelta to an aware datetime on the wall clock, so
``01:30 PST + 2 h`` would give ``03:30`` on a spring-forward day, one real hour too late.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone, tzinfo

from .zones import localize

UTC = timezone.utc
MIN_YEAR, MAX_YEAR = 2, 9998
"""``--at`` outside these years would overflow once converted between zones or advanced."""


class Clock:
    """Anything that tells the current instant in the event's zone (a protocol: the clocks
    below need not inherit from it; it is a plain class so that ``typing`` stays unimported)."""

    tz: tzinfo

    def now(self) -> datetime:
        raise NotImplementedError


class SystemClock(Clock):
    """The real time, expressed in the event's zone."""

    def __init__(self, tz: tzinfo):
        self.tz = tz

    def now(self) -> datetime:
        return datetime.now(timezone.utc).astimezone(self.tz)


class SimulatedClock(Clock):
    """Starts at ``start`` and runs ``speed`` times faster than real time (rehearsals, demos)."""

    def __init__(
        self,
        tz: tzinfo,
        start: datetime,
        speed: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        if start.tzinfo is None:
            raise ValueError("SimulatedClock needs an aware start")
        self.tz = tz
        self.speed = speed
        self._monotonic = monotonic
        self._origin = start.astimezone(UTC)
        self._t0 = monotonic()

    def now(self) -> datetime:
        elapsed = (self._monotonic() - self._t0) * self.speed
        return (self._origin + timedelta(seconds=elapsed)).astimezone(self.tz)


class ManualClock(Clock):
    """A clock that only moves when told: the clock tests hand to the app."""

    def __init__(self, tz: tzinfo, start: datetime):
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware start")
        self.tz = tz
        self._now = start.astimezone(tz)

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = instant.astimezone(self.tz)

    def advance(self, **kwargs: float) -> None:
        """``advance(minutes=5)``: move forward by a ``timedelta(**kwargs)`` of real time."""
        self._now = (self._now.astimezone(UTC) + timedelta(**kwargs)).astimezone(self.tz)


def parse_at(text: str, tz: tzinfo) -> datetime:
    """Parse ``--at``: ISO 8601; without an offset it is event-local time, with ``Z`` or an
    offset it is that instant. A bare ``HH:MM`` is not accepted here (it needs a day).

    Raises ``ValueError`` with a message fit for the user.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("--at is empty: give a date-time such as 2025-03-02T09:15 (event-local) "
                         "or 2025-03-02T17:15Z, or leave --at out for the real clock")
    value = raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"--at {text!r} is not an ISO 8601 date-time; write e.g. 2025-03-02T09:15 "
            "(event-local) or 2025-03-02T17:15Z"
        ) from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ValueError(f"--at {text!r} is out of range: use a year from {MIN_YEAR} to {MAX_YEAR}")
    if parsed.tzinfo is None:
        return localize(parsed, tz)
    return parsed.astimezone(tz)


MAX_SPEED = 1_000_000.0
"""A day in a tenth of a second is fast enough; beyond, a long run overflows ``datetime``."""


def make_clock(tz: tzinfo, at: str | None = None, speed: float | None = None) -> Clock:
    """The clock the command line asks for: real, or simulated from ``--at`` / ``--speed``.

    Raises ``ValueError`` with a message fit for the user for a bad ``--at`` or ``--speed``.
    """
    if speed is not None and not 0 < speed <= MAX_SPEED:  # also rejects nan
        raise ValueError(f"--speed {speed:g} is not allowed: use a number above 0 and at most {MAX_SPEED:g}")
    if at is None and (speed is None or speed == 1.0):
        return SystemClock(tz)
    start = parse_at(at, tz) if at is not None else SystemClock(tz).now()  # --at '' is an error
    return SimulatedClock(tz, start, speed if speed is not None else 1.0)
