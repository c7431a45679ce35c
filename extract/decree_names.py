"""Documents named without a number: 'Luật Phòng cháy và chữa cháy', 'quyết định về việc
thành lập ...', 'Kế hoạch huấn luyện của Bộ CHQS tỉnh', titles in quotes ('“Kế hoạch động
viên quốc phòng”', 'Đề án “…”'), session names ('Nghị quyết Trung ương 8 khóa XI'); and the
places where a kind word names no one document: a verb ('UBND tỉnh quyết định ...'), a plural
('các Chỉ thị của ...') or a counted list header ('03 Nghị định của Chính phủ, gồm: ...').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from vnkg.extraction.context import Ctx
from vnkg.extraction.dates import iso, iso_after
from vnkg.extraction.lexicon import lexicon, phrase_pattern
from vnkg.extraction.text import fold


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
    bare: bool = False  # named by kind and issuer alone ('Nghị quyết Đảng ủy'): a re-wording


_SESSION = re.compile(r"\s+(?:trung\s+ương|tw|tư)\s+\d{1,2}(?:\s+khóa\s+[\divxlc]+)?|"
                      r"\s+đại\s+hội\s+[^\n;.,]{0,30}?các\s+cấp", re.IGNORECASE)
_CODE_DESIG = re.compile(r"\s+[“\"]?(?P<n>[A-Z]\d?)[”\"]?(?![\w])")
_QUOTED = re.compile(r"\s+[“\"]([^”\"\n]{2,400})[”\"]")
_QUOTE_CLOSE = re.compile(r"[^”\"\n]{2,400}?(?=[”\"])")
_DESC_END = re.compile(r"[;:\n]|\.(?=\s|$)|\s\((?=\d)|\s(?:cho|đã|để|nhằm|được|do)\s|"
                       r"(?<!đối)\svới\s|"
                       r"\svà\s+(?=[A-ZĐ\d])|,(?!\s*[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
                       r"ùúủũụưừứửữựỳýỷỹỵ])|$")
# the description ends in its year, maybe before its issuer ('huấn luyện năm 2024 của ...')
_YEAR_END = re.compile(r"\s(?:năm|giai\s+đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?(?:\s+của\s.+)?$")
# '... do Chủ tịch UBND tỉnh ký': the issuer after the description, which ends before 'do'
_DO_BY = re.compile(r"\s+do\s+([^,;.\n]{3,60}?)\s+(?:ban\s+hành|ký|phê\s+duyệt)(?!\w)")
_ISSUER_IN = re.compile(r"\s(?:của|do)\s+([^,]+?)(?=\s+về\b|,|$)")
_ORG_START = re.compile(r"(?:ban|bộ|ủy|đảng|chính\s+phủ|thủ\s+tướng)\s")
_SHORT_TAIL = re.compile(r"(?P<w>(?:[^\W\d]+\s+){0,2}[^\W\d]+)(?=\s*(?:[;,.:)(\n]|$)|\s+(?:năm|"
                         r"ngày|do|được|đã|có|cho|để|nhằm|tại|trong)\s)")


_LAW_NUMBER = re.compile(r"\ssố\s+(\d{1,5}/\d{4}/[A-ZĐ][\w-]*)")
_BY_BODY = re.compile(r"\s+(?:đại\s+hội|hội\s+nghị)\s")  # 'Nghị quyết Đại hội Đảng bộ tỉnh'
_ABOUT_SOON = re.compile(r"(?:\s+[^\W\d]+){1,2}\s+về\s")  # 'nghị quyết chuyên đề về ...'


@cache
def _lead_trigger(kind_word: str) -> re.Pattern[str]:
    """A word right before a lower-case kind word that makes it a document ('trao quyết
    định', 'vừa có quyết định', 'tuyên truyền luật'), not a verb or a common noun."""
    words = [r[0] for r in lexicon().rows("decree_cues.tsv") if r[1] == "trigger" and
             kind_word not in {fold(k) for k in (r[2].split(",") if len(r) > 2 else [])}]
    return re.compile(rf"(?<!\w)(?:{phrase_pattern(words)})\s+$")


@cache
def _subject_head() -> re.Pattern[str]:
    """The words that open an unnumbered document's subject: 'Quyết định thành lập ...'."""
    return re.compile(rf"\s+(?:{lexicon().decree_cues('subject')})(?!\w)")


@cache
def _counted() -> re.Pattern[str]:
    """A determiner or count right before a kind word: a plural, not one document."""
    return re.compile(rf"(?<![\w/.,-])(?:\d{{1,3}}|{lexicon().decree_cues('plural')})\s+"
                      r"(?:dự\s+thảo\s+|bản\s+|văn\s+bản\s+)?$")


@cache
def _law_end() -> re.Pattern[str]:
    """Where a law's name ends (on folded text); a 'và' is decided by `_name_goes_on`."""
    return re.compile(r"[;\n]|\.(?=\s|$)|(?<=\s(?:19|20)\d\d)(?![\w/])|"
                      r"\s(?:để|nhằm|được|đã|có|do|cho|tại|trong|khi|sẽ|đang)\s|(?P<and>\svà\s+)|"
                      rf",\s+(?!(?:{lexicon().decree_cues('law_comma')})(?!\w))(?=[^\W\d])|$")


@cache
def _not_law() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{lexicon().decree_cues('not_law')})(?!\w)")


