"""Partnership statements (ASSISTS), including several pairs in one sentence and non-aid contacts."""
from __future__ import annotations

from training.generator import lexicons as lx
from training.generator import phrases as ph
from training.generator.clauses import builder
from training.generator.clauses._templates import T
from training.generator.context import Ctx
from training.generator.pieces import Mention, Sentence, render
from training.generator.values import cn_int

AID_VERBS = ("对口帮扶", "组团式帮扶", "结对帮扶", "帮扶", "对口支援", "托管")


def tail(ctx: Ctx, p: float = 0.5) -> str:
    """An optional unannotated continuation: ，推动优质医疗资源下沉."""
    rng = ctx.rng
    if rng.random() >= min(0.85, p * 1.4):
        return ""
    r = rng.random()
    if r < 0.5:
        return "，" + ctx.fresh(lambda: ph.actions(rng, rng.choice([1, 1, 2])))
    if r < 0.8:
        return "，" + ctx.fresh(lambda: ph.result(rng))
    return "，" + ctx.fresh(lambda: "在" + rng.choice(["管理提升、专科建设和队伍培养", "急诊急救、重点专科和信息化建设",
                                                       "技术帮扶、人才培养和管理提升", "医疗质量、护理管理和院感防控"])
                           + "等方面" + rng.choice(["持续发力", "发挥了重要作用", "取得明显成效", "给予全方位支持"]))


PAIR = T("pair_statement", [
    "{S}<对口帮扶|组团式帮扶|结对帮扶|帮扶|对口支援|托管|“组团式”帮扶>{R}",
    "{D}，{S}与{R}签订<对口帮扶|结对帮扶|合作共建|托管|组团式帮扶>协议",
    "{S}自{D}起<对口帮扶|托管|对口支援|结对帮扶>{R}",
    "{D}以来，{S}<持续|一直><对口帮扶|对口支援|组团式帮扶>{R}",
    "{S}与{R}<结成|建立>对口帮扶<关系|对子>",
    "{S}<全面|整体>托管{R}",
    "{S}<牵头|组织>医疗专家团队<组团式帮扶|对口帮扶>{R}",
    "{S}是{R}的<对口帮扶|结对帮扶|对口支援><单位|医院|责任单位>",
    "作为{R}的<对口帮扶|结对帮扶|对口支援><单位|责任单位>，{S}{A}",
    "<按照|根据>东西部协作<安排|部署|工作要求>，{S}<对口帮扶|结对帮扶|对口支援>{R}",
    "{S}<携手|联合>{R}<合作共建|结对共建>紧密型<医联体|专科联盟>",
    "{S}<积极|主动>对接{R}，<扎实开展|全面推进|深入开展>对口帮扶工作",
    "{S}<援建|捐建>{R}",
    "{S}<从|自>{D}开始对口支援{R}",
    "{S}与{R}<开展|建立>“<一对一|院对院|科对科>”结对帮扶",
    "{S}<倾力|全力|鼎力>支援{R}<医疗卫生事业发展|卫生健康事业>",
    "{S}<先后|多次>组织专家<赴|到>{R}开展帮扶",
])


@builder(role="helper", rels=("ASSISTS",), weight=3.2, topic="partnership")
def pair_statement(ctx: Ctx) -> Sentence:
    """The main helper aids the main recipient, in one of many phrasings."""
    sc = ctx.sc
    s = ctx.subj("helper", sc.main_helper)
    template = ctx.pick(PAIR, s)
    slots = {"S": s, "R": ctx.ref("recip", sc.main_recip), "D": ctx.since(),
             "A": ctx.fresh(lambda: ph.actions(ctx.rng, 1))}
    sent = render(ctx.rng, template, slots, [("S", "ASSISTS", "R")])
    return sent.add(tail(ctx, 0.45))


