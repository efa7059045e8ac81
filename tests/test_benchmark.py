"""The benchmark scores a model on a file and measures its cost."""
from __future__ import annotations

import json

from aidner import benchmark
from aidner.corpus.markup import parse_markup


def test_benchmark_scores_and_costs(tmp_path, capsys):
    recs = [parse_markup("[2023年|DATE]，[宁波市|REGION|a]帮扶[晴隆县人民医院|HOSPITAL|b]，投入[500万元|MONEY|m]。",
                         [["a", "ASSISTS", "b"], ["a", "FUNDS", "m"]], doc_id=f"d{i}") for i in range(3)]
    data = tmp_path / "gold.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    out = tmp_path / "scores.json"
    assert benchmark.main(["--data", str(data), "--model", "rules", "--no-reference",
                           "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "| rules (rules) |" in printed and "MONEY (3)" in printed
    (result,) = json.loads(out.read_text("utf-8"))
    assert result["scores"]["entities"]["per_label"]["MONEY"]["f1"] == 1.0
    assert result["cost"]["chars_per_s"] > 0 and result["cost"]["peak_rss_mb"] > 0
