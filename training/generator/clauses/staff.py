"""Staff sent to aid work (SENDS), and people who are not: trainees, delegations, patients."""
from __future__ import annotations

from training.generator import lexicons as lx
from training.generator import values as vl
from training.generator.actors import Actor, Person, person_name
from training.generator.clauses import builder
from training.generator.clauses._templates import T
from training.generator.clauses.partnership import tail
from training.generator.context import Ctx
from training.generator.pieces import Mention, Seq, Sentence, post_value, render

STAFF_WORDS = ("医疗专家", "医务骨干", "技术骨干", "医疗人才", "专业技术人员", "医护人员", "专家", "医生",
               "高年资医师", "中高级职称医务人员", "管理和技术人才", "临床专家", "帮扶专家", "医疗卫生人才")

SENDS_COUNT = T("sends_count", [
    "{D}以来，{S}<先后|累计|共>选派{CP}{W}赴{R}<开展|进行><驻点帮扶|医疗帮扶|对口支援|帮扶工作>",
    "{S}<先后|累计|已>派出{CP}{W}到{R}<驻点帮扶|开展帮扶|帮扶|开展医疗帮扶>",
    "{S}<共计|累计|先后>派驻{R}<帮扶|支医|挂职>专家{CN}",
    "{S}委派{CP}<高年资|中高级职称>医师常驻{R}开展<帮扶|对口支援>",
    "{S}组建由{CP}{W}组成的医疗队，<进驻|赴>{R}开展<组团式帮扶|对口帮扶|驻点帮扶>",
    "{S}选派{CP}{W}，<分批|轮流|分期分批>到{R}<开展|进行>为期{dur}的<帮扶|驻点帮扶>",
    "{S}派出<挂职|驻点|帮扶>专家{CN}，其中{C2}挂职<副院长|科主任|院长助理>",
    "{S}<先后|累计>向{R}<选派|派出|援派>{CP}{W}",
    "{D}，{S}<新一批|第二批|又一批>{CP}<帮扶|援派>专家<抵达|进驻|到达>{R}",
    "{S}<每年|每批>选派{CP}<专家|骨干医师>到{R}<驻点帮扶|开展帮扶|坐诊带教>",
    "{S}派出专家<支医|坐诊|驻点>{CV}",
    "{S}<组织|安排>{CP}<专家|医护人员>到{R}<开展|参加><巡回医疗|驻点帮扶|技术帮扶|对口支援>",
    "{S}援派{R}的{CP}专家<已全部到岗|全部到位|陆续到岗>",
    "{S}<累计|共>选派{CP}<专家|医生>“组团式”帮扶{R}",
])


@builder(role="helper", rels=("SENDS", "ASSISTS"), weight=4.0, topic="staff")
def sends_count(ctx: Ctx) -> Sentence:
    """A helper dispatches a number of staff to the recipient: SENDS to the COUNT."""
    sc, rng = ctx.sc, ctx.rng
    s = ctx.subj("helper", sc.main_helper)
    template = ctx.pick(SENDS_COUNT, s)
    big = sc.main_helper.label != "HOSPITAL"
    n_sent = rng.randint(4, 120) if big else rng.randint(2, 40)
    kind = "staff" if big else "staff_hospital"
    slots = {"S": s, "R": ctx.ref("recip", sc.main_recip, 0.15), "D": ctx.since(),
             "CP": ctx.count(kind, unit=rng.choice(["名", "名", "名", "位"])),
             "CN": Mention(f"{n_sent}" + rng.choice(["名", "人"]), "COUNT"),
             "C2": Mention(f"{rng.randint(1, max(1, n_sent // 2))}" + rng.choice(["人", "名"]), "COUNT"),
             "CV": ctx.count("stints", unit="人次"),
             "W": rng.choice(STAFF_WORDS), "dur": vl.duration(rng)}
    rels = [("S", "SENDS", "CP"), ("S", "SENDS", "CN"), ("S", "SENDS", "C2"), ("S", "SENDS", "CV"),
            ("S", "ASSISTS", "R")]
    return render(rng, template, slots, rels).add(tail(ctx, 0.4))


