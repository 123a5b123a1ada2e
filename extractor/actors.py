"""Find who is named in an article and map each mention to a canonical ACLED-style actor.

Three lexicons, all data (data/actors/): the registry of named actors
(`registry.jsonl`), generic actors that ACLED names after a country ("police" ->
"Police Forces of Libya", `en/generic.tsv`) and ethnic groups that field militias
(`en/ethnic_groups.tsv`). One Aho-Corasick pass over the lower-cased text finds
every form of all three plus the country names and demonyms of `en/countries.tsv`;
case is checked afterwards, so "IS" never matches "is". Construction patterns
(`en/patterns.tsv`) then grow mentions ("forces loyal to" + Haftar), join them
("Haftar's self-styled" + "Libyan National Army"), name unregistered groups
("CPC militants", "the Jaabu and Forboru clans" -> "Jaabu Clan Militia (Ghana)")
and resolve a few anaphors ("his forces", "the group") to the nearest earlier
actor: conservative coreference, marked via="coref". Ethnic groups become
militias with a militia noun ("Tuareg fighters") or when two are paired
("clashes between the Pokot and Turkana").

The article's country (`article.country`, when not given) is the country named
most often, demonyms included; generic actors take it unless a country is named
right next to them ("Egyptian troops", "government of Libya"). Registry forms
listed as "local" ("communist rebels" for the CPP-NPA) count only in an article
about the actor's country. A state's forces also list their state ("Police Forces
of Kenya" -> "Government of Kenya", via="state"): UCDP names a state's side so,
and the state is an actor of the sentence, though never a role.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import ahocorasick

from .article import ActorMention, Article
from .errors import ResourceError
from .resources import data_path, read_jsonl, read_table
from .segment import sentence_at

CATEGORIES = ("state forces", "rebel group", "political militia", "identity militia", "rioters",
              "protesters", "civilians", "external/other")
NON_COMBATANTS = frozenset({"civilians", "protesters", "rioters"})
NON_STATE = frozenset({"rebel group", "political militia", "identity militia"})
REGISTRY_KEYS = frozenset({"name", "aliases", "abbreviation", "category", "country", "coref", "local"})
PATTERN_KINDS = ("before", "after", "join", "coref", "ethnic", "name", "parent", "anchor", "country_before",
                 "country_after", "pair")
_NAME_REACH = (100, 70)  # characters a 'name' match may reach before and after its anchor word
_ISO2 = re.compile(r"[A-Z]{2}\Z")
_WINDOW = 90  # characters a construction may reach beyond its mention; a sentence bounds it too
_COREF_SENTENCES = 3  # an anaphor looks back this many sentences at most


# ---------------------------------------------------------------- lexicons

@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One named actor of data/actors/registry.jsonl."""

    name: str
    aliases: tuple[str, ...]
    abbreviation: str | None
    category: str
    country: str | None
    coref: tuple[str, ...] = ()
    local: tuple[str, ...] = ()  # forms that name the actor only in an article about its country


@dataclass(frozen=True, slots=True)
class Country:
    """A country as the lexicon names it."""

    iso: str
    name: str


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One form in the automaton and what it stands for.

    kind: registry, coref_alias (a registry form that only refers back), local_alias (a registry
    form that names the actor only in an article about its country: "communist rebels"), generic,
    block (a compound that is no actor), ethnic or country.
    """

    kind: str
    form: str
    value: object
    exact: bool  # True: the text must match the form's case exactly


def _lang_file(lang: str, name: str) -> Path:
    """A language's file under data/actors/, English when the language has none."""
    path = data_path("actors", lang, name)
    return path if path.exists() else data_path("actors", "en", name)


@lru_cache(maxsize=1)
def registry() -> tuple[RegistryEntry, ...]:
    """The named actors, checked as they load (E020 names the file and line)."""
    path = data_path("actors", "registry.jsonl")
    entries, names = [], set()
    for number, obj in read_jsonl(path, required=("name", "aliases", "category", "country")):
        def bad(detail: str) -> ResourceError:
            return ResourceError("E020", path=path, line=number, detail=detail)
        unknown = set(obj) - REGISTRY_KEYS
        if unknown:
            raise bad(f"unknown keys {sorted(unknown)}; allowed are {sorted(REGISTRY_KEYS)}")
        name = obj["name"]
        if not isinstance(name, str) or not name.strip():
            raise bad("'name' must be a non-empty string")
        if name in names:
            raise bad(f"actor '{name}' is listed twice")
        names.add(name)
        for key in ("aliases", "coref", "local"):
            forms = obj.get(key, [])
            if not isinstance(forms, list) or not all(isinstance(a, str) and a.strip() for a in forms):
                raise bad(f"'{key}' must be a list of non-empty strings")
        if obj["category"] not in CATEGORIES:
            raise bad(f"category '{obj['category']}' is not one of {list(CATEGORIES)}")
        country = obj["country"]
        if country is not None and not (isinstance(country, str) and _ISO2.match(country)):
            raise bad(f"country '{country}' is not an ISO 3166 alpha-2 code or null")
        abbreviation = obj.get("abbreviation")
        if abbreviation is not None and not isinstance(abbreviation, str):
            raise bad("'abbreviation' must be a string or null")
        entries.append(RegistryEntry(name=name, aliases=tuple(obj["aliases"]), abbreviation=abbreviation,
                                     category=obj["category"], country=country,
                                     coref=tuple(obj.get("coref", [])), local=tuple(obj.get("local", []))))
        if entries[-1].local and country is None:
            raise bad("'local' forms need the actor's country")
    return tuple(entries)


