"""notebooks/aid_flows.ipynb runs headless on the bundled example reports and draws its plot."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "aid_flows.ipynb"


def test_aid_flows_notebook_runs(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    png = tmp_path / "flows.png"
    monkeypatch.setenv("AIDNER_FLOWS_PNG", str(png))      # never the committed PNG
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()                                      # raises CellExecutionError on error
    assert png.exists() and png.stat().st_size > 10_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("晴隆县中医医院" in h and "HOSPITAL" in h for h in html)   # the displaCy view
    assert any("image/png" in o.get("data", {}) for o in outputs)
