"""Holding summaries: who held which post, and the first and last dates of the articles
stating it, kept by the writer in the union so queries need not read every article's graph.

`officials-at` and `unit-people` want, for each holding, the first and last dates of the
articles stating it. Read from the articles' graphs, that is one graph per article: at a
million articles a popular post is stated in thousands, and `officials-at` took 1.6 s. A
summary node per holding (`vnkg:HoldingSummary`, at `summary_iri`) holds the answer:

    <seen/…> vnkg:holder <person> ; vnkg:heldPost <post> ;
             vnkg:firstSeen "2021-03" ; vnkg:lastSeen "2024-05-02" .

The dates are the articles' `vnkg:dated` values as text, compared as text as the queries
compare them. A summary of undated articles only has "" for each, so the queries read
every summary's dates as one required pattern (Oxigraph 0.5.13 read them in an OPTIONAL
five times slower than the articles' graphs), and says so (`vnkg:undated true`): an
OPTIONAL of those few is cheap, and Virtuoso 7 drops a group whose IF on a date's text
gave an unbound key once the query has a date parameter. The summary is the union's alone (no
article's graph states it) and kept by every write, in the same update:

- new articles fold their dates into the stored ones (`merge`: min and max);
- a replaced or deleted article's holdings are computed again from the other articles'
  graphs (`recompute_query`), since a min cannot be undone; a holding no graph states any
  more loses its summary.

`summary_update` makes the text of both from what the write knows and one or two reads
done before it (none for new articles when the writer knows the stored summaries:
`KnownSummaries`); a store written before summaries gets them in one pass (`fill_query`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from vnkg.graph.literals import nt_literal
from vnkg.graph.rdf import graph_iri
from vnkg.graph.vocab import ID, VNKG, predicate_for

Holding = tuple[str, str]  # the IRIs of a person and a post it holds
Seen = tuple[str, str]  # the first and last dates ("" when none)
Select = Callable[[str], list[dict[str, Any]]]

HOLDS = f"<{predicate_for('HOLDS', 'Person')}>"
DATED = f"<{VNKG.dated}>"
SUMMARY = f"{ID}seen/"
SUMMARY_PREDICATES = (VNKG.holder, VNKG.heldPost, VNKG.firstSeen, VNKG.lastSeen, VNKG.undated)
SUMMARY_IRIS = " ".join(f"<{p}>" for p in SUMMARY_PREDICATES)  # as a VALUES list
SUMMARY_TERMS = SUMMARY_IRIS.replace(" ", ", ")  # as an IN list
_ARTICLES = str(graph_iri(""))
_NONE = "\U0010ffff"  # sorts after every date: MIN's "none yet"
_HOLDER, _POST, _FIRST, _LAST, _UNDATED = (f"<{p}>" for p in SUMMARY_PREDICATES)
# the IRIs as text: a store's rows may give its IRIs as node ids
_AS_TEXT = "BIND(STR(?p) AS ?hp) BIND(STR(?pos) AS ?hq)"


def summary_iri(holding: Holding) -> str:
    """The summary node of a holding: a hash of its two IRIs.

    >>> summary_iri(("urn:p", "urn:q")).startswith("https://vnkg.dev/id/seen/")
    True
    """
    digest = hashlib.sha256("\x1f".join(holding).encode()).hexdigest()[:20]
    return f"{SUMMARY}{digest}"


def article_holdings(lines: Iterable[str]) -> tuple[list[Holding], str]:
    """The holdings an article's N-Triples lines state, and its date as text ("" none).

    >>> lines = ['<urn:g> <https://vnkg.dev/ns#dated> "2024-05"^^<urn:t>',
    ...          '<urn:p> <http://www.w3.org/ns/org#holds> <urn:q>']
    >>> article_holdings(lines)
    ([('urn:p', 'urn:q')], '2024-05')
    """
    holdings: list[Holding] = []
    date = ""
    for line in lines:
        if HOLDS not in line and DATED not in line:  # most lines: no split
            continue
        s, p, o = line.split(" ", 2)
        if p == HOLDS:
            holdings.append((s[1:-1], o[1:-1]))
        elif p == DATED:
            date = o[1:o.index('"', 1)]  # a date's text holds no quote or escape
    return holdings, date


def merge(a: Seen | None, b: Seen) -> Seen:
    """Two summaries' dates as one: the earlier first, the later last ("" is none).

    >>> merge(("2021", "2022"), ("", "")), merge(("", ""), ("2020-01", "2020-01"))
    (('2021', '2022'), ('2020-01', '2020-01'))
    """
    if a is None:
        return b
    firsts = [d for d in (a[0], b[0]) if d]
    return (min(firsts) if firsts else "", max(a[1], b[1]))


def batch_seen(articles: Iterable[Iterable[str]]) -> dict[Holding, Seen]:
    """The holdings of articles' lines, each with the first and last of their dates."""
    out: dict[Holding, Seen] = {}
    for lines in articles:
        holdings, date = article_holdings(lines)
        for holding in holdings:
            out[holding] = merge(out.get(holding), (date, date))
    return out


