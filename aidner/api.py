"""The public entry points: `extract` and `extract_batch`."""
from __future__ import annotations

import datetime
from typing import Iterable, Sequence

from aidner.document import Document
from aidner.models import Model, load
from aidner.normalize import normalize_document

_DEFAULT: Model | None = None


def default_model() -> Model:
    """The model `extract` uses when none is given, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT


def _check_texts(texts: Sequence[object]) -> list[str]:
    checked = []
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"text {i} is a {type(text).__name__}, not a str: aidner extracts "
                            f"from text only (decode bytes first, e.g. data.decode('utf-8'))")
        checked.append(text)
    return checked


def extract(text: str, model: Model | str | None = None,
            reference_date: datetime.date | None = None) -> Document:
    """Entities, relations and partnership triples of one text.

    `model` is a loaded Model, a name for `aidner.load`, or None for the default.
    Offsets of every entity index `text` exactly, whatever it contains. Entities carry
    their normalised values (`Entity.normalized`, see aidner.normalize); `reference_date`
    (e.g. the report's publication date) anchors relative dates such as 今年 and 9月7日.
    """
    return extract_batch([text], model=model, reference_date=reference_date)[0]


def extract_batch(texts: Iterable[str], model: Model | str | None = None,
                  reference_date: datetime.date | None = None) -> list[Document]:
    """`extract` over many texts at once (faster: models batch internally)."""
    texts = _check_texts(list(texts))
    if model is None:
        model = default_model()
    elif isinstance(model, str):
        model = load(model)
    docs = model.predict(texts)
    if len(docs) != len(texts):
        raise RuntimeError(f"model {model.name!r} returned {len(docs)} documents for "
                           f"{len(texts)} texts")
    return [normalize_document(doc, reference_date) for doc in docs]
