"""Literals as vnkg writes them, as rdflib terms and as N-Triples text, the same terms.

Vietnamese text is tagged @vi; an ISO date is typed by its precision (xsd:date, xsd:gYearMonth,
xsd:gYear); any other string is a plain literal, written without `^^xsd:string` (the same
term in RDF 1.1, but another term to rdflib, whose plain-literal queries would miss it).
"""

from __future__ import annotations

import datetime
import re

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

_DATE_FORMS = ((re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"), XSD.date),
               (re.compile(r"\d{4}-(0[1-9]|1[0-2])"), XSD.gYearMonth),
               (re.compile(r"\d{4}"), XSD.gYear))
DATE_TYPES = frozenset(t for _, t in _DATE_FORMS)
# the XSD integer types, as IRI text: their literals read as Python ints
INTEGER_TYPES = frozenset(str(XSD) + t for t in (
    "integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger"))


def date_type(value: str) -> URIRef | None:
    """The XSD type of an ISO date by its precision; None for anything else.

    >>> [str(date_type(v)).split("#")[-1] for v in ("2024-05-31", "2024-05", "2024", "5/2024")]
    ['date', 'gYearMonth', 'gYear', 'None']
    """
    for form, datatype in _DATE_FORMS:
        if form.fullmatch(value):
            return datatype if datatype != XSD.date or _real_day(value) else None
    return None


def _real_day(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False  # 2024-02-30 stays a plain literal rather than an ill-typed one
    return True


def literal(value: str | int | float | bool, vietnamese: bool = False, date: bool = False
            ) -> Literal:
    """A literal as the store gives it back: Vietnamese text @vi, a `date` typed by its
    precision, other strings plain (an explicit xsd:string is another term to rdflib)."""
    if isinstance(value, str):
        if vietnamese:
            return Literal(value, lang="vi")
        datatype = date_type(value) if date else None
        return Literal(value, datatype=datatype) if datatype else Literal(value)
    return Literal(value)


_XSD_INTEGER = f"^^<{XSD.integer}>"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_literal(value: str | int | float | bool, vietnamese: bool = False, date: bool = False
               ) -> str:
    """A literal in N-Triples syntax, escaped; the same term as `literal(value, ...)`.

    >>> nt_literal('Lò "A"', True), nt_literal("2024", date=True)
    ('"Lò \\\\"A\\\\""@vi', '"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>')
    """
    if isinstance(value, str):
        text = _escaped(value)
        if vietnamese:
            return f'"{text}"@vi'
        datatype = date_type(value) if date else None
        return f'"{text}"^^<{datatype}>' if datatype else f'"{text}"'
    if isinstance(value, int) and not isinstance(value, bool):
        return int_literal(value)
    lit = Literal(value)
    return f'"{_escaped(str(lit))}"^^<{lit.datatype}>'


def _escaped(text: str) -> str:
    """`text` with N-Triples' escapes; looked for first, since str.translate is slow on
    non-ASCII text (a tenth of rendering an article's statements) and few strings need one."""
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        return text.translate(_ESCAPES)
    return text


def int_literal(value: int) -> str:
    """An integer literal in N-Triples syntax."""
    return f'"{value}"{_XSD_INTEGER}'
