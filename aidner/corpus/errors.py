"""The one error type of corpus reading and validation."""
from __future__ import annotations


class CorpusError(ValueError):
    """A corpus record breaks the file format or the schema.

    The message names where: file, line (1-based), document id and entity or
    relation id, as far as they are known.
    """

    def __init__(self, problem: str, *, path: str | None = None, line: int | None = None,
                 doc_id: object = None, entity_id: object = None, relation_id: object = None):
        self.problem = problem
        self.path = path
        self.line = line
        self.doc_id = doc_id
        self.entity_id = entity_id
        self.relation_id = relation_id
        super().__init__(self._format())

    def _format(self) -> str:
        where = []
        if self.path is not None:
            where.append(f"{self.path}")
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.doc_id is not None:
            where.append(f"document {self.doc_id!r}")
        if self.entity_id is not None:
            where.append(f"entity {self.entity_id!r}")
        if self.relation_id is not None:
            where.append(f"relation {self.relation_id!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.problem}" if prefix else self.problem

    def located(self, *, path: str | None = None, line: int | None = None) -> "CorpusError":
        """The same error with the file and line filled in."""
        return CorpusError(self.problem, path=path or self.path, line=line or self.line,
                           doc_id=self.doc_id, entity_id=self.entity_id,
                           relation_id=self.relation_id)
