"""Run-time access to the built gazetteer: names to candidate places, ids to places.

The index is a read-only SQLite file (built by ``build.py`` at set-up time). Opening it costs
milliseconds and almost no memory; lookups are indexed queries, batched per article.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsevents.gazetteer.normalize import name_key, variant_key

ENV_VAR = "NEWSEVENTS_GAZETTEER"
_FILE_NAME = "gazetteer.sqlite"
_MAX_PARAMS = 900  # below SQLite's default limit of host parameters per statement
SCHEMA_VERSION = "2"  # what build.py writes; an older index works, with less in it
_MIN_VARIANT_KEY = 4  # shorter names ("a", "pa") are too short to fold: any letter would match
_VARIANT = 5  # build.NameKind.VARIANT (not imported: build pulls in the set-up-time sources)


class GazetteerMissing(RuntimeError):
    pass


def default_path() -> Path:
    """``$NEWSEVENTS_GAZETTEER`` if set, else ``build/gazetteer/`` in the checkout the package runs from."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    # src/newsevents/gazetteer/index.py -> the checkout's root (the package is installed editable).
    return Path(__file__).resolve().parents[3] / "build" / "gazetteer" / _FILE_NAME


@dataclass(frozen=True)
class GeoEntry:
    gid: int  # GeoNames id; negative for regions we added that have none
    name: str
    feature: str  # country | admin1 | admin2 | city | region | water
    fcode: str  # PCLI, ADM1, ADM2, PPLC, PPLA, PPL, CONT, RGN, WATER
    cc: str | None
    admin1: str | None  # admin1 code within the country ("41" for Kursk Oblast)
    admin1_name: str | None
    lat: float | None
    lon: float | None
    pop: int
    admin2: int | None = None  # GeoNames id of the second-level division a city lies in

    @property
    def geonameid(self) -> int | None:
        return self.gid if self.gid > 0 else None

    @property
    def admin1_key(self) -> tuple[str, str] | None:
        return (self.cc, self.admin1) if self.cc and self.admin1 else None


@dataclass(frozen=True)
class Candidate:
    entry: GeoEntry
    kind: int  # build.NameKind of the name that matched


_COLUMNS = "p.gid, p.name, p.feature, p.fcode, p.cc, p.admin1, p.admin1_name, p.lat, p.lon, p.pop, p.admin2"


