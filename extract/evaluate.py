"""Score records against gold (spec/gold.md) with the reference scorer's matching rules.

Per field precision/recall/F1 with tp/fp/fn, the accuracies (rank, locality type, decree date,
meeting day-dates, unit recall) and the misses. The rules, restated:
persons match on the normalised name (honorific dropped; author-only people left out);
positions match one-to-one when token F1 >= 0.8 against the surface or the title and both
or neither are a deputy's post ("Phó …", "Quyền …"); roles are
(name, role) sets; localities match on the bare name (type word stripped) against name or
surface; decrees match on the number (or its leading number and kind), else surface token F1;
`decrees:numbered` scores the numbered documents on their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnkg.extraction.keys import decree_key, nfc

_ABBR = [(re.compile(p), r) for p, r in [
    (r"\bbộ chqs\b", "bộ chỉ huy quân sự"), (r"\bban chqs\b", "ban chỉ huy quân sự"),
    (r"\bbchqs\b", "ban chỉ huy quân sự"), (r"\bbch quân sự\b", "ban chỉ huy quân sự"),
    (r"\bchqs\b", "chỉ huy quân sự"), (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"), (r"\buv btv\b", "ủy viên ban thường vụ"),
    (r"\buvbtv\b", "ủy viên ban thường vụ"), (r"\bbtv\b", "ban thường vụ"),
    (r"\btuv\b", "tỉnh ủy viên"), (r"\bpbt\b", "phó bí thư"), (r"\bkvpt\b", "khu vực phòng thủ"),
    (r"\bbđbp\b", "bộ đội biên phòng"), (r"\bmttq\b", "mặt trận tổ quốc"),
    (r"\bqđnd\b", "quân đội nhân dân"), (r"\bllvt\b", "lực lượng vũ trang"),
    (r"\bdqtv\b", "dân quân tự vệ"), (r"\bnvqs\b", "nghĩa vụ quân sự"),
    (r"\bbcđ\b", "ban chỉ đạo"), (r"\bptds\b", "phòng thủ dân sự"),
    (r"\bđbqh\b", "đại biểu quốc hội"), (r"\bt\.ư\b", "trung ương"), (r"\btư\b", "trung ương"),
    (r"\btw\b", "trung ương"), (r"\btp\.?\s*hcm\b", "thành phố hồ chí minh"),
    (r"\btphcm\b", "thành phố hồ chí minh"), (r"\btp\.\s*", "thành phố "),
    (r"\btp\b", "thành phố"), (r"\bhđ\b", "hội đồng"),
]]
# the reference scorer's own list of type words, restated on purpose (not the lexicon's): the
# evaluation must strip exactly what the scorer strips, whatever the engine's lexicon says
_LOC_TYPES = ["thành phố trực thuộc trung ương", "thành phố", "thị xã", "thị trấn", "tỉnh",
              "huyện", "quận", "xã", "phường", "đặc khu"]
_ROLE_OF = {"CHAIRED": "chair", "SPOKE_AT": "speaker", "ATTENDED": "attendee",
            "AUTHORED": "author"}
FIELDS = ["persons", "positions", "role:chair", "role:speaker", "role:attendee", "role:author",
          "localities", "decrees", "decrees:numbered"]
HEADLINE = ["persons", "positions", "role:chair", "role:speaker", "role:attendee",
            "localities", "decrees"]


# old-style tone placement on a word's final vowel pair -> new style (hoà -> hòa)
_NEW_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
             "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
             "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}


def _tone(word: str) -> str:
    """The scorer's tone rule, on a whitespace-separated word: only a word that ends in the
    old pair moves ("uỷ," keeps its mark, as in spec/score.py, unlike extract.text.fold)."""
    for old, new in _NEW_TONE.items():
        if word.endswith(old) and not (word.startswith("qu") and old[0] == "u"):
            return word[: -len(old)] + new
    return word


def norm(s: Any) -> str:
    """Matching form, exactly spec/score.py's: NFC, lower case, the tone rule per word,
    abbreviations expanded, punctuation to spaces."""
    if not s:
        return ""
    low = nfc(str(s)).replace("\u2019", "'").lower()
    out = " ".join(_tone(w) for w in low.split())
    for pattern, rep in _ABBR:
        out = pattern.sub(rep, out)
    return " ".join(re.sub(r"[^\w/'\-]+", " ", out).split())


def norm_name(s: Any) -> str:
    return re.sub(r"^(đồng chí|đ/c|ông|bà|chị|anh)\s+", "", norm(s))


def strip_loc_type(s: Any) -> str:
    out = norm(s)
    for t in _LOC_TYPES:
        if out.startswith(t + " "):
            return out[len(t) + 1:]
    return out


def norm_number(s: Any) -> str:
    """A document number's matching key (the reference scorer's: TƯ = TW, NĐ = ND, spaces
    and case dropped).

    >>> norm_number("28-NQ/TƯ") == norm_number("28-nq/tw") and norm_number(None) == ""
    True
    """
    return decree_key(str(s)) if s else ""


def token_f1(a: Any, b: Any) -> float:
    ta, pool = re.findall(r"\w+", norm(a)), re.findall(r"\w+", norm(b))
    if not ta or not pool:
        return 0.0
    n, common = len(pool), 0
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / n
    return 2 * p * r / (p + r)


@dataclass
class Tally:
    """True positives, false positives, false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    """Scores of a set of records against gold."""

    fields: dict[str, Tally] = field(default_factory=dict)
    accuracies: dict[str, tuple[int, int]] = field(default_factory=dict)
    misses: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)  # vnkg eval --answers

    def f1(self, name: str) -> float:
        return self.fields[name].prf()[2]

    def accuracy(self, name: str) -> float | None:
        n, d = self.accuracies.get(name, (0, 0))
        return n / d if d else None

    @property
    def overall(self) -> float:
        return sum(self.f1(k) for k in HEADLINE) / len(HEADLINE)

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form, like `score.py --json`: rows, accuracies, misses, overall (and the
        answers, when scored)."""
        rows = [[k, *t.prf(), t.tp, t.fp, t.fn] for k, t in self.fields.items()]
        accs = {k: [n / d if d else None, n, d] for k, (n, d) in sorted(self.accuracies.items())}
        out = {"rows": rows, "accs": accs, "misses": [list(m) for m in self.misses],
               "overall": self.overall}
        return {**out, "answers": self.answers} if self.answers else out


def _match(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and same(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _add(report: Report, name: str, gold: list, pred: list, pairs: list) -> None:
    t = report.fields.setdefault(name, Tally())
    t.tp += len(pairs)
    t.fp += len(pred) - len(pairs)
    t.fn += len(gold) - len(pairs)


def _acc(report: Report, name: str, ok: bool) -> None:
    n, d = report.accuracies.get(name, (0, 0))
    report.accuracies[name] = (n + int(ok), d + 1)


def load_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """Gold lines keyed by id."""
    with open(path, encoding="utf-8") as fh:
        return {g["id"]: g for g in (json.loads(line) for line in fh if line.strip())}


def evaluate(records: Iterable[dict[str, Any]], gold_path: str | Path) -> Report:
    """Score `records` against the gold file, like spec/score.py."""
    gold = load_gold(gold_path)
    pred = {r["doc"]["id"]: r for r in records}
    report = Report({k: Tally() for k in FIELDS})
    for gid, g in gold.items():
        rec = pred.get(gid, {})
        if gid not in pred:
            _acc(report, "docs_missing", False)
        _persons(report, gid, g, rec)
        _roles(report, g, rec)
        _localities(report, g, rec)
        _decrees(report, g, rec)
        _units_and_dates(report, g, rec)
    return report


def _persons(report: Report, gid: str, g: dict, rec: dict) -> None:
    gp = [p for p in g["persons"] if not p.get("roles")
          or any(x.get("role") != "author" for x in p["roles"])]
    rels = rec.get("relations", [])
    authored = {r["source"] for r in rels if r.get("type") == "AUTHORED"}
    pp = [p for p in rec.get("persons", []) if p["id"] not in authored or any(
        r["source"] == p["id"] and r.get("type") != "AUTHORED" for r in rels)]
    pairs = _match(gp, pp, lambda a, b: norm_name(a["name"]) == norm_name(b["name"]))
    _add(report, "persons", gp, pp, pairs)
    if len(pairs) != len(gp) or len(pairs) != len(pp):
        report.misses.append((gid, "persons", sorted(norm_name(x["name"]) for x in gp),
                              sorted(norm_name(x["name"]) for x in pp)))
    for gi, pi in pairs:
        a, b = gp[gi], pp[pi]
        _acc(report, "rank", norm(a.get("rank")) == norm(b.get("rank")))
        gpos, ppos = list(a.get("positions", [])), b.get("positions", [])
        _add(report, "positions", gpos, ppos, _match(gpos, ppos, same_post))


def _deputy(s: Any) -> bool:
    return norm(s).startswith(("phó ", "quyền "))


def same_post(gold_post: str, pred: dict) -> bool:
    """Token F1 >= 0.8 against the surface or the title, and the same rank of office: a
    deputy's post ("Phó …", "Quyền …") never matches the chief's, nor the other way."""
    return any(cand and token_f1(gold_post, cand) >= 0.8 and _deputy(gold_post) == _deputy(cand)
               for cand in (pred.get("surface", ""), pred.get("title", "")))


def _roles(report: Report, g: dict, rec: dict) -> None:
    gold_roles = {(norm_name(p["name"]), r["role"]) for p in g["persons"]
                  for r in p.get("roles", []) if r.get("role") in _ROLE_OF.values()}
    names = {p["id"]: norm_name(p["name"]) for p in rec.get("persons", [])}
    pred_roles = {(names[r["source"]], _ROLE_OF[r["type"]]) for r in rec.get("relations", [])
                  if r.get("type") in _ROLE_OF and r.get("source") in names}
    for role in ("chair", "speaker", "attendee", "author"):
        gs = {x for x in gold_roles if x[1] == role}
        ps = {x for x in pred_roles if x[1] == role}
        t = report.fields["role:" + role]
        t.tp += len(gs & ps)
        t.fp += len(ps - gs)
        t.fn += len(gs - ps)


def _localities(report: Report, g: dict, rec: dict) -> None:
    gl = [x for x in g.get("localities", []) if not x.get("foreign")]
    pl = rec.get("localities", [])
    pairs = _match(gl, pl, lambda a, b: strip_loc_type(a["name"]) in (
        strip_loc_type(b.get("name")), strip_loc_type(b.get("surface"))))
    _add(report, "localities", gl, pl, pairs)
    for gi, pi in pairs:
        _acc(report, "locality_type", norm(gl[gi].get("type")) == norm(pl[pi].get("type")))


def _same_decree(a: dict, b: dict) -> bool:
    if a.get("number"):
        ga, pb = norm_number(a["number"]), norm_number(b.get("number"))
        lead = ga.split("/")[0].split("-")[0] == pb.split("/")[0].split("-")[0]
        return bool(pb) and (ga == pb or lead and norm(a.get("kind")) in (
            norm(b.get("kind")), "other"))
    return token_f1(a.get("surface", ""), b.get("surface", "")) >= 0.8


def _decrees(report: Report, g: dict, rec: dict) -> None:
    gd, pd = g.get("legal_documents", []), rec.get("decrees", [])
    pairs = _match(gd, pd, _same_decree)
    _add(report, "decrees", gd, pd, pairs)
    # numbered documents alone: what decree-trace and decrees-cited are keyed on
    gdn, pdn = [d for d in gd if d.get("number")], [d for d in pd if d.get("number")]
    _add(report, "decrees:numbered", gdn, pdn, _match(gdn, pdn, _same_decree))
    for gi, pi in pairs:
        if gd[gi].get("date"):
            _acc(report, "decree_date", gd[gi]["date"] == pd[pi].get("date"))


def _units_and_dates(report: Report, g: dict, rec: dict) -> None:
    units = rec.get("units", [])
    written = [u.get("name", "") for u in units] + [u.get("surface", "") for u in units]
    for o in g.get("organisations", []):
        _acc(report, "units_recall", any(token_f1(o, x) >= 0.8 for x in written))
    dates = [m.get("date") for m in rec.get("meetings", [])]
    for m in g.get("meetings", []):
        d = m.get("date")
        if isinstance(d, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
            _acc(report, "meeting_date", d in dates)


def format_report(report: Report, show: int = 0) -> str:
    """A table like spec/score.py's, the accuracies, up to `show` misses, and 'overall='."""
    lines = [f"{'field':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for k in FIELDS:
        t = report.fields[k]
        p, r, f = t.prf()
        lines.append(f"{k:16} {p:6.3f} {r:6.3f} {f:6.3f} {t.tp:5d} {t.fp:5d} {t.fn:5d}")
    for k, (n, d) in sorted(report.accuracies.items()):
        a = round(n / d, 3) if d else None
        lines.append(f"{k:16} acc={a} ({n}/{d})")
    lines.extend(f"MISS {m}" for m in report.misses[:show])
    lines.append(f"overall={report.overall:.3f}")
    return "\n".join(lines)
