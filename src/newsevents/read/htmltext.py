"""HTML fragments (feed entry content) to plain text: one line per block, inline markup dropped."""

from __future__ import annotations

import html
import re

import lxml.html
from lxml import etree

_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "tr", "ul",
}
_DROP = {"script", "style", "noscript", "template", "iframe", "object", "svg"}
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment; blocks (paragraphs, headings, list items) on their own lines."""
    if "<" not in markup:
        return _tidy(html.unescape(markup))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(html.unescape(re.sub(r"<[^>]*>", " ", markup)))
    parts: list[str] = []
    _walk(root, parts)
    return _tidy("".join(parts))


def _walk(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else None  # None: comment, PI
    if tag in _DROP:
        return
    if tag == "br":
        parts.append("\n")
    block = tag in _BLOCKS
    if block:
        parts.append("\n")
    if tag is not None and element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
