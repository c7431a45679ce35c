"""Legal and Party documents: 'Nghị định số 21/2019/NĐ-CP', 'Nghị quyết 28-NQ/TƯ', 'Luật Phòng
thủ dân sự ngày 20 tháng 6 năm 2023', 'Kế hoạch A, A2', 'Nghị quyết Trung ương 8 khóa XI',
'Số: 444/QĐ-TTg', and described ones ('trao quyết định thăng quân hàm ...').

Short references ('Nghị định số 21') join the full number written elsewhere in the article
when kind and leading number agree and nothing (date, issuer) tells them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extract import lexicon as lx
from extract.context import Ctx
from extract.dates import iso, iso_after
from extract.text import fold

NUMBER = re.compile(
    r"(?P<n>\d{1,5}[a-zA-Z]?)(?:\s?/\s?(?P<y>\d{4}))?\s?(?P<sep>[/-])\s?"
    r"(?P<code>[A-ZĐƯ](?:[A-ZĐƯa-zđư&]|\.(?=[A-ZĐƯ]))*"
    r"(?:\s?[-/]\s?[A-ZĐƯ](?:[A-ZĐƯa-zđư&]|\.(?=[A-ZĐƯ]))*)*)")
_SO = re.compile(r"\s*(?:số\s*:?\s*)?", re.IGNORECASE)
_BARE = re.compile(r"(?P<n>\d{1,5})(?![\d/.,-]\w)")
_SESSION = re.compile(r"\s+(?:trung\s+ương|tw|tư)\s+\d{1,2}(?:\s+khóa\s+[\divxlc]+)?|"
                      r"\s+đại\s+hội\s+[^\n;.,]{0,30}?các\s+cấp", re.IGNORECASE)
_CODE_DESIG = re.compile(r"\s+[“\"]?(?P<n>[A-Z]\d?)[”\"]?(?![\w])")
_QUOTED = re.compile(r"\s+[“\"]([^”\"\n]{2,120})[”\"]")
_ISSUER = re.compile(r"\s+(?:của|do)\s+((?:[A-ZĐ][\w]*|ban|bộ|ủy|đảng|chính|trung|tư)"
                     r"(?:\s+[\wĐđ]+){0,8}?)(?=\s+(?:về|ban\s+hành|\()|[.,;:)\n]|$)")
_DESC_END = re.compile(r"[;:\n]|\.(?=\s|$)|\s(?:cho|đã|để|nhằm|được|với)\s|\svà\s+(?=[A-ZĐ\d])|"
                       r",(?!\s*[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])|$")
_CODE_MORE = re.compile(r"\s*(?:,|\svà)\s*[“\"]?(?P<n>[A-Z]\d?)[”\"]?(?![\w])")
_LAW_END = re.compile(r"[;\n]|\.(?=\s|$)|(?<=\bnăm \d{4})|\s(?:và|để|nhằm|được|đã|có)\s+(?![A-ZĐ])"
                      r"|,\s+(?!bổ\s+sung)(?=[a-zđà-ỹ])|$")
_ISSUED_BEFORE = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})[^.;\n]{0,80}?"
    r"(?:ban\s+hành|ký|phê\s+duyệt)\s+$")
_STANDALONE = re.compile(r"(?<![\w/])số\s*:\s*")  # on folded text


@cache
def _lead_trigger() -> re.Pattern[str]:
    """A verb right before a lower-case kind word: 'trao quyết định ...' names a document."""
    return re.compile(rf"(?<!\w)(?:{lx.decree_cues('trigger')})\s+$")


@cache
def _subject_head() -> re.Pattern[str]:
    """The words that open an unnumbered document's subject: 'Quyết định thành lập ...'."""
    return re.compile(rf"\s+(?:{lx.decree_cues('subject')})(?!\w)")


@dataclass
class Decree:
    """One document referred to in the article."""

    kind: str
    subkind: str | None
    number: str | None
    surface: str
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def canonical_number(raw: str) -> str:
    """Canonical document number: no spaces, TƯ/T.Ư -> TW.

    >>> canonical_number("28-NQ/TƯ")
    '28-NQ/TW'
    """
    s = re.sub(r"\s+", "", raw)
    return s.replace("T.Ư", "TW").replace("TƯ", "TW")


