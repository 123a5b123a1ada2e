"""Place names resolved to GeoNames entries, by country context, cues and population."""
import datetime as dt
import re
from pathlib import Path

import pytest

from extractor.actors import actors
from extractor.article import Article
from extractor.places import find_places, fold, places
from extractor.segment import segment


def run(text: str, country: str | None = None) -> Article:
    article = segment(Article(id="t", text=text, published=dt.date(2021, 6, 19), country=country))
    return places(actors(article))


def found(article: Article) -> list[tuple[str, str, str]]:
    return [(article.text[p.start:p.end], p.country, p.feature) for p in article.places]


@pytest.mark.parametrize("text,country,expected", [
    ("Clashes erupted in Tripoli, Libya.", None, [("Tripoli", "LY", "city"), ("Libya", "LY", "country")]),
    ("Al Jazeera's Malik Traina reported in Tripoli.", "LY", [("Tripoli", "LY", "city")]),
    ("Protesters gathered in Tripoli.", "LB", [("Tripoli", "LB", "city")]),  # the article's country decides
    ("The border crossing with Algeria was closed.", "LY", [("Algeria", "DZ", "country")]),
    # a foreign town against the sentence's country needs more than a cue
    ("The army controlled the crossing between southern Essen and Algeria.", "LY", [("Algeria", "DZ", "country")]),
    ("A fair opened in Essen, Germany.", None, [("Essen", "DE", "city"), ("Germany", "DE", "country")]),
    # a country named in the paragraph makes its towns at home
    ("The conference is in Germany. It will gather envoys in Berlin.", "LY",
     [("Germany", "DE", "country"), ("Berlin", "DE", "city")]),
    ("After Turkey strengthened its support, the campaign failed.", "LY", [("Turkey", "TR", "country")]),
    ("Egypt and the United Arab Emirates backed the offensive.", "LY",
     [("Egypt", "EG", "country"), ("United Arab Emirates", "AE", "country")]),
    ("Troops took the Accra Police headquarters.", "GH", [("Accra", "GH", "city")]),
])
def test_places_resolve(text, country, expected):
    assert found(run(text, country)) == expected


@pytest.mark.parametrize("text,country", [
    ("Police said on Friday that March was calm.", None),  # stop list: words, months, weekdays
    ("Rebels massed near the CIV border.", None),  # an acronym is a country or nothing
    ("The Berlin Conference was postponed.", "LY"),  # a name glued to another is a longer name
    ("The Tripoli Revolutionaries Brigade fired first.", "LY"),  # part of an actor's name
    ("Mohammed Ali met Sarah.", None),  # first names
])
def test_places_conservative(text, country):
    assert found(run(text, country)) == []


def test_places_mentions_carry_geonames_fields():
    place = run("Fighting in Tripoli, Libya.").places
    city, nation = place
    assert (city.name, city.geo_precision, city.sentence) == ("Tripoli", 1, 0)
    assert abs(city.latitude - 32.9) < 0.2 and abs(city.longitude - 13.2) < 0.2 and city.geonameid > 0
    assert (nation.feature, nation.geo_precision) == ("country", 3)


def test_places_sets_country_and_localises_generic_actors():
    article = run("Protesters gathered in Kankan to demand jobs.")
    assert article.country == "GN"
    assert [p.name for p in article.places] == ["Kankan"]
    assert article.actors[0].actor == "Protesters (Guinea)"


def test_places_find_is_pure():
    article = actors(segment(Article(id="t", text="Shelling hit Sanaa.", published=dt.date(2020, 1, 1))))
    mentions, country = find_places(article)
    assert article.places == [] and article.country is None
    assert country == "YE" and mentions[0].name == "Sanaa"


@pytest.mark.parametrize("name,expected", [
    ("Tripoli", "tripoli"), ("Bafoussam ", "bafoussam"), ("Côte d’Ivoire", "cote d'ivoire"),
    ("São  Paulo", "sao paulo"),
])
def test_places_fold(name, expected):
    assert fold(name) == expected


# ---------------------------------------------------------------- the seed article (the project's measuring stick)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_47cb661035da28a3.txt"


@pytest.fixture(scope="module")
def seed() -> Article:
    text = re.sub(r"\A---\n.*?\n---\n", "", SEED.read_text(encoding="utf-8"), flags=re.S)
    return places(actors(segment(Article(id="seed-libya", text=text, published=dt.date(2021, 6, 19)))))


def test_places_seed_article(seed):
    named = {(p.name, p.country) for p in seed.places}
    assert {("Tripoli", "LY"), ("Algeria", "DZ"), ("Germany", "DE"), ("Berlin", "DE"), ("Libya", "LY"),
            ("Egypt", "EG"), ("United Arab Emirates", "AE"), ("Turkey", "TR")} <= named
    assert not any(p.name == "Essen" or p.country == "LB" for p in seed.places)
