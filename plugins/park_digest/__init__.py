"""park-digest: raw news articles in, a two-script Pelican site out."""

from .plugin import register

__all__ = ["register"]
