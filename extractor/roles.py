"""Decide who acts (actor1) and who undergoes (actor2) around an event trigger.

Pure functions over the article's mentions: no parser, only the few constructions
that carry roles in news and ACLED notes, read from the words around the trigger
(the closed-class words are data: data/actors/<lang>/roles.tsv):

    X attacked Y                 actor1 X, actor2 Y      (active: the subject of the trigger's clause)
    Y was attacked by X          actor1 X, actor2 Y      (passive: the agent after 'by')
    an attack by X on Y          actor1 X, actor2 Y      (nominal: the agent after 'by')
    X's strike on Y              actor1 X, actor2 Y      (possessive)
    clashes between X and Y      actor1 X, actor2 Y
    X, a commander, stated that  actor1 X                (no trigger: the sentence's subject)
    Y were killed (in clashes with X)  actor2 Y, actor1 X    (the subject underwent the event)
    ... Z claimed responsibility  actor1 Z                (a later sentence of the paragraph names the doer)

Then the event type may imply a side the sentence does not name, as ACLED codes it
(data/actors/<lang>/implied.tsv): protesters of a protest, the unidentified armed group
behind an attack, the civilians who suffered it. A role nothing fills stays None.
Mentions marked via="state" (the state a force belongs to) list actors but take no role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .article import ActorMention, Article, Trigger
from .errors import ResourceError
from .places import CITY, LOCALITY
from .resources import data_path, read_table

WORD_CLASSES = ("preposition", "agent", "target", "between", "clause", "boundary", "passive", "participle",
                "patient_verb", "after_participle", "attribution", "victim_verb", "determiner", "coordinator")
FILL_MODES = ("yes", "no", "nonstate", "rebel", "later")
STATES = frozenset({"state forces", "external/other"})
_ATTRIBUTION_SENTENCES = 2  # how many later sentences of the paragraph may name the doer
_WORD = r"[\w'’-]+"
_FIRST_WORD = re.compile(r"\S+")
DEMONSTRATORS = frozenset({"protesters", "rioters"})
EXPLOSIVE = "Explosions/Remote violence"
ARMED = frozenset({"state forces", "rebel group", "political militia", "identity militia", "external/other"})
_PREVIOUS = re.compile(r"([\w'’-]+|[^\w\s])\s*\Z")


@dataclass(frozen=True)
class RoleWords:
    """The compiled closed-class patterns of one language."""

    prepositions: frozenset[str]
    agent_gap: re.Pattern[str]
    target_gap: re.Pattern[str]
    between_gap: re.Pattern[str]
    and_gap: re.Pattern[str]
    clause: re.Pattern[str]
    boundary: re.Pattern[str]
    possessive_gap: re.Pattern[str]
    patient: re.Pattern[str]
    attribution: re.Pattern[str]
    victim_gap: re.Pattern[str]
    skip_before: re.Pattern[str]  # a word between a preposition and the mention it governs ("of the")
    coordination: re.Pattern[str]  # between two coordinated mentions ("seven police officers and a civilian")


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+") if w[0].isalpha() else re.escape(w) for w in ordered]
    return "(?:" + "|".join(parts) + ")"


def _bounded(words: list[str]) -> str:
    """Words as whole words; punctuation marks as themselves."""
    alpha = [w for w in words if w[0].isalpha()]
    marks = [w for w in words if not w[0].isalpha()]
    parts = []
    if alpha:
        parts.append(r"\b" + _alternation(alpha) + r"\b")
    if marks:
        parts.append(_alternation(marks))
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=None)
def role_words(lang: str = "en") -> RoleWords:
    """Load roles.tsv once and compile its word classes."""
    path = data_path("actors", lang, "roles.tsv")
    if not path.exists():
        path = data_path("actors", "en", "roles.tsv")
    classes: dict[str, list[str]] = {}
    for number, (kind, words) in read_table(path, 2):
        if kind not in WORD_CLASSES:
            raise ResourceError("E020", path=path, line=number, detail=f"word class '{kind}' is not one of "
                                f"{WORD_CLASSES}")
        classes.setdefault(kind, []).extend(w.strip().lower() for w in words.split("|") if w.strip())
    missing = [k for k in WORD_CLASSES if k not in classes]
    if missing:
        raise ResourceError("E020", path=path, line=0, detail=f"word classes missing: {missing}")
    words = rf"(?:{_WORD}\s+)"
    conjunction = r"\b" + _alternation([w for w in classes["coordinator"] if w[0].isalpha()]) + r"\b"
    return RoleWords(
        prepositions=frozenset(classes["preposition"]),
        agent_gap=re.compile(rf"\s*(?:{_WORD}\s+){{0,3}}?{_bounded(classes['agent'])}\s+{words}{{0,2}}\Z",
                             re.IGNORECASE),
        target_gap=re.compile(rf"\s*(?:{_WORD}\s+){{0,3}}?{_bounded(classes['target'])}\s+{words}{{0,3}}\Z",
                              re.IGNORECASE),
        between_gap=re.compile(rf"\s*(?:{_WORD}\s+){{0,3}}?{_bounded(classes['between'])}\s+{words}{{0,2}}\Z",
                               re.IGNORECASE),
        and_gap=re.compile(rf"\s*,?\s*{_bounded(classes['coordinator'])}\s+{words}{{0,2}}\Z", re.IGNORECASE),
        clause=re.compile(_bounded(classes["clause"]), re.IGNORECASE),
        boundary=re.compile(_bounded(classes["boundary"]), re.IGNORECASE),
        possessive_gap=re.compile(rf"['’]s?\s+(?:{_WORD}\s+){{0,2}}\Z"),
        patient=_patient_pattern(classes),
        attribution=re.compile(_bounded(classes["attribution"]), re.IGNORECASE),
        victim_gap=re.compile(rf"{_bounded(classes['victim_verb'])}\s+(?:{_WORD}\s+){{0,3}}\Z", re.IGNORECASE),
        skip_before=re.compile(rf"(?:{_alternation(classes['determiner'])}|\d[\d,]*)\Z", re.IGNORECASE),
        coordination=re.compile(rf"\s*(?:,\s*(?:{conjunction}\s+)?|{conjunction}\s+|&\s*)(?:[\w-]+\s+){{0,2}}\Z"),
    )


def _patient_pattern(classes: dict[str, list[str]]) -> re.Pattern[str]:
    """What follows a mention that underwent the event: an auxiliary of the passive ("were
    reportedly killed"), a verb whose subject undergoes ("died"), or a bare participle with no
    object after it ("3 rebels killed in clash"). An aside in commas may come first."""
    adverbs = r"(?:[a-z]+ly\s+|also\s+|later\s+|then\s+|not\s+|reportedly\s+)*"
    after = _bounded(classes["after_participle"])
    # what may stand between the mention and its verb: a bracket, a coordinated mention ("and a
    # civilian"), a prepositional or participial phrase ("from Harhar camp", "escorting the team"),
    # an aside in commas
    between = (r"\s*(?:\([^()]{0,60}\)\s*)?(?:\s*(?:and|&)\s+(?:[\w'-]+\s+){1,4}?(?=were\b|was\b|died\b))?"
               r"(?:\s+(?:from|of|in|at|near|along|belonging\s+to|[a-z]+ing)\s+[^,;]{0,80}?(?=\s+(?:were|was|died)\b|\s*,))?"
               r"(?:\s*,[^,;]{0,100},)?\s*")
    return re.compile(
        between + r"(?:"
        rf"{_bounded(classes['passive'])}\s+{adverbs}[a-z]+"
        rf"|{adverbs}{_bounded(classes['patient_verb'])}"
        rf"|{adverbs}{_bounded(classes['participle'])}\s*(?:{after}|\Z)"
        r")", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Implied:
    """A side an event type implies (implied.tsv)."""

    role: str  # actor1 or actor2
    template: str
    category: str
    relabels: frozenset[str]
    fill: str  # yes, no, nonstate, rebel, later


@lru_cache(maxsize=None)
def implied_actors(lang: str = "en") -> dict[str, tuple[Implied, ...]]:
    """event type, or "event type > sub-event type", -> the sides it implies, in file order."""
    from .actors import CATEGORIES
    from .schema import taxonomy

    path = data_path("actors", lang, "implied.tsv")
    if not path.exists():
        path = data_path("actors", "en", "implied.tsv")
    out: dict[str, list[Implied]] = {}
    for number, (event_type, role, template, category, relabels, fill) in read_table(path, 6):
        def bad(detail: str) -> ResourceError:
            return ResourceError("E020", path=path, line=number, detail=detail)
        main, _, sub = event_type.partition(" > ")
        if main not in taxonomy() or (sub and sub not in taxonomy()[main]):
            raise bad(f"unknown event type '{event_type}'")
        if role not in ("actor1", "actor2"):
            raise bad(f"role '{role}' is not actor1 or actor2")
        if fill not in FILL_MODES:
            raise bad(f"fill '{fill}' is not one of {FILL_MODES}")
        if (template == "-") != (fill == "later") or (fill == "later" and relabels != "-"):
            raise bad("a side taken from a later sentence (fill 'later') has template '-' and relabels '-', "
                      "and only it")
        labels = frozenset() if relabels == "-" else frozenset(relabels.split("|"))
        unknown = ({category} | labels) - set(CATEGORIES)
        if unknown:
            raise bad(f"unknown categories {sorted(unknown)}")
        out.setdefault(event_type, []).append(Implied(role, template, category, labels, fill))
    return {k: tuple(v) for k, v in out.items()}


def _implied_roles(article: Article, trigger: Trigger, mentions: list[ActorMention],
                   actor1: ActorMention | None, actor2: ActorMention | None, acted: bool
                   ) -> tuple[ActorMention | None, ActorMention | None]:
    """The sides the trigger's event type implies (implied.tsv), around those the sentence gave.

    acted: True when the construction made actor1 the doer ("villagers attacked"), False when
    actor1 is only the first actor named ("a man was shot" gives no doer).
    """
    table = implied_actors(article.lang)
    rules = table.get(f"{trigger.event_type} > {trigger.sub_event_type}", ()) + table.get(trigger.event_type, ())
    if not rules:
        return actor1, actor2
    actor1, actor2, acted = _relabelled(article, rules, mentions, actor1, actor2, acted)
    return _filled(article, trigger, rules, actor1, actor2, acted)


def _relabelled(article: Article, rules: tuple[Implied, ...], mentions: list[ActorMention],
                actor1: ActorMention | None, actor2: ActorMention | None, acted: bool
                ) -> tuple[ActorMention | None, ActorMention | None, bool]:
    """Rename the sides by their part in the event: demonstrators take actor1, workers who
    protest are protesters, villagers who attack are rioters, the thief a mob beats a civilian."""
    for rule in rules:
        if rule.role != "actor1":
            if actor2 is not None and actor2.category in rule.relabels:
                actor2 = _named(article, actor2, rule)
            continue
        if rule.category in DEMONSTRATORS:
            own = next((m for m in mentions if m.category == rule.category), None)
            if own is not None and own is not actor1:
                other = actor1 if actor1 is not None and actor1.actor != own.actor else actor2
                actor1, actor2 = own, (other if other is not own else None)
        if actor1 is not None and actor1.category in rule.relabels and (acted or rule.category in DEMONSTRATORS):
            actor1, acted = _named(article, actor1, rule), True
    return actor1, actor2, acted


def _filled(article: Article, trigger: Trigger, rules: tuple[Implied, ...],
            actor1: ActorMention | None, actor2: ActorMention | None, acted: bool
            ) -> tuple[ActorMention | None, ActorMention | None]:
    """Fill the roles nobody took: the unidentified group behind an attack, its civilian victims,
    the state that rebels fight, the police a later sentence says answered a demonstration."""
    for rule in rules:
        if rule.fill == "no":
            continue
        if rule.role == "actor1":
            if actor1 is not None and acted:
                continue
            # nobody did it by construction: the side named is the one that underwent it
            target = actor1 if actor1 is not None else actor2
            if rule.fill == "rebel" and (target is None or target.category != "rebel group"):
                continue
            if actor1 is not None:
                actor2 = actor1
            actor1, acted = _implied(article, trigger, rule, target if rule.fill == "rebel" else None), True
        elif actor2 is None:
            if rule.fill == "later":
                actor2 = _later_actor(article, trigger.sentence, rule.category, actor1)
            elif rule.fill == "nonstate" and actor1 is not None and actor1.category in STATES:
                continue
            elif rule.fill == "rebel" and (actor1 is None or actor1.category != "rebel group"):
                continue
            else:
                actor2 = _implied(article, trigger, rule, actor1 if rule.fill == "rebel" else None)
    return actor1, actor2


def _later_actor(article: Article, sentence_index: int, category: str, actor1: ActorMention | None
                 ) -> ActorMention | None:
    """An actor of the category that a later sentence of the paragraph names as doing something
    ("Police dispersed the crowd"): the other side of a demonstration is often told next."""
    words = role_words(article.lang)
    here = article.sentences[sentence_index]
    for sentence in article.sentences[sentence_index + 1:sentence_index + 1 + _ATTRIBUTION_SENTENCES]:
        if sentence.paragraph != here.paragraph:
            break
        for mention in _role_mentions(article, sentence.index):
            if mention.category == category and (actor1 is None or mention.actor != actor1.actor) \
                    and not _is_patient(article.text, mention, sentence.end, words) \
                    and not _is_oblique(article.text, mention, sentence.start, words):
                return mention
    return None


_TOWNS = frozenset({CITY, LOCALITY})


def _local_country(article: Article, sentence: int) -> str | None:
    """The article's country, unless no town of the article lies in it and the sentence names a
    town elsewhere: "dozens protested in Kabul" are Afghan protesters even in a note whose only
    country name is the US."""
    towns = [p for p in article.places if p.feature in _TOWNS and p.country]
    if article.country is None or any(p.country == article.country for p in towns):
        return article.country
    return next((p.country for p in towns if p.sentence == sentence), article.country)


def _named(article: Article, mention: ActorMention, rule: Implied) -> ActorMention:
    """A mention renamed to the side its part in the event makes it ("workers" -> "Protesters (Kenya)")."""
    country = mention.country or _local_country(article, mention.sentence)
    return replace(mention, actor=_fill(rule.template, country, article.lang), category=rule.category)


def _implied(article: Article, trigger: Trigger, rule: Implied, opponent: ActorMention | None = None
             ) -> ActorMention:
    """A side the sentence does not name, pointing at the trigger that implies it. The state a
    rebel group fights is the rebels' own ("Aceh rebels" -> the Government of Indonesia)."""
    country = (opponent.country if opponent is not None else None) or _local_country(article, trigger.sentence)
    return ActorMention(start=trigger.start, end=trigger.end, category=rule.category,
                        actor=_fill(rule.template, country, article.lang),
                        sentence=trigger.sentence, country=country, via="implied")


def _fill(template: str, country: str | None, lang: str) -> str:
    from .actors import country_names, fill

    return fill(template, country_names(lang).get(country) if country else None)


# ---------------------------------------------------------------- helpers

def _is_oblique(text: str, mention: ActorMention, floor: int, words: RoleWords) -> bool:
    """True when a preposition governs the mention ("the support of Egypt"): it is no subject."""
    end = mention.start
    for _ in range(4):  # skip determiners, numbers and a few modifiers
        match = _PREVIOUS.search(text, max(floor, end - 40), end)
        if not match:
            return False
        word = match.group(1)
        if words.skip_before.match(word):
            end = match.start()
            continue
        return word.lower() in words.prepositions
    return False


def _reachable(text: str, start: int, mention: ActorMention, words: RoleWords) -> bool:
    """True when nothing ends the trigger's phrase between `start` and the mention."""
    return mention.start <= start or not words.boundary.search(text, start, mention.start)


def _subject(text: str, mentions: list[ActorMention], floor: int, limit: int, words: RoleWords
             ) -> ActorMention | None:
    """The subject-position mention before `limit`: the first one no preposition governs."""
    before = [m for m in mentions if m.start < limit]
    for mention in before:
        if not _is_oblique(text, mention, floor, words):
            return mention
    return None


def _other(candidates: list[ActorMention], actor1: ActorMention | None) -> ActorMention | None:
    """The first candidate that is neither actor1's mention nor actor1's actor."""
    for mention in candidates:
        if actor1 is None or (mention is not actor1 and mention.actor != actor1.actor):
            return mention
    return None


# ---------------------------------------------------------------- roles

def assign_roles(article: Article, sentence_index: int, trigger: Trigger | None
                 ) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) of a sentence's event; None where the sentence does not say.

    Without a trigger, actor1 is the sentence's subject-position actor and actor2 None.
    With one, a doer the sentence leaves out may be named by a later sentence of its
    paragraph ("JNIM claimed responsibility"), and the event type may imply a side
    (data/actors/<lang>/implied.tsv).
    """
    if not 0 <= sentence_index < len(article.sentences):
        return None, None
    mentions = _role_mentions(article, sentence_index)
    actor1, actor2, acted = _constructed_roles(article, sentence_index, trigger, mentions)
    if trigger is not None:
        if not acted:
            doer = _attributed(article, sentence_index, actor1, actor2) or _previous_doer(article, sentence_index)
            if doer is not None:
                if actor1 is not None and actor2 is None and actor1.actor != doer.actor:
                    actor2 = actor1
                actor1, acted = doer, True
        actor1, actor2 = _implied_roles(article, trigger, mentions, actor1, actor2, acted)
    return actor1, actor2


def _role_mentions(article: Article, sentence_index: int) -> list[ActorMention]:
    """The mentions of a sentence that can take a role, in text order."""
    return sorted((m for m in article.actors if m.sentence == sentence_index and m.via != "state"),
                  key=lambda m: m.start)


def _attributed(article: Article, sentence_index: int, actor1: ActorMention | None,
                actor2: ActorMention | None) -> ActorMention | None:
    """The doer a later sentence of the paragraph names ("Al Shabaab claimed responsibility",
    "JNIM militants were suspected"): an armed actor of a sentence with an attribution cue."""
    words = role_words(article.lang)
    here = article.sentences[sentence_index]
    taken = {m.actor for m in (actor1, actor2) if m is not None and m.category in ARMED}
    last = min(len(article.sentences), sentence_index + 1 + _ATTRIBUTION_SENTENCES)
    for sentence in article.sentences[sentence_index + 1:last]:
        if sentence.paragraph != here.paragraph:
            break
        if not words.attribution.search(article.text, sentence.start, sentence.end):
            continue
        for mention in _role_mentions(article, sentence.index):
            if mention.category in ARMED and mention.actor not in taken and mention.via != "implied":
                return mention
    return None


def _previous_doer(article: Article, sentence_index: int) -> ActorMention | None:
    """The armed actor a sentence continues from ("Gunmen stormed the village. Three people were
    killed."): the subject-position armed actor of an earlier sentence of the paragraph."""
    words = role_words(article.lang)
    here = article.sentences[sentence_index]
    for sentence in reversed(article.sentences[max(0, sentence_index - _ATTRIBUTION_SENTENCES):sentence_index]):
        if sentence.paragraph != here.paragraph:
            break
        armed = [m for m in _role_mentions(article, sentence.index) if m.category in ARMED]
        if armed:
            subject = _subject(article.text, armed, sentence.start, sentence.end, words)
            if subject is not None and not _is_patient(article.text, subject, sentence.end, words):
                return subject
    return None


def _is_patient(text: str, mention: ActorMention, limit: int, words: RoleWords,
                trigger: Trigger | None = None) -> bool:
    """True when the words after the mention make it the one who underwent the event
    ("two soldiers were killed", "a man died", "3 rebels killed in clash"), or when an explosive
    trigger is what it ran into ("an army vehicle struck an IED", "was hit by a land mine")."""
    if words.patient.match(text, mention.end, limit) is not None:
        return True
    return (trigger is not None and trigger.event_type == EXPLOSIVE and mention.end <= trigger.start
            and words.victim_gap.search(text, mention.end, trigger.start) is not None)


def _constructed_roles(article: Article, sentence_index: int, trigger: Trigger | None,
                       mentions: list[ActorMention]
                       ) -> tuple[ActorMention | None, ActorMention | None, bool]:
    """The roles the sentence's construction gives (see the module docstring), and whether
    actor1 is the doer by construction (False when it is only the first actor named)."""
    sentence = article.sentences[sentence_index]
    if not mentions:
        return None, None, False
    text, words = article.text, role_words(article.lang)
    if trigger is None:
        return _subject(text, mentions, sentence.start, sentence.end, words) or mentions[0], None, True

    # a mention that opens the trigger ("protesters clashed") is its subject; one inside it, its object
    before = [m for m in mentions if m.start <= trigger.start]
    after = [m for m in mentions if m.start > trigger.start]
    # a trigger with a gap may hold a mention ("attack by Taliban militants on a check point"):
    # the constructions are read from its head, the words before the first mention inside it
    reach = trigger.end
    if any(m.start < trigger.end for m in after):
        reach = _FIRST_WORD.match(text, trigger.start).end()

    # clashes between X and Y
    if len(after) >= 2 and after[0].start >= reach and words.between_gap.match(text, reach, after[0].start) \
            and words.and_gap.match(text, after[0].end, after[1].start):
        return after[0], after[1], True

    # Y was attacked by X / an attack by X (on Y)
    agent = next((m for m in after if m.start >= reach and words.agent_gap.match(text, reach, m.start)), None)
    if agent is not None:
        target = next((m for m in after if m.start >= agent.end and m is not agent
                       and words.target_gap.match(text, agent.end, m.start)), None)
        if target is None:
            subject = _clause_subject(text, before, sentence.start, trigger, words)
            target = subject
        return agent, (target if target is not None and target.actor != agent.actor else None), True

    # X's strike on Y
    owner = next((m for m in reversed(before) if m.end <= trigger.start
                  and words.possessive_gap.match(text, m.end, trigger.start)), None)
    objects = [m for m in after if _reachable(text, reach, m, words)]
    if owner is not None:
        target = next((m for m in after if m.start >= reach and words.target_gap.match(text, reach, m.start)),
                      None)
        return owner, _other([target] if target else objects, owner), True

    # X attacked Y
    actor1 = _clause_subject(text, before, sentence.start, trigger, words)
    if actor1 is None:
        # nothing before the trigger: "the convoy ... was composed of Tuareg fighters"
        if not after:
            return None, None, False
        return after[0], _other(objects[1:] if objects and objects[0] is after[0] else objects, after[0]), False
    if _is_patient(text, actor1, sentence.end, words, trigger):
        # Y were killed (in clashes with X): the subject underwent it; an armed actor after the
        # trigger is the other side, else the doer is left to attribution or the event type
        target = _first_coordinated(text, before, actor1, words)
        doer = next((m for m in objects if m.category in ARMED and m.actor != target.actor), None)
        return doer, target, doer is not None
    target = _other(objects, actor1)
    if target is None:
        # "9 militants were killed when the army repulsed their attack": the main clause's subject
        # underwent what the subordinate clause tells
        target = next((m for m in before if m.end <= actor1.start and m.actor != actor1.actor
                       and _is_patient(text, m, sentence.end, words)), None)
    return actor1, target, True


def _first_coordinated(text: str, before: list[ActorMention], mention: ActorMention, words: RoleWords
                       ) -> ActorMention:
    """The first of mentions joined by "and" or commas ("seven police officers and a civilian")."""
    index = before.index(mention) if mention in before else -1
    while index > 0 and words.coordination.match(text, before[index - 1].end, before[index].start) is not None:
        index -= 1
    return before[index] if index >= 0 else mention


def _clause_subject(text: str, before: list[ActorMention], floor: int, trigger: Trigger, words: RoleWords
                    ) -> ActorMention | None:
    """The subject of the trigger: the nearest free mention of its own clause, else the
    sentence's subject ("X, a commander, stated that they took ..."), else the nearest mention."""
    if not before:
        return None
    clause_start = floor
    for match in words.clause.finditer(text, floor, trigger.start):
        clause_start = match.end()
    in_clause = [m for m in before if m.start >= clause_start]
    for mention in reversed(in_clause):
        if not _is_oblique(text, mention, floor, words):
            return mention
    subject = _subject(text, before, floor, trigger.start + 1, words)
    return subject if subject is not None else before[-1]


__all__ = ["assign_roles", "role_words", "implied_actors", "RoleWords", "Implied", "ARMED"]
