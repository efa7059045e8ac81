"""Partnership records, DataFrame / CSV / JSONL exports, and `aidner extract` over folders,
resumed after an interruption."""
from __future__ import annotations

import csv
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

import aidner
from aidner.cli import main
from aidner.corpus.markup import parse_markup
from aidner.document import Document, Relation
from aidner.export import (ENTITY_COLUMNS, PARTNERSHIP_COLUMNS, RELATION_COLUMNS, to_dataframe,
                           write_csv, write_jsonl)
from aidner.partnerships import document_partnerships, merge_partnerships

EXAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "examples"
EXAMPLE = EXAMPLES / "01_ningbo_qinglong.txt"

QINGLONG = {"code": "522324", "name": "晴隆县", "level": "county", "province": "贵州省",
            "city": "黔西南布依族苗族自治州", "chain": ["贵州省", "黔西南布依族苗族自治州", "晴隆县"]}
NINGBO = {"code": "330200", "name": "宁波市", "level": "city", "province": "浙江省",
          "city": "", "chain": ["浙江省", "宁波市"]}
NORMALIZED = {
    "宁波市": NINGBO,
    "晴隆县人民医院": {"region": QINGLONG},
    "贵州省晴隆县人民医院": {"region": QINGLONG},
    "500万元": {"yuan": 5e6, "approximate": False, "per_unit": None},
    "约300万元": {"yuan": 3e6, "approximate": True, "per_unit": None},
    "110万元/辆": {"yuan": 1.1e6, "approximate": False, "per_unit": "辆"},
    "12名": {"value": 12, "measure": "名", "approximate": False, "counted": "专家"},
    "2023年5月": {"start": "2023-05-01", "end": "2023-05-31", "precision": "month",
                 "resolved": True},
    "2024年": {"start": "2024-01-01", "end": "2024-12-31", "precision": "year",
              "resolved": True},
}


def normalized_doc(markup: str, relations, doc_id="t") -> Document:
    """A Document from markup, with the `normalized` values of NORMALIZED set by hand."""
    doc = Document.from_record(parse_markup(markup, relations, doc_id=doc_id))
    new = {e: replace(e, normalized=NORMALIZED.get(e.text)) for e in doc.entities}
    return Document(doc.text, list(new.values()),
                    [Relation(new[r.head], new[r.tail], r.type, r.score) for r in doc.relations],
                    id=doc.id)


DOC = normalized_doc(
    "[2023年5月|DATE]，[宁波市|REGION|h]投入[500万元|MONEY|m1]帮扶[晴隆县人民医院|HOSPITAL|r]，"
    "派出[12名|COUNT|c]专家，[李明|PERSON|p]任副院长，建成[胸痛中心|DEPARTMENT|d]。"
    "[2024年|DATE]，[宁波市|REGION|h2]再向[贵州省晴隆县人民医院|HOSPITAL|r2]捐赠[约300万元|MONEY|m2]"
    "和两辆救护车（[110万元/辆|MONEY|m3]）。",
    [["h", "ASSISTS", "r"], ["h", "FUNDS", "m1"], ["h", "SENDS", "c"], ["h", "SENDS", "p"],
     ["h", "BUILDS", "d"], ["h2", "ASSISTS", "r2"], ["h2", "FUNDS", "m2"], ["h2", "FUNDS", "m3"]])


# -- partnership records ---------------------------------------------------------------------

def test_one_record_per_pair_with_its_facts():
    (rec,) = DOC.partnerships        # two ASSISTS triples, one pair once normalised
    assert rec.doc_id == "t" and rec.doc_ids == ["t"]
    assert (rec.helper.text, rec.helper.region_code, rec.helper.province) == \
        ("宁波市", "330200", "浙江省")
    assert (rec.recipient.name, rec.recipient.region_code, rec.recipient.province) == \
        ("晴隆县人民医院", "522324", "贵州省")
    assert set(rec.recipient.aliases) == {"晴隆县人民医院", "贵州省晴隆县人民医院"}
    assert rec.money_yuan == 8e6                     # 500万 + 约300万; the per-unit price is out
    assert [(a.text, a.approximate) for a in rec.amounts] == \
        [("500万元", False), ("约300万元", True), ("110万元/辆", False)]
    assert rec.money_approximate is True
    assert rec.staff_count == 12 and rec.people == ["李明"]
    assert rec.departments == ["胸痛中心"]
    assert (rec.date_start, rec.date_end) == ("2023-05-01", "2024-12-31")
    assert len(rec.evidence) == 2
    for ev in rec.evidence:
        assert DOC.text[ev.start:ev.end] == ev.text and ev.doc_id == "t"


