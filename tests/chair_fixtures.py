"""A fictional program for the chair tests: one room, sessions with talks, a gap, a fixed lunch.

Fictional Workshop on Imaginary Compilers, 14 May 2031, Europe/Berlin (CEST, UTC+2)::

    09:00-09:10  opening
    09:10-10:30  session-a   a1 09:10-09:30, a2 09:30-09:50, a3 09:55-10:15, a4 10:15-10:30
    10:30-11:00  break-1
    11:00-11:50  session-b   b1 11:00-11:25, b2 11:25-11:50
                 (10 min gap)
    12:00-13:00  lunch       (kind lunch: fixed)
    13:00-14:00  session-c   (talks not known)
                 (10 min gap)
    14:10-15:00  keynote     (kind talk)
    15:00-15:20  photo       (fixed: true)
    15:20-15:40  closing
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from core_helpers import parse

TZ = ZoneInfo("Europe/Berlin")

YAML = """\
event:
  title: Fictional Workshop on Imaginary Compilers
  date: 2031-05-14
  timezone: Europe/Berlin
  location: Nowhere, Imaginaria
  room: Hall Zero
chair:
  wrap_up_minutes: 4
  last_minutes: 1
speakers:
  - id: ada
    name: Ada Placeholder
  - id: bo
    name: Bo Imaginary
schedule:
  - id: opening
    title: Opening
    kind: opening
    start: "09:00"
    end: "09:10"
  - id: session-a
    title: Session A
    start: "09:10"
    end: "10:30"
    talks:
      - {id: a1, title: Lowering Dreams to Loops, start: "09:10", end: "09:30", speakers: [ada]}
      - {id: a2, title: Tensor Folding for Paper Cranes, start: "09:30", end: "09:50", speakers: [bo]}
      - {id: a3, title: A Type System for Vapour, start: "09:55", end: "10:15"}
      - {id: a4, title: Autotuning the Moon, start: "10:15", end: "10:30"}
  - id: break-1
    title: Break
    kind: break
    start: "10:30"
    end: "11:00"
  - id: session-b
    title: Session B
    start: "11:00"
    end: "11:50"
    talks:
      - {id: b1, title: Polyhedra Nobody Asked For, start: "11:00", end: "11:25"}
      - {id: b2, title: Quantized Daydreams, start: "11:25", end: "11:50"}
  - id: lunch
    title: Lunch
    kind: lunch
    start: "12:00"
    end: "13:00"
  - id: session-c
    title: Session C
    start: "13:00"
    end: "14:00"
  - id: keynote
    title: Keynote on Compilers That Do Not Exist
    kind: talk
    start: "14:10"
    end: "15:00"
    speakers: [ada]
  - id: photo
    title: Group Photo
    kind: other
    start: "15:00"
    end: "15:20"
    fixed: true
  - id: closing
    title: Closing
    kind: other
    start: "15:20"
    end: "15:40"
"""


def fictional(source: str = "fictional.yaml"):
    """The fictional program, parsed from :data:`YAML`."""
    return parse(YAML.encode(), source)


def at(hhmm: str, day: str = "2031-05-14") -> datetime:
    """An instant on the fictional day, event-local: ``at("09:15")``."""
    return datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=TZ)
