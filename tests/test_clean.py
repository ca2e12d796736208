"""The clean stage on small pages written here: furniture of each family out, article text in, metadata."""

from __future__ import annotations

import json

import pytest

from storybrief.clean import clean, find_date
from storybrief.clean import furniture as fu
from storybrief.clean.headline import tidy_title
from storybrief.cli import main
from storybrief.model import Article

PARAGRAPHS = [
    "LISBON, Portugal -- The city council voted on Tuesday to turn the old tram depot into a public library, "
    "ending a debate that had divided the neighbourhood for more than three years.",
    "The plan, which will cost about 12 million euros, was backed by a large majority of the council after "
    "residents collected thousands of signatures in favour of keeping the building open to the public.",
    "Supporters said the library would give students a quiet place to work, while critics had argued that the "
    "money should instead be spent on repairing roads and schools in the district.",
    "Work on the building is expected to begin in the spring, and the mayor said she hoped the first readers "
    "would be welcomed before the end of next year.",
    "The depot, built in 1910, has stood empty since the last tram line in the area was closed in the 1990s, "
    "and its roof was partly repaired by volunteers two summers ago.",
]
MENU = ["Home", "World", "Business", "Politics", "Culture", "Sport"]
HEADLINE = "Lisbon council turns old tram depot into a public library"


def page(*middle: str, head: list[str] | None = None, tail: list[str] | None = None) -> str:
    """A page: menu, headline, byline and date, the paragraphs with ``middle`` lines after the second, a tail."""
    head = head if head is not None else [*MENU, HEADLINE, "By Maria Costa", "Published March 4, 2025"]
    body = [*PARAGRAPHS[:2], *middle, *PARAGRAPHS[2:]]
    return "\n\n".join([*head, *body, *(tail or [])])


def cleaned(text: str, **kw) -> Article:
    return clean(Article(id="t", text=text, **kw))


