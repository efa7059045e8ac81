"""Results in numbers: patients, surgeries, trainings, institutions (COUNT with no SENDS)."""
from __future__ import annotations

from training.generator import lexicons as lx
from training.generator import values as vl
from training.generator.clauses import builder
from training.generator.clauses._templates import T
from training.generator.context import Ctx
from training.generator.pieces import Sentence, choose_alternations, render

STAT_ITEMS: tuple[tuple[str, str], ...] = (
    ("<接诊|诊治><门急诊|门诊>患者", "patients"), ("收治住院患者", "patients"), ("开展手术", "surgeries"),
    ("<开展|完成>手术及手术示教", "surgeries"), ("开展义诊", "events"), ("<受益群众|惠及群众|服务群众>", "visits"),
    ("<开展|举办>业务培训", "trained"), ("<开展|完成>教学查房", "events"),
    ("<开展|举办><专题讲座|学术讲座>", "lectures"),
    ("<开展|组织>远程会诊", "patients"), ("疑难病例讨论", "patients"), ("<培训|带教>医务人员", "trained"),
    ("<开展|推广>新技术新项目", "techniques"), ("<帮助|协助>制定<管理制度|诊疗规范>", "projects"),
    ("<完成|开展>师徒结对", "pairs"), ("<发表|指导发表>学术论文", "papers"), ("<救治|抢救>危重患者", "patients"),
    ("<开展|完成>健康宣教", "visits"), ("<会诊|院内会诊>", "patients"), ("<免费>筛查", "visits"),
    ("<下乡|巡回>义诊", "events"), ("<开展|完成>体检", "visits"), ("<开展|完成>新技术", "techniques"),
)


MONEY_ITEMS: tuple[str, ...] = (
    "为患者节省<就医|外转|医疗>费用", "<减免|免除>患者医疗费用", "<带动|实现>医疗收入<增长|增加>",
    "<争取|落实>项目资金", "<发放|拨付>补助资金")


def stat_run(ctx: Ctx, n: int | None = None) -> Sentence:
    """A run of numbered results: 接诊患者8825人次，开展手术651台次，…"""
    rng = ctx.rng
    n = n or rng.choice([2, 3, 3, 4, 5, 6])
    items = rng.sample(STAT_ITEMS, n)
    sent = Sentence()
    for i, (text, kind) in enumerate(items):
        if i:
            sent.add(rng.choice(["，", "，", "、", "；"]))
        label = choose_alternations(rng, text)
        if rng.random() < 0.15:
            sent.add(label, rng.choice(["共", "累计", "达", "共计"]), ctx.count(kind))
        else:
            sent.add(label, ctx.count(kind))
    if rng.random() < 0.25:
        sent.add(rng.choice(["，", "；"]), choose_alternations(rng, rng.choice(MONEY_ITEMS)), ctx.money(1, 800))
    return sent


STATS = T("stats", [
    "{D}<以来|至今>，{G}<累计|共|共计>{RUN}",
    "{D}，{G}{RUN}",
    "<据统计|据不完全统计>，<仅>{D}，{G}<共>{RUN}",
    "<截至目前|截至{D}>，{G}{RUN}",
    "{G}<充分发挥专业优势|亲临一线|扎根基层>，{RUN}",
    "{RUN}",
    "{H}<派出的|派驻的|选派的><专家团队|医疗队员|帮扶专家><累计|共>{RUN}",
    "{D}<以来>，{R}<累计>{RUN}",
])


@builder(role=None, rels=(), weight=4.0, topic="outcome")
def stats(ctx: Ctx) -> Sentence:
    """Results in numbers; even with a named helper, counts of patients are not SENDS."""
    sc, rng = ctx.sc, ctx.rng
    template = rng.choice(STATS)
    slots = {"D": ctx.date(rng.choice(["YM", "Y", "REL", "Y_PART", "YM"])),
             "G": rng.choice(["帮扶专家", "医疗队", "专家团队", "派驻专家", "帮扶医疗队员", "帮扶人员", "驻点专家"]),
             "RUN": stat_run(ctx),
             "H": ctx.m(sc.main_helper if sc.main_helper.label != "REGION" else sc.helper_hospital(0)),
             "R": ctx.m(sc.recip_hospital())}
    return render(rng, template, slots)


