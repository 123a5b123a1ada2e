"""Assemble events from the article's mentions, then flatten them into the events table.

An event-bearing sentence is one with an event trigger or a date of its own. Its
date is the time expression nearest the trigger (the one that governs it, not
simply the first); a sentence without one takes the date of the last dated
sentence of its paragraph (`context`), else the publication date (`published`).

Its type is its best trigger's, retyped by what the sentence says and by who is
involved (triggers.py); its status comes from tense and cues; its toll from the
death statements of fatalities.tsv (deaths only, ACLED's conventions). A dated
sentence and the undated ones after it tell one event: its first row takes the
type the stretch names and the toll it states, so that a coder's closing "3
fatalities." or an IED named in the next sentence reaches the event's row.

This is the only module that turns mentions into rows, and it does so through
`schema.from_records`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import schema
from .article import ActorMention, Article, Event, PlaceMention, Sentence, TimeMention, Trigger
from .normalize import FUTURE, clause_tense
from .places import sentence_place
from .errors import ResourceError
from .resources import read_table
from .roles import assign_roles
from .triggers import (PROPERTY, Side, as_attacker, as_victim, combine, find_sides, in_context, is_agent,
                       is_patient, lexicon_path, participants, refine, refine_rules, sides, triggers as find_triggers)
from .wordmatch import WordMatcher, word_matcher


# ---------------------------------------------------------------- lexicons

@lru_cache(maxsize=None)
def cue_patterns(lang: str, name: str) -> dict[str, re.Pattern[str]]:
    """kind -> one compiled alternation of its patterns, from a two-column lexicon
    (data/event_types/<lang>/<name>: status.tsv, embedding.tsv)."""
    cues: dict[str, list[str]] = {}
    for _, (kind, pattern) in read_table(lexicon_path(lang, name), 2):
        cues.setdefault(kind, []).append(pattern)
    return {kind: re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE) for kind, parts in cues.items()}


def status_cues(lang: str) -> dict[str, re.Pattern[str]]:
    """status -> compiled cue pattern, from data/event_types/<lang>/status.tsv."""
    return cue_patterns(lang, "status.tsv")


@lru_cache(maxsize=None)
def count_words(lang: str) -> dict[str, int]:
    """Number words with ACLED's values for vague counts."""
    return {" ".join(w.lower().split()): int(v) for _, (w, v) in read_table(lexicon_path(lang, "numbers.tsv"), 2)}


DEATH_KINDS = ("toll", "split", "none", "count", "one")  # tried in this order where two start at one word
_DIGITS = r"(?<!\d)(?:\d{1,3}(?:,\d{3})+(?!\d)|(?!(?:1[89]|20)\d\d\b)\d+(?!\d)(?![,.]\d))"  # a year is no count
# the number grammar's word lists, per language in fatalities.tsv (what a kind is: see its header)
GRAMMAR_KINDS = ("compound", "separator", "stop", "injury", "plural", "range", "range_start", "single",
                 "single_item", "part")


@dataclass(frozen=True)
class DeathPatterns:
    """fatalities.tsv compiled: one alternation whose group k<i> is line i, and the number grammar."""

    matcher: WordMatcher  # alternative i: the i-th line, lines in the order of DEATH_KINDS
    kinds: tuple[str, ...]  # alternative i -> its kind
    number: re.Pattern[str]  # one count in a matched figure
    anchors: tuple[str, ...]  # word beginnings one of which every death statement holds
    range_word: re.Pattern[str]  # all that stands between the two figures of a range ("five to seven")
    range_start: re.Pattern[str]  # the word opening a range ("between")
    single_item: re.Pattern[str]  # "..., and a civilian": one more victim in a list
    part: re.Pattern[str]  # a count after it is part of the one before ("including", "of whom")


def _trie(phrases: list[list[str]]) -> str:
    """An alternation of phrases (lists of words) as a prefix tree of characters, longest first:
    "t(?:wo|hree|...)" compiles and matches faster than "two|three|..." and says the same."""
    tree: dict = {}
    for words in phrases:
        node = tree
        for char in " ".join(words):
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase may end here

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(re.escape(c) if c != " " else r"\s+") + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body
    return build(tree)