SENDS_DEPT = T("sends_by_specialty", [
    "{S}<先后|累计>派出{X}等<专业|科室>的专家{CN}，<开展|进行><长期派驻|定期义诊|驻点帮扶>",
    "{S}派出的{X1}专家和{H2}派出的{X2}专家在{R}联合<举办|开展>{X3}适宜技术培训",
    "{S}选派{X}等<学科|专业>骨干{CP}赴{R}帮扶",
])


@builder(role="helper", rels=("SENDS", "ASSISTS"), weight=1.2, topic="staff")
def sends_by_specialty(ctx: Ctx) -> Sentence:
    """Staff sent by specialty; the specialties are a list of disciplines (DEPARTMENT)."""
    from training.generator.clauses.build import discipline_seq
    sc, rng = ctx.sc, ctx.rng
    s = ctx.subj("helper", sc.main_helper)
    template = ctx.pick(SENDS_DEPT, s)
    second = next((a for a in (sc.h_district_actor(1), sc.helper_hospital(1)) if a.name != sc.main_helper.name),
                  sc.helper_team())
    slots = {"S": s, "R": ctx.ref("recip", sc.main_recip, 0.1), "X": discipline_seq(ctx, bare=0.3),
             "X1": ctx.dept(rng.choice(lx.CLINICAL_DEPTS)), "X2": ctx.dept(rng.choice(lx.CLINICAL_DEPTS)),
             "X3": ctx.dept(rng.choice(["产儿科", "急诊科", "儿科", "妇产科", "麻醉科", "康复科"])),
             "H2": ctx.m(second), "CN": ctx.count("staff", unit=rng.choice(["人", "名"])),
             "CP": ctx.count("staff", unit="名")}
    rels = [("S", "SENDS", "CN"), ("S", "SENDS", "CP"), ("S", "ASSISTS", "R")]
    return render(rng, template, slots, rels).add(tail(ctx, 0.3))


def _employee(ctx: Ctx, employer: Actor) -> Person:
    """A new person working for `employer`, with department and title."""
    rng = ctx.rng
    name, female = person_name(rng)
    tcm = "中医" in employer.name
    cdc = "疾病预防控制" in employer.name or "疾控" in employer.name
    from training.generator.actors import clinical_dept
    dept = clinical_dept(rng, tcm, cdc) if employer.label == "HOSPITAL" else None
    from training.generator.actors import title_for
    title = title_for(rng, dept, tcm) if employer.label == "HOSPITAL" else rng.choice(lx.ORG_POSTS)
    return Person(name, employer, dept, title, rng.choice(lx.SECONDED_POSTS), female)


SENDS_PERSON_OWN = T("sends_person_own", [
    "{S}<选派|派出|委派>{X}{title}{P}赴{R}挂职{post}",
    "{D}，{S}选派{X}{title}{P}到{R}开展为期{dur}的<驻点帮扶|对口帮扶|医疗帮扶>",
    "{S}派出以{X}主任{P}为<队长|组长|领队>的<医疗队|专家团队|帮扶团队>，<进驻|赴>{R}开展帮扶",
    "{S}选派{P}等{C}专家<赴|到>{R}<开展|进行><驻点帮扶|帮扶|组团式帮扶>",
    "{S}先后派出{PS}等{C}<专家|骨干>到{R}帮扶",
    "{S}<委派|派出>{P}担任{R}<执行院长|业务副院长|院长>，<全面负责|参与>医院管理",
    "{S}{X}{title}{P}<受|经>医院选派<赴|到>{R}挂职{post}",
])