INSTITUTIONS = T("institutions", [
    "{R}现有<医疗卫生机构|医疗机构>{C}，其中<医院|县级医院>{C2}、<乡镇卫生院|卫生院>{C3}、村卫生室{C4}",
    "{R}<有|共有><医疗机构|医疗卫生机构>{C}，<医院（卫生院）|医院>{C2}",
    "<全县|全州|全市>{C}乡镇卫生院<全部|均已>完成标准化建设",
    "{R}<共有|现有>卫生技术人员{C5}，每千人口执业（助理）医师{ratio}人",
    "<覆盖|辐射>{R}{C6}乡镇和{C4}行政村",
])


@builder(role=None, rels=(), weight=1.2, topic="outcome")
def institutions(ctx: Ctx) -> Sentence:
    """How many institutions a place has: COUNT and REGION, no relation."""
    sc, rng = ctx.sc, ctx.rng
    r = sc.r_pref_actor() if rng.random() < 0.5 else sc.r_county_actor()
    total = rng.randint(40, 900)
    part = rng.randint(3, max(4, total // 5))
    slots = {"R": ctx.m(r), "C": ctx.fixed(f"{total}" + rng.choice(["个", "家"])),
             "C2": ctx.fixed(f"{part}家"), "C3": ctx.fixed(f"{rng.randint(part, total)}个"),
             "C4": ctx.count("villages", unit="个"), "C5": ctx.count("staff", unit="人"),
             "C6": ctx.count("villages", unit="个"),
             "ratio": f"{rng.uniform(1.2, 3.5):.2f}"}
    return render(rng, rng.choice(INSTITUTIONS), slots)


EQUIP = T("equipment", [
    "<购置|配备|新增>{equip}{C}<及配套设备|>",
    "<为|给>{RH}<配备|配置>{equip}{C}、{equip2}{C2}",
    "<开放|新增|设置>床位{CB}",
    "<完成|实现>{C}村卫生室<远程诊疗|云巡诊>全覆盖",
])


@builder(role=None, rels=(), weight=1.2, topic="outcome")
def equipment(ctx: Ctx) -> Sentence:
    """Equipment and beds (counts of objects): COUNT with no relation."""
    sc, rng = ctx.sc, ctx.rng
    (e1, u1), (e2, u2) = rng.sample(lx.EQUIPMENT, 2)
    slots = {"equip": e1, "equip2": e2, "C": ctx.count("devices", unit=u1), "C2": ctx.count("devices", unit=u2),
             "CB": ctx.count("beds"), "RH": ctx.m(sc.recip_hospital())}
    return render(rng, rng.choice(EQUIP), slots)


GROWTH = T("growth", [
    "{D}，<医院|该院|受援医院>门诊量<同比增长|增长>{pct}，<住院人次|手术量|四级手术量>增长{pct2}",
    "<结对的|帮扶的>{C}科室{D}门诊人次<比|较>帮扶前<提高|上升>{pct}，出院人次<提高|上升>{pct2}",
    "县域内就诊率<达到|提升至>{pct}，<较帮扶前|同比>提高{pct2}",
    "{D}，<孕产妇死亡率|新生儿死亡率|外转率><下降|降低>{pct}",
])


@builder(role=None, rels=(), weight=1.0, topic="outcome")
def growth(ctx: Ctx) -> Sentence:
    """Percentages (never entities) with a DATE."""
    rng = ctx.rng
    slots = {"D": ctx.date(rng.choice(["Y", "Y", "REL", "Y_PART"])), "pct": vl.percent(rng),
             "pct2": vl.percent(rng), "C": ctx.count("departments", unit="个")}
    return render(rng, rng.choice(GROWTH), slots)
