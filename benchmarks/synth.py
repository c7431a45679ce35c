"""A synthetic corpus with ground truth: invented officials in real places, over the years.

usage: python benchmarks/synth.py --articles N --seed S -o DIR

Writes N articles of the genre (district and commune meetings on defence, local military
work, civil defence, conscription) under DIR/articles (one .txt each with a ` date YYYY-MM`
header up to 2,000 articles, else .jsonl shards of 5,000 rows) and DIR/gold.jsonl in the gold
format of spec/gold.md. Places and decrees are real (the gazetteer's 2024 and 2025 maps);
people are generated names that recur across articles: a district's vice-chairman becomes
its chairman the next term, a district military commander becomes the province's deputy
commander and then its commander, and ranks rise with the years. Article `i` depends only on
(seed, i), so any slice can be made on its own and the corpus is reproducible from its seed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from vnkg.extraction.gazetteer import CITY_TW, Place, children, iter_places

DATA = Path(__file__).resolve().parent / "data" / "synth.json"
SHARD = 5000
TXT_MAX = 2000
REFORM = (2025, 7)
_OLD_TONES = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "ùy": "uỳ",
              "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
Gold = dict[str, Any]


@dataclass(frozen=True)
class Article:
    """One generated article: its id, its text (NFC) and what a careful reader marks."""

    id: str
    text: str
    gold: Gold


@dataclass
class _Draft:
    """An article being written: its paragraphs and the gold collected alongside."""

    paragraphs: list[str] = field(default_factory=list)
    persons: dict[str, Gold] = field(default_factory=dict)
    localities: dict[str, str] = field(default_factory=dict)
    organisations: list[str] = field(default_factory=list)

    def person(self, name: str, rank: str | None, posts: list[str], role: str | None) -> None:
        entry = self.persons.setdefault(name, {"name": name, "rank": rank, "positions": [],
                                               "roles": []})
        entry["positions"] = entry["positions"] or posts
        if role and {"meeting": "m1" if role != "author" else None, "role": role} not in \
                entry["roles"]:
            entry["roles"].append({"meeting": "m1" if role != "author" else None, "role": role})


@cache
def words() -> dict[str, Any]:
    """The word lists (benchmarks/data/synth.json)."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


@cache
def _districts() -> tuple[tuple[Place, tuple[Place, ...]], ...]:
    """(2024 province, its rural districts and towns) for every province that has some."""
    out = []
    for prov in iter_places("2024"):
        if prov.level == 0:
            kids = tuple(d for d in children(prov.code, "2024") if d.type in ("huyện", "thị xã"))
            if kids:
                out.append((prov, kids))
    return tuple(out)


@cache
def _communes() -> tuple[tuple[Place, tuple[Place, ...]], ...]:
    """(2025 province, its communes) for every 2025 province."""
    out = []
    for prov in iter_places("2025"):
        if prov.level == 0:
            kids = tuple(c for c in children(prov.code, "2025") if c.type == "xã")
            if kids:
                out.append((prov, kids))
    return tuple(out)