def reasons(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


def test_article_paragraphs_are_kept_and_menu_goes():
    a = cleaned(page())
    for p in PARAGRAPHS[1:]:
        assert p in a.body
    assert "tram depot into a public library, ending a debate" in a.body
    for item in MENU:
        assert item not in a.body.splitlines()
    assert reasons(a)["Sport"] == fu.MENU


def test_headline_byline_date_and_dateline_are_found():
    a = cleaned(page())
    assert a.title == HEADLINE
    assert a.byline == "Maria Costa"
    assert a.date == "2025-03-04"
    assert a.dateline == "LISBON, Portugal"
    assert a.body.startswith("The city council voted")
    assert HEADLINE not in a.body
    r = reasons(a)
    assert r[HEADLINE] == fu.HEADLINE
    assert r["By Maria Costa"] == fu.BYLINE
    assert r["Published March 4, 2025"] == fu.DATE


@pytest.mark.parametrize(
    ("head", "byline"),
    [
        ([HEADLINE, "Written by", "Maria Costa (Staff Writer)"], "Maria Costa"),
        ([HEADLINE, "Maria Costa", "March 4, 2025"], "Maria Costa"),
        ([HEADLINE, "Posted by Maria Costa on March 4, 2025"], "Maria Costa"),
        ([HEADLINE, "Learn More", "Key Insights"], None),
        # a page's inline elements run together: "By" glued to the name
        ([HEADLINE, "ByMaria Costa", "Updated March 4, 2025"], "Maria Costa"),
        ([HEADLINE, "Published March 4, 2025 by Maria Costa"], "Maria Costa"),
        ([HEADLINE, "Article by", "Maria Costa"], "Maria Costa"),
        ([HEADLINE, "Author(s)", "Maria Costa", "João Silva"], "Maria Costa"),
        # a bare name further down the header, next to a date, below a standfirst and a caption
        (
            [HEADLINE, "The vote ends a debate.", "Photo: City of Lisbon", "Share", "Maria Costa", "March 4, 2025"],
            "Maria Costa",
        ),
        ([HEADLINE, "By: Maria Costa", "March 4, 2025"], "Maria Costa"),
        ([HEADLINE, "Written By:Maria Costa", "Share"], "Maria Costa"),
        ([HEADLINE, "Maria Costa", "Senior Correspondent", "March 4, 2025"], "Maria Costa"),  # role between
        # a written byline beats a bare name next to a date
        ([HEADLINE, "Local News", "March 4, 2025", "By Maria Costa"], "Maria Costa"),
        ([HEADLINE, "Bypass road", "March 4, 2025"], None),  # "By" glued only to a capitalised word
        ([HEADLINE, "Written by", "March 4, 2025"], None),  # a label is no name
        ([HEADLINE, "Wellness & Prevention", "March 4, 2025"], None),  # nor a section joined by "&"
        # the date glued to the name, or after a separator or a full stop
        ([HEADLINE, "By Maria CostaPublished: Mar 4, 2025"], "Maria Costa"),
        ([HEADLINE, "By Maria CostaMarch 4, 20255 Mins Read"], "Maria Costa"),
        ([HEADLINE, "By Maria Costa ⋅ Senior Editor ⋅ Updated March 4, 2025"], "Maria Costa"),
        ([HEADLINE, "By Maria Costa. Last updated on March 4, 2025"], "Maria Costa"),
        # two authors; one name of one word, or a team, below an author label
        ([HEADLINE, "By Maria Costa and João Silva", "March 4, 2025"], "Maria Costa and João Silva"),
        ([HEADLINE, "Maria Costa and João Silva", "| Guest Columnists", "March 4, 2025"], "Maria Costa and João Silva"),
        ([HEADLINE, "Written by", "Maria"], "Maria"),
        ([HEADLINE, "By", "The Lisbon Desk Team"], "The Lisbon Desk Team"),
        ([HEADLINE, "Article written by:", "Maria Costa"], "Maria Costa"),
        # a name and a date on one line, between separators; a name with a job title below it
        ([HEADLINE, "Maria Costa • Mar 4, 2025", "Share"], "Maria Costa"),
        ([HEADLINE, "Mar. 4, 2025 · Maria Costa", "Share"], "Maria Costa"),
        ([HEADLINE, "Maria Costa", "Senior Staff Writer", "Share"], "Maria Costa"),
        ([HEADLINE, "Maria Costa", "Lisbon", "Share"], None),  # a bare name needs a date or a job title
        ([HEADLINE, "Text by Maria Costa"], "Maria Costa"),
        # a one-word name just below the headline, next to a date; not a date label, nor a word of the text
        ([HEADLINE, "Maria", "March 4, 2025"], "Maria"),
        ([HEADLINE, "Published", "March 4, 2025"], None),
        ([HEADLINE, "Library", "March 4, 2025"], None),
        # someone else's part is no byline
        ([HEADLINE, "Updated March 4, 2025", "Reviewed by", "Maria Costa"], None),
        # a byline below the standfirst paragraph, which the line model keeps as text
        (
            [
                HEADLINE,
                "The council's vote ends a debate that divided the neighbourhood for three years.",
                "By Maria Costa",
            ],
            "Maria Costa",
        ),
    ],
)
def test_byline_forms(head, byline):
    assert cleaned(page(head=[*MENU, *head])).byline == byline


@pytest.mark.parametrize("opener", ["Story by", "Text by", "By"])
def test_an_author_box_below_the_article_names_the_author(opener):
    """No byline in the header: the page-wide search reads every form byline_name reads, "Story by" too."""
    tail = ["Share this article", "About the author", f"{opener} Maria Costa", "More from World", "Old bridge reopens"]
    assert cleaned(page(head=[*MENU, HEADLINE, "March 4, 2025"], tail=tail)).byline == "Maria Costa"


def test_an_author_label_above_a_name_anywhere_on_the_page_names_the_author():
    head = [*MENU, "Author", "Maria Costa", "Updated on", "March 4, 2025", "Share", HEADLINE]
    assert cleaned(page(head=head)).byline == "Maria Costa"
    # a widget's heading below the label is no name; nor is a list of authors ("Authors" heads a menu)
    sidebar = ["Author", "Recent Posts", "Follow me"]
    assert cleaned(page(head=[*MENU, HEADLINE, "March 4, 2025"], tail=sidebar)).byline is None
    menu = ["Authors", "Regular Contributors", "Advertise"]
    assert cleaned(page(head=[*MENU, HEADLINE, "March 4, 2025"], tail=menu)).byline is None


def test_a_name_below_the_headline_with_a_reading_time_is_the_byline():
    assert cleaned(page(head=[*MENU, HEADLINE, "Maria Costa", "7 min read"])).byline == "Maria Costa"


def test_a_byline_glued_to_the_date_before_it_names_the_author():
    """Inline elements run together in a page dump: "March 4, 2025By Maria Costa"."""
    assert cleaned(page(head=[*MENU, HEADLINE, "March 4, 2025By Maria Costa"])).byline == "Maria Costa"
    assert cleaned(page(head=[*MENU, HEADLINE, "Route 66By Night", "March 4, 2025"])).byline is None


def test_a_button_in_capitals_next_to_the_dates_is_no_byline():
    head = [*MENU, HEADLINE, "Originally posted February 2017", "Edited April 2024", "BROWSE OPEN INVESTMENTS"]
    assert cleaned(page(head=head)).byline is None
    assert cleaned(page(head=[*MENU, HEADLINE, "March 4, 2025", "MARIA COSTA"])).byline == "MARIA COSTA"


def test_a_menu_of_by_lines_is_no_byline():
    menu = ["Solutions", "By Industry", "Public Sector", "Retail", "By Company Size", "Small Teams", "By Role"]
    assert cleaned(page(head=[*menu, HEADLINE, "March 4, 2025"])).byline is None
    # other stories' bylines listed below the article are not this one's either
    related = ["More stories", "Old bridge reopens", "by Ana Lima", "New park for the east side", "by Rui Sousa"]
    assert cleaned(page(head=[*MENU, HEADLINE, "March 4, 2025"], tail=related)).byline is None


def test_a_label_in_words_the_text_writes_in_lower_case_is_no_byline():
    head = [*MENU, HEADLINE, "Public Library", "March 4, 2025"]
    assert cleaned(page(head=head)).byline is None  # "public" and "library" are words of the text
    assert cleaned(page(head=[*MENU, HEADLINE, "Maria Costa", "March 4, 2025"])).byline == "Maria Costa"


def test_a_long_byline_line_with_updates_and_fact_checkers_names_the_author():
    long = "By Maria Costa, CFP – Updated Mar 5, 2025 at 4:28 PM EST | Fact-checked by Rui Sousa of the news desk"
    a = cleaned(page(head=[*MENU, HEADLINE, long]))
    assert a.byline == "Maria Costa"
    assert reasons(a)[long] == fu.BYLINE
    # a long line that opens with "By" and a date or place is a sentence, not a byline
    sentence = "By Monday, officials in the city had closed the old depot and moved its trams to a yard by the river"
    assert cleaned(page(head=[*MENU, HEADLINE, sentence, "March 4, 2025"])).byline is None


@pytest.mark.parametrize(
    "line",
    [
        f"Home > Local > {HEADLINE}",
        f"Home>Local>{HEADLINE}",
        f"Home » {HEADLINE}",
        f"{HEADLINE} | Local | The Daily Example",
        f"{HEADLINE} – Example News",
    ],
)
def test_title_loses_breadcrumbs_and_site_names(line):
    assert cleaned(page(head=[*MENU, line, "By Maria Costa"])).title == HEADLINE


@pytest.mark.parametrize("title", ["Why plan A > plan B for most city budgets", "Rates rose 9/10 times after a cut"])
def test_a_headline_with_a_separator_inside_keeps_it(title):
    assert tidy_title(title) == title


def test_section_label_above_the_headline_is_not_the_title():
    a = cleaned(page(head=["Local government", HEADLINE, "By Maria Costa"]))
    assert a.title == HEADLINE
    assert "Local government" not in a.body


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Subscribe now for unlimited access", fu.PROMPT),
        ("Sign up for our daily newsletter", fu.PROMPT),
        ("Advertisement", fu.PROMPT),
        ("Share on Facebook", fu.PROMPT),
        ("Read more: Five cities that rebuilt their libraries", fu.RELATED),
        ("Related stories", fu.RELATED),
        ("You have {{articlesLeft}} free articles left this month", fu.TEMPLATE),
        ("The old depot seen from the river in 2019. (File | Associated Press)", fu.CAPTION),
        ("From left, the mayor, the architect and the head librarian at the depot on Tuesday.", fu.CAPTION),
        ("The depot in 1950. © Reuters", fu.CAPTION),
        ("The mayor at the depot on Tuesday. John Smith/AFP", fu.CAPTION),
        ("The reading room at dusk. Photo courtesy of the city archive", fu.CAPTION),
        ("ArrowArtboardCreated with Sketch.Title ChevronIcon FacebookIcon TwitterIcon Mail", fu.ICONS),
        ("ArrowRightArrowLeftMenuClose", fu.ICONS),  # glued names alone, no icon word
        ("E-mail this story", fu.PROMPT),  # a phrase ("e mail") across punctuation
    ],
)
def test_furniture_in_the_middle_of_the_article_goes_with_its_reason(line, family):
    a = cleaned(page(line))
    assert line not in a.body
    assert reasons(a)[line] == family
    assert PARAGRAPHS[2] in a.body and PARAGRAPHS[1] in a.body


