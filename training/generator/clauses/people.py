"""People: expert profiles, photo captions, quotes, local staff and patients
(WORKS_FOR, SERVES_AT, and PERSON mentions that take no relation)."""
from __future__ import annotations

from training.generator import lexicons as lx
from training.generator import phrases as ph
from training.generator import values as vl
from training.generator.actors import person_name
from training.generator.clauses import builder
from training.generator.clauses._templates import T
from training.generator.clauses.build import certified_unit
from training.generator.context import Ctx
from training.generator.pieces import Mention, Sentence, post_value, render

PROFILE_INTRO = T("profile_intro", [
    "{P}：{E}{X}{title}，{D}赴{R}<参加|开展>为期{dur}的<医疗卫生技术帮扶|医疗帮扶|对口支援|组团式帮扶>工作，挂职{RH}{post}",
    "{P}：{E}{X}{title}，{D}在{RH}<帮扶|驻点帮扶|开展帮扶|援{ra}帮扶>",
    "{P}：{E}{own}，{D}<前往|赴>{R}帮扶",
    "{P}，<男|女>，{E}{X}{title}。{D}起在{RH}挂职{post}",
    "{P}（{E}{X}{title}）{D}<来到|到>{RH}<开展|进行>为期{dur}的帮扶",
    "{E}{X}{title}{P}，{D}<受|经>{O}选派<赴|到>{RH}<开展|进行>帮扶",
    "{P}：{E}{X}{title}，挂职{RH}{post}，{D}在{R}帮扶",
    "{P}，{E}{X}<主任|副主任>、{title}，<现|目前>任{RH}{post}",
    "{P}：{E}<选派的|派出的><第一|第二|第三|第四|新一>批医疗帮扶专家，{D}在{R}帮扶",
    "{P}：{E}{X}{title}，{D}<前往|赴>{RH}帮扶",
    "{P}，{E}{title}，<作为|系>{O}<选派的|派出的>帮扶专家，{D}<赴|到>{R}<工作|帮扶>",
])


def _gender_fix(text_template: str, female: bool) -> str:
    return text_template.replace("<男|女>", "女" if female else "男")


@builder(role="person", rels=("WORKS_FOR", "SERVES_AT", "SENDS"), weight=0.0, topic="people")
def profile_intro(ctx: Ctx) -> Sentence:
    """The opening of an expert profile: name, own unit and post, where and when they served."""
    sc, rng = ctx.sc, ctx.rng
    expert = sc.expert(rng.randint(0, 3))
    ctx.topic.pop("person", None)
    p = ctx.person(expert)
    template = _gender_fix(rng.choice(PROFILE_INTRO), expert.female)
    r = sc.r_county_actor() if rng.random() < 0.75 else sc.r_pref_actor()
    rh = sc.recip_hospital() if rng.random() < 0.8 else sc.recip_pref_hospital()
    sender = sc.helper_health("city") if rng.random() < 0.5 else sc.helper_team()
    slots = {"P": p, "E": ctx.m(expert.employer), "X": ctx.dept(expert.dept or "医务科"),
             "title": expert.title or "", "own": post_value(rng.choice(["副院长", "院长助理", "医务科科长", "护理部主任",
                                                                      "党委副书记", "副主任"])),
             "D": ctx.since() if "{D}起" in template else
             ctx.date(rng.choice(["YM", "YM", "YM_RANGE", "YMD_RANGE", "Y", "YMD"])),
             "R": ctx.named("recip", r), "RH": ctx.named("recip", rh), "post": post_value(expert.post or "副院长"),
             "dur": vl.duration(rng), "O": ctx.m(sender),
             "ra": lx.PROVINCE_ABBR.get(sc.r_prov.name, "")}
    rels = [("P", "WORKS_FOR", "E"), ("P", "SERVES_AT", "R"), ("P", "SERVES_AT", "RH"),
            ("O", "SENDS", "P")]
    if "{E}<选派的|派出的>" in template:
        rels.append(("E", "SENDS", "P"))
    return render(rng, template, slots, rels)


PROFILE_BODY = T("profile_body", [
    "帮扶期间，<完成|开展|带领本地团队完成>{RH}<首例|第一例>{tech}",
    "<带领|指导>本地医生<开展|完成>{tech}{C}",
    "<累计|共>接诊患者{CP}，开展手术{CS}",
    "<深入|先后深入>{TW}开展义诊{CE}",
    "帮助<该院|科室|当地>建立{X}，<规范|完善>了<诊疗流程|管理制度>",
    "{praise}",
    "<手把手|言传身教><带教|培养>本地医生{CT}",
    "<在|为>{TW}<开展|组织><健康义诊|巡回医疗|送医下乡>活动{CE}，<惠及|服务>群众{CP}",
    "牵头成立{X}，<重点|主要>为<失能老人|孕产妇|慢病患者>提供<居家随访|上门巡诊|延续护理>服务",
    "<推动|协助>{RH}{XC}<通过|顺利通过>{O}<认证|评审>",
    "<开展|推广>新技术新项目{CN}，<其中|有>多项<属于|为><当地|该院|全县>首次开展",
    "期间<开展|引进>了{tech}等技术，<进一步|明显>提升了{R}的<诊疗|救治>水平",
])


