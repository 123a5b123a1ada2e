"""French and Spanish time expressions: spans and values against the publication date, false positives, examples."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from extractor.ingest import supported_langs
from extractor.normalize import clause_tense, resolve_text
from extractor.timex import find, grammar
from test_timex import exhaustive_scan as _exhaustive

PUB = dt.date(2022, 3, 2)  # a Wednesday


def dated(text, lang, published=PUB):
    return [(text[m.start:m.end], m.value, m.precision) for m in resolve_text(text, published, lang)
            if m.type in ("DATE", "TIME")]


@pytest.mark.parametrize("lang", supported_langs())
def test_timex_fr_es_every_rule_example_is_found_by_its_language(lang):
    for rule in grammar(lang).rules:
        assert find(rule.example, lang), f"{lang} rule {rule.name} finds nothing in its own example {rule.example!r}"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_timex_fr_es_every_rule_reads_its_own_example(lang):
    """No earlier rule shadows a later one on the later one's own example."""
    for rule in grammar(lang).rules:
        assert [f.rule for f in find(rule.example, lang)][:1] == [rule.name], rule.name


@pytest.mark.parametrize("lang,text,span,value,precision", [
    # French
    ("fr", "Des frappes ont touché Kharkiv lundi soir.", "lundi soir", "2022-02-28TNI", "day"),
    ("fr", "L'armée a repoussé une attaque mardi.", "mardi", "2022-03-01", "day"),
    ("fr", "Il a été investi le 27 février 2022.", "le 27 février 2022", "2022-02-27", "day"),
    ("fr", "Il a été investi le 27 fevrier 2022.", "le 27 fevrier 2022", "2022-02-27", "day"),
    ("fr", "Les élections ont eu lieu l'an dernier.", "l'an dernier", "2021", "year"),
    ("fr", "Les élections ont eu lieu l’année dernière.", "l’année dernière", "2021", "year"),
    ("fr", "Les pourparlers reprendront la semaine prochaine.", "la semaine prochaine", "2022-W10", "week"),
    ("fr", "La trêve a été signée la semaine dernière.", "la semaine dernière", "2022-W08", "week"),
    ("fr", "Le sommet aura lieu le mois prochain.", "le mois prochain", "2022-04", "month"),
    ("fr", "Il y a deux semaines, des hommes armés ont enlevé vingt élèves.", "Il y a deux semaines", "2022-W07",
     "week"),
    ("fr", "Des manifestants ont été arrêtés hier soir.", "hier soir", "2022-03-01TNI", "day"),
    ("fr", "Ce matin, des tirs ont été entendus.", "Ce matin", "2022-03-02TMO", "day"),
    ("fr", "Les combats ont repris dans la nuit de samedi à dimanche.", "la nuit de samedi à dimanche",
     "2022-02-26TNI", "day"),
    ("fr", "Le président est arrivé le 3 mars dernier.", "le 3 mars dernier", "2021-03-03", "day"),
    ("fr", "La guerre a commencé en 2014.", "2014", "2014", "year"),
    ("fr", "Les combats durent depuis 2011.", "2011", "2011", "year"),
    ("fr", "Le vote aura lieu début juin.", "début juin", "2022-06", "month"),
    ("fr", "Le cessez-le-feu a été rompu fin 2020.", "fin 2020", "2020", "year"),
    ("fr", "Les pourparlers sont prévus à la mi-juin.", "la mi-juin", "2022-06", "month"),
    ("fr", "Il a démissionné à la fin de l'année dernière.", "la fin de l'année dernière", "2021", "year"),
    ("fr", "Les élections se tiendront en avril.", "avril", "2022-04", "month"),
    ("fr", "Ils se sont rencontrés en octobre.", "octobre", "2021-10", "month"),
    ("fr", "Lundi à 14h30, une explosion a secoué la ville.", "Lundi à 14h30", "2022-02-28T14:30", "day"),
    ("fr", "Le couvre-feu commence à 20 heures.", "20 heures", "2022-03-02T20:00", "day"),
    ("fr", "Il a été tué il y a vingt et un ans.", "il y a vingt et un ans", "2001", "year"),
    # Spanish
    ("es", "Disidentes atacaron una patrulla el pasado sábado.", "el pasado sábado", "2022-02-26", "day"),
    ("es", "El ejército ha recuperado la ciudad el 3 de julio.", "el 3 de julio", "2021-07-03", "day"),
    ("es", "Hace dos semanas, un grupo armado secuestró a doce personas.", "Hace dos semanas", "2022-W07", "week"),
    ("es", "Un dron alcanzó una base militar la semana pasada.", "la semana pasada", "2022-W08", "week"),
    ("es", "La policía detuvo ayer a cinco sospechosos.", "ayer", "2022-03-01", "day"),
    ("es", "El año pasado murieron treinta personas.", "El año pasado", "2021", "year"),
    ("es", "La cumbre se celebrará mañana.", "mañana", "2022-03-03", "day"),
    ("es", "Esta mañana hubo disparos.", "Esta mañana", "2022-03-02TMO", "day"),
    ("es", "Anoche hubo disparos en el centro.", "Anoche", "2022-03-01TNI", "day"),
    ("es", "Las elecciones serán el próximo año.", "el próximo año", "2023", "year"),
    ("es", "Las tropas llegaron en abril del año pasado.", "abril del año pasado", "2021-04", "month"),
    ("es", "El alcalde fue asesinado a finales de 2020.", "finales de 2020", "2020", "year"),
    ("es", "El conflicto empezó en 2019.", "2019", "2019", "year"),
    ("es", "Se firmó el 3 de julio de 2021.", "el 3 de julio de 2021", "2021-07-03", "day"),
    ("es", "La ofensiva comenzó el lunes por la noche.", "el lunes por la noche", "2022-02-28TNI", "day"),
    ("es", "Los disparos empezaron a las 10 de la noche.", "las 10 de la noche", "2022-03-02T22:00", "day"),
    ("es", "Los rebeldes se retiraron el sábado 26 de febrero.", "el sábado 26 de febrero", "2022-02-26", "day"),
    ("es", "Fue asesinado hace treinta y dos años.", "hace treinta y dos años", "1990", "year"),
])
def test_timex_fr_es_resolves_against_publication_date(lang, text, span, value, precision):
    assert dated(text, lang) == [(span, value, precision)]