def test_merge_across_documents_by_region_code():
    other = normalized_doc("[宁波市|REGION|h]帮扶[晴隆县人民医院|HOSPITAL|r]，投入[500万元|MONEY|m]。",
                           [["h", "ASSISTS", "r"], ["h", "FUNDS", "m"]], doc_id="u")
    (rec,) = aidner.partnerships([DOC, other])
    assert rec.doc_ids == ["t", "u"]
    assert rec.money_yuan == 13e6
    assert {e.doc_id for e in rec.evidence} == {"t", "u"}


def test_without_normalized_values_the_plain_cases_are_read():
    doc = Document.from_record(parse_markup(
        "[2022年3月|DATE]，[宁海县第一医院|HOSPITAL|h]向[晴隆县人民医院|HOSPITAL|r]投入"
        "[1260万元|MONEY|m]，派出[43名|COUNT|c]。", [["h", "ASSISTS", "r"], ["h", "FUNDS", "m"],
                                                ["h", "SENDS", "c"]], doc_id="x"))
    (rec,) = document_partnerships(doc)
    assert rec.money_yuan == 12.6e6 and rec.staff_count == 43
    assert (rec.date_start, rec.date_end) == ("2022-03-01", "2022-03-31")
    assert rec.helper.province == "浙江省" and rec.recipient.region_code == "522324"


def test_no_assists_no_records():
    doc = Document.from_record(parse_markup("投入[500万元|MONEY]。", [], doc_id="z"))
    assert doc.partnerships == [] and merge_partnerships([doc]) == []


# -- DataFrames and files --------------------------------------------------------------------

def test_dataframe_kinds_and_columns():
    ents = to_dataframe([DOC], kind="entities")
    assert list(ents.columns[:len(ENTITY_COLUMNS)]) == ENTITY_COLUMNS
    assert len(ents) == len(DOC.entities)
    money = ents[ents.text == "约300万元"].iloc[0]
    assert money.yuan == 3e6 and bool(money.approximate) and money.doc_id == "t"
    hosp = ents[ents.text == "晴隆县人民医院"].iloc[0]
    assert hosp.region_code == "522324" and hosp.province == "贵州省"
    assert hosp.region_chain == "贵州省|黔西南布依族苗族自治州|晴隆县"

    rels = to_dataframe([DOC], kind="relations")
    assert list(rels.columns) == RELATION_COLUMNS and len(rels) == len(DOC.relations)
    funds = rels[rels.type == "FUNDS"]
    assert sorted(funds.tail_yuan) == [1.1e6, 3e6, 5e6]

    parts = to_dataframe([DOC], kind="partnerships", sources=["a.txt"])
    assert list(parts.columns) == PARTNERSHIP_COLUMNS and len(parts) == 1
    row = parts.iloc[0]
    assert row.source == "a.txt" and row.money_yuan == 8e6 and row.staff_count == 12
    assert row.money_per_unit == "110万元/辆" and row.departments == "胸痛中心"

    assert to_dataframe([], kind="partnerships").columns.tolist() == PARTNERSHIP_COLUMNS
    with pytest.raises(ValueError, match="unknown kind"):
        to_dataframe([DOC], kind="triples")


