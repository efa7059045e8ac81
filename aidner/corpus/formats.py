"""Annotation-tool exports -> the schema's record shape.

Accepted shapes (detected per record):
- doccano relation export (the schema's own): ``text``, ``entities``, ``relations``;
- doccano sequence-labelling export: ``text`` and ``label: [[start, end, LABEL], ...]``;
- Label Studio JSON export (a task): ``data.text`` and ``annotations[0].result`` with
  ``labels`` results (value.start/end/labels) and ``relation`` results (from_id, to_id, labels).
Nothing is dropped silently: an unknown shape or a result without a label is an error.
"""
from __future__ import annotations

from typing import Any

from aidner.corpus.errors import CorpusError


def to_schema_record(obj: Any) -> Any:
    """Convert one exported record to the schema shape; schema records pass through unchanged."""
    if not isinstance(obj, dict):
        return obj  # validation reports the type
    if "entities" in obj or ("text" in obj and "label" not in obj and "annotations" not in obj):
        return obj
    if "label" in obj and "text" in obj:
        return _from_doccano_seq(obj)
    if "annotations" in obj and isinstance(obj.get("data"), dict):
        return _from_label_studio(obj)
    raise CorpusError("record is neither a doccano nor a Label Studio export "
                      "(expected 'text' + 'entities', 'text' + 'label', or 'data' + 'annotations')",
                      doc_id=obj.get("id"))


def _from_doccano_seq(obj: dict) -> dict:
    entities = []
    for i, item in enumerate(obj["label"], start=1):
        if not (isinstance(item, (list, tuple)) and len(item) == 3):
            raise CorpusError(f"label item {item!r} is not [start, end, LABEL]",
                              doc_id=obj.get("id"), entity_id=i)
        start, end, label = item
        entities.append({"id": i, "label": label, "start_offset": start, "end_offset": end})
    out = {k: v for k, v in obj.items() if k != "label"}
    out.update({"entities": entities, "relations": obj.get("relations", [])})
    return out


def _from_label_studio(task: dict) -> dict:
    data = task["data"]
    text = data.get("text")
    if not isinstance(text, str):
        text = next((v for v in data.values() if isinstance(v, str)), None)
    doc_id = task.get("id")
    annotations = task.get("annotations") or []
    if not annotations:
        raise CorpusError("Label Studio task has no annotation", doc_id=doc_id)
    results = annotations[0].get("result", [])
    entities, relations, ids = [], [], {}
    for item in results:
        if item.get("type") == "relation":
            continue
        value = item.get("value", {})
        labels = value.get("labels") or []
        if len(labels) != 1:
            raise CorpusError(f"Label Studio result {item.get('id')!r} has labels {labels!r}; "
                              f"exactly one is needed", doc_id=doc_id, entity_id=item.get("id"))
        ent_id = len(entities) + 1
        ids[item.get("id")] = ent_id
        entities.append({"id": ent_id, "label": labels[0], "start_offset": value.get("start"),
                         "end_offset": value.get("end")})
    for item in results:
        if item.get("type") != "relation":
            continue
        labels = item.get("labels") or []
        if len(labels) != 1:
            raise CorpusError(f"Label Studio relation {item.get('from_id')!r} -> "
                              f"{item.get('to_id')!r} has labels {labels!r}; exactly one is needed",
                              doc_id=doc_id)
        relations.append({"id": len(relations) + 1, "from_id": ids.get(item.get("from_id")),
                          "to_id": ids.get(item.get("to_id")), "type": labels[0]})
    return {"id": doc_id, "text": text, "entities": entities, "relations": relations}
