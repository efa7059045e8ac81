"""Talk around the facts: policy language, slogans, plans, headings, source lines, boilerplate."""
from __future__ import annotations

import random

from training.generator import lexicons as lx
from training.generator import phrases as ph
from training.generator.actors import fixed_org, person_name
from training.generator.clauses import builder
from training.generator.clauses._templates import T
from training.generator.context import Ctx
from training.generator.pieces import Mention, Sentence, render
from training.generator.regions import Place


@builder(role=None, rels=(), weight=6.0, topic="filler")
def policy(ctx: Ctx) -> Sentence:
    """A policy sentence with no entity."""
    return Sentence().add(ctx.fresh(lambda: ph.policy_sentence(ctx.rng)))


NATIONAL = T("national_policy", [
    "<深入贯彻|全面落实|认真贯彻落实>{O}关于<东西部协作|对口支援|健康帮扶|巩固拓展脱贫攻坚成果>的<决策部署|重要部署>",
    "<按照|根据>{O}<统一部署|工作要求|有关文件精神>，{A}",
    "{O}、{O2}<先后|联合>印发<文件|通知|实施方案>，<督促落实|部署推进>{work}",
    "在{O}的<指导和支持|统一安排>下，{A}",
    "被{O}<授予|评为>“<东西部协作先进单位|健康帮扶先进集体|医疗帮扶工作突出单位>”<称号|>",
])


@builder(role=None, rels=(), weight=1.4, topic="filler")
def national_policy(ctx: Ctx) -> Sentence:
    """Policy language naming national or provincial bodies (ORG, no relation)."""
    rng = ctx.rng
    o1, o2 = rng.sample(lx.NATIONAL_ORGS, 2)
    if rng.random() < 0.35:
        o2 = ctx.sc.r_prov.name + rng.choice(["卫生健康委", "卫生健康委员会", "中医药管理局", "乡村振兴局"])
    slots = {"O": Mention(o1, "ORG"), "O2": Mention(o2, "ORG"),
             "A": ctx.fresh(lambda: ph.actions(rng, rng.choice([1, 2]))),
             "work": rng.choice(["三级医院对口帮扶工作", "组团式帮扶工作", "县级医院能力提升工作", "此项工作"])}
    return render(rng, rng.choice(NATIONAL), slots)


SLOGAN = T("slogan", [
    "坚持“{R}所需·{H}所能”<原则|思路|理念>",
    "<按照|围绕>“{R}需要什么，{H}就支援什么”的<思路|原则>，{A}",
    "<秉持|坚持>“{H}所能、{R}所需”<原则|理念>",
    "<打响|叫响>“{H}医生在{R}”<服务品牌|品牌>",
    "<推行|探索>“{R}点单、{H}接单”<帮扶模式|服务模式>，{A}",
    "<让|使>“{H}技术”在{R}落地生根",
    "<形成|打造>“{H}+{R}”<协作|联动>模式",
])


@builder(role=None, rels=(), weight=1.0, topic="filler")
def slogan(ctx: Ctx) -> Sentence:
    """A quoted slogan: its entities are annotated but take no relation."""
    sc, rng = ctx.sc, ctx.rng
    h = ctx.m(sc.h_city_actor() if rng.random() < 0.6 else sc.h_district_actor())
    r = ctx.m(sc.r_county_actor() if rng.random() < 0.5 else sc.r_pref_actor())
    h = Mention(_short_form(rng, h.surface, sc.h_city, sc.h_district), "REGION")
    r = Mention(_short_form(rng, r.surface, sc.r_pref, sc.r_county), "REGION")
    return render(rng, rng.choice(SLOGAN), {"H": h, "R": r, "A": ctx.fresh(lambda: ph.actions(rng, 1))})


def _short_form(rng: random.Random, surface: str, *places: Place | None) -> str:
    """Slogans use the short forms (铜仁所需·东莞所能)."""
    for place in places:
        if place is not None and place.name in surface and place.stem != place.name and rng.random() < 0.8:
            return place.stem
    return surface


PLAN = T("plan", [
    "将<对口帮扶|健康帮扶>工作<纳入|列入>医院“{D}”<规划|发展规划>和年度计划",
    "“{D}”期间，{A}",
    "<制定|编制>{R}<卫生健康|医疗卫生>“{D}”<发展规划|专项规划>",
    "<为|对>“{D}”<开好局、起好步|收官>打下坚实基础",
])