@dataclass(frozen=True)
class _Grammar:
    """The placeholders of fatalities.tsv as regexes, and what reads a number back."""

    number: str  # %N
    counts: str  # %L
    single: str  # %S
    number_token: re.Pattern[str]


def _grammar(lang: str, negative: str, words_of: dict[str, str]) -> _Grammar:
    """%N a number in digits or words (numbers.tsv, "twenty-five"), %L a list of counts with the
    words between, %S a word that is no number and no plural; `negative`: words after a figure
    that make it no count of people; `words_of`: the grammar rows of fatalities.tsv by kind."""
    words = sorted(count_words(lang), key=len, reverse=True)
    word_numbers = _trie([w.split() for w in words])
    compound = words_of["compound"]
    number = rf"(?:{_DIGITS}|\b(?:{compound}|{word_numbers})\b)"
    item = rf"{number}(?!\s+(?:[\w'-]+\s+)?(?:{negative})\b)" if negative else number
    filler = rf"(?:\s+(?!(?:{words_of['stop']})\b)[\w'()/-]+){{0,4}}?"
    injury_ahead = rf"(?!(?:\s+[\w'-]+){{0,3}}\s+(?:{words_of['injury']})\b)"
    counts = (rf"(?:(?:{words_of['range_start']})\s+)?{item}{filler}"
              rf"(?:{words_of['separator']}(?:{item}|{words_of['single']}){filler}{injury_ahead})*")
    single = rf"(?!(?:{word_numbers}|{words_of['plural']})\b)[^\W\d_][\w'-]*(?<![sS])"
    token = re.compile(rf"\b(?:{compound}|{word_numbers})\b|{_DIGITS}", re.IGNORECASE)
    return _Grammar(number, counts, single, token)


@lru_cache(maxsize=None)
def fatality_patterns(lang: str) -> DeathPatterns:
    """The death-count patterns of a language, checked as they load: a known kind, a regex that
    compiles and matches its example, an example holding an anchor word, a number of deaths.

    Lines are tried in the order of DEATH_KINDS where two could start at one word; each is
    compiled once (an alternation of these large patterns would take long to compile).
    """
    path = lexicon_path(lang, "fatalities.tsv")
    rows = read_table(path, 4)
    negative = "|".join(pattern for _, (kind, pattern, _e, _v) in rows if kind == "not")
    anchors = tuple(stem.lower() for _, (kind, stems, _e, _v) in rows if kind == "anchor" for stem in stems.split("|"))
    words_of: dict[str, str] = {}
    for line, (kind, pattern, _example, _value) in rows:
        if kind in GRAMMAR_KINDS:
            if kind in words_of:
                raise ResourceError("E020", path=path, line=line, detail=f"grammar kind '{kind}' is listed twice")
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ResourceError("E020", path=path, line=line, detail=f"bad regex: {exc}") from None
            words_of[kind] = pattern
    missing = [kind for kind in GRAMMAR_KINDS if kind not in words_of]
    if missing:
        raise ResourceError("E020", path=path, line=0, detail=f"grammar lines missing: {missing}")
    grammar = _grammar(lang, negative, words_of)
    lines = []
    for line, (kind, pattern, example, value) in rows:
        if kind in ("not", "anchor", *GRAMMAR_KINDS):
            continue
        if kind not in DEATH_KINDS:
            raise ResourceError("E020", path=path, line=line, detail=f"kind '{kind}' is not one of {DEATH_KINDS}, "
                                f"{GRAMMAR_KINDS}, 'not' or 'anchor'")
        if not _anchors_at(example.lower(), anchors):
            raise ResourceError("E020", path=path, line=line, detail=f"the example '{example}' holds no anchor word")
        if not value.isdigit():
            raise ResourceError("E020", path=path, line=line, detail=f"deaths '{value}' is not a number")
        regex = pattern.replace("%L", grammar.counts).replace("%N", grammar.number).replace("%S", grammar.single)
        lines.append((line, kind, regex, example))
    lines.sort(key=lambda row: DEATH_KINDS.index(row[1]))
    named = []
    for i, (line, _kind, regex, example) in enumerate(lines):
        regex = regex.replace("(?P<n>", f"(?P<n{i}>")  # line i of the matcher reads its figure in group n<i>
        try:
            compiled = re.compile(regex, re.IGNORECASE | re.MULTILINE)  # the matcher finds it in re's cache
        except re.error as exc:
            raise ResourceError("E020", path=path, line=line, detail=f"bad regex: {exc}") from None
        if not compiled.search(example):
            raise ResourceError("E020", path=path, line=line,
                                detail=f"the pattern does not match its example '{example}'")
        named.append(regex)
    matcher = word_matcher(tuple(named), re.IGNORECASE | re.MULTILINE, merge=False,
                           cache=f"fatalities-{path.parent.name}")
    return DeathPatterns(matcher, tuple(kind for _, kind, _, _ in lines), grammar.number_token, anchors,
                         re.compile(rf"\A(?:{words_of['range']})\Z", re.IGNORECASE),
                         re.compile(words_of["range_start"], re.IGNORECASE),
                         re.compile(words_of["single_item"], re.IGNORECASE),
                         re.compile(rf"\b(?:{words_of['part']})\b", re.IGNORECASE))


