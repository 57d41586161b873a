"""The kept figures' file cache: Django's, its values stored uncompressed."""

from __future__ import annotations

import pickle

from core.base.file_cache import UncompressedFileCache


def test_values_round_trip_uncompressed(tmp_path):
    cache = UncompressedFileCache(str(tmp_path), {})
    body = b'{"type":"FeatureCollection"}' * 1000
    cache.set("map", (1.0, (body, '"etag"')), 60)
    assert cache.get("map") == (1.0, (body, '"etag"'))
    [stored] = list(tmp_path.iterdir())
    with stored.open("rb") as file:
        pickle.load(file)  # noqa: S301 - the expiry, written by the test
        value = pickle.load(file)  # noqa: S301 - no zlib around it
        assert value == (1.0, (body, '"etag"'))
    assert cache.add("lock", True, 60) and not cache.add("lock", True, 60)
    assert cache.touch("lock", 60) and cache.get("lock") is True
    cache.delete("lock")
    assert cache.get("lock") is None and not cache.touch("lock")
    cache.set("gone", 1, -1)
    assert cache.get("gone", "default") == "default"
