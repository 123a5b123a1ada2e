"""The Flask server under the dashboard: request size limit and hardening headers."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.app import MAX_REQUEST_BYTES, create_app
from extractor import schema
from extractor.article import Article
from extractor.store import Store


@pytest.fixture()
def client(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(Article(id="a", text="x", published=dt.date(2021, 6, 19)),
                  schema.from_records([{"event_id": "a:0", "article_id": "a", "date": "2021-06-19",
                                        "date_end": "2021-06-19", "date_precision": "day"}]))
    return create_app(path).server.test_client()


def test_app_page_has_hardening_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_app_oversized_request_is_refused(client):
    response = client.post("/_dash-update-component", data=b"x" * (MAX_REQUEST_BYTES + 1),
                           content_type="application/json")
    assert response.status_code == 413