@cache
def _body_after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{lexicon().decree_cues('body')})\s")


@cache
def _stop_words() -> frozenset[str]:
    """First words after 'và' that start a new phrase, not the rest of a name."""
    return frozenset(fold(r[0]) for r in lexicon().rows("decree_cues.tsv")
                     if r[1] in ("plural", "trigger", "subject"))


def generic(ctx: Ctx, start: int) -> bool:
    """'các Chỉ thị của ...', '03 Nghị định của Chính phủ, gồm:', 'các chủ trương, Nghị quyết
    của Đảng' name no one document ('Điều 5 Luật ...' is an article of one; a law in a
    list keeps its name)."""
    if ctx.folded.startswith("luật", start) and ctx.text[start + 5:start + 6].isupper():
        return False  # 'các Luật Quốc phòng, ...': each law is named
    m = _counted().search(ctx.folded, max(0, start - 25), start)
    if m is None and not ctx.folded.startswith("luật", start):
        m = _counted_list().search(ctx.folded, max(0, start - 160), start)
    return m is not None and not _article().search(ctx.folded, max(0, m.start() - 10), m.start())


@cache
def _counted_list() -> re.Pattern[str]:
    """A plural or count, then a few short list items, then the kind word."""
    return re.compile(rf"(?<![\w/.,-])(?:\d{{1,3}}|{lexicon().decree_cues('plural')})\s+"
                      r"(?:[^\W\d][^,;.:\n]{0,30}?(?:,|\svà|\shoặc)\s+){1,4}$")


@cache
def _article() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{lexicon().decree_cues('article')})\s+$")


def named(ctx: Ctx, kind: str, sub: str | None, start: int, pos: int) -> Decree | None:
    """The unnumbered document whose kind word spans start..pos, if the text names one."""
    text = ctx.text
    if _opens_quote(text, start):
        return _inside_quotes(ctx, kind, sub, start, pos)
    capital = text[start].isupper()
    trigger = _lead_trigger(fold(text[start:pos]))
    if not capital and not trigger.search(ctx.folded, max(0, start - 20), start):
        return None
    if kind == "Kế hoạch" and (code := _CODE_DESIG.match(text, pos)):
        return Decree(kind, sub, code.group("n"), text[start:code.end()].strip(),
                      spans=[(start, code.end())])
    if quoted := _QUOTED.match(text, pos):
        return Decree(kind, sub, None, text[start:quoted.end()], spans=[(start, quoted.end())])
    if session := _SESSION.match(text, pos):
        return Decree(kind, sub, None, text[start:session.end()], spans=[(start, session.end())])
    if kind == "Luật":
        return _law(ctx, start, pos)
    return _described(ctx, kind, sub, start, pos, capital)


