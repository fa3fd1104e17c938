"""Extraction on the two seeds: every line's kind as a careful reader would give it, and the metadata.

The seeds' text stays in ../shared/seeds; here lines are named by their position and what they are.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import AP_SEED, REUTERS_SEED

from corroborate.extract import extract
from corroborate.ingest import IngestOptions, read_path
from corroborate.models import Article, Credit

AP_LINE_KINDS = [
    "title",  # Cambodia's Hun Sen tells Trump ...
    "standfirst",  # Cambodia's leader says he is 'reassured' ...
    "caption",  # "Hun Sen - Cambodia": the photo's label
    "caption",  # ... [File: Samrang Pring/Reuters]
    "body",  # Cambodia's Prime Minister Hun Sen has responded ...
    "body",  # A letter from Hun Sen published on Wednesday ...
    "body",  # Washington has long criticised ...
    "body",  # Hun Sen, in power for 34 years ...
    "body",  # The president counselled ...
    "body",  # "I am reassured ..." Hun Sen wrote ...
    "subheading",  # Crackdown of dissent
    "body",  # ... intends to serve until 2028.
    "caption",  # ... special summit in the US next year [File: Gemunu Amarasinghe/AP]
    "body",  # He has been quick to crack down ...
    "body",  # There are some signs ...
    "body",  # He faces external political pressure ...
    "body",  # The European Union and others ...
    "body",  # The EU is now considering ...
    "body",  # A cutoff could badly hurt ...
    "body",  # In 2018, the Southeast Asian country ...
    "body",  # Trump's letter recounted ...
    "body",  # "With regards to the bilateral relations ..."
    "body",  # "However, I am of the view ..."
    "body",  # He said contemporary Cambodia owes ...
    "body",  # Hun Sen has rarely had such warm words ...
    "body",  # A late 2017 crackdown ...
    "wire",  # Source: AP
]

REUTERS_LINE_KINDS = [
    "title",  # In reversal, Cambodia's Hun Sen offers U.S. ...
    "title",  # the same title, repeated
    "caption",  # FILE PHOTO: ... REUTERS/Samrang Pring/File Photo ...
    "byline",  # By Reuters
    "widget",  # Share this articleComments
    "widget",  # Share this articleClose Button
    "byline",  # By Prak Chan Thul and Kay Johnson
    "body",  # PHNOM PENH (Reuters) - ...
    "body",  # A letter dated Nov. 26 ...
    "body",  # Both countries foreign affairs teams ...
    "body",  # The rapprochement comes after ...
    "body",  # Less than four months ago ...
    "body",  # ... (CCP) won all 125 parliamentary seats ...
    "body",  # The opposition Cambodian National Rescue Party ...
    "body",  # Kem Sokha was released ...
    "body",  # Hun Sen's letter followed one from Trump ...
    "body",  # The Cambodian leader, in power for more than three decades ...
    "body",  # "However, I am of the view ..." he wrote. ...
    "body",  # Hun Sen referred to U.S. support ...
    "body",  # "I am indeed thankful ..." the letter read.
    "credit",  # (Writing by Kay Johnson; Editing by Andrew Cawthorne)
    "widget",  # Share this articleComments
    "related_heading",  # You might also like
    "related_headline",  # Cars submerged as Cyclone Belal ...
    "related_headline",  # Indian rescuers pull out ...
    "related_headline",  # Moscow threatens ...
]


def _article(path) -> Article:
    (document,) = read_path(str(path), IngestOptions())
    return extract(document)


@pytest.fixture(scope="module")
def ap(seeds) -> Article:
    return _article(AP_SEED)


@pytest.fixture(scope="module")
def reuters(seeds) -> Article:
    return _article(REUTERS_SEED)


def test_every_line_of_the_ap_seed_has_its_kind(ap: Article) -> None:
    assert [line.kind for line in ap.lines] == AP_LINE_KINDS


def test_every_line_of_the_reuters_seed_has_its_kind(reuters: Article) -> None:
    assert [line.kind for line in reuters.lines] == REUTERS_LINE_KINDS


def test_every_line_set_apart_says_why(ap: Article, reuters: Article) -> None:
    for line in (*ap.lines, *reuters.lines):
        assert (line.why is None) == (line.kind == "body" or line.kind == "subheading"), line


def test_the_repeated_title_is_the_title_once(reuters: Article) -> None:
    assert reuters.title == reuters.lines[0].text
    assert reuters.lines[1].why == "repeated title"
    assert reuters.title not in reuters.paragraphs


def test_ap_seed_is_aps_story_though_a_photo_is_reuters(ap: Article) -> None:
    assert ap.wire == "AP"
    assert Credit(role="photo", name="Samrang Pring", agency="Reuters") in ap.credits
    assert Credit(role="photo", name="Gemunu Amarasinghe", agency="AP") in ap.credits
    assert ap.authors == ()
    assert ap.dateline is None


def test_reuters_seed_metadata(reuters: Article) -> None:
    assert reuters.wire == "Reuters"
    assert reuters.authors == ("Prak Chan Thul", "Kay Johnson")
    assert reuters.dateline == "PHNOM PENH"
    assert Credit(role="writing", name="Kay Johnson") in reuters.credits
    assert Credit(role="editing", name="Andrew Cawthorne") in reuters.credits
    assert Credit(role="photo", name="Samrang Pring", agency="Reuters") in reuters.credits


def test_the_dateline_opens_the_body_and_is_not_repeated_in_it(reuters: Article) -> None:
    first = reuters.paragraphs[0]
    assert first.startswith("Cambodia's authoritarian leader Hun Sen")
    assert "(Reuters)" not in first


def test_captions_are_kept_apart_without_their_credits(ap: Article, reuters: Article) -> None:
    assert len(ap.captions) == 3
    assert not any("Samrang" in caption or "Amarasinghe" in caption for caption in (*ap.captions, *reuters.captions))
    assert reuters.captions[0].endswith("November 9, 2019.")
    assert not any("[File:" in paragraph for paragraph in ap.paragraphs)


def test_text_is_normalised(ap: Article) -> None:
    text = " ".join((ap.title or "", ap.standfirst or "", *ap.paragraphs))
    assert "Cambodia's Prime Minister" in text  # a left single quote used as an apostrophe
    for character in "‘’“”\u00a0":
        assert character not in text


def test_publication_date_is_estimated_from_the_text(ap: Article, reuters: Article) -> None:
    assert reuters.published is None
    assert reuters.published_estimate is not None
    assert reuters.published_estimate.earliest == date(2019, 11, 26)
    assert any("Nov. 26" in evidence for evidence in reuters.published_estimate.evidence)
    # The AP seed states no year for its dates; its latest past year is 2018, and 2028 is still to come.
    assert ap.published_estimate is not None
    assert ap.published_estimate.earliest == date(2018, 11, 26)
    assert ap.published_estimate.latest == date(2028, 12, 31)


def test_a_given_date_wins_over_the_estimate(seeds) -> None:
    from corroborate.extract import ExtractOptions

    (document,) = read_path(str(REUTERS_SEED), IngestOptions())
    article = extract(document, ExtractOptions(published=date(2019, 11, 27)))
    assert article.published == date(2019, 11, 27)
    assert article.published_estimate is None
    assert article.reference_date == date(2019, 11, 27)