def _anchors_at(lowered: str, anchors: tuple[str, ...]) -> list[int]:
    """Sorted offsets of the anchors standing at a word beginning of a lower-cased text."""
    found = []
    for stem in anchors:
        at = lowered.find(stem)
        while at != -1:
            if at == 0 or not lowered[at - 1].isalnum():
                found.append(at)
            at = lowered.find(stem, at + 1)
    return sorted(found)



def parse_count(text: str, lang: str = "en") -> int | None:
    """"12", "1,200", "twelve", "twenty-five", "dozens of" -> an integer (ACLED's values for vague words);
    a list ("two soldiers and one militant") is summed, a range ("between five and seven",
    "one or four") gives its lowest figure, a count after "including" is part of the one before."""
    patterns = fatality_patterns(lang)
    numbers = list(patterns.number.finditer(text))
    if not numbers:
        return None
    singles = len(patterns.single_item.findall(text))  # "... and a civilian": one more
    values = [_number_value(m.group(0), lang) for m in numbers]
    if len(numbers) == 2 and (patterns.range_word.match(text[numbers[0].end():numbers[1].start()])
                              or patterns.range_start.fullmatch(text[:numbers[0].start()].strip())):
        return min(v for v in values if v is not None) if any(v is not None for v in values) else None
    total, previous_end = None, 0
    for match, value in zip(numbers, values):
        if value is None or (total is not None and patterns.part.search(text, previous_end, match.start())):
            previous_end = match.end()
            continue
        total = value if total is None else total + value
        previous_end = match.end()
    return total + singles if total is not None else None


def _number_value(token: str, lang: str) -> int | None:
    """One number token: digits, a number word or a compound ("twenty-five")."""
    token = " ".join(token.lower().split())
    digits = token.replace(",", "")
    if digits.isdigit():
        return int(digits)
    words = count_words(lang)
    if token in words:
        return words[token]
    tens, _, unit = token.replace("-", " ").partition(" ")
    if tens in words and unit in words:
        return words[tens] + words[unit]
    return None


@dataclass(frozen=True, slots=True)
class DeathFigure:
    """A statement of deaths in the text: where it is, what kind (fatalities.tsv) and its value."""

    start: int
    end: int
    kind: str
    value: int
    claimed: bool  # reported through a speaker ("JNIM said it killed 16")


def death_figures(text: str, lang: str = "en", spans: list[tuple[int, int]] | None = None) -> list[DeathFigure]:
    """Every death statement of the text, in text order, read only in the spans (sentences; the
    whole text by default) that hold an anchor word: most sentences state no death."""
    patterns = fatality_patterns(lang)
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: no offsets to share
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    anchors = _anchors_at(lowered, patterns.anchors)
    out: list[DeathFigure] = []
    for start, end in spans if spans is not None else [(0, len(text))]:
        first = bisect.bisect_left(anchors, start)
        if first < len(anchors) and anchors[first] < end:
            out.extend(_figures_in(text, lang, start, end))
    return out


