"""The Textual app (see the app issue). Placeholder until the screens land."""

from __future__ import annotations


def run_app(program, clock) -> int:
    from .commands import now

    from .timeline import Timeline

    tl = Timeline(program)
    print(now.as_line(tl, tl.at(clock.now()), program))
    return 0