@builder(role=None, rels=(), weight=0.6, topic="filler")
def plan(ctx: Ctx) -> Sentence:
    """Five-year plans in quotes (“十四五”): DATE."""
    rng = ctx.rng
    slots = {"D": ctx.date("PLAN"), "A": ctx.fresh(lambda: ph.actions(rng, 1)), "R": ctx.m(ctx.sc.r_county_actor())}
    return render(rng, rng.choice(PLAN), slots)


GENERIC = T("generic_words", [
    "<该院|受援医院|帮扶医院>{A}",
    "<受援医院|受援单位|当地医院>的<诊疗水平|服务能力|管理水平><明显|显著|稳步>提升",
    "<为|给><该院|受援医院|当地><带出|培养>了一支<留得住、用得上|能看病、会管理>的<本土人才队伍|骨干队伍>",
    "{G}<深入|走进><乡镇卫生院|村卫生室|偏远乡村>，{A}",
    "<该院|受援医院|当地>{N}项技术空白<得以填补|被逐一填补>",
    "<两地|双方>{A}，{R}",
])


@builder(role=None, rels=(), weight=1.6, topic="filler")
def generic_words(ctx: Ctx) -> Sentence:
    """Generic words the schema leaves unannotated (该院, 受援医院, 乡镇卫生院, 两地)."""
    rng = ctx.rng
    slots = {"A": ctx.fresh(lambda: ph.actions(rng, rng.choice([1, 2]))), "G": rng.choice(ph.GENERIC_SUBJECTS),
             "N": rng.choice(["多", "数", "若干"]), "R": ctx.fresh(lambda: ph.result(rng))}
    return render(rng, rng.choice(GENERIC), slots)


PLACE_FILLER = T("place_filler", [
    "让{R}<群众|百姓|老百姓><不出县|就近><就能获得|获得|享有><优质|更好|同质化>的<诊疗|医疗>服务",
    "为{R}<打造|培养>一支“带不走”的医疗队伍",
    "{R}<地处|位于><偏远山区|高寒山区|边远地区|深山区>，<医疗资源相对匮乏|群众就医不便|基层医疗基础薄弱>",
    "<引进|借助>{H}优质医疗资源，{A}",
    "{H}的优质医疗资源和管理<理念|经验>持续<导入|输送到>{R}",
    "<不断缓解|有效缓解>{R}群众<看病难、看病贵|看病远、看病难>问题",
    "{R}是<国家乡村振兴重点帮扶县|脱贫县|少数民族聚居区|革命老区>，<医疗卫生基础薄弱|优质医疗资源短缺>",
    "{VC}是{R}<首批|第一批><标准化|示范>村卫生室，<村医|乡村医生><通过远程会诊|借助云巡诊设备>就能<请专家看诊|把脉问诊>",
])


@builder(role=None, rels=(), weight=2.2, topic="filler")
def place_filler(ctx: Ctx) -> Sentence:
    """Places named in passing (让某县群众在家门口…): REGION with no relation."""
    sc, rng = ctx.sc, ctx.rng
    template = rng.choice(PLACE_FILLER)
    r = sc.r_county_actor() if rng.random() < 0.6 else sc.r_pref_actor()
    h = sc.h_city_actor() if rng.random() < 0.6 else sc.h_district_actor()
    rels = []
    if "导入|输送到" in template:
        rels = [("H", "ASSISTS", "R")]
    slots = {"R": ctx.m(r), "H": ctx.m(h), "A": ctx.fresh(lambda: ph.actions(rng, 1)),
             "season": rng.choice(ph.SEASONAL),
             "VC": ctx.m(sc.village_clinic(rng.randint(0, 2)))}
    return render(rng, template, slots, rels)


NEWS_LEAD = T("news_lead", [
    "{D}，<记者|笔者>在{RH}看到，{scene}",
    "{D}，{RH}<内人头攒动|门诊大厅内排起了长队|热闹非凡>，{scene}",
    "{season}，{TW}<群众|村民>早早<来到|赶到>{TH}<排队候诊|等候义诊>",
    "{D}，一场<义诊|健康义诊|送医下乡>活动在{TW}<举行|展开>",
])


