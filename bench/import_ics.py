"""How fast a big iCalendar file imports: a generated, fictional calendar of 100,000 events
(20 rooms, folded descriptions, a zone, a URL each), loaded cold by the one loader, against the
floor of a bare ``python -c pass`` measured in the same run. Medians of fresh processes.

    .venv/bin/python bench/import_ics.py [--events 100000] [--runs 3]

The target: well under 10 s for 100,000 events. It also times ``c4ml-tui import`` of the file
to YAML once (which writes the YAML and reads it back to check it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

LOAD = ("import time; t=time.process_time(); from c4ml_tui.sources.loader import load; "
        "p=load({path!r}, use_cache=False); print(len(p.items), time.process_time()-t)")


def calendar(events: int) -> bytes:
    """A fictional conference calendar: 400 events a day in 20 rooms, 30-minute slots."""
    out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//c4ml-tui//bench//EN", "X-WR-CALNAME:Big Fictional Con",
           "X-WR-TIMEZONE:Europe/Berlin"]
    first = datetime(2031, 5, 1, 9, 0)
    for i in range(events):
        start = first + timedelta(days=i // 400, minutes=30 * ((i % 400) // 20))
        end = start + timedelta(minutes=25)
        out += ["BEGIN:VEVENT", f"UID:event-{i}@bench.example", "DTSTAMP:20310101T000000Z",
                f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}", f"DTEND;TZID=Europe/Berlin:{end:%Y%m%dT%H%M%S}",
                f"SUMMARY:Fictional talk number {i}", f"LOCATION:Room {i % 20}", f"CATEGORIES:Track {i % 7}",
                "DESCRIPTION:A fictional abstract long enough to be folded over more than one line o",
                " f the file\\, as real ones are.", f"URL:https://bench.example/e/{i}", "END:VEVENT"]
    out.append("END:VCALENDAR")
    return ("\r\n".join(out) + "\r\n").encode()


def timed(argv: list[str], env: dict) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, *argv], env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - t0, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-import", action="store_true", help="do not time `c4ml-tui import` to YAML")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.ics"
        path.write_bytes(calendar(args.events))
        env = dict(os.environ, C4ML_TUI_CACHE_DIR=str(Path(tmp) / "cache"), C4ML_TUI_DATA_DIR=str(Path(tmp) / "data"))
        floor, load, cpu = [], [], []
        for _ in range(args.runs):  # interleaved, so a noisy moment hits both alike
            floor.append(timed(["-c", "pass"], env)[0])
            took, said = timed(["-c", LOAD.format(path=str(path))], env)
            load.append(took)
            count, seconds = said.split()
            cpu.append(float(seconds))
        print(f"{args.events:,} events ({path.stat().st_size / 2**20:.1f} MB), {int(count):,} items; "
              f"median of {args.runs} runs, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}")
        print(f"  floor: python -c pass                 {statistics.median(floor):7.2f} s")
        print(f"  load the .ics, cold (wall)            {statistics.median(load):7.2f} s")
        print(f"  load the .ics, cold (CPU of the load) {statistics.median(cpu):7.2f} s")
        if not args.skip_import:
            out = Path(tmp) / "big.yaml"
            took, _ = timed(["-m", "c4ml_tui", "import", str(path), "-o", str(out)], env)
            print(f"  c4ml-tui import to YAML, once (wall)  {took:7.2f} s  (writes {out.stat().st_size / 2**20:.0f} MB "
                  "and reads it back)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