PAIR_RECIP = T("pair_recip_subject", [
    "在{H}的<帮扶|对口帮扶|大力支持|鼎力帮助|对口支援>下，{S}<医疗服务能力显著提升|实现了跨越式发展|综合实力明显增强|成功创建二级甲等医院>",
    "{S}是{H}的<重点|对口>帮扶<单位|对象|医院>",
    "{S}<依托|借助>{H}<帮扶|对口支援|组团式帮扶>优势，" + "<加快补齐短板|不断提升服务能力|推进医院高质量发展>",
    "{D}起，{S}由{H}<托管|对口帮扶|组团式帮扶>",
    "{S}<成为|被确定为>{H}的<对口帮扶|结对帮扶>单位",
    "{S}与{H}<正式>签订<托管|对口帮扶|结对帮扶>协议",
])


@builder(role="recip", rels=("ASSISTS",), weight=1.6, topic="partnership")
def pair_recip_subject(ctx: Ctx) -> Sentence:
    """The recipient is the subject; the helper is named in the same clause."""
    sc = ctx.sc
    s = ctx.subj("recip", sc.main_recip)
    template = ctx.pick(PAIR_RECIP, s)
    slots = {"S": s, "H": ctx.ref("helper", sc.main_helper), "D": ctx.since()}
    sent = render(ctx.rng, template, slots, [("H", "ASSISTS", "S")])
    return sent.add(tail(ctx, 0.35))


@builder(role=None, rels=("ASSISTS",), weight=0.8, topic="partnership")
def multi_pair(ctx: Ctx) -> Sentence:
    """Several partnerships in one sentence: A帮扶B，C帮扶D / A、C分别结对B、D."""
    sc, rng = ctx.sc, ctx.rng
    n = rng.choice([2, 2, 3, 3, 4])
    helpers = []
    recips = []
    kind = rng.random()
    for i in range(n):
        if kind < 0.45:
            helpers.append(sc.h_district_actor(i))
            recips.append(sc.r_county_actor(i) if rng.random() < 0.6 else sc.recip_hospital("people", i))
        elif kind < 0.8:
            helpers.append(sc.helper_hospital(i))
            recips.append(sc.recip_hospital(None, i))
        else:
            helpers.append(sc.helper_community(i) if rng.random() < 0.5 else sc.helper_hospital(i))
            recips.append(sc.township_hospital(i) if rng.random() < 0.6 else sc.recip_community(i))
    # distinct names only
    seen: set[str] = set()
    pairs = []
    for h, r in zip(helpers, recips, strict=True):
        if h.name in seen or r.name in seen or h.name == r.name:
            continue
        seen.update((h.name, r.name))
        pairs.append((h, r))
    sent = Sentence()
    if len(pairs) >= 2 and rng.random() < 0.3:
        hs = [ctx.m(h) for h, _ in pairs]
        rs = [ctx.m(r) for _, r in pairs]
        sent.add(rng.choice(["", "其中，", "目前，"]))
        for i, m in enumerate(hs):
            sent.add("、" if i else "", m)
        sent.add("分别" + rng.choice(["帮扶", "结对帮扶", "对口帮扶", "托管", "对口支援"]))
        for i, m in enumerate(rs):
            sent.add("、" if i else "", m)
        for h, r in zip(hs, rs, strict=True):
            sent.rel(h, "ASSISTS", r)
        return sent
    sent.add(rng.choice(["", "其中，", "具体来看，", "从结对情况看，"]))
    sep = rng.choice(["，", "；", "，"])
    for i, (h, r) in enumerate(pairs):
        hm, rm = ctx.m(h), ctx.m(r)
        verb = rng.choice(AID_VERBS + ("结对", "对口支援", "帮扶"))
        if rng.random() < 0.15:
            sent.add(sep if i else "", hm, "与", rm, rng.choice(["结对", "结成帮扶对子", "签订帮扶协议"]))
        else:
            sent.add(sep if i else "", hm, verb, rm)
        sent.rel(hm, "ASSISTS", rm)
    return sent


