"""Built resources cached under data/cache/: what a fresh build gives, rebuilt when stale or broken."""
import re

import pytest

from extractor import cache
from extractor.triggers import compiled, participants


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "data_path", lambda *parts: tmp_path.joinpath(*parts))
    return tmp_path / "cache"


def test_cache_builds_once_then_loads(cache_dir):
    calls = []

    def build():
        calls.append(1)
        return {"kano": (1, 2)}

    key = cache.digest("source")
    assert cache.cached("thing", key, build) == cache.cached("thing", key, build) == {"kano": (1, 2)}
    assert len(calls) == 1


def test_cache_replaces_stale_and_rebuilds_broken(cache_dir):
    cache.cached("thing", cache.digest("old source"), lambda: 1)
    key = cache.digest("new source")
    assert cache.cached("thing", key, lambda: 2) == 2
    assert [p.name for p in cache_dir.iterdir()] == [f"thing-{key}.pickle"]  # the old one is gone
    (cache_dir / f"thing-{key}.pickle").write_bytes(b"not a pickle")
    assert cache.cached("thing", key, lambda: 3) == 3


def test_cache_digest_keeps_parts_apart():
    assert cache.digest("ab", "c") != cache.digest("a", "bc")
    assert cache.digest(b"ab", "c") == cache.digest("ab", b"c")


@pytest.mark.parametrize("patterns,flags", [
    ([r"(?P<a0>attack(?:ed|s)?)|(?P<a1>kill\w*)\b", r"\d+\s+(?:people|civilians)"], re.IGNORECASE),
    ([r"^(?P<n>\d{1,3}(?:,\d{3})*) fatalities", r"(?<!\w)IED(?=\s)"], re.IGNORECASE | re.MULTILINE),
    ([r"[A-Z\u00C0-\u00DE][\w'’]*(?:-[\w'’]+)*"], 0),
])
def test_cache_regexes_equal_re_compile(cache_dir, patterns, flags):
    for _ in range(2):  # built, then loaded
        assert cache.regexes("regex", patterns, flags) == [re.compile(p, flags) for p in patterns]


def test_cache_regexes_refuse_a_bad_pattern_as_re_does(cache_dir):
    with pytest.raises(re.error):
        cache.regexes("regex", ["(unclosed"])


@pytest.mark.parametrize("matcher", [compiled("en")[0], participants("en").matcher])
def test_cache_lexicon_alternations_equal_re_compile(matcher):
    """The alternations the triggers and participants are matched with (from the cache when it
    is there) are the patterns re.compile makes of the same text."""
    for alternatives in {id(a): a for a in [*matcher.by_key.values(), *matcher.shorter.values()]}.values():
        assert alternatives.merged == re.compile(alternatives.merged.pattern, re.IGNORECASE)


def test_cache_langid_model_scores_as_the_packaged_one(cache_dir):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from extractor import langid

    langs = ("en", "es", "fr")
    packaged = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    packaged.set_languages(list(langs))
    langid._identifier.cache_clear()
    try:
        for _ in range(2):  # built, then loaded
            ours = langid._identifier(langs)
            langid._identifier.cache_clear()
            for text in ("Gunmen attacked a police post on Saturday.", "Des frappes russes ont touché Kharkiv.",
                         "Hace dos semanas, un grupo armado secuestró a doce personas.", "Attack near Ciudad Real"):
                assert ours._decide(text).tobytes() == packaged._decide(text).tobytes()
    finally:
        langid._identifier.cache_clear()