@lru_cache(maxsize=None)
def countries(lang: str = "en") -> dict[str, tuple[Country, str]]:
    """form -> (country, kind) where kind is name, alias or demonym."""
    path = _lang_file(lang, "countries.tsv")
    out: dict[str, tuple[Country, str]] = {}
    for number, (form, iso, name, kind) in read_table(path, 4):
        if not _ISO2.match(iso):
            raise ResourceError("E020", path=path, line=number, detail=f"'{iso}' is not an ISO2 code")
        if kind not in ("name", "alias", "demonym"):
            raise ResourceError("E020", path=path, line=number, detail=f"kind '{kind}' is not name, alias or demonym")
        out.setdefault(form, (Country(iso, name), kind))
    return out


@lru_cache(maxsize=None)
def country_names(lang: str = "en") -> dict[str, str]:
    """ISO2 -> the country's English name as actor names spell it."""
    names: dict[str, str] = {}
    for country, _ in countries(lang).values():
        names.setdefault(country.iso, country.name)
    return names


GENERIC_MODES = ("-", "country", "state")


@lru_cache(maxsize=None)
def generic_lexicon(lang: str = "en") -> dict[str, tuple[str, str, str]]:
    """phrase (lower case) -> (name template, category, mode); template '-' marks a block.

    mode: '-' (an actor), 'country' (an actor only with a country named next to it: "Libyan
    forces", not "forces"), 'state' (an official who names the state: "Government of Kenya" is
    listed among the sentence's actors, marked via="state", but takes no role).
    """
    path = _lang_file(lang, "generic.tsv")
    out = {}
    for number, (phrase, template, category, *rest) in read_table(path, 3, 4):
        mode = rest[0] if rest else "-"
        if mode not in GENERIC_MODES:
            raise ResourceError("E020", path=path, line=number,
                                detail=f"4th field '{mode}' must be one of {GENERIC_MODES}")
        if template != "-" and category not in CATEGORIES:
            raise ResourceError("E020", path=path, line=number, detail=f"category '{category}' is not one of "
                                f"{list(CATEGORIES)}")
        if template != "-" and "{" in template.replace("{country}", ""):
            raise ResourceError("E020", path=path, line=number, detail="only {country} may be filled in")
        if phrase.lower() in out:
            raise ResourceError("E020", path=path, line=number, detail=f"phrase '{phrase}' is listed twice")
        out[phrase.lower()] = (template, category, mode)
    return out


ETHNIC_KINDS = {"ethnic": "Ethnic", "clan": "Clan", "communal": "Communal"}


@lru_cache(maxsize=None)
def ethnic_groups(lang: str = "en") -> dict[str, tuple[str, str]]:
    """form -> (group name used in the actor, kind word: Ethnic, Clan or Communal)."""
    path = _lang_file(lang, "ethnic_groups.tsv")
    out = {}
    for number, (form, group, *rest) in read_table(path, 2, 3):
        kind = rest[0] if rest else "ethnic"
        if kind not in ETHNIC_KINDS:
            raise ResourceError("E020", path=path, line=number, detail=f"kind '{kind}' is not one of "
                                f"{sorted(ETHNIC_KINDS)}")
        out[form] = (group, ETHNIC_KINDS[kind])
    return out


def ethnic_template(pats: "Patterns", group: str, kind: str) -> str:
    """The actor template of an ethnic, clan or communal group ("Pokot Ethnic Militia ({country})")."""
    return pats.ethnic_template.replace("{group}", group).replace("{kind}", kind)


