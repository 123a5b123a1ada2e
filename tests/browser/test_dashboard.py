"""The dashboard in a real headless Chromium: what only a browser shows.

Filtering, figures and export are tested as functions elsewhere; here the page
loads, a filter changes what is shown, a click reads an event, the download
holds what the table shows, and injected HTML stays text. Expected values come
from the same store through `dashboard.queries`, so the tests hold for any
ingest of the seed articles, not one hand-made table.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard import queries
from extractor import schema

from .seed_store import XSS_ID, XSS_PAYLOAD

MARKS = "#timeline .scatterlayer .point, #timeline .barlayer .point"


# -- helpers ---------------------------------------------------------------------------------------

def shown_count(page: Page) -> int:
    """The number in the 'N events' label."""
    return int(re.sub(r"\D", "", page.inner_text("#event-count")))


def expect_count(page: Page, n: int) -> None:
    expect(page.locator("#event-count")).to_have_text(f"{n:,} event{'' if n == 1 else 's'}", timeout=15_000)


def grid_row_ids(page: Page) -> list[str]:
    """Event ids of the grid's rows, top to bottom (AG Grid's row-id is the event_id)."""
    rows = page.locator("#events-table .ag-center-cols-container .ag-row")
    pairs = [(int(r.get_attribute("row-index")), r.get_attribute("row-id")) for r in rows.all()]
    return [row_id for _, row_id in sorted(pairs)]


def choose(page: Page, dropdown_id: str, label: str) -> None:
    """Pick one option of a multi-select dropdown, as a user does, then close it."""
    page.click(f"#{dropdown_id}")
    page.get_by_role("option", name=label, exact=True).click()
    page.keyboard.press("Escape")


def search(page: Page, text: str) -> None:
    page.fill("#filter-text", text)
    page.press("#filter-text", "Enter")


def mark_event_id(page: Page, index: int = 0) -> str:
    """The event id Plotly holds for the index-th mark on the timeline (its customdata)."""
    return page.locator(MARKS).nth(index).evaluate(
        "el => { const trace = el.closest('.trace').__data__[0].trace;"
        " return trace.customdata[el.__data__.i]; }")


def click_mark(page: Page, index: int = 0) -> None:
    """A real mouse click on the centre of a timeline mark (point or bar)."""
    box = page.locator(MARKS).nth(index).bounding_box()
    assert box is not None, "timeline mark has no box"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def narrowing_actor(store: Path) -> tuple[str, list[str]]:
    """An actor whose filter keeps some but not all events, and the ids it keeps."""
    total = len(queries.filtered_events(store, queries.Filters()))
    for actor in queries.store_options(store).actors:
        ids = queries.filtered_events(store, queries.Filters(actors=(actor,)))["event_id"].tolist()
        if 0 < len(ids) < total:
            return actor, ids
    pytest.fail("the seed store has no actor that narrows the events")


# -- tests -----------------------------------------------------------------------------------------

@pytest.mark.browser
def test_dashboard_shows_seed_events(page: Page, seed_store: Path) -> None:
    stored = queries.filtered_events(seed_store, queries.Filters())
    assert len(stored) > 0
    expect_count(page, len(stored))
    assert page.locator(MARKS).count() > 0
    assert page.locator("#timeline .ytick").count() >= 1  # actor lanes are labelled
    rendered = grid_row_ids(page)  # AG Grid renders the rows in view (and a few more), in query order
    assert rendered and rendered == stored["event_id"].tolist()[:len(rendered)]
    assert page.watched.external_requests == [], "the dashboard must not fetch from the internet"
    assert page.watched.page_errors == []


@pytest.mark.browser
def test_dashboard_actor_filter_narrows_count_and_table(page: Page, seed_store: Path) -> None:
    total = shown_count(page)
    actor, expected_ids = narrowing_actor(seed_store)
    choose(page, "filter-actor", actor)
    expect_count(page, len(expected_ids))
    assert len(expected_ids) < total
    expect(page.locator("#events-table .ag-center-cols-container .ag-row")).to_have_count(len(expected_ids))
    assert grid_row_ids(page) == expected_ids


@pytest.mark.browser
def test_dashboard_date_filter_narrows_count(page: Page, seed_store: Path) -> None:
    stored = queries.filtered_events(seed_store, queries.Filters())
    start = max(stored["date"].dropna())  # the latest start keeps few, but at least one, events
    expected = queries.filtered_events(seed_store, queries.Filters(start=start))
    assert 0 < len(expected) < len(stored)
    page.fill("#filter-dates", start.isoformat())
    page.keyboard.press("Enter")
    expect_count(page, len(expected))
    expect(page.locator("#events-table .ag-center-cols-container .ag-row")).to_have_count(len(expected))


@pytest.mark.browser
def test_dashboard_click_shows_sentence(page: Page, seed_store: Path) -> None:
    event_id = mark_event_id(page, 0)
    event = queries.event_by_id(seed_store, event_id)
    assert event is not None
    click_mark(page, 0)
    expect(page.locator("#detail-sentence")).to_have_text(event["sentence"], timeout=10_000)
    expect(page.locator("#detail-title")).to_have_text(event["article_title"])
    detail = page.inner_text("#event-detail")
    assert event["article_id"] in detail and str(event["sentence_index"]) in detail


@pytest.mark.browser
def test_dashboard_export_matches_filtered_table(page: Page, seed_store: Path) -> None:
    actor, expected_ids = narrowing_actor(seed_store)
    choose(page, "filter-actor", actor)
    expect_count(page, len(expected_ids))
    expect(page.locator("#events-table .ag-center-cols-container .ag-row")).to_have_count(len(expected_ids))
    shown = grid_row_ids(page)
    with page.expect_download() as download_info:
        page.click("#export-button")
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == schema.NAMES
    exported = [row[header.index("event_id")] for row in rows]
    assert exported == shown
    assert len(exported) == shown_count(page)


@pytest.mark.browser
def test_dashboard_injected_html_stays_text(page: Page, seed_store: Path) -> None:
    xss_events = queries.filtered_events(seed_store, queries.Filters(text="onerror"))
    assert set(xss_events["article_id"]) == {XSS_ID}, "only the XSS fixture mentions 'onerror'"
    search(page, "onerror")
    expect_count(page, len(xss_events))
    page.wait_for_selector(MARKS)
    event = queries.event_by_id(seed_store, mark_event_id(page, 0))
    click_mark(page, 0)
    expect(page.locator("#detail-title")).to_have_text(event["article_title"], timeout=10_000)
    assert XSS_PAYLOAD in page.inner_text("#event-detail")
    assert XSS_PAYLOAD in page.inner_text("#events-table")
    # The grid's sentence tooltip is one more place text could be parsed as HTML.
    page.locator("#events-table .ag-center-cols-container .ag-row [col-id='sentence']").first.hover()
    page.wait_for_selector(".ag-tooltip", timeout=5_000)
    page.wait_for_timeout(500)  # give a script that slipped through the time to fire
    assert page.watched.dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator("#event-detail script, #events-table script, #timeline script").count() == 0
    assert page.watched.page_errors == []
