"""The aidner command: extract files, lines and stdin; evaluate; help texts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from aidner.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "examples" / "01_ningbo_qinglong.txt"


def test_extract_file_writes_one_document(tmp_path, capsys):
    assert main(["extract", str(EXAMPLE), "--model", "rules"]) == 0
    (line,) = capsys.readouterr().out.strip().splitlines()
    doc = json.loads(line)
    assert doc["id"] == EXAMPLE.name and doc["text"] == EXAMPLE.read_text("utf-8")
    assert any(t["type"] == "ASSISTS" for t in doc["triples"])


def test_extract_lines_keeps_every_line(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("东莞市帮扶沿河县人民医院。\n\n投入资金500万元。\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--lines", "--model", "rules", "--out", str(out)]) == 0
    docs = [json.loads(l) for l in out.read_text("utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["in.txt:1", "in.txt:2", "in.txt:3", "in.txt:4"]
    assert [d["text"] for d in docs] == ["东莞市帮扶沿河县人民医院。", "", "投入资金500万元。", ""]


def test_extract_stdin():
    proc = subprocess.run([sys.executable, "-m", "aidner", "extract", "-", "--model", "rules"],
                          input="投入资金500万元。", capture_output=True, text=True, check=True)
    doc = json.loads(proc.stdout)
    assert [(e["text"], e["label"]) for e in doc["entities"]] == [("500万元", "MONEY")]


def test_missing_and_non_utf8_files(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit, match="no such file"):
        main(["extract", str(tmp_path / "nope.txt"), "--model", "rules"])
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("东莞市".encode("gbk"))
    with pytest.raises(SystemExit, match="not UTF-8"):
        main(["extract", str(bad), "--model", "rules"])


def test_help_texts():
    for cmd in (["--help"], ["extract", "--help"], ["train", "--help"]):
        proc = subprocess.run([sys.executable, "-m", "aidner", *cmd], capture_output=True, text=True)
        assert proc.returncode == 0 and "usage" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "aidner", "evaluate", "--help"],
                          capture_output=True, text=True)
    assert "--data" in proc.stdout and "--model" in proc.stdout
