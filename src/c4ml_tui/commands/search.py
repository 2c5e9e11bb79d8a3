"""``c4ml-tui search TEXT``: ranked matches over titles, abstracts, speakers, ... for scripts."""

from __future__ import annotations

import argparse
import json

from ..core import fmt

TYPE_CHECKING = False  # every command module loads on each start: keep this one light
if TYPE_CHECKING:
    from ..core.search_hits import Hit, Results


def hit_json(hit: Hit) -> dict:
    """One hit as plain data. ``matches`` lists each matching field with an ``excerpt`` (the
    whole text when it is short) and the ``spans`` to highlight in that excerpt."""
    matches = []
    for match in hit.matches:
        text, spans = match.excerpt(120)
        matches.append({"field": match.field, "ref": match.ref, "excerpt": text, "spans": [list(s) for s in spans]})
    return {
        "kind": hit.kind, "id": hit.id, "title": hit.title,
        "start": hit.start.isoformat() if hit.start else None,
        "end": hit.end.isoformat() if hit.end else None,
        "parent": hit.parent, "score": hit.score, "matched": list(hit.matched), "matches": matches,
    }


def as_text(results: Results, multi_day: bool) -> str:
    if not results.total:
        return f"no match for {results.query!r}"
    lines = []
    for hit in results.hits:
        if hit.start and hit.end:  # both or neither (a speaker)
            when = fmt.span(hit.start, hit.end)
            if multi_day:
                when = f"{hit.start:%a} {hit.start.day} {hit.start:%b} {when}"
        else:
            when = ""
        lines.append(f"{when:<{23 if multi_day else 11}}  {hit.kind:<7}  {hit.title}  [{hit.id}]")
        body = [m for m in hit.matches if m.field not in ("title", "name")]
        if body:
            text, _ = body[0].excerpt(90)
            lines.append(f"{'':<{25 if multi_day else 13}}{body[0].field}: {text}")
    if results.more:
        lines.append(f"... and {results.more} more (--limit {results.total} shows them all)")
    return "\n".join(lines)


def add_parser(sub, common):
    parser = sub.add_parser(
        "search", help="search titles, abstracts, speakers, affiliations and bios",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui search zoe\n  c4ml-tui search tensor fusion --limit 5\n"
               "  c4ml-tui search compiler --json | jq -r '.[] | select(.kind == \"talk\") | .id'\n\n"
               "Every word must match (case and accents ignored: zoe finds Zoë). Best matches\n"
               "first: titles and speaker names, then whole words and word starts, then the rest.\n"
               "JSON: a list of {kind, id, title, start, end, parent, score, matched, matches}.")
    common(parser)
    parser.add_argument("text", nargs="+", help="what to look for (several words: all must match)")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="show at most N results (default 50; 0 for all)")
    return parser


def run(args) -> int:
    from .common import load_program, say, show

    if args.limit < 0:
        say("--limit must be 0 (all) or more")
        return 2
    query, limit = " ".join(args.text), args.limit or None
    found = stored(args, query, limit)
    if found is None:  # a URL, --room or --timezone, or a file with problems: the whole program
        from ..core.search import SearchIndex

        program = load_program(args)
        if program is None:
            return 2
        found = SearchIndex(program).search(query, limit=limit), len(program.days)
    results, days = found
    if args.json:
        show(json.dumps([hit_json(h) for h in results.hits], ensure_ascii=False, indent=1))
    else:
        show(as_text(results, days > 1))
    return 0


def stored(args, query: str, limit: int | None) -> tuple[Results, int] | None:
    """The results and the program's day count from the program's stored search index
    (``sources/search_store.py``), built on the first search of these bytes; ``None`` when the
    program is to be loaded the usual way (a URL, ``--room``, ``--timezone``, a problem)."""
    from ..formats.problems import ProgramError
    from ..sources import search_store
    from ..sources.loader import bundled_file, is_url, read_file
    from ..sources.parsed import from_bytes
    from .common import setting

    where = getattr(args, "program", None) or setting(args, "program") or bundled_file()
    if is_url(where) or getattr(args, "room", None) or getattr(args, "timezone", None):
        return None
    try:
        content = read_file(where)
        key = search_store.key_for(search_store.digest_of(content))  # the app's search uses it too
        store = search_store.open_store(key)
        if store is None:
            from ..core.search import SearchIndex

            program = from_bytes(content, where)
            index = SearchIndex(program)
            search_store.build(key, index, len(program.days))
            return index.search(query, limit=limit), len(program.days)
    except ProgramError:
        return None  # load_program says what is wrong
    try:
        return store.search(query, limit), store.days
    finally:
        store.close()
