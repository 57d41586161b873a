"""Django's file cache without compression, for the kept figures.

The processes of one server (the web workers and the job workers) share the
kept figures of ``core.base.scope_cache`` through files. Django's
``FileBasedCache`` compresses every value with zlib: a province's encoded
map (about 3 MB) then costs every request a decompression of tens of
milliseconds, where reading the file and unpickling it costs about one.
The figures are few (one per office, filter and day), so the disk they take
uncompressed does not matter. Everything else is Django's.
"""

from __future__ import annotations

import pickle
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class UncompressedFileCache(FileBasedCache):
    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as f:
                if not self._is_expired(f):
                    return pickle.loads(f.read())  # noqa: S301 - our own files
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value) -> None:
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        # Django's reads the value back compressed: rewrite it through
        # this class's own get and set instead.
        value = self.get(key, self, version)
        if value is self:
            return False
        self.set(key, value, timeout, version)
        return True