def _opens_quote(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "“\""


def _inside_quotes(ctx: Ctx, kind: str, sub: str | None, start: int, pos: int) -> Decree | None:
    """'“Kế hoạch động viên quốc phòng”': the kind opens a quoted title."""
    if kind == "Kế hoạch" and (code := _CODE_DESIG.match(ctx.text, pos)):
        return Decree(kind, sub, code.group("n"), ctx.text[start:code.end()].strip("”\" "),
                      spans=[(start, code.end())])
    close = _QUOTE_CLOSE.match(ctx.text, pos)
    if close is None or not close.group(0).strip():
        return None
    end = close.end()
    return Decree(kind, sub, None, ctx.text[start:end].strip(), spans=[(start, end)])


def _law(ctx: Ctx, start: int, pos: int) -> Decree | None:
    """'Luật Giáo dục quốc phòng và an ninh', 'luật nghĩa vụ quân sự', '... ngày ... năm ...'."""
    if fold(ctx.text[max(0, start - 5):start]).endswith("pháp "):
        return None
    if _not_law().match(ctx.folded, pos):  # 'luật sư', 'Luật sư Kha Văn Tịnh'
        return None
    stop = _law_stop(ctx, start, pos)
    date = None
    if m := re.search(r"\sngày\s", ctx.text[pos:stop]):
        date, dend = iso_after(ctx.text, pos + m.start())
        stop = dend if date else stop
    elif m := re.search(r"\s(?:năm\s+)?((?:19|20)\d\d)$", ctx.text[pos:stop].rstrip()):
        date = iso(int(m.group(1)))  # 'Luật Nghĩa vụ quân sự năm 2015': the law's year
    number = _LAW_NUMBER.search(ctx.text, pos, stop)  # '... số 18/2023/QH15'
    return _if_long(Decree("Luật", None, number.group(1) if number else None,
                           ctx.text[start:stop].strip(), date, spans=[(start, stop)]), 2)


def _law_stop(ctx: Ctx, start: int, pos: int) -> int:
    at = pos
    while m := _law_end().search(ctx.folded, at):
        if m.group("and") is None or not _name_goes_on(ctx, start, m.end()):
            return m.start()
        at = m.end()
    return len(ctx.text)


def _name_goes_on(ctx: Ctx, start: int, nxt: int) -> bool:
    """After 'và': the rest of the name ('… quốc phòng và an ninh;'), or a new phrase?"""
    if lexicon().decree_kinds.regex.match(ctx.folded, nxt):  # 'Luật A và Luật B': two laws,
        return "sửa đổi" in ctx.folded[start:nxt]  # unless one law amends both
    if ctx.text[nxt:nxt + 1].isupper():
        return True
    tail = _SHORT_TAIL.match(ctx.folded, nxt)
    if tail is None:
        return False
    words = tail.group("w").split()
    return words[0] not in _stop_words() and " ".join(words[:2]) not in _stop_words()


def _described(ctx: Ctx, kind: str, sub: str | None, start: int, pos: int,
               capital: bool) -> Decree | None:
    """'quyết định thăng quân hàm ...', 'Kế hoạch huấn luyện của Bộ CHQS tỉnh': the subject
    opens with a subject head, or the description names a year or (capitalised) an issuer."""
    if (kind == "other" and sub == "Kết luận") or not ctx.text[pos:pos + 4].lstrip()[:1].isalpha():
        return None  # 'Kết luận' opens a closing speech; 'Nghị quyết, ...' refers back
    stop = _desc_stop(ctx, pos)
    surface = ctx.text[start:stop].strip()
    issuer = _ISSUER_IN.search(surface.split(" về ")[0]) or _DO_BY.match(ctx.text, stop)
    if issuer and issuer.re is _ISSUER_IN and surface[issuer.end():issuer.end() + 1] == ",":
        surface = surface[:issuer.end()]  # 'Nghị quyết của Tỉnh ủy, thực hiện ...': ends there
    opener = _also_verb(ctx.text[start:pos]) and not ctx.text[
        ctx.sentence_of(start)[0]:start].strip(" -–“\"")
    if not _opens_subject(ctx, pos, capital and not opener):
        if opener:  # capitalised only as the first word: 'Hướng dẫn các đơn vị ... năm 2024'
            return None
        by_org = capital and issuer is not None and (
            issuer.group(1)[:1].isupper() or _ORG_START.match(issuer.group(1)))
        if not by_org and not _YEAR_END.search(surface, pos - start + 1):  # not 'kế hoạch năm X'
            return None
    d = _if_long(Decree(kind, sub, None, surface, None, issuer.group(1) if issuer else None,
                        spans=[(start, start + len(surface))]), 3)
    if d is not None:
        d.bare = _bare(ctx, pos, start + len(surface))
        if issuer and _generic_issuer(issuer.group(1)):
            return None  # 'Nghị quyết của Đảng', 'Chỉ thị của cấp trên': no one document
    return d


def _generic_issuer(issuer: str) -> bool:
    words = fold(issuer)
    generic = lexicon().word_set("decree_cues.tsv", "generic_issuer")
    return words in generic or words.endswith(" các cấp")




def _also_verb(word: str) -> bool:
    row = lexicon().decree_kinds.get(word)
    return bool(row and len(row) > 4 and row[4] == "1")


def _bare(ctx: Ctx, pos: int, end: int) -> bool:
    """Nothing but the issuing body after the kind: 'của Tỉnh ủy', 'Đảng ủy' (short, no 'về')."""
    rest = ctx.folded[pos:end]
    if len(rest.split()) > 6 or re.search(r"\svề\s", rest) or _YEAR_END.search(rest):
        return False
    body = re.match(r"\s+(?:của\s+)?", rest)
    units = lexicon().units
    return body is not None and units.regex.match(ctx.folded, pos + body.end()) is not None


def _opens_subject(ctx: Ctx, pos: int, capital: bool) -> bool:
    """A subject head ('thành lập', 'về', ...) right after the kind word or 'về' a word or
    two later; a capitalised kind may also be followed by its issuing body ('Nghị quyết Đại
    hội Đảng bộ tỉnh', 'Chỉ thị Ban Thường vụ Tỉnh ủy')."""
    if _subject_head().match(ctx.folded, pos) or _ABOUT_SOON.match(ctx.folded, pos):
        return True
    nxt = pos + len(ctx.text[pos:pos + 8]) - len(ctx.text[pos:pos + 8].lstrip())
    return capital and ctx.text[nxt:nxt + 1].isupper() and bool(
        _BY_BODY.match(ctx.folded, pos) or lexicon().units.regex.match(ctx.folded, nxt))


def _desc_stop(ctx: Ctx, pos: int) -> int:
    """End of a description; a comma before another body a decision sets up goes on."""
    at = pos + 1
    while m := _DESC_END.search(ctx.text, at):
        nxt = m.end()
        if m.group(0) == "," and ctx.text[nxt:nxt + 2].strip()[:1].isupper() and \
                _body_after().match(ctx.folded, nxt):
            at = nxt
            continue
        return m.start()
    return len(ctx.text)


def _if_long(d: Decree, min_words: int) -> Decree | None:
    return d if len(d.surface.split()) > min_words else None
