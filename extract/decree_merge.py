"""One document mentioned several times: the same number (unless dates or issuers tell two
apart), a short number and its full one, a name and a numbered one's title, a name said again
with more words, a caption naming the one numbered document by its body; and a coordinated
decision ('Quyết định thành lập, kiện toàn X') beside the single ones it re-words.
"""

from __future__ import annotations

import re
from functools import cache

from vnkg.extraction.decree_names import Decree
from vnkg.extraction.lexicon import lexicon
from vnkg.extraction.text import expand_abbreviations, fold


def drop_coordinated(found: list[Decree]) -> list[Decree]:
    """'Quyết định thành lập, kiện toàn X' beside 'Quyết định thành lập X' (or '... kiện toàn
    X'): the coordinated mention re-words decisions the text also names one by one."""
    alone = [d for d in found if d.number is None]
    heads = lexicon().word_set("decree_cues.tsv", "subject")
    out = []
    for d in found:
        m = _COORDINATED.match(fold(d.surface)) if d.number is None else None
        if m and m.group("h1") in heads and m.group("h2") in heads:
            parts = [f"{m.group('k')} {m.group(h)} {m.group('rest')}" for h in ("h1", "h2")]
            if any(_covers(fold(o.surface), p) for o in alone if o is not d for p in parts):
                continue
        out.append(d)
    return out


_COORDINATED = re.compile(r"(?P<k>\S+ \S+) (?P<h1>\S+(?: \S+)?)(?:,| và) (?P<h2>\S+(?: \S+)?) "
                          r"(?P<rest>.+)")


def _covers(longer: str, shorter: str) -> bool:
    """Every word of `shorter` is in `longer`: the same document, said with more words."""
    return set(_words(shorter)) <= set(_words(longer))


def _words(s: str) -> list[str]:
    """The words that tell documents apart ('về việc', 'của' do not), abbreviations spelled out."""
    return [w for w in re.findall(r"\w+", fold(expand_abbreviations(s))) if w not in _fillers()]


@cache
def _fillers() -> frozenset[str]:
    return frozenset(w for r in lexicon().rows("decree_cues.tsv") if r[1] == "filler"
                     for w in fold(r[0]).split())


def _lead(number: str | None) -> str:
    return re.split(r"[/-]", number or "")[0]


def merge(found: list[Decree]) -> list[Decree]:
    full: list[Decree] = []
    for d in sorted(found, key=lambda d: ("/" not in (d.number or "") and "-" not in
                                          (d.number or ""), d.spans[0][0])):
        target = next((f for f in full if _same(f, d)), None) or _reworded(full, d)
        if target is None:
            full.append(d)
            continue
        target.spans.extend(d.spans)
        target.date = target.date or d.date
        target.issuer = target.issuer or d.issuer
        target.title = target.title or d.title
    full.sort(key=lambda d: d.spans[0][0])
    return full


def _reworded(found: list[Decree], d: Decree) -> Decree | None:
    """'quán triệt Nghị quyết Đảng ủy' (a caption) beside the one numbered resolution of the
    article: the same document, by kind and issuer alone."""
    if not d.bare:
        return None
    numbered = [f for f in found if f.number and f.kind == d.kind and not _told_apart(f, d)]
    return numbered[0] if len({f.number for f in numbered}) == 1 else None


def _same(a: Decree, b: Decree) -> bool:
    """One document twice? Same number unless dates or issuers differ (Nghị quyết 28 of
    2008 by the Politburo and of 2013 by the Central Committee), a short number its full one,
    a name the numbered one's title, or one name the other said with more words."""
    if a.number and b.number:
        if _told_apart(a, b):
            return False
        if a.number == b.number:
            return True
        if a.kind != b.kind or _lead(a.number) != _lead(b.number):
            return False
        return "/" not in b.number and "-" not in b.number
    if a.number or b.number:
        return bool(a.title and b.surface and a.kind == b.kind and _lead_words(a.title) in
                    fold(b.surface))
    if a.kind != b.kind:
        return False
    wa, wb = _words(a.surface), _words(b.surface)
    n = min(8, len(wa), len(wb))
    if wa[:n] == wb[:n]:
        return True
    short, long_ = sorted((a.surface, b.surface), key=lambda s: len(_words(s)))
    return len(_words(short)) >= 5 and _covers(long_, short)


def _told_apart(a: Decree, b: Decree) -> bool:
    """Different issue dates or different issuers: two documents, whatever their numbers
    (a number with its year in it, '21/2019/NĐ-CP', names one document however written)."""
    if a.number == b.number and re.search(r"(?:19|20)\d\d", a.number or ""):
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return True
    ia, ib = (fold(expand_abbreviations(x.issuer or "")) for x in (a, b))
    return bool(ia and ib and ia not in ib and ib not in ia)


def _lead_words(title: str) -> str:
    return " ".join(fold(title).split()[:6])