def test_brackets_and_slashes_inside_a_sentence_are_no_photo_credit():
    """Only a credit that ends a line ("(File | AP)", "Jane Doe/AFP") makes a caption; a sentence with a bracket or a
    slash in its middle stays in the article."""
    line = "The plan (approved on 12/3 by a large majority) keeps the reading room open until ten on weekdays."
    a = cleaned(page(line))
    assert line in a.body
    assert line not in reasons(a)


def test_link_lists_comments_and_footer_after_the_article_go():
    tail = [
        "More from World",
        "• Floods close schools across the north",
        "• Rail strike called off after late talks",
        "• Museum reopens after two-year renovation",
        "12 Comments",
        "Leave a reply",
        "jsmith",
        "March 4, 2025 at 10:12 am",
        "About time, that building has been empty for far too long and it is a shame to see it rot.",
        "Privacy Policy",
        "Terms of Use",
        "© 2025 The Daily Example. All rights reserved.",
    ]
    a = cleaned(page(tail=tail))
    assert PARAGRAPHS[-1] in a.body
    for line in tail:
        assert line not in a.body, line
    r = reasons(a)
    assert r["• Floods close schools across the north"] == fu.LINKS
    assert r["12 Comments"] == fu.COMMENTS
    assert (
        r["About time, that building has been empty for far too long and it is a shame to see it rot."] == fu.COMMENTS
    )
    assert r["Privacy Policy"] == fu.FOOTER