def test_csv_and_jsonl_files(tmp_path):
    other = normalized_doc("[宁波市|REGION|h]帮扶[晴隆县|REGION|r]。", [["h", "ASSISTS", "r"]],
                           doc_id="u")
    path = tmp_path / "p.csv"
    assert write_csv([DOC, other], str(path), kind="partnerships") == 2
    table = pd.read_csv(path)
    assert len(table) == 2 and list(table.columns) == PARTNERSHIP_COLUMNS
    assert table.doc_id.tolist() == ["t", "u"]
    write_csv([DOC], str(tmp_path / "e.csv"), kind="entities")
    assert len(pd.read_csv(tmp_path / "e.csv")) == len(DOC.entities)

    jpath = tmp_path / "d.jsonl"
    write_jsonl([DOC, other], str(jpath), sources=["a.txt", "b.txt"])
    records = [json.loads(line) for line in jpath.read_text("utf-8").splitlines()]
    assert [r["source"] for r in records] == ["a.txt", "b.txt"]
    assert records[0]["partnerships"][0]["money_yuan"] == 8e6


# -- aidner extract over folders, resumable --------------------------------------------------

class CountingModel:
    """Wraps a model; counts reports and raises KeyboardInterrupt on call `interrupt_at`."""

    name = "counting"

    def __init__(self, inner, interrupt_at: int | None = None) -> None:
        self.inner, self.interrupt_at, self.calls = inner, interrupt_at, 0

    def predict(self, texts):
        self.calls += 1
        if self.interrupt_at is not None and self.calls == self.interrupt_at:
            raise KeyboardInterrupt
        return self.inner.predict(texts)


class FakeModel:
    """Used when the rule baseline is missing: one ASSISTS pair found by string search."""

    name = "fake"

    def predict(self, texts):
        from aidner.document import Entity

        docs = []
        for text in texts:
            i, j = text.find("宁波市"), text.find("晴隆县人民医院")
            if i < 0 or j < 0:
                docs.append(Document(text))
                continue
            h = Entity("宁波市", "REGION", i, i + 3)
            r = Entity("晴隆县人民医院", "HOSPITAL", j, j + 7)
            docs.append(Document(text, [h, r], [Relation(h, r, "ASSISTS")]))
        return docs


@pytest.fixture(scope="module")
def base_model():
    try:
        return aidner.load("rules")
    except ImportError:
        return FakeModel()


@pytest.fixture()
def use_model(monkeypatch, base_model):
    """Make `aidner extract --model rules` use the given model instance."""
    def install(model):
        import aidner.models

        monkeypatch.setattr(aidner.models, "load", lambda name=None: model)
        return model
    return install


@pytest.fixture()
def folder(tmp_path):
    """Six copies of an example report (two in a sub-folder) and one with no partnership."""
    src = tmp_path / "reports"
    (src / "sub").mkdir(parents=True)
    for i in range(4):
        shutil.copy(EXAMPLE, src / f"r{i}.txt")
    for i in range(4, 6):
        shutil.copy(EXAMPLE, src / "sub" / f"r{i}.txt")
    (src / "zz_none.txt").write_text("今天天气很好。", encoding="utf-8")
    (src / "notes.md").write_text("not a report", encoding="utf-8")
    return src


def expected_rows(model) -> int:
    doc = model.predict([EXAMPLE.read_text("utf-8")])[0]
    return len(document_partnerships(doc))


def sources(folder: Path) -> list[str]:
    return sorted(p.as_posix() for p in folder.rglob("*.txt"))


def check_csv(out: Path, folder: Path, per_report: int) -> pd.DataFrame:
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == PARTNERSHIP_COLUMNS
    counts = table.groupby("source").size().to_dict()
    reports = [s for s in sources(folder) if not s.endswith("zz_none.txt")]
    assert counts == {s: per_report for s in reports}       # none missing, none twice
    done = out.with_name(out.name + ".done").read_text("utf-8").splitlines()
    assert sorted(done) == sources(folder)                     # the empty report is done too
    return table


