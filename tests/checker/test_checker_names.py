"""Proper names the caller knows are not slips; everything else at that place still is."""

from taizhang.checker import check

TEXT = "会议期间，王建君等6名代表联名提出议案，主席团决定列入会议议程。"


def spelling(findings):
    return [f for f in findings if f.category in ("typo", "spinner")]


def test_a_name_read_as_a_homophone_slip_is_flagged_without_names():
    assert [f.text for f in spelling(check(TEXT))] == ["建君"]


def test_a_name_the_ledger_knows_is_spared():
    assert spelling(check(TEXT, names={"王建君"})) == []


def test_sparing_a_name_keeps_the_other_findings_of_the_text():
    text = TEXT + "会议强调,要加强对市场篮管工作的领导。"
    plain = check(text)
    spared = check(text, names=["王建君"])
    assert {f.rule for f in plain} - {f.rule for f in spared} <= {"typo.spelling", "typo.homophone"}
    assert [f.text for f in spared if f.category == "punctuation"] == [","]
    # The name spares only its own place: another slip of the same reading stays.
    assert spelling(check("王建君同志当年参加建君节活动。", names=["王建君"]))
