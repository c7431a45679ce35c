"""The answers users get, scored against gold (`vnkg eval` with `answers`).

The answers are what the named queries return from a store built from the gold's texts
alone (an embedded store in a temporary folder, deleted after), scored against what gold
says those answers are:
- `chairs`: (person, day, locality) for each gold person who chairs a meeting whose date is
  a full ISO day and whose locality is known;
- `decree-trace`: (decree, day, locality) for each numbered gold document that a meeting's
  title (or its variants, or description) names, on such a meeting. Gold has no field
  linking a meeting to its documents; the title naming the number is what it does state.

Matching uses spec/score.py's keys: the person's name key, the decree number key (or its
leading number and kind), the locality name without its type word; a row answers a gold
line of the same article. A row is "complete" when its three parts are right.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from vnkg.extraction.evaluate import norm_name, norm_number, strip_loc_type

KINDS = ("chairs", "decree-trace")
# kinds whose gold lists every right answer, so that a row gold lacks is wrong: gold does not
# link meetings to the documents they are about, only titles naming them (no precision then)
EXHAUSTIVE = ("chairs",)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Answer:
    """One answer, gold or from the store: the article, what it is about, the day, the place.
    `about` is a name key (chairs) or a decree number key (decree-trace); `kind` is the
    decree's kind (for the leading-number rule)."""

    doc: str
    about: str
    day: str | None
    place: str | None
    kind: str = ""


@dataclass
class AnswerScore:
    """How one kind of answer fares: gold answers; how many have a row about the right
    person or decree (`found`), with the right day, with the right place, all three
    (`complete`); rows with a day and a place (`rows`) and how many of those are a gold
    answer (`right`); `precision` is right / rows where gold is exhaustive; `missed` are the
    gold answers no row completes."""

    kind: str

    gold: int = 0
    found: int = 0
    day: int = 0
    place: int = 0
    complete: int = 0
    rows: int = 0
    right: int = 0
    missed: list[Answer] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.right / self.rows if self.rows and self.kind in EXHAUSTIVE else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision}


def _day(value: Any) -> str | None:
    return value if isinstance(value, str) and _DAY.fullmatch(value) else None


def _names_number(text: str, number: str) -> bool:
    """Whether `text` names the document number (on number keys, not inside a longer one)."""
    key = re.escape(norm_number(number))
    return re.search(rf"(?<![\w/.-]){key}(?![\w/-])", norm_number_text(text)) is not None


def norm_number_text(text: str) -> str:
    """A text in the number key's form, spaces kept (so that numbers stay apart)."""
    return " ".join(norm_number(w) for w in text.split())


def gold_answers(gold: dict[str, dict[str, Any]]) -> dict[str, list[Answer]]:
    """The answers gold gives, per kind (see the module's docstring)."""
    out: dict[str, list[Answer]] = {k: [] for k in KINDS}
    for gid, g in gold.items():
        meetings = {m.get("key"): m for m in g.get("meetings", [])
                    if _day(m.get("date")) and m.get("locality")}
        for p in g.get("persons", []):
            for role in p.get("roles", []):
                m = meetings.get(role.get("meeting"))
                if role.get("role") == "chair" and m:
                    out["chairs"].append(Answer(gid, norm_name(p["name"]), m["date"],
                                                strip_loc_type(m["locality"])))
        for m in meetings.values():
            said = " ".join([m.get("title") or "", *m.get("title_variants", []),
                             m.get("description") or ""])
            for d in g.get("legal_documents", []):
                if d.get("number") and _names_number(said, d["number"]):
                    out["decree-trace"].append(Answer(gid, norm_number(d["number"]), m["date"],
                                                      strip_loc_type(m["locality"]),
                                                      d.get("kind") or ""))
    for kind in KINDS:  # a chair named twice in one meeting is one answer
        out[kind] = list(dict.fromkeys(out[kind]))
    return out