SENDS_PERSON_ORG = T("sends_person_org", [
    "{S}<选派|派出|委派>{E}{X}{title}{P}到{R}<开展|进行>为期{dur}的<医疗帮扶|对口支援|驻点帮扶>",
    "{D}，{S}<选派|派出>{E}{title}{P}赴{R}挂职{post}",
    "{P}作为{S}选派的<第一|第二|第三|首批|新一批>帮扶专家，于{D}<到|抵达>{R}<开展|参加><帮扶|组团式帮扶>工作",
    "{S}从{E}选派{X}专家{P}到{R}<帮扶|驻点帮扶>",
])


@builder(role="helper", rels=("SENDS", "WORKS_FOR", "SERVES_AT", "ASSISTS"), weight=3.0, topic="staff")
def sends_person(ctx: Ctx) -> Sentence:
    """A named person is sent to aid work: SENDS, WORKS_FOR, SERVES_AT (and ASSISTS)."""
    sc, rng = ctx.sc, ctx.rng
    helper = sc.main_helper
    own = helper.label == "HOSPITAL" and rng.random() < 0.85
    if not own and helper.label == "HOSPITAL":
        helper = sc.helper_health("city") if rng.random() < 0.5 else sc.helper_team()
    if own:
        employer = helper
    else:
        employer = sc.helper_hospital(rng.randint(0, 2))
        if employer.name == helper.name:
            own = True
    s = ctx.subj("helper", helper)
    templates = SENDS_PERSON_OWN if own else SENDS_PERSON_ORG
    template = ctx.pick(templates, s)
    person = _employee(ctx, employer)
    p = ctx.person(person)
    recip = sc.main_recip if sc.main_recip.label != "ORG" else sc.recip_hospital()
    if rng.random() < 0.3:
        recip = sc.recip_hospital() if rng.random() < 0.7 else sc.r_county_actor()
    if "担任{R}" in template and recip.label != "HOSPITAL":
        recip = sc.recip_hospital()
    others = [Mention(person_name(rng)[0], "PERSON") for _ in range(rng.randint(1, 3))]
    n_total = len(others) + 1 + rng.randint(0, 12)
    slots = {"S": s, "P": p, "R": ctx.ref("recip", recip, 0.1), "D": ctx.date(rng.choice(["YM", "YM", "Y", "YMD"])),
             "X": ctx.dept(person.dept or "医务科"), "title": person.title or "", "post": post_value(person.post or "副院长"),
             "E": ctx.m(employer), "dur": vl.duration(rng),
             "C": Mention(f"{n_total}名" if rng.random() < 0.7 else f"{n_total}位", "COUNT"),
             "PS": Seq([p] + others, rng)}
    rels = [("S", "SENDS", "P"), ("S", "SENDS", "PS"), ("S", "SENDS", "C"), ("P", "SERVES_AT", "R"),
            ("PS", "SERVES_AT", "R"), ("S", "ASSISTS", "R"), ("P", "WORKS_FOR", "E")]
    if own:
        rels.append(("P", "WORKS_FOR", "S"))
    return render(rng, template, slots, rels).add(tail(ctx, 0.3))


TRAINEES = T("trainees", [
    "{S}<选派|组织>{CP}<医务人员|骨干医师|管理人员|护理骨干>到{H}<进修学习|跟岗学习|进修|参加培训>",
    "{H}<接收|免费接收>{R}<进修学习|跟岗培训|规范化培训>人员{CN}",
    "{H}为{R}<培训|培养><医务人员|基层医务人员|乡村医生|业务骨干>{CN}",
    "{S}<组织|安排>{CP}中层以上干部分{CB}前往{H}<跟岗学习|挂职锻炼>",
    "{S}<先后|累计>选派{CP}<医务人员|骨干>赴{H}接受为期{dur}的<进修|规范化培训>",
    "<接收|安排>{R}医务人员{CN}到{H}<进修|研修>",
    "{H}<免费|无偿>为{R}<培训|带教>{trainee}{CN}",
])