def _figures_in(text: str, lang: str, start: int, end: int) -> list[DeathFigure]:
    patterns = fatality_patterns(lang)
    claimed = status_cues(lang).get("claimed")
    out = []
    for line, match in patterns.matcher.finditer(text, start, end):
        kind = patterns.kinds[line]
        number = match.groupdict().get(f"n{line}")
        value = 1 if kind == "one" else 0 if kind == "none" else parse_count(number or "", lang)
        if value is None:
            continue
        said = bool(claimed and claimed.search(text, max(start, match.start() - 80), match.start()))
        out.append(DeathFigure(match.start(), match.end(), kind, value, said))
    return out


def toll(figures: list[DeathFigure]) -> tuple[int | None, list[DeathFigure]]:
    """Deaths stated by a group of figures (a sentence, or the sentences of one event) and the
    figures it rests on.

    A coder's total (toll) wins; otherwise the counts are summed, a single victim counts
    one where no figure counts anyone; figures reported through a speaker count only when
    nothing else does, and then the lowest (ACLED: the lowest reported figure); a note
    that splits its deaths across N events keeps the rounded-up share; "no fatalities"
    is 0 when nothing else is stated.
    """
    tolls = [f for f in figures if f.kind == "toll"]
    if tolls:
        return tolls[0].value, tolls[:1]
    used = _stated(figures, claimed=False) or _stated(figures, claimed=True)
    if used:
        total = sum(f.value for f in used)
        split = next((f for f in figures if f.kind == "split" and f.value > 0), None)
        if split is not None:
            total, used = -(-total // split.value), [*used, split]
        return total, used
    nothing = [f for f in figures if f.kind == "none"]
    return (0, nothing[:1]) if nothing else (None, [])


def _stated(figures: list[DeathFigure], claimed: bool) -> list[DeathFigure]:
    """The figures a toll rests on, among those reported (claimed) or not: the counts, without a
    breakdown that repeats a total stated first ("3 were killed. Police killed 1 and the
    villagers 2"), else one single victim; reported figures give their lowest."""
    counts = [f for f in figures if f.kind == "count" and f.claimed == claimed]
    if claimed and counts:
        return [min(counts, key=lambda f: f.value)]
    if len(counts) >= 3 and counts[0].value == sum(f.value for f in counts[1:]):
        return counts[:1]
    if counts:
        return counts
    return [f for f in figures if f.kind == "one" and f.claimed == claimed][:1]


def fatalities(sentence_text: str, lang: str = "en") -> int | None:
    """Deaths stated in a sentence (injuries never count); None when none is stated."""
    return toll(death_figures(sentence_text, lang))[0]


# ---------------------------------------------------------------- choosing what governs a sentence

def best_trigger(found: list[Trigger]) -> Trigger | None:
    """The most specific trigger of a sentence: highest priority, then the first."""
    return max(found, key=lambda t: (t.priority, -t.start)) if found else None


_FRAME_END = re.compile(r"\s*(?:\([^)]{0,60}\))?\s*[,:\u2013\u2014-]")


def _frames_sentence(text: str, sentence: Sentence, time: TimeMention) -> bool:
    """A time adverbial that opens the sentence ("On 7 June, ...", "Earlier on Saturday, ...")."""
    lead = text[sentence.start:time.start].split()
    return len(lead) <= 3 and bool(_FRAME_END.match(text, time.end))


def embedding_cues(lang: str) -> dict[str, re.Pattern[str]]:
    """kind -> compiled pattern, from data/event_types/<lang>/embedding.tsv."""
    return cue_patterns(lang, "embedding.tsv")


_NOUN_AFTER = re.compile(r" [a-z]")


def _in_aside(text: str, trigger: Trigger, time: TimeMention) -> bool:
    """A date inside parentheses the trigger is not in ("steps down (replaced by Zida on Nov. 1)")."""
    opened = text.rfind("(", max(0, time.start - 120), time.start)
    if opened < 0 or ")" in text[opened:time.start]:
        return False
    closed = text.find(")", time.end, time.end + 120)
    return closed >= 0 and not opened <= trigger.start < closed


def _embedded(text: str, trigger: Trigger, time: TimeMention, lang: str) -> bool:
    """A date the trigger does not head: in a relative clause after it, in an aside, in the
    complement of a noun ("the coup events of September"), or modifying a noun that is not
    the event ("signed a pledge before the December 7 elections")."""
    cues = embedding_cues(lang)
    relative, complement, attribute = cues.get("relative"), cues.get("complement"), cues.get("attribute")
    if relative is not None and time.start >= trigger.end and relative.search(text, trigger.end, time.start):
        return True
    if _in_aside(text, trigger, time):
        return True
    before = text[max(0, time.start - 40):time.start]
    if complement is not None and complement.search(before):
        return True
    names_event = time.end <= trigger.start <= time.end + 30  # "the Aug. 7 blasts": the trigger is that noun
    return (attribute is not None and bool(attribute.search(before)) and not names_event
            and bool(_NOUN_AFTER.match(text, time.end)))


def _only_date(text: str, sentence: Sentence, time: TimeMention) -> bool:
    """A sentence that is nothing but its date ("28 June.", "01 Oct."): a heading, not a report."""
    rest = text[sentence.start:time.start] + text[time.end:sentence.end]
    return not any(ch.isalnum() for ch in rest)


def governing_time(times: list[TimeMention], trigger: Trigger | None, text: str = "",
                   sentence: Sentence | None = None, lang: str = "en") -> TimeMention | None:
    """The dated expression that governs the event.

    A time adverbial that opens the sentence sets the time of its main clause,
    so it wins over dates of embedded clauses ("On 9 May 2020, 55 people were
    arrested ... a blogger, who was arrested on 6 May"); a date the trigger does
    not head (`_embedded`: a relative clause after it, an aside, a noun's
    complement or attribute) dates something else; otherwise the one nearest
    the trigger, else the first.
    """
    dated = [t for t in times if t.is_datable]
    if not dated:
        return None
    if sentence is not None and _frames_sentence(text, sentence, dated[0]):
        return dated[0]
    if trigger is None:
        return dated[0]
    dated = [t for t in dated if not _embedded(text, trigger, t, lang)]
    if not dated:
        return None
    anchor = (trigger.start + trigger.end) / 2
    return min(dated, key=lambda t: abs((t.start + t.end) / 2 - anchor))


def status_of(article: Article, sentence: Sentence, trigger: Trigger | None, time: TimeMention | None) -> str:
    """happened, planned, claimed or denied, from the clause's tense and the cues before the event.

    A cue after the event word speaks of something else ("... assaulted a candidate. He denied
    his involvement"): only the words up to the trigger decide, the whole sentence when there is none.
    """
    cues = status_cues(article.lang)
    before = article.text[sentence.start:trigger.start if trigger else sentence.end]
    if "denied" in cues and cues["denied"].search(before):
        return "denied"
    if time is not None and time.tense is not None:
        tense = time.tense
    elif trigger is not None:
        tense = clause_tense(before, article.text[trigger.end:sentence.end], article.lang)
    else:
        tense = None
    near = before[-_PLANNED_REACH:]
    if tense == FUTURE or ("planned" in cues and trigger is not None and cues["planned"].search(near)):
        return "planned"
    if "claimed" in cues and cues["claimed"].search(before):
        return "claimed"
    return "happened"


_PLANNED_REACH = 40  # characters before the event word in which "plans to", "vowed to" make it planned


def _by_sentence(mentions: list) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence, []).append(mention)
    return grouped


