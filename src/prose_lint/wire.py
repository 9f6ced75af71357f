"""JSON for the warm server's socket: settings one way, file results the other.

Why not pickle: unpickling runs code chosen by whoever wrote the bytes, so a client that unpickled the
reply of a socket planted by another user ran that user's code. Here only plain JSON values and a closed
list of our own dataclasses (built by their constructors) can come out of a message; anything else is
an error. Tuples, sets, paths and severities are tagged so that a result survives the trip unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import struct
from pathlib import Path, PurePath
from typing import Any

_HEADER = struct.Struct("!Q")
MAX_MESSAGE = 1 << 32  # 4 GB: 16 files of at most max-file-size, with their diagnostics


class WireError(ValueError):
    """A message that is not ours (bad JSON, unknown tag, a type we do not build)."""


def _classes() -> dict[str, type]:
    from prose_lint.config import RuleSettings, Settings
    from prose_lint.diagnostic import Diagnostic, Edit, Fix, Related
    from prose_lint.result import FileResult

    return {cls.__name__: cls for cls in (Settings, RuleSettings, FileResult, Diagnostic, Edit, Fix, Related)}


def encode(obj: Any) -> Any:
    from prose_lint.diagnostic import Severity

    if isinstance(obj, Severity):
        return {"$severity": obj.name}
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, list):
        return [encode(x) for x in obj]
    if isinstance(obj, tuple):
        return {"$tuple": [encode(x) for x in obj]}
    if isinstance(obj, (set, frozenset)):
        return {"$set": sorted((encode(x) for x in obj), key=repr), "frozen": isinstance(obj, frozenset)}
    if isinstance(obj, PurePath):
        return {"$path": str(obj)}
    if isinstance(obj, (datetime.datetime, datetime.date, datetime.time)):  # TOML values in rule options
        return {"$" + type(obj).__name__: obj.isoformat()}
    if isinstance(obj, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in obj):
            return {k: encode(v) for k, v in obj.items()}
        return {"$dict": [[encode(k), encode(v)] for k, v in obj.items()]}
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in _classes():
        fields = {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init}
        return {"$dc": type(obj).__name__, "fields": fields}
    raise WireError(f"cannot send a {type(obj).__name__}")


def decode(obj: Any) -> Any:
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, list):
        return [decode(x) for x in obj]
    if not isinstance(obj, dict):
        raise WireError(f"unexpected {type(obj).__name__}")
    tags = [k for k in obj if k.startswith("$")]
    if not tags:
        return {k: decode(v) for k, v in obj.items()}
    tag = tags[0]
    value = obj[tag]
    if tag == "$severity":
        from prose_lint.diagnostic import Severity

        return Severity[value]
    if tag == "$tuple":
        return tuple(decode(x) for x in value)
    if tag == "$set":
        items = [decode(x) for x in value]
        return frozenset(items) if obj.get("frozen") else set(items)
    if tag == "$path":
        return Path(value)
    if tag == "$dict":
        return {decode(k): decode(v) for k, v in value}
    if tag in ("$datetime", "$date", "$time"):
        return getattr(datetime, tag[1:]).fromisoformat(value)
    if tag == "$dc":
        cls = _classes().get(value)
        if cls is None:
            raise WireError(f"unknown type {value!r}")
        return cls(**{k: decode(v) for k, v in obj["fields"].items()})
    raise WireError(f"unknown tag {tag!r}")


def dumps(payload: Any) -> bytes:
    return json.dumps(encode(payload), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def loads(data: bytes) -> Any:
    try:
        return decode(json.loads(data.decode("utf-8", "surrogatepass")))
    except (UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        raise WireError(f"not a prose-lint message: {exc}") from None


def send(sock, payload: Any) -> None:
    data = dumps(payload)
    sock.sendall(_HEADER.pack(len(data)) + data)


def recv(sock) -> Any:
    size = _HEADER.unpack(_read_exactly(sock, _HEADER.size))[0]
    if size > MAX_MESSAGE:
        raise WireError(f"message of {size} bytes")
    return loads(_read_exactly(sock, size))


def _read_exactly(sock, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise ConnectionError("connection closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
