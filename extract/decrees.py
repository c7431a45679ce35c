"""Legal and Party documents: 'Nghị định số 21/2019/NĐ-CP', 'Nghị quyết 28-NQ/TƯ', 'Luật Phòng
thủ dân sự ngày 20 tháng 6 năm 2023', 'Kế hoạch A, A2', 'Nghị quyết Trung ương 8 khóa XI',
'Số: 444/QĐ-TTg', and described ones ('trao quyết định thăng quân hàm ...').

Here: numbers, the date, issuer and title written after them, the issue date and issuer
written before a document ('Ngày 5-6-2019, UBND tỉnh ra Quyết định số ...'), self headers
('Số: ...'), plan designations, and page furniture (related-article links) left out. Unnumbered
names are read in decree_names.py; repeated mentions are merged in decree_merge.py: short
references ('Nghị định số 21') join the full number written elsewhere in the article when
kind and leading number agree and nothing (date, issuer) tells them apart.
"""

from __future__ import annotations

import re
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.dates import iso, iso_after
from vnkg.extraction.decree_merge import drop_coordinated, merge
from vnkg.extraction.decree_names import Decree, generic, named
from vnkg.extraction.lexicon import lexicon

__all__ = ["Decree", "canonical_number", "find_decrees"]

NUMBER = re.compile(
    r"(?P<n>\d{1,5}[a-zA-Z]?)(?:\s?/\s?(?P<y>\d{4}))?\s?(?P<sep>[/-])\s?"
    r"(?P<code>[A-ZĐƯ](?:[A-ZĐƯa-zđư&]|\.(?=[A-ZĐƯ]))*"
    r"(?:\s?[-/]\s?[A-ZĐƯ](?:[A-ZĐƯa-zđư&]|\.(?=[A-ZĐƯ]))*)*)")
_SO = re.compile(r"\s*(?:số\s*:?\s*)?", re.IGNORECASE)
_BARE = re.compile(r"(?P<n>\d{1,5})(?![\d/.,-]\w)")
_UP = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())
_ISSUER = re.compile(rf"\s+(?:của|do)\s+((?:[{_UP}]\w*|ban|bộ|ủy|đảng|chính|trung|tư)"
                     r"(?:\s+[\wĐđ]+){0,8}?)(?=\s+(?:về|ban\s+hành|thông\s+qua|và|khóa|khoá|"
                     r"quy\s+định|đã|để|nhằm|cho|với|tại)\s|\s*[(“\"]|[.,;:)\n]|$)")
_TITLE = re.compile(r"\s+[“\"]?\s*((?:về|ban\s+hành|phê\s+duyệt|quy\s+định)\s[^.;\n]{3,200}?)"
                    r"(?=[.;\n]|,\s+[A-ZĐ]\w*\s+[A-ZĐ]|$)")  # to a new clause's capitalised subject
_BY_AT_END = re.compile(r"\sdo\s+([^,;]{3,60}?)\s+ban\s+hành\s*$")  # '... do Thủ tướng ban hành'
_TERM = re.compile(r"\s*\(\s*khóa\s+[ivxlc]+\s*\)|\s+khóa\s+[ivxlc]+\b")  # on folded text
_CODE_MORE = re.compile(r"\s*(?:,|\svà)\s*[“\"]?(?P<n>[A-Z]\d?)[”\"]?(?![\w])")
# on folded text; the look-behind follows the literal word, so a scan jumps from "số" to "số"
_STANDALONE = re.compile(r"số(?<![\w/]số)\s*:\s*")
# a related-article link: a headline ending in its own time stamp '(05/03/2020 14:20)'
_LINK_LINE = re.compile(r"(?:^|(?<=\)))[^\n]{0,300}?\((?:\d{1,2}/\d{1,2}/\d{4}\s*[-–,]?\s*"
                        r"\d{1,2}[:h]\d{2}|\d{1,2}[:h]\d{2}\s*[-–,]?\s*\d{1,2}/\d{1,2}/\d{4})\)(?=\s|$)",
                        re.MULTILINE)
_STAMP_START = re.compile(r"\(\d{1,2}[/:h]\d")  # how every link line's stamp starts


