"""Main text of a news page: the article body, without menus, scripts and footers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_DROP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
         "svg", "button", "select", "template"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
          "section", "figcaption", "blockquote", "main", "td", "dd", "dt"}
_CHROME = re.compile(r"\b(menu|nav|footer|header|sidebar|breadcrumb|share|social|comment|"
                     r"related|banner|advert|ads?|cookie|popup|toolbar|tags?|login)\b", re.I)
_VOID = {"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source",
         "track", "wbr"}
_DATE_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "date",
              "og:published_time", "dc.date")


@dataclass
class Page:
    """What a page says: its main text, title and publication date (ISO, when given)."""

    text: str
    title: str | None = None
    published: str | None = None


@dataclass
class _State:
    chunks: dict[str, list[str]] = field(default_factory=lambda: {"all": [], "main": []})
    title: list[str] = field(default_factory=list)
    published: str | None = None
    skip: int = 0
    main: int = 0
    in_title: bool = False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.s = _State()
        self.stack: list[tuple[str, bool, bool]] = []  # tag, skipping, main

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "title":
            self.s.in_title = True
        if tag in _VOID:
            if tag == "br":
                self._text("\n")
            return
        chrome = tag in _DROP or bool(_CHROME.search(a.get("class", "") + " " + a.get("id", "")))
        main = tag in ("article", "main") or a.get("itemprop") == "articleBody"
        self.stack.append((tag, chrome, main))
        self.s.skip += chrome
        self.s.main += main
        if tag in _BLOCK:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.s.in_title = False
        while self.stack:
            name, chrome, main = self.stack.pop()
            self.s.skip -= chrome
            self.s.main -= main
            if name == tag:
                break
        if tag in _BLOCK:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if self.s.in_title:
            self.s.title.append(data)
        elif not self.s.skip:
            self._text(data)

    def _text(self, data: str) -> None:
        if self.s.skip:
            return
        self.s.chunks["all"].append(data)
        if self.s.main:
            self.s.chunks["main"].append(data)

    def _meta(self, a: dict[str, str]) -> None:
        name = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        if name in _DATE_META and not self.s.published:
            m = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", a.get("content", "").strip())
            self.s.published = m.group(0) if m else None
        if name == "og:title" and not self.s.title:
            self.s.title.append(a.get("content", ""))


def html_to_text(markup: str) -> Page:
    """Main text of an HTML page: the `<article>`/`<main>` body when there is one, else the
    page without its chrome; one paragraph a line.

    >>> html_to_text("<nav>Trang chủ</nav><article><p>Sáng 9/10, hội nghị...</p></article>").text
    'Sáng 9/10, hội nghị...'
    """
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    s = reader.s
    body = "".join(s.chunks["main"]) or "".join(s.chunks["all"])
    lines = (" ".join(line.split()) for line in body.splitlines())
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(s.title).split()) or None
    return Page(text, title, s.published)