@dataclass(slots=True)
class NoteEvent(Event):
    """An Event that keeps where its death toll was read: a note's total may stand in another
    sentence than the event ("3 fatalities.", "Fatalities coded as 10")."""

    fatality_spans: tuple[tuple[int, int], ...] = ()


# A trigger at or under this priority names violence only generically ("attack", "killed");
# a note whose first event sentence has only such a word takes the specific type a sentence
# continuing it names ("... were killed. An IED hit their vehicle.").
_GENERIC = 55
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|but|while|when|after|before)\b")
_UNDERGONE = 46  # deaths and injuries ("died", "were injured"): their subject underwent them


def _undergone(trigger: Trigger) -> bool:
    """A death or an injury: its subject is who underwent it ("a prisoner died")."""
    return trigger.priority <= _UNDERGONE and trigger.event_type == "Violence against civilians"


def _retyped(lang: str) -> int:
    """The highest priority refine.tsv retypes: up to it, sides are read with care."""
    return max(rule.max_priority for rule in refine_rules(lang))


def _named(article: Article, mention: ActorMention | None) -> ActorMention | None:
    """The mention as the text names it: None for a side the event type implied (roles.py fills
    them by the type this step decides), the original for one relabelled by it."""
    if mention is None or mention.via == "implied":
        return None
    return next((m for m in article.actors if m.start == mention.start and m.end == mention.end
                 and m.sentence == mention.sentence and m.via != "state"), mention)