class Gazetteer:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        if not self.path.is_file():
            raise GazetteerMissing(
                f"the gazetteer index is missing at {self.path}: run `make` (or `make gazetteer`) in the "
                f"newsevents checkout to build it from the installed GeoNames data, or set {ENV_VAR} "
                f"to an index built with `python -m newsevents.gazetteer.build --output FILE`")
        self._local = threading.local()
        meta = dict(self._db().execute("SELECT key, value FROM meta").fetchall())
        self.meta = meta
        if int(meta.get("schema_version") or 0) < int(SCHEMA_VERSION):
            warnings.warn(f"the gazetteer index at {self.path} was built by an older newsevents (schema "
                          f"{meta.get('schema_version')}, now {SCHEMA_VERSION}): run `make gazetteer` to rebuild it",
                          stacklevel=2)
        # An index built before variants existed still works, without them.
        self._has_variants = self._db().execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'variants'").fetchone() is not None
        self._admin1: dict[tuple[str, str], GeoEntry] = {}
        self._countries: dict[str, GeoEntry] = {}
        for row in self._db().execute(f"SELECT {_COLUMNS} FROM places p WHERE feature IN ('country', 'admin1')"):
            e = GeoEntry(*row)
            if e.feature == "country" and e.cc:
                self._countries[e.cc] = e
            elif e.admin1_key:
                self._admin1[e.admin1_key] = e

    def _db(self) -> sqlite3.Connection:
        # One connection per thread: sqlite3 connections must not be shared across threads.
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
            self._local.db = db
        return db

    def lookup_keys(self, keys: Iterable[str], variants: bool = False) -> dict[str, list[Candidate]]:
        """Candidates for each normalised key (``name_key``) that the gazetteer knows.

        With ``variants``, a key the gazetteer does not know is tried as a transliteration variant
        (``normalize.variant_key``: "Schastya" for Shchastya); such candidates come with kind VARIANT.
        """
        wanted = sorted({k for k in keys if k})
        out: dict[str, list[Candidate]] = {}
        db = self._db()
        for i in range(0, len(wanted), _MAX_PARAMS):
            chunk = wanted[i:i + _MAX_PARAMS]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT n.key, n.kind, {_COLUMNS} FROM names n JOIN places p ON p.gid = n.gid "
                f"WHERE n.key IN ({marks})", chunk)
            for key, kind, *place in rows:
                out.setdefault(key, []).append(Candidate(GeoEntry(*place), kind))
        if variants and self._has_variants:
            missing = [k for k in wanted if k not in out and len(k) >= _MIN_VARIANT_KEY]
            for key, found in self._variant_candidates(missing).items():
                out[key] = found
        return out

    def _variant_candidates(self, keys: list[str]) -> dict[str, list[Candidate]]:
        by_variant: dict[str, list[str]] = {}
        for k in keys:
            by_variant.setdefault(variant_key(k), []).append(k)
        wanted = sorted(by_variant)
        out: dict[str, list[Candidate]] = {}
        db = self._db()
        for i in range(0, len(wanted), _MAX_PARAMS):
            chunk = wanted[i:i + _MAX_PARAMS]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(f"SELECT v.vkey, {_COLUMNS} FROM variants v JOIN places p ON p.gid = v.gid "
                              f"WHERE v.vkey IN ({marks})", chunk)
            for vkey, *place in rows:
                for k in by_variant[vkey]:
                    out.setdefault(k, []).append(Candidate(GeoEntry(*place), _VARIANT))
        return out

    def lookup(self, name: str) -> list[Candidate]:
        return self.lookup_keys([name_key(name)]).get(name_key(name), [])

    def known_keys(self, keys: Iterable[str], variants: bool = False) -> set[str]:
        """Which of these keys name something (cheaper than ``lookup_keys`` for recognition)."""
        wanted = sorted({k for k in keys if k})
        found: set[str] = set()
        db = self._db()
        for i in range(0, len(wanted), _MAX_PARAMS):
            chunk = wanted[i:i + _MAX_PARAMS]
            marks = ",".join("?" * len(chunk))
            found.update(k for (k,) in db.execute(f"SELECT DISTINCT key FROM names WHERE key IN ({marks})", chunk))
        if variants and self._has_variants:
            by_variant: dict[str, list[str]] = {}
            for k in wanted:
                if k not in found and len(k) >= _MIN_VARIANT_KEY:
                    by_variant.setdefault(variant_key(k), []).append(k)
            vkeys = sorted(by_variant)
            for i in range(0, len(vkeys), _MAX_PARAMS):
                chunk = vkeys[i:i + _MAX_PARAMS]
                marks = ",".join("?" * len(chunk))
                for (v,) in db.execute(f"SELECT DISTINCT vkey FROM variants WHERE vkey IN ({marks})", chunk):
                    found.update(by_variant[v])
        return found

    def get(self, gid: int) -> GeoEntry | None:
        row = self._db().execute(f"SELECT {_COLUMNS} FROM places p WHERE p.gid = ?", (gid,)).fetchone()
        return GeoEntry(*row) if row else None

    def country(self, cc: str | None) -> GeoEntry | None:
        return self._countries.get(cc or "")

    def admin1(self, cc: str | None, code: str | None) -> GeoEntry | None:
        return self._admin1.get((cc or "", code or ""))

    def admin1_entries(self) -> list[GeoEntry]:
        """Every first-level division."""
        return list(self._admin1.values())

    def countries(self) -> list[GeoEntry]:
        return list(self._countries.values())


@lru_cache(maxsize=1)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The process-wide gazetteer (opened once)."""
    return Gazetteer(Path(path) if path else None)
