"""Read the articles' YAML front matter with libyaml: the same metadata, about ten times faster.

pelican-yaml-metadata parses front matter with PyYAML's pure-Python loader, which on a long
front matter (authors, images with captions) costs more than converting the Markdown body. This
reader is that plugin's reader with the C loader; everything else (which keys, how they become
Pelican metadata) is the plugin's. It is registered on ``readers_init`` after the plugin's own
(``PLUGINS`` lists ``yaml_metadata`` before ``park_digest``), so it takes over the same suffixes.
"""

from __future__ import annotations

import logging
from typing import Any

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

logger = logging.getLogger(__name__)

# libyaml's loader when PyYAML was built with it, else the pure-Python one (same results).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FastYAMLMetadataReader(YAMLMetadataReader):
    def _load_yaml_metadata(self, text: str, source_path: str) -> dict[str, Any]:
        try:
            metadata = yaml.load(text, Loader=LOADER)
        except yaml.YAMLError as e:
            logger.error("%s: the front matter between the --- lines is not valid YAML (%s); "
                         "fix it or delete the file to import its seed again", source_path, e)
            return {}
        if not isinstance(metadata, dict):
            logger.error("%s: the front matter is not a list of `key: value` lines",
                         source_path)
            return {}
        return self._parse_yaml_metadata(metadata, source_path)


def add_reader(readers: Any) -> None:
    """``readers_init`` signal: read front-matter Markdown with :class:`FastYAMLMetadataReader`."""
    for suffix in FastYAMLMetadataReader.file_extensions:
        readers.reader_classes[suffix] = FastYAMLMetadataReader
