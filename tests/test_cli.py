"""`python -m extractor`: formats, exit codes and rejects, run as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extractor import schema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOOD = "---\npublished: 2021-06-20\nid: good-1\n---\nOn Friday, gunmen attacked a police post in Sebha, killing 3 officers.\n"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("command", [[], ["extract"], ["ingest"], ["timex"], ["nonsense"],
                                     ["extract", "seeds", "--published", "yesterday"]])
def test_cli_usage_errors_exit_2(command):
    assert cli(*command).returncode == 2


@pytest.mark.parametrize("command", [["--help"], ["extract", "--help"], ["ingest", "--help"], ["timex", "--help"]])
def test_cli_help_on_every_command(command):
    done = cli(*command)
    assert done.returncode == 0 and "usage" in done.stdout


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_cli_extract_writes_the_schema_in_each_format(tmp_path, suffix):
    out = tmp_path / f"events{suffix}"
    assert cli("extract", str(SEEDS), "-o", str(out)).returncode == 0
    reader = {".csv": pd.read_csv, ".parquet": pd.read_parquet,
              ".jsonl": lambda p: pd.read_json(p, lines=True)}[suffix]
    frame = reader(out)
    assert tuple(frame.columns) == schema.NAMES
    assert len(frame) > 5 and set(frame["article_id"]) == {"seed-libya"}


def test_cli_extract_csv_to_stdout():
    done = cli("extract", str(SEEDS))
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == ",".join(schema.NAMES)


def test_cli_extract_unknown_output_extension_exits_2(tmp_path):
    assert cli("extract", str(SEEDS), "-o", str(tmp_path / "x.xlsx")).returncode == 2


def test_cli_bad_articles_are_reported_and_the_rest_processed(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02PK")
    (tmp_path / "nodate.txt").write_text("Gunmen attacked a post.", encoding="utf-8")
    done = cli("extract", str(tmp_path), "-o", str(tmp_path / "out.csv"))
    assert done.returncode == 1
    for code, name in (("E001", "empty.txt"), ("E002", "binary.md"), ("E004", "nodate.txt")):
        assert any(code in line and name in line for line in done.stderr.splitlines()), (code, done.stderr)
    frame = pd.read_csv(tmp_path / "out.csv")
    assert set(frame["article_id"]) == {"good-1"}


def test_cli_published_option_dates_undated_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Gunmen attacked a post on Saturday.", encoding="utf-8")
    done = cli("extract", str(tmp_path / "a.txt"), "--published", "2021-06-19")
    assert done.returncode == 0 and ",2021-06-19," in done.stdout


def test_cli_jsonl_corpus_ids_become_article_ids(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "x-1", "text": "On 8 May 2020, Taliban militants attacked a checkpoint.", "published": "2020-05-08",
             "source": "ignored"},
            {"id": "x-2", "text": "Protesters marched in Nairobi on Monday.", "published": "2020-05-06"}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    done = cli("extract", str(corpus), "-o", str(tmp_path / "out.csv"))
    assert done.returncode == 0
    frame = pd.read_csv(tmp_path / "out.csv")
    assert set(frame["article_id"]) == {"x-1", "x-2"}
    assert "2020-05-08" in set(frame["date"])


def test_cli_ingest_is_idempotent_and_resumes(tmp_path):
    store = tmp_path / "s.duckdb"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    first = cli("ingest", str(SEEDS), "--store", str(store))
    assert first.returncode == 0 and "stored 1 articles" in first.stderr
    # an interrupted batch is resumed by running it again with more input: nothing twice, nothing lost
    second = cli("ingest", str(SEEDS), str(tmp_path / "in"), "--store", str(store))
    assert second.returncode == 0 and "stored 1 articles" in second.stderr and "1 already stored" in second.stderr
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()[0] == \
        con.execute("SELECT count(DISTINCT event_id) FROM events").fetchone()[0]
    con.close()


def test_cli_ingest_records_rejects_in_the_store(tmp_path):
    store = tmp_path / "s.duckdb"
    (tmp_path / "empty.txt").write_bytes(b"")
    done = cli("ingest", str(tmp_path / "empty.txt"), "--store", str(store))
    assert done.returncode == 1
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    assert con.execute("SELECT code FROM rejects").fetchall() == [("E001",)]
    con.close()


def test_cli_timex_writes_tempeval_jsonl(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"doc": "d1", "dct": "2021-06-19", "text": "It happened on Saturday."}) + "\n"
                    + "{broken\n", encoding="utf-8")
    done = cli("timex", str(docs), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 1 and ":2" in done.stderr
    (line,) = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["timexes"] == [{"start": 15, "end": 23, "text": "Saturday", "type": "DATE",
                                            "value": "2021-06-19"}]


def test_cli_ingest_reextract_replaces_events_of_stored_articles(tmp_path):
    import duckdb

    store = tmp_path / "s.duckdb"
    assert cli("ingest", str(SEEDS), "--store", str(store)).returncode == 0
    con = duckdb.connect(str(store))
    con.execute("DELETE FROM events WHERE sentence_index > 3")  # as if an older extractor had found fewer
    before = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    again = cli("ingest", str(SEEDS), "--store", str(store), "--reextract")
    assert again.returncode == 0 and "stored 1 articles" in again.stderr
    con = duckdb.connect(str(store), read_only=True)
    after, articles = con.execute("SELECT count(*), count(DISTINCT article_id) FROM events").fetchone()
    assert after > before and articles == 1
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    con.close()
