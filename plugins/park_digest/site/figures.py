"""Python-Markdown extension: a paragraph holding only an image becomes a ``<figure>``.

``![caption](src)`` alone in a paragraph renders as
``<figure><img alt="caption" src=… decoding="async"><figcaption>caption</figcaption></figure>``;
every image after the first is ``loading="lazy"``. A source that is a bare file name (the
importer writes it so when the image file was not found beside the seed) stands for a picture
that is not there: it becomes a compact caption card, ``<figure class="figure-missing">`` with
only a ``<figcaption>`` led by a short label (〔图略〕, "picture omitted"), so no empty box, no
``alt`` repeating the caption and no image that does not exist, on screen, in print and in
feeds alike.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

_BARE_NAME = re.compile(r"^[^/:{}]+\.[A-Za-z0-9]{2,5}$")


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
                missing = is_missing(img.get("src", ""))
                parent[index] = self.make_figure(img, count)
                count += not missing  # the first real image loads at once

    def make_figure(self, img: etree.Element, count: int) -> etree.Element:
        figure = etree.Element("figure")
        caption = img.get("alt", "")
        img.tail = None
        if is_missing(img.get("src", "")):
            return self.caption_card(img.get("src", ""), caption)
        if count:
            img.set("loading", "lazy")
        img.set("decoding", "async")
        figure.append(img)
        if caption:
            figcaption = etree.SubElement(figure, "figcaption")
            figcaption.text = caption
        return figure


    def caption_card(self, name: str, caption: str) -> etree.Element:
        figure = etree.Element("figure")
        figure.set("class", self.config["missing_class"])
        figure.set("data-missing", name)
        figcaption = etree.SubElement(figure, "figcaption")
        label = etree.SubElement(figcaption, "span")
        label.set("class", self.config["missing_class"] + "-label")
        label.text = self.config["missing_label"]
        label.tail = caption or None
        return figure


class FigureExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "missing_class": ["figure-missing", "class of a figure whose image file is missing"],
            "missing_label": ["〔图略〕", "words that open the caption card of a missing image"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # after inline patterns (20) made the <img> and attr_list (8) took its {: width=…}
        md.treeprocessors.register(FigureTreeprocessor(md, self.getConfigs()), "park_figures", 6)


def makeExtension(**kwargs) -> FigureExtension:
    return FigureExtension(**kwargs)
