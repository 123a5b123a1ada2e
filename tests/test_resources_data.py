"""Every data file of the actor, place and trigger stages loads, and a malformed line names its file and line."""
import pytest

from extractor import actors, places, roles, triggers
from extractor.errors import ResourceError
from extractor.resources import data_path

DATA_FILES = [
    ("actors", "registry.jsonl"), ("actors", "en", "countries.tsv"), ("actors", "en", "generic.tsv"),
    ("actors", "en", "ethnic_groups.tsv"), ("actors", "en", "patterns.tsv"), ("actors", "en", "roles.tsv"),
    ("actors", "en", "implied.tsv"), ("gazetteer", "SOURCE.txt"), ("gazetteer", "en", "stoplist.txt"),
    ("gazetteer", "en", "cues.tsv"), ("event_types", "en", "triggers.tsv"), ("event_types", "en", "refine.tsv"),
    ("gazetteer", "regions.tsv"), ("event_types", "en", "combine.tsv"), ("event_types", "en", "context.tsv"),
    ("event_types", "en", "participants.tsv"), ("event_types", "en", "fatalities.tsv"),
    ("event_types", "en", "numbers.tsv"),
]

LOADERS = [actors.registry, actors.countries, actors.generic_lexicon, actors.ethnic_groups, actors.patterns,
           actors.matcher, roles.role_words, roles.implied_actors, triggers.rules, triggers.compiled,
           triggers.refine_rules, places.stoplist, places.cues, places.region_table, triggers.participants,
           triggers.context, triggers.combine_rules]


@pytest.mark.parametrize("parts", DATA_FILES, ids=lambda p: "/".join(p))
def test_resources_data_file_opens_with_format_header(parts):
    with open(data_path(*parts), encoding="utf-8") as handle:
        assert handle.readline().startswith("# FORMAT:")


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_resources_data_loads(loader):
    assert loader()


def test_resources_data_shared_registry_forms_differ_in_country():
    """A form two actors share can only be resolved by the article's country."""
    owners: dict[str, set] = {}
    for entry in actors.registry():
        for form in {*entry.aliases, *entry.coref, *([entry.abbreviation] if entry.abbreviation else [])}:
            owners.setdefault(form, set()).add((entry.name, entry.country))
    for form, entries in owners.items():
        if len(entries) > 1:
            countries = [country for _, country in entries]
            assert len(set(countries)) == len(countries), form


HEADER = "# FORMAT: test file\n"
VALID_ACTOR = '{"name": "A", "aliases": ["Alpha"], "abbreviation": null, "category": "rebel group", "country": "LY"}\n'