LISTED = T("helper_many_recips", [
    "{S}先后<对口帮扶|对口支援|托管>了{RS}等{C}<县级医院|医疗机构|卫生院|县级中医医院>",
    "{S}<同时|先后>帮扶{RS}",
    "{D}以来，{S}<累计|先后>与{RS}<建立|结成>帮扶关系",
    "{S}<会同|联合>{H2}<共同帮扶|共同建设|组团帮扶>{R}",
    "{S}和{H2}共同<帮扶|对口支援>{R}",
])


@builder(role="helper", rels=("ASSISTS",), weight=1.0, topic="partnership")
def helper_many_recips(ctx: Ctx) -> Sentence:
    """One helper, several recipients; or two helpers, one recipient."""
    from training.generator.pieces import Seq
    sc, rng = ctx.sc, ctx.rng
    s = ctx.subj("helper", sc.main_helper)
    template = ctx.pick(LISTED, s)
    recip_actors = []
    names: set[str] = set()
    for i in range(rng.choice([2, 3, 3, 4])):
        r = rng.random()
        a = sc.recip_hospital(None, i) if r < 0.65 else sc.township_hospital(i) if r < 0.9 else sc.village_clinic(i)
        if a.name not in names:
            names.add(a.name)
            recip_actors.append(a)
    second = next((a for a in (sc.helper_hospital(1), sc.helper_hospital(2), sc.helper_health("city"),
                               sc.h_district_actor(1)) if a.name != sc.main_helper.name), sc.helper_team())
    n = len(recip_actors)
    slots = {"S": s, "RS": Seq([ctx.m(a) for a in recip_actors], rng),
             "R": ctx.ref("recip", sc.main_recip if sc.main_recip.label == "HOSPITAL" else sc.recip_hospital()),
             "H2": ctx.m(second),
             "C": Mention(f"{n}家" if rng.random() < 0.5 else cn_int(n) + "家", "COUNT"),
             "D": ctx.since()}
    return render(rng, template, slots, [("S", "ASSISTS", "RS"), ("S", "ASSISTS", "R"),
                                         ("H2", "ASSISTS", "R")]).add(tail(ctx, 0.3))


REGION_STANDS = T("region_for_institutions", [
    "{H}{C}<三级医院|医疗机构|公立医院|医疗卫生单位>与{R}{C2}<县级医院|医疗卫生机构|乡镇卫生院>建立<结对帮扶|对口帮扶>关系",
    "{H}所属{C}<医院|医疗机构>组团式帮扶{R}",
    "{H}{C}<三级医院|医院>分别<对口帮扶|结对帮扶>{R}{C2}<县级医院|乡镇卫生院>",
    "{H}<组织|动员>辖区{C}医疗机构<结对帮扶|对口帮扶>{R}",
    "{H}{CA}<区|县（市、区）>结对帮扶{R}{CB}<县|贫困县|县（市、区）>",
    "{H}<全部|共>{C}<二级以上医院|公立医院>参与帮扶{R}",
])


@builder(role=None, rels=("ASSISTS",), weight=1.0, topic="partnership")
def region_for_institutions(ctx: Ctx) -> Sentence:
    """A region stands for its unnamed institutions (上海市28家三级医院…): the region takes ASSISTS."""
    sc, rng = ctx.sc, ctx.rng
    r_h, r_r = rng.random(), rng.random()
    h = ctx.named("helper", sc.h_city_actor() if r_h < 0.55 else sc.h_district_actor() if r_h < 0.9
                  else sc.h_prov_actor())
    r = ctx.named("recip", sc.r_pref_actor() if r_r < 0.45 else sc.r_county_actor() if r_r < 0.9
                  else sc.r_prov_actor())
    slots = {"H": h, "R": r, "C": ctx.count("institutions", unit="家"),
             "C2": ctx.count("institutions", unit="家"),
             "CA": Mention(f"{rng.randint(2, 12)}个", "COUNT"), "CB": Mention(f"{rng.randint(2, 22)}个", "COUNT")}
    return render(rng, rng.choice(REGION_STANDS), slots, [("H", "ASSISTS", "R")]).add(tail(ctx, 0.4))