@builder(role="recip", rels=(), weight=2.0, topic="staff")
def trainees(ctx: Ctx) -> Sentence:
    """Recipient staff sent to the helper to study: not SENDS (and no ASSISTS without an aid verb)."""
    sc, rng = ctx.sc, ctx.rng
    s = ctx.subj("recip", sc.main_recip, labels=("HOSPITAL", "REGION"))
    template = ctx.pick(TRAINEES, s)
    host = sc.main_helper if sc.main_helper.label != "ORG" and rng.random() < 0.6 else (
        sc.helper_hospital(0) if rng.random() < 0.7 else sc.h_city_actor())
    slots = {"S": s, "H": ctx.m(host),
             "R": ctx.m(sc.main_recip if rng.random() < 0.5 else sc.r_county_actor()),
             "CP": ctx.count("staff_hospital", unit="名"),
             "CN": ctx.count("staff" if rng.random() < 0.7 else "trained", unit=rng.choice(["名", "人", "人次"])),
             "CB": Mention(rng.choice(["两批", "三批", "四批", "五批次", "六批次", "3批", "4批次"]), "COUNT"),
             "dur": vl.duration(rng),
             "trainee": rng.choice(["住院医师", "护理人员",
                                    Sentence().add(Mention("全科", "DEPARTMENT"), "医生")])}
    return render(rng, template, slots).add(tail(ctx, 0.35))


DELEGATION = T("delegation", [
    "{D}，{O}{post}{P}一行{C}<到|赴|来到>{R}<调研|考察|开展调研|对接帮扶工作|看望帮扶干部>",
    "{D}，{O}{post}{P}<率队|带队>到{R}<调研|考察|督导|调研指导><对口帮扶|东西部协作|组团式帮扶>工作",
    "{O}{post}{P}<率领|带领>{CP}<专家|工作人员>到{R}<考察|慰问>",
    "{O}{P}一行{C}再次来到{R}，<就|围绕><人才培养|学科建设|远程医疗>等<事项|领域>进行对接",
])


@builder(role=None, rels=("WORKS_FOR", "SERVES_AT"), weight=2.2, topic="people")
def delegation(ctx: Ctx) -> Sentence:
    """A leader visits with a delegation: WORKS_FOR and SERVES_AT, but the 一行N人 count is not SENDS."""
    sc, rng = ctx.sc, ctx.rng
    official = sc.official("helper", rng.randint(0, 1))
    o = ctx.m(official.employer)
    p = ctx.person(official)
    r_actor = rng.choice([sc.main_recip, sc.r_county_actor(), sc.recip_hospital(), sc.r_pref_actor()])
    if r_actor.label == "ORG":
        r_actor = sc.r_county_actor()
    post = official.post or "主任"
    slots = {"D": ctx.date(rng.choice(["MD", "MD", "MD_PART", "YMD", "YM"])), "O": o, "post": post, "P": p,
             "C": Mention(f"{rng.randint(3, 30)}人" if rng.random() < 0.8 else
                          rng.choice(["五人", "六人", "八人", "十余人", "20余人"]), "COUNT"),
             "R": ctx.m(r_actor), "CP": Mention(f"{rng.randint(3, 30)}名", "COUNT")}
    if official.dept and rng.random() < 0.7:
        sent = Sentence().add(slots["D"], "，", o, ctx.dept(official.dept), post, p,
                              rng.choice(["率队", "带队", "一行"]), rng.choice(["在", "到"]), slots["R"],
                              rng.choice(["调研督导", "调研", "督导检查"]),
                              rng.choice(["“组团式”帮扶工作", "对口帮扶工作", "东西部协作项目推进情况"]))
        return sent.rel(p, "WORKS_FOR", o).rel(p, "SERVES_AT", slots["R"])
    sent = render(rng, rng.choice(DELEGATION), slots, [("P", "WORKS_FOR", "O"), ("P", "SERVES_AT", "R")])
    if rng.random() < 0.35:
        local = sc.official("recip", 0)
        lo = ctx.m(local.employer)
        lp = local.mention()
        sent.add("，", lo, local.post or "局长", lp, rng.choice(["陪同", "等陪同调研", "参加座谈"]))
        sent.rel(lp, "WORKS_FOR", lo)
    return sent
