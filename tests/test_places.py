"""Place names resolved to GeoNames entries, by country context, cues and population."""
import datetime as dt

import pytest
from seed import seed_article
from hypothesis import given, settings, strategies as st

from extractor.actors import actors
from extractor.article import Article, PlaceMention, Trigger
from extractor.places import (article_place, event_place, find, find_places, fold, gazetteer, places, region_table,
                              sentence_place)
from extractor.segment import segment


def run(text: str, country: str | None = None) -> Article:
    article = segment(Article(id="t", text=text, published=dt.date(2021, 6, 19), country=country))
    return places(actors(article))


def found(article: Article) -> list[tuple[str, str, str]]:
    return [(article.text[p.start:p.end], p.country, p.feature) for p in article.places]


@pytest.mark.parametrize("text,country,expected", [
    # the country after a comma qualifies the town: it is no place of its own
    ("Clashes erupted in Tripoli, Libya.", None, [("Tripoli", "LY", "city")]),
    ("Al Jazeera's Malik Traina reported in Tripoli.", "LY", [("Tripoli", "LY", "city")]),
    ("Protesters gathered in Tripoli.", "LB", [("Tripoli", "LB", "city")]),  # the article's country decides
    ("The border crossing with Algeria was closed.", "LY", [("Algeria", "DZ", "country")]),
    # a foreign town against the sentence's country needs more than a cue
    ("The army controlled the crossing between southern Essen and Algeria.", "LY", [("Algeria", "DZ", "country")]),
    ("A fair opened in Essen, Germany.", None, [("Essen", "DE", "city")]),
    # a country named in the paragraph makes its towns at home
    ("The conference is in Germany. It will gather envoys in Berlin.", "LY",
     [("Germany", "DE", "country"), ("Berlin", "DE", "city")]),
    ("After Turkey strengthened its support, the campaign failed.", "LY", [("Turkey", "TR", "country")]),
    ("Egypt and the United Arab Emirates backed the offensive.", "LY",
     [("Egypt", "EG", "country"), ("United Arab Emirates", "AE", "country")]),
    ("Troops took the Accra Police headquarters.", "GH", [("Accra", "GH", "city")]),
    # a great city with a cue is itself even in a story about another country
    ("Dozens protested in Kabul against a deal between the US and the Taliban.", "US",
     [("Kabul", "AF", "city"), ("US", "US", "country")]),
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
    place = run("Fighting in Tripoli. Libya is divided.").places
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
    ("Tripoli", "tripoli"), ("Bafoussam ", "bafoussam"), ("Côte d’Ivoire", "cote divoire"),
    ("São  Paulo", "sao paulo"), ("Ra's al-Ain", "ras al ain"), ("Sana'a", "sanaa"),
])
def test_places_fold(name, expected):
    assert fold(name) == expected


# ---------------------------------------------------------------- localities, containers, regions

def located(text: str, country: str | None = None) -> list[tuple[str, str, str, int]]:
    return [(p.name, p.country, p.feature, p.geo_precision) for p in run(text, country).places]


@pytest.mark.parametrize("text,expected", [
    # a locality noun before or after a name the gazetteer lacks makes it a place, located by its container
    ("JNIM militants attacked a base in the village of Gabou (Barsalogho, Sanmatenga).",
     [("Gabou", "BF", "locality", 3)]),  # Sanmatenga: a province (ISO 3166-2 second level) of Burkina Faso
    ("Taliban militants attacked a checkpoint in Gelan district, Ghazni.", [("Gelan", "AF", "locality", 3)]),
    ("Clashes in Dukana, Marsabit County left five dead.", [("Dukana", "KE", "locality", 3)]),
    # located by a town: geo precision 2
    ("Israeli forces shelled a post in Shujaayah neighbourhood of Gaza city.", [("Shujaayah", "PS", "locality", 2)]),
    ("A grenade was thrown in Mogadishu-Yaqshid district (Yaqshid, Banadir).",
     [("Mogadishu-Yaqshid", "SO", "locality", 2)]),
    # ACLED's "(district, region)": the town of the region named, not the country named like the region
    ("A mob killed a man in Minna (Minna, Niger).", [("Minna", "NG", "city", 1)]),
    # a region noun chooses the region of a name that is both
    ("Fighting spread in Ghazni province.", [("Ghazni", "AF", "admin1", 3)]),
    ("Fighting spread in Ghazni.", [("Ghazni", "AF", "city", 1)]),
    ("Fighting spread near Ghazni.", [("Ghazni", "AF", "city", 2)]),  # near the town: precision 2
    # a region named by generic words is a region only as a container or with its noun
    ("Western governments condemned the attack.", []),
    ("Two militias clashed at Saboba village (Saboba, Northern).", [("Saboba", "GH", "locality", 3)]),
    ("Clashes broke out in the Northern Region of Ghana.", [("Northern", "GH", "admin1", 3)]),
    # the towns a hyphenated road joins are near the event
    ("Protesters blocked the Eldoret-Malaba highway in Kenya.",
     [("Eldoret", "KE", "city", 2), ("Malaba", "KE", "city", 2), ("Kenya", "KE", "country", 3)]),
    ("Demonstrators gathered in Baghdad's Tahrir Square.", [("Baghdad", "IQ", "city", 1)]),  # possessive
    ("A bomb exploded in central Nairobi Monday.", [("Nairobi", "KE", "city", 1)]),  # a weekday is no name part
    ("Bissa farmers clashed with Fula herders in Zabre.", [("Zabré", "BF", "city", 1)]),  # no Bissau
    # a spelling variant of a foreign town against its containers: a locality of the containers' country
    ("Gunmen killed a man in Lunda (Cassange, Xa-Muteba, Lunda Norte).", [("Lunda", "AO", "locality", 3)]),
    ("Striking Mombasa county workers took to the streets.", [("Mombasa", "KE", "admin1", 3)]),
])
def test_places_localities_and_containers(text, expected):
    assert located(text) == expected