CONTACT = T("contact_without_aid", [
    "{D}，{RR}党政代表团<赴|到>{HR}<考察|学习考察|对接交流>",
    "{H}与{R}召开<东西部协作|医疗卫生协作>联席会议",
    "{H}与{R}就<人才培养|远程医疗|学科建设|医保支付>等事项进行<深入交流|座谈交流>",
    "{R}<组织|带领><医院管理人员|卫生系统干部>到{HH}<参观学习|考察交流>",
    "{D}，{H}与{R}<举行|召开><工作对接会|座谈会|视频会议>",
    "{R}<相关负责人|主要负责人>到{H}<走访|对接>",
])


@builder(role=None, rels=(), weight=1.0, topic="partnership")
def contact_without_aid(ctx: Ctx) -> Sentence:
    """Visits, meetings and talks between the two sides: no verb of aid, so no ASSISTS."""
    sc, rng = ctx.sc, ctx.rng
    if rng.random() < 0.5:
        h, r = ctx.m(sc.h_city_actor() if rng.random() < 0.5 else sc.helper_health("city")), ctx.m(
            sc.r_county_actor() if rng.random() < 0.6 else sc.recip_health("county"))
    else:
        h, r = ctx.m(sc.helper_hospital(0)), ctx.m(sc.recip_hospital())
    template = rng.choice(CONTACT)
    slots = {"H": h, "R": r, "D": ctx.date(rng.choice(["MD", "YM", "MD_PART", "YMD"])),
             "RR": ctx.m(sc.r_county_actor()), "HR": ctx.m(sc.h_city_actor()),
             "HH": ctx.m(sc.helper_hospital(0) if rng.random() < 0.6 else sc.h_city_actor())}
    return render(rng, template, slots)


HEADLINE = T("headline_pair", [
    "{H}对口支援帮扶{R}<侧记|纪实|工作纪实>",
    "{H}组团式帮扶{R}<工作纪实|见闻|侧记>",
    "{H}与{R}签订<对口帮扶|组团式帮扶|托管>协议",
    "倾情帮扶{R}：{H}<医疗帮扶纪实|在行动>",
    "{H}<帮扶|援建>{R}<成效显著|结硕果|见实效>",
    "{H}对口帮扶{R}<医疗工作|工作><综述|总结>",
    "{H}医疗专家团队<抵达|进驻>{R}开展帮扶",
])


@builder(role=None, rels=("ASSISTS",), weight=0.0, topic="partnership")
def headline_pair(ctx: Ctx) -> Sentence:
    """A report title naming the pair (used by the heading composer)."""
    sc, rng = ctx.sc, ctx.rng
    h = ctx.named("helper", sc.main_helper if rng.random() < 0.6 else sc.helper_system()
                  if rng.random() < 0.3 else sc.helper_health("city"))
    r = ctx.named("recip", sc.main_recip if rng.random() < 0.5 else sc.r_county_actor())
    return render(rng, rng.choice(HEADLINE), {"H": h, "R": r}, [("H", "ASSISTS", "R")])


COINED = T("coined_pair", [
    "“{P}”<协作|结对帮扶|协作帮扶>正式<开启|启动>",
    "<深化|推进>“{P}”<医疗协作|东西部协作|卫生健康协作>",
    "“{P}”<情深|携手|一家亲>",
    "在“{P}”协作框架下，<双方|两地>{A}",
])


