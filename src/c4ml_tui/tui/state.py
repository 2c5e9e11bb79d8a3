"""The one owner of the loaded program, and of everything derived from it.

A :class:`State` is one value: the program, the chair's log and the delays it gives, the
timeline with those expected times, the stars, the room/track filter, the chair's options and
the search index. Screens read the app's state; nothing else keeps a copy of the program. A live
update (``with_program``), a chair's mark (``with_marks``), a new filter (``with_filter``) or the
room the chair works in (``with_chair_room``) makes a new state, and the app swaps it in whole,
so every screen, the chair's keys and search see the same program at once.

The expected times are those *at an instant* (``delays.at_instant``): a talk running over its
countdown makes the day late. They hold for a while (``Delays.holds``); ``at(now)`` gives the
state at a later instant (itself while they hold), and the app's tick swaps that in.

What the user keeps about a program (stars, marks) lives in :class:`UserData`, shared by the
states of one program identity (``core.identity.program_key``): a new copy of the same program
keeps them; a program with another identity reads its own.

Pure Python: no Textual here, so the tests can drive it without an app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime

from ..core import filters
from ..core.delays import Delays, at_instant, compute
from ..core.feed import Message
from ..core.filters import Filter
from ..core.identity import program_key
from ..core.marks import Mark
from ..core.model import Program
from ..core.stages import ChairOptions
from ..core.timeline import Timeline
from ..store.chairlog import ChairLog
from ..store.favourites import Favourites

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..core.search import SearchIndex
    from ..sources.delayfeed import Reading
    from ..sources.search_store import Store


class UserData:
    """The stars and the chair's log of one program identity. The log is read at once (a
    restart shows the delay in every view); the stars when first asked for (after the first
    frame: reading them costs imports)."""

    def __init__(self, program: Program, log: ChairLog | None = None):
        self.key = program_key(program)
        self._program = program
        self.log = log if log is not None else ChairLog.load(program)
        self._favourites: Favourites | None = None
        self._message: tuple[Message | None] | None = None

    @property
    def message(self) -> Message | None:
        """The last message to stage sent on this machine (read on first use)."""
        if self._message is None:
            from ..store import stagenote

            self._message = (stagenote.read(self._program),)
        return self._message[0]

    @message.setter
    def message(self, message: Message | None) -> None:
        self._message = (message,)

    @property
    def favourites(self) -> Favourites:
        if self._favourites is None:
            self._favourites = Favourites.load(self._program)
        return self._favourites

    @property
    def favourites_loaded(self) -> bool:
        return self._favourites is not None


class State:
    """One program and all that is derived from it (see the module docstring). Treat it as
    immutable: the ``with_*`` methods return a new state."""

    def __init__(self, program: Program, user: UserData | None = None, *, flt: Filter = Filter(),
                 chair: ChairOptions | None = None, delays: Delays | None = None,
                 timeline: Timeline | None = None, index: _Index | None = None, feed: Reading | None = None,
                 now: datetime | None = None, base: Delays | None = None, picked: str | None = None):
        """``now``: the instant of the expected times (``None``: the marks' own times, until
        :meth:`at` is asked); ``base``: the marks' own times when already known; ``picked``: the
        room the chair works in, picked on the rooms board or the chair screen; ``feed``: the
        chair's delay feed, when this app follows one (``--delays``)."""
        self.program = program
        self.user = user if user is not None else UserData(program)
        self.flt = flt
        self.chair = chair if chair is not None else ChairOptions(thresholds=program.chair)
        self.feed = feed
        """The chair's delay feed, when this app follows one (``--delays``): its marks, not the
        local log's, give the delays."""
        self.picked = picked
        self.base = base if base is not None else compute(program, self.marks)
        if delays is None:
            delays = self.base if now is None else at_instant(program, self.marks, now, self.base)
        self.delays = delays
        self.timeline = timeline if timeline is not None else Timeline(program, expected=self.delays.expected)
        self._index = index if index is not None else _Index(program)
        self._narrowed: dict[date | None, Timeline] = {}
        self._rooms: dict[str, Timeline] = {}

    # -- new states ----------------------------------------------------------------------------
    def with_program(self, program: Program) -> State:
        """A new copy of the program (a live update): the same user data when it is the same
        program identity, the filter kept while its room and track still exist."""
        user = self.user if program_key(program) == self.user.key else UserData(program)
        flt = self.flt
        if flt.room is not None and flt.room not in program.rooms:
            flt = flt.with_room(None)
        if flt.track is not None and flt.track not in program.tracks:
            flt = flt.with_track(None)
        picked = self.picked if self.picked in program.rooms else None
        return State(program, user, flt=flt, chair=self.chair, now=self.delays.since, picked=picked,
                     feed=self.feed)

    def with_marks(self, now: datetime | None = None) -> State:
        """The chair's log changed: new delays (at ``now``), a new timeline."""
        return State(self.program, self.user, flt=self.flt, chair=self.chair, index=self._index,
                     now=now or self.delays.since, picked=self.picked, feed=self.feed)

    def with_filter(self, flt: Filter) -> State:
        """Another room or track filter (the timeline and the index stay). The chair then works
        in the filter's room (a room picked for it before is forgotten)."""
        return State(self.program, self.user, flt=flt, chair=self.chair, delays=self.delays,
                     timeline=self.timeline, index=self._index, base=self.base, feed=self.feed)

    def with_chair_room(self, room: str | None) -> State:
        """The chair works in ``room`` (``None``: the filter's room, else ``--room``)."""
        return State(self.program, self.user, flt=self.flt, chair=self.chair, delays=self.delays,
                     timeline=self.timeline, index=self._index, base=self.base, picked=room, feed=self.feed)

    def with_feed(self, reading: Reading) -> State:
        """A new look at the chair's delay feed: its marks give the delays (the timeline is kept
        when they are the ones in use already), its message is the one to stage."""
        same = self.feed is not None and _marks(self.feed) == _marks(reading)
        if same:
            return State(self.program, self.user, flt=self.flt, chair=self.chair, delays=self.delays,
                         timeline=self.timeline, index=self._index, base=self.base, picked=self.picked,
                         feed=reading)
        return State(self.program, self.user, flt=self.flt, chair=self.chair, index=self._index,
                     now=self.delays.since, picked=self.picked, feed=reading)

    def at(self, now: datetime) -> State:
        """The state at ``now``: this one while its expected times hold (cheap), else one with the
        times at ``now`` (an overrun began or reached another minute, the focus moved on)."""
        if self.delays.holds(now):
            return self
        delays = at_instant(self.program, self.marks, now, self.base)
        same = delays.expected == self.delays.expected and _overtime(delays) == _overtime(self.delays)
        return State(self.program, self.user, flt=self.flt, chair=self.chair, delays=delays,
                     timeline=self.timeline if same else None, index=self._index, base=self.base,
                     picked=self.picked, feed=self.feed)

    # -- the marks and the message in use ---------------------------------------------------------
    @property
    def following(self) -> bool:
        """Whether the delays come from a chair's feed (``--delays``) rather than local marks."""
        return self.feed is not None

    @property
    def marks(self) -> tuple[Mark, ...]:
        """The marks that give the delays: the feed's when following one, else the local log's."""
        if self.feed is not None:
            return _marks(self.feed)
        return self.user.log.marks

    @property
    def message(self) -> Message | None:
        """The message to stage: the feed's when following one, else this machine's."""
        if self.feed is not None:
            return self.feed.feed.message if self.feed.feed is not None else None
        return self.user.message

    # -- what screens ask ----------------------------------------------------------------------
    @property
    def log(self) -> ChairLog:
        return self.user.log

    @property
    def favourites(self) -> Favourites:
        return self.user.favourites

    @property
    def chair_room(self) -> str | None:
        """The room the chair's keys act on: the one the user picked for it (the highlighted row
        of the rooms board when ``c`` was pressed), else the one the user is looking at (the
        filter's), else the one the command line named, else every room."""
        return self.picked or self.flt.room or self.chair.room

    @property
    def late_timeline(self) -> Timeline | None:
        """The timeline whose delay the bar of every screen says (``running 7 min late``): the
        whole program's in a one-room program; with parallel rooms, the chair's room's (each
        room runs late its own way), or none while no room is chosen."""
        if len(self.program.rooms) <= 1:
            return self.timeline
        room = self.chair_room
        if room is None:
            return None
        found = self._rooms.get(room)
        if found is None:
            found = self._rooms[room] = Timeline(self.program, room=room, expected=self.delays.expected)
        return found

    def narrowed(self, day: date | None = None) -> Timeline:
        """The timeline through the filter (and on ``day``), with the same expected times."""
        found = self._narrowed.get(day)
        if found is None:
            found = self._narrowed[day] = filters.narrowed(self.timeline, self.flt, day)
        return found

    def search_index(self, pause: Callable[[], object] | None = None) -> SearchIndex:
        """The program's search index, built on first use (from any thread, once; ``pause``
        is called every few hundred entries while it is built)."""
        return self._index.get(pause)

    @property
    def search_ready(self) -> bool:
        """Whether the index is built (asking for it now is cheap)."""
        return self._index.ready

    def search_store(self) -> Store | None:
        """The program's stored search index (``sources/search_store.py``), opened on the
        calling thread's own connection (the caller closes it); ``None`` while there is none."""
        return self._index.stored()

    def keep_search_index(self) -> None:
        """Write the stored search index of the program, when it has none yet (from a worker
        thread: it takes seconds for thousands of talks), so the next search opens at once."""
        self._index.keep()


