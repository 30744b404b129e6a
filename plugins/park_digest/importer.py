"""Import raw seeds into content/articles (being written; see issue 2)."""

from __future__ import annotations

import argparse


def import_on_build(pelican) -> None:  # noqa: ARG001 - filled in with the importer
    return None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("seeds", nargs="*")


def run(args: argparse.Namespace) -> int:
    raise SystemExit("park-digest import: not ready yet")
