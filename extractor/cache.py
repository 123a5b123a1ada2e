"""Built resources pickled under data/cache/, named by a hash of everything they are built from.

Some resources cost a good part of a second to build and come out the same on every run
while their sources stay the same: the language model restricted to the languages with
rules, the first characters each lexicon pattern can start with, the compiled form of the
lexicons' large alternations (`regexes`). Each is pickled once as
data/cache/<kind>-<hash>.pickle, the hash taken over what the build reads (file contents,
package and Python versions, the building code), so a changed source builds a new one and
the old one is removed. A missing, broken or unwritable cache only costs the build
(`places.gazetteer` keeps its own pickle the same way).
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable
from typing import TypeVar

from .resources import data_path

T = TypeVar("T")
_DIGITS = 16  # hex digits of the hash in a file name


def digest(*parts: str | bytes) -> str:
    """A short hash of the parts (file contents, versions, patterns), in order."""
    hasher = hashlib.sha256()
    for part in parts:
        raw = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(raw).to_bytes(8, "little"))  # ("ab", "c") and ("a", "bc") differ
        hasher.update(raw)
    return hasher.hexdigest()[:_DIGITS]


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """What `build` returns, from data/cache/<kind>-<key>.pickle when it is there, else built
    and pickled; `key` is a `digest` of everything the build reads."""
    path = data_path("cache", f"{kind}-{key}.pickle")
    if path.exists():
        collecting = gc.isenabled()
        gc.disable()  # the collector would walk every fresh object of the load
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            pass  # a broken cache is rebuilt below
        finally:
            if collecting:
                gc.enable()
    built = build()
    temporary = path.with_suffix(f".{os.getpid()}.tmp")  # writers never share a file
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        for stale in path.parent.glob(f"{kind}-{'?' * _DIGITS}.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built from an older source
    except OSError:
        pass  # a read-only data folder only costs the build next time
    finally:
        temporary.unlink(missing_ok=True)
    return built


def _compiled_form(pattern: str, flags: int) -> tuple | None:
    """What CPython's `_sre.compile` makes a regex from (re._compiler.compile's steps), kept only
    when it gives the very pattern `re.compile` gives; None where it cannot be had."""
    try:
        import _sre
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        state = parsed.state
        indexgroup = [None] * state.groups
        for name, number in state.groupdict.items():
            indexgroup[number] = name
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
        form = (pattern, flags | state.flags, code, state.groups - 1,
                dict(state.groupdict), tuple(indexgroup))
        return form if _sre.compile(*form) == re.compile(pattern, flags) else None
    except Exception:  # another Python's internals: compile the usual way
        return None


def regexes(kind: str, patterns: list[str], flags: int = 0) -> list[re.Pattern[str]]:
    """The patterns compiled, from their compiled form cached as data/cache/<kind>-<hash>.pickle.

    Python compiles a regex in Python code (parse, then code generation) and cannot pickle
    the result; the large alternations of the lexicons take a few tenths of a second. Their
    compiled form (a list of integers, what `re.compile` hands to the C engine) is cached
    per Python build and patterns, and checked equal to `re.compile`'s when it is made.
    """
    flags = int(flags)
    key = digest(sys.version, str(flags), *patterns)
    forms = cached(kind, key, lambda: [_compiled_form(pattern, flags) for pattern in patterns])
    try:
        import _sre

        return [re.compile(pattern, flags) if form is None else _sre.compile(*form)
                for pattern, form in zip(patterns, forms)]
    except Exception:  # a cache this Python cannot read: compile the usual way
        return [re.compile(pattern, flags) for pattern in patterns]


__all__ = ["cached", "digest", "regexes"]