def test_directory_to_csv(folder, tmp_path, use_model, base_model):
    use_model(base_model)
    out = tmp_path / "out.csv"
    assert main(["extract", str(folder), "--format", "csv", "--out", str(out),
                 "--model", "rules", "--quiet"]) == 0
    per_report = expected_rows(base_model)
    assert per_report > 0
    table = check_csv(out, folder, per_report)
    assert table.doc_id.iloc[0] == "r0.txt" and "sub/r4.txt" in set(table.doc_id)
    # csv rows are what to_dataframe gives for the same document
    doc = base_model.predict([EXAMPLE.read_text("utf-8")])[0]
    doc.id = "r0.txt"
    frame = to_dataframe([doc], "partnerships", sources=[(folder / "r0.txt").as_posix()])
    first = table[table.doc_id == "r0.txt"].reset_index(drop=True)
    assert first.helper.tolist() == frame.helper.tolist()
    assert first.evidence.tolist() == frame.evidence.tolist()


def test_directory_needs_out(folder):
    with pytest.raises(SystemExit, match="--out"):
        main(["extract", str(folder), "--model", "rules"])


def test_resume_after_interruption(folder, tmp_path, use_model, base_model):
    out = tmp_path / "out.csv"
    args = ["extract", str(folder), "--format", "csv", "--out", str(out), "--model", "rules",
            "--quiet"]
    use_model(CountingModel(base_model, interrupt_at=4))
    assert main(args) == 130                                    # Ctrl-C during report 4
    first = pd.read_csv(out, keep_default_na=False)
    assert first.source.nunique() == 3
    again = use_model(CountingModel(base_model))
    assert main(args) == 0
    assert again.calls == len(sources(folder)) - 3              # done reports are skipped
    check_csv(out, folder, expected_rows(base_model))
    rerun = use_model(CountingModel(base_model))
    assert main(args) == 0 and rerun.calls == 0                 # all done, empty one included


def test_resume_after_a_half_written_line(folder, tmp_path, use_model, base_model, capsys):
    out = tmp_path / "out.csv"
    args = ["extract", str(folder), "--format", "csv", "--out", str(out), "--model", "rules",
            "--quiet"]
    use_model(base_model)
    assert main(args) == 0
    # a crash while writing the rows of sub/r5.txt: its last row cut mid-line, not yet done
    last = (folder / "sub" / "r5.txt").as_posix()
    done = out.with_name("out.csv.done")
    done.write_text("".join(f"{s}\n" for s in sources(folder) if s != last), encoding="utf-8")
    data = out.read_bytes()
    out.write_bytes(data[:len(data) - 40])
    capsys.readouterr()
    again = use_model(CountingModel(base_model))
    assert main(args) == 0
    assert again.calls == 1
    assert "half-written" in capsys.readouterr().err
    check_csv(out, folder, expected_rows(base_model))
    with open(out, encoding="utf-8", newline="") as handle:
        assert all(len(row) == len(PARTNERSHIP_COLUMNS) for row in csv.reader(handle))


def test_resume_jsonl(folder, tmp_path, use_model, base_model):
    out = tmp_path / "out.jsonl"
    args = ["extract", str(folder), "--out", str(out), "--model", "rules", "--quiet"]
    use_model(CountingModel(base_model, interrupt_at=2))
    assert main(args) == 130
    with open(out, "a", encoding="utf-8") as handle:      # and a half line from a crash
        handle.write('{"id": "r9.txt", "text": "宁波')
    use_model(base_model)
    assert main(args) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert sorted(r["source"] for r in records) == sources(folder)
    assert main(args + ["--overwrite"]) == 0
    assert len(out.read_text("utf-8").splitlines()) == len(sources(folder))


def test_a_foreign_output_file_is_not_resumed(folder, tmp_path, use_model, base_model):
    out = tmp_path / "old.jsonl"
    out.write_text('{"id": "a.txt", "text": "x"}\n', encoding="utf-8")   # no source field
    use_model(base_model)
    with pytest.raises(SystemExit, match="--overwrite"):
        main(["extract", str(folder), "--out", str(out), "--model", "rules", "--quiet"])
    assert out.read_text("utf-8") == '{"id": "a.txt", "text": "x"}\n'
