"""The default model over the whole development set: labels, triples, offsets."""
from __future__ import annotations

from collections import defaultdict

import aidner
from aidner.document import Document
from aidner.schema import ENTITY_LABELS


def test_default_model_on_dev_set(dev_records):
    gold = [Document.from_record(r) for r in dev_records]
    pred = aidner.extract_batch([d.text for d in gold])
    labels = {e.label for d in pred for e in d.entities}
    assert labels == set(ENTITY_LABELS)
    for doc in pred:
        for ent in doc.entities:
            assert doc.text[ent.start:ent.end] == ent.text
    # an ASSISTS triple in every seed report whose gold annotation has one
    gold_reports, pred_reports = defaultdict(bool), defaultdict(bool)
    for g, p in zip(gold, pred):
        report = g.id.split("-")[0]
        gold_reports[report] |= bool(g.triples)
        pred_reports[report] |= bool(p.triples)
    missing = [r for r, has in gold_reports.items() if has and not pred_reports[r]]
    assert not missing, f"no partnership triple found in reports {missing}"
