"""A large, entirely fictional program for the search benchmark.

``build(10_000)`` returns a :class:`Program` in memory (no file, no parse): sessions of five
20-minute talks in 20 parallel rooms, one speaker pool with accented names, affiliations and
bios, abstracts of 60-140 words drawn from a made-up vocabulary. Deterministic for a seed.

    python bench/gen_search_program.py --talks 10000 -o /tmp/big.yaml   # the same as YAML
"""

from __future__ import annotations

import argparse
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from c4ml_tui.core.model import Event, Item, Program, Speaker, Talk

FIRST = ["Zoë", "Ada", "René", "José", "Søren", "Ingrid", "Łucja", "Françoise", "Jürgen", "Anaïs",
         "Björn", "Chloé", "Dário", "Émile", "Göran", "Hélène", "Iñaki", "Jiří", "Kai", "Léa",
         "Mateo", "Noor", "Oğuz", "Pål", "Quentin", "Rosalía", "Siân", "Tomás", "Ulla", "Vítor",
         "Wen", "Xavière", "Yusuf", "Zoltán", "Amélie", "Bartosz", "Cécile", "Dagný", "Eitan", "Fatoş"]
LAST = ["Example", "Placeholder", "Sample", "Fictional", "Madeup", "Testperson", "Dummy",
        "Müller-Imaginary", "Strauß", "Ñoño", "Øvrebø", "Dvořák-Notreal", "Lefèvre", "Çelik-Pretend",
        "Ångström", "Škoda-Fake", "Nguyễn-Invented", "Brûlé", "Kowalczyk-Unreal", "Ferreira-Ficta",
        "Quux", "Foobar", "Lorem", "Ipsum", "Dolor", "Amet", "Vexillo", "Tranquil", "Marlow", "Ostrander"]
PLACES = ["University of Nowhere", "Imaginary Institute of Technology", "Placeholder Labs",
          "École Fictive de Calcul", "Universität Erfunden", "Example Corp Research",
          "Nonexistent Systems", "Instituto Inventado", "Kumquat Compute", "Zyxt Accelerators"]
TOPICS = ["tensor", "compiler", "kernel", "fusion", "scheduling", "autotuning", "sparsity",
          "quantization", "MLIR", "dialect", "polyhedral", "tiling", "vectorization", "GPU",
          "accelerator", "graph", "lowering", "inference", "training", "memory", "layout",
          "pipelining", "bufferization", "codegen", "IR", "heuristics", "cost model", "attention",
          "transformer", "dataflow", "systolic", "FPGA", "RISC-V", "partitioning", "sharding",
          "collective", "latency", "throughput", "search", "superoptimization", "équivariance",
          "Gröbner", "naïve", "rôle", "Straße"]
VERBS = ["Rethinking", "Scaling", "Taming", "Compiling", "Automating", "Verifying", "Learning",
         "Accelerating", "Unifying", "Demystifying", "Towards", "Revisiting"]
FILLER = ["we", "present", "a", "novel", "approach", "to", "the", "of", "and", "for", "that",
          "show", "results", "on", "with", "in", "our", "is", "by", "an", "evaluation", "across",
          "benchmarks", "improves", "over", "prior", "work", "using", "which", "this", "paper",
          "system", "design", "framework", "enables", "fictional", "imaginary", "hypothetical"]


def _title(rng: random.Random) -> str:
    a, b = rng.sample(TOPICS, 2)
    verb, link = rng.choice(VERBS), rng.choice(["for", "with", "via", "in"])  # in this order: same programs
    tail = rng.choice(["", "at scale", "on imaginary hardware", "revisited"])
    return f"{verb} {a} {link} {b} {tail}".strip()


def _prose(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(TOPICS) if rng.random() < 0.2 else rng.choice(FILLER) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def build(n_talks: int = 10_000, seed: int = 2025, rooms: int = 20) -> Program:
    """A fictional program with ``n_talks`` talks (five per session)."""
    rng = random.Random(seed)
    tz = ZoneInfo("Europe/Berlin")
    n_speakers = max(2, n_talks * 3 // 5)
    speakers = {}
    for k in range(n_speakers):
        sid = f"s{k}"
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        speakers[sid] = Speaker(sid, name, rng.choice(PLACES), _prose(rng, 15, 40))
    slots = [time(8, 30), time(10, 30), time(13, 30), time(15, 30)]
    items = []
    n_sessions = -(-n_talks // 5)
    ids = iter(range(n_talks))
    pool = sorted(speakers)  # (sorted once: sorting 60,000 ids per talk made 100,000 talks take 4 minutes)
    day0 = date(2031, 10, 20)
    for s in range(n_sessions):
        day = day0 + timedelta(days=s // (rooms * len(slots)))
        start = datetime.combine(day, slots[(s // rooms) % len(slots)], tz)
        talks = []
        for k in range(5):
            t = next(ids, None)
            if t is None:
                break
            t0 = start + timedelta(minutes=20 * k)
            refs = tuple(rng.sample(pool, rng.choice([1, 1, 2, 3])))
            talks.append(Talk(f"t{t}", _title(rng), t0, t0 + timedelta(minutes=20), refs,
                              _prose(rng, 60, 140), rng.choice([None, None, _title(rng)])))
        items.append(Item(f"session-{s}", f"Session {s}: {rng.choice(TOPICS)}", start,
                          start + timedelta(minutes=100), "session", f"Room {s % rooms + 1}",
                          chair=rng.choice(pool), talks=tuple(talks)))
    items.sort(key=lambda i: (i.start, i.room or "", i.end))
    event = Event("Fictional Workshop on Imaginary Compilers", day0, "Europe/Berlin",
                  location="Nowhere", venue="The Imaginary Hall")
    return Program(event, tuple(items), speakers, source="generated", digest="")


def to_yaml(program: Program) -> str:
    """The program as a YAML program file (for benchmarking the command line)."""
    import yaml

    data = {
        "event": {"title": program.event.title, "date": program.event.date.isoformat(),
                  "timezone": program.event.timezone, "venue": program.event.venue},
        "speakers": [{k: v for k, v in (("id", s.id), ("name", s.name), ("affiliation", s.affiliation),
                                        ("bio", s.bio)) if v} for s in program.speakers.values()],
        "schedule": [{
            "id": i.id, "title": i.title, "start": i.start.strftime("%Y-%m-%d %H:%M"),
            "end": i.end.strftime("%Y-%m-%d %H:%M"), "room": i.room, "chair": i.chair,
            "talks": [{k: v for k, v in (("id", t.id), ("title", t.title), ("subtitle", t.subtitle),
                                         ("speakers", list(t.speakers)), ("abstract", t.abstract),
                                         ("start", t.start.strftime("%Y-%m-%d %H:%M")),
                                         ("end", t.end.strftime("%Y-%m-%d %H:%M"))) if v}
                      for t in i.talks],
        } for i in program.items],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--talks", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("-o", "--output", required=True, help="where to write the YAML program")
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(to_yaml(build(args.talks, args.seed)))


if __name__ == "__main__":
    main()
