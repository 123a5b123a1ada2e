"""The Libya seed article, read the way ingest reads it, for the tests that measure against it."""
from pathlib import Path

from extractor.article import Article
from extractor.ingest import read_text_file

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_47cb661035da28a3.txt"


def seed_article() -> Article:
    """The Libya seed as ingest reads it (front matter gives its id, date and language)."""
    return read_text_file(SEED)
