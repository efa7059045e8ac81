"""Money: helpers giving (FUNDS + ASSISTS), recipients allocating or securing funds (FUNDS),
donations, unit prices and amounts with no stated giver (no relation)."""
from __future__ import annotations

from training.generator import lexicons as lx
from training.generator.clauses import builder
from training.generator.clauses._templates import T
from training.generator.clauses.partnership import tail
from training.generator.context import Ctx
from training.generator.pieces import Mention, Sentence, render

HELP_WITH = ("改善医疗条件", "购置急需医疗设备", "建设远程医疗平台", "提升县级医院综合能力",
             "改造乡镇卫生院业务用房", "推进村卫生室标准化建设", "培养本土医疗人才", "完善急诊急救体系")

USES = ("医疗卫生基础设施建设", "医疗设备购置", "基层医疗机构标准化建设", "县级医院能力提升",
        "乡镇卫生院业务用房改造", "远程医疗平台建设", "村卫生室标准化建设", "人才培养和学科建设",
        "急诊急救体系建设", "医共体信息化建设", "妇幼健康服务能力建设", "健康帮扶项目")

FUNDS_GIVE = T("funds_give", [
    "{D}，{S}投入<帮扶|东西部协作|对口支援>资金{M}，<用于|支持>{R}{use}",
    "{S}累计向{R}投入<医疗|卫生健康>帮扶资金{M}",
    "{S}<出资|筹资|筹集资金>{M}，<帮助|支持>{R}{help}",
    "{S}<落实|拨付|安排>{R}东西部协作资金{M}",
    "{D}以来，{S}<援助|支持>{R}<医疗卫生|卫生健康>项目资金{M}",
    "{S}<投入|援助>资金{M}<支持|帮助>{R}建设{X}",
    "{S}<协调|争取>东西部协作资金{M}<用于|支持>{R}{use}",
    "{S}<先后|累计>投入{M}<支援|帮扶>{R}改善医疗<条件|基础条件>",
    "{D}，{S}<安排|下达>对口支援资金{M}，<重点|主要>用于{R}{use}",
    "{S}<自筹资金|自筹>{M}为{R}<购置|配备>{equip}",
    "{S}<每年|连续三年每年>安排{M}<用于|专项用于>{R}{use}",
    "{S}<累计|共>投入帮扶资金{M}，实施<帮扶|卫生健康>项目{C}",
])


@builder(role="helper", rels=("FUNDS", "ASSISTS", "BUILDS"), weight=4.0, topic="money")
def funds_give(ctx: Ctx) -> Sentence:
    """A helper gives or allocates money for the recipient: FUNDS, and ASSISTS to the recipient."""
    from training.generator.actors import department_unit
    sc, rng = ctx.sc, ctx.rng
    s = ctx.subj("helper", sc.main_helper)
    template = ctx.pick(FUNDS_GIVE, s)
    recip = sc.main_recip if rng.random() < 0.6 else rng.choice([sc.r_county_actor(), sc.recip_hospital(),
                                                                 sc.r_pref_actor()])
    giver = s.target if hasattr(s, "target") else s
    big = getattr(giver, "label", "REGION") != "HOSPITAL"
    slots = {"S": s, "R": ctx.ref("recip", recip, 0.1), "M": ctx.money(10, 20000) if big else ctx.money(3, 2000),
             "D": ctx.since(),
             "use": rng.choice(USES), "help": rng.choice(HELP_WITH), "X": ctx.dept(department_unit(rng)),
             "equip": rng.choice(lx.EQUIPMENT)[0] + rng.choice(["等设备", "等医疗设备", ""]),
             "C": ctx.count("projects", unit="个")}
    rels = [("S", "FUNDS", "M"), ("S", "ASSISTS", "R"), ("S", "BUILDS", "X")]
    return render(rng, template, slots, rels).add(tail(ctx, 0.3))