def old_holdings_query(graphs: list[str]) -> str:
    """The SELECT of the holdings named graphs `graphs` (IRIs in angle brackets) state."""
    return (f"SELECT DISTINCT ?hp ?hq WHERE {{ VALUES ?g {{ {' '.join(graphs)} }} "
            f"GRAPH ?g {{ ?p {HOLDS} ?pos }} {_AS_TEXT} }}")


def recompute_query(holdings: Iterable[Holding] | None, skip: list[str]) -> str:
    """The SELECT of each holding's first and last dates (?f, ?l; the IRIs as text, ?hp
    and ?hq) over the articles' graphs but `skip` (IRIs in angle brackets): of `holdings`,
    or of every one (None).

    >>> "VALUES (?p ?pos) { (<urn:p> <urn:q>) }" in recompute_query([("urn:p", "urn:q")], [])
    True
    """
    values = "" if holdings is None else (
        "VALUES (?p ?pos) { " + " ".join(f"(<{p}> <{q}>)" for p, q in holdings) + " } ")
    others = f"FILTER(?g NOT IN ({', '.join(skip)})) " if skip else ""
    return (f"SELECT ?hp ?hq (MIN(COALESCE(STR(?d), {nt_literal(_NONE)})) AS ?f) "
            f"(MAX(COALESCE(STR(?d), \"\")) AS ?l) WHERE {{ {values}"
            f"GRAPH ?g {{ ?p {HOLDS} ?pos }} {others}"
            f"FILTER(STRSTARTS(STR(?g), {nt_literal(_ARTICLES)})) "
            f"OPTIONAL {{ ?g {DATED} ?d }} {_AS_TEXT} }} GROUP BY ?hp ?hq")


def stored_query(holdings: Iterable[Holding], target: str | None) -> str:
    """The SELECT of the stored summaries (?f, ?l; the IRIs as text, ?hp and ?hq) of
    `holdings`, in the union kept in the default graph (`target` None) or in named graph
    `target`."""
    values = " ".join(f"(<{summary_iri(h)}> <{h[0]}> <{h[1]}>)" for h in holdings)
    pattern = f"?s {_FIRST} ?f0 ; {_LAST} ?l0"
    return (f"SELECT ?hp ?hq ?f ?l WHERE {{ VALUES (?s ?p ?pos) {{ {values} }} "
            f"{_in(target, pattern)} BIND(STR(?f0) AS ?f) BIND(STR(?l0) AS ?l) {_AS_TEXT} }}")


def read_stored(holdings: list[Holding], select: Select, target: str | None
                ) -> dict[Holding, Seen]:
    """The stored summaries of `holdings`, read with `select` (`target`: see
    `stored_query`)."""
    return seen_rows(select(stored_query(holdings, target))) if holdings else {}


def seen_rows(rows: Iterable[Mapping[str, Any]]) -> dict[Holding, Seen]:
    """The summaries of a SELECT's rows (?hp, ?hq, ?f, ?l), "none" made ""."""
    out: dict[Holding, Seen] = {}
    for row in rows:
        first, last = (str(row[k] or "") for k in ("f", "l"))
        out[(str(row["hp"]), str(row["hq"]))] = ("" if first == _NONE else first, last)
    return out


class KnownSummaries:
    """The stored summaries a writer knows without reading them: those it wrote since it
    last cleared this, or every one the store holds (`complete`, when the store held none).

    Read back from a store growing by bulk loads, the summaries of a batch's holdings cost
    more with each batch (a 100k build: 0.1 s for the first batch, 1.1 s a batch on
    average over the last ten, 80 s in all). A sole writer (the embedded store) knows them
    instead. Like oxigraph_bulk's `UnionLines`, only writes that add may trust it: the
    owner clears it when a write fails and before any other update. At most `limit`
    summaries are kept (about half a kB each with their IRIs); past that, it knows only
    what it writes next and reads the rest.

    >>> known = KnownSummaries()
    >>> known.stored([("urn:p", "urn:q")], lambda q: [], None)  # a store of no summary
    {}
    >>> known.pending({("urn:p", "urn:q"): ("2024", "2024")}, set()); known.commit()
    >>> known.stored([("urn:p", "urn:q")], lambda q: 1 / 0, None)
    {('urn:p', 'urn:q'): ('2024', '2024')}
    """

    def __init__(self, limit: int = 500_000) -> None:
        self.limit = limit
        self.complete: bool | None = None  # None: not asked since the last clear
        self._values: dict[Holding, Seen] = {}
        self._pending: tuple[dict[Holding, Seen], set[Holding]] = ({}, set())

    def stored(self, holdings: list[Holding], select: Select, target: str | None
               ) -> dict[Holding, Seen]:
        """The stored summaries of `holdings` (read with `select` unless known)."""
        if not holdings:
            return {}
        if self.complete is None:
            self.complete = not select(any_query(target))
        out = {h: self._values[h] for h in holdings if h in self._values}
        if not self.complete:
            out.update(read_stored([h for h in holdings if h not in out], select, target))
        return out

    def pending(self, values: Mapping[Holding, Seen], removed: set[Holding]) -> None:
        """What a write about to run will store: `values`, and no summary of `removed`."""
        self._pending = (dict(values), removed)

    def commit(self) -> None:
        """The pending write is done: know what it stored."""
        values, removed = self._pending
        for holding in removed:
            self._values.pop(holding, None)
        self._values.update(values)
        self._pending = ({}, set())
        if len(self._values) > self.limit:
            self._values, self.complete = {}, False

    def clear(self) -> None:
        """Forget everything: the store may have changed otherwise."""
        self.complete, self._values, self._pending = None, {}, ({}, set())


