"""Fuzz the reader and the extractor for a set time; print each distinct failure once.

    .venv/bin/python tests/robustness/fuzz_extract.py --seconds 300 [--seed 1] [--out DIR]

Inputs: random Unicode (control characters, combining marks, astral planes), the sample
articles mutated (cuts, copies, odd characters, upper case, NFD runs, huge tokens), and random
bytes through the reader. A failure is keyed by its exception and the line that raised it;
with --out, each first failing input is written there as a JSON string. Exit status 1 if any.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from tests.robustness.fuzzing import ODD, extract_and_check, mutate, samples  # noqa: E402
from vnkg.extraction.read import Problem, read_documents  # noqa: E402

Case = str | tuple[bytes, str]  # a text to extract, or bytes and a suffix to read
SCHEMA = ROOT / ".." / "shared" / "spec" / "record.schema.json"


def random_text(rng: random.Random) -> str:
    size = rng.choice([5, 50, 400, 3000])
    pool = [lambda: chr(rng.randint(0, 0x10FFFF)), lambda: chr(rng.randint(0x20, 0x24F)),
            lambda: chr(rng.randint(0x1E00, 0x1EFF)), lambda: rng.choice(ODD),
            lambda: rng.choice(" .,;:\n")]
    text = "".join(rng.choice(pool)() for _ in range(size))
    return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)


def read_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(data)
        problems: list[Problem] = []
        list(read_documents([path], problems))


def make_case(rng: random.Random, texts: list[str]) -> tuple[str, Case]:
    """One input: ("extract", text) or ("reader", (bytes, suffix))."""
    kind = rng.randrange(4)
    if kind == 0:
        return "extract", random_text(rng)
    if kind < 3:
        return "extract", mutate(rng.choice(texts), rng, rounds=2 + 4 * (kind - 1))
    data = bytearray(mutate(rng.choice(texts), rng).encode(rng.choice(["utf-8", "utf-16"])))
    for _ in range(rng.randint(0, 3)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return "reader", (bytes(data), rng.choice([".txt", ".html", ".jsonl"]))


def run_case(payload: Case, schema: dict) -> None:
    if isinstance(payload, tuple):
        read_bytes(*payload)
    else:
        extract_and_check(payload, schema)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="folder for failing inputs")
    args = parser.parse_args(argv)
    schema = json.loads(SCHEMA.read_text("utf-8"))
    texts, rng = samples(), random.Random(args.seed)
    found: dict[str, Case] = {}
    runs, end = 0, time.monotonic() + args.seconds
    while time.monotonic() < end:
        kind, payload = make_case(rng, texts)
        try:
            run_case(payload, schema)
        except Exception as err:  # noqa: BLE001 - every failure is a finding
            frame = traceback.extract_tb(err.__traceback__)[-1]
            key = f"{type(err).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            if key not in found:
                found[key] = payload
                print(f"FOUND {key}: {str(err)[:300]}", flush=True)
                if args.out:
                    _save(args.out / f"finding-{len(found)}.json", key, kind, payload)
        runs += 1
    print(f"{runs} inputs in {args.seconds:.0f} s, {len(found)} distinct failure(s)")
    return 1 if found else 0


def _save(path: Path, key: str, kind: str, payload: Case) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    shown: object = payload
    if isinstance(payload, tuple):
        shown = {"hex": payload[0].hex(), "suffix": payload[1]}
    path.write_text(json.dumps({"key": key, "kind": kind, "input": shown},
                               ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
