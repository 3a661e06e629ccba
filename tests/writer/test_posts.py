"""The table of post titles: every post's voice in a 乡 and a 镇 (GENRES §2), unknown titles."""

from __future__ import annotations

import pytest

from taizhang.writer.compose.personal import compose_personal
from taizhang.writer.demo import personal_facts
from taizhang.writer.posts import VOICES, UnknownPost, fill, known_titles, office, voice_for

TOWNS = {"乡": "云岭乡", "镇": "白沙镇"}
# voice key → (a title as people write it, phrases its framing must hold; {t} is 乡/镇,
# {w} the township)
FRAMES = {
    "party_secretary": ("党委书记", ["主持{t}党委全面工作"]),
    "head": ("{t}长", ["主持{t}人民政府全面工作", "在{t}党委的坚强领导下，在{t}人大的监督支持下"]),
    "deputy_head": ("副{t}长", ["分管", "在{t}党委、政府的领导下"]),
    "head_assistant": ("{t}长助理", ["在{t}党委、政府的领导下"]),
    "congress_chair": ("人大主席", ["在{t}党委的领导下和县人大常委会的指导下", "主席团"]),
    "congress_vice": ("人大副主席", ["在{t}党委的领导下和县人大常委会的指导下", "代表"]),
    "congress_secretary": ("人大专干", ["在{t}党委的领导下和县人大常委会的指导下", "主席团"]),
    "party_deputy": ("党委副书记", ["在{t}党委的领导下"]),
    "discipline": ("纪委书记", ["主持{t}纪委全面工作"]),
    "organisation": ("组织委员", ["在{t}党委的领导下"]),
    "propaganda": ("宣传委员", ["在{t}党委的领导下"]),
    "armed": ("武装部长", ["{w}人民武装部部长"]),
    "league": ("团委书记", ["共青团{w}委员会书记", "团员青年"]),
    "women": ("妇联主席", ["{w}妇联主席"]),
    "station": ("站所负责人", ["在上级业务部门和{t}党委、政府的领导下"]),
    "civil": ("民政专干", ["在{t}党委、政府的领导下", "社会救助"]),
    "village_secretary": ("村党支部书记", ["在{t}党委、政府的领导下"]),
    "village_head": ("村委会主任", ["在{t}党委、政府的领导下，在村党组织的带领下"]),
}


def test_the_table_covers_every_voice():
    assert set(FRAMES) == set(VOICES)


@pytest.mark.parametrize("tier", ["乡", "镇"])
@pytest.mark.parametrize("key", sorted(FRAMES))
def test_each_post_is_framed_in_its_own_voice_in_a_xiang_and_a_zhen(key, tier):
    town = TOWNS[tier]
    title, phrases = FRAMES[key]
    title = title.format(t=tier)
    voice = voice_for(title, town)
    assert voice is not None and voice.key == key, title
    unit = "石桥村" if voice.group == "village" else ("卫生院" if key == "station" else town)
    words = {
        "leadership": fill(voice.leadership, township=town, unit=unit),
        "role": fill(voice.role, township=town, unit=unit, portfolios="农业农村"),
        "office": office(voice, township=town, unit=unit, title=title),
    }
    framing = "".join(words.values())
    for phrase in phrases:
        assert phrase.format(t=tier, w=town) in framing, (key, phrase, words)
    other = "镇" if tier == "乡" else "乡"
    for wrong in (f"{other}党委", f"{other}人民政府", f"全{other}", f"{other}人大", f"副{other}长"):
        assert wrong not in framing, (key, wrong)
    assert "按照政府的部署" not in framing
    assert words["office"].count(town) == 1, words["office"]
    if voice.group == "congress":
        assert "政府的" not in words["leadership"]
    if key == "league":
        assert "分管" not in framing and "人民政府团委" not in framing


@pytest.mark.parametrize(
    ("title", "town", "key"),
    [
        ("党委委员、副镇长", "白沙镇", "deputy_head"),
        ("白沙镇副镇长", "白沙镇", "deputy_head"),
        ("副乡长", "白沙镇", "deputy_head"),  # the township's own kind decides 乡/镇
        ("常务副乡长", "云岭乡", "deputy_head"),
        ("卫生院院长", "云岭乡", "station"),
        ("财政所所长", "云岭乡", "station"),
        ("民政助理员", "白沙镇", "civil"),
        ("村党支部书记", "云岭乡", "village_secretary"),
        ("村主任", "云岭乡", "village_head"),
        ("人大主席团主席", "云岭乡", "congress_chair"),
        ("共青团白沙镇委员会书记", "白沙镇", "league"),
        ("人武部长", "白沙镇", "armed"),
    ],
)
def test_common_variants_of_a_title_find_their_voice(title, town, key):
    assert voice_for(title, town).key == key


def test_a_title_the_table_does_not_know_has_no_voice():
    assert voice_for("档案员", "白沙镇") is None
    assert voice_for("", "白沙镇") is None
    assert "副镇长" in known_titles() and "副乡长" in known_titles()


def test_the_unit_name_never_repeats_the_township():
    station = VOICES["station"]
    assert office(station, township="白沙镇", unit="白沙镇卫生院") == "白沙镇卫生院负责人"
    assert (
        office(station, township="白沙镇", unit="卫生院", title="卫生院院长") == "白沙镇卫生院院长"
    )
    head = VOICES["deputy_head"]
    assert office(head, township="白沙镇", unit="白沙镇") == "白沙镇人民政府副镇长"


def test_compose_refuses_an_unknown_title_naming_it_unless_a_voice_is_chosen():
    facts = personal_facts("investment")
    facts.section("post:1").attributes.update(title="档案员", voice="")
    with pytest.raises(UnknownPost) as refused:
        compose_personal(facts)
    assert "档案员" in str(refused.value) and "职务" in str(refused.value)
    facts.attributes["voice"] = "deputy_head"
    assert "分管" in compose_personal(facts).plain_text


def test_two_posts_each_tell_their_work_under_their_own_heading_and_voice():
    doc = compose_personal(personal_facts("league"))
    headings = [b.text for b in doc.blocks() if b.kind == "heading" and b.level == 2]
    assert any("团委书记" in h for h in headings) and any("民政专干" in h for h in headings)
    text = doc.plain_text
    civil = text.index(next(h for h in headings if "民政专干" in h))
    assert "县民政局的业务指导下" in text[civil:]
    assert "东岭村危房改造" in text[civil:] and "东岭村危房改造" not in text[:civil]
    assert "共青团长集镇委员会书记" in text and "长集镇人民政府团委书记" not in text
