"""The fast write path states exactly what the rdflib terms state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset

from vnkg.graph.model import Edge, Evidence, Fragment, Node
from vnkg.graph.rdf import graph_iri, to_ntriples, to_quads
from vnkg.loaders.oxigraph_store import OxigraphStore


@pytest.fixture
def odd_fragment(sample_fragment: Callable[..., Fragment], hostile: str
                 ) -> Callable[[], Fragment]:
    """Makes the sample fragment with odd characters everywhere: in the article id, a
    multi-line hostile name, an issuer and an evidence text full of quotes and escapes."""
    def make() -> Fragment:
        frag = sample_fragment("bài 1/<x>", name=hostile + "\nhai dòng\r\t")
        frag.add_node(Node("decree/d1", "Decree", {
            "name": "Nghị định 21", "number": "21/2019/NĐ-CP", "date": "2019-03-29",
            "issuer": 'UBND "x" \\ y'}))
        frag.add_edge(Edge("ATTENDED", "person/p1", "meeting/m1", {"confidence": 0.25},
                           [Evidence("bài 1/<x>", 0, 3, 'a "b" \\ c')]))
        return frag
    return make


def _canonical(quads: object) -> set[str]:
    store = pyoxigraph.Store()
    store.extend(quads)  # type: ignore[arg-type]
    return {str(q) for q in store}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own N-Quads writer
def test_ntriples_equal_the_rdflib_terms(sample_fragment: Callable[..., Fragment],
                                         odd_fragment: Callable[[], Fragment]) -> None:
    for frag in (sample_fragment(), odd_fragment()):
        g = f"<{graph_iri(frag.article)}>"
        text = "".join(f"{line} {g} .\n" for line in to_ntriples(frag))
        fast = _canonical(pyoxigraph.parse(text.encode(), pyoxigraph.RdfFormat.N_QUADS))
        ds = Dataset()
        ds.addN(to_quads(frag))  # type: ignore[arg-type]
        slow = _canonical(pyoxigraph.parse(ds.serialize(format="nquads").encode(),
                                           pyoxigraph.RdfFormat.N_QUADS))
        assert fast == slow


def test_an_undeclared_property_is_refused_by_both_paths(
        sample_fragment: Callable[..., Fragment]) -> None:
    frag = sample_fragment()
    frag.add_node(Node("decree/d2", "Decree", {"name": "Nghị định 9", "uncertian": True}))
    with pytest.raises(KeyError, match="uncertian"):
        list(to_ntriples(frag))
    with pytest.raises(KeyError, match="uncertian"):
        list(to_quads(frag))


def test_fast_path_round_trips_and_replaces(tmp_path: Path,
                                            sample_fragment: Callable[..., Fragment],
                                            odd_fragment: Callable[[], Fragment]) -> None:
    with OxigraphStore(tmp_path / "s") as rdf:
        assert rdf.write_fragments([odd_fragment(), sample_fragment("a2")]).written
        assert rdf.read_fragment("bài 1/<x>") == odd_fragment()
        assert rdf.write_fragments([odd_fragment()]).unchanged == ["bài 1/<x>"]
        changed = sample_fragment("a2", name="Lê Văn B")
        assert rdf.write_fragments([changed]).written == ["a2"]
        assert rdf.read_fragment("a2") == changed
