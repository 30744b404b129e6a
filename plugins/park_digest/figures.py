"""Python-Markdown extension: a paragraph holding only an image becomes a ``<figure>``.

``![caption](src)`` alone in a paragraph renders as
``<figure><img alt="caption" src=… decoding="async"><figcaption>caption</figcaption></figure>``;
every image after the first is ``loading="lazy"``. A source that is a bare file name (the
importer writes it so when the image file was not found beside the seed) becomes a neutral
placeholder that keeps the layout, with ``class="figure-missing"`` on the figure.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from urllib.parse import quote

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

_BARE_NAME = re.compile(r"^[^/:{}]+\.[A-Za-z0-9]{2,5}$")
PLACEHOLDER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">'
    '<rect width="800" height="450" fill="#e8e6e1"/>'
    '<path d="M330 290l60-80 50 60 30-35 60 55z" fill="#c9c5bc"/>'
    '<circle cx="470" cy="180" r="22" fill="#c9c5bc"/></svg>'
)
PLACEHOLDER_SRC = "data:image/svg+xml," + quote(PLACEHOLDER_SVG)


def is_missing(src: str) -> bool:
    """A bare file name (``1.jpg``) stands for an image that was not found beside the seed."""
    return bool(_BARE_NAME.match(src))


class FigureTreeprocessor(Treeprocessor):
    def __init__(self, md, config: dict) -> None:
        super().__init__(md)
        self.config = config

    def run(self, root: etree.Element) -> None:
        count = 0
        for parent in root.iter():
            for index, p in enumerate(list(parent)):
                if p.tag != "p" or len(p) != 1 or p[0].tag != "img":
                    continue
                img = p[0]
                if (p.text or "").strip() or (img.tail or "").strip():
                    continue
                parent[index] = self.make_figure(img, count)
                count += 1

    def make_figure(self, img: etree.Element, count: int) -> etree.Element:
        figure = etree.Element("figure")
        caption = img.get("alt", "")
        img.tail = None
        if is_missing(img.get("src", "")):
            figure.set("class", self.config["missing_class"])
            figure.set("data-missing", img.get("src", ""))
            img.set("src", PLACEHOLDER_SRC)
            img.set("width", "800")
            img.set("height", "450")
        if count:
            img.set("loading", "lazy")
        img.set("decoding", "async")
        figure.append(img)
        if caption:
            figcaption = etree.SubElement(figure, "figcaption")
            figcaption.text = caption
        return figure


class FigureExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "missing_class": ["figure-missing", "class of a figure whose image file is missing"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # after inline patterns (20) made the <img> and attr_list (8) took its {: width=…}
        md.treeprocessors.register(FigureTreeprocessor(md, self.getConfigs()), "park_figures", 6)


def makeExtension(**kwargs) -> FigureExtension:
    return FigureExtension(**kwargs)
