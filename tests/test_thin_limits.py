"""What a thin corpus can compare (issues 15, 19): the pair of groups a notebook or the
report compares, and tone differences for actors only one group mentions."""

from __future__ import annotations

import pandas as pd

from presslens import tone
from presslens.corpus import two_groups
from presslens.report import comparison_pair


def outlets(*names):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(names))], "outlet": list(names)})


def test_asked_groups_are_kept_when_present(capsys):
    corpus = outlets("A", "B", "B", "C", "C", "C").assign(outlet_type=["tabloid", "broadsheet", "wire", "wire", "wire", "wire"])
    assert two_groups(corpus, "outlet_type") == ("tabloid", "broadsheet")
    assert two_groups(corpus, "outlet_type", "broadsheet", "rest") == ("broadsheet", "rest")
    assert capsys.readouterr().out == ""


def test_missing_groups_fall_back_to_the_two_largest_and_say_so(capsys):
    corpus = outlets("A", "B", "B", "C", "C", "C")
    assert two_groups(corpus, "outlet") == ("C", "B")
    said = capsys.readouterr().out
    assert "'tabloid' or 'broadsheet'" in said and "'C' and 'B'" in said
    assert two_groups(corpus, "outlet", "B", "Z") == ("C", "B")
    assert "no 'Z' in 'outlet'" in capsys.readouterr().out
    assert two_groups(corpus, "outlet", "Z", "rest") == ("C", "rest")
    assert "largest group, 'C', with the rest" in capsys.readouterr().out


def test_ties_are_broken_by_name_not_row_order():
    assert two_groups(outlets("Y", "X", "Z", "Z"), "outlet", quiet=True) == ("Z", "X")
    assert two_groups(outlets("X", "Y", "Z", "Z"), "outlet", quiet=True) == ("Z", "X")


def test_one_group_or_none_is_skipped_in_a_sentence(capsys):
    assert two_groups(outlets("A", "A"), "outlet", what="a comparison of outlets") is None
    assert capsys.readouterr().out.strip() == "Skipped: a comparison of outlets needs at least 2 values of 'outlet'; this corpus has 1."
    assert two_groups(outlets("A"), "outlet_type", quiet=True) is None
    assert capsys.readouterr().out == ""


def test_report_pair_is_the_quiet_two_groups(capsys):
    corpus = outlets("A", "B", "B", "C", "C", "C")
    assert comparison_pair(corpus, "outlet") == ("C", "B")
    assert comparison_pair(corpus.head(1), "outlet") is None
    assert capsys.readouterr().out == ""


def test_tone_differences_leave_out_actors_one_group_never_mentions():
    corpus = outlets("A", "A", "B", "B")
    scores = pd.DataFrame({"doc_id": ["d0", "d1", "d2", "d3", "d0", "d1"], "actor": ["police"] * 4 + ["vigilantes"] * 2,
                           "tone": [0.4, 0.2, -0.1, 0.1, 0.5, 0.3]})
    found = tone.tone_differences(scores, corpus, "A", "B", group="outlet")
    assert found["actor"].tolist() == ["police"]
    single = tone.tone_difference(scores, corpus, "police", "A", "B", group="outlet")
    pd.testing.assert_frame_equal(found, single)
    both = pd.concat([scores, scores[scores["actor"] == "police"].assign(actor="courts")])
    ordered = tone.tone_differences(both, corpus, "A", "B", group="outlet", actors=["vigilantes", "courts", "police"])
    assert ordered["actor"].tolist() == ["courts", "police"]
    assert tone.tone_differences(scores, corpus, "A", "Z", group="outlet").empty
