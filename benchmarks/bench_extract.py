"""Extraction throughput: the dev corpus repeated to >= 5 MB, one core.

usage: .venv/bin/python benchmarks/bench_extract.py [--mb 5] [--underthesea]
Prints documents/s, MB/s and peak RSS; with --underthesea (and the package importable) also
the time underthesea's NER takes on a sample, as a ratio.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from vnkg.extraction import extract_record
from vnkg.extraction.document import Document
from vnkg.extraction.read import read_documents

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"


def corpus(mb: float) -> list[Document]:
    """The dev documents repeated (with distinct ids) until they reach `mb` megabytes."""
    base = list(read_documents([CORPUS]))
    docs: list[Document] = []
    size = 0
    while size < mb * 1_000_000:
        for d in base:
            docs.append(replace(d, id=f"{d.id}-{len(docs)}"))
            size += len(d.text.encode("utf-8"))
    return docs


def run(docs: list[Document]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) to extract every document."""
    wall, cpu = time.perf_counter(), time.process_time()
    for d in docs:
        extract_record(d)
    return time.perf_counter() - wall, time.process_time() - cpu


def versus_underthesea(docs: list[Document], extract: Callable[[Document], Any] = extract_record,
                       sample: int = 50) -> dict[str, Any]:
    """`extract` against underthesea's `ner` on the same first `sample` documents, one core
    each, in this one process: ms per document and the ratio (or an error)."""
    try:
        from underthesea import ner  # type: ignore[import-not-found]
    except ImportError:
        return {"error": "underthesea is not installed: pip install underthesea"}
    docs = docs[:sample]
    ner(docs[0].text)  # load its model before timing
    for d in docs[:5]:
        extract(d)
    start = time.perf_counter()
    for d in docs:
        extract(d)
    ours = (time.perf_counter() - start) / len(docs)
    start = time.perf_counter()
    for d in docs:
        ner(d.text)
    theirs = (time.perf_counter() - start) / len(docs)
    return {"documents": len(docs), "ours_ms": ours * 1000, "theirs_ms": theirs * 1000,
            "ratio": theirs / ours}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--underthesea", action="store_true")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipping: {CORPUS} not found (the shared folder is not beside the checkout)")
        return 0
    docs = corpus(args.mb)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1_000_000
    run(docs[:60])  # warm the lexicon caches
    wall, cpu = run(docs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(docs)}  size: {mb:.1f} MB  wall: {wall:.2f} s  cpu: {cpu:.2f} s")
    print(f"documents/s: {len(docs) / cpu:.0f}  MB/s: {mb / cpu:.2f}  (per CPU second, one core;"
          f" wall-clock: {len(docs) / wall:.0f} docs/s)  peak RSS: {rss:.0f} MB")
    if args.underthesea:
        vs = versus_underthesea(docs)
        print(vs.get("error") or f"underthesea ner: {vs['theirs_ms']:.1f} ms/doc, "
              f"{vs['ratio']:.0f}x slower than vnkg on the same {vs['documents']} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
