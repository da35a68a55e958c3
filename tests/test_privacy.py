"""presslens.privacy: private individuals pseudonymised, officials kept, pseudonyms stable."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.privacy import find_people, pseudonym, pseudonymise


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    """Never touch the real home: the key file goes to a temporary config folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("PRESSLENS_KEY", raising=False)

TEXT = ("Keith Dawlish, 47, of Doncaster, was jailed after a sting. His sister, Karen Dawlish, said he was innocent. "
        "Detective Inspector Ruth Kellaway said the evidence was clear. Gary Pickford, founder of Shadow Watch, welcomed the verdict. "
        "Dawlish will appeal, Judge Anthony Crane was told. Amy Lomax, 34, who lives nearby, saw the arrest.")


def corpus_of(text, headline="Dawlish JAILED"):
    return pd.DataFrame({"doc_id": ["a"], "headline": [headline], "text": [text]})


def test_private_people_replaced_officials_and_public_roles_kept():
    safe, mapping = pseudonymise(corpus_of(TEXT), key="k")
    text, headline = safe["text"].iat[0], safe["headline"].iat[0]
    for private in ("Keith Dawlish", "Karen Dawlish", "Amy Lomax", "Dawlish"):
        assert private not in text and private not in headline, private
    for public in ("Ruth Kellaway", "Gary Pickford", "Anthony Crane"):
        assert public in text, public
    assert set(mapping["name"]) == {"Keith Dawlish", "Karen Dawlish", "Amy Lomax"}
    assert pseudonym("Keith Dawlish", "k") in text and pseudonym("Keith Dawlish", "k") in headline


def test_pseudonyms_are_stable_per_key_and_differ_between_keys():
    assert pseudonym("Keith Dawlish", "k") == pseudonym("keith dawlish", "k")
    assert pseudonym("Keith Dawlish", "k") != pseudonym("Keith Dawlish", "other")
    first, _ = pseudonymise(corpus_of(TEXT), key="k")
    second, _ = pseudonymise(corpus_of(TEXT), key="k")
    assert first.equals(second)


def test_find_people_reports_evidence():
    people = find_people(corpus_of(TEXT)).set_index("name")
    assert "age or description" in people.loc["Keith Dawlish", "private_evidence"]
    assert "relative or resident" in people.loc["Karen Dawlish", "private_evidence"]
    assert "title" in people.loc["Ruth Kellaway", "public_evidence"]
    assert not people.loc["Gary Pickford", "private"]


def test_teaching_corpus_private_names_removed_officials_kept():
    from presslens.corpus import load_labels, load_teaching
    from presslens.quotes import attribute, extract_quotes
    from presslens.text import clean

    corpus = clean(load_teaching(), progress=False).corpus
    quotes = attribute(extract_quotes(corpus), corpus)
    safe, _ = pseudonymise(corpus, quotes=quotes)
    persons = load_labels("persons")
    before = "\n".join(corpus["text"]) + "\n".join(corpus["headline"])
    after = "\n".join(safe["text"]) + "\n".join(safe["headline"])
    private = [n for n in persons.loc[persons["public"].astype(str).str.lower() == "false", "name"].unique() if n in before]
    assert len(private) > 300 and not [n for n in private if n in after]
    officials = persons[persons["role"].isin(["police", "government", "legal"]) & (persons["public"].astype(str).str.lower() == "true")]
    present = [n for n in officials["name"].unique() if n in before]
    assert present and all(n in after for n in present)


def test_pseudonyms_are_letters_only_and_read_as_names():
    import pandas as pd

    from presslens.quotes import attribute, extract_quotes

    alias = pseudonym("Keith Dawlish", "k")
    assert alias.startswith("Person ") and alias.replace(" ", "").isalpha()
    corpus = corpus_of(f'"We will carry on," said {alias}, outside court.')
    quotes = attribute(extract_quotes(corpus), corpus)
    assert quotes["speaker"].tolist() == [alias]
    assert pd.Series([pseudonym(f"Name {i}", "k") for i in range(2000)]).is_unique


def test_accented_names_are_replaced_in_mojibake_and_entities():
    from presslens.privacy import encoding_variants, replace_names

    mapping = __import__("pandas").DataFrame({"name": ["Zoë Hart"], "pseudonym": ["Person Bakomirute"]})
    damaged = ["ZoÃ« Hart was charged.", "Zo&euml; Hart was charged.", "Zo&#235; Hart was charged.", "Zoë Hart was charged."]
    assert replace_names(damaged, mapping) == ["Person Bakomirute was charged."] * 4
    assert encoding_variants("Keith Dawlish") == set()


def test_possessive_surnames_are_replaced():
    import pandas as pd

    from presslens.privacy import replace_names

    mapping = pd.DataFrame({"name": ["Daniel Marsh"], "pseudonym": ["Person Bakomirute"]})
    text = "Daniel Marsh's sister said Marsh's case was adjourned. Marsh\u2019s lawyer spoke. Marshes and Marsh-Smith are other words."
    assert replace_names([text], mapping) == ["Person Bakomirute's sister said Person Bakomirute's case was adjourned. Person Bakomirute\u2019s lawyer spoke. "
                                              "Marshes and Marsh-Smith are other words."]