@dataclass(frozen=True)
class Patterns:
    """The compiled construction patterns of one language."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    joins: tuple[tuple[re.Pattern[str], str], ...]
    coref: re.Pattern[str]
    coref_modes: dict[str, str]
    ethnic: re.Pattern[str]
    ethnic_template: str
    name: re.Pattern[str] | None
    name_categories: dict[str, str] = field(default_factory=dict)
    parents: tuple[tuple[re.Pattern[str], str], ...] = ()
    anchors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> words its patterns need
    country_before: re.Pattern[str] = re.compile("(?!)")  # between a country and the generic actor after it
    country_after: re.Pattern[str] = re.compile("(?!)")  # between a generic actor and the country after it
    pair: re.Pattern[str] = re.compile("(?!)")  # between two ethnic groups named as the two sides


@lru_cache(maxsize=None)
def patterns(lang: str = "en") -> Patterns:
    """Compile patterns.tsv once: one alternation per kind, each pattern checked at load."""
    path = _lang_file(lang, "patterns.tsv")
    rows: dict[str, list[tuple[int, str, str]]] = {k: [] for k in PATTERN_KINDS}
    for number, (kind, regex, argument, _example) in read_table(path, 4):
        if kind not in PATTERN_KINDS:
            raise ResourceError("E020", path=path, line=number, detail=f"kind '{kind}' is not one of {PATTERN_KINDS}")
        try:
            compiled = re.compile(regex)
        except re.error as exc:
            raise ResourceError("E020", path=path, line=number, detail=f"bad regex: {exc}") from None
        if kind == "name":
            if "name" not in compiled.groupindex:
                raise ResourceError("E020", path=path, line=number, detail="a 'name' pattern needs (?P<name>...)")
            category, _, template = argument.partition("|")
            if category not in CATEGORIES:
                raise ResourceError("E020", path=path, line=number, detail=f"category '{category}' unknown")
            if template and "{name}" not in template:
                raise ResourceError("E020", path=path, line=number, detail="a name template needs {name}")
        elif compiled.groups:
            raise ResourceError("E020", path=path, line=number, detail="use (?:...) groups only")
        if kind == "anchor" and argument not in ("before", "name"):
            raise ResourceError("E020", path=path, line=number, detail="an anchor is for 'before' or 'name'")
        if kind == "anchor" and not re.fullmatch(r"[\w -]+(?:\|[\w -]+)*", regex):
            raise ResourceError("E020", path=path, line=number, detail="anchor words are plain words separated by '|'")
        if kind == "parent" and "{country}" not in argument:
            raise ResourceError("E020", path=path, line=number, detail="a parent template needs {country}")
        if kind == "join" and argument not in ("first", "same", "second"):
            raise ResourceError("E020", path=path, line=number,
                                detail="join argument must be 'first', 'same' or 'second'")
        if kind == "coref" and argument not in ("any", "nonstate"):
            raise ResourceError("E020", path=path, line=number, detail="coref argument must be 'any' or 'nonstate'")
        if kind == "ethnic" and not ("{group}" in argument and "{kind}" in argument):
            raise ResourceError("E020", path=path, line=number, detail="ethnic template needs {group} and {kind}")
        rows[kind].append((number, regex, argument))

    def alternation(kind: str, suffix: str = "", prefix: str = "") -> re.Pattern[str]:
        parts = [f"(?:{regex})" for _, regex, _ in rows[kind]] or ["(?!)"]
        return re.compile(prefix + "(?:" + "|".join(parts) + ")" + suffix, re.IGNORECASE)

    coref_parts = [f"(?P<c{i}>{regex})" for i, (_, regex, _) in enumerate(rows["coref"])] or ["(?!)"]
    name_parts = [regex.replace("(?P<name>", f"(?P<name{i}>").replace("(?P<other>", f"(?P<other{i}>")
                  for i, (_, regex, _) in enumerate(rows["name"])]
    return Patterns(
        before=alternation("before", suffix=r"\Z"),  # searched in a window that ends where a mention starts
        after=alternation("after"),  # used with .match(text, pos): anchored at pos
        joins=tuple((re.compile(regex, re.IGNORECASE), argument) for _, regex, argument in rows["join"]),
        coref=re.compile(r"\b(?:" + "|".join(coref_parts) + ")", re.IGNORECASE),
        coref_modes={f"c{i}": argument for i, (_, _, argument) in enumerate(rows["coref"])},
        ethnic=alternation("ethnic"),
        ethnic_template=rows["ethnic"][0][2] if rows["ethnic"] else "{group} {kind} Militia ({country})",
        name=re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in name_parts) + ")") if name_parts else None,
        name_categories={f"{group}{i}": argument for i, (_, _, argument) in enumerate(rows["name"])
                         for group in ("name", "other")},  # "category" or "category|template with {name}"
        parents=tuple((re.compile(regex), argument) for _, regex, argument in rows["parent"]),
        anchors={argument: tuple(w.strip().lower() for w in regex.split("|") if w.strip())
                 for _, regex, argument in rows["anchor"]},
        country_before=alternation("country_before"),  # fullmatched against the gap
        country_after=alternation("country_after"),  # matched at the mention's end
        pair=alternation("pair"),  # fullmatched against the gap
    )


def _is_exact(form: str) -> bool:
    """Acronyms and very short forms must match case-sensitively ("IS" is not "is"), and so must
    mixed-case acronyms ("CoBRA" is not the snake "Cobra", "JeM" not "Jem")."""
    if len(form) <= 3 or not any(ch.islower() for ch in form):
        return True
    return " " not in form and any(ch.isupper() for ch in form[1:])


@lru_cache(maxsize=None)
def matcher(lang: str = "en") -> tuple[ahocorasick.Automaton, tuple[tuple[Lexeme, ...], ...]]:
    """One automaton over the lower-cased forms of every lexicon (built once per process)."""
    by_key: dict[str, list[Lexeme]] = {}

    def add(lexeme: Lexeme) -> None:
        bucket = by_key.setdefault(lexeme.form.lower(), [])
        if not any(other.kind == lexeme.kind and other.value is lexeme.value and other.exact == lexeme.exact
                   and other.form == lexeme.form for other in bucket):
            bucket.append(lexeme)

    for entry in registry():
        for alias in dict.fromkeys((*entry.aliases, *([entry.abbreviation] if entry.abbreviation else []))):
            if alias not in entry.coref:
                add(Lexeme("registry", alias, entry, _is_exact(alias)))
        for alias in entry.coref:
            add(Lexeme("coref_alias", alias, entry, _is_exact(alias)))
        for alias in entry.local:
            add(Lexeme("local_alias", alias, entry, _is_exact(alias)))
    for phrase, (template, category, mode) in generic_lexicon(lang).items():
        add(Lexeme("block" if template == "-" else "generic", phrase, (template, category, mode), False))
    for form, group in ethnic_groups(lang).items():
        add(Lexeme("ethnic", form, group, _is_exact(form)))
    for form, (country, kind) in countries(lang).items():
        add(Lexeme("country", form, (country, kind), _is_exact(form)))
    for word in patterns(lang).anchors.get("name", ()):
        add(Lexeme("anchor", word, "name", False))
    automaton = ahocorasick.Automaton()
    table: list[tuple[Lexeme, ...]] = []
    for key, lexemes in by_key.items():
        automaton.add_word(key, len(table))
        table.append(tuple(lexemes))
    automaton.make_automaton()
    return automaton, tuple(table)


@lru_cache(maxsize=None)
def _bare_templates(lang: str = "en") -> dict[str, str]:
    """Country-less generic name -> its template, so a later stage can add the country."""
    out = {fill(t, None): t for t, _, _ in generic_lexicon(lang).values() if t != "-"}
    pats = patterns(lang)
    for group, kind in set(ethnic_groups(lang).values()):
        template = ethnic_template(pats, group, kind)
        out[fill(template, None)] = template
    return out


def fill(template: str, country: str | None) -> str:
    """A generic name with its country, or without it when none is known ("Protesters")."""
    if country:
        return template.replace("{country}", country)
    return re.sub(r"\s*\(\{country\}\)|\s+of\s+\{country\}|\{country\}", "", template).strip()


# ---------------------------------------------------------------- matching

@dataclass(slots=True)
class _Hit:
    """A mention while it is being built (mutable; becomes an ActorMention)."""

    start: int
    end: int
    kind: str  # registry, coref_alias, generic, ethnic, name, coref
    actor: str
    category: str
    country: str | None
    via: str
    template: str | None = None  # generic names still waiting for their country
    local_country: bool = False  # the country was named next to the mention


def _lowered(text: str) -> str:
    """Lower case with the same length as `text`, so offsets carry over."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _case_ok(lexeme: Lexeme, surface: str) -> bool:
    if lexeme.exact:
        return surface == lexeme.form
    if lexeme.kind in ("generic", "block", "anchor"):
        return True
    # a proper name written all in lower case is a common word ("turkey", "wagner")
    return not any(ch.isupper() for ch in lexeme.form) or any(ch.isupper() for ch in surface)