FUNDS_RECIP = T("funds_recipient", [
    "{D}，{S}<下拨|统筹|安排>东西部<扶贫>协作资金{M}，<用于|在>{R2}<建设|实施>“<互联网+健康帮扶|远程医疗|智慧医疗|急救能力提升>”项目",
    "{S}<积极|先后|多方>争取<到>东西部<扶贫>协作资金{M}，<用于|全部用于|主要用于>{use}",
    "{D}，{S}争取<对口支援|东西部协作|帮扶>资金{M}",
    "{S}<统筹|整合>东西部协作资金{M}<用于|支持>{use}",
    "{D}，{S}<向上|积极>争取东西部<扶贫>协作资金{M}，<全部|重点>用于{use}",
    "{S}<共|累计>争取<到位>帮扶资金{M}，<实施|建成>项目{C}",
])


@builder(role="recip", rels=("FUNDS",), weight=2.6, topic="money")
def funds_recipient(ctx: Ctx) -> Sentence:
    """A recipient county allocates (下拨) or secures (争取) aid funds: FUNDS from the county.

    Now and then followed by a purchase with unit prices and totals, which take no relation.
    """
    sc, rng = ctx.sc, ctx.rng
    s = ctx.subj("recip", sc.r_county_actor() if rng.random() < 0.7 else sc.main_recip,
                 labels=("REGION", "HOSPITAL"))
    template = ctx.pick(FUNDS_RECIP, s)
    slots = {"S": s, "M": ctx.money(20, 3000), "D": ctx.date(rng.choice(["Y", "Y", "REL", "YM"])),
             "R2": ctx.m(sc.recip_hospital("people")), "use": rng.choice(USES),
             "C": ctx.count("projects", unit="个")}
    sent = render(rng, template, slots, [("S", "FUNDS", "M")])
    if rng.random() < 0.45:
        sent.add("，", purchase(ctx))
    return sent


def purchase(ctx: Ctx) -> Sentence:
    """为3家乡镇卫生院配备流动医院车3辆（110万元/辆，共计330万元）: counts and prices, no relation."""
    rng = ctx.rng
    sent = Sentence()
    items = rng.sample(lx.EQUIPMENT, rng.choice([1, 1, 2, 3]))
    sent.add(rng.choice(["计划为", "并为", "同时为", "为全县"]), ctx.count("institutions", unit="家") if
             rng.random() < 0.5 else ctx.count("villages", unit="个"),
             rng.choice(["乡镇卫生院", "村卫生室", "基层医疗机构", "社区卫生服务站"]))
    sp = " " if ctx.style.num_space else ""
    for i, (name, unit) in enumerate(items):
        n = rng.randint(1, 40)
        sent.add("、" if i else "", "配备", name, Mention(f"{n}{unit}", "COUNT"))
        if rng.random() < 0.6:
            price = round(rng.uniform(0.3, 60), rng.choice([0, 1, 1]))
            total = round(price * n, 2)
            price_s = f"{price:g}"
            total_s = f"{total:.2f}".rstrip("0").rstrip(".")
            sent.add("（", Mention(f"{price_s}{sp}万元/{unit}", "MONEY"),
                     "，共计" if rng.random() < 0.7 else "，合计", Mention(f"{total_s}{sp}万元", "MONEY"), "）")
    return sent


DONATION = T("donation", [
    "{D}，{S}向{R}捐赠<价值|总价值>{M}的<医疗设备|救护车|药品和防护物资|彩超等设备|急救设备>",
    "{S}为{R}捐赠{equip}{C}，<价值|总价值>{M}",
    "{S}<捐资|捐款>{M}<帮助|支持>{R}<建设|改造|升级>{what}",
    "{S}向{R}捐赠{equip}{C}",
    "{D}，{S}<出资|捐资>{M}，为{R}<购置|配备>{equip}",
    "{S}<捐赠|捐建>的{equip}在{R}<正式投入使用|交付使用>",
    "{S}联合{O}向{R}捐赠<医疗物资|医疗设备>，<价值|折合人民币>{M}",
])