@cache
def _issued_before() -> re.Pattern[str]:
    """'ngày 5-6-2019, UBND tỉnh ra Quyết định số ...', 'Năm 2019, Quốc hội thông qua Luật ...':
    the date written before the issuer (a bare year only as the clause's opener)."""
    return re.compile(
        r"(?:ngày\s+(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?P<m>\d{1,2})\s*(?:[/.-]|\s+năm\s+)"
        r"\s*(?P<y>\d{4})|(?<![\w/])năm\s+(?P<yo>\d{4}),)[^.;\n]{0,80}?"
        rf"(?<!\w)(?:{lexicon().decree_cues('issued')})\s+$")


def issued_before(ctx: Ctx, start: int) -> str | None:
    """The issue date written before the document that starts at `start`, if any."""
    m = _issued_before().search(ctx.folded, max(0, start - 120), start)
    if m is None:
        return None
    if m.group("yo"):
        return iso(int(m.group("yo")))
    return iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))


def _date_after(ctx: Ctx, end: int) -> tuple[str | None, int]:
    """'..., ngày 5/6/2019', '(ngày 5/6/2019)', 'ký ngày 5/6/2019' after a number."""
    lead = _DATE_LEAD.match(ctx.text, end)
    date, end2 = iso_after(ctx.text, lead.end() if lead else end)
    if not date:
        return None, end
    return date, end2 + (1 if lead and "(" in lead.group(0) and ctx.text[end2:end2 + 1] == ")"
                         else 0)


_DATE_LEAD = re.compile(r"\s*[(,]?\s*(?:(?:được\s+)?(?:ký|ban\s+hành|thông\s+qua)\s+)?"
                        r"(?=ngày\s|năm\s)", re.IGNORECASE)


def canonical_number(raw: str) -> str:
    """Canonical document number: no spaces, TƯ/T.Ư -> TW.

    >>> canonical_number("28-NQ/TƯ")
    '28-NQ/TW'
    """
    s = re.sub(r"\s+", "", raw)
    return s.replace("T.Ư", "TW").replace("TƯ", "TW")


def find_decrees(ctx: Ctx) -> list[Decree]:
    """All document references, merged: same number, or a short number joining its full one.

    >>> from vnkg.extraction.context import make_ctx
    >>> ctx = make_ctx("d", "Triển khai Nghị định số 21/2019/NĐ-CP ngày 14/02/2019.", None)
    >>> [(d.kind, d.number, d.date) for d in find_decrees(ctx)]
    [('Nghị định', '21/2019/NĐ-CP', '2019-02-14')]
    """
    found: list[Decree] = []
    links = [m.span() for m in _LINK_LINE.finditer(ctx.text)] if _STAMP_START.search(ctx.text) \
        else []  # most articles have no link line: skip the slow scan
    kinds = list(lexicon().decree_kinds.regex.finditer(ctx.folded))
    for m in kinds:
        if any(a <= m.start() < b for a, b in links):
            continue  # page furniture: a related article's headline
        d = _after_kind(ctx, m)
        if d is not None:
            found.append(d)
    found.extend(_standalone_numbers(ctx, found))
    found.extend(_code_list(ctx, found))
    _header_issuers(ctx, found, kinds)
    for d in found:  # 'Ngày 5-6-2019, UBND tỉnh ra Quyết định số ...'
        d.issuer = d.issuer or _issuer_before(ctx, d.spans[0][0])
        d.date = d.date or issued_before(ctx, d.spans[0][0])
    return merge(drop_coordinated(_drop_nested(ctx, found)))


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


def _kind(ctx: Ctx, m: re.Match[str]) -> tuple[str, str | None, bool]:
    """Kind, subkind and whether the word names a document only with a number after it."""
    row = lexicon().decree_kinds.get(ctx.folded[m.start():m.end()])
    kind = row[0] if row else "other"
    sub = row[1] if row and len(row) > 1 and row[1] else None
    return kind, sub, bool(row and len(row) > 3 and row[3] == "1")


