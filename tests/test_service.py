"""The HTTP API through FastAPI's test client: each endpoint, each error status, the limits."""

from __future__ import annotations

import json
import time
import warnings

import pytest

from storybrief.cli import main
from storybrief.service import Settings, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

FURNITURE = "Home\nWorld\nSign in\nSubscribe now\n"
PROSE = (
    "The council of the small town voted on Tuesday to build a new library next to the old market square. "
    "The mayor said that the building would cost about four million euros and open in the spring."
)


def client(**settings) -> TestClient:
    return TestClient(create_app(Settings(**settings)), raise_server_exceptions=False)


@pytest.fixture
def api() -> TestClient:
    return client()


@pytest.fixture
def example_texts(example_dir) -> list[str]:
    return [f.read_text(encoding="utf-8") for f in sorted(example_dir.glob("*.txt"))]


def assert_error(response, status: int, *words: str) -> dict:
    """The response is a JSON error with this status whose reason says ``words``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    for w in words:
        assert w in body["error"], body["error"]
    return body


# --- what works ---------------------------------------------------------------------------------


def test_health_names_methods_and_limits():
    body = client(max_articles=7).get("/health").json()
    assert body["status"] == "ok"
    assert "default" in body["methods"]
    assert body["limits"]["max_articles"] == 7


def test_summarize_example_gives_the_clis_brief(api, example_dir, example_texts, capsys):
    r = api.post("/summarize", json={"documents": example_texts, "words": 80})
    assert r.status_code == 200
    brief = r.json()
    assert brief["date"] == "2018-01-17"
    assert brief["summary"] == "\n".join(s["text"] for s in brief["sentences"])
    assert sum(len(s["text"].split()) for s in brief["sentences"]) == 80
    assert any(len(s["sources"]) == 2 for s in brief["sentences"])
    assert [a["status"] for a in brief["articles"]] == ["used", "used"]
    # the same brief as the command line's, whatever the article ids
    assert main(["summarize", str(example_dir), "--format", "json", "--words", "80"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert brief["summary"] == cli["summary"]
    assert brief["title"] == cli["title"]


def test_each_sentence_can_be_found_in_its_articles_body(api, example_texts):
    brief = api.post("/summarize", json={"documents": example_texts, "sentences": 6}).json()
    articles = {a["id"]: a for a in brief["articles"]}
    for s in brief["sentences"]:
        body = articles[s["article"]]["body"]
        assert body[s["start"] : s["end"]] == s["text"]
    for a in brief["articles"]:
        assert a["removed"], "the example articles both carry page furniture"
        for piece in a["removed"]:
            assert piece["text"] and piece["reason"] and piece["line"] >= 1
            assert 0 <= piece["at"] <= len(a["body"])
            assert piece["text"] not in a["body"][piece["at"] : piece["at"] + len(piece["text"])]


def test_removed_furniture_is_placed_where_it_stood(api):
    after = "The library will have a cafe and a garden for children and their parents."
    text = f"Menu\n{PROSE}\nSubscribe now for unlimited access\n{after}"
    article = api.post("/summarize", json={"documents": [text], "sentences": 3}).json()["articles"][0]
    by_text = {p["text"]: p["at"] for p in article["removed"]}
    body = article["body"]
    assert by_text["Menu"] == 0
    cut = by_text["Subscribe now for unlimited access"]
    assert body[:cut].rstrip().endswith("open in the spring.")
    assert body[cut:].startswith("The library will have")


def test_sentences_budget_and_method(api, example_texts):
    for method in api.get("/health").json()["methods"]:
        r = api.post("/summarize", json={"documents": example_texts, "sentences": 3, "method": method})
        assert r.status_code == 200, r.text
        assert len(r.json()["sentences"]) == 3
        assert r.json()["method"] == method


def test_byte_budget(api, example_texts):
    r = api.post("/summarize", json={"documents": example_texts, "bytes": 300})
    assert r.status_code == 200, r.text
    assert 0 < len(r.json()["summary"].encode()) <= 300


def test_markdown_text_and_html_formats(api, example_texts):
    md = api.post("/summarize?format=markdown", json={"documents": example_texts, "sentences": 2})
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# ") and "[^1]" in md.text
    html = api.post("/summarize?format=html", json={"documents": example_texts, "sentences": 2})
    assert html.headers["content-type"].startswith("text/html")
    assert '<ul class="brief">' in html.text


def test_uploaded_files_give_the_same_brief_as_json(api, example_dir, example_texts):
    files = [("files", (f.name, f.read_bytes(), "text/plain")) for f in sorted(example_dir.glob("*.txt"))]
    up = api.post("/summarize", files=files, data={"words": "60"})
    assert up.status_code == 200, up.text
    as_json = api.post("/summarize", json={"documents": example_texts, "words": 60}).json()
    assert up.json()["summary"] == as_json["summary"]
    assert [a["id"] for a in up.json()["articles"]] == [f.stem for f in sorted(example_dir.glob("*.txt"))]


def test_pasted_text_and_files_in_one_upload(api, example_dir, example_texts):
    second = sorted(example_dir.glob("*.txt"))[1]
    r = api.post(
        "/summarize",
        data={"text": example_texts[0], "sentences": "3"},
        files=[("files", (second.name, second.read_bytes(), "text/plain"))],
    )
    assert r.status_code == 200, r.text
    assert len(r.json()["articles"]) == 2
    assert any(len(s["sources"]) == 2 for s in r.json()["sentences"])
    assert_error(api.post("/summarize", data={"words": "ten"}, files=[("files", ("a.txt", b"x", "text/plain"))]), 422)


def test_bad_upload_is_rejected_with_reason_and_the_rest_goes_on(api, example_dir):
    files = [("files", (f.name, f.read_bytes(), "text/plain")) for f in sorted(example_dir.glob("*.txt"))]
    files += [
        ("files", ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "text/plain")),
        ("files", ("report.pdf", b"%PDF-1.4 whatever", "application/pdf")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    r = api.post("/summarize", files=files, data={"sentences": "3"})
    assert r.status_code == 200
    status = {a["origin"]: a for a in r.json()["articles"]}
    assert status["photo.txt"]["status"] == "rejected" and "binary" in status["photo.txt"]["reason"]
    assert "unsupported file type" in status["report.pdf"]["reason"]
    assert "empty" in status["empty.txt"]["reason"]
    assert sum(a["status"] == "used" for a in status.values()) == 2


def test_uploaded_html_page_is_read_as_html(api):
    page = f"<html><head><title>Library vote</title></head><body><article><p>{PROSE}</p></article></body></html>"
    r = api.post("/summarize", files=[("files", ("page.html", page.encode(), "text/html"))], data={"sentences": "2"})
    assert r.status_code == 200, r.text
    assert "library" in r.json()["summary"]
    assert "<p>" not in r.json()["summary"]


def test_script_in_input_comes_back_as_escaped_text(api):
    text = PROSE + ' The clerk typed <script>alert("x")</script> into the minutes of the meeting by mistake.'
    r = api.post("/summarize?format=html", json={"documents": [text], "sentences": 3})
    assert r.status_code == 200
    assert "<script>" not in r.text and "&lt;script&gt;" in r.text


# --- the page and the docs work offline -----------------------------------------------------------


def test_page_and_its_assets_are_served_with_a_strict_policy(api):
    page = api.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for asset in ("/static/app.js", "/static/style.css", "/static/favicon.svg"):
        assert api.get(asset).status_code == 200, asset
    for text in (page.text, api.get("/static/app.js").text, api.get("/static/style.css").text):
        assert "https://" not in text and "http://" not in text
    assert "innerHTML" not in api.get("/static/app.js").text


def test_docs_page_needs_nothing_from_the_internet(api):
    docs = api.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text
    js = docs.text.split('src="')[1].split('"')[0]
    assert api.get(js).status_code == 200
    spec = api.get("/openapi.json").json()
    assert {"/summarize", "/articles", "/stories", "/stories/{story_id}", "/health"} <= set(spec["paths"])
    assert "multipart/form-data" in spec["paths"]["/summarize"]["post"]["requestBody"]["content"]


# --- errors: the right status and a reason, never a 500 -------------------------------------------


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b"{not json", 400, ["malformed JSON"]),
        (b"", 400, ["empty body"]),
        (b'["a list"]', 400, ["JSON object"]),
        (b'{"documents": []}', 400, ["no documents"]),
        (b'{"documents": "one text"}', 422, ["documents"]),
        (b'{"documents": [1, 2]}', 422, ["documents"]),
        (b'{"texts": ["a"]}', 422, ["documents"]),
        (b'{"documents": ["a"], "words": 0}', 422, ["words"]),
        (b'{"documents": ["a"], "words": "many"}', 422, ["words"]),
        (b'{"documents": ["a"], "words": 10, "sentences": 2}', 422, ["one of words, sentences or bytes"]),
        (b'{"documents": ["a"], "bytes": 665, "sentences": 2}', 422, ["one of words, sentences or bytes"]),
        (b'{"documents": ["a"], "bytes": 100000000}', 422, ["bytes: at most"]),
        (b'{"documents": ["a"], "method": "magic"}', 422, ["unknown method", "default"]),
        (b'{"documents": ["a"], "colour": "red"}', 422, ["colour"]),
        (b'{"documents": [{"text": "a", "url": {"href": "x"}}]}', 422, ["document 0", "'url' must be a string"]),
        (b'{"documents": ["a", {"text": [1, 2]}]}', 422, ["document 1", "'text'"]),
        (b'{"documents": [{"text": "a", "date": true}]}', 422, ["'date'"]),
        (b'{"documents": [{"id": {"x": 1}, "text": "a"}]}', 422, ["'id'"]),
        (b"\xff\xfe\x00garbage", 400, ["malformed JSON"]),
    ],
)
def test_bad_requests_get_a_clear_json_error(api, body, status, words):
    r = api.post("/summarize", content=body, headers={"content-type": "application/json"})
    assert_error(r, status, *words)


def test_nothing_usable_is_a_400_that_says_why_for_each_article(api):
    r = api.post("/summarize", json={"documents": [FURNITURE, "   ", {"title": "no text"}]})
    body = assert_error(r, 400, "no usable article text")
    assert [a["status"] for a in body["articles"]] == ["rejected"] * 3
    assert all(a["reason"] for a in body["articles"])


def test_text_as_a_list_of_paragraphs_is_read_as_the_library_reads_it(api):
    r = api.post("/summarize", json={"documents": [{"text": PROSE.split(". "), "id": 7}], "sentences": 1})
    assert r.status_code == 200, r.text
    assert r.json()["articles"][0]["id"] == "7"


def test_odd_documents_never_cause_a_500(api):
    odd = [{"text": 5}, {"html": "<html></html>"}, {"html": "<<<>>>"}, {"text": "\x00\x01\x02"}, {"text": "é" * 5000}]
    for doc in odd:
        r = api.post("/summarize", json={"documents": [doc, PROSE]})
        assert r.status_code in (200, 400, 422), (doc, r.text)
        assert "error" in r.json() or r.json()["sentences"]


def test_other_errors_are_json_too(api):
    assert_error(api.post("/summarize", content=b"text", headers={"content-type": "text/plain"}), 415, "text/plain")
    assert_error(api.post("/summarize?format=pdf", json={"documents": [PROSE]}), 422, "format")
    assert_error(api.get("/nowhere"), 404)
    assert_error(api.delete("/summarize"), 405)


# --- limits ---------------------------------------------------------------------------------------


def test_request_too_large_is_413():
    small = client(max_request_bytes=2_000)
    body = json.dumps({"documents": [PROSE * 20]}).encode()
    assert_error(small.post("/summarize", content=body, headers={"content-type": "application/json"}), 413, "2,000")


def test_streamed_body_without_length_is_cut_at_the_limit():
    small = client(max_request_bytes=2_000)

    def chunks():
        for _ in range(10):
            yield b" " * 500  # JSON allows white space: only the size is wrong

    r = small.post("/summarize", content=chunks(), headers={"content-type": "application/json"})
    assert_error(r, 413, "too large")


def test_too_many_articles_is_413_for_json_and_uploads():
    api = client(max_articles=2)
    assert_error(api.post("/summarize", json={"documents": [PROSE] * 3}), 413, "too many articles (3)", "2")
    files = [("files", (f"{i}.txt", PROSE.encode(), "text/plain")) for i in range(3)]
    assert_error(api.post("/summarize", files=files), 413, "too many articles")
    assert api.post("/summarize", json={"documents": [PROSE] * 2}).status_code == 200


def test_article_too_long_is_413_naming_it():
    api = client(max_text_chars=len(PROSE) + 10)
    r = api.post("/summarize", json={"documents": [PROSE, PROSE + PROSE]})
    assert_error(r, 413, "document 1", "too long")
    files = [("files", ("long.txt", (PROSE * 2).encode(), "text/plain"))]
    assert_error(api.post("/summarize", files=files), 413, "too long")


def test_budget_above_the_limit_is_422():
    api = client(max_words=50, max_sentences=4)
    assert_error(api.post("/summarize", json={"documents": [PROSE], "words": 51}), 422, "at most 50")
    assert_error(api.post("/summarize", json={"documents": [PROSE], "sentences": 5}), 422, "at most 4")


def test_slow_summary_times_out_with_503(monkeypatch):
    import storybrief.service.app as app_module

    def slow(*args, **kwargs):
        time.sleep(1.0)

    monkeypatch.setattr(app_module, "summarize_documents", slow)
    started = time.monotonic()
    r = client(timeout=0.2).post("/summarize", json={"documents": [PROSE]})
    assert_error(r, 503, "longer than 0.2 s")
    assert time.monotonic() - started < 0.9


# --- settings and the command -----------------------------------------------------------------------


def test_settings_from_environment_and_options():
    env = {"STORYBRIEF_MAX_ARTICLES": "12", "STORYBRIEF_TIMEOUT": "2.5", "STORYBRIEF_DB": "/tmp/x.sqlite"}
    s = Settings.from_env(env, max_articles=3)
    assert (s.max_articles, s.timeout, s.db) == (3, 2.5, "/tmp/x.sqlite")
    with pytest.raises(ValueError, match="STORYBRIEF_MAX_ARTICLES"):
        Settings.from_env({"STORYBRIEF_MAX_ARTICLES": "lots"})
    with pytest.raises(ValueError, match="positive"):
        Settings.from_env({"STORYBRIEF_TIMEOUT": "-1"})


def test_serve_refuses_bad_settings_with_a_clear_message(monkeypatch, capsys):
    monkeypatch.setenv("STORYBRIEF_MAX_REQUEST_BYTES", "ten")
    assert main(["serve", "--port", "0"]) == 2
    assert "STORYBRIEF_MAX_REQUEST_BYTES" in capsys.readouterr().err


def test_timed_out_work_keeps_its_worker_so_slow_requests_cannot_pile_up():
    import anyio

    from storybrief.service.errors import ApiError
    from storybrief.service.jobs import Jobs

    ran: list[str] = []

    def slow():
        time.sleep(0.6)
        ran.append("slow")

    def fast():
        ran.append("fast")
        return "done"

    async def scenario():
        jobs = Jobs(workers=1, timeout=0.2)
        with pytest.raises(ApiError) as first:
            await jobs.run(slow)
        with pytest.raises(ApiError):
            await jobs.run(fast)  # the one worker is still busy with the abandoned call
        await anyio.sleep(0.5)
        return first.value.status, await jobs.run(fast)

    status, result = anyio.run(scenario)
    assert (status, result) == (503, "done")
    assert ran == ["slow", "fast"]  # the fast call that timed out waiting was never started
