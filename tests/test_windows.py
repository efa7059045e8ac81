"""Windows cover the text, each character owned exactly once, cuts prefer sentence ends."""
from __future__ import annotations

import pytest

from aidner.windows import split_windows


@pytest.mark.parametrize("n", [0, 1, 299, 300, 301, 1000, 5003])
def test_each_character_owned_once(n):
    text = ("某某医院帮扶某某县。" * 600)[:n]
    windows = split_windows(text, 300, 50)
    owners = [0] * n
    for w in windows:
        assert w.end - w.start <= 300 and w.start <= w.own_start <= w.own_end <= w.end
        for i in range(w.own_start, w.own_end):
            owners[i] += 1
    assert all(c == 1 for c in owners)


def test_cuts_after_sentence_end():
    text = "甲" * 250 + "。" + "乙" * 300
    first = split_windows(text, 300, 50)[0]
    assert text[first.end - 1] == "。"


def test_entity_at_an_edge_is_whole_in_its_owner():
    text = "甲" * 290 + "沿河县人民医院" + "乙" * 300
    start = 290
    (owner,) = [w for w in split_windows(text, 300, 60) if w.owns(start)]
    assert owner.start <= start and start + 7 <= owner.end


def test_bad_arguments():
    with pytest.raises(ValueError):
        split_windows("x", 100, 50)
