"""Markdown and HTML to plain text: front matter, links as their text, a news page's main text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_YAML_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE), ""),
    # MediaWiki left in a page's Markdown: an image with its caption ("[[File:Map.svg|thumb|Map of ...") is no
    # sentence of the text; a wiki link is its text; a one-line template ("{{cite news ...}}") goes
    (re.compile(r"^[ \t]*\[\[(?:File|Image|ملف|صورة):.*$", re.MULTILINE | re.IGNORECASE), ""),
    (re.compile(r"\[\[(?:[^\[\]|\n]{1,200}\|)?([^\[\]|\n]{1,200})\]\]"), r"\1"),
    (re.compile(r"\{\{[^{}\n]{0,1000}\}\}"), ""),
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (
        re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", re.MULTILINE),
        "",
    ),  # table rules
    (re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]+[^ \t\n]+.*$", re.MULTILINE), ""),  # reference definitions
    (
        re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE),
        r"\n\1\n",
    ),  # headings: own paragraph
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]*[*+\-•][ \t]+", re.MULTILINE), ""),  # bullets
    (re.compile(r"!\[[^\]\[\n]{0,500}\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}\)"), ""),  # images
    (
        re.compile(
            r"\[([^\]\[\n]{0,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"
        ),
        r"\1",
    ),
    (
        re.compile(
            r"\[(?:\^?\d{1,4}|\^\w{1,20}|[a-z]|note \d{1,4}|[a-z ]{1,40} needed|when\?|who\?|\d{1,4}[a-z]?|)\]"
        ),
        "",
    ),
    (re.compile(r"\[([^\]\[\n]{1,500})\]\[[^\]\[\n]{0,100}\]"), r"\1"),  # [text][ref]
    (re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w_])"), r"\1"),  # _italic_
    (re.compile(r"`([^`\n]{0,300})`"), r"\1"),  # inline code
    (re.compile(r"</?[a-zA-Z][^<>\n]{0,500}>"), " "),  # inline HTML tags
    (
        re.compile(r"^[ \t]*\|[ \t]*(.*?)[ \t]*\|[ \t]*$", re.MULTILINE),
        r"\1",
    ),  # table rows: cells stay, split by |
    (re.compile(r"[ \t]+$", re.MULTILINE), ""),
    (re.compile(r"\n{3,}"), "\n\n"),
)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (``---`` block at the top, all values as strings) and the Markdown after it."""
    m = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not m:
        return {}, text
    block, body = m.group(1), text.lstrip("\ufeff")[m.end() :]
    meta: dict[str, Any] = {}
    try:
        import yaml  # type: ignore[import-untyped]  # PyYAML comes with dask; fallback below

        loaded = yaml.load(block, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
        if isinstance(loaded, dict):
            meta = loaded
    except Exception:  # noqa: BLE001 - malformed front matter: keep the simple reading
        for line in block.splitlines():
            kv = _YAML_LINE.match(line)
            if kv:
                meta[kv.group(1)] = kv.group(2).strip("\"'")
    return meta, body


def markdown_to_text(markdown: str) -> str:
    """Markdown as plain sentences: links become their text, marks, images and reference markers go."""
    text = markdown
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text.strip("\n")


_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "nav",
    "aside",
    "footer",
    "object",
    "embed",
    "head",
)
_BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
)
_BOILER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:related|share|sharing|social|comments?|breadcrumbs?|newsletter|promo|adverts?|advertisement"
    r"|ads?|sidebar|widget|menu|navbar|nav|footer|masthead|tags|read-?more|recommended|most-?read|popular"
    r"|subscribe|cookies?|outbrain|taboola)(?:$|[\s_-])",
    re.IGNORECASE,
)
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)


@dataclass(frozen=True)
class HtmlPage:
    """What a news page gives: title, a published date string, canonical url and the body text."""

    title: str
    published: str
    url: str
    text: str


def _soup(html: str) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml")


_PARAGRAPH, _LINE = "\u2029", "\u2028"
_MAX_PARAGRAPHS = 2000  # enough for any article; bounds the work on pathological nesting
_HTML_SPACE = re.compile(r"[ \t\r\n\f\v\xa0]+")


def _element_text(element: Any) -> str:
    """Text of an element with one line per paragraph (block elements), inline links kept in place."""
    from bs4.element import PreformattedString

    parts: list[str] = []
    stack: list[Any] = [element]
    while stack:  # depth-first without recursion: pages can nest thousands deep
        node = stack.pop()
        if isinstance(node, str):
            if not isinstance(node, PreformattedString):
                parts.append(str(node))
            continue
        if node.name == "br":
            parts.append(_LINE)
            continue
        block = node.name in _BLOCK_TAGS
        if block:
            parts.append(_PARAGRAPH)
            stack.append(_PARAGRAPH)
        stack.extend(reversed(node.contents))
    text = _HTML_SPACE.sub(" ", "".join(parts)).replace(_PARAGRAPH, "\n\n").replace(_LINE, "\n")
    lines = (line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_fragment_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item's description, a JSON field holding HTML)."""
    soup = _soup(html)
    for tag in soup.find_all(("script", "style", "noscript", "template")):
        tag.decompose()
    return _element_text(soup)


def _meta(soup: Any, *names: str) -> str:
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key in names and (tag.get("content") or "").strip():
            return str(tag["content"]).strip()
    return ""


def _json_ld_date(soup: Any) -> str:
    for script in soup.find_all("script", type="application/ld+json"):
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.get_text() or "")
        if match:
            return match.group(1)
    return ""