def test_cookie_notice_and_paywall_before_the_article_go():
    head = [
        "We use cookies to improve your experience. Accept all",
        "Manage preferences",
        *MENU,
        HEADLINE,
    ]
    a = cleaned(page(head=head, tail=["You have reached your limit of free articles", "Subscribe"]))
    assert a.title == HEADLINE
    for line in ("Manage preferences", "You have reached your limit of free articles", "Subscribe"):
        assert line not in a.body
    assert reasons(a)["Subscribe"] == fu.PROMPT


def test_wire_copy_date_line_glued_to_a_caption():
    text = "date 2018-01-17 The mayor at the depot on Monday. (File | Associated Press)\n\n" + "\n\n".join(PARAGRAPHS)
    a = cleaned(text)
    assert a.date == "2018-01-17"
    assert "Associated Press" not in a.body and "mayor at the depot on Monday" not in a.body
    assert a.body.startswith("The city council voted")


def test_date_in_the_url_wins_and_given_metadata_is_kept():
    a = cleaned(page(), url="https://news.example.com/2024/11/02/lisbon-tram-depot-library/")
    assert a.date == "2024-11-02"
    b = cleaned(page(), title="Given title", date="2020-01-01")
    assert (b.title, b.date) == ("Given title", "2020-01-01")


