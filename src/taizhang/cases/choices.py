"""The cases app's choices: kinds, states, workflow actions, channels, tiers, satisfaction."""

from __future__ import annotations

from django.db import models


class CaseKind(models.TextChoices):
    MOTION = "议案", "议案"
    SUGGESTION = "建议", "建议"
    PETITION = "信访", "信访"
    EVALUATION = "评议意见", "评议意见"
    INSPECTION = "视察意见", "视察意见"
    REPORT_BACK = "述职意见", "述职意见"
    ASSISTANCE = "救助", "救助"


OPINION_KINDS = (CaseKind.EVALUATION, CaseKind.INSPECTION, CaseKind.REPORT_BACK)


class CaseState(models.TextChoices):
    REGISTERED = "已登记", "已登记"
    FILED = "已立案", "已立案"
    ACCEPTED = "已受理", "已受理"
    REJECTED = "不予受理", "不予受理"
    ASSIGNED = "已交办", "已交办"
    RETURNED = "已退回", "已退回"
    HANDLING = "办理中", "办理中"
    INVESTIGATING = "调查中", "调查中"
    RECTIFYING = "整改中", "整改中"
    ANSWERED = "已答复", "已答复"
    FED_BACK = "已反馈", "已反馈"
    REDO_PENDING = "待重办", "待重办"
    RATED = "已评价", "已评价"
    CLOSED = "已办结", "已办结"
    FOLLOWED_UP = "已回访", "已回访"
    APPLIED = "已申请", "已申请"
    VERIFIED = "已核实", "已核实"
    REPORTED = "已上报", "已上报"
    APPROVED = "已审批", "已审批"
    DISBURSED = "已发放", "已发放"
    ARCHIVED = "已建档", "已建档"


# States in which a case counts as finished (办结) for figures and colours.
CLOSED_STATES = (CaseState.CLOSED, CaseState.FOLLOWED_UP, CaseState.REJECTED, CaseState.ARCHIVED)


class CaseAction(models.TextChoices):
    """A step of the workflow graphs (cases/workflow.py), named as the pages name it."""

    FILE = "立案", "立案"
    CONVERT = "转为建议", "转为建议"
    ACCEPT = "受理", "受理"
    REJECT = "不予受理", "不予受理"
    ASSIGN = "交办", "交办"
    SIGN = "签收", "签收"
    RETURN = "退回", "退回"
    INVESTIGATE = "调查", "调查"
    RECTIFY = "整改", "整改"
    REQUEST_EXTENSION = "申请延期", "申请延期"
    GRANT_EXTENSION = "批准延期", "批准延期"
    REFUSE_EXTENSION = "驳回延期", "驳回延期"
    ANSWER = "答复", "答复"
    FEED_BACK = "反馈", "反馈"
    RATE = "评价", "评价"
    FOLLOW_UP = "回访", "回访"
    REDO = "重办", "重办"
    CLOSE = "办结", "办结"
    ESCALATE = "升级", "升级"
    ARCHIVE = "建档", "建档"
    VERIFY = "核实", "核实"
    REPORT = "上报", "上报"
    APPROVE = "审批", "审批"
    DISBURSE = "发放", "发放"
    # Not a step of any graph: the event a registration writes, and the date a due rule
    # may count from (``Graph.due_on``).
    REGISTER = "登记", "登记"


class Channel(models.TextChoices):
    MEETING = "会议", "会议"
    ACTIVITY = "活动", "活动"
    LETTER = "来信", "来信"
    VISIT = "来访", "来访"
    PHONE = "电话", "电话"
    ONLINE = "网上", "网上"


class Tier(models.TextChoices):
    VILLAGE = "村", "村"
    TOWNSHIP = "乡镇", "乡镇"


class Satisfaction(models.TextChoices):
    SATISFIED = "满意", "满意"
    BASICALLY = "基本满意", "基本满意"
    UNSATISFIED = "不满意", "不满意"