@pytest.mark.parametrize("lang,text,span,value", [
    ("fr", "Les combats ont duré pendant trois jours.", "trois jours", "P3D"),
    ("fr", "Il sort d'une campagne de 14 mois.", "14 mois", "P14M"),
    ("fr", "Le pays est en guerre depuis vingt et un ans.", "vingt et un ans", "P21Y"),
    ("fr", "La ville est assiégée depuis quarante-huit heures.", "quarante-huit heures", "PT48H"),
    ("fr", "Les prix ont doublé ces derniers mois.", "ces derniers mois", "PXM"),
    ("fr", "Les réunions ont lieu tous les vendredis.", "tous les vendredis", "XXXX-WXX-5"),
    ("es", "Los combates duraron durante dos semanas.", "dos semanas", "P2W"),
    ("es", "Tras una ofensiva de 14 meses, la ciudad cayó.", "14 meses", "P14M"),
    ("es", "Hubo diez ataques en las últimas cuarenta y ocho horas.", "las últimas cuarenta y ocho horas", "PT48H"),
    ("es", "La ciudad está sitiada desde hace dos semanas.", "dos semanas", "P2W"),
    ("es", "Las protestas se repiten los sábados.", "los sábados", "XXXX-WXX-6"),
])
def test_timex_fr_es_durations_and_sets_carry_no_date(lang, text, span, value):
    (mention,) = resolve_text(text, PUB, lang)
    assert (text[mention.start:mention.end], mention.value, mention.date) == (span, value, None)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le Premier ministre a démissionné."),
    ("fr", "La sonde s'est posée sur Mars."),
    ("fr", "La mission vers Mars est reportée."),
    ("fr", "Avril Haines a témoigné devant le Congrès."),
    ("fr", "Les Maï-Maï ont attaqué un village."),
    ("fr", "Le cortège marche vers la frontière."),
    ("fr", "On compte sept morts et trois blessés."),
    ("fr", "Ils ont fêté le Nouvel An."),
    ("fr", "Bon an mal an, la récolte suffit."),
    ("fr", "Un garçon de 6 ans a été blessé."),
    ("fr", "Il avait 25 ans."),
    ("fr", "Il a été dernier de la course."),
    ("fr", "Cette année-là, la ville a changé."),
    ("fr", "La veille du scrutin, le calme régnait."),
    ("fr", "Les secours sont mobilisés 24 heures sur 24."),
    ("fr", "Le défilé du Mardi gras a été annulé."),
    ("fr", "Plus de 2000 personnes ont fui."),
    ("es", "Llegaron por la mañana."),
    ("es", "Trabajaron toda la mañana."),
    ("es", "Santo Domingo amaneció en calma."),
    ("es", "Julio Borges denunció el fraude."),
    ("es", "Plácido Domingo cantó en Madrid."),
    ("es", "Las Madres de Plaza de Mayo se reunieron."),
    ("es", "Pensemos en el día de mañana."),
    ("es", "Un niño de 6 años resultó herido."),
    ("es", "Tenía 25 años."),
    ("es", "La víspera de las elecciones hubo calma."),
    ("es", "La procesión de Semana Santa fue suspendida."),
    ("es", "La clínica atiende 24 horas al día."),
    ("es", "Repartieron comida a las 20 familias."),
    ("es", "Más de 2000 personas huyeron."),
])
def test_timex_fr_es_known_false_positives_yield_nothing(lang, text):
    assert [(text[f.start:f.end], f.rule) for f in find(text, lang)] == []