def _scan(text: str, lang: str) -> list[tuple[int, int, Lexeme]]:
    """Every lexicon form in the text at word boundaries, with its case checked."""
    automaton, table = matcher(lang)
    low = _lowered(text)
    found = []
    n = len(text)
    for end_index, slot in automaton.iter(low):
        end = end_index + 1
        for lexeme in table[slot]:
            start = end - len(lexeme.form)
            if end < n and (text[end].isalnum() or text[end] == "_"):
                continue
            if start > 0:
                before = text[start - 1]
                if before.isalnum() or before == "_":
                    continue
                if before == "-" and lexeme.kind != "block" and not (
                        lexeme.kind != "generic" and low.endswith("pro-", 0, start)):
                    continue  # "anti-Haftar" is no mention of Haftar; "pro-Haftar" is
            if _case_ok(lexeme, text[start:end]):
                found.append((start, end, lexeme))
    return found


def _leftmost_longest(items: list, start=lambda x: x[0], end=lambda x: x[1]) -> list:
    """Non-overlapping items, preferring the earliest, then the longest."""
    chosen, reach = [], -1
    for item in sorted(items, key=lambda x: (start(x), -(end(x) - start(x)))):
        if start(item) >= reach:
            chosen.append(item)
            reach = end(item)
    return chosen


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class _Bounds:
    """Sentence limits for a text, so no construction crosses a sentence."""

    def __init__(self, article: Article) -> None:
        self.article = article

    def sentence(self, offset: int) -> int:
        return sentence_at(self.article, offset) if self.article.sentences else -1

    def limits(self, offset: int) -> tuple[int, int]:
        index = self.sentence(offset)
        if index < 0:
            return max(0, offset - _WINDOW), min(len(self.article.text), offset + _WINDOW)
        s = self.article.sentences[index]
        return max(s.start, offset - _WINDOW), min(s.end, offset + _WINDOW)


