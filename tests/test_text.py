"""presslens.text: cleaning hand-written messy articles, sentences, tokens, stop words, phrases."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.text import (
    Phrases,
    clean,
    clean_text,
    news_stop_words,
    person_name_counts,
    person_names,
    proper_nouns,
    sentences,
    stop_words,
    tokenize,
)

BODY = [
    "Detective Inspector Ruth Kellaway said the unit had received the material on Tuesday.",
    "The group, which calls itself Shadow Watch, streamed the confrontation to thousands of viewers.",
    "A spokesperson for the force urged people not to take the law into their own hands.",
]


def article(*extra_before, extra_after=()):
    return "\n\n".join([*extra_before, *BODY, *extra_after])


def test_html_tags_and_entities():
    text = "<p>Police said&nbsp;the group&#8217;s evidence was &quot;useful&quot; &amp; timely.</p>\n\n" + "\n\n".join(BODY)
    result = clean_text(text)
    assert result.text.split("\n\n")[0] == "Police said the group's evidence was \"useful\" & timely."
    assert result.removed["html_tags"] == 2
    assert result.removed["html_entities"] == 5
    assert result.text.split("\n\n")[1:] == BODY


def test_double_escaped_entities():
    assert clean_text("The group&amp;#8217;s founder spoke.").text == "The group's founder spoke."


def test_mojibake_is_repaired():
    text = "The group\u00e2\u20ac\u2122s founder said \u00e2\u20ac\u0153enough\u00e2\u20ac\u009d and paid \u00c2\u00a3500.\n\n" + BODY[0]
    result = clean_text(text)
    assert result.text.split("\n\n")[0] == 'The group\'s founder said "enough" and paid \u00a3500.'
    assert result.removed["mojibake"] > 0


def test_aggregator_lines_removed_but_not_sentences_that_mention_them():
    genuine = "Campaigners said parents should read the full report before deciding, and click through the advice."
    text = article(genuine, extra_after=("Source: Read Full Article", "Sign up to our free newsletter for the latest news.", "Copyright 2019 The Daily Blaze. All rights reserved."))
    result = clean_text(text)
    assert result.text.split("\n\n") == [genuine, *BODY]
    assert result.removed["aggregator_lines"] == 3


def test_captions_repeating_the_body_are_removed():
    caption_forms = [
        f"{BODY[1]} Picture: Daily Blaze",
        f"{BODY[1]} (Image: Evening Clarion)",
        f"PICTURED: {BODY[1]}",
        "Picture: Getty",
    ]
    for caption in caption_forms:
        result = clean_text(article(extra_after=()).replace(BODY[1], caption + "\n\n" + BODY[1]))
        assert result.text.split("\n\n") == BODY, caption
        assert result.removed["captions"] == 1


def test_caption_like_text_that_is_news_is_kept():
    genuine = "Pictures of the crowd were shared thousands of times before the force asked people to delete them."
    result = clean_text(article(genuine))
    assert result.text.split("\n\n") == [genuine, *BODY]
    assert result.removed["captions"] == 0


def test_bullet_summary_repeating_the_body_is_removed():
    bullets = "\n".join(["\u2022 " + BODY[0], "\u2022 " + BODY[2]])
    result = clean_text(article(bullets))
    assert result.text.split("\n\n") == BODY
    assert result.removed["bullet_lines"] == 2


def test_bullets_with_new_information_are_kept():
    bullets = "\u2022 " + BODY[0] + "\n\u2022 Three men were arrested in a separate operation."
    result = clean_text(article(bullets))
    assert result.text.split("\n\n")[0] == "\u2022 Three men were arrested in a separate operation."
    assert result.removed["bullet_lines"] == 1


def test_repeated_paragraphs_removed_short_ones_kept():
    text = "\n\n".join([BODY[0], BODY[1], BODY[1], "He denied it.", BODY[2], "He denied it."])
    result = clean_text(text)
    assert result.text.split("\n\n") == [BODY[0], BODY[1], "He denied it.", BODY[2], "He denied it."]
    assert result.removed["repeated_paragraphs"] == 1


def test_quotes_and_whitespace_normalised():
    text = "\u201cWe acted,\u201d she said.\u00a0  It\u2019s over.\r\n\r\n\r\n\t" + BODY[0]
    assert clean_text(text).text == "\"We acted,\" she said. It's over.\n\n" + BODY[0]


def test_clean_corpus_reports_removals_per_article():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": [article(extra_after=("Source: Read Full Article",)), article()]})
    cleaned, removed = clean(corpus, progress=False)
    assert cleaned["text"].tolist() == ["\n\n".join(BODY)] * 2
    assert removed.set_index("doc_id").loc["a", "aggregator_lines"] == 1
    assert removed.set_index("doc_id").loc["b"].drop(["chars_before", "chars_after"]).sum() == 0
    assert (removed["chars_after"] <= removed["chars_before"]).all()
    assert corpus["text"].iloc[0].endswith("Source: Read Full Article"), "the input is not modified"


def test_clean_finds_every_planted_caption_and_aggregator_line_in_the_teaching_corpus():
    from presslens.corpus import load_labels, load_teaching

    corpus = load_teaching()
    labels = load_labels("articles").set_index("doc_id").loc[corpus["doc_id"]]
    _, removed = clean(corpus, progress=False)
    noise = labels["noise"].fillna("").to_numpy()
    for planted, column in (("caption", "captions"), ("aggregator_line", "aggregator_lines"), ("bullet_summary", "bullet_lines"), ("html_entities", "html_entities"), ("mojibake", "mojibake")):
        has = pd.Series([planted in n for n in noise])
        found = removed[column].to_numpy() > 0
        assert (found == has.to_numpy()).all(), planted
    planted_repeats = pd.Series(["repeated_paragraph" in n for n in noise])
    assert (removed["repeated_paragraphs"].to_numpy() > 0)[planted_repeats.to_numpy()].mean() >= 0.95


def test_sentences():
    text = 'Det Insp Holt said: "It is over." Mr. Smith, 47, was jailed. Was it fair? Yes!\n\nA new paragraph'
    assert sentences(text) == ['Det Insp Holt said: "It is over."', "Mr. Smith, 47, was jailed.", "Was it fair?", "Yes!", "A new paragraph"]
    assert sentences("The U.S. firm said no. Then it left.") == ["The U.S. firm said no.", "Then it left."]


def test_tokenize():
    assert tokenize("The hunters' group didn't stop 3 stings in Stoke-on-Trent.") == ["the", "hunters", "group", "didn't", "stop", "stings", "in", "stoke-on-trent"]
    assert tokenize("Police SAID", lowercase=False) == ["Police", "SAID"]
    assert tokenize("the police said", stop_words={"the", "said"}) == ["police"]


def test_stop_words_include_news_words_and_outlet_names():
    corpus = pd.DataFrame({"outlet": ["The Daily Blaze", "Albion Broadcasting News"]})
    words = stop_words(corpus)
    assert {"said", "told", "monday", "the", "daily", "blaze", "albion", "broadcasting"} <= words
    assert "police" not in words and "hunters" not in words
    assert "blaze" not in stop_words(corpus, outlets=False)
    assert "said" in news_stop_words()


def test_proper_nouns():
    texts = ["the officer met Gary Pickford in Doncaster", "police in Doncaster said the Crown Court heard", "a crown of thorns and a court case"]
    names = proper_nouns(texts, min_count=1)
    assert {"gary", "pickford", "doncaster"} <= names
    assert "police" not in names and "court" not in names


def test_phrases():
    documents = [["crown", "court", "heard", "today"], ["at", "crown", "court"], ["crown", "court", "jury"], ["the", "court", "said"], ["crown", "jewels"]]
    model = Phrases(min_count=3, threshold=0.3).fit(documents)
    assert set(model.phrases_) == {("crown", "court")}
    assert model.transform([["the", "crown", "court", "sat"]]) == [["the", "crown_court", "sat"]]
    assert model.table()["phrase"].tolist() == ["crown court"]


def test_tokenize_numbers_possessives_and_single_letters():
    text = "The UK's 3G deal, worth £1.13bn, was signed in 2005 by 1,200 firms; I said the U.S. was in."
    assert tokenize(text) == ["the", "uk", "3g", "deal", "worth", "£1.13bn", "was", "signed", "in", "by", "firms", "said", "the", "u.s", "was", "in"]
    assert "2005" in tokenize(text, numbers="all") and "1,200" in tokenize(text, numbers="all")
    assert not any(any(ch.isdigit() for ch in t) for t in tokenize(text, numbers="none"))
    assert "i" in tokenize(text, single_letters=True)
    assert tokenize("the hunters' and the UK\u2019s") == ["the", "hunters", "and", "the", "uk"]
    with pytest.raises(ValueError, match="numbers must be one of"):
        tokenize("x", numbers="some")


def test_stop_words_cover_pronouns_and_contractions():
    words = stop_words()
    assert {"i", "you", "she", "they", "we", "didn't", "don't", "can't"} <= words
    assert "police" not in words


def test_person_names_leave_places_and_organisations():
    texts = [
        "the court heard that Gary Pickford, of Doncaster, met officers from Microsoft in Leeds",
        "police said Gary Pickford was arrested in Doncaster after Labour councillors spoke",
        "Mr Pickford told Leeds Crown Court that Microsoft and Labour had known",
        "a spokesman for Labour in Leeds said Microsoft and the England team were not involved",
        "supporters in England and Leeds said Det Insp Sara Holt and Sara Holt's team were thanked",
    ]
    people = person_names(texts, min_count=2)
    assert {"gary", "pickford", "holt"} <= people
    assert not {"doncaster", "leeds", "microsoft", "labour", "england"} & people
    person, other = person_name_counts(["President Amina Diallo visited New York with Mr Holt."])
    assert set(person) == {"amina", "diallo", "holt"} and set(other) == {"new", "york"}


def test_token_rules_remember_each_token_and_give_what_the_rules_give(monkeypatch):
    from presslens.text import TokenRules, raw_tokens

    text = "The UK's 3G deal in 2005: the UK's I and the U.S. hunters' 1,200 firms. Person Bakomirute said so."
    expected = {options: tokenize(text, **dict(options)) for options in [(), (("numbers", "all"),), (("numbers", "none"), ("single_letters", True))]}
    for options, tokens in expected.items():
        rules = TokenRules(**dict(options))
        assert [rules[t] for t in raw_tokens(text) if rules[t]] == tokens
        assert len(rules) == len(set(raw_tokens(text)))  # one judgement per distinct token
    monkeypatch.setattr(TokenRules, "max_size", 3)  # a full memory is emptied, and the answers stay the same
    small = TokenRules()
    assert [small[t] for t in raw_tokens(text) if small[t]] == expected[()] and len(small) <= 3


def test_person_name_counts_count_every_occurrence_of_a_repeated_run_in_order_of_first_appearance():
    person, other = person_name_counts(["Gary Holt met Mr Blair.", "Mr Blair and Gary Holt left New York. Gary Holt stayed."])
    assert list(person.items()) == [("gary", 3), ("holt", 3), ("blair", 2)]
    assert list(other.items()) == [("new", 1), ("york", 1)]