def _sides_named(article: Article, trigger: Trigger, actor1: ActorMention | None, actor2: ActorMention | None
                 ) -> tuple[ActorMention | None, ActorMention | None]:
    """The roles as the sentence names them: a side the first type implied is no evidence, and
    for a one-sided act the doer stands before the verb, the victim after it (or before it in
    the passive) whatever the actor stage guessed. Clash words have two doers."""
    named1, named2 = _named(article, actor1), _named(article, actor2)
    if trigger.priority > _retyped(article.lang) or (trigger.event_type == "Battles" and trigger.priority > _GENERIC):
        return named1, named2
    if (_undergone(trigger) and named1 is not None and named1.end <= trigger.start
            and not _CLAUSE_BREAK.search(article.text, named1.end, trigger.start)):
        return None, named2 if named2 is not None else named1  # "a prisoner died": the one who underwent it
    if named1 is not None and not is_agent(article.text, trigger, named1, article.lang):
        named1, named2 = None, named2 if named2 is not None else named1  # named after the verb: its object
    if named2 is not None and not is_patient(article.text, trigger, named2, article.lang):
        named2 = None  # the subject of an active verb is no victim
    return named1, named2


def _property_hit(article: Article, sentence: Sentence, trigger: Trigger, named2: ActorMention | None,
                  others: list[Trigger], found: list[Side]) -> bool:
    """True when the act hit a building and no one ("shot at the house of the mayor"): ACLED's
    property destruction. The owner named after the building is no victim; a death or an
    injury in the sentence is."""
    building = next((s for s in found if s.victim == PROPERTY and trigger.end <= s.start < trigger.end + 30), None)
    if building is None or (named2 is not None and named2.start < building.start) or participants(
            article.lang).oblique.search(article.text, trigger.end, building.start):
        return False  # "attacked at his house": a place, not the target
    return not any(t.event_type == "Violence against civilians" and t.priority <= _GENERIC and t is not trigger
                   for t in others)


def _typed(article: Article, sentence: Sentence, trigger: Trigger | None, actor1: ActorMention | None,
           actor2: ActorMention | None, others: list[Trigger]) -> tuple[Trigger | None, ActorMention | None,
                                                                       ActorMention | None]:
    """The trigger retyped by who is involved, and the roles again for the new type (the sides
    it implies: protesters of a protest, civilians of an attack on civilians).

    The type is decided on the sides the sentence names, not on those the first type
    implied; participant words fill a side the actor stage left open, the victim also from
    the sentence's other violence words ("opened fire on a meeting, killing one person").
    """
    if trigger is None:
        return None, actor1, actor2
    named1, named2 = _sides_named(article, trigger, actor1, actor2)
    fallback: tuple[str | None, str | None] = (None, None)
    found = find_sides(article.text, article.lang, sentence.start, sentence.end)  # read once per sentence
    if named1 is None or named2 is None or named1.category == "civilians":
        fallback = sides(article.text, sentence.start, sentence.end, trigger, found, article.lang,
                         _undergone(trigger))
        for other in others:
            if fallback[1] is not None:
                break
            if other is not trigger and other.priority <= _GENERIC:
                fallback = (fallback[0], sides(article.text, sentence.start, sentence.end, other, found,
                                               article.lang)[1])
    mentions = tuple(m for m in article.actors if m.sentence == sentence.index)
    category1 = (as_attacker(article.text, named1, article.lang, mentions, found) if named1 is not None
                 else fallback[0])
    category2 = as_victim(article.text, named2, article.lang, found) if named2 is not None else fallback[1]
    if trigger.priority <= _GENERIC and _property_hit(article, sentence, trigger, named2, others, found):
        category2 = PROPERTY
    typed = refine(trigger, None, None, article.lang, (category1, category2))
    if (typed.event_type, typed.sub_event_type) != (trigger.event_type, trigger.sub_event_type):
        actor1, actor2 = assign_roles(article, sentence.index, typed)
    return typed, actor1, actor2


