"""Turn a composed paragraph into a schema record through aidner's inline markup.

The paragraph's pieces are typeset in the paragraph's style (punctuation,
full-width digits), written as ``[surface|LABEL|key]`` markup and parsed by
`aidner.corpus.markup.parse_markup`, which computes offsets and validates the
record. Checks here catch generator bugs the schema validator cannot see:
relations to mentions that are not in the text, and place names written
together as two spans (the schema makes them one).
"""
from __future__ import annotations

from aidner.corpus.markup import parse_markup
from aidner.schema import relation_allowed

from training.generator.context import Style
from training.generator.pieces import Mention, Sentence

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})
_SPACED = {"，": ", ", "；": "; ", "：": ": ", "（": "(", "）": ")"}
#: label pairs that may not touch with nothing between them (one span by the schema's rules)
_NO_TOUCH = {("REGION", "REGION"), ("REGION", "HOSPITAL"), ("REGION", "ORG"), ("REGION", "DEPARTMENT"),
             ("HOSPITAL", "HOSPITAL"), ("ORG", "ORG"), ("HOSPITAL", "ORG"), ("ORG", "HOSPITAL"),
             ("DATE", "DATE"), ("COUNT", "COUNT"), ("MONEY", "MONEY"), ("PERSON", "PERSON"),
             ("DEPARTMENT", "DEPARTMENT"), ("COUNT", "MONEY"), ("MONEY", "COUNT"), ("DATE", "COUNT"),
             ("DATE", "MONEY"), ("COUNT", "DATE"), ("MONEY", "DATE")}


class GenerationError(ValueError):
    """A composed paragraph that cannot become a valid record (the composer retries)."""


def _style_text(text: str, style: Style) -> str:
    text = text.replace("[", "【").replace("]", "】")
    if style.punct == "ascii":
        text = text.translate(_ASCII)
    elif style.punct == "spaced":
        for a, b in _SPACED.items():
            text = text.replace(a, b)
    if style.fullwidth_digits:
        text = text.translate(_FULLWIDTH)
    return text


def to_record(paragraph: Sentence, style: Style, doc_id: str) -> dict:
    """The validated schema record of a composed paragraph."""
    pieces: list = []
    for piece in paragraph.pieces:
        if isinstance(piece, str):
            if piece:
                if pieces and isinstance(pieces[-1], str):
                    pieces[-1] += piece
                else:
                    pieces.append(piece)
        else:
            pieces.append(piece)
    keys: dict[int, str] = {}
    markup: list[str] = []
    prev: Mention | None = None
    at_start = True
    for piece in pieces:
        if isinstance(piece, str):
            text = _style_text(piece, style)
            if at_start:
                text = text.lstrip()
            markup.append(text)
            if text:
                prev = None
                at_start = False
            continue
        if id(piece) in keys:
            raise GenerationError(f"mention {piece!r} placed twice")
        if prev is not None and (prev.label, piece.label) in _NO_TOUCH:
            raise GenerationError(f"{prev.surface}+{piece.surface} touch ({prev.label}+{piece.label})")
        surface = piece.surface.translate(_FULLWIDTH) if style.fullwidth_digits else piece.surface
        key = f"e{len(keys) + 1}"
        keys[id(piece)] = key
        markup.append(f"[{surface}|{piece.label}|{key}]")
        prev = piece
        at_start = False
    relations: list[list[str]] = []
    seen: set[tuple[str, str, str]] = set()
    for head, rtype, tail in paragraph.relations:
        if id(head) not in keys or id(tail) not in keys:
            raise GenerationError(f"relation {head!r} {rtype} {tail!r} names a mention not in the text")
        if head is tail:
            continue
        if not relation_allowed(rtype, head.label, tail.label):
            raise GenerationError(f"{rtype} cannot link {head.label} to {tail.label}")
        triple = (keys[id(head)], rtype, keys[id(tail)])
        if triple not in seen:
            seen.add(triple)
            relations.append(list(triple))
    text = "".join(markup).rstrip()
    if not text.replace("[", "").strip():
        raise GenerationError("empty paragraph")
    return parse_markup(text, relations, doc_id=doc_id)