def _rng(seed: int, *key: object) -> random.Random:
    digest = hashlib.sha256(":".join(map(str, (seed, *key))).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def person_name(seed: int, *key: object) -> str:
    """A generated Vietnamese name, fixed by (seed, key): the same key is the same person.

    >>> person_name(1, "chair", "001", 3) == person_name(1, "chair", "001", 3)
    True
    """
    w, r = words(), _rng(seed, "name", *key)
    female = r.random() < 0.2
    middle = r.choice(w["middles_f"] if female else w["middles_m"])
    given = r.choice(w["givens_f"] if female else w["givens_m"])
    return f"{r.choice(w['surnames'])} {middle} {given}"


def province_surface(p: Place) -> str:
    return f"thành phố {p.name}" if p.type == CITY_TW else f"tỉnh {p.name}"


def _rank(ladder_start: int, years_in: int, top: int = 3) -> str:
    ranks: list[str] = words()["ranks"]
    return ranks[min(top, ladder_start + years_in // 3)]


def _cast(seed: int, prov: Place, local: Place, year: int) -> dict[str, tuple[str, str | None]]:
    """Who holds which post in `year` (terms of five years): (name, rank) by post key.
    Successors come from the posts below: the vice-chairman of the last term chairs now, the
    deputy provincial commander of the last term commands now."""
    term, years_in = (year - 2005) // 5, (year - 2005) % 5
    code, pcode = local.code, prov.code
    feeder = _rng(seed, "feeder", pcode, term).choice(_local_units(prov))
    return {
        "chair": (person_name(seed, "vice", code, term - 1), None),
        "vice": (person_name(seed, "vice", code, term), None),
        "bchqs": (person_name(seed, "bchqs", code, term), _rank(1, years_in)),
        "pho": (person_name(seed, "bchqs", feeder.code, term - 1), _rank(2, years_in)),
        "cht": (person_name(seed, "pho", pcode, term - 1), "Đại tá"),
        "author": (person_name(seed, "author", pcode, year % 3), None),
    }


def _local_units(prov: Place) -> tuple[Place, ...]:
    table = _districts() if prov.structure == "2024" else _communes()
    return next(kids for p, kids in table if p.code == prov.code)


def _old_style(value: Any) -> Any:
    """Old-style tone marks (hoà, thuỷ) in every string of a text or gold structure."""
    if isinstance(value, str):
        for new, old in _OLD_TONES.items():
            value = value.replace(new, old)
        return value
    if isinstance(value, list):
        return [_old_style(v) for v in value]
    if isinstance(value, dict):
        return {k: _old_style(v) for k, v in value.items()}
    return value


def article(i: int, seed: int) -> Article:
    """Article number `i` of the corpus of `seed`; depends on nothing else.

    >>> article(3, 7).text == article(3, 7).text
    True
    """
    r = _rng(seed, "article", i)
    w = words()
    kind = r.choice(w["meetings"])
    year = r.randint(*kind["years"])
    month = r.randint(*kind["months"])
    day = r.randint(1, 28)
    post_reform = (year, month) >= REFORM
    table = _communes() if post_reform else _districts()
    prov, kids = table[r.randrange(len(table))]
    local = kids[r.randrange(len(kids))]
    draft = _Draft()
    cast = _cast(seed, prov, local, year)
    meeting = _write(r, draft, kind, (year, month, day), prov, local, cast)
    gold = {"id": f"synth-{seed}-{i:06d}", "persons": list(draft.persons.values()),
            "meetings": [meeting], "organisations": draft.organisations,
            "localities": [{"name": n, "type": t} for n, t in draft.localities.items()],
            "legal_documents": meeting.pop("_decrees")}
    text = f" date {year}-{month:02d}\n" + "\n\n".join(draft.paragraphs) + "\n"
    if r.random() < 0.3:
        text, gold = _old_style(text), _old_style(gold)
    return Article(gold["id"], text, gold)


def _write(r: random.Random, d: _Draft, kind: dict[str, Any], ymd: tuple[int, int, int],
           prov: Place, local: Place, cast: dict[str, tuple[str, str | None]]) -> Gold:
    w = words()
    year, month, day = ymd
    lvl = "xã" if local.structure == "2025" else local.type
    place, prov_s = f"{lvl} {local.name}", province_surface(prov)
    d.localities[place] = lvl
    d.localities[prov_s] = "tỉnh" if prov.type != CITY_TW else "thành phố"
    ubnd, bchqs_tinh = f"UBND {place}", f"Bộ CHQS {prov_s}"
    organiser = {"ubnd": ubnd, "bcd": f"Ban Chỉ đạo KVPT {place}", "bchqs_tinh": bchqs_tinh,
                 "hdnvqs": f"Hội đồng NVQS {place}"}[kind["organiser"]]
    dec = w["decrees"].get(kind["decree"] or "")
    full = f"{dec['kind']} số {dec['number']} ngày {dec['day']} của {dec['issuer']}" if dec else ""
    title = kind["title"].format(year=year, next_year=year + 1, place=place, decree_full=full,
                                 decree_title=dec["title"] if dec else "")
    surface = _date_surface(r, day, month, year)
    if r.random() < 0.3:
        d.paragraphs.append(r.choice(w["noise"]).format(n=r.randint(100, 9999)))
    d.paragraphs.append(f"{local.name}: {title}")
    d.organisations.append(organiser)
    party = "Đảng ủy xã" if lvl == "xã" else ("Huyện ủy" if lvl == "huyện" else "Thị ủy")
    chair_posts = [f"Phó Bí thư {party}", f"Chủ tịch {ubnd}"]
    chair, chair_rank = cast["chair"]
    if kind["organiser"] == "bchqs_tinh":
        chair, chair_rank = cast["cht"]
        chair_posts = [f"Chỉ huy trưởng {bchqs_tinh}"]
    lead = f"{surface}, {organiser} tổ chức {title}."
    chaired = _chair_sentence(r, d, chair, chair_rank, chair_posts, kind["noun"])
    d.paragraphs.append(f"{lead} {chaired}")
    _attendance(r, d, cast, bchqs_tinh, ubnd, chair, kind["noun"])
    d.paragraphs.append(r.choice(w["bodies"]).format(n=r.randint(2, 15), m=r.randint(5, 30),
                                                     place=place))
    _report_and_direction(r, d, cast, place, kind)
    decrees = _decree_sentence(r, d, dec)
    if r.random() < 0.3:
        d.paragraphs.append(r.choice(w["noise"]).format(n=r.randint(100, 9999)))
    author = cast["author"][0]
    d.paragraphs.append(author if r.random() < 0.7 else f"Bài, ảnh: {author}")
    d.person(author, None, [], "author")
    return {"key": "m1", "title": title, "date": f"{year}-{month:02d}-{day:02d}",
            "date_surface": surface, "date_inferred": str(year) not in surface,
            "locality": place, "organiser": organiser, "kind": kind["kind"],
            "_decrees": decrees}


def _date_surface(r: random.Random, day: int, month: int, year: int) -> str:
    time = r.choice(words()["times"])
    forms = [f"{time} {day}/{month}", f"{time} {day}/{month}/{year}", f"{time} {day}-{month}",
             f"Ngày {day} tháng {month} năm {year}"]
    if time.endswith("nay"):
        return f"{time} ({day}/{month})"
    return r.choice(forms)


def _sep(r: random.Random) -> str:
    return r.choice([", ", " - ", " – ", ", "])


def _chair_sentence(r: random.Random, d: _Draft, name: str, rank: str | None,
                    posts: list[str], noun: str) -> str:
    written = rank.lower() if rank and r.random() < 0.2 else rank
    d.person(name, written, posts, "chair")
    who = f"{written} {name}" if written else name
    if r.random() < 0.5:
        return f"Đồng chí {who}{_sep(r)}{', '.join(posts)} chủ trì {noun}."
    return f"Chủ trì {noun} có đồng chí {who}, {', '.join(posts)}."


def _attendance(r: random.Random, d: _Draft, cast: dict[str, tuple[str, str | None]],
                bchqs_tinh: str, ubnd: str, chair: str, noun: str) -> None:
    wanted = [("pho", [f"Phó Chỉ huy trưởng {bchqs_tinh}"]), ("vice", [f"Phó Chủ tịch {ubnd}"])]
    if chair != cast["chair"][0]:
        wanted.append(("chair", [f"Chủ tịch {ubnd}"]))
    items = []
    for key, posts in wanted:
        name, rank = cast[key]
        written = rank.lower() if rank and r.random() < 0.2 else rank
        d.person(name, written, posts, "attendee")
        who = f"{written} {name}" if written else f"đồng chí {name}"
        items.append(f"{who}{_sep(r)}{', '.join(posts)}")
    d.paragraphs.append(f"Dự {noun} có " + "; ".join(items) + ".")


def _report_and_direction(r: random.Random, d: _Draft, cast: dict[str, tuple[str, str | None]],
                          place: str, kind: dict[str, Any]) -> None:
    name, rank = cast["bchqs"]
    posts = [f"Chỉ huy trưởng Ban CHQS {place}"]
    written = rank.lower() if rank and r.random() < 0.2 else rank
    d.person(name, written, posts, "speaker")
    what = kind["kind"] if kind["kind"] in ("sơ kết", "tổng kết") else "kết quả"
    d.paragraphs.append(f"{written} {name}{_sep(r)}{posts[0]} trình bày báo cáo {what}.")
    pho, pho_rank = cast["pho"]
    d.person(pho, pho_rank, [], "speaker")
    d.paragraphs.append(f"Phát biểu chỉ đạo, {pho_rank} {pho} ghi nhận kết quả {place} đạt "
                        "được và đề nghị tiếp tục làm tốt công tác quân sự, quốc phòng.")


def _decree_sentence(r: random.Random, d: _Draft, dec: dict[str, Any] | None) -> list[Gold]:
    if not dec:
        return []
    d.organisations.append(dec["issuer"])
    if r.random() < 0.5:
        d.paragraphs.append(f"Hội nghị đề ra nhiệm vụ tiếp tục thực hiện tốt {dec['short']} "
                            "trong thời gian tới.")
    return [{"surface": f"{dec['kind']} số {dec['number']} ngày {dec['day']} của "
             f"{dec['issuer']}", "kind": dec["kind"], "number": dec["number"],
             "date": dec["date"], "issuer": dec["issuer"], "title": dec["title"]}]


def articles(n: int, seed: int, start: int = 0) -> Iterator[Article]:
    """Articles `start` .. `start + n - 1` of the corpus of `seed`, one at a time."""
    for i in range(start, start + n):
        yield article(i, seed)


def generate(n: int, seed: int, out: str | Path, start: int = 0) -> Path:
    """Write the corpus to `out`: articles/ (.txt or .jsonl shards) and gold.jsonl; returns
    the articles folder, the path to give `vnkg build`."""
    folder = Path(out) / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    with open(Path(out) / "gold.jsonl", "w", encoding="utf-8") as gold:
        for first in range(start, start + n, SHARD):
            size = min(SHARD, start + n - first)
            if n <= TXT_MAX:
                for a in articles(size, seed, first):
                    gold.write(json.dumps(a.gold, ensure_ascii=False) + "\n")
                    (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
                continue
            with open(folder / f"shard-{first:07d}.jsonl", "w", encoding="utf-8") as shard:
                for a in articles(size, seed, first):
                    gold.write(json.dumps(a.gold, ensure_ascii=False) + "\n")
                    row = {"id": a.id, "text": a.text}
                    shard.write(json.dumps(row, ensure_ascii=False) + "\n")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="index of the first article")
    parser.add_argument("-o", "--out", required=True)
    args = parser.parse_args(argv)
    folder = generate(args.articles, args.seed, args.out, args.start)
    print(f"{args.articles} articles in {folder}, gold in {Path(args.out) / 'gold.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
