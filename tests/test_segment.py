"""Sentence splitting with offsets."""
import pytest

from extractor.segment import split_sentences


@pytest.mark.parametrize("text,expected", [
    ("One. Two.", ["One.", "Two."]),
    ("Gen. Haftar met U.S. envoys on Jan. 5. He left.", ["Gen. Haftar met U.S. envoys on Jan. 5.", "He left."]),
    ("He said “no.” Then he left!", ["He said “no.”", "Then he left!"]),
    ("Title line\n\nBody one. Body two.", ["Title line", "Body one.", "Body two."]),
    ("Khalifa H. Haftar spoke. Then left.", ["Khalifa H. Haftar spoke.", "Then left."]),
    ("  \n\n  ", []),
    ("no terminal punctuation", ["no terminal punctuation"]),
])
def test_segment_splits_sentences(text, expected):
    assert [text[s:e] for s, e, _ in split_sentences(text)] == expected


def test_segment_paragraph_numbers():
    text = "A one. A two.\n\nB one."
    assert [p for _, _, p in split_sentences(text)] == [0, 0, 1]
