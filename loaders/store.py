"""The store interface: one small protocol, implemented by three engines.

A store writes graph fragments (one per article, each replacing what its article wrote
before), reads an article's fragment, every article's, or the whole graph back, deletes an
article, lists the articles, and runs a query with bound parameters (`select`) in its own
language. Named queries (queries.run) are built on `select` alone.

`open_store(target)` picks the engine by the target's form, as rdflib's plugin registry
picks a store by name: a folder (or None, in memory) is the embedded Oxigraph store,
`http(s)://` a SPARQL 1.1 server, `bolt://` or `neo4j://` (`+s`, `+ssc`) a Neo4j server.

>>> with open_store(None) as store:
...     store.language, store.articles()
('sparql', [])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from vnkg.graph.model import Fragment, Graph
from vnkg.graph.rdf import Rendered

Row = dict[str, Any]
DEFAULT_STORE = Path("vnkg-data")
REFERENCE = "reference"  # the article id of the gazetteer's reference graph


class StoreBusyError(RuntimeError):
    """The store is locked by another process (or another open store object)."""


@dataclass
class FailedBatch:
    """A batch that was not written (rolled back) and why."""

    index: int
    articles: list[str]
    error: str


@dataclass
class LoadReport:
    """What a write did, whatever the store: the articles written (`replaced`: of those,
    the ones stored before), those left `unchanged`, the batches that `failed` (rolled
    back), and the engine's counts (RDF statements; Neo4j nodes and relationships)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[FailedBatch] = field(default_factory=list)
    triples: int = 0  # statements written to the articles' graphs (each also in the union)
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_updated: int = 0  # rows merged into nodes that already existed
    relationships_updated: int = 0
    properties_set: int = 0
    batches: int = 0

    @property
    def created(self) -> int:
        """Nodes and relationships created."""
        return self.nodes_created + self.relationships_created

    @property
    def updated(self) -> int:
        """Nodes and relationships merged into existing ones."""
        return self.nodes_updated + self.relationships_updated


@runtime_checkable
class Store(Protocol):
    """What every store does. `language` is the query language of `select` and of the
    named queries it runs: "sparql" or "cypher"; `name` names the engine in messages."""

    language: str
    name: str

    def write_fragments(self, fragments: Iterable[Fragment | Rendered]) -> LoadReport:
        """Write each fragment, replacing its article's earlier statements."""
        ...

    def write_base(self, reference: bool) -> None:
        """Write what every build starts from, once per version: the ontology (RDF) and,
        with `reference`, the gazetteer's reference localities."""
        ...

    def read_fragment(self, article: str) -> Fragment:
        """One article's statements."""
        ...

    def read_fragments(self, reference: bool) -> Iterator[Fragment]:
        """Every article's fragment, as `read_fragment` gives it, by article id; the
        gazetteer's (article `reference`) only with `reference`. What an export reads."""
        ...

    def read_graph(self, reference: bool = False) -> Graph:
        """The whole graph (the reference gazetteer only where `reference` asks)."""
        ...

    def delete_article(self, article: str) -> None:
        """Remove one article's statements; what other articles state stays."""
        ...

    def articles(self) -> list[str]:
        """Ids of the articles stored, sorted."""
        ...

    def reader(self) -> AbstractContextManager[Callable[[], Store] | None]:
        """While open, what opens this store for reading in another process (a picklable
        callable; the store it opens is closed by its caller), or None where no other
        process can (a store in memory): an export shares its reading out this way."""
        ...

    def select(self, text: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read query with `params` bound (never formatted into the text); one dict
        per row, values as plain Python values (node ids for nodes)."""
        ...

    def close(self) -> None:
        """Release the store (its lock, its connection)."""
        ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None
                 ) -> None: ...


def no_reader() -> AbstractContextManager[None]:
    """The `reader` of a store no other process can open."""
    return nullcontext()


def each_fragment(store: Store, reference: bool) -> Iterator[Fragment]:
    """`store.read_fragments(reference)` made of one `read_fragment` per article: for a
    store with no cheaper way to read them all."""
    for article in store.articles():
        if reference or article != REFERENCE:
            yield store.read_fragment(article)


class Closing:
    """`with store:` closes it: the context manager every store shares."""

    def close(self) -> None:  # pragma: no cover - every store defines its own
        raise NotImplementedError

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None
                 ) -> None:
        self.close()


# the registry: URI schemes to "module:Class"; anything else is an embedded store's folder
_SCHEMES: dict[str, str] = {}
EMBEDDED = "vnkg.loaders.oxigraph_store:OxigraphStore"


def register(schemes: Iterable[str], impl: str) -> None:
    """Open targets starting `SCHEME://` with `impl` ("module:Class", imported when first
    used), whose constructor takes the target and `wait`."""
    for scheme in schemes:
        _SCHEMES[scheme] = impl


register(("http", "https"), "vnkg.loaders.sparql_store:SparqlStore")
register(("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"),
         "vnkg.loaders.neo4j_store:Neo4jStore")


def store_class(target: str | Path | None) -> Any:
    """The class `open_store` would open `target` with.

    >>> store_class("neo4j+s://db.example:7687").__name__
    'Neo4jStore'
    >>> store_class("vnkg-data").__name__
    'OxigraphStore'
    """
    scheme = str(target).partition("://")[0] if "://" in str(target or "") else None
    impl = _SCHEMES.get(scheme.lower(), "") if scheme else EMBEDDED
    if not impl:
        raise ValueError(f"no store speaks {scheme}://; give a folder, an http(s):// SPARQL "
                         "endpoint, or a bolt:// or neo4j:// URI")
    module, _, cls = impl.partition(":")
    return getattr(import_module(module), cls)


def open_store(target: str | Path | None, *, wait: float = 0.0) -> Store:
    """The store at `target`: a folder (created if new; None: in memory), a SPARQL 1.1
    query endpoint `http(s)://…`, or a Neo4j URI `bolt://…`, `neo4j(+s)://…`. `wait` is
    how long to wait for an embedded store another process holds."""
    store: Store = store_class(target)(target, wait=wait)
    return store