def find_decrees(ctx: Ctx) -> list[Decree]:
    """All document references, merged: same number, or a short number joining its full one.

    >>> from extract.context import make_ctx
    >>> ctx = make_ctx("d", "Triển khai Nghị định số 21/2019/NĐ-CP ngày 14/02/2019.", None)
    >>> [(d.kind, d.number, d.date) for d in find_decrees(ctx)]
    [('Nghị định', '21/2019/NĐ-CP', '2019-02-14')]
    """
    found: list[Decree] = []
    for m in lx.decree_kinds().regex.finditer(ctx.folded):
        d = _after_kind(ctx, m)
        if d is not None:
            found.append(d)
    found.extend(_standalone_numbers(ctx, found))
    found.extend(_code_list(ctx, found))
    return _merge(_drop_nested(ctx, found))


def _drop_nested(ctx: Ctx, found: list[Decree]) -> list[Decree]:
    """Unnumbered references inside another reference or a numbered one's title are not new."""
    regions = []
    for d in found:
        regions.append(d.spans[0])
        if d.number and d.title is not None:
            at = ctx.text.find(d.title, d.spans[0][1])
            if at >= 0:
                regions.append((d.spans[0][0], at + len(d.title)))
    out = []
    for d in found:
        s, e = d.spans[0]
        inside = any(a <= s and e <= b and (a, b) != (s, e) for a, b in regions)
        if d.number is None and inside:
            continue
        out.append(d)
    return out


def _kind(ctx: Ctx, m: re.Match[str]) -> tuple[str, str | None]:
    row = lx.decree_kinds().get(ctx.folded[m.start():m.end()])
    kind = row[0] if row else "other"
    sub = row[1] if row and len(row) > 1 and row[1] else None
    return kind, sub


def _after_kind(ctx: Ctx, m: re.Match[str]) -> Decree | None:
    text, start, pos = ctx.text, m.start(), m.end()
    kind, sub = _kind(ctx, m)
    capital = text[start].isupper()
    so = _SO.match(text, pos)
    p = so.end() if so else pos
    num = NUMBER.match(text, p)
    if num and not _truncated(ctx, num.end()):
        return _numbered(ctx, kind, sub, start, num.end(), canonical_number(num.group(0)))
    bare = _BARE.match(text, p)
    if bare and p > pos and not _truncated(ctx, bare.end()) and not _is_year(bare.group("n")):
        return _numbered(ctx, kind, sub, start, bare.end(), bare.group("n"))
    written = text[start:pos]
    if written.isupper() and len(written) > 4:
        return None  # an all-capitals heading ('QUYẾT ĐỊNH'), the document itself
    if not capital and not _lead_trigger().search(ctx.folded, max(0, start - 20), start):
        return None
    if kind == "Kế hoạch" and (code := _CODE_DESIG.match(text, pos)):
        return Decree(kind, sub, code.group("n"), text[start:code.end()].strip(),
                      spans=[(start, code.end())])
    if quoted := _QUOTED.match(text, pos):
        return Decree(kind, sub, None, text[start:quoted.end()], spans=[(start, quoted.end())])
    session = _SESSION.match(text, pos)
    if session:
        return Decree(kind, sub, None, text[start:session.end()], spans=[(start, session.end())])
    if kind == "other" and sub == "Kết luận":
        return None
    if kind != "Luật" and not _subject_head().match(ctx.folded, pos):
        return None
    return _described(ctx, kind, sub, start, pos, capital)


def _code_list(ctx: Ctx, found: list[Decree]) -> list[Decree]:
    """'Kế hoạch A, A2, A4': the designations after the first one are plans too."""
    out = []
    for d in found:
        if d.kind == "Kế hoạch" and d.number and re.fullmatch(r"[A-Z]\d?", d.number):
            end = d.spans[0][1]
            while m := _CODE_MORE.match(ctx.text, end):
                out.append(Decree(d.kind, None, m.group("n"), m.group("n"),
                                  spans=[(m.start("n"), m.end("n"))]))
                end = m.end()
    return out


def _is_year(number: str) -> bool:
    """'Kế hoạch 2024' names a year's plan, not plan number 2024."""
    return len(number) == 4 and 1945 <= int(number) <= 2035


def _truncated(ctx: Ctx, end: int) -> bool:
    """A number cut by the end of the excerpt ('Căn cứ Quyết định số 1')."""
    return not ctx.text[end:].strip()