def _is_boiler_block(tag: Any) -> bool:
    if tag.name in ("html", "body", "article", "main") or tag.get("itemprop") == "articleBody":
        return False
    attrs = " ".join([*(tag.get("class") or []), str(tag.get("id") or ""), str(tag.get("role") or "")])
    return bool(attrs.strip()) and bool(_BOILER_CLASS.search(attrs))


def _main_container(soup: Any) -> Any:
    """The element that holds the story: articleBody, the largest <article>, <main>, or the densest block."""
    body = soup.find(attrs={"itemprop": "articleBody"})
    if body is not None:
        return body
    articles = soup.find_all("article")
    if articles:
        lengths, _ = _tag_facts(soup)
        return max(articles, key=lambda a: lengths.get(id(a), 0))
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main
    lengths, _ = _tag_facts(soup)
    scores: dict[int, tuple[Any, int]] = {}  # by id(): hashing a bs4 Tag serialises its whole subtree
    for p in soup.find_all("p", limit=_MAX_PARAGRAPHS):
        if p.parent is not None:
            parent, score = scores.get(id(p.parent), (p.parent, 0))
            scores[id(p.parent)] = (parent, score + lengths.get(id(p), 0))
    best, best_score = None, 0
    for parent, score in scores.values():
        if score > best_score:
            best, best_score = parent, score
    return best if best is not None else (soup.body or soup)


def _decomposed(tag: Any) -> bool:
    """Was ``tag`` removed (with an ancestor)? Read from its own attributes: bs4's ``decomposed``
    property looks up ``_decomposed``, which a live Tag turns into a search of its whole subtree."""
    return bool(vars(tag).get("_decomposed"))


def _tag_facts(root: Any) -> tuple[dict[int, int], dict[int, bool]]:
    """One pass over the tree under ``root`` (linear however deep it nests), by ``id()`` of each tag:
    the length of its text, and whether it holds an <article>, <main> or articleBody below it."""
    from bs4.element import NavigableString, PreformattedString, Tag

    length: dict[int, int] = {}
    holds: dict[int, bool] = {}
    nodes = [root, *root.descendants]
    for node in reversed(nodes):  # children before their parents
        if isinstance(node, Tag):
            n = length.setdefault(id(node), 0)
            story = holds.setdefault(id(node), False) or (
                node.name in ("article", "main") or node.get("itemprop") == "articleBody"
            )
        else:
            text = isinstance(node, NavigableString) and not isinstance(node, PreformattedString)
            n, story = (len(node) if text else 0), False
        parent = node.parent
        if node is not root and parent is not None:
            length[id(parent)] = length.get(id(parent), 0) + n
            holds[id(parent)] = holds.get(id(parent), False) or story
    return length, holds


def parse_html_page(html: str) -> HtmlPage:
    """Title, date, url and main text of a news page, without navigation, asides, footers, related blocks."""
    soup = _soup(html)
    title = _meta(soup, "og:title", "twitter:title")
    published = _meta(soup, *_PUBLISHED_META) or _json_ld_date(soup)
    url = _meta(soup, "og:url")
    if not url:
        canonical = soup.find("link", rel="canonical")
        url = str(canonical.get("href") or "") if canonical is not None else ""
    if not published:
        stamp = soup.find(attrs={"itemprop": "datePublished"}) or soup.find("time")
        if stamp is not None:
            published = str(stamp.get("datetime") or stamp.get("content") or stamp.get_text() or "")
    if not title:
        h1 = soup.find("h1")
        title_tag = soup.find("title")
        title = (h1 or title_tag).get_text(" ", strip=True) if (h1 or title_tag) is not None else ""
    for tag in soup.find_all(_DROP_TAGS):
        if not _decomposed(tag):
            tag.decompose()
    in_article: dict[int, bool] = {}
    for tag in soup.find_all(True):  # document order: a parent before its children
        in_article[id(tag)] = tag.name == "article" or in_article.get(id(tag.parent), False)
    for tag in soup.find_all("header"):
        if not _decomposed(tag) and not in_article[id(tag)]:
            tag.decompose()
    lengths, holds_story = _tag_facts(soup)
    total = lengths.get(id(soup), 0)
    for tag in soup.find_all(True):
        if _decomposed(tag) or not _is_boiler_block(tag):
            continue
        if not holds_story.get(id(tag)) and lengths.get(id(tag), 0) < 0.5 * total:
            tag.decompose()
    return HtmlPage(" ".join(title.split()), published, url, _element_text(_main_container(soup)))