@builder(role=None, rels=(), weight=1.0, topic="filler")
def news_lead(ctx: Ctx) -> Sentence:
    """A reportage opening with a date and a place (no relation)."""
    sc, rng = ctx.sc, ctx.rng
    slots = {"D": ctx.date(rng.choice(["MD", "MD_PART", "YMD", "MD"])),
             "RH": ctx.m(sc.township_hospital() if rng.random() < 0.5 else sc.recip_hospital()),
             "TW": ctx.m(sc.town_actor()), "season": rng.choice(ph.SEASONAL),
             "TH": ctx.m(sc.township_hospital()),
             "scene": rng.choice(["帮扶专家正在为群众义诊", "医务人员正有序开展诊疗工作",
                                  "一场远程会诊正在进行", "新建成的科室已投入使用"])}
    return render(rng, rng.choice(NEWS_LEAD), slots)


SOURCE = T("source_line", [
    "来源：{O}", "（来源：{O}）", "通讯员 {P}", "记者 {P} 通讯员 {P2}", "编辑：{P}", "（{O}供稿）",
    "编辑：{P}  责编：{P2}", "（通讯员 {P} {P2}）", "文/图 {P}", "来源 | {O}", "审核：{P}",
    "{D}  来源：{O}",
])


@builder(role=None, rels=(), weight=0.0, topic="filler")
def source_line(ctx: Ctx) -> Sentence:
    """Source, editor and reporter lines: ORG / PERSON / DATE with no relation."""
    sc, rng = ctx.sc, ctx.rng
    org = rng.choice([sc.media(), sc.recip_health("county"), sc.helper_health("city"),
                      fixed_org(sc.h_city.stem + "日报", "org_media")])
    slots = {"O": ctx.m(org), "P": Mention(person_name(rng)[0], "PERSON"),
             "P2": Mention(person_name(rng)[0], "PERSON"), "D": ctx.date("YMD")}
    return render(rng, rng.choice(SOURCE), slots)


@builder(role=None, rels=(), weight=0.0, topic="filler")
def boilerplate(ctx: Ctx) -> Sentence:
    """A web-page boilerplate line (no entity)."""
    return Sentence().add(ctx.rng.choice(ph.BOILERPLATE))


HEADING = T("heading", [
    "{N}{H}", "{N}{H}", "{H}", "{N}{I}", "{I}", "{H}——{R}<医疗帮扶|组团式帮扶>纪实",
    "<医疗帮扶|对口支援|东西协作|健康帮扶>：{I}", "{R}：{H}",
])


@builder(role=None, rels=(), weight=0.0, topic="filler")
def heading(ctx: Ctx) -> Sentence:
    """A heading line, usually without entities."""
    sc, rng = ctx.sc, ctx.rng
    slots = {"N": rng.choice(ph.NUMBERINGS), "H": rng.choice(ph.HEADINGS), "I": rng.choice(ph.ITEM_HEADS),
             "R": ctx.m(sc.r_county_actor())}
    return render(rng, rng.choice(HEADING), slots)


DOCUMENT = T("document_title", [
    "<制定|印发>《{H}·{R}<东西部协作|医疗卫生协作|卫生健康协作>三年行动<方案|计划>（{DB}）》",
    "<签订|印发>《{H}对口帮扶{R}<医疗卫生|卫生健康>工作<协议|实施方案>》",
    "<深入学习贯彻|认真落实>{P}总书记关于<东西部协作|健康中国建设|乡村振兴>的重要论述",
    "《{R}<县域医共体建设|卫生健康事业发展>实施方案》<明确|提出>，{A}",
])


@builder(role=None, rels=(), weight=0.7, topic="filler")
def document_title(ctx: Ctx) -> Sentence:
    """Entities inside document titles 《…》 are annotated but take no relation."""
    sc, rng = ctx.sc, ctx.rng
    h = Mention(_short_form(rng, ctx.m(sc.h_city_actor()).surface, sc.h_city), "REGION")
    r = Mention(_short_form(rng, ctx.m(sc.r_pref_actor() if rng.random() < 0.5 else sc.r_county_actor()).surface,
                            sc.r_pref, sc.r_county), "REGION")
    slots = {"H": h, "R": r, "DB": ctx.date("BARE_RANGE"), "P": Mention(rng.choice(["习近平", "习"]), "PERSON"),
             "A": ctx.fresh(lambda: ph.actions(rng, 1))}
    return render(rng, rng.choice(DOCUMENT), slots)
