"""Departments built, set up or upgraded through the aid (BUILDS), lists of disciplines,
certifications and key specialties."""
from __future__ import annotations

from training.generator import lexicons as lx
from training.generator.actors import department_unit
from training.generator.clauses import builder
from training.generator.clauses._templates import T
from training.generator.clauses.partnership import tail
from training.generator.context import Ctx
from training.generator.pieces import Mention, Seq, Sentence, render


def discipline_seq(ctx: Ctx, n: int | None = None, bare: float = 0.35) -> Seq:
    """A list of disciplines: X科 names and, because it is a list of disciplines, bare specialties."""
    rng = ctx.rng
    n = n or rng.choice([2, 3, 3, 4, 5, 6])
    names: list[str] = []
    while len(names) < n:
        name = rng.choice(lx.BARE_SPECIALTIES) if rng.random() < bare else rng.choice(lx.CLINICAL_DEPTS)
        if name not in names:
            names.append(name)
    return Seq([ctx.dept(x) for x in names], rng)


def unit_seq(ctx: Ctx, n: int | None = None) -> Seq:
    """A list of centres / units (胸痛中心、卒中中心和危重孕产妇救治中心)."""
    rng = ctx.rng
    n = n or rng.choice([1, 1, 1, 2, 2, 3])
    names: list[str] = []
    while len(names) < n:
        name = department_unit(rng)
        if name not in names:
            names.append(name)
    return Seq([ctx.dept(x) for x in names], rng)


BUILD_HELP = T("build_help", [
    "{S}帮助{R}<建立|建成|成立|组建|创建|新建>{X}",
    "{S}帮扶{R}<建立|建成|创建>了{X}",
    "{S}<帮扶|指导|协助>{R}<升级改造|规范化建设|标准化建设>{X}",
    "{S}<重点|着力>帮扶{R}<打造|建设>{X}",
    "{S}与{R}<合作共建|共建>{X}",
    "{S}在{R}<建立|设立|挂牌成立>{X}",
    "{S}<援建|捐建>的{R}{X}<正式|顺利><启用|投入使用|揭牌运行>",
    "{S}帮扶{R}<建成|新建>{X}，填补了<当地|县域|该院>{gap}空白",
    "{S}<协助|帮助>{R}<完成|推进>{X}<建设|提档升级>",
    "<在{S}牵线下|经{S}协调>，{R}与<其|帮扶医院>共建{X}",
    "{S}<针对|结合>{R}<发展需求|薄弱环节>，<帮扶建立|帮助组建>{X}",
])


@builder(role="helper", rels=("BUILDS", "ASSISTS"), weight=3.0, topic="build")
def build_help(ctx: Ctx) -> Sentence:
    """A helper builds departments at the recipient: BUILDS from the helper (and ASSISTS on an aid verb)."""
    sc, rng = ctx.sc, ctx.rng
    s = ctx.subj("helper", sc.main_helper)
    template = ctx.pick(BUILD_HELP, s)
    recip = sc.main_recip if sc.main_recip.label == "HOSPITAL" or rng.random() < 0.4 else sc.recip_hospital()
    if "{R}{X}" in template and recip.label != "HOSPITAL":
        recip = sc.recip_hospital()
    slots = {"S": s, "R": ctx.ref("recip", recip, 0.2), "X": unit_seq(ctx),
             "gap": rng.choice(["相关技术", "学科", "专科", "诊疗", "服务"])}
    aid = any(v in template for v in ("帮助", "帮扶", "援建", "捐建", "合作共建", "协助"))
    rels = [("S", "BUILDS", "X")]
    if aid and "与<其|帮扶医院>共建" not in template:
        rels.append(("S", "ASSISTS", "R"))
    if "与<其|帮扶医院>共建" in template:
        rels.append(("R", "BUILDS", "X"))
    sent = render(rng, template, slots, rels)
    if rng.random() < 0.15 and "空白" not in template:
        area = sc.r_prov_actor() if rng.random() < 0.6 else sc.r_pref_actor()
        return sent.add("，填补了", ctx.m(area), rng.choice(["学科空白", "该领域空白", "相关技术空白"]))
    return sent.add(tail(ctx, 0.35))


