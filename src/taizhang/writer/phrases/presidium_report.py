"""Phrase bank of the presidium's work report, part one: frame, session, motions, suggestions."""

from __future__ import annotations

from .presidium_report_work import P_WORK

P: dict[str, tuple[str, ...]] = {
    # The title, subtitle and reporter line of a report follow a fixed form.
    "title": ("{township}人大主席团工作报告",),
    "subtitle": ("——在{township}{session}上",),
    "reporter": ("{post}　{name}",),
    "preamble": (
        "现在，我代表{township}人大主席团，向大会报告一年来的工作，请予审议。",
        "受{township}人大主席团委托，我向大会报告主席团{year}年的工作，请各位代表审议。",
        "我受主席团委托，向大会报告{township}人大主席团过去一年的工作和{next}年的工作安排，请予审议。",
        "现在，我受主席团的委托，向大会报告主席团一年来的工作，请各位代表审议。",
    ),
    "closing": (
        "各位代表，新的一年任务更加繁重，群众对人大工作有新的期待。让我们在{tier}党委的坚强领导下，紧紧依靠全体代表和全{tier}人民，"
        "依法履职、真抓实干，为建设美好{township}作出新的贡献！",
        "各位代表，做好新一年的人大工作，责任重大，使命光荣。全体代表和主席团成员要珍惜人民的信任。让我们在{tier}党委的领导下，同心同德、扎实工作，"
        "努力开创全{tier}人大工作的新局面！",
        "各位代表，人大工作连着群众的冷暖，代表的一言一行关系群众的切身利益。让我们更加紧密地团结在{tier}党委周围，珍惜人民的重托，认真履行代表职责，"
        "为全{tier}经济社会发展贡献智慧和力量！",
        "各位代表，群众的期盼就是我们的努力方向，代表的履职就是群众的希望所在。让我们在{tier}党委的领导下，以更加务实的作风履职尽责，"
        "为{township}的发展进步不懈奋斗！",
    ),
    "h.review": (
        "{year}年工作回顾",
        "过去一年工作回顾",
        "{year}年主要工作回顾",
        "一年来的主要工作",
    ),
    "review.lead": (
        "过去的一年，在{tier}党委的领导下和县人大常委会的指导下，主席团团结依靠全体代表，"
        "把开好大会、办好议案建议、搞好监督和服务代表作为主要任务，较好地完成了本届大会确定的各项工作。",
        "一年来，主席团在{tier}党委的领导下和县人大常委会的指导下，认真执行本届人民代表大会的决议，"
        "依法履行职责，为全{tier}改革发展稳定作出了积极贡献。",
        "{year}年，主席团在{tier}党委的领导下和县人大常委会的指导下，坚持为代表服务、为群众办事，"
        "各项工作稳步推进。",
        "{year}年，在{tier}党委的领导下和县人大常委会的指导下，主席团始终把依法履职放在首位，"
        "工作有计划、有检查、有落实。",
    ),
    "review.figures": (
        "全年召开主席团会议{meetings}，组织代表开展视察、评议、述职和小组活动等{n}",
        "一年中主席团开会{meetings}，组织各类代表活动{n}",
        "全年主席团共开会{meetings}，代表活动{n}",
        "我们全年召开主席团会议{meetings}，组织代表活动{n}",
    ),
    "h.session": (
        "依法开好大会，认真办理代表议案和建议",
        "开好人代会，抓好议案建议办理",
        "保障代表行使职权，推动议案建议落实",
        "组织好大会，用心办理代表议案建议",
    ),
    "h.supervision": (
        "开展视察评议，推动问题整改",
        "坚持依法监督，增强监督实效",
        "围绕民生开展监督，推动站所改进服务",
        "用好视察和评议，促进工作落实",
    ),
    "h.deputies": (
        "服务代表履职，发挥代表作用",
        "加强代表工作，密切同选民的联系",
        "抓好代表小组活动，提升代表履职能力",
        "做好联系代表工作，为代表履职创造条件",
    ),
    "h.petitions": (
        "做好信访和宣传工作，加强主席团自身建设",
        "依托代表化解矛盾，抓好宣传和自身建设",
        "畅通群众诉求渠道，加强主席团自身建设",
        "发挥信访信息员作用，规范主席团运行",
    ),
    "session.prepare": (
        "主席团提前研究大会议程和日程，组织起草会议文件，为大会顺利召开打好基础",
        "大会召开前，主席团组织代表走访选民、收集意见，指导代表准备议案和建议",
        "主席团对大会的文件、会务和后勤逐项作了安排，保证了大会按期召开",
        "会前，主席团认真做好代表资格审查、会议文件印制和会场准备等工作",
    ),
    "session.open": (
        "{date}，我们召开了{township}{session}",
        "{township}{session}于{date}召开",
        "{date}，{township}{session}在主席团主持下召开",
        "{date}，主席团主持召开{township}{session}",
    ),
    "session.open_nodate": (
        "我们召开了{township}{session}",
        "{township}{session}按期召开",
        "{township}{session}在主席团主持下召开",
        "主席团主持召开了{township}{session}",
    ),
    "session.not_held": (
        "{township}{session}原定于{date}召开，因到会代表未超过全体代表的三分之二，会议没有举行",
        "按照计划，{township}{session}应于{date}召开，由于到会代表不足法定人数，未能开会",
        "{date}，{township}{session}因出席代表未达到法定人数而没有召开",
        "原计划{date}召开的{township}{session}，到会代表未达到全体代表的三分之二，会议未能举行",
    ),
    "session.roll_short": (
        "应到代表{expected}，实到{present}",
        "应出席代表{expected}，实际到会{present}",
        "应到会代表{expected}，到会{present}",
        "应到代表{expected}，实际报到{present}",
    ),
    "session.roll": (
        "应出席代表{expected}，实际出席{present}",
        "应到会代表{expected}，到会{present}",
        "应到代表{expected}，报到出席{present}",
        "全体代表{expected}中出席{present}",
    ),
    "session.rate": ("出席率达到{rate}", "到会比例为{rate}", "出席比例{rate}", "出席率{rate}"),
    "session.quorum": (
        "符合法定人数",
        "出席代表超过全体代表的三分之二",
        "会议合法有效",
        "到会代表超过法定人数",
    ),
    "session.reports_named": (
        "大会审议并通过了{names}，共{n}报告",
        "代表们审议通过了{names}这{n}报告",
        "会议依法审议和批准了{names}，共{n}报告",
        "大会听取和审议了{names}，{n}报告全部获得通过",
    ),
    "session.reports_some": (
        "大会审议并通过了{names}等{n}报告",
        "代表们审议通过了{names}等{n}报告",
        "会议依法审议和批准了{names}等{n}报告",
        "大会听取和审议了{names}等{n}报告，全部获得通过",
    ),
    "session.reports": (
        "大会审议通过报告{n}",
        "会议依法审议批准报告{n}",
        "代表们审议通过各项报告{n}",
        "大会听取和通过报告{n}",
    ),
    "session.elections": (
        "大会依法进行了选举，{items}",
        "会议依照选举办法进行了选举，{items}",
        "大会还进行了选举，{items}",
        "会上依法选举，{items}",
    ),
    "motions.received": (
        "会议期间，代表们联名提出议案{n}",
        "大会收到代表联名提出的议案{n}",
        "代表们在会上联名提交议案{n}",
        "会议期间主席团共收到联名议案{n}",
    ),
    "motions.registered": (
        "主席团依法审议后立案{n}",
        "经审查列为大会议案{n}",
        "主席团决定作为议案{n}",
        "立为议案{n}",
    ),
    "motions.converted": (
        "作为代表建议交办{n}",
        "按建议处理{n}",
        "转为建议{n}",
        "改作建议办理{n}",
    ),
    "motions.assigned": (
        "{date}，主席团召开交办会，逐件落实承办单位、办理时限和责任人",
        "大会闭会后，主席团于{date}召开交办会，把议案和建议逐件交给承办单位",
        "{date}，我们召开议案建议交办会，要求承办单位按期答复代表",
        "主席团在{date}召开交办会，对议案和建议实行统一交办、跟踪督办",
    ),
    "motion.filed": (
        "大会立案的{title}",
        "作为大会议案的{title}",
        "列为议案的{title}",
        "{title}作为大会议案",
    ),
    "motion.converted_item": (
        "{title}按建议交办后",
        "改作建议的{title}",
        "{title}转为建议",
        "转为建议办理的{title}",
    ),
    "motion.closed": (
        "{unit}承办，已经办结",
        "经{unit}办理已办结",
        "{unit}办理完成并已办结",
        "由{unit}负责落实，现已办结",
    ),
    "motion.answered": (
        "{unit}已答复代表",
        "{unit}作出了书面答复",
        "承办单位{unit}已书面答复",
        "已收到{unit}的书面答复",
    ),
    "motion.redo": (
        "代表对{unit}的答复不满意，主席团已要求重新办理",
        "代表对{unit}的答复不满意，目前正在重办",
        "因代表不满意，{unit}正在重新办理",
        "代表不满意{unit}的答复，已退回重办",
    ),
    "motion.handling": (
        "{unit}正在办理",
        "{unit}已签收并在办理中",
        "{unit}办理之中",
        "正由{unit}推进办理",
    ),
    "motion.assigned": (
        "交{unit}后尚待签收",
        "已交{unit}，尚未答复",
        "交办{unit}后还没有答复",
        "{unit}尚未签收办理",
    ),
    "motion.waiting": ("正待交办", "尚待交办", "还没有交办", "待主席团交办"),
    "motion.answer": ("{answer}", "办理情况是{answer}", "结果是{answer}", "答复为{answer}"),
    "motion.basic": (
        "领衔代表基本满意",
        "代表表示基本满意",
        "代表评价基本满意",
        "办理结果得到代表基本认可",
    ),
    "motion.satisfied": (
        "领衔代表满意",
        "代表表示满意",
        "代表评价满意",
        "办理结果得到代表认可",
    ),
    "motions.progress": (
        "到年底，议案已办结{closed}，尚有{rest}未办结",
        "截至年底共办结{closed}，还有{rest}在办理中",
        "全年办结议案{closed}，{rest}仍需继续督办",
        "议案办结{closed}，尚未办结的{rest}正在跟踪",
    ),
    "motions.all_closed": (
        "议案{n}已全部办结",
        "到年底，{n}议案都已办结",
        "全部议案均已办结，共{n}",
        "议案办结{n}，没有遗留",
    ),
    "motions.none_closed": (
        "到年底还没有议案办结",
        "议案都还在办理中，尚未办结",
        "议案办理尚无办结",
        "截至年底议案均未办结",
    ),
    "sug.total": (
        "闭会期间，代表们还提出建议{n}，内容主要涉及{topics}等方面",
        "代表们平时提出建议{n}，集中反映了{topics}等方面的问题",
        "此外，代表提出建议{n}，涉及{topics}等群众关心的问题",
        "代表们还就{topics}等问题提出建议{n}",
    ),
    "sug.total_all": (
        "闭会期间，代表们还提出建议{n}，内容涉及{topics}",
        "代表们平时提出建议{n}，集中反映了{topics}方面的问题",
        "此外，代表提出建议{n}，涉及{topics}",
        "代表们还就{topics}提出建议{n}",
    ),
    "sug.topic": (
        "在{topic}方面，代表提出{titles}等{n}",
        "{topic}方面有{titles}等{n}",
        "{topic}方面的建议{n}，如{titles}等",
        "围绕{topic}，代表提出了{titles}等{n}",
    ),
    "sug.topic_all": (
        "{topic}方面的建议{n}：{titles}",
        "在{topic}方面，代表提出建议{n}，即{titles}",
        "{topic}方面有建议{n}，是{titles}",
        "围绕{topic}，代表提出了{titles}，共{n}",
    ),
    "sug.answered": ("已答复{n}", "承办单位答复了{n}", "得到答复的{n}", "已作答复{n}"),
    "sug.closed": ("办结{n}", "已经办结{n}", "其中办结{n}", "办理完毕{n}"),
    "sug.none_answered": (
        "这些建议正在办理中",
        "这些建议都已交办，尚待答复",
        "这些建议已经交办，正在抓紧办理",
        "这些建议已交承办单位，主席团正在督办",
    ),
    "sug.example": (
        "有的建议已经办出成效，{answer}",
        "从办理情况看，{answer}",
        "一些建议已落到实处，{answer}",
        "办理中，{answer}",
    ),
}


P.update(P_WORK)