def _note_blocks(article: Article, own_dates: dict[int, bool]) -> list[list[int]]:
    """Sentence indices grouped into the stretches that tell one event: a sentence with a date of
    its own, or a paragraph's first, opens one; the undated sentences after it continue it."""
    blocks: list[list[int]] = []
    paragraph = None
    for sentence in article.sentences:
        if not blocks or own_dates.get(sentence.index) or sentence.paragraph != paragraph:
            blocks.append([])
        blocks[-1].append(sentence.index)
        paragraph = sentence.paragraph
    return blocks


_WEAK = 40  # "patrol", "deployed", "curfew": a development that the violence told next may be about
_VIOLENCE = ("Battles", "Violence against civilians", "Explosions/Remote violence")  # what a note's act may turn out


def _generic_violence(trigger: Trigger) -> bool:
    """An attack, a killing, a shooting, an injury: violence whose type its sides decide."""
    return trigger.priority <= _GENERIC and trigger.event_type in _VIOLENCE[:2]


def _settle_note(block: list[int], rows: list[NoteEvent], found: dict[int, list[Trigger]],
                 figures: dict[int, list[DeathFigure]], lang: str) -> None:
    """Give the first event row of a stretch the type and the death toll of the whole stretch.

    ACLED notes (and many news paragraphs) open with the dated sentence and tell the event
    over the next ones: its type may be named only later, its toll in a coder's closing
    sentence ("3 fatalities."). The rows of the other sentences keep their own.
    """
    head = rows[0]
    later = [row.trigger for row in rows[1:] if row.trigger is not None]
    if head.trigger is None and later:
        head.trigger = later[0]
    elif head.trigger is not None and head.trigger.priority <= _WEAK and head.trigger.event_type not in _VIOLENCE:
        violent = [t for t in later if t.event_type in _VIOLENCE]  # "operations ... 65 militants were killed"
        if violent:
            head.trigger = violent[0]
    elif head.trigger is not None and _generic_violence(head.trigger):
        specific = [t for t in later if t.priority > _GENERIC and t.event_type in _VIOLENCE]
        if specific:
            head.trigger = max(specific, key=lambda t: t.priority)  # the first of the highest
    if head.trigger is not None:  # what the stretch's other sentences are about: their own best triggers
        head.trigger = combine(head.trigger, [t for index in block for t in found.get(index, [])
                                              if t.sentence == head.sentence.index] + later, lang)
    total, used = toll([f for index in block for f in figures.get(index, [])])
    if total is not None:
        head.fatalities, head.fatality_spans = total, tuple((f.start, f.end) for f in used)


def assemble(article: Article) -> list[Event]:
    """One Event per event-bearing sentence, with its date, actors, type, place, toll and status;
    then each stretch of sentences telling one event gives its first row the type and toll of
    the whole (`_settle_note`)."""
    times, found, actors, places = (_by_sentence(m) for m in
                                    (article.timexes, article.triggers, article.actors, article.places))
    figures = _per_sentence(article, death_figures(article.text, article.lang,
                                                   [(s.start, s.end) for s in article.sentences]))
    events: list[NoteEvent] = []
    row_of: dict[int, NoteEvent] = {}
    own_dates: dict[int, bool] = {}
    context: dict[int, TimeMention] = {}  # paragraph -> last governing date
    for sentence in article.sentences:
        own = in_context(article.text, sentence.start, sentence.end, found.get(sentence.index, []), article.lang)
        found[sentence.index] = own
        trigger = combine(best_trigger(own), own, article.lang)
        time = governing_time(times.get(sentence.index, []), trigger, article.text, sentence, article.lang)
        own_dates[sentence.index] = time is not None
        if time is not None:
            context[sentence.paragraph] = time
            date_source = "sentence"
        elif trigger is None:
            continue  # neither an event nor a date: not event-bearing
        else:
            time = context.get(sentence.paragraph)
            date_source = "context" if time is not None else "published"
        actor1, actor2 = assign_roles(article, sentence.index, trigger)
        trigger, actor1, actor2 = _typed(article, sentence, trigger, actor1, actor2, own)
        stated, used = toll(figures.get(sentence.index, []))
        row = NoteEvent(
            sentence=sentence, time=time, date_source=date_source, trigger=trigger,
            actor1=actor1, actor2=actor2, actors=actors.get(sentence.index, []),
            place=sentence_place(article, sentence.index, trigger),
            fatalities=stated, fatality_spans=tuple((f.start, f.end) for f in used),
            status=status_of(article, sentence, trigger, time if date_source == "sentence" else None),
        )
        events.append(row)
        row_of[sentence.index] = row
    # "28 June." heads what follows: when a later sentence of its paragraph makes a row, it has none
    headings = [row for row in events if row.trigger is None and row.time is not None
                and _only_date(article.text, row.sentence, row.time)]
    for row in headings:
        if any(other.sentence.paragraph == row.sentence.paragraph and other.sentence.index > row.sentence.index
               for other in events):
            events.remove(row)
            del row_of[row.sentence.index]
    for block in _note_blocks(article, own_dates):
        rows = [row_of[index] for index in block if index in row_of]
        if rows:
            _settle_note(block, rows, found, figures, article.lang)
    return events