def _marks(reading: Reading) -> tuple[Mark, ...]:
    feed = reading.feed
    return feed.marks if feed is not None else ()


def _entries(program: Program) -> int:
    """How many entries the program's search index has: items, talks, posters, speakers."""
    return len(program.by_id) + len(program.speakers) + sum(len(i.posters) for i in program.items)


def _overtime(delays: Delays) -> object:
    return getattr(delays.expected, "overtime", None) or {}


class _Index:
    """A search index built once for one program, whichever thread asks first, and the
    program's stored copy (keyed by the digest of its source's bytes, so a refreshed program
    never finds the store of the copy it replaced)."""

    def __init__(self, program: Program):
        self.program = program
        self._built: SearchIndex | None = None
        self._lock = threading.Lock()

    @property
    def key(self) -> bytes | None:
        """The program's store key; ``None`` for a program built in memory (no source bytes)."""
        from ..sources.refresh import is_waiting
        from ..sources.search_store import key_for

        return key_for(self.program.digest) if self.program.digest and not is_waiting(self.program) else None

    def stored(self) -> Store | None:
        from ..sources.search_store import open_store

        key = self.key
        store = open_store(key) if key is not None else None
        if store is not None and (store.zone != self.program.event.timezone or store.size != _entries(self.program)):
            store.close()  # built for this file read in another zone (``--timezone``): not this program
            return None
        return store

    def keep(self) -> None:
        from ..sources.search_store import build, open_store

        key = self.key
        if key is None:
            return
        found = open_store(key)
        if found is not None:
            found.close()
            return
        build(key, self.get(), len(self.program.days))

    @property
    def ready(self) -> bool:
        return self._built is not None

    def get(self, pause: Callable[[], object] | None = None) -> SearchIndex:
        with self._lock:
            if self._built is None:
                from ..core.search import SearchIndex  # (when first searched: not before the first frame)

                self._built = SearchIndex(self.program, pause)
            return self._built
