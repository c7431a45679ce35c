"""Read the shared dev corpus (JSON Lines rows and seed .txt files) into Documents.

The header-date rule: a leading ' date YYYY-MM[-DD]' gives `published`; never the URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from extract.document import Document
from extract.record import header_date
from extract.text import nfc


def read_jsonl(path: str | Path) -> Iterator[Document]:
    """Documents from `{id, url, text}` rows.

    >>> next(read_jsonl(Path(__file__).parent / "missing.jsonl"), None) is None  # doctest: +SKIP
    True
    """
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                text = nfc(row["text"])
                yield Document(id=row["id"], text=text, url=row.get("url"),
                               published=header_date(text))


def read_txt_dir(folder: str | Path) -> Iterator[Document]:
    """Documents from `*.txt` files, id = file stem, sorted by name."""
    for path in sorted(Path(folder).glob("*.txt")):
        text = nfc(path.read_text(encoding="utf-8"))
        yield Document(id=path.stem, text=text, path=str(path), published=header_date(text))
