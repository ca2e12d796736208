"""The web page in a real browser (headless Chromium driven by Playwright): what a user sees and clicks."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="Debian's chromium is not installed"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """The service on a free loopback port, in a thread, for the module's tests."""
    import uvicorn

    from storybrief.service import Settings, create_app

    store = tmp_path_factory.mktemp("store") / "stories.sqlite"
    port = _free_port()
    config = uvicorn.Config(create_app(Settings(db=str(store))), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the service did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    p = browser.new_page(viewport={"width": 1360, "height": 900})
    errors: list[str] = []

    def offline(route) -> None:  # only the service is reachable: the page must need nothing from the internet
        if route.request.url.startswith(server):
            route.continue_()
        else:
            errors.append(f"outside request: {route.request.url}")
            route.abort()

    p.route("**/*", offline)
    p.on("pageerror", lambda e: errors.append(str(e)))
    # a missing asset or a fault of the service is a failure; a 400 the page asked for is not
    p.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status == 404 or r.status >= 500 else None)
    p.goto(server)
    yield p
    p.close()
    assert not errors, errors


def test_paste_two_articles_get_brief_and_see_sentence_in_source(page, example_dir):
    texts = [f.read_text(encoding="utf-8") for f in sorted(example_dir.glob("*.txt"))]
    page.fill("#paste", "\n---\n".join(texts))
    page.select_option("#length", "sentences:5")
    page.click("#go")
    page.wait_for_selector("#result:not([hidden])")
    sentences = page.locator("#sentences .sentence")
    assert sentences.count() == 5
    assert page.locator("#brief-title").inner_text().strip()
    assert page.locator("#sources li").count() == 2
    # a sentence both outlets carry shows two source marks
    assert page.locator("#sentences li").filter(has=page.locator(".cite >> nth=1")).count() >= 1

    first = sentences.nth(0)
    first.click()
    mark = page.locator("#source-view mark")
    mark.wait_for()
    assert mark.inner_text().strip() == first.locator(".sentence-text").inner_text().strip()
    assert first.get_attribute("aria-pressed") == "true"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-brief.png"), full_page=True)

    # the page furniture the clean stage removed is shown, faded, with its reason
    sentences.nth(0).focus()
    for i in range(sentences.count()):
        sentences.nth(i).press("Enter")  # keyboard works too
        if page.locator("#source-view .removed").count():
            break
    assert page.locator("#source-view .removed .reason").count() >= 1


def test_markdown_download(page, example_dir):
    texts = [f.read_text(encoding="utf-8") for f in sorted(example_dir.glob("*.txt"))]
    page.fill("#paste", "\n---\n".join(texts))
    page.keyboard.press("Control+Enter")  # from outside the text box nothing happens...
    page.focus("#paste")
    page.keyboard.press("Control+Enter")  # ...from inside it the form is sent
    page.wait_for_selector("#result:not([hidden])")
    with page.expect_download() as info:
        page.click("#dl-md")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert page.locator("#sentences .sentence-text").nth(0).inner_text().rstrip(" …")[:40] in text


def test_uploaded_html_with_script_is_shown_as_text_never_run(page, tmp_path):
    hostile = (
        "<html><head><title>Council report</title><script>window.__pwned = 'head';</script></head><body>"
        "<article><h1>Council report</h1>"
        "<p>The council said on Tuesday that the budget for the new library would rise by ten percent next year, "
        "after a long debate among its members about the cost of the building.</p>"
        "<p>Officials wrote the tag &lt;img src=x onerror=\"window.__pwned='img'\"&gt; into the minutes of the "
        "meeting, and the clerk said it would be removed from the public record.</p>"
        "<script>window.__pwned = 'body';</script>"
        "<p>The mayor said that the library would open in the spring, and that the city had found the money "
        "to pay for it without raising taxes for the people who live there.</p></article></body></html>"
    )
    upload = tmp_path / "hostile.html"
    upload.write_text(hostile, encoding="utf-8")
    page.set_input_files("#file-input", str(upload))
    assert page.locator("#file-list li").count() == 1
    page.select_option("#length", "sentences:10")
    page.click("#go")
    page.wait_for_selector("#result:not([hidden]), .status.error")
    for i in range(page.locator("#sentences .sentence").count()):
        page.locator("#sentences .sentence").nth(i).click()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#result img, #source-view img, #result script").count() == 0
    assert "onerror" in page.locator("#result").inner_text()  # the tag is shown as the text it is


def test_error_is_shown_clearly(page):
    page.click("#go")
    assert "Paste an article" in page.locator("#status").inner_text()
    page.fill("#paste", "Menu\n---\nHome")
    page.click("#go")
    page.wait_for_selector("#status.error")
    shown = page.locator("#status").inner_text()
    assert "no usable article text" in shown
    assert "article-1: " in shown and "article-2: " in shown  # and why, for each article


def test_api_docs_render_offline(page, server):
    page.goto(f"{server}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/summarize" in paths and "/stories/{story_id}" in paths


def test_stories_view_lists_the_store_and_opens_a_brief(page, server, example_dir):
    pytest.importorskip("storybrief.store", reason="the story store (issue 6) is not in this build")
    import httpx

    rows = [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in sorted(example_dir.glob("*.txt"))]
    assert httpx.post(f"{server}/articles", json=rows, timeout=60).status_code == 200
    page.click("#tab-stories")
    story = page.locator("#stories-list .story").first
    story.wait_for()
    assert "2 articles" in story.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-stories.png"))
    story.click()
    page.wait_for_selector("#view-brief:not([hidden]) #result:not([hidden])")
    assert page.locator("#sentences .sentence").count() >= 1
    page.locator("#sentences .sentence").first.click()
    page.locator("#source-view mark").wait_for()
    with page.expect_download() as info:
        page.click("#dl-md")
    assert Path(info.value.path()).read_text(encoding="utf-8").startswith("# ")