def test_mojibake_is_repaired():
    text = page().replace("neighbourhood", "neighbourhoodâ\x80\x99s")
    assert "neighbourhood’s" in cleaned(text).body


def test_a_page_larger_than_one_chunk_is_cleaned_in_pieces(monkeypatch):
    from storybrief.clean import lines

    monkeypatch.setattr(lines, "CHUNK_CHARS", 400)  # as if the page were many megabytes
    a = cleaned(page("Advertisement"))
    for p in PARAGRAPHS[1:]:
        assert p in a.body
    assert "Advertisement" not in a.body and "Sport" not in a.body.splitlines()


def test_a_page_of_only_furniture_is_rejected_with_a_reason():
    a = cleaned("\n".join([*MENU, "Subscribe", "Sign in", "Privacy Policy"]))
    assert a.status == "rejected"
    assert "no article text" in a.reason


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Posted 2018-01-17 10:00", "2018-01-17"),
        ("Jan. 17, 2018", "2018-01-17"),
        ("Wednesday 17 January 2018", "2018-01-17"),
        ("Updated: September 3rd, 2025", "2025-09-03"),
        ("17/01/2018", "2018-01-17"),
        ("no date here", None),
        ("February 30, 2018", None),
    ],
)
def test_find_date(text, iso):
    assert find_date(text) == iso


def test_clean_explain_lists_each_removed_line_with_its_reason(tmp_path, capsys):
    path = tmp_path / "page.txt"
    path.write_text(page("Advertisement"), encoding="utf-8")
    assert main(["clean", str(path), "--explain"]) == 0
    out = capsys.readouterr().out
    assert f"title: {HEADLINE}" in out
    assert "date: 2025-03-04" in out
    assert f"[{fu.PROMPT}] Advertisement" in out
    assert f"[{fu.MENU}] Home" in out
    assert PARAGRAPHS[1] in out


