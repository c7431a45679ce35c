"""Seeds: the nodes an entity parameter names, looked up first and bound as a VALUES block.

A query declares them in its header, `# seeds: person ?p; locality ?l within`: when the
parameter `person` is given, the nodes whose id or key it names are bound to `?p` before the
query runs, so the engine starts from them (an index lookup) instead of testing the
parameter's FILTER on every row. `within` seeds every locality inside the one named, `held`
the meetings held there (`heldmap`: on the map the `map` parameter names, `on_map`) and
`concerns` the meetings about the decree named. Each lookup is two queries,
`queries/_LOOKUP_id.rq` and `_LOOKUP_key.rq`, whose results are united.

A seed applies the same condition as its parameter's FILTER, which opens with the test for
"any", `COALESCE(?p_NAME, "") = ""`; once seeded that test is made `true` (`settle`), so the
engine drops a condition already met instead of testing it again on every row (a quarter of
decree-trace's time at 100k). The FILTERs keep the query right without seeds, over a remote
endpoint and when read; the Cypher parity tests hold both ways to the same rows.

Terms in the VALUES block are node IRIs read from the store and serialised by rdflib.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any

from rdflib import Literal, URIRef

Seed = tuple[str, str, str]  # (parameter, variable, lookup: node, within, held, heldmap...)
Run = Callable[[str, Mapping[str, Any]], list[str]]  # a lookup's ?n IRIs, given bindings


def parse_seeds(header: str) -> tuple[Seed, ...]:
    """The seeds a header line declares.

    >>> parse_seeds("person ?p; locality ?l within")
    (('person', 'p', 'node'), ('locality', 'l', 'within'))
    """
    seeds: list[Seed] = []
    for part in header.split(";"):
        words = part.split()
        if words:
            seeds.append((words[0], words[1].lstrip("?"), words[2] if len(words) > 2 else "node"))
    return tuple(seeds)


def seeded(text: str, run: Run, seeds: tuple[Seed, ...], bound: Mapping[str, Any]) -> str:
    """The query `text` as run: its seeds looked up (`run`), bound as VALUES blocks, and
    the FILTERs of the seeded parameters settled."""
    values = seed_values(run, seeds, bound)
    text = settle(with_seeds(text, values), [p for p, _, _ in seeds if _given(bound, p)])
    return settle_absent(text, [p for p in bound if not _given(bound, p)])


def on_map(lookup: str, bound: Mapping[str, Any]) -> str:
    """The lookup a seed runs: `heldmap` is the meetings held in the place on the map the
    `map` parameter names, `held2025` on 2025's and `held` otherwise (a map that names
    nothing finds the 2024 map's, and the query's own FILTER on `map` leaves no row). Exact
    for the map chosen, so the place FILTER it stands for is settled like any other: that
    FILTER's EXISTS, tested on every row, took decree-trace to 6-7 s at 100,000 articles.

    >>> on_map("heldmap", {"map": "2025"}), on_map("heldmap", {}), on_map("node", {})
    ('held2025', 'held', 'node')
    """
    if lookup != "heldmap":
        return lookup
    return "held2025" if str(bound.get("map") or "") == "2025" else "held"


def _given(bound: Mapping[str, Any], param: str) -> bool:
    return bound.get(param) not in (None, "")  # left out, or empty: "any", as in the FILTERs


def seed_values(run: Run, seeds: tuple[Seed, ...], bound: Mapping[str, Any]
                ) -> dict[str, list[URIRef]]:
    """For each seed whose parameter is bound: the IRIs of the nodes it names. Two seeds of
    one variable intersect (the meetings about a decree held in a province): the second
    only tests the candidates of the first, so the more selective seed goes first. Variables
    seeded by the same lookups share one answer (decree-gaps' meetings, in two groups)."""
    out: dict[str, list[URIRef]] = {}
    answers: dict[tuple[tuple[str, str], ...], list[URIRef]] = {}
    for var, chain in _chains(seeds, bound).items():
        if chain not in answers:
            answers[chain] = _look_up(run, chain, bound)
        out[var] = answers[chain]
    return out


def _chains(seeds: tuple[Seed, ...], bound: Mapping[str, Any]
            ) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each seeded variable's (parameter, lookup) pairs, in order, for the parameters given."""
    chains: dict[str, list[tuple[str, str]]] = {}
    for param, var, lookup in seeds:
        if _given(bound, param):
            chains.setdefault(var, []).append((param, on_map(lookup, bound)))
    return {var: tuple(chain) for var, chain in chains.items()}


def _look_up(run: Run, chain: tuple[tuple[str, str], ...], bound: Mapping[str, Any]
             ) -> list[URIRef]:
    nodes: list[URIRef] | None = None
    for param, name in chain:
        found: set[URIRef] = set()
        for by, value in (("id", bound[param]), ("key", bound.get(f"{param}_key"))):
            if value in (None, ""):
                continue
            text = (resources.files("vnkg.queries") / f"_{name}_{by}.rq").read_text("utf-8")
            if nodes is not None:  # only the candidates the earlier seed found are tested,
                # and only if the lookup finds anything at all (a long VALUES block costs)
                if not nodes or not run(f"{text} LIMIT 1", {"p_match": value}):
                    continue
                text = with_seeds(text, {"n": nodes})
            found |= {URIRef(iri) for iri in run(text, {"p_match": value})}
        nodes = sorted(found)
    return nodes or []


def with_seeds(text: str, values: Mapping[str, list[URIRef]]) -> str:
    """The query with one VALUES block per seeded variable opening its WHERE clause, or
    each WHERE clause marked `# seeded` when it has some (subqueries that aggregate per
    seeded node: the VALUES of the outer clause would not reach them). A group marked
    `# seeded ?v` takes the blocks of the variables it names, and only those: an OPTIONAL
    that Oxigraph evaluates once over the whole store, not per row (decree-gaps' counts).

    >>> with_seeds("SELECT * WHERE { ?p ?q ?r }", {"p": [URIRef("https://vnkg.dev/id/a")]})
    'SELECT * WHERE { VALUES ?p { <https://vnkg.dev/id/a> } ?p ?q ?r }'
    >>> with_seeds("SELECT * WHERE { { SELECT ?p WHERE { # seeded\\n?p ?q ?r } } }",
    ...            {"p": [URIRef("a")]})
    'SELECT * WHERE { { SELECT ?p WHERE { # seeded\\n VALUES ?p { <a> }\\n?p ?q ?r } } }'
    >>> print(with_seeds("SELECT * WHERE { ?p ?q ?r OPTIONAL { # seeded ?m\\n?m ?s ?p } }",
    ...                  {"p": [URIRef("a")], "m": [URIRef("b")]}))
    SELECT * WHERE { VALUES ?p { <a> } ?p ?q ?r OPTIONAL { # seeded ?m
     VALUES ?m { <b> }
    ?m ?s ?p } }
    """
    if not values:
        return text
    marks = [_named(m) for m in _MARKED.finditer(text)]
    rest = [var for var in values if not any(var in named for named in marks)]

    def fill(mark: re.Match[str]) -> str:
        block = _blocks(values, _named(mark) or rest)
        return f"{mark.group(0)} {block}\n" if block else mark.group(0)

    text = _MARKED.sub(fill, text)
    if rest and all(marks):  # no group is marked bare to take the rest: the first WHERE does
        text = open_where(text, _blocks(values, rest))
    return text


def _blocks(values: Mapping[str, list[URIRef]], variables: Iterable[str]) -> str:
    return " ".join(f"VALUES ?{var} {{ {' '.join(t.n3() for t in values[var])} }}"
                    for var in variables if var in values)


def _named(mark: re.Match[str]) -> list[str]:
    return [v.lstrip("?") for v in mark.group(1).split()]


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
# a WHERE clause marked `# seeded`, up to the end of the marker's line
_SEEDED = re.compile(r"\bWHERE\s*\{[ \t]*# seeded\b[^\n]*\n", re.IGNORECASE)
# any group marked `# seeded`, with the variables it names (none: the rest)
_MARKED = re.compile(r"\{[ \t]*# seeded\b((?:[ \t]+\?\w+)*)[^\n]*\n")


def _in_seeded(text: str, block: str) -> str:
    return _SEEDED.sub(lambda m: f"{m.group(0)} {block}\n", text)


def open_where(text: str, block: str) -> str:
    """`text` with `block` put first inside its first WHERE clause, where a VALUES block binds
    the variables of the whole pattern.

    >>> open_where("SELECT ?x WHERE { ?x ?p ?o }", "VALUES ?x { <a> }")
    'SELECT ?x WHERE { VALUES ?x { <a> } ?x ?p ?o }'
    """
    match = _WHERE.search(text)
    if not match:
        raise ValueError("the query has no WHERE clause to bind parameters in")
    return f"{text[: match.end()]} {block}{text[match.end():]}"


def with_params(text: str, bindings: Mapping[str, Any]) -> str:
    """The query with `bindings` (the `p_*` parameters) bound inside each WHERE clause
    marked `# seeded`, as a VALUES block. Such a subquery aggregates, and tests the
    parameters before it does; a subquery sees none of the enclosing query's bindings (the
    store binds those: substitutions, or a VALUES block opening the first WHERE clause).

    >>> print(with_params("SELECT ?x ?p_a WHERE { { SELECT ?x WHERE { # seeded\\n"
    ...                   "?x ?p ?p_a } } }", {"p_a": 'say "hi"', "p_b": None}))
    SELECT ?x ?p_a WHERE { { SELECT ?x WHERE { # seeded
     VALUES (?p_a ?p_b) { ("say \\"hi\\"" UNDEF) }
    ?x ?p ?p_a } } }
    """
    if not bindings or not _SEEDED.search(text):
        return text
    return _in_seeded(text, values_block(bindings))


def values_block(bindings: Mapping[str, Any]) -> str:
    """A VALUES block of one row binding each name of `bindings` to its value (UNDEF where
    None), every term serialised, and so escaped, by rdflib: values are never pasted in.

    >>> values_block({"p_a": "x", "p_b": None})
    'VALUES (?p_a ?p_b) { ("x" UNDEF) }'
    """
    head = " ".join(f"?{n}" for n in bindings)
    row = " ".join("UNDEF" if v is None else _term(v).n3() for v in bindings.values())
    return f"VALUES ({head}) {{ ({row}) }}"


def _term(value: Any) -> URIRef | Literal:
    return value if isinstance(value, URIRef | Literal) else Literal(value)


def settle(text: str, seeded: Iterable[str]) -> str:
    """The query with the "any" test of each seeded parameter's FILTER made true.

    >>> settle('FILTER(COALESCE(?p_unit, "") = "" || ?u = ?p_unit)', ["unit"])
    'FILTER(true || ?u = ?p_unit)'
    """
    for param in seeded:
        text = text.replace(f'COALESCE(?p_{param}, "") = ""', "true")
    return text


def settle_absent(text: str, absent: Iterable[str]) -> str:
    """The query with the "any" test of each parameter left out made true, in both its
    forms (`STR(...)` is the form seeding leaves alone). Exact, since a parameter left out is
    unbound; and needed: Oxigraph does not always cut `"" = "" || EXISTS {...}` short, and
    evaluated decree-trace's map EXISTS for every meeting (minutes for one decree).

    >>> settle_absent('FILTER(STR(COALESCE(?p_province, "")) = "" || ?x = ?p_province)',
    ...               ["province"])
    'FILTER(true || ?x = ?p_province)'
    """
    for param in absent:
        text = text.replace(f'STR(COALESCE(?p_{param}, "")) = ""', "true")
        text = text.replace(f'COALESCE(?p_{param}, "") = ""', "true")
    return text
