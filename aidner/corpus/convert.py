"""Schema records -> character BIO tags, a `datasets.Dataset`, or a spaCy `DocBin`."""
from __future__ import annotations

from typing import Sequence

from aidner.document import Document
from aidner.evaluation import bio_tags


def to_bio(record: dict) -> tuple[list[str], list[str]]:
    """(characters, BIO tags) of one record: one tag per character of its text."""
    doc = Document.from_record(record)
    return list(doc.text), bio_tags(doc)


def to_dataset(records: Sequence[dict]):
    """A `datasets.Dataset` with columns id, text, chars, ner_tags, entities, relations.

    `entities` and `relations` keep the schema's fields, so nothing of the record is lost.
    """
    from datasets import Dataset

    rows = {"id": [], "text": [], "chars": [], "ner_tags": [], "entities": [], "relations": []}
    for rec in records:
        chars, tags = to_bio(rec)
        rows["id"].append(str(rec.get("id")))
        rows["text"].append(rec["text"])
        rows["chars"].append(chars)
        rows["ner_tags"].append(tags)
        rows["entities"].append([{k: e[k] for k in ("id", "label", "start_offset", "end_offset")}
                                 for e in rec["entities"]])
        rows["relations"].append([{"id": r.get("id", i + 1), "from_id": r["from_id"],
                                   "to_id": r["to_id"], "type": r["type"]}
                                  for i, r in enumerate(rec["relations"])])
    return Dataset.from_dict(rows)


def to_docbin(records: Sequence[dict]):
    """A spaCy `DocBin` of character-token Docs with our labels on `ents`."""
    from spacy.tokens import DocBin

    docbin = DocBin(store_user_data=True)
    for rec in records:
        docbin.add(Document.from_record(rec).to_spacy())
    return docbin