@pytest.mark.parametrize("text,lang", [
    ("It happened on Saturday.", "fr"),
    ("It happened on Saturday.", "es"),
    ("Les frappes ont eu lieu samedi.", "en"),
    ("Los ataques ocurrieron el sábado.", "en"),
])
def test_timex_fr_es_only_the_article_language_rules_run(text, lang):
    assert find(text, lang) == []


@pytest.mark.parametrize("lang,text,values", [
    ("fr", "Le 27 février 2022, la ville est tombée. Le lendemain, les rebelles ont fui.",
     ["2022-02-27", "2022-02-28"]),
    ("fr", "Le 27 février 2022, la ville est tombée. Deux semaines plus tard, la paix a été signée.",
     ["2022-02-27", "2022-W10"]),
    ("es", "El 3 de julio de 2021 cayó la ciudad. Al día siguiente, los rebeldes huyeron.",
     ["2021-07-03", "2021-07-04"]),
    ("es", "El 3 de julio de 2021 cayó la ciudad. Dos semanas después, se firmó la paz.",
     ["2021-07-03", "2021-W28"]),
])
def test_timex_fr_es_anaphoric_follow_the_narrative(lang, text, values):
    assert [m.value for m in resolve_text(text, PUB, lang)] == values


@pytest.mark.parametrize("lang,before,after,tense", [
    ("fr", "Le sommet se tiendra ", "", "future"),
    ("fr", "Le président va se rendre à Kiev ", "", "future"),
    ("fr", "Le scrutin est prévu ", "", "future"),
    ("fr", "Trois soldats ont été tués ", "", "past"),
    ("fr", "Il est arrivé à Kiev ", "", "past"),
    ("fr", "L'armée a bombardé la ville ", "", "past"),
    ("fr", "", ", les rebelles ont attaqué la ville", "past"),
    ("es", "La cumbre se celebrará ", "", "future"),
    ("es", "El presidente va a viajar a Madrid ", "", "future"),
    ("es", "Las elecciones están previstas para ", "", "future"),
    ("es", "Tres soldados han muerto ", "", "past"),
    ("es", "", ", los rebeldes atacaron la ciudad", "past"),
])
def test_timex_fr_es_clause_tense(lang, before, after, tense):
    assert clause_tense(before, after, lang) == tense


WORDS = {
    "fr": ["le", "la", "l'an", "l'été", "l’année", "dernier", "prochaine", "semaine", "lundi", "soir", "27", "février",
           "2022", "en", "depuis", "il", "y", "a", "deux", "vingt", "et", "un", "ans", "début", "fin", "mi-juin",
           "hier", "ce", "matin", "à", "14h30", "nuit", "de", "samedi", "plus", "tard", "lendemain", ",", "."],
    "es": ["el", "la", "pasado", "sábado", "3", "de", "julio", "2021", "hace", "dos", "semanas", "semana", "año",
           "ayer", "mañana", "esta", "por", "noche", "a", "finales", "en", "2019", "las", "10", "próximo", "después",
           "treinta", "y", "anoche", "fin", "al", "día", "siguiente", ",", "."],
}


@pytest.mark.parametrize("lang", ["fr", "es"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_timex_fr_es_anchored_scan_equals_exhaustive_scan(lang, data):
    text = " ".join(data.draw(st.lists(st.sampled_from(WORDS[lang]), max_size=25)))
    assert find(text, lang) == _exhaustive(text, lang)