BUILD_RECIP = T("build_recipient", [
    "在{H}的<帮扶|大力支持|帮助|全力支持>下，{S}<成功创建|建成|成立|组建|新开设>{X}",
    "{S}依托{H}<帮扶|技术支持|专家团队>，<建立|组建|建成>了{X}",
    "{S}<借助|依托>{H}<对口帮扶|组团式帮扶>，<新建|开设>{X}，填补了<当地|县域>{gap}空白",
    "{S}在{H}<专家|帮扶团队>的指导下<成立|建成>{X}",
    "{S}<在帮扶专家的指导下|借助帮扶力量|通过帮扶>，<建成|成立|规范设置了>{X}",
])


@builder(role="recip", rels=("BUILDS", "ASSISTS"), weight=2.0, topic="build")
def build_recipient(ctx: Ctx) -> Sentence:
    """The recipient sets up a department with the helper's support: both take BUILDS."""
    sc, rng = ctx.sc, ctx.rng
    recip = sc.main_recip if sc.main_recip.label == "HOSPITAL" else sc.recip_hospital()
    s = ctx.subj("recip", recip, labels=("HOSPITAL",))
    template = ctx.pick(BUILD_RECIP, s)
    slots = {"S": s, "H": ctx.ref("helper", sc.main_helper, 0.1), "X": unit_seq(ctx),
             "gap": rng.choice(["相关技术", "学科", "专科", "诊疗"])}
    rels = [("S", "BUILDS", "X"), ("H", "BUILDS", "X"), ("H", "ASSISTS", "S")]
    return render(rng, template, slots, rels).add(tail(ctx, 0.35))


def certified_unit(certifier: str) -> str:
    """The centre a certifying body reviews (中国胸痛中心 -> 胸痛中心)."""
    if "胸痛" in certifier:
        return "胸痛中心"
    if "卒中" in certifier:
        return "卒中中心"
    return "创伤中心"


CERTIFIED = T("certified", [
    "{H}帮扶的{R}{X}<通过|顺利通过>{O}<认证|评审|现场评审>",
    "{R}{X}<通过|获得>{O}<认证|授牌>",
    "在{H}<帮助|帮扶|指导>下，{R}{X}<顺利>通过{O}<认证|验收>",
    "{H}<协助|帮助>{R}<创建|建设>{X}并<获得|通过>{O}认证",
    "{R}{X}<获评|被授予>“{O}<建设单位|示范基地>”",
])


@builder(role=None, rels=("BUILDS", "ASSISTS"), weight=1.6, topic="build")
def certified(ctx: Ctx) -> Sentence:
    """A department passes a certifier's review; the certifier (中国胸痛中心) is ORG and takes no relation."""
    sc, rng = ctx.sc, ctx.rng
    certifier = rng.choice(lx.CERTIFIERS)
    unit = certified_unit(certifier)
    recip = sc.recip_hospital() if rng.random() < 0.7 else sc.recip_pref_hospital()
    template = rng.choice(CERTIFIED)
    slots = {"H": ctx.named("helper", sc.main_helper), "R": ctx.named("recip", recip),
             "X": ctx.dept(unit), "O": Mention(certifier, "ORG")}
    rels = [("H", "BUILDS", "X"), ("H", "ASSISTS", "R")]
    return render(rng, template, slots, rels).add(tail(ctx, 0.3))


DISCIPLINES = T("disciplines", [
    "{S}重点<对|围绕>{R}<急需的|薄弱的|群众需求大的>{X}等<学科|专业|领域>开展帮扶",
    "{S}<聚焦|围绕>{X}等<薄弱学科|重点专科|学科>，<帮扶|支持>{R}<提升诊疗能力|开展专科建设>",
    "{S}<帮助|帮扶>{R}<重点>发展{X}等<专科|学科>",
])

DISCIPLINES_NO_ACTOR = T("disciplines_no_actor", [
    "<帮扶专家|派驻专家|医疗队员><涵盖|来自>{X}等<学科|专业|科室>",
    "重点在{X}等<领域|学科|专业><开展帮扶|进行指导|开展带教>",
    "其中包括{X}等多个<专业|学科>",
    "帮扶<内容|范围>覆盖{X}等<学科|专业>",
])


@builder(role="helper", rels=("BUILDS", "ASSISTS"), weight=1.6, topic="build")
def disciplines(ctx: Ctx) -> Sentence:
    """A list of disciplines (bare specialties count as DEPARTMENT here); BUILDS only with an actor."""
    sc, rng = ctx.sc, ctx.rng
    if ctx.mode in ("unstated",) or rng.random() < 0.35:
        return render(rng, rng.choice(DISCIPLINES_NO_ACTOR), {"X": discipline_seq(ctx)}).add(tail(ctx, 0.3))
    s = ctx.subj("helper", sc.main_helper)
    template = ctx.pick(DISCIPLINES, s)
    slots = {"S": s, "R": ctx.ref("recip", sc.main_recip, 0.1), "X": discipline_seq(ctx)}
    rels = [("S", "BUILDS", "X"), ("S", "ASSISTS", "R")]
    return render(rng, template, slots, rels).add(tail(ctx, 0.4))