@pytest.mark.parametrize("text", [
    "Boko Haram Attacks Borno Villages",  # a headline in title case: capitals say nothing
    "Members of the New York Stock Exchange met in Congress.",
    "The Fulani village was quiet.",  # a people, not a place
    "Traffic stopped on the Suhum-Nsawam Highway.",  # a road is no locality
    "On 28 Nov, the council met.",  # a month's abbreviation (Nov, Tajikistan)
    "One person died and two were injured.",  # a number word (Onex, Switzerland)
])
def test_places_no_locality(text):
    assert [p for p in run(text).places if p.feature == "locality"] == []
    assert not any(p.name in ("Nov", "Onex") for p in run(text).places)


def test_places_unlocated_locality_keeps_its_name():
    """With no country known at all, a locality announced by its noun keeps its name, without coordinates."""
    (place,) = run("Protesters gathered in Nassriya city.").places
    assert (place.name, place.country, place.feature) == ("Nassriya", "", "locality")
    assert place.latitude != place.latitude  # NaN


def test_places_find_gives_first_level_regions():
    text = "Clashes broke out in Dukana, Marsabit County. Shelling hit the city of Kandahar on Monday."
    found, country = find(actors(segment(Article(id="t", text=text, published=dt.date(2020, 1, 1)))))
    assert [(f.mention.name, f.admin1) for f in found] == [("Dukana", "Marsabit"), ("Kandahār", "Kandahar")]


def mention(name: str, start: int, feature: str = "city", precision: int = 1, country: str = "KE",
            lat: float = -1.28, lon: float = 36.82) -> PlaceMention:
    return PlaceMention(start=start, end=start + len(name), name=name, country=country, latitude=lat, longitude=lon,
                        feature=feature, geonameid=1, sentence=0, geo_precision=precision)


def test_places_event_place_prefers_the_coded_then_the_precise_place():
    article = run("A mob lynched a man in the village of Sinthiou Reo, coded to Kaedi (Kaedi, Gorgol).")
    assert sentence_place(article, 0, None).name == "Kaédi"
    article = run("A bomb exploded in central Nairobi before the bus left for Kampala, killing three.")
    trigger = Trigger(start=article.text.index("killing"), end=article.text.index("killing") + 7,
                      event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED")
    assert event_place(article, article.places, trigger).name == "Nairobi"  # at home before abroad


@pytest.mark.parametrize("places,expected", [
    ([mention("Garissa", 0), mention("Garissa", 40)], "Garissa"),
    ([mention("Garissa", 0, lat=-0.45, lon=39.65), mention("Dadaab", 40, lat=0.05, lon=40.31)], None),  # 90 km
    ([mention("Kenya", 0, feature="country", precision=3)], None),
    ([], None),
])
def test_places_article_place_only_when_the_text_makes_it_clear(places, expected):
    article = Article(id="t", text="x" * 80, published=dt.date(2020, 1, 1), places=places)
    found = article_place(article)
    assert (found.name if found else None) == expected
    assert found is None or (found.geo_precision, found.sentence) == (3, -1)


def test_places_sentence_without_place_takes_the_article_place():
    article = run("On 4 July 2020, al-Shabaab attacked a police station in Fafi village (Fafi, Garissa). "
                  "Two officers were killed.")
    assert sentence_place(article, 1, None).name == "Fafi"
    assert sentence_place(article, 1, None).geo_precision == 3


def test_places_regions_file_names_regions_of_the_gazetteer():
    regions = region_table()
    assert ("AF", "39", 1) in {(c, code, level) for c, code, level, _, _ in regions}  # Oruzgan
    index = gazetteer()
    assert {p.name for p in index.get("uruzgan") if p.feature == "admin1"} == {"Oruzgan"}  # ISO spelling
    assert {p.country for p in index.get("yatenga") if p.feature == "admin2"} == {"BF"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=300))
def test_places_any_text_gives_mentions_inside_it(text):
    article = places(actors(segment(Article(id="t", text=text, published=dt.date(2021, 1, 1)))))
    for p in article.places:
        assert 0 <= p.start < p.end <= len(text) and p.geo_precision in (1, 2, 3)


# ---------------------------------------------------------------- the seed article (the project's measuring stick)

@pytest.fixture(scope="module")
def seed() -> Article:
    return places(actors(segment(seed_article())))


def test_places_seed_article(seed):
    named = {(p.name, p.country) for p in seed.places}
    assert {("Tripoli", "LY"), ("Algeria", "DZ"), ("Germany", "DE"), ("Berlin", "DE"), ("Libya", "LY"),
            ("Egypt", "EG"), ("United Arab Emirates", "AE"), ("Turkey", "TR")} <= named
    assert not any(p.name == "Essen" or p.country == "LB" for p in seed.places)