def _per_sentence(article: Article, spans: list) -> dict[int, list]:
    """Spans (anything with a `.start`, in text order) grouped by the sentence holding their start."""
    grouped: dict[int, list] = {}
    index, sentences = 0, article.sentences
    for span in spans:
        while index < len(sentences) and sentences[index].end <= span.start:
            index += 1
        if index < len(sentences) and sentences[index].start <= span.start:
            grouped.setdefault(index, []).append(span)
    return grouped


def events(article: Article) -> Article:
    """Pipeline stage: find event triggers, then assemble `article.events`."""
    find_triggers(article)
    article.events = assemble(article)
    return article


# ---------------------------------------------------------------- flattening

def _unique_names(mentions: list[ActorMention]) -> str | None:
    names = list(dict.fromkeys(m.actor for m in mentions))
    return "; ".join(names) if names else None


def to_records(article: Article) -> list[dict]:
    """The article's events as rows of the events table."""
    rows = []
    for event in article.events:
        sentence, time, place = event.sentence, event.time, event.place
        if event.date_source == "published":
            date = date_end = article.published
            precision, date_text, mod = "day", None, None
        else:
            date, date_end, precision, mod = time.date, time.date_end, time.precision, time.mod
            # a distance dates the event with its signal: "Two weeks later", not "Two weeks"
            end = max(time.end, time.match_end) if time.type == "DURATION" else time.end
            date_text = article.text[time.start:end].strip() if event.date_source == "sentence" else None
        rows.append({
            "event_id": f"{article.id}:{sentence.index}",
            "article_id": article.id,
            "article_title": article.title,
            "published": article.published,
            "sentence_index": sentence.index,
            "sentence": article.text[sentence.start:sentence.end],
            "char_start": sentence.start,
            "char_end": sentence.end,
            "date": date,
            "date_end": date_end,
            "date_precision": precision,
            "date_text": date_text,
            "date_source": event.date_source,
            "date_mod": mod,
            "actor1": event.actor1.actor if event.actor1 else None,
            "actor2": event.actor2.actor if event.actor2 else None,
            "actor1_text": article.text[event.actor1.start:event.actor1.end] if event.actor1 else None,
            "actor2_text": article.text[event.actor2.start:event.actor2.end] if event.actor2 else None,
            "actor_mentions": _unique_names(event.actors),
            "event_type": event.trigger.event_type if event.trigger else None,
            "sub_event_type": event.trigger.sub_event_type if event.trigger else None,
            "location": place.name if place else None,
            "country": place.country if place else None,
            "admin1": place.admin1 if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "geo_precision": place.geo_precision if place else None,
            "fatalities": event.fatalities,
            "fatalities_text": " … ".join(article.text[start:end] for start, end in
                                          getattr(event, "fatality_spans", ())) or None,
            "status": event.status,
            "lang": article.lang,
        })
    return rows


def to_frame(articles: list[Article]) -> pd.DataFrame:
    """The events table of several articles (the one place rows become a DataFrame)."""
    return schema.from_records([row for article in articles for row in to_records(article)])