@builder(role=None, rels=(), weight=0.8, topic="filler")
def coined_pair(ctx: Ctx) -> Sentence:
    """A coined pair (粤黔, 沪滇, 莞铜) or one-character form in a verb (援黔, 来穗): never REGION."""
    sc, rng = ctx.sc, ctx.rng
    ha = lx.PROVINCE_ABBR.get(sc.h_prov.name, "")
    ra = lx.PROVINCE_ABBR.get(sc.r_prov.name, "")
    if sc.intra or not ha or not ra:
        return Sentence().add(ctx.fresh(lambda: ph.policy_sentence(rng)))
    if rng.random() < 0.4:
        city_abbr = lx.CITY_ABBR.get(sc.h_city.name, ha)
        r = ctx.m(sc.r_county_actor() if rng.random() < 0.6 else sc.r_pref_actor())
        variants = [
            ("", r, f"医务人员来{city_abbr}进修学习的热情高涨"),
            ("积极协调", None, f"接收医务骨干来{city_abbr}跟岗学习"),
            ("在", None, f"援{ra}期间，{rng.choice(ph.GENERIC_SUBJECTS)}{ctx.fresh(lambda: ph.actions(rng, 1))}"),
            ("", None, f"援{ra}医生克服高原反应、语言不通等困难，坚守岗位"),
            ("", r, f"群众亲切地称援{ra}专家为“自家人”"),
        ]
        pre, ment, post = rng.choice(variants)
        sent = Sentence().add(pre)
        if ment is not None:
            sent.add(ment)
        return sent.add(post)
    pair = ha + ra
    return render(rng, rng.choice(COINED), {"P": pair, "A": ctx.fresh(lambda: ph.actions(rng, 1))})


GOV = T("government_pair", [
    "{D}，{HG}与{RG}签订<对口帮扶|结对帮扶|对口支援|医疗卫生对口帮扶>协议",
    "{HG}<持续|一直>对口支援{RG}，<每年|先后>{A}",
    "在{HG}与{RG}的共同推动下，<两地|双方>{A}",
    "{RG}<主要负责同志|党政代表团>一行<赴|到>{HG}<对接|考察>东西部协作工作",
    "{HG}<出台|印发>《<关于进一步加强|关于深化><东西部协作|对口支援|医疗帮扶>工作的<实施意见|若干措施>》",
])


@builder(role=None, rels=("ASSISTS",), weight=0.8, topic="partnership")
def government_pair(ctx: Ctx) -> Sentence:
    """Governments and party committees as partners (ASSISTS only on a verb of aid)."""
    sc, rng = ctx.sc, ctx.rng
    template = rng.choice(GOV)
    slots = {"HG": ctx.named("helper", sc.helper_gov()), "RG": ctx.named("recip", sc.recip_gov()),
             "D": ctx.date(rng.choice(["YM", "Y", "YMD"])), "A": ctx.fresh(lambda: ph.actions(rng, 1))}
    rels = [("HG", "ASSISTS", "RG")] if ("签订" in template or "对口支援" in template) else []
    return render(rng, template, slots, rels).add(tail(ctx, 0.3))


ACADEMIC = T("academic", [
    "{U}<对口帮扶|结对帮扶|托管>{RH}",
    "{U}在{R}<设立|建立><临床教学基地|教学实践基地|人才培养基地>",
    "<会同|联合>{O}、{U}制定了《关于<支持|做好><援派|帮扶>专业技术人员职称评审的通知》",
    "{SOC}<组织|派出><专家|会员>{C}<赴|到>{R}<开展|举办><帮扶义诊|巡回义诊|专题培训>",
    "{SOC}<在|于>{R}<举办|召开><学术年会|继续医学教育项目|专科培训班>",
    "{U}与{RH}<共建|签约共建><专科联盟|教学医院>",
    "{SOC}<授予|评选>{RH}为“<基层医疗示范单位|适宜技术推广基地>”",
])


@builder(role=None, rels=("ASSISTS", "SENDS"), weight=1.0, topic="partnership")
def academic(ctx: Ctx) -> Sentence:
    """Universities and professional societies (ORG) in aid work."""
    sc, rng = ctx.sc, ctx.rng
    template = rng.choice(ACADEMIC)
    slots = {"U": ctx.m(sc.university()), "SOC": ctx.m(sc.society()), "RH": ctx.m(sc.recip_hospital()),
             "R": ctx.m(sc.r_county_actor() if rng.random() < 0.6 else sc.r_pref_actor()),
             "O": ctx.m(sc.helper_health("city")), "C": ctx.count("staff", unit="名")}
    rels = [("U", "ASSISTS", "RH")]
    if "<帮扶义诊" in template:
        rels.append(("SOC", "SENDS", "C"))
    return render(rng, template, slots, rels).add(tail(ctx, 0.3))