def article_country(country_hits: list[tuple[int, int, Country]]) -> str | None:
    """The country named most often (demonyms count); the first named wins a tie."""
    if not country_hits:
        return None
    counts = Counter(c.iso for _, _, c in country_hits)
    first = {}
    for i, (_, _, c) in enumerate(country_hits):
        first.setdefault(c.iso, i)
    return max(counts, key=lambda iso: (counts[iso], -first[iso]))


def _resolve_entry(entries: list[RegistryEntry], context: str | None) -> RegistryEntry:
    """Of the actors that share a form, the one of the article's country, else the first listed."""
    for entry in entries:
        if context and entry.country == context:
            return entry
    return entries[0]


def find_actors(article: Article) -> tuple[list[ActorMention], str | None]:
    """The article's actor mentions and its country (given, else the one named most often).

    Pure: reads the article (text, sentences, country) and changes nothing.
    """
    text, lang = article.text, article.lang
    pats = patterns(lang)
    names = country_names(lang)
    bounds = _Bounds(article)
    raw = _scan(text, lang)

    country_hits = _leftmost_longest([(s, e, lx.value[0]) for s, e, lx in raw if lx.kind == "country"])
    # "an Italian-owned tanker", "US-led coalition": a country in a compound modifier says whose,
    # not where, so it does not make the article's country
    context = article.country or article_country([h for h in country_hits if not text.startswith("-", h[1])])
    country_at_end = {e: (s, c) for s, e, c in country_hits}
    country_at_start = {s: (e, c) for s, e, c in country_hits}

    blocks = [(s, e) for s, e, lx in raw if lx.kind == "block"]
    candidates = []
    registry_forms: dict[tuple[int, int], list[Lexeme]] = {}
    anchors = [(s, e) for s, e, lx in raw if lx.kind == "anchor"]
    for s, e, lx in raw:
        if lx.kind in ("country", "block", "anchor"):
            continue
        if lx.kind == "local_alias":
            if lx.value.country != context:
                continue
            lx = replace(lx, kind="registry")
        if lx.kind == "generic" and any(_overlaps(s, e, bs, be) for bs, be in blocks):
            continue
        if lx.kind in ("registry", "coref_alias"):
            registry_forms.setdefault((s, e), []).append(lx)
        candidates.append((s, e, lx))
    # named actors first: a generic phrase must not cut into one ("the Government of National Accord")
    named = _leftmost_longest([c for c in candidates if c[2].kind in ("registry", "coref_alias")])
    others = [c for c in candidates if c[2].kind not in ("registry", "coref_alias")
              and not any(_overlaps(c[0], c[1], n[0], n[1]) for n in named)]
    others.sort(key=lambda x: x[2].kind != "generic")  # stable: a generic before an ethnic form of one span
    hits: list[_Hit] = []
    for s, e, lx in sorted(named + _leftmost_longest(others), key=lambda x: x[0]):
        if lx.kind in ("registry", "coref_alias"):
            forms = registry_forms[(s, e)]
            entry = _resolve_entry([f.value for f in forms], context)
            kind = "registry" if any(f.kind == "registry" and f.value is entry for f in forms) else "coref_alias"
            start = s - 4 if s >= 4 and text[s - 4:s].lower() == "pro-" else s  # "pro-Haftar forces"
            hits.append(_Hit(start, e, kind, entry.name, entry.category, entry.country, "registry"))
        elif lx.kind == "generic":
            template, category, mode = lx.value
            hit = _Hit(s, e, "generic", "", category, None, "state" if mode == "state" else "pattern",
                       template=template)
            _country_modifier(hit, text, country_at_end, country_at_start, pats)
            if mode == "country" and not hit.local_country:
                continue  # "forces" alone is no actor; "Libyan forces" is
            hits.append(hit)
        else:
            group, kind = lx.value
            hits.append(_Hit(s, e, "ethnic", group, "identity militia", None, "ethnic",
                             template=ethnic_template(pats, group, kind)))

    hits = _peoples(hits, country_hits, raw, text, lang)
    hits = _ethnic_militias(hits, text, pats, bounds)
    hits = _named_groups(hits, text, pats, lang, anchors)
    hits = _join(hits, text, pats)
    hits = _extend(hits, text, pats, bounds)
    hits = _local_abbreviations(hits, text)
    hits = _coreference(hits, text, pats, bounds)

    mentions = []
    for hit in hits:
        if hit.template is not None:
            iso = hit.country if hit.local_country else context
            hit.country = iso
            hit.actor = fill(hit.template, names.get(iso) if iso else None)
        category = hit.category
        if category == "state forces" and hit.country and context and hit.country != context:
            category = "external/other"  # a foreign state's forces, as ACLED's interaction codes have it
        mention = ActorMention(start=hit.start, end=hit.end, actor=hit.actor, category=category,
                               sentence=bounds.sentence(hit.start), country=hit.country, via=hit.via)
        mentions.append(mention)
        parent = _parent(pats, hit, mention, names)
        if parent is not None:
            mentions.append(parent)
    return mentions, context