@pytest.mark.parametrize("module,loader,parts,body,line", [
    (actors, "registry", ("actors", "registry.jsonl"), VALID_ACTOR + '{"name": "B", "aliases": ["Beta"], '
     '"category": "warlords", "country": null}\n', 3),
    (actors, "registry", ("actors", "registry.jsonl"), VALID_ACTOR + '{"name": "B", aliases: []}\n', 3),
    (actors, "registry", ("actors", "registry.jsonl"), VALID_ACTOR + VALID_ACTOR, 3),  # listed twice
    (actors, "registry", ("actors", "registry.jsonl"), '{"name": "B", "aliases": ["B"], "category": '
     '"rebel group", "country": "Libya"}\n', 2),
    (actors, "registry", ("actors", "registry.jsonl"), '{"name": "B", "aliases": ["B"], "category": '
     '"rebel group", "country": null, "colour": "red"}\n', 2),
    (actors, "countries", ("actors", "en", "countries.tsv"), "Libya\tLY\tLibya\tname\nLibya\tLYB\tLibya\tname\n", 3),
    (actors, "countries", ("actors", "en", "countries.tsv"), "Libya\tLY\tLibya\tnickname\n", 2),
    (actors, "generic_lexicon", ("actors", "en", "generic.tsv"), "police\tPolice Forces of {country}\tcops\n", 2),
    (actors, "generic_lexicon", ("actors", "en", "generic.tsv"), "police\tPolice of {place}\tstate forces\n", 2),
    (actors, "generic_lexicon", ("actors", "en", "generic.tsv"), "forces\tMilitary\tstate forces\tsometimes\n", 2),
    (actors, "ethnic_groups", ("actors", "en", "ethnic_groups.tsv"), "Tuareg\tTuareg\nTebu\n", 3),
    (actors, "patterns", ("actors", "en", "patterns.tsv"), "before\t(?:forces\t-\tx\n", 2),
    (actors, "patterns", ("actors", "en", "patterns.tsv"), "before\t(forces) of\t-\tforces of\n", 2),
    (actors, "patterns", ("actors", "en", "patterns.tsv"), "coref\tthe group\tsometimes\tthe group\n", 2),
    (actors, "patterns", ("actors", "en", "patterns.tsv"), "guess\tx\t-\tx\n", 2),
    (actors, "patterns", ("actors", "en", "patterns.tsv"), "name\t[A-Z]+ militants\trebel group\tX militants\n", 2),
    (roles, "role_words", ("actors", "en", "roles.tsv"), "preposition\tof|to\nbogus\tx\n", 3),
    (roles, "implied_actors", ("actors", "en", "implied.tsv"), "Protests\tProtesters\twarriors\t-\n", 2),
    (roles, "implied_actors", ("actors", "en", "implied.tsv"),
     "Protests\tactor1\tProtesters ({country})\tprotesters\t-\tyes\nRiots\tactor3\tRioters\trioters\t-\tyes\n", 3),
    (roles, "implied_actors", ("actors", "en", "implied.tsv"),
     "Protests\tactor1\tProtesters ({country})\tprotesters\t-\tsometimes\n", 2),
    (roles, "implied_actors", ("actors", "en", "implied.tsv"), "Protests\tactor2\t-\tstate forces\t-\tyes\n", 2),
    (roles, "implied_actors", ("actors", "en", "implied.tsv"),
     "Strategic developments > Parades\tactor1\tPolice\tstate forces\t-\tyes\n", 2),
    (actors, "registry", ("actors", "registry.jsonl"), '{"name": "B", "aliases": ["B"], "category": '
     '"rebel group", "country": null, "local": ["rebels"]}\n', 2),  # local forms need a country
    (actors, "generic_lexicon", ("actors", "en", "generic.tsv"),
     "police\tPolice Forces of {country}\tstate forces\nPolice\tPolice Forces of {country}\tstate forces\n", 3),
    (actors, "ethnic_groups", ("actors", "en", "ethnic_groups.tsv"), "Tuareg\tTuareg\nMarehan\tMarehan\tsubclan\n", 3),
    (actors, "patterns", ("actors", "en", "patterns.tsv"), "anchor\tof|to\tcoref\tx\n", 2),
    (actors, "patterns", ("actors", "en", "patterns.tsv"), "anchor\t(?:of|to)\tbefore\tx\n", 2),
    (actors, "patterns", ("actors", "en", "patterns.tsv"), "parent\t^Police\tGovernment\tx\n", 2),
    (actors, "patterns", ("actors", "en", "patterns.tsv"),
     "name\t(?P<name>[A-Z][a-z]+) clans\tidentity militia|Clan Militia\tX clans\n", 2),
    (roles, "implied_actors", ("actors", "en", "implied.tsv"), "Parades\tProtesters\tprotesters\t-\n", 2),
    (triggers, "rules", ("event_types", "en", "triggers.tsv"), "attack\tBattles\tArmed clash\thigh\tan attack\n", 2),
    (triggers, "rules", ("event_types", "en", "triggers.tsv"), "attack\tBattles\tArmed clash\t35\tno match\n", 2),
    (triggers, "rules", ("event_types", "en", "triggers.tsv"), "(attack)\tBattles\tArmed clash\t35\tattack\n", 2),
    (triggers, "rules", ("event_types", "en", "triggers.tsv"), "attack\tBattles\tAmbush\t35\tattack\n", 2),
    (triggers, "rules", ("event_types", "en", "triggers.tsv"), "attack\tBattles\tArmed clash\t35\n", 2),
    (triggers, "rules", ("event_types", "en", "triggers.tsv"), "attack(\tBattles\tArmed clash\t35\tattack\n", 2),
    (triggers, "refine_rules", ("event_types", "en", "refine.tsv"),
     "Battles\tArmed clash\t69\twarlords\t*\tRiots\tMob violence\tx\n", 2),
    (triggers, "refine_rules", ("event_types", "en", "refine.tsv"),
     "Battles\tArmed clash\t69\t*\t*\tRiots\tLooting\tx\n", 2),
    (places, "cues", ("gazetteer", "en", "cues.tsv"), "preposition\tin|at\nnonsense\tin|at\n", 3),
    (places, "region_table", ("gazetteer", "regions.tsv"), "AF\t39\t1\tOruzgan\tUruzgan\nAF\t39\t3\tChora\t\n", 3),
    (places, "region_table", ("gazetteer", "regions.tsv"), "AF\t39\t1\tOruzgan\t\nAFG\t39\t1\tOruzgan\t\n", 3),
    (places, "region_table", ("gazetteer", "regions.tsv"), "AF\t39\t1\n", 2),
])
def test_resources_data_malformed_line_names_file_and_line(tmp_path, monkeypatch, module, loader, parts, body, line):
    path = tmp_path.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    monkeypatch.setattr(module, "data_path", lambda *p: tmp_path.joinpath(*p))
    function = getattr(module, loader)
    function.cache_clear()
    try:
        with pytest.raises(ResourceError) as error:
            function()
    finally:
        function.cache_clear()  # the next test loads the real file again
    assert error.value.code == "E020"
    assert f"{path}:{line}" in str(error.value)


@pytest.mark.parametrize("module,loader,parts", [
    (places, "stoplist", ("gazetteer", "en", "stoplist.txt")),
    (actors, "ethnic_groups", ("actors", "en", "ethnic_groups.tsv")),
])
def test_resources_data_missing_header(tmp_path, monkeypatch, module, loader, parts):
    path = tmp_path.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Sale\tSale\n", encoding="utf-8")
    monkeypatch.setattr(module, "data_path", lambda *p: tmp_path.joinpath(*p))
    function = getattr(module, loader)
    function.cache_clear()
    try:
        with pytest.raises(ResourceError) as error:
            function()
    finally:
        function.cache_clear()
    assert error.value.code == "E021" and str(path) in str(error.value)