def test_clean_jsonl_reports_bad_lines_and_goes_on(tmp_path, capsys):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "page_text": page()}) + "\n{oops\n", encoding="utf-8")
    assert main(["clean", "--jsonl", str(rows), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert '"id": "a"' in captured.out and "The city council voted" in captured.out
    assert f"{rows}:2" in captured.err and "malformed JSON" in captured.err


def test_clean_jsonl_with_worker_processes_gives_the_same_lines_in_order(tmp_path, capsys):
    rows = tmp_path / "rows.jsonl"
    pages = [json.dumps({"id": f"p{i}", "page_text": page(head=MENU[: i % 4])}) for i in range(7)]
    pages.insert(3, "{oops")
    rows.write_text("\n".join(pages) + "\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        status = main(["clean", "--jsonl", str(rows), "--jobs", jobs, "--explain", "--no-progress"])
        outputs.append((status, *capsys.readouterr()))
    assert outputs[0] == outputs[1]
    status, out, err = outputs[1]
    assert status == 1 and f"{rows}:4" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["p0", "p1", "p2", "line4", "p3", "p4", "p5", "p6"]


def test_shipped_weights_match_the_features_the_code_builds():
    """A feature added, removed or reordered without retraining would silently misweigh every line."""
    from storybrief.clean.headline import HEADLINE_FEATURES
    from storybrief.clean.lines import CONTEXT_FEATURES, LINE_FEATURES
    from storybrief.clean.weights import WEIGHTS

    assert WEIGHTS["features"] == LINE_FEATURES, "retrain: python bench/train_clean.py DATA"
    assert WEIGHTS["context_features"] == CONTEXT_FEATURES, "retrain: python bench/train_clean.py DATA"
    assert WEIGHTS["headline_features"] == HEADLINE_FEATURES, "retrain: python bench/train_clean.py DATA"


def test_headline_far_above_the_article_text_is_found():
    # Share buttons and a table of contents can put twenty lines between the headline and the first paragraph.
    contents = [f"{n}. {topic}" for n, topic in enumerate(["Background", "The vote", "Costs", "Next steps"] * 4, 1)]
    a = cleaned(page(head=[*MENU, HEADLINE, "By Maria Costa", "Published March 4, 2025", "Contents", *contents]))
    assert a.title == HEADLINE
    assert a.byline == "Maria Costa"


def test_publication_date_wins_over_an_update_line_above_it():
    a = cleaned(page(head=[*MENU, HEADLINE, "By Maria Costa", "Updated June 16, 2025", "Published March 4, 2025"]))
    assert a.date == "2025-03-04"
    assert cleaned(page(head=[*MENU, HEADLINE, "By Maria Costa", "Last updated June 16, 2025"])).date == "2025-06-16"


def test_headline_below_a_promotion_that_reads_like_prose():
    # Mega-menus and promotions carry sentence-like blurbs; the headline sits above the article's main run of
    # prose, not above the first sentence on the page.
    promo = [
        "Our Products",
        "Plan and manage events of any size with our award-winning software, trusted by thousands of teams around "
        "the world.",
        "Bring every registration, badge and session into one place, and see what your guests think while the event "
        "is still running.",
        "Pricing",
        "Start a free trial",
        *[f"Resource {n}" for n in range(1, 12)],
    ]
    a = cleaned(page(head=[*promo, HEADLINE, "By Maria Costa", "Published March 4, 2025"]))
    assert a.title == HEADLINE
    assert a.byline == "Maria Costa"
    assert a.date == "2025-03-04"


QUESTION = "Should the city council turn the old tram depot into a public library for everyone in Lisbon?"
NOTICE = (
    "We noticed that you are using an old browser that is no longer supported. Please consider updating it for the "
    "best experience on our site."
)
GUIDES = [f"Guide {n}: how to visit the city" for n in range(1, 41)]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # A headline of twelve words or more that ends in "?" reads as the first paragraph.
        ([*MENU, QUESTION, "By Maria Costa", "Published March 4, 2025"], QUESTION),
        # A browser notice above the headline reads as the first paragraph.
        ([*MENU, NOTICE, HEADLINE, "By Maria Costa", "Published March 4, 2025"], HEADLINE),
        # Forty lines of a menu between the headline (over its byline and date) and the article.
        ([*MENU, HEADLINE, "By Maria Costa", "Published March 4, 2025", *GUIDES], HEADLINE),
    ],
)
def test_a_headline_outside_the_header_of_the_first_paragraph_is_found(head, title):
    a = cleaned(page(head=head))
    assert a.title == title
    assert a.byline == "Maria Costa"
    assert title not in a.body
    assert PARAGRAPHS[1] in a.body


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("LISBON, March 3 (Reuters) -- ", "LISBON, March 3 (Reuters)"),  # a wire date after the place
        ("LISBON, Portugal—", "LISBON, Portugal"),  # a long dash glued to the text
        ("LISBON --\n\n", "LISBON"),  # the dateline on a line of its own
    ],
)
def test_dateline_forms(opening, dateline):
    first = PARAGRAPHS[0].replace("LISBON, Portugal -- ", opening)
    a = cleaned("\n\n".join([*MENU, HEADLINE, "By Maria Costa", first, *PARAGRAPHS[1:]]))
    assert a.dateline == dateline
    assert a.body.startswith("The city council voted")
    assert "LISBON" not in a.body
    if opening.endswith("\n"):  # a line of its own goes with its reason
        assert reasons(a)["LISBON"] == fu.DATELINE


def test_dateline_below_links_kept_above_the_article():
    links = [
        "Council approves new cycle lanes along the river after a long and heated debate",
        "School meals to include more local produce from next autumn, says the city",
        "Museum of the sea reopens after two years of work on its roof and galleries",
    ]
    a = cleaned("\n\n".join([*MENU, *links, HEADLINE, "By Maria Costa", *PARAGRAPHS]))
    assert a.dateline == "LISBON, Portugal"


