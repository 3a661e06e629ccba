"""Invented names for demo data: surnames and given-name characters combined at random."""

from __future__ import annotations

import random

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向汤"
GIVEN = "建国明华志强秀英丽娟海军玉兰春梅德胜文杰晓燕红霞宏伟永福桂芳金凤立新振华淑珍卫东小平凤英国庆光辉美玲丽华学军秋菊冬梅雪莲俊峰世杰家豪子涵雨欣思远嘉怡浩然宇航天佑立群秀珍树林长青正平守仁"
FEMALE_HINTS = set("英娟兰梅燕霞芳凤珍玲菊莲欣涵怡秀丽")


class NameMaker:
    """Deterministic unique invented names; never a real person on purpose."""

    def __init__(self, seed: int = 2025):
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def make(self) -> tuple[str, str]:
        while True:
            surname = self.rng.choice(SURNAMES)
            length = self.rng.choice((1, 2, 2))
            given = "".join(self.rng.choice(GIVEN) for _ in range(length))
            name = surname + given
            if name in self.used or (length == 2 and given[0] == given[1]):
                continue
            self.used.add(name)
            return name, "女" if FEMALE_HINTS & set(given) else "男"
