"""Phrase bank of the presidium's annual summary and work report."""

from __future__ import annotations

P: dict[str, tuple[str, ...]] = {
    "title": ("{township}人大主席团{year}年工作总结",),
    "title.report": ("{township}人大主席团工作报告",),
    "subtitle.report": ("——{date}在{township}{session}上",),
    "preamble": (
        "{year}年，{township}人大主席团在{tier}党委的领导下，紧紧围绕全{tier}中心工作，依法履行职责，"
        "认真开好人代会，扎实开展闭会期间活动，各项工作取得了新的进展。现将全年工作总结如下。",
        "{year}年，在{tier}党委的坚强领导和上级人大的指导下，{township}人大主席团坚持依法办事、"
        "服务大局，团结和依靠全体代表，较好地完成了年初确定的各项任务。现将有关情况总结如下。",
        "一年来，{township}人大主席团在{tier}党委领导下，把依法履职贯穿工作始终，着力发挥代表作用，"
        "推动全{tier}经济社会持续健康发展。现将{year}年工作情况总结如下。",
    ),
    "preamble.report": (
        "受{township}人大主席团委托，现将主席团{year}年以来的工作向大会报告，请予审议。",
        "现在，我受{township}人大主席团的委托，向大会报告主席团{year}年的工作，请各位代表审议。",
    ),
    "h.plan": ("统筹谋划全年工作，规范使用工作经费", "科学制定工作计划，保障人大工作经费"),
    "h.session": ("依法开好人代会，保障代表行使职权", "精心组织人代会，确保会议圆满成功"),
    "h.groups": ("加强代表小组建设，丰富闭会期间活动", "发挥代表小组作用，抓好代表学习培训"),
    "h.evaluations": ("开展工作评议，推动站所改进作风", "扎实开展评议，促进站所提升服务"),
    "h.report_backs": ("组织代表述职，接受选民监督", "推进代表向选民述职，密切代表与选民联系"),
    "h.inspections": ("开展专题视察，助推重点工作落实", "围绕中心开展视察，推动解决实际问题"),
    "h.petitions": ("发挥信访信息员作用，促进矛盾就地化解", "做好信访工作，维护群众合法权益"),
    "h.publicity": ("加强信息宣传，讲好人大故事", "抓好宣传报道，扩大人大工作影响"),
    "h.liaison": ("密切联系代表，提升服务保障水平", "做好代表联络服务，增强代表履职活力"),
    "h.plans": ("存在的不足和下一步工作打算", "工作中的不足和今后的努力方向"),
    "plan.points": (
        "年初，主席团研究制定了全年工作要点，明确了{points}等重点任务",
        "年初即着手谋划全年工作，将{points}列为重点，逐项明确责任和时间要求",
    ),
    "plan.meetings": ("全年召开主席团会议{n}", "一年来共召开主席团会议{n}"),
    "plan.budget": ("全年支出人大工作经费{money}", "人大工作经费全年支出{money}"),
    "plan.purposes": ("主要用于{items}", "重点保障了{items}"),
    "plan.budget_end": ("做到专款专用、账目清楚", "各项开支严格按规定审批，账目公开透明"),
    "session.open": (
        "{date}，{township}{session}胜利召开",
        "{date}，主席团组织召开了{township}{session}",
    ),
    "session.open_nodate": ("{township}{session}如期召开",),
    "session.roll": (
        "会议应到代表{expected}，实到{present}",
        "大会应出席代表{expected}，实际出席{present}",
    ),
    "session.rate": ("到会率{rate}", "出席率达到{rate}"),
    "session.quorum": ("超过全体代表的三分之二，符合法定人数", "符合法定开会人数"),
    "session.reports_named": (
        "会议审议通过了{names}等{n}报告",
        "大会听取并审议通过了{names}等{n}报告",
    ),
    "session.reports": ("会议审议通过工作报告{n}", "大会审议通过各项报告{n}"),
    "motions.received": ("大会期间共收到代表联名提出的议案{n}", "会议期间代表联名提出议案{n}"),
    "motions.registered": ("经主席团审议决定立案{n}", "主席团审议后作为议案立案{n}"),
    "motions.converted": ("作为建议处理{n}", "转作代表建议办理{n}"),
    "motions.assigned": (
        "{date}召开交办会，将议案和建议逐件交由承办单位办理",
        "{date}，主席团召开议案建议交办会，明确承办单位和办理时限",
    ),
    "motions.closed": (
        "截至年底已办结{n}，并书面答复领衔代表",
        "目前已办结{n}，办理结果已书面答复代表",
    ),
    "motions.satisfied": ("代表对办理结果的满意率为{rate}", "代表满意和基本满意率达{rate}"),
    "motions.principle": (
        "坚持件件有登记、件件有交办、件件有人办、件件有回音",
        "坚持统一交办、跟踪督办、及时反馈",
    ),
    "group.item": (
        "{date}，{group}组织代表围绕“{topic}”开展{kind}",
        "{date}，{group}以“{topic}”为主题组织代表{kind}",
    ),
    "group.participants": ("参加代表{n}", "参加学习的代表{n}"),
    "group.outcome": (
        "进一步提高了代表依法履职的能力",
        "代表们普遍反映收获较大",
        "为闭会期间履职打下了基础",
    ),
    "eval.item": (
        "{date}，主席团组织{deputies}代表对{unit}工作进行评议",
        "{date}，组织{deputies}代表深入{unit}开展工作评议",
    ),
    "eval.item_nodeps": ("{date}，主席团组织代表对{unit}工作进行评议",),
    "eval.steps": (
        "评议组通过走访群众、座谈交流、听取汇报等方式全面了解情况",
        "评议前，评议组深入群众明察暗访，广泛听取意见",
    ),
    "eval.ratings": ("测评结果为满意{a}、基本满意{b}、不满意{c}",),
    "eval.rate": ("满意率为{rate}", "总体满意率达{rate}"),
    "eval.opinions": ("提出评议意见{n}", "共形成评议意见{n}"),
    "eval.rectified": ("已整改落实{n}", "目前已整改到位{n}"),
    "eval.handover": (
        "评议意见已交由被评议单位限期整改",
        "主席团将评议意见书面交办，并跟踪督促整改",
    ),
    "rb.item": (
        "{date}，在{district}组织代表向选民述职",
        "{date}，主席团在{district}召开代表述职会议",
    ),
    "rb.deputies": ("述职代表{n}", "共有{n}代表现场述职"),
    "rb.voters": ("参加选民{n}", "到会选民{n}"),
    "rb.ratings": ("选民测评满意{a}、基本满意{b}、不满意{c}",),
    "rb.rate": ("满意率{rate}", "测评满意率为{rate}"),
    "rb.opinions": ("收集选民意见建议{n}", "选民当场提出意见建议{n}"),
    "insp.item": (
        "{date}，主席团组织{deputies}代表对{topic}进行专题视察",
        "{date}，组织{deputies}代表就{topic}开展视察",
    ),
    "insp.item_nodeps": ("{date}，主席团组织代表对{topic}进行专题视察",),
    "insp.opinions": ("提出意见建议{n}", "形成视察意见{n}"),
    "insp.rectified": ("已办理落实{n}", "已落实整改{n}"),
    "insp.handover": (
        "视察意见已交{tier}人民政府研究办理",
        "视察意见书面转交{tier}人民政府研究落实",
    ),
    "pet.lead": (
        "坚持一般信访不出村、重大信访不出乡的原则，把矛盾纠纷化解在基层",
        "主席团把信访工作作为联系群众的重要渠道，努力把问题解决在萌芽状态",
    ),
    "pet.officers": ("聘请{n}代表担任信访信息员", "选聘{n}代表担任村、乡两级信访信息员"),
    "pet.received": ("全年受理群众来信来访{n}", "一年来共接待处理群众信访事项{n}"),
    "pet.tier_village": ("其中村级受理{n}", "其中由村级受理{n}"),
    "pet.tier_township": ("乡级受理{n}", "{tier}级受理{n}"),
    "pet.settled_village": ("在村内就地化解{n}", "化解在村一级的{n}"),
    "pet.on_time": ("按期办结{n}", "在规定时限内办结{n}"),
    "pet.on_time_rate": ("按期办结率{rate}", "按期办结率达到{rate}"),
    "pet.case": ("比如，{case}", "以一起典型信访事项为例：{case}"),
    "pub.pieces": ("全年撰写报送人大工作信息{n}", "一年来编发人大工作信息{n}"),
    "pub.levels": ("被采用情况为{items}", "其中{items}"),
    "pub.province": ("省级采用{n}",),
    "pub.city": ("市级采用{n}",),
    "pub.county": ("县级采用{n}",),
    "pub.website": ("更新人大网站{n}", "人大网站全年更新{n}"),
    "liaison.lead": ("主席团坚持联系代表制度", "主席团注重加强与代表的联系"),
    "liaison.item": ("{label}{x}",),
    "short.lead": (
        "一年来，主席团的工作虽然取得了一定成绩，但也存在一些不足：",
        "在肯定成绩的同时，我们也清醒地看到工作中还存在一些问题：",
    ),
    "short.data_motions": ("议案和建议的办理进度还需加快，部分事项尚未办结",),
    "short.data_petitions": ("个别信访事项办理时效有待提高",),
    "plans.lead": (
        "{next}年，主席团将在{tier}党委的领导下，重点做好以下工作：",
        "{next}年，我们将继续依法履职，着力抓好以下几个方面：",
    ),
    "closing": (
        "我们将以更加务实的作风，团结和带领全体代表，为推动全{tier}高质量发展作出新的贡献。",
        "主席团将认真总结经验、改进不足，不断提高依法履职水平，为全{tier}发展贡献人大力量。",
    ),
    "closing.report": (
        "各位代表，新的一年任务艰巨、责任重大。让我们在{tier}党委的坚强领导下，"
        "开拓进取、扎实工作，为建设美好{township}而努力奋斗！",
        "各位代表，让我们紧密团结在{tier}党委周围，坚定信心、履职尽责，"
        "为全{tier}经济社会发展作出新的更大贡献！",
    ),
}
