"""What must hold for any input to the extractor, and ways to make hard inputs; shared by
the property tests (test_fuzz.py) and the long fuzz script (fuzz_extract.py)."""

from __future__ import annotations

import random
import unicodedata
from typing import Any

import jsonschema

from tests.paths import EXAMPLES
from vnkg.extraction import extract_record
from vnkg.extraction.document import Document

_VALIDATORS: dict[int, jsonschema.protocols.Validator] = {}
ENTITIES = ("persons", "units", "localities", "decrees", "meetings")
ODD = ["\u0000", "\u0007", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u2028", "\u0301", "\u0323",
       "\r\n", "\r", "\t", "\x85", "\U0001f600", "ﬁ", "İ", "ß", "Ǆ", "\u0345", "ǰ", "\ufffd",
       "..", "((", "))", "“", "”", "–", "/", "số ", "Đ/c ", " Đại tá ", "\n\n", "TP.HCM"]


def check_record(text: str, record: dict[str, Any], schema: dict[str, Any]) -> None:
    """The record validates, every offset lies inside the text, and names and surfaces are
    the text they point at. Raises AssertionError (or ValidationError) saying what broke."""
    _validator(schema).validate(record)
    for kind in ENTITIES:
        for entity in record[kind]:
            slices = [_slice(text, m, f"{kind} {entity.get('id')}")
                      for m in entity.get("mentions", [])]
            if kind == "persons":  # case and spacing aside: see the xfails in test_fuzz.py
                name = _loose(entity["name"])
                assert all(_loose(s) == name for s in slices), (kind, entity, slices)
            elif kind in ("units", "localities") and slices:  # a decree's surface may be
                # wider than its mention (it adds the issuer)
                assert entity["surface"] in slices, (kind, entity, slices)
    for relation in record["relations"]:
        _slice(text, relation["evidence"], f"relation {relation['type']}")


def _loose(name: str) -> str:
    return " ".join(name.split()).casefold()


def _validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    """A validator made once per schema (jsonschema.validate re-checks the schema each call)."""
    key = id(schema)
    if key not in _VALIDATORS:
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        _VALIDATORS[key] = cls(schema)
    return _VALIDATORS[key]


def _slice(text: str, span: dict[str, Any], what: str) -> str:
    start, end = span["start"], span["end"]
    assert 0 <= start <= end <= len(text), f"{what}: span {start}..{end} outside 0..{len(text)}"
    return text[start:end]


def extract_and_check(text: str, schema: dict[str, Any]) -> None:
    """Extract a record from `text` (NFC, as the reader gives it) and check it."""
    text = unicodedata.normalize("NFC", text)
    check_record(text, extract_record(Document(id="fuzz", text=text)), schema)


def samples() -> list[str]:
    """The sample article texts (invented by the team), to mutate."""
    from vnkg.extraction.read import read_documents

    return [d.text for d in read_documents([EXAMPLES])]


def mutate(text: str, rng: random.Random, rounds: int = 4) -> str:
    """`text` with a few random cuts, copies, insertions of odd characters, case changes,
    NFD runs and huge tokens."""
    for _ in range(rng.randint(1, rounds)):
        i = rng.randrange(len(text) + 1)
        j = min(len(text), i + rng.randint(0, 80))
        op = rng.randrange(7)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:i] + text[i:j] * rng.randint(2, 5) + text[i:]
        elif op == 2:
            text = text[:i] + rng.choice(ODD) + text[i:]
        elif op == 3:
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == 4:
            text = text[:i] + unicodedata.normalize("NFD", text[i:j]) + text[j:]
        elif op == 5:
            text = text[:i] + rng.choice("aĐx9.,") * rng.randint(100, 5000) + text[i:]
        else:
            text = text[:i] + "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(8)) + text[j:]
    return text
