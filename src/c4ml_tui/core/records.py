"""Frozen records: what ``@dataclass(frozen=True, slots=True)`` gives, without ``dataclasses``.

``import dataclasses`` pulls in ``inspect`` (and with it ``ast``, ``dis``, ``tokenize``), and
building a dataclass execs several generated functions: together about a third of the start-up
of ``c4ml-tui now``. A record generates only its ``__init__``; equality, hashing, ``repr`` and
freezing are shared methods over the field values.

Fields are the class's own annotations, in order; defaults are plain values or
:class:`Factory` (a fresh value each time, like ``field(default_factory=...)``). Records do not
inherit fields from one another. ``dataclasses.replace``/``asdict``/``fields`` do not accept
records: use :func:`replace` (or ``copy.replace`` on Python 3.13+), :func:`asdict`, :func:`fields`.
"""

from __future__ import annotations

from operator import attrgetter

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """A field of a record was assigned or deleted (records are immutable)."""


class Factory:
    """A default made afresh for each record: ``speakers: dict = Factory(default_factory=dict)``."""

    __slots__ = ("make",)

    def __init__(self, default_factory):
        self.make = default_factory


def record(cls=None, /, *, slots: bool = True):
    """Make ``cls`` a frozen record (``@record``, or ``@record(slots=False)`` for a class that
    needs a ``__dict__``, e.g. for ``functools.cached_property``)."""

    def wrap(cls):
        return _build(cls, slots)

    return wrap if cls is None else wrap(cls)


def fields(obj_or_cls) -> tuple[str, ...]:
    """The field names of a record (class or instance), in order."""
    return obj_or_cls.__record_fields__


def replace(obj, /, **changes):
    """A copy of the record ``obj`` with some fields changed (``dataclasses.replace``)."""
    values = dict(zip(obj.__record_fields__, obj._values(), strict=True))
    values.update(changes)
    return obj.__class__(**values)


def asdict(obj) -> dict:
    """A record as a dict, recursing into records, lists, tuples and dicts (``dataclasses.asdict``)."""
    return _plain(obj)


def _plain(value):
    if hasattr(type(value), "__record_fields__"):
        return {name: _plain(v) for name, v in zip(value.__record_fields__, value._values(), strict=True)}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


def _build(cls, slots: bool):
    # Not inspect.get_annotations: importing inspect is what records avoid (see above).
    names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063
    ns = dict(cls.__dict__)
    ns.pop("__dict__", None)
    ns.pop("__weakref__", None)
    params, body, env = _init_parts(cls.__name__, names, ns)
    qualname = f"{cls.__qualname__}.__init__"
    built: list[type] = []

    def first_init(self, *args, **kwargs):
        # The first record made compiles the class's own __init__ and puts it in place of this
        # one: a class never instantiated (most of them, on a `now`) costs no compile at import.
        source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or [" pass"])
        exec(source, env)  # noqa: S102 - the source is built from the class's own field names
        init = env["__init__"]
        init.__qualname__ = qualname
        type.__setattr__(built[0], "__init__", init)
        init(self, *args, **kwargs)

    first_init.__qualname__ = qualname
    get = attrgetter(*names) if len(names) > 1 else (lambda obj: tuple(getattr(obj, n) for n in names))

    def values(self) -> tuple:
        """The field values, in order."""
        return get(self)

    ns.update(
        __init__=first_init,
        __record_fields__=names,
        __match_args__=names,
        _values=values,
        __setattr__=_frozen_set,
        __delattr__=_frozen_del,
        __eq__=_eq,
        __hash__=_hash,
        __repr__=_repr,
        __reduce__=_reduce,
        __replace__=replace,
    )
    if slots:
        ns["__slots__"] = names
    built.append(type(cls)(cls.__name__, cls.__bases__, ns))
    return built[0]


def _init_parts(name: str, names: tuple[str, ...], ns: dict) -> tuple[list[str], list[str], dict[str, object]]:
    """The parameters and body lines of a record's ``__init__`` and what they refer to; the
    defaults are taken out of ``ns`` (the class body)."""
    env: dict[str, object] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    params, body, seen_default = [], [], False
    for field in names:
        default = ns.pop(field, _MISSING)
        if default is _MISSING:
            if seen_default:
                raise TypeError(f"{name}: field {field!r} without a default follows one with a default")
            params.append(field)
        elif isinstance(default, Factory):
            seen_default = True
            env[f"_make_{field}"] = default.make
            params.append(f"{field}=_MISSING")
            body.append(f" if {field} is _MISSING: {field} = _make_{field}()")
        else:
            seen_default = True
            env[f"_default_{field}"] = default
            params.append(f"{field}=_default_{field}")
        body.append(f" _set(self, {field!r}, {field})")
    return params, body, env


def _frozen_set(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_del(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _eq(self, other):
    if other.__class__ is self.__class__:
        return self._values() == other._values()
    return NotImplemented


def _hash(self):
    return hash(self._values())


def _repr(self):
    inner = ", ".join(f"{n}={v!r}" for n, v in zip(self.__record_fields__, self._values(), strict=True))
    return f"{self.__class__.__qualname__}({inner})"


def _reduce(self):
    return self.__class__, tuple(self._values())