def _parent(pats: Patterns, hit: _Hit, mention: ActorMention, names: dict[str, str]) -> ActorMention | None:
    """The state a state force belongs to ("Police Forces of Kenya" -> "Government of Kenya"), as a
    mention of the same words marked via="state": it lists the state among the sentence's actors
    (UCDP names a state's side "Government of X") but never takes a role itself."""
    if hit.category != "state forces":
        return None
    for regex, template in pats.parents:
        if regex.search(hit.template or hit.actor):
            name = names.get(hit.country) if hit.country else None
            return replace(mention, actor=fill(template, name), via="state")
    return None


def _peoples(hits: list[_Hit], country_hits: list[tuple[int, int, Country]], raw: list, text: str, lang: str
             ) -> list[_Hit]:
    """A plural demonym names a people ("clashes between Palestinians and Israeli forces"): the
    civilians of that country, whom the event may make rioters or protesters."""
    people = generic_lexicon(lang).get("civilians")
    if people is None:
        return hits
    plural = {(s, e) for s, e, lx in raw if lx.kind == "country" and lx.value[1] == "demonym"
              and lx.form.endswith("s") and len(lx.form) > 4}
    new = [_Hit(s, e, "generic", "", people[1], country.iso, "pattern", template=people[0], local_country=True)
           for s, e, country in country_hits if (s, e) in plural
           and not any(_overlaps(s, e, h.start, h.end) for h in hits)
           and not text.startswith("'", e)]
    return sorted(hits + new, key=lambda h: h.start) if new else hits


_COUNTRY_GAP = 12  # characters between a generic actor and a country that modifies it, at most


def _country_modifier(hit: _Hit, text: str, at_end: dict, at_start: dict, pats: Patterns) -> None:
    """Take in a country named right before ("Libyan police", "Libya's army") or after ("government of
    Libya", "l'armée malienne"), the gaps as patterns.tsv's country_before and country_after say."""
    for size in range(1, _COUNTRY_GAP + 1):  # the nearest country first
        before = at_end.get(hit.start - size)
        if before and pats.country_before.fullmatch(text, hit.start - size, hit.start):
            hit.start, hit.country, hit.local_country = before[0], before[1].iso, True
            return
    tail = pats.country_after.match(text[hit.end:hit.end + _COUNTRY_GAP])
    if tail:
        after = at_start.get(hit.end + tail.end())
        if after:
            hit.end, hit.country, hit.local_country = after[0], after[1].iso, True


def _ethnic_militias(hits: list[_Hit], text: str, pats: Patterns, bounds: _Bounds) -> list[_Hit]:
    """An ethnic group is an actor when a militia noun follows it ("Tuareg fighters"), when it is
    paired with another group ("clashes between the Pokot and Turkana": two groups named together
    are the two sides) or coordinated with one that has the noun ("Garre and Degodia militia")."""
    ethnic = [h for h in hits if h.kind == "ethnic"]
    if not ethnic:
        return hits
    actor: set[int] = set()
    for i, hit in enumerate(ethnic):
        _, limit = bounds.limits(hit.end)
        tail = pats.ethnic.match(text, hit.end, limit)
        if tail:
            hit.end = tail.end()
            actor.add(i)
        if i + 1 < len(ethnic) and pats.pair.fullmatch(text, hit.end, ethnic[i + 1].start):
            actor.update((i, i + 1))
    for i, hit in enumerate(ethnic):
        if i in actor:
            hit.kind = "generic"  # its template was set when it was found
    # an ethnic name alone ("Tuareg leaders met") is not an armed actor
    out = [h for h in hits if h.kind != "ethnic"]
    # an ethnic militia swallows a generic mention its noun overlaps ("Fulani gunmen")
    keep: list[_Hit] = []
    for hit in out:
        if keep and _overlaps(hit.start, hit.end, keep[-1].start, keep[-1].end):
            if keep[-1].via == "ethnic":
                continue
            keep.pop()
        keep.append(hit)
    for hit in keep:
        if hit.via == "ethnic":
            hit.via = "pattern"
    return keep


