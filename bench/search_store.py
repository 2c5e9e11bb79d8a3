"""Where `c4ml-tui search` gets its index from, three ways, on a generated program (in process,
CPU time, medians of several runs with min-max), for a few queries:

- rebuilt: the program from the parse cache, then ``SearchIndex(program)`` (what the command did);
- pickled: every entry of the index in one ``marshal`` file, read whole, then searched
  (a compact binary cache: no program, but every entry read on every call);
- stored: the SQLite store (``sources/search_store.py``): FTS5 trigram finds the entries that
  hold the words, and only those are read and ranked.

    .venv/bin/python bench/search_store.py [--talks 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import marshal
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = ["tensor", "fusion tiling", "ada example", "zz-nothing", "lo"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="c4ml-store-"))
    os.environ["C4ML_TUI_CACHE_DIR"] = str(folder / "cache")
    from gen_program import generate

    from c4ml_tui.core.search import SearchIndex
    from c4ml_tui.sources import search_store
    from c4ml_tui.sources.parsed import cache_key, from_bytes

    content = generate(args.talks, days=max(1, args.talks // 2000), rooms=10).encode()
    key = cache_key(content, None)
    program = from_bytes(content, "big.yaml")  # fills the parse cache
    index = SearchIndex(program)
    search_store.build(key, index, len(program.days))
    pickled = folder / "index.marshal"
    pickled.write_bytes(marshal.dumps([(plain, blob) for plain, blob in index.rows()]))
    sizes = {"stored": os.path.getsize(search_store.path(key)), "pickled": pickled.stat().st_size}

    def rebuilt(query: str) -> int:
        return len(SearchIndex(from_bytes(content, "big.yaml")).search(query, 20).hits)

    def from_marshal(query: str) -> int:
        return len(SearchIndex.from_rows(marshal.loads(pickled.read_bytes())).search(query, 20).hits)

    def stored(query: str) -> int:
        store = search_store.open_store(cache_key(content, None))
        assert store is not None
        try:
            return len(store.search(query, 20).hits)
        finally:
            store.close()

    ways = {"rebuilt": rebuilt, "pickled": from_marshal, "stored": stored}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for query in QUERIES:
            answers = set()
            for name, way in ways.items():
                start = time.process_time()
                answers.add(way(query))
                times.setdefault((name, query), []).append(time.process_time() - start)
            assert len(answers) == 1, (query, answers)
    print(f"{args.talks:,} talks, CPU ms per call, median (min-max) of {args.runs}; "
          f"store {sizes['stored'] / 2**20:.1f} MiB, marshal {sizes['pickled'] / 2**20:.1f} MiB")
    print(f"  {'query':<14}" + "".join(f"{name:>22}" for name in ways))
    for query in QUERIES:
        cells = []
        for name in ways:
            values = times[(name, query)]
            cells.append(f"{statistics.median(values) * 1000:9.1f} ({min(values) * 1000:.0f}-{max(values) * 1000:.0f})")
        print(f"  {query:<14}" + "".join(f"{c:>22}" for c in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
