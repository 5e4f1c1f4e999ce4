"""Where a push keeps its state: Redis (`REDIS_URL`, shared by all machines) or files under `instance/pushes`.

Both hold the same few entries per push, as bytes: its metadata, each chunk of candidates and, once ranked,
each chunk's compact results and the data version it ranked, plus two counters (chunks and candidates
done). Entries expire after `FAIR_PUSH_TTL_SECONDS` in Redis; push folders older than that are removed when
a new push starts.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from pathlib import Path

import redis

PREFIX = "fairmatch:push:"
PUSH_ID = re.compile("[0-9a-f]{32}")  # uuid4().hex, as `Pushes.create` names a push


def is_push_id(text: str) -> bool:
    """Whether `text` can name a push: anything else is no push, and never a file name or a Redis key."""
    return PUSH_ID.fullmatch(text) is not None


class RedisStore:
    def __init__(self, url: str, ttl: int) -> None:
        # Bounded waits: a Redis that is gone or hung is a 503 within seconds, never a request held for good.
        self.client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=10)
        self.ttl = ttl

    def put(self, push_id: str, name: str, value: bytes) -> None:
        self.client.set(f"{PREFIX}{push_id}:{name}", value, ex=self.ttl)

    def get(self, push_id: str, name: str) -> bytes | None:
        return self.client.get(f"{PREFIX}{push_id}:{name}")

    def get_many(self, push_id: str, names: list[str]) -> list[bytes | None]:
        return self.client.mget([f"{PREFIX}{push_id}:{name}" for name in names]) if names else []

    def incr(self, push_id: str, name: str, by: int = 1) -> int:
        key = f"{PREFIX}{push_id}:{name}"
        with self.client.pipeline() as pipe:
            pipe.incrby(key, by)
            pipe.expire(key, self.ttl)
            return int(pipe.execute()[0])

    def count(self, push_id: str, name: str) -> int:
        return int(self.get(push_id, name) or 0)


class FileStore:
    """One folder per push; files are replaced whole (write, then rename), so readers never see half."""

    def __init__(self, root: Path, ttl: int) -> None:
        self.root, self.ttl = root, ttl
        self._lock = threading.Lock()

    def _path(self, push_id: str, name: str) -> Path:
        if not is_push_id(push_id):
            raise KeyError(push_id)
        return self.root / push_id / name

    def put(self, push_id: str, name: str, value: bytes) -> None:
        path = self._path(push_id, name)
        if not path.parent.exists():
            self._expire_old()
            path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_name(f".{name}.{os.getpid()}.{threading.get_ident()}")
        scratch.write_bytes(value)
        os.replace(scratch, path)

    def get(self, push_id: str, name: str) -> bytes | None:
        try:
            return self._path(push_id, name).read_bytes()
        except (FileNotFoundError, KeyError):
            return None

    def get_many(self, push_id: str, names: list[str]) -> list[bytes | None]:
        return [self.get(push_id, name) for name in names]

    def incr(self, push_id: str, name: str, by: int = 1) -> int:
        with self._lock:  # one thread of one process runs a push here: a lock of the process is enough
            value = self.count(push_id, name) + by
            self.put(push_id, name, str(value).encode())
            return value

    def count(self, push_id: str, name: str) -> int:
        return int(self.get(push_id, name) or 0)

    def _expire_old(self) -> None:
        if not self.root.exists():
            return
        cutoff = time.time() - self.ttl
        for folder in self.root.iterdir():
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