def _named_groups(hits: list[_Hit], text: str, pats: Patterns, lang: str, anchors: list[tuple[int, int]]
                  ) -> list[_Hit]:
    """Unregistered groups named in the text ("CPC militants", "the Jaabu and Forboru clans");
    they replace generic mentions they cover. A name that is a country, an ethnic group or a
    registered actor is left to those lexicons."""
    if pats.name is None:
        return hits
    registered = [h for h in hits if h.kind in ("registry", "coref_alias")]
    known = _known_names(lang)
    ethnic = _ethnic_by_lower(lang)
    new = []
    for match in _name_matches(text, pats, anchors):
        if any(_overlaps(match.start(), match.end(), h.start, h.end) for h in registered):
            continue
        groups = [k for k, v in match.groupdict().items() if v is not None]
        name = next(k for k in groups if k.startswith("name"))
        other = next((k for k in groups if k.startswith("other")), None)
        if other is None:
            spans = [(name, match.start(), match.end())]
        else:  # "NDC and NPP militias": two groups, the noun goes with the second
            spans = [(name, match.start(), match.end(name)), (other, match.start(other), match.end())]
        for group, start, end in spans:
            words = match.group(group)
            category, _, template = pats.name_categories[group].partition("|")
            if not template:
                new.append(_Hit(start, end, "name", words, category, None, "pattern"))
            elif words.lower() in ethnic:  # "Konkomba and Chekosi militias": a known group keeps its kind
                new.append(_Hit(start, end, "generic", "", category, None, "pattern",
                                template=ethnic_template(pats, *ethnic[words.lower()])))
            elif words.lower() not in known:
                new.append(_Hit(start, end, "generic", "", category, None, "pattern",
                                template=template.replace("{name}", words)))
    if not new:
        return hits
    kept = [h for h in hits if not any(_overlaps(h.start, h.end, n.start, n.end) for n in new)]
    return sorted(kept + new, key=lambda h: h.start)