def store_answers(records: list[dict[str, Any]]) -> dict[str, list[Answer]]:
    """Build a store from `records` in a temporary folder and read the answers users get."""
    from vnkg.graph.resolve import to_fragment
    from vnkg.loaders.batches import BuildReport, Target, load_fragments
    from vnkg.loaders.rdf import open_rdf_store
    from vnkg.queries.run import run_named

    with tempfile.TemporaryDirectory(prefix="vnkg-eval-") as tmp:
        store = Path(tmp) / "store"
        load_fragments((to_fragment(r) for r in records), BuildReport(), None,
                       Target(store, None, True, "rdf", None))
        with open_rdf_store(store) as rdf:
            chairs = [Answer(_doc(r["source"]), norm_name(r["person_name"]), _day(r["date"]),
                             _place(r["locality_name"])) for r in run_named(rdf, "chairs")]
            trace = []
            for d in run_named(rdf, "decrees-cited"):
                if not d.get("number"):
                    continue
                for r in run_named(rdf, "decree-trace", {"decree": d["decree"]}):
                    trace.append(Answer(_doc(r["source"]), norm_number(d["number"]),
                                        _day(r["date"]), _place(r["locality_name"]),
                                        d.get("kind") or ""))
    return {"chairs": chairs, "decree-trace": trace}


def _doc(source: str) -> str:
    return source.removeprefix("article/")


def _place(name: Any) -> str | None:
    return strip_loc_type(name) or None


def _same_about(gold: Answer, row: Answer) -> bool:
    """Same name key; for decrees, the same number key or (spec/score.py's rule) the same
    leading number and kind."""
    if gold.about == row.about or not gold.kind:
        return gold.about == row.about
    lead = gold.about.split("/")[0].split("-")[0] == row.about.split("/")[0].split("-")[0]
    return lead and gold.kind.lower() in (row.kind.lower(), "other")


def score_answers(gold: dict[str, list[Answer]], rows: dict[str, list[Answer]]
                  ) -> dict[str, AnswerScore]:
    """Per kind: gold answers against the store's rows of the same article."""
    out = {}
    for kind in KINDS:
        score = AnswerScore(kind, gold=len(gold[kind]))
        candidates = rows.get(kind, [])
        used: set[int] = set()
        for g in gold[kind]:
            mine = [r for r in candidates if r.doc == g.doc and _same_about(g, r)]
            score.found += bool(mine)
            score.day += any(r.day == g.day for r in mine)
            score.place += any(r.place == g.place for r in mine)
            hit = next((i for i, r in enumerate(candidates) if i not in used and r in mine
                        and r.day == g.day and r.place == g.place), None)
            if hit is None:
                score.missed.append(g)
            else:
                used.add(hit)
                score.complete += 1
        score.rows = sum(1 for r in candidates if r.day and r.place)
        score.right = len(used)
        out[kind] = score
    return out


def format_answers(answers: dict[str, dict[str, Any]], show: int = 0) -> str:
    """The answers table: gold answers, complete ones, the parts, precision; then up to
    `show` gold answers that no row completes."""
    lines = [f"{'answers':16} {'gold':>5} {'compl':>5} {'found':>5} {'day':>5} {'place':>5} "
             f"{'rows':>5} {'right':>5} {'P':>6}"]
    for kind, s in answers.items():
        p = "-" if s["precision"] is None else f"{s['precision']:.3f}"
        lines.append(f"{kind:16} {s['gold']:5d} {s['complete']:5d} {s['found']:5d} "
                     f"{s['day']:5d} {s['place']:5d} {s['rows']:5d} {s['right']:5d} {p:>6}")
    missed = [(kind, m) for kind, s in answers.items() for m in s["missed"]]
    lines.extend(f"MISS {kind} {m['doc']}: {m['about']}, {m['day']}, {m['place']}"
                 for kind, m in missed[:show])
    return "\n".join(lines)