@builder(role="person", rels=("SERVES_AT",), weight=0.0, topic="people")
def profile_body(ctx: Ctx) -> Sentence:
    """A sentence of a profile's body; its subject is the profiled person, left out.

    Where the person goes or works (a hospital, a town) takes SERVES_AT from the profiled
    person's named mention, as in the seeds' expert profiles.
    """
    sc, rng = ctx.sc, ctx.rng
    topic = ctx.topic.get("person")
    p = topic[0] if topic else None
    template = ctx.fresh(lambda: rng.choice(PROFILE_BODY))  # no body sentence twice in one profile
    certifier = rng.choice(lx.CERTIFIERS)
    slots = {"RH": ctx.m(sc.recip_hospital()), "tech": rng.choice(lx.TECHNIQUES),
             "C": ctx.count("surgeries"), "CP": ctx.count("patients"), "CS": ctx.count("surgeries"),
             "TW": ctx.m(sc.town_actor(rng.randint(0, 2))), "CE": ctx.count("events", unit="次"),
             "X": ctx.dept(rng.choice(lx.CENTRE_DEPTS + lx.CLINICAL_DEPTS)), "CT": ctx.count("staff"),
             "praise": ph.PRAISES[rng.randrange(len(ph.PRAISES))], "O": Mention(certifier, "ORG"),
             "XC": ctx.dept(certified_unit(certifier)),
             "CN": ctx.count("techniques", unit="项"), "R": ctx.m(sc.r_county_actor())}
    sent = render(rng, template, slots)
    if p is not None:
        for key in ("RH", "TW"):
            if any(m is slots[key] for m in sent.mentions()) and "<推动|协助>" not in template:
                sent.rel(p, "SERVES_AT", slots[key])
    return sent


CAPTION = T("caption", [
    "图为{H}<专家|医生|帮扶专家>{P}在{RH}<为患者诊疗|查房|指导手术|开展义诊|进行教学查房>",
    "{P}在{X}指导<设备使用|年轻医生操作|危重患者抢救|设备的使用>",
    "{P} {P2}在{X}<查看患者病情|讨论病例|指导抢救>",
    "{P}在{D}赴{TW}开展义诊",
    "{P}（<左|右><一|二|三>）在{RH}{X}<查看患者|指导诊疗|为患儿检查>",
    "{H}<派出的|选派的>帮扶专家在{TW}为群众<义诊|测量血压|讲解健康知识>",
    "<图|图片>：{P}正在为<患儿|患者|老人><听诊|检查|换药>",
    "{P}正在抢救<危重|早产|重症>患儿",
    "{P}<在|到>{RH}<指导|开展>{tech}",
    "<图为|图：>{D}，{H}<派出的|组织的>专家在{TW}开展义诊",
])


@builder(role=None, rels=("WORKS_FOR", "SERVES_AT"), weight=0.0, topic="people")
def caption(ctx: Ctx) -> Sentence:
    """A photo caption: 图为…专家某某在某院查房 (WORKS_FOR, SERVES_AT) or names alone."""
    sc, rng = ctx.sc, ctx.rng
    expert = sc.expert(rng.randint(0, 3))
    h = expert.employer
    slots = {"P": ctx.person(expert), "P2": Mention(person_name(rng)[0], "PERSON"), "H": ctx.m(h),
             "RH": ctx.m(sc.recip_hospital() if rng.random() < 0.7 else sc.township_hospital()),
             "X": ctx.dept(ctx.rng.choice(lx.ABBR_UNITS + lx.CENTRE_DEPTS[:12] + ("PICU病房", "ICU病房"))),
             "D": ctx.date(rng.choice(["NAMED", "MD", "MD_PART", "REL"])), "TW": ctx.m(sc.town_actor()),
             "tech": rng.choice(lx.TECHNIQUES)}
    rels = [("P", "WORKS_FOR", "H"), ("P", "SERVES_AT", "RH"), ("P", "SERVES_AT", "TW")]
    return render(rng, rng.choice(CAPTION), slots, rels)


QUOTE = T("quote", [
    "“{q}”{RH}{post}{P}<说|表示|感慨地说|深有感触地说>",
    "{E}{X}{title}{P}<介绍说|表示|说>：“<自己|我>被<派到|援派到|选派到>{RH}<开展|进行>帮扶，{q}”",
    "谈及帮扶<感受|经历|收获>，{P}说：“{q}”",
    "{O}{opost}{P}在<座谈会|签约仪式|启动仪式|总结会>上表示，{q}",
    "{RH}{post}{P}代表受援单位<签约|接受捐赠|致辞>",
    "“{q}”<谈起|说起>帮扶工作，{P}<这样说|感慨道>",
    "{E}<派驻|援派>{RH}的{X}专家{P}告诉记者：“{q}”",
])