def test_the_url_slug_tells_the_headline_from_a_subheading():
    head = [*MENU, HEADLINE, "Share", "What the council decided", "By Maria Costa"]
    url = "https://news.example/2025/03/04/lisbon-council-turns-old-tram-depot-into-public-library"
    assert cleaned(page(head=head), url=url).title == HEADLINE


@pytest.mark.parametrize(
    "below",
    [
        ["Share", "Save", "Print", "by", "Maria Costa", "| March 4, 2025", "Contents"],
        ["Share", "Save", "Maria Costa", "Published March 4, 2025", "Content Map"],
    ],
)
def test_the_headline_that_repeats_the_slug_wins_over_a_question_just_above_the_text(below):
    # A question heading the first section sits right above the first paragraph, as headlines do; the headline
    # is the line that repeats the URL's slug, with the byline and date a few lines below it (past share buttons).
    title = "The Tram Depot Library Plan Explained"
    head = [*MENU, title, *below, "What is the tram depot library?"]
    a = cleaned(page(head=head), url="https://news.example/culture/tram-depot-library-plan/")
    assert a.title == title
    assert a.byline == "Maria Costa"


COMMENT_TEXTS = [
    "I walk past that depot every morning and I am glad the council finally listened to the people who live here.",
    "A library is a fine idea, but I hope they keep the old tram tracks in the floor so that children can see them.",
    "Twelve million euros is a lot of money when the school on our street still has a leaking roof every winter.",
    "My grandfather drove the last tram out of that depot, and he would have loved to see it full of books again.",
]


def _thread(*header: str) -> list[str]:
    """Reader comments, each opened by ``header`` lines (``{n}``: the comment's number)."""
    names = ["Ana Ribeiro", "jsmith", "Tomas P.", "Helena Duarte"]
    return [
        line
        for n, text in enumerate(COMMENT_TEXTS)
        for line in [*(h.format(name=names[n], n=n + 10) for h in header), text]
    ]


@pytest.mark.parametrize(
    "header",
    [
        ("{name} says:", "March 4, 2025 at {n}:12 am", "Reply"),  # WordPress
        ("by {name} ( 3164{n} ) writes:", "on Tuesday March 04, 2025 @{n}:14PM (#658704{n})"),  # slashdot
        ("{name}", "March 4, 2025, {n}:46 pm", "Report", "Like"),  # a blog's name and time, actions after
    ],
)
def test_a_comment_thread_below_the_article_goes_as_comments(header):
    # No "12 Comments" line above them: the thread is told by its recurring comment headers.
    tail = ["Share this article", *_thread(*header), "Privacy Policy", "© 2025 The Daily Example"]
    _assert_only_the_thread_went(cleaned(page(tail=tail)))


def _assert_only_the_thread_went(a: Article) -> None:
    """The article's paragraphs are kept and every comment's text went, with the reason ``comments``."""
    for p in PARAGRAPHS[1:]:
        assert p in a.body
    r = reasons(a)
    for text in COMMENT_TEXTS:
        assert text not in a.body
        assert r[text] == fu.COMMENTS


@pytest.mark.parametrize(
    "header",
    [
        ("{n}:14 am",),  # a live blog's entries
        ("March 4, 2025, {n}:46 pm",),  # dated updates
        ("Posted {n}:05 GMT, Tuesday March 4, 2025",),
        ("{name}, resident, March 3, 2025, {n}:30 am:",),  # people quoted with dates
    ],
)
def test_a_live_blog_or_dated_quotes_are_kept_whole(header):
    # The same shape as a thread of comments, but no comments heading opens it and nothing only comments have (a
    # sentence that ends in "comment." is no heading).
    a = cleaned(page(tail=["The mayor's office did not respond to a request for comment.", *_thread(*header)]))
    for text in PARAGRAPHS[1:] + COMMENT_TEXTS:
        assert text in a.body
    assert fu.COMMENTS not in {r.reason for r in a.removed}


