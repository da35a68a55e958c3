"""The pseudonym key: no public default, one random secret per user, reruns identical."""

from __future__ import annotations

import stat

import pandas as pd
import pytest

from presslens.privacy import (
    PSEUDONYM_PATTERN,
    default_key,
    key_fingerprint,
    key_path,
    pseudonym_stop_words,
    pseudonymisation_note,
    pseudonymise,
    remove_pseudonyms,
    resolve_key,
)

CORPUS = pd.DataFrame({"doc_id": ["a"], "headline": ["Dawlish jailed"], "byline": ["By Keith Dawlish's neighbour"],
                       "url": ["https://example.news/2024/keith-dawlish-jailed"],
                       "text": ["Keith Dawlish, 47, of St Helens, was jailed on Boxing Day. Attorney General Helen Marchbank spoke."]})


@pytest.fixture
def user(tmp_path, monkeypatch):
    """A user with their own (temporary) home and config folder, no key in the environment."""
    def switch(name):
        monkeypatch.setenv("HOME", str(tmp_path / name))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / name / "config"))
        monkeypatch.delenv("PRESSLENS_KEY", raising=False)
        return tmp_path / name / "config" / "presslens" / "key"
    return switch


def test_first_use_creates_a_private_random_key_and_reruns_are_identical(user):
    path = user("alice")
    assert not path.exists()
    first = pseudonymise(CORPUS).corpus
    assert path.exists() and key_path() == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(path.read_text().strip()) == 64 and path.read_text().strip() != "presslens"
    second = pseudonymise(CORPUS).corpus
    assert first.equals(second)
    assert "Keith Dawlish" not in first["text"].iat[0] and "St Helens" in first["text"].iat[0] and "Boxing Day" in first["text"].iat[0]


def test_two_users_get_different_pseudonyms(user):
    user("alice")
    alice = pseudonymise(CORPUS).mapping["pseudonym"].iat[0]
    user("bob")
    bob = pseudonymise(CORPUS).mapping["pseudonym"].iat[0]
    assert alice != bob and PSEUDONYM_PATTERN.fullmatch(alice) and PSEUDONYM_PATTERN.fullmatch(bob)


def test_environment_and_argument_take_precedence(user, monkeypatch):
    path = user("carol")
    monkeypatch.setenv("PRESSLENS_KEY", "shared team key")
    assert resolve_key() == ("shared team key", "environment") and not path.exists()
    assert resolve_key("explicit") == ("explicit", "argument")
    assert default_key() == "shared team key"
    from_env = pseudonymise(CORPUS).mapping["pseudonym"].iat[0]
    assert from_env == pseudonymise(CORPUS, key="shared team key").mapping["pseudonym"].iat[0]


def test_an_empty_key_file_is_a_clear_error(user):
    from presslens.privacy import KeyFileError

    path = user("dan")
    path.parent.mkdir(parents=True)
    path.write_text("")
    with pytest.raises(KeyFileError, match="key file is empty"):
        default_key()


def test_the_note_says_how_to_reproduce_without_revealing_the_key(user):
    user("erin")
    note = pseudonymisation_note(replaced=2)
    key = default_key()
    assert key not in note and key_fingerprint(key) in note and "$XDG_CONFIG_HOME/presslens/key" in note
    assert "2 private individuals" in note and "reproduce" in note
    assert "--key" in pseudonymisation_note("k") and "/" not in pseudonymisation_note("k").split("fingerprint")[0].replace("HMAC-SHA-256", "")


def test_url_and_byline_are_pseudonymised(user):
    user("frank")
    safe, mapping = pseudonymise(CORPUS, key="k")
    alias = mapping.set_index("name").loc["Keith Dawlish", "pseudonym"]
    assert safe["url"].iat[0] == "https://example.news/2024/" + alias.lower().replace(" ", "-") + "-jailed"
    assert safe["byline"].iat[0] == f"By {alias}'s neighbour"
    assert safe["headline"].iat[0] == f"{alias} jailed"


def test_keep_and_hide_lists(user):
    user("gina")
    kept = pseudonymise(CORPUS, key="k", keep=["Keith Dawlish"]).corpus
    assert "Keith Dawlish" in kept["text"].iat[0]
    hidden = pseudonymise(CORPUS, key="k", hide=["Helen Marchbank"]).corpus
    assert "Helen Marchbank" not in hidden["text"].iat[0] and "Attorney General Person " in hidden["text"].iat[0]


def test_pseudonyms_never_enter_vocabularies():
    from sklearn.feature_extraction.text import CountVectorizer

    texts = ["Person Bakomirute was jailed in St Helens.", "Person Tidovazeka and the police."]
    vocabulary = CountVectorizer().fit(remove_pseudonyms(texts)).get_feature_names_out()
    assert not {"person", "bakomirute", "tidovazeka"} & set(vocabulary)
    stop = pseudonym_stop_words(texts)
    assert stop == ["bakomirute", "person", "tidovazeka"]
    assert not set(stop) & set(CountVectorizer(stop_words=stop).fit(texts).get_feature_names_out())


def test_headline_with_a_blank_line_keeps_its_lines():
    corpus = pd.DataFrame({"doc_id": ["a"], "headline": ["Man jailed\n\nSecond line"], "text": ["Lee Ward, 31, was jailed."]})
    safe, _ = pseudonymise(corpus, key="k")
    assert safe["headline"].iat[0] == "Man jailed\n\nSecond line" and safe["text"].iat[0].endswith(", 31, was jailed.")