KEY_SPECIALTY = T("key_specialties", [
    "<目前|截至目前>已建成<省级|市级|州级|县级>重点专科{C}（{X}）",
    "<在建|新增><省级|市级>重点<建设>专科{C}（{X}）",
    "{R}{X}<成功|顺利>创建为<省级|市级|州级>重点专科",
    "<获批|建成>{C}<东西部协作|对口帮扶>示范科室“{X}”",
    "{R}<新增|新开设>{X}等科室{C}",
])


@builder(role=None, rels=(), weight=1.2, topic="build")
def key_specialties(ctx: Ctx) -> Sentence:
    """Key specialties counted and listed, with no builder named: DEPARTMENT and COUNT, no relation."""
    sc, rng = ctx.sc, ctx.rng
    x = discipline_seq(ctx, bare=0.0) if rng.random() < 0.6 else unit_seq(ctx, rng.choice([2, 3]))
    slots = {"C": Mention(f"{len(x.items)}个" if rng.random() < 0.6 else "两三四五六七"[len(x.items) - 2] + "个"
                          if len(x.items) >= 2 else "1个", "COUNT"),
             "X": x, "R": ctx.m(sc.recip_hospital())}
    return render(rng, rng.choice(KEY_SPECIALTY), slots)


PLACE_CENTRE = T("place_centre", [
    "{S}<帮扶建立了|援建了|挂牌成立了|牵头组建了>{X}",
    "{S}<在|于>{D}<挂牌成立|正式成立>{X}",
    "在{S}的<牵线|推动>下，<成立|设立>{X}",
])


@builder(role="helper", rels=("BUILDS",), weight=1.0, topic="build")
def place_centre(ctx: Ctx) -> Sentence:
    """A centre named with a place (晴隆县疼痛康复诊疗中心, …诊疗中心晴隆协作基地): one DEPARTMENT."""
    sc, rng = ctx.sc, ctx.rng
    s = ctx.subj("helper", sc.main_helper)
    template = ctx.pick(PLACE_CENTRE, s)
    stem = rng.choice(lx.CENTRE_STEMS)
    county = sc.r_county
    if rng.random() < 0.55:
        name = rng.choice([county.name, county.short_with_suffix]) + stem + "中心"
    else:
        helper_place = sc.h_district or sc.h_city
        name = helper_place.short_with_suffix + stem + "中心" + county.stem + rng.choice(
            ["协作基地", "分中心", "工作站", "协作中心"])
    slots = {"S": s, "X": ctx.dept(name), "D": ctx.date(rng.choice(["YM", "YMD", "Y"]))}
    return render(rng, template, slots, [("S", "BUILDS", "X")]).add(tail(ctx, 0.3))


DEPT_MODIFIER = T("dept_as_modifier", [
    "{S}<派出|选派>的{X}<专家|医师|团队>在{R}<开展|完成>首例{tech}",
    "<带领|指导>{R}{X}团队<成功|顺利>开展{tech}",
    "{X}<医师|护士|专科护士>{C}<完成|参加>{X2}<专项培训|转岗培训>",
    "<抢救|救治>{X}急危重症患者{C}",
])


@builder(role=None, rels=(), weight=1.2, topic="build")
def dept_as_modifier(ctx: Ctx) -> Sentence:
    """X科 used as a modifier (儿科医师, 骨科团队): still DEPARTMENT; no BUILDS."""
    sc, rng = ctx.sc, ctx.rng
    template = rng.choice(DEPT_MODIFIER)
    slots = {"S": ctx.named("helper", sc.main_helper), "R": ctx.m(sc.recip_hospital()),
             "X": ctx.dept(rng.choice(lx.CLINICAL_DEPTS)), "X2": ctx.dept(rng.choice(lx.CLINICAL_DEPTS)),
             "tech": rng.choice(lx.TECHNIQUES), "C": ctx.count("staff_small", unit=rng.choice(["名", "人", "例"]))}
    return render(rng, template, slots).add(tail(ctx, 0.3))