def _name_matches(text: str, pats: Patterns, anchors: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The 'name' patterns' matches, tried only in windows around their anchor words (found by the
    one automaton pass): a scan of the whole text with the capitalised-name patterns cost a third
    of the stage."""
    if "name" not in pats.anchors:
        return list(pats.name.finditer(text))
    windows: list[list[int]] = []
    before, after = _NAME_REACH
    for anchor_start, anchor_end in sorted(anchors):
        start = text.rfind(" ", 0, max(0, anchor_start - before)) + 1
        end = min(len(text), anchor_end + after)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return [m for start, end in windows for m in pats.name.finditer(text, start, end)]


@lru_cache(maxsize=None)
def _ethnic_by_lower(lang: str) -> dict[str, tuple[str, str]]:
    """Lower-cased ethnic group form -> (group, kind word)."""
    return {form.lower(): value for form, value in ethnic_groups(lang).items()}


@lru_cache(maxsize=None)
def _known_names(lang: str) -> frozenset[str]:
    """Lower-cased names that other lexicons own: countries, demonyms, ethnic groups, registry forms."""
    forms = set(countries(lang)) | set(ethnic_groups(lang))
    for entry in registry():
        forms.update(entry.aliases)
        forms.update(entry.local)
    return frozenset(f.lower() for f in forms)


def _join(hits: list[_Hit], text: str, pats: Patterns) -> list[_Hit]:
    """Merge neighbours that name one actor: "X's self-styled Y", "X (Y)", "X, also known as Y"."""
    out: list[_Hit] = []
    for hit in hits:
        if out:
            prev = out[-1]
            between = text[prev.end:hit.start]
            if len(between) <= 40:
                for regex, mode in pats.joins:
                    if not regex.fullmatch(between):
                        continue
                    if mode == "same" and (prev.actor != hit.actor or prev.template != hit.template):
                        continue
                    if mode == "second":
                        if prev.kind != "generic" or hit.kind not in ("registry", "coref_alias"):
                            continue
                        # "volunteer fighters (VDP)": the words describe, the bracket names
                        start = prev.start
                        out[-1] = prev = replace(hit, start=start)
                    prev.end = hit.end
                    if "(" in between:  # close the bracket the join opened
                        close = re.match(r"\s*\)", text[prev.end:prev.end + 4])
                        if close:
                            prev.end += close.end()
                    if mode == "first" and prev.kind == "registry":
                        prev.via = "pattern"
                    break
                else:
                    out.append(hit)
                continue
        out.append(hit)
    return out


def _extend(hits: list[_Hit], text: str, pats: Patterns, bounds: _Bounds) -> list[_Hit]:
    """Grow mentions over the constructions around them ("troops loyal to X", "X's forces");
    a generic mention they swallow goes, a named one stops them."""
    for hit in hits:
        if hit.kind == "coref":
            continue
        low, high = bounds.limits(hit.start)
        # a construction that ends where the mention starts; searching only this window is what
        # keeps the stage fast (a scan of the whole text for these patterns cost half the stage)
        construction = (pats.before.search(text, low, hit.start)
                        if _has_link(text, low, hit.start, pats.anchors.get("before")) else None)
        start = construction.start() if construction and construction.end() > construction.start() else None
        if start is not None:
            if not any(o is not hit and o.kind != "generic" and _overlaps(start, hit.start, o.start, o.end)
                       for o in hits):
                hit.start = start
                if hit.kind == "registry":
                    hit.via = "pattern"
        _, high = bounds.limits(hit.end)
        after = pats.after.match(text, hit.end, high)
        if after and after.end() > hit.end:
            if not any(o is not hit and o.kind != "generic" and _overlaps(hit.end, after.end(), o.start, o.end)
                       for o in hits):
                hit.end = after.end()
    # drop mentions now inside a grown one (a grown mention wins over what it covers)
    out: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out


def _has_link(text: str, start: int, end: int, words: tuple[str, ...] | None) -> bool:
    """True when a word every 'before' construction needs ("of", "loyal to") is in the window:
    a plain substring test spares most windows the regex search."""
    if not words:
        return True
    window = " " + text[start:end].lower() + " "
    return any(f" {word} " in window for word in words)


_ABBREVIATION = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&/-]{1,11})\s*\)")


def _local_abbreviations(hits: list[_Hit], text: str) -> list[_Hit]:
    """"Angolan Armed Forces (FAC)": later "FAC" refers back to that actor within the article."""
    local: dict[str, _Hit] = {}
    starts = sorted(h.start for h in hits)
    for hit in hits:
        match = _ABBREVIATION.match(text, hit.end)
        if match and any(match.start() <= start < match.end() for start in starts):
            continue  # "Katiba Macina (JNIM)": the bracket names another known actor
        if match and sum(ch.isupper() for ch in match.group(1)) >= 2:
            local.setdefault(match.group(1), hit)
            hit.end = match.end()
    if not local:
        return hits
    finder = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(local, key=len, reverse=True)) + r")\b")
    new = []
    for match in finder.finditer(text):
        source = local[match.group(0)]
        if match.start() < source.end or any(_overlaps(match.start(), match.end(), h.start, h.end) for h in hits):
            continue
        new.append(replace(source, start=match.start(), end=match.end(), kind="coref", via="coref"))
    return sorted(hits + new, key=lambda h: h.start)


def _coreference(hits: list[_Hit], text: str, pats: Patterns, bounds: _Bounds) -> list[_Hit]:
    """Resolve anaphors and refer-back-only forms to the nearest earlier actor.

    Conservative on purpose: an anaphor takes an antecedent from the last three sentences
    only, "the group" only a non-state actor, and a refer-back-only registry form ("AA")
    counts only after its actor was named in full. A resolved anaphor replaces the generic
    mention it covers ("the militants"); a named mention wins over an anaphor.
    """
    named = [h for h in hits if h.kind != "generic"]
    items: list[tuple[int, int, object]] = [(h.start, 1, h) for h in hits]
    for match in pats.coref.finditer(text):
        if any(_overlaps(match.start(), match.end(), h.start, h.end) for h in named):
            continue
        mode = pats.coref_modes.get(match.lastgroup or "", "any")
        items.append((match.start(), 0, (match.start(), match.end(), mode)))
    out: list[_Hit] = []
    for _, _, item in sorted(items, key=lambda x: (x[0], x[1])):
        if isinstance(item, tuple):
            start, end, mode = item
            if out and out[-1].end > start:
                continue
            antecedent = _antecedent(out, start, mode, bounds)
            if antecedent is not None:
                out.append(replace(antecedent, start=start, end=end, kind="coref", via="coref"))
            continue
        hit = item
        if out and out[-1].end > hit.start:
            continue
        if hit.kind == "coref_alias":
            if not any(h.actor == hit.actor and h.kind == "registry" for h in out):
                continue
            hit.kind, hit.via = "coref", "coref"
        out.append(hit)
    return out


def _antecedent(before: list[_Hit], offset: int, mode: str, bounds: _Bounds) -> _Hit | None:
    """The nearest earlier mention an anaphor can refer to."""
    here = bounds.sentence(offset)
    fallback = None
    for hit in reversed(before):
        if here >= 0 and bounds.sentence(hit.start) >= 0 and here - bounds.sentence(hit.start) > _COREF_SENTENCES:
            break
        if hit.category in NON_COMBATANTS:
            continue
        if mode == "nonstate" and hit.category not in NON_STATE:
            continue
        if hit.template is None:
            return hit  # a named actor is the best antecedent
        fallback = fallback or hit
    return fallback if mode == "any" else None


# ---------------------------------------------------------------- the stage

def actors(article: Article) -> Article:
    """Pipeline stage: fill `article.actors`, and `article.country` when it was not given."""
    mentions, country = find_actors(article)
    article.actors = mentions
    if article.country is None:
        article.country = country
    return article


def localise(article: Article, country: str) -> Article:
    """Give generic actors that had no country one, once a later stage knows it (places).

    "Protesters" becomes "Protesters (Kenya)" when the article named no country but its
    places lie in Kenya; named actors and generics with a country of their own stay.
    """
    templates = _bare_templates(article.lang)
    name = country_names(article.lang).get(country)
    if not name:
        return article
    for i, mention in enumerate(article.actors):
        if mention.country is None and mention.via in ("pattern", "coref", "state") and mention.actor in templates:
            article.actors[i] = replace(mention, actor=fill(templates[mention.actor], name), country=country)
    return article


__all__ = ["actors", "find_actors", "localise", "registry", "countries", "country_names", "generic_lexicon",
           "ethnic_groups", "patterns", "matcher", "fill", "article_country", "CATEGORIES"]