def summary_update(select: Select, new: Mapping[Holding, Seen], replaced: list[str],
                   target: str | None, known: KnownSummaries | None = None) -> str:
    """The update keeping the summaries true once named graphs `replaced` (IRIs in angle
    brackets; their old statements) are dropped and articles stating `new` are written:
    run after them, in the same transaction. Reads the store now (but what `known` knows,
    which is told what the update stores), so call it before the write. "" when nothing
    changes.

    >>> from pyoxigraph import Store
    >>> from vnkg.loaders.oxigraph_terms import select
    >>> new = {("urn:p", "urn:q"): ("2024", "2024")}
    >>> text = summary_update(lambda q: select(Store(), q, {}), new, [], None)
    >>> '"2024"' in text and text.startswith("DELETE")
    True
    """
    touched = set(new)
    values: dict[Holding, Seen] = {}
    if replaced:
        old = {(str(r["hp"]), str(r["hq"])) for r in select(old_holdings_query(replaced))}
        touched |= old
        if old:
            values = seen_rows(select(recompute_query(sorted(old), replaced)))
    fold = [h for h in new if h not in values]
    stored = (read_stored if known is None else known.stored)(fold, select, target)
    values.update(stored)
    for holding, seen in new.items():
        values[holding] = merge(values.get(holding), seen)
    same = {h for h in fold if h in stored and values[h] == stored[h]}  # left as they are
    changed = {h: v for h, v in values.items() if h not in same}
    if known is not None:
        known.pending(changed, touched - same - set(changed))
    return write_summaries(changed, touched - same, target)


def write_summaries(values: Mapping[Holding, Seen], touched: Iterable[Holding],
                    target: str | None) -> str:
    """The update replacing the summaries of `touched` holdings by `values` (a touched
    holding without a value loses its summary), in the union (`target`: see
    `stored_query`). "" when there is nothing to write.

    >>> print(write_summaries({("urn:p", "urn:q"): ("", "")}, [("urn:p", "urn:q")], "<urn:u>"))
    ... # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
    DELETE { GRAPH <urn:u> { ?s ?p ?o } } WHERE { VALUES ?s { <https://vnkg.dev/id/seen/...> }
    GRAPH <urn:u> { ?s ?p ?o } } ; INSERT DATA { GRAPH <urn:u> { <https://vnkg.dev/id/seen/...>
    <https://vnkg.dev/ns#holder> <urn:p> ... } }
    """
    nodes = " ".join(f"<{summary_iri(h)}>" for h in sorted(set(touched)))
    data = " .\n".join(_summary_lines(h, seen) for h, seen in sorted(values.items()))
    return " ;\n".join(filter(None, [
        nodes and (f"DELETE {{ {_in(target, '?s ?p ?o')} }} WHERE {{ VALUES ?s {{ {nodes} }} "
                   f"{_in(target, '?s ?p ?o')} }}"),
        data and f"INSERT DATA {{ {_in(target, data)} }}"]))


def any_query(target: str | None) -> str:
    """The SELECT of one stored summary, if any (`target`: see `stored_query`)."""
    return f"SELECT ?s WHERE {{ {_in(target, f'?s {_POST} ?o')} }} LIMIT 1"


def fill_query() -> str:
    """The SELECT of every holding's summary, for a store written before summaries."""
    return recompute_query(None, [])


def _summary_lines(holding: Holding, seen: Seen) -> str:
    s = f"<{summary_iri(holding)}>"
    first, last = (nt_literal(d) for d in seen)
    undated = [] if seen[0] else [f"{s} {_UNDATED} true"]
    return " .\n".join([f"{s} {_HOLDER} <{holding[0]}>", f"{s} {_POST} <{holding[1]}>",
                        f"{s} {_FIRST} {first}", f"{s} {_LAST} {last}", *undated])


def _in(target: str | None, pattern: str) -> str:
    return pattern if target is None else f"GRAPH {target} {{ {pattern} }}"