def _after_kind(ctx: Ctx, m: re.Match[str]) -> Decree | None:
    text, start, pos = ctx.text, m.start(), m.end()
    kind, sub, numbered_only = _kind(ctx, m)
    so = _SO.match(text, pos)
    p = so.end() if so else pos
    num = NUMBER.match(text, p)
    if num and not _truncated(ctx, num.end()):
        return _numbered(ctx, kind, sub, start, num.end(), canonical_number(num.group(0)))
    bare = _BARE.match(text, p)
    if bare and p > pos and not _truncated(ctx, bare.end()) and not _is_year(bare.group("n")):
        return _numbered(ctx, kind, sub, start, bare.end(), bare.group("n"))
    written = text[start:pos]
    if numbered_only or (written.isupper() and len(written) > 4):
        return None  # a common word, or an all-capitals heading ('QUYẾT ĐỊNH'): the document
    if generic(ctx, start):
        return None
    return named(ctx, kind, sub, start, pos)


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
    """A numbered document with the date, issuer ('của Ban Chấp hành Trung ương Đảng (khóa
    XI)') and title ('về ...') written after the number."""
    code = number.split("/")[-1].split("-")[0] if "/" in number or "-" in number else ""
    if kind == "other" and sub is None and code in lexicon().decree_code_kinds:
        kind = lexicon().decree_code_kinds[code]
    date, end2 = _date_after(ctx, end)
    issuer = _ISSUER.match(ctx.text, end2)
    surface_end = issuer.end() if issuer else end2
    if term := _TERM.match(ctx.folded, surface_end):  # '(khóa XI)'
        surface_end = term.end()
    title = _title_after(ctx, surface_end)
    by = _BY_AT_END.search(title or "") if issuer is None else None
    who = issuer.group(1) if issuer else (by.group(1) if by else None)
    return Decree(kind, sub, number, ctx.text[start:surface_end].strip(), date, who, title,
                  [(start, end)])


def _title_after(ctx: Ctx, pos: int) -> str | None:
    m = _TITLE.match(ctx.text, pos)
    return m.group(1).strip() if m else None


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
        kind = lexicon().decree_code_kinds.get(code)
        if kind is None:
            continue
        date, _ = iso_after(ctx.text, num.end(), window=60)
        out.append(Decree(kind, None, number, ctx.text[m.start():num.end()], date,
                          spans=[(m.start(), num.end())]))
    return out


def _header_issuers(ctx: Ctx, found: list[Decree], kinds: list[re.Match[str]]) -> None:
    """'04 Nghị quyết của Bộ Chính trị, gồm: Nghị quyết số 59-NQ/TW ...': the issuer of the
    counted header (among the kind words `kinds`) belongs to each numbered item of its
    sentence."""
    for m in kinds:
        head = _HEADER_OF.match(ctx.text, m.end())  # the cheap test first
        if head is None or not generic(ctx, m.start()):
            continue
        s1 = ctx.sentence_of(m.start())[1]
        for d in found:
            if d.number and head.end() <= d.spans[0][0] < s1 and d.issuer is None:
                d.issuer = head.group(1)


_HEADER_OF = re.compile(r"\s+của\s+([^,:;.\n]{3,60}?)\s*,?\s*(?:gồm|bao\s+gồm)\s*:")


@cache
def _issued_by() -> re.Pattern[str]:
    """The rest of an issuing body's name, then the verb right before the document."""
    return re.compile(r"(?P<tail>[^,;:.\n]{0,60}?)\s+(?:(?:đã|vừa|mới|cũng)\s+)*"
                      rf"(?:{lexicon().decree_cues('issued')}|có)\s+$")


def _issuer_before(ctx: Ctx, start: int) -> str | None:
    """'Bộ Quốc phòng đã có quyết định ...', 'Chủ tịch UBND tỉnh ký Quyết định số ...': the
    body (with the post before it) issuing the document, written before it."""
    s0 = ctx.sentence_of(start)[0]
    for head in reversed(list(lexicon().units.regex.finditer(ctx.folded, s0, start))):
        verb = _issued_by().match(ctx.folded, head.end(), start)
        if verb is None:
            continue
        begin = head.start()
        for post in lexicon().roles.regex.finditer(ctx.folded, s0, begin):
            if not ctx.folded[post.end():begin].strip():  # 'Chủ tịch UBND tỉnh'
                begin = post.start()
        return ctx.text[begin:verb.end("tail")].strip() or None
    return None