@builder(role=None, rels=("WORKS_FOR", "SERVES_AT"), weight=1.6, topic="people")
def quote(ctx: Ctx) -> Sentence:
    """A quoted remark with the speaker's unit and post (WORKS_FOR; SERVES_AT for a helper expert)."""
    sc, rng = ctx.sc, ctx.rng
    template = rng.choice(QUOTE)
    expert = sc.expert(rng.randint(0, 2))
    local = sc.local(0)
    official = sc.official("helper" if rng.random() < 0.6 else "recip", 0)
    if template.startswith("“{q}”{RH}") or template.startswith("{RH}"):
        person, own = local, local.employer
        rh = own
    elif template.startswith("{O}"):
        person, own = official, official.employer
        rh = sc.recip_hospital()
    else:
        person, own = expert, expert.employer
        rh = sc.recip_hospital() if rng.random() < 0.8 else sc.recip_pref_hospital()
    p = ctx.person(person)
    said = rng.choice(ph.OFFICIAL_QUOTES) if person is official else ph.quote(rng)
    slots = {"q": said, "RH": ctx.m(rh), "post": post_value(person.post or "院长"), "P": p,
             "E": ctx.m(own), "X": ctx.dept(person.dept or rng.choice(lx.CLINICAL_DEPTS)),
             "title": person.title or "主任医师", "O": ctx.m(own), "opost": post_value(person.post or "主任")}
    rels = [("P", "WORKS_FOR", "E"), ("P", "WORKS_FOR", "O")]
    if person is local:
        rels.append(("P", "WORKS_FOR", "RH"))
    else:
        rels.append(("P", "SERVES_AT", "RH"))
    return render(rng, template, slots, rels)


LOCAL_STAFF = T("local_staff", [
    "{RH}{post}{P}<介绍|告诉记者>，<帮扶专家来了以后|自帮扶以来>，<医院|科室>的{gain}",
    "{RH}<年轻医生|护士|医师>{P}<跟随|跟着>帮扶专家学习<半年|一年|三个月>后，已能独立开展{tech}",
    "<在帮扶专家的带教下|经过系统培训>，{RH}{X}医师{P}<已成长为|成长为>科室<业务骨干|技术骨干>",
    "{RH}党委书记{P}<表示|说>，将<以此为契机|借助帮扶力量>，{act}",
])


@builder(role=None, rels=("WORKS_FOR",), weight=1.2, topic="people")
def local_staff(ctx: Ctx) -> Sentence:
    """A recipient doctor or manager: WORKS_FOR their own hospital."""
    sc, rng = ctx.sc, ctx.rng
    local = sc.local(rng.randint(0, 2))
    rh = local.employer
    slots = {"RH": ctx.m(rh), "post": post_value(local.post or "院长"), "P": ctx.person(local),
             "gain": rng.choice(["诊疗水平明显提高", "管理越来越规范", "手术量翻了一番", "门诊量稳步增长"]),
             "tech": rng.choice(lx.TECHNIQUES), "X": ctx.dept(local.dept or rng.choice(lx.CLINICAL_DEPTS)),
             "act": ctx.fresh(lambda: ph.actions(rng, 1))}
    return render(rng, rng.choice(LOCAL_STAFF), slots, [("P", "WORKS_FOR", "RH")])


PATIENT = T("patient", [
    "{D}，{H}对{R}{C}<建档立卡|困难|脱贫>患者{P1}和{P2}实施了<免费手术|医疗救助>",
    "{P1}是{VL}的<村民|脱贫户|留守老人>，<患有|因>{disease}<多年|长期><未能得到规范治疗|行动不便>",
    "家住{TW}的<老人|患者|村民>{P1}在帮扶专家的治疗下<康复出院|重见光明|恢复健康>",
    "{P1}<的家人|家属>给帮扶专家送来了锦旗",
])


@builder(role=None, rels=(), weight=0.9, topic="people")
def patient(ctx: Ctx) -> Sentence:
    """Patients and villagers: PERSON, REGION and COUNT with no relation."""
    sc, rng = ctx.sc, ctx.rng
    slots = {"D": ctx.date(rng.choice(["YM", "MD", "REL"])), "H": ctx.m(sc.helper_hospital(0)),
             "R": rng.choice(["我县", "当地", "该县"]),
             "C": Mention(rng.choice(["两名", "2名", "三名", "3名"]), "COUNT"),
             "P1": Mention(person_name(rng, sc.ethnic)[0], "PERSON"),
             "P2": Mention(person_name(rng, sc.ethnic)[0], "PERSON"),
             "TW": ctx.m(sc.town_actor()), "VL": ctx.m(sc.village_actor()),
             "disease": rng.choice(["白内障", "先天性心脏病", "股骨头坏死", "慢性阻塞性肺病", "糖尿病足",
                                    "包虫病", "腰椎间盘突出"])}
    return render(rng, rng.choice(PATIENT), slots)