def _numbered(ctx: Ctx, kind: str, sub: str | None, start: int, end: int, number: str) -> Decree:
    code = number.split("/")[-1].split("-")[0] if "/" in number or "-" in number else ""
    if kind == "other" and sub is None and code in lx.decree_code_kinds():
        kind = lx.decree_code_kinds()[code]
    date, end2 = iso_after(ctx.text, end)
    issuer = _ISSUER.match(ctx.text, end2)
    surface_end = issuer.end() if issuer else end2
    title = _title_after(ctx, surface_end)
    issued = None if date else _ISSUED_BEFORE.search(ctx.folded, max(0, start - 120), start)
    if issued:  # 'ngày 18/3/2021, UBND tỉnh đã ban hành Kế hoạch số 42/KH-UBND'
        date = iso(int(issued.group("y")), int(issued.group("m")), int(issued.group("d")))
    return Decree(kind, sub, number, ctx.text[start:surface_end].strip(), date,
                  issuer.group(1) if issuer else None, title, [(start, end)])


def _title_after(ctx: Ctx, pos: int) -> str | None:
    m = re.match(r"\s+((?:về|ban\s+hành|phê\s+duyệt|quy\s+định)\s[^.;\n]{3,200})", ctx.text[pos:])
    return m.group(1).strip() if m else None


def _described(ctx: Ctx, kind: str, sub: str | None, start: int, pos: int,
               capital: bool) -> Decree | None:
    if kind == "Luật":
        if not capital or fold(ctx.text[max(0, start - 5):start]).endswith("pháp "):
            return None
        end = _LAW_END.search(ctx.text, pos)
        stop = end.start() if end else len(ctx.text)
        date, dend = _date_inside(ctx, pos, stop)
        stop = dend if date else stop
        return _if_long(Decree(kind, sub, None, ctx.text[start:stop].strip(), date,
                               spans=[(start, stop)]), 2)
    end = _DESC_END.search(ctx.text, pos + 1)
    stop = end.start() if end else len(ctx.text)
    surface = ctx.text[start:stop].strip()
    issuer = re.search(r"\s(?:của|do)\s+(.+?)(?:\s+về\b|$)", surface)
    return _if_long(Decree(kind, sub, None, surface, None, issuer.group(1) if issuer else None,
                           spans=[(start, start + len(surface))]), 3)


def _date_inside(ctx: Ctx, pos: int, stop: int) -> tuple[str | None, int]:
    m = re.search(r"\sngày\s", ctx.text[pos:stop])
    if not m:
        return None, stop
    date, end = iso_after(ctx.text, pos + m.start())
    return date, end


def _if_long(d: Decree, min_words: int) -> Decree | None:
    return d if len(d.surface.split()) > min_words else None


def _standalone_numbers(ctx: Ctx, found: list[Decree]) -> list[Decree]:
    """'Số: 444/QĐ-TTg' headers of the document itself (kind from the number's code)."""
    out = []
    taken = [s for d in found for s in d.spans]
    for m in _STANDALONE.finditer(ctx.folded):
        num = NUMBER.match(ctx.text, m.end())
        if not num or any(a <= m.start() < b for a, b in taken):
            continue
        number = canonical_number(num.group(0))
        code = num.group("code").split("-")[0].split("/")[0]
        kind = lx.decree_code_kinds().get(code)
        if kind is None:
            continue
        date, _ = iso_after(ctx.text, num.end(), window=60)
        out.append(Decree(kind, None, number, ctx.text[m.start():num.end()], date,
                          spans=[(m.start(), num.end())]))
    return out


def _lead(number: str | None) -> str:
    return re.split(r"[/-]", number or "")[0]


def _merge(found: list[Decree]) -> list[Decree]:
    full: list[Decree] = []
    for d in sorted(found, key=lambda d: ("/" not in (d.number or "") and "-" not in
                                          (d.number or ""), d.spans[0][0])):
        target = next((f for f in full if _same(f, d)), None)
        if target is None:
            full.append(d)
            continue
        target.spans.extend(d.spans)
        target.date = target.date or d.date
        target.issuer = target.issuer or d.issuer
        target.title = target.title or d.title
    full.sort(key=lambda d: d.spans[0][0])
    return full


def _same(a: Decree, b: Decree) -> bool:
    if a.number and b.number:
        if a.number == b.number:
            return True
        if a.kind != b.kind or _lead(a.number) != _lead(b.number):
            return False
        if "/" in b.number or "-" in b.number:
            return False
        return not (b.date and a.date and b.date[:4] != a.date[:4])
    if a.number or b.number:
        return bool(a.title and b.surface and a.kind == b.kind and _lead_words(a.title) in
                    fold(b.surface))
    wa, wb = fold(a.surface).split(), fold(b.surface).split()
    n = min(8, len(wa), len(wb))
    return wa[:n] == wb[:n] and a.kind == b.kind


def _lead_words(title: str) -> str:
    return " ".join(fold(title).split()[:6])