def test_dated_entries_below_a_comments_heading_go():
    a = cleaned(
        page(
            tail=[
                "59 Comments on “Lisbon council turns old tram depot”",
                *_thread("{name}", "March 4, 2025, {n}:46 pm"),
            ]
        )
    )
    assert PARAGRAPHS[-1] in a.body
    for text in COMMENT_TEXTS:
        assert reasons(a)[text] == fu.COMMENTS


def test_a_thread_of_bare_names_below_a_comments_heading_goes():
    # Each comment is headed by the commenter's name alone: no date, no "says:", no "Reply".
    tail = ["Comments are now closed for this story", *_thread("{name}"), "User Tools", "Privacy Policy"]
    a = cleaned(page(tail=tail))
    _assert_only_the_thread_went(a)
    assert reasons(a)["Tomas P."] == fu.COMMENTS


TRANSCRIPT = [  # an interview's speakers, each on a line of their own
    line
    for n, text in enumerate(COMMENT_TEXTS)
    for line in [("Ana Ribeiro", "Mayor Helena Duarte")[n % 2], text.replace("I ", "We ")]
]
LISTICLE = [  # a review's short subheadings
    line
    for heading, text in zip(["Pricing", "Battery Life", "Design", "Verdict"], COMMENT_TEXTS, strict=True)
    for line in [heading, text]
]


@pytest.mark.parametrize("section", [TRANSCRIPT, LISTICLE])
@pytest.mark.parametrize("above", [[], ["The mayor said: \u201cWe read every one of the public comments.\u201d"]])
def test_short_headings_over_paragraphs_are_no_thread(section, above):
    # The shape of a thread of bare names, but no comments heading opens it (a sentence that ends in "comments."
    # is none, in quotes too): the article's own text stays.
    a = cleaned(page(tail=[*above, *section, "Privacy Policy"]))
    assert fu.COMMENTS not in {r.reason for r in a.removed}


def test_plain_article_text_offers_none_of_its_own_sentences_as_the_headline():
    """Wire copy opens with its first paragraph: a short sentence below it ("It is the second outbreak in two
    weeks.") is article text, never a headline candidate, while a page dump's lines below its first paragraph
    (a notice above the real headline) are."""
    from storybrief.clean.headline import candidates

    body = [PARAGRAPHS[0], "It is the second outbreak in two weeks.", *PARAGRAPHS[1:]]
    lines = [s for s in body if s]
    keep, counts = [True] * len(lines), [len(s.split()) for s in lines]
    assert 1 not in candidates(lines, keep, counts)[0]
    dump = [*MENU, *lines]
    keep, counts = [False] * len(MENU) + keep, [len(s.split()) for s in dump]
    assert len(MENU) + 1 in candidates(dump, keep, counts)[0]


def test_removed_lines_get_the_same_reason_whichever_way_a_page_is_labelled():
    """``furniture.reasons`` labels a page's removed lines at once with a fast path; ``--explain`` must show the
    reason ``family`` gives each line alone, for every family and for pages with and without separators."""
    lines = [
        "Subscribe now for unlimited access",
        "Read more: Five cities that rebuilt their libraries",
        "Photo: a fallen tree blocks the coastal road (AP Photo)",
        "World",
        "Old bridge reopens after repairs",
        "March 4, 2025",
        "By Maria Costa",
        "12 comments",
        "Home | World | Sport | Culture",
        "A long line of page text that says nothing of the story and runs on for well over twelve words in all",
    ]
    for page in (lines, [s for s in lines if "|" not in s]):  # with and without a line of separators
        words = [len(s.split()) for s in page]
        masks = [fu.family_mask(s, n <= fu.SHORT) for s, n in zip(page, words, strict=True)]
        glued = [0] * len(page)
        alone = [fu.family(s, n, 0, m, False) for s, n, m in zip(page, words, masks, strict=True)]
        assert fu.reasons(page, words, glued, masks, False) == alone
        assert len(set(alone)) >= 5  # the lines are of different families
