"""Reading articles: front matter, corpora, and every kind of bad input rejected with a code."""
import datetime as dt
import json

import pytest
from hypothesis import given, settings, strategies as st

from extractor.ingest import Reject, decode, load, split_front_matter
from extractor.errors import ArticleError

GOOD = "---\ntitle: \"T: a title\"\npublished: 2021-06-19\nlang: en\n---\nGunmen attacked a post on Saturday.\n"


def loaded(paths, published=None):
    return list(load([str(p) for p in paths], published))


def test_ingest_front_matter_and_id_from_stem(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(GOOD, encoding="utf-8")
    (article,) = loaded([path])
    assert (article.id, article.title, article.published, article.lang) == \
        ("story", "T: a title", dt.date(2021, 6, 19), "en")
    assert article.text == "Gunmen attacked a post on Saturday.\n"


def test_ingest_front_matter_id_wins(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(GOOD.replace("lang: en", "lang: en\nid: my-id"), encoding="utf-8")
    assert loaded([path])[0].id == "my-id"


@pytest.mark.parametrize("content,code", [
    (b"", "E001"),
    (b"   \n\n", "E001"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E002"),
    ("Caf\u00e9 attack on Saturday".encode("latin-1"), "E003"),
    (b"No front matter and no date.", "E004"),
    (b"---\npublished: 2021-02-30\n---\nText.", "E005"),
    (b"---\npublished: someday\n---\nText.", "E005"),
    (b"---\npublished 2021-06-19\n---\nText.", "E006"),
    (b"---\npublished: 2021-06-19\nText without a closing line.", "E006"),
    (b"---\npublished: 2021-06-19\n---\n   \n", "E010"),
    (b"---\npublished: 2021-06-19\nlang: xx\n---\nText.", "E014"),
    (b"---\npublished: 2021-06-19\nlang: de\n---\nBewaffnete griffen am Samstag an.", "E014"),
])
def test_ingest_bad_files_are_rejected_with_a_code(tmp_path, content, code):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = loaded([bad, good])
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [r.code for r in rejects] == [code]
    assert "bad.txt" in rejects[0].message
    assert sum(1 for i in items if not isinstance(i, Reject)) == 1  # the batch goes on


def test_ingest_missing_date_taken_from_option(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Gunmen attacked a post.", encoding="utf-8")
    assert loaded([path], dt.date(2020, 1, 2))[0].published == dt.date(2020, 1, 2)


def test_ingest_non_iso_publication_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: 19 June 2021\n---\nText.", encoding="utf-8")
    assert loaded([path])[0].published == dt.date(2021, 6, 19)


@pytest.mark.parametrize("published,lang,expected", [
    ("19 June 2021", "en", dt.date(2021, 6, 19)),
    ("27 février 2022", "fr", dt.date(2022, 2, 27)),
    ("dimanche 27 février 2022", "fr", dt.date(2022, 2, 27)),
    ("1er mars 2022", "fr", dt.date(2022, 3, 1)),
    ("3 de julio de 2021", "es", dt.date(2021, 7, 3)),
    ("sábado, 3 de julio de 2021", "es", dt.date(2021, 7, 3)),
])
def test_ingest_non_iso_publication_date_in_the_article_language(tmp_path, published, lang, expected):
    path = tmp_path / "a.txt"
    path.write_text(f"---\npublished: {published}\nlang: {lang}\n---\nText.", encoding="utf-8")
    assert loaded([path])[0].published == expected


@pytest.mark.parametrize("body,lang", [
    ("Des frappes russes ont touché le centre de Kharkiv lundi soir.", "fr"),
    ("Disidentes de las FARC atacaron una patrulla el pasado sábado.", "es"),
    ("Gunmen attacked a police post on Saturday.", "en"),
])
def test_ingest_language_detected_when_front_matter_has_none(tmp_path, body, lang):
    path = tmp_path / "a.txt"
    path.write_text(f"---\npublished: 2022-03-02\n---\n{body}", encoding="utf-8")
    assert loaded([path])[0].lang == lang


def test_ingest_unknown_extension_and_missing_path(tmp_path):
    other = tmp_path / "a.pdf"
    other.write_bytes(b"%PDF")
    items = loaded([other, tmp_path / "nope.txt"])
    assert [i.code for i in items] == ["E013", "E011"]


def test_ingest_huge_file_is_rejected(tmp_path, monkeypatch):
    from extractor import ingest

    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(GOOD + "x" * 200, encoding="utf-8")
    assert [i.code for i in loaded([path])] == ["E007"]


def test_ingest_corpus_lines_rejected_one_by_one(tmp_path):
    corpus = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Clashes on Monday.", "published": "2021-06-19", "extra": 1}),
        "{not json",
        json.dumps({"id": "b", "published": "2021-06-19"}),
        json.dumps({"id": "c", "text": "No date here."}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "d", "text": "Riots in Tripoli.", "published": "2021-06-20", "title": "Riots"}),
    ]
    corpus.write_text("\n".join(lines), encoding="utf-8")
    items = loaded([corpus])
    assert [(i.id if not isinstance(i, Reject) else i.code) for i in items] == ["a", "E008", "E009", "E004",
                                                                                 "E008", "d"]
    assert ":2" in items[1].path


def test_ingest_folder_recursive_and_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD.replace("Gunmen", "Rebels"), encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    assert [i.id for i in loaded([tmp_path])] == ["a", "b"]


def test_ingest_crlf_and_bom_normalised(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert "\r" not in loaded([path])[0].text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_ingest_any_bytes_give_an_article_or_a_coded_error(raw):
    try:
        text = decode(raw, "x.txt")
        split_front_matter(text, "x.txt")
    except ArticleError as error:
        assert error.code in {"E001", "E002", "E003", "E006"}
