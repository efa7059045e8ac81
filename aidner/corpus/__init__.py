"""Corpus input and output in the schema's doccano JSONL format.

`read_jsonl` validates every record it reads and raises `CorpusError` naming the
file, line, document and entity of the first problem; nothing is skipped.
"""
from aidner.corpus.errors import CorpusError
from aidner.corpus.io import read_jsonl, write_jsonl, iter_jsonl
from aidner.corpus.validate import validate_record

__all__ = ["CorpusError", "read_jsonl", "write_jsonl", "iter_jsonl", "validate_record"]
