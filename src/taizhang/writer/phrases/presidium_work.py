"""Phrase bank of the presidium's annual summary, part two: supervision, deputies, plans."""

from __future__ import annotations

from .presidium_plans import P_PLANS

P_WORK: dict[str, tuple[str, ...]] = {
    # Inspections (视察、调研、执法检查).
    "insp.item": (
        "{date}，主席团组织{deputies}代表围绕{topic}开展{act}",
        "{date}，{deputies}代表在主席团组织下就{topic}开展{act}",
        "{date}，主席团带领{deputies}代表深入村组，围绕{topic}开展{act}",
        "{date}，主席团组织{deputies}代表就{topic}进行{act}",
    ),
    "insp.item_nodeps": (
        "{date}，主席团组织代表围绕{topic}开展{act}",
        "{date}，代表们在主席团组织下就{topic}开展{act}",
        "{date}，主席团带领代表深入村组，围绕{topic}开展{act}",
        "{date}，主席团组织代表就{topic}进行{act}",
    ),
    "insp.steps": (
        "代表们边看边问，听取有关方面的情况介绍",
        "代表们实地察看现场，与村干部和群众面对面交流",
        "代表们采取实地察看、座谈了解的方式掌握一手情况",
        "代表们走进田间地头和农户家中，了解真实情况",
    ),
    "insp.ratings": (
        "现场测评满意{a}、基本满意{b}、不满意{c}",
        "测评结果为满意{a}、基本满意{b}、不满意{c}",
        "代表测评满意{a}、基本满意{b}、不满意{c}",
        "经测评，满意{a}、基本满意{b}、不满意{c}",
    ),
    "insp.ratings_none": (
        "现场测评满意{a}、基本满意{b}",
        "测评结果为满意{a}、基本满意{b}",
        "代表测评满意{a}、基本满意{b}",
        "经测评，满意{a}、基本满意{b}",
    ),
    "insp.rate": ("满意率{rate}", "满意率为{rate}", "满意率达{rate}", "满意率达到{rate}"),
    "insp.found": (
        "代表们指出了{items}等问题，形成{act}意见{n}",
        "{act}后梳理出{items}等意见{n}",
        "代表们在{act}中提出意见{n}，主要是{items}等",
        "围绕{items}等问题，{act}组形成意见{n}",
    ),
    "insp.found_all": (
        "代表们指出了{items}的问题，形成{act}意见{n}",
        "{act}后梳理出意见{n}：{items}",
        "代表们在{act}中提出意见{n}，即{items}",
        "围绕{items}，{act}组形成意见{n}",
    ),
    "insp.opinions": (
        "形成{act}意见{n}",
        "代表们在{act}中提出意见{n}",
        "{act}后梳理意见{n}",
        "汇总{act}意见{n}",
    ),
    "insp.rectified": (
        "目前已整改办结{n}",
        "已整改到位{n}",
        "已办结{n}",
        "整改完成{n}",
    ),
    "insp.rest": (
        "其余{n}正在整改",
        "还有{n}在整改中",
        "另有{n}尚在落实",
        "尚有{n}未办结",
    ),
    "insp.pending": (
        "意见已交承办单位，主席团跟踪督促整改",
        "意见已书面交办，整改正在进行",
        "主席团已将意见交办，并明确了整改时限",
        "意见已交有关单位研究办理，整改尚在进行",
    ),
    "insp.result": (
        "整改情况是：{items}",
        "从反馈看，{items}",
        "经督办，{items}",
        "承办单位反馈：{items}",
    ),
    # Evaluations of stations (站所评议).
    "eval.item": (
        "{date}，主席团组织{deputies}代表对{unit}开展工作评议",
        "{date}，{deputies}代表在主席团组织下对{unit}进行了工作评议",
        "{date}，主席团组织{deputies}代表评议{unit}的工作",
        "{date}，主席团组织{deputies}代表深入{unit}开展评议",
    ),
    "eval.item_nodeps": (
        "{date}，主席团组织代表对{unit}开展工作评议",
        "{date}，代表们在主席团组织下对{unit}进行了工作评议",
        "{date}，主席团组织代表评议{unit}的工作",
        "{date}，主席团组织代表深入{unit}开展评议",
    ),
    "eval.steps": (
        "评议组通过走访群众、召开座谈会、听取工作汇报等方式全面了解情况",
        "评议前，评议组深入服务对象中明察暗访，广泛听取意见",
        "评议组采取查阅资料、个别访谈、召开座谈会的办法摸清情况",
        "评议中，代表们深入服务窗口和群众家中，认真听取各方面意见",
    ),
    "eval.ratings": (
        "代表测评满意{a}、基本满意{b}、不满意{c}",
        "无记名测评中，满意{a}、基本满意{b}、不满意{c}",
        "现场测评结果为满意{a}、基本满意{b}、不满意{c}",
        "经代表测评，满意{a}、基本满意{b}、不满意{c}",
    ),
    "eval.ratings_none": (
        "代表测评满意{a}、基本满意{b}",
        "无记名测评中，满意{a}、基本满意{b}",
        "现场测评结果为满意{a}、基本满意{b}",
        "经代表测评，满意{a}、基本满意{b}",
    ),
    "eval.rate": ("满意率{rate}", "满意率为{rate}", "满意率达{rate}", "满意率达到{rate}"),
    "eval.found": (
        "代表们提出评议意见{n}，主要是{items}等",
        "评议中梳理出{items}等意见{n}",
        "针对{items}等问题，形成评议意见{n}",
        "评议组汇总意见{n}，集中在{items}等方面",
    ),
    "eval.found_all": (
        "代表们提出评议意见{n}：{items}",
        "评议中梳理出意见{n}，即{items}",
        "针对{items}，形成评议意见{n}",
        "评议组汇总意见{n}，分别是{items}",
    ),
    "eval.opinions": (
        "提出评议意见{n}",
        "形成评议意见{n}",
        "汇总评议意见{n}",
        "梳理评议意见{n}",
    ),
    "eval.rectified": (
        "被评议单位已整改办结{n}",
        "目前已整改到位{n}",
        "已完成整改{n}",
        "已整改办结{n}",
    ),
    "eval.rest": (
        "其余{n}正在整改",
        "还有{n}在整改中",
        "另有{n}尚在落实",
        "尚有{n}未整改到位",
    ),
    "eval.pending": (
        "评议意见已书面交被评议单位限期整改",
        "主席团已将评议意见交办，整改正在进行",
        "评议意见已送达被评议单位，主席团跟踪整改",
        "被评议单位已制定整改方案，正在逐条落实",
    ),
    "eval.result": (
        "整改情况是：{items}",
        "从整改反馈看，{items}",
        "经跟踪督办，{items}",
        "被评议单位反馈：{items}",
    ),
    # Report-backs of deputies to voters (代表述职).
    "rb.item": (
        "{date}，主席团在{district}组织代表向选民述职",
        "{date}，{district}召开代表向选民述职会",
        "{date}，主席团组织{district}的代表向选民报告履职情况",
        "{date}，主席团在{district}组织开展代表述职评议",
    ),
    "rb.item_nodeps": (
        "{date}，主席团在{district}组织代表向选民述职",
        "{date}，{district}召开代表向选民述职会",
        "{date}，主席团组织{district}的代表向选民报告履职情况",
        "{date}，主席团在{district}组织开展代表述职评议",
    ),
    "rb.steps": (
        "代表逐一报告了参加会议、提出建议和联系选民的情况",
        "述职代表讲了一年来为选民办了哪些事、还有哪些没办好",
        "代表向选民汇报履职情况，当场回答选民的提问",
        "会上代表报告履职情况，选民现场提问并进行测评",
    ),
    "rb.ratings": (
        "选民测评满意{a}、基本满意{b}、不满意{c}",
        "选民现场测评，满意{a}、基本满意{b}、不满意{c}",
        "经选民测评，满意{a}、基本满意{b}、不满意{c}",
        "测评结果为满意{a}、基本满意{b}、不满意{c}",
    ),
    "rb.ratings_none": (
        "选民测评满意{a}、基本满意{b}",
        "选民现场测评，满意{a}、基本满意{b}",
        "经选民测评，满意{a}、基本满意{b}",
        "测评结果为满意{a}、基本满意{b}",
    ),
    "rb.rate": ("满意率{rate}", "满意率为{rate}", "满意率达{rate}", "满意率达到{rate}"),
    "rb.found": (
        "选民提出了{items}等意见{n}",
        "会上收集到{items}等意见{n}",
        "选民当场反映意见{n}，主要是{items}等",
        "针对{items}等问题，选民提出意见{n}",
    ),
    "rb.found_all": (
        "选民提出了意见{n}：{items}",
        "会上收集到意见{n}，即{items}",
        "选民当场反映意见{n}，是{items}",
        "针对{items}，选民提出意见{n}",
    ),
    "rb.opinions": (
        "收集选民意见{n}",
        "选民当场提出意见{n}",
        "会上征集选民意见{n}",
        "现场收集意见{n}",
    ),
    "rb.rectified": ("已办结{n}", "已落实{n}", "已办理完毕{n}", "已答复办结{n}"),
    "rb.rest": ("其余{n}正在办理", "还有{n}在办理中", "另有{n}尚在落实", "尚有{n}未办结"),
    "rb.pending": (
        "选民意见已交有关单位办理",
        "主席团已把选民意见交办",
        "这些意见已转交承办单位",
        "选民意见已登记交办，正在办理",
    ),
    "rb.result": (
        "办理情况是：{items}",
        "从反馈看，{items}",
        "经督办，{items}",
        "承办单位反馈：{items}",
    ),
    # Deputy groups, training and liaison.
    "group.item": (
        "{date}，主席团组织代表围绕{topic}开展专题学习",
        "{date}，主席团以{topic}为主题组织代表集中学习",
        "{date}，主席团组织代表集中学习，内容是{topic}",
        "{date}，主席团围绕{topic}组织代表培训",
    ),
    "group.participants": ("参加代表{n}", "参加学习的代表{n}", "到会代表{n}", "参训代表{n}"),
    "group.count": (
        "全体代表分为{groups}代表小组，全年开展小组活动{n}",
        "{groups}代表小组年内共组织活动{n}",
        "各代表小组全年开展集中活动{n}，小组共{groups}",
        "全年{groups}代表小组共开展活动{n}",
    ),
    "group.person_times": (
        "代表参加{n}",
        "参加代表累计{n}",
        "代表参与{n}",
        "共有{n}代表参加",
    ),
    "group.topics_all": (
        "各小组先后围绕{topics}开展活动",
        "小组活动的主题是{topics}",
        "活动内容为{topics}",
        "各代表小组结合实际，开展了{topics}活动",
    ),
    "group.topics": (
        "各小组先后围绕{topics}等主题开展活动",
        "小组活动的主题有{topics}等",
        "活动内容包括{topics}等",
        "各代表小组结合实际，开展了{topics}等活动",
    ),
    "liaison.lead": (
        "主席团坚持主席团成员联系代表、代表小组长联系组员的做法",
        "主席团把联系代表作为经常性工作，定期听取代表意见",
        "主席团坚持联系代表制度，及时了解代表的履职需求",
        "主席团注重和代表保持经常联系，帮助代表解决履职中的困难",
    ),
    "liaison.total": (
        "全年联系代表{n}，联系到代表{deputies}",
        "一年来共联系代表{n}，涉及代表{deputies}",
        "年内联系代表{n}，覆盖代表{deputies}",
        "全年记录联系代表{n}，联系到的代表{deputies}",
    ),
    "liaison.presidium": (
        "主席团成员联系{n}",
        "主席团成员直接联系{n}",
        "主席团成员联系代表{n}",
        "由主席团成员联系{n}",
    ),
    "liaison.group_leader": (
        "小组长联系{n}",
        "代表小组长联系{n}",
        "通过小组长联系{n}",
        "由小组长联系{n}",
    ),
    "liaison.activity": (
        "结合活动联系{n}",
        "借助活动联系{n}",
        "在活动中联系{n}",
        "通过活动联系{n}",
    ),
    "liaison.phone": (
        "电话短信联系{n}",
        "通过电话短信联系{n}",
        "用电话短信联系{n}",
        "以电话短信联系{n}",
    ),
    "liaison.home_visit": (
        "走访代表家中{n}",
        "到代表家中走访{n}",
        "上门走访代表{n}",
        "入户看望代表{n}",
    ),
    "liaison.hardship": (
        "走访困难代表{n}",
        "看望困难代表{n}",
        "慰问困难代表{n}",
        "走访生活困难的代表{n}",
    ),
    "liaison.voter_visits": (
        "主席团还组织代表进村入户走访选民{n}",
        "年内组织代表集中走访选民{n}",
        "主席团组织代表集中走访选民{n}，面对面听取群众意见",
        "组织代表开展走访选民活动{n}",
    ),
    # Petitions.
    "pet.lead": (
        "主席团坚持一般信访不出村、重大信访不出{tier}",
        "主席团依托代表贴近群众的优势，把矛盾纠纷发现在早、化解在小",
        "主席团把信访工作作为联系群众的重要渠道，做到有访必接、有诉必应",
        "主席团注重发挥代表作用，及时收集和报送信访信息",
    ),
    "pet.officers": (
        "全{tier}聘请{n}代表担任村、{tier}两级信访信息员",
        "{n}代表担任信访信息员，分布在村、{tier}两级",
        "由{n}代表兼任村、{tier}两级信访信息员",
        "确定{n}代表担任信访信息员，形成村、{tier}两级信息网络",
    ),
    "pet.received": (
        "全年受理信访{n}",
        "一年来共受理群众信访{n}",
        "年内登记受理信访{n}",
        "全年共受理信访{n}",
    ),
    # Label-and-figure layouts of the parts of a whole, not phrasings.
    "pet.split": ("其中{items}",),
    "pet.part_village": ("村级受理{n}",),
    "pet.part_township": ("{tier}级受理{n}",),
    "pet.part_other": ("其他{n}",),
    "pet.settled_village": (
        "在村内化解{n}",
        "就地化解在村里的{n}",
        "在村一级化解{n}",
        "在村里就地解决{n}",
    ),
    "pet.story": (
        "某村村民反映，{content}，经{answer}，此事于{date}办结",
        "某村村民来访反映，{content}，经{answer}，已于{date}办结",
        "如某村村民反映，{content}，信访信息员及时报告，经{answer}，于{date}办结",
        "比如，某村村民反映，{content}，经{answer}，{date}办结",
    ),
    "pet.story_followup": (
        "回访时当事人表示满意",
        "事后回访，当事人满意",
        "回访中群众对处理结果表示满意",
        "经回访，当事人对结果满意",
    ),
    # Publicity and budget.
    "pub.pieces": (
        "全年撰写报送人大工作信息{n}",
        "一年来编发人大工作信息{n}",
        "全年报送人大工作信息{n}",
        "年内编写上报人大工作信息{n}",
    ),
    "pub.levels": ("其中{items}", "被采用的有{items}", "被采用情况为{items}", "采用情况是{items}"),
    "pub.province": ("省级采用{n}",),
    "pub.city": ("市级采用{n}",),
    "pub.county": ("县级采用{n}",),
    "pub.titles": (
        "{titles}等稿件被上级人大采用",
        "被上级采用的稿件有{titles}等",
        "{titles}等信息在县级以上刊用",
        "在县级以上刊发的有{titles}等",
    ),
    "plan.meetings": (
        "主席团坚持集体议事，全年召开主席团会议{n}，研究人代会筹备、议案建议交办和监督工作等议题",
        "全年召开主席团会议{n}，重要工作都经主席团集体研究决定",
        "主席团全年召开会议{n}，及时研究部署闭会期间的各项工作",
        "一年来共召开主席团会议{n}，做到重要工作集体研究、分工落实",
    ),
    "budget.spent": (
        "全年支出人大工作经费{money}",
        "人大工作经费全年支出{money}",
        "全年使用人大工作经费{money}",
        "年内人大工作经费支出共计{money}",
    ),
    "budget.purposes": (
        "主要用于{items}",
        "重点保障了{items}",
        "集中用在{items}等方面",
        "用于{items}等",
    ),
    "budget.end": (
        "做到专款专用、账目清楚",
        "各项开支严格按规定审批",
        "每笔开支都有据可查",
        "经费使用坚持厉行节约",
    ),
}


P_WORK.update(P_PLANS)
