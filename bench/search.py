"""Search speed on a generated, fictional 10,000-talk program, against floors measured in the
same run. Run from the repository root:

    .venv/bin/python bench/search.py            # in-memory index, keystroke by keystroke
    .venv/bin/python bench/search.py --cli      # also the `c4ml-tui search` command

Keystrokes are timed as a UI would see them: one index, queries typed a character at a time
(so the narrowing and the query cache work as in the app), each followed by reading the
highlights of the first 30 hits (the rows a screen shows). The floors: folding one abstract,
and one bare pass that looks for a missing word in every entry's text (the least any search
that reads all texts can cost); for the command line, ``python -c pass`` and ``c4ml-tui now``
on the same file. Figures go to stdout and bench/out/search.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_search_program import FIRST, LAST, TOPICS, build, to_yaml  # noqa: E402

from c4ml_tui.core.search import SearchIndex  # noqa: E402
from c4ml_tui.core.textfold import fold  # noqa: E402


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - t0, value


def queries(rng: random.Random, n: int) -> list[str]:
    """Things people type: names without accents, topics, two-word queries, misses."""
    out = []
    for _ in range(n):
        pick = rng.random()
        if pick < 0.3:
            out.append(fold(rng.choice(FIRST))
                       + (" " + fold(rng.choice(LAST)).split("-")[0] if rng.random() < 0.5 else ""))
        elif pick < 0.6:
            out.append(fold(rng.choice(TOPICS)))
        elif pick < 0.85:
            out.append(f"{fold(rng.choice(TOPICS))} {fold(rng.choice(TOPICS))}")
        else:
            out.append(rng.choice(["xylophone", "quantum gravity", "zzz", "kubernetes"]))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description="search benchmark")
    parser.add_argument("--talks", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=60, help="typed queries (each timed per keystroke)")
    parser.add_argument("--cli", action="store_true", help="also time the command line")
    args = parser.parse_args()
    rng = random.Random(7)

    program = build(args.talks)
    build_s, index = timed(SearchIndex, program)
    blobs = index._blobs  # the folded texts, for the floor

    # floors, measured now, on this machine
    abstract = next(t.abstract for i in program.items for t in i.talks if not t.abstract.isascii())
    fold_one = statistics.median(timed(fold, abstract)[0] for _ in range(2000))
    bare = statistics.median(timed(lambda: [b for b in blobs if "qqzzqq" in b])[0] for _ in range(30))

    gc.collect()
    typed = queries(rng, args.queries)
    keystrokes: list[float] = []
    first_keys: list[float] = []
    for query in typed:
        index._cache.clear()  # each query starts from an empty box, as a fresh search would
        for n in range(1, len(query) + 1):
            t0 = time.perf_counter()
            results = index.search(query[:n], limit=200)
            for hit in results.hits[:30]:
                hit.matches  # noqa: B018 (computes the highlight spans, as the UI does)
            dt = time.perf_counter() - t0
            keystrokes.append(dt)
            if n == 1:
                first_keys.append(dt)
    report = {
        "talks": args.talks, "entries": len(index), "folded_megachars": round(sum(map(len, blobs)) / 1e6, 1),
        "index_build_s": round(build_s, 3),
        "floor_fold_one_abstract_ms": round(fold_one * 1e3, 4),
        "floor_bare_pass_ms": round(bare * 1e3, 2),
        "keystrokes": len(keystrokes),
        "keystroke_median_ms": round(statistics.median(keystrokes) * 1e3, 2),
        "keystroke_p90_ms": round(pct(keystrokes, 0.9) * 1e3, 2),
        "keystroke_max_ms": round(max(keystrokes) * 1e3, 2),
        "first_keystroke_median_ms": round(statistics.median(first_keys) * 1e3, 2),
    }
    report["ratio_median_to_bare_pass"] = round(report["keystroke_median_ms"] / report["floor_bare_pass_ms"], 2)
    report["ratio_max_to_bare_pass"] = round(report["keystroke_max_ms"] / report["floor_bare_pass_ms"], 2)
    report["ratio_median_to_fold_one"] = round(report["keystroke_median_ms"] / report["floor_fold_one_abstract_ms"], 1)
    report["budget_ms"] = 50
    if args.cli:
        report.update(cli(program))
    for key, value in report.items():
        print(f"{key:32} {value}")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "search.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


def cli(program) -> dict:
    """``c4ml-tui search`` on the same program as a file (warm parse cache) vs ``python -c pass``
    and vs ``c4ml-tui now`` (which loads the same program but builds no index)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        path.write_text(to_yaml(program), encoding="utf-8")
        env = dict(os.environ, C4ML_TUI_CACHE_DIR=str(Path(folder) / "cache"),
                   C4ML_TUI_DATA_DIR=str(Path(folder) / "data"))
        command = [sys.executable, "-m", "c4ml_tui", "search", "tensor fusion", "--json", "--program", str(path)]
        first, _ = timed(subprocess.run, command, capture_output=True, env=env, check=True)
        runs = [timed(subprocess.run, command, capture_output=True, env=env, check=True)[0] for _ in range(5)]
        bare = [timed(subprocess.run, [sys.executable, "-c", "pass"], env=env, check=True)[0] for _ in range(5)]
        now = [timed(subprocess.run, [sys.executable, "-m", "c4ml_tui", "now", "--program", str(path)],
                     capture_output=True, env=env, check=True)[0] for _ in range(5)]
    warm, floor, load = statistics.median(runs), statistics.median(bare), statistics.median(now)
    return {"cli_first_run_s": round(first, 2), "cli_warm_median_s": round(warm, 2),
            "floor_python_c_pass_s": round(floor, 3), "floor_now_same_program_s": round(load, 3),
            "ratio_cli_warm_to_python_pass": round(warm / floor, 1),
            "ratio_cli_warm_to_now": round(warm / load, 1)}


if __name__ == "__main__":
    main()