DONATION_RECEIVED = T("donation_received", [
    "{R}<收到|接收>{S}捐赠的<医疗设备|物资|救护车>，价值{M}",
    "{R}收到{S}拨付的<帮扶|对口支援>资金{M}",
    "{R}<获得|获赠>{S}<捐赠|援助>的{equip}{C}",
    "{S}<捐赠|援助>{R}的{M}<已全部到位|已拨付到位>",
])


@builder(role=None, rels=("FUNDS", "ASSISTS"), weight=2.6, topic="money")
def donation(ctx: Ctx) -> Sentence:
    """A company, foundation or hospital donates to a recipient: the donor FUNDS and ASSISTS;
    the receiver of money takes no FUNDS."""
    sc, rng = ctx.sc, ctx.rng
    r = rng.random()
    donor = sc.company() if r < 0.35 else sc.foundation() if r < 0.55 else \
        sc.helper_hospital(0) if r < 0.8 else sc.main_helper
    recip = sc.recip_hospital() if rng.random() < 0.55 else rng.choice(
        [sc.township_hospital(), sc.recip_pref_hospital(), sc.main_recip, sc.village_clinic()])
    received = rng.random() < 0.3
    template = rng.choice(DONATION_RECEIVED if received else DONATION)
    equip, unit = rng.choice(lx.EQUIPMENT)
    other = sc.foundation() if donor is not sc.foundation() else sc.company()
    donor_m = ctx.named("helper", donor) if donor.kind.startswith("hosp") or donor is sc.main_helper else ctx.m(donor)
    slots = {"S": donor_m, "R": ctx.named("recip", recip), "M": ctx.money(1, 3000),
             "D": ctx.date(rng.choice(["YM", "MD", "YMD", "REL", "NAMED"])),
             "C": Mention(f"{rng.randint(1, 20)}{unit}", "COUNT") if rng.random() < 0.8 else
             Mention(rng.choice(["两", "三", "五", "十"]) + unit, "COUNT"),
             "equip": equip, "what": rng.choice([Mention("远程会诊中心", "DEPARTMENT"), "村卫生室",
                                                Mention("儿童康复室", "DEPARTMENT"), "妇幼保健服务站",
                                                Mention("发热门诊", "DEPARTMENT"), "健康小屋", "急救站"]),
             "O": ctx.m(other)}
    rels = [("S", "FUNDS", "M"), ("S", "ASSISTS", "R"), ("S", "BUILDS", "what")]
    return render(rng, template, slots, rels).add(tail(ctx, 0.25))


MONEY_NO_ACTOR = T("money_without_giver", [
    "项目总投资{MB}，<其中|含>东西部协作资金{M}",
    "<免收|减免>进修人员<培训费|学费>并<发放|给予>生活补助，<共|合计>{M}",
    "<争取到|落实>东西部协作资金{M}，<用于|支持>{X}和{X2}<改扩建|提档升级|标准化建设>",
    "<累计|共><为受援单位|为进修人员>减免费用{M}",
    "为<援派|派驻>专家<每人每月|每月>发放<生活补助|交通补贴|工作补贴>{MS}",
    "<帮扶资金|项目资金>{M}<已全部拨付到位|已下达|已全部到位>",
    "<总投资|投资>{MB}的<新院区|住院综合楼|医技楼>主体<已完工|已封顶>",
    "<配套|安排>资金{M}用于{use}",
])


@builder(role=None, rels=(), weight=2.4, topic="money")
def money_without_giver(ctx: Ctx) -> Sentence:
    """Amounts whose giver the sentence does not name: MONEY annotated, no FUNDS, no BUILDS."""
    from training.generator.actors import department_unit
    rng = ctx.rng
    slots = {"M": ctx.money(1, 900), "MB": ctx.money(300, 30000),
             "MS": Mention(f"{rng.choice([500, 800, 1000, 1200, 1500, 2000, 3000])}元", "MONEY"),
             "X": ctx.dept(department_unit(rng)), "X2": ctx.dept(rng.choice(lx.CLINICAL_DEPTS)),
             "use": rng.choice(USES)}
    return render(rng, rng.choice(MONEY_NO_ACTOR), slots).add(tail(ctx, 0.3))
