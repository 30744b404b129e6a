"""Build the whole site: import seeds, then run Pelican for every script variant."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from . import buildcache

logger = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--settings", type=Path, default=None,
        help="settings file (default: pelicanconf.py, or publishconf.py with --publish)",
    )
    parser.add_argument("--publish", action="store_true", help="production build (publishconf.py)")
    parser.add_argument("--output", type=Path, default=None, help="output folder (default: output)")
    parser.add_argument("--force", action="store_true",
                        help="build even when nothing changed since the last build")


def settings_file(args: argparse.Namespace) -> Path:
    if args.settings:
        return args.settings
    return Path("publishconf.py" if args.publish else "pelicanconf.py")


def build_site(settings_path: Path, override: dict | None = None) -> None:
    """Run one Pelican build of the Simplified site from ``settings_path``."""
    settings = read_settings(str(settings_path), override=override or {})
    Pelican(settings).run()


def run(args: argparse.Namespace) -> int:
    override = {"OUTPUT_PATH": str(args.output)} if args.output else {}
    settings = read_settings(str(settings_file(args)), override=override)
    if not args.force and buildcache.skip_build(settings):
        return 0
    build_site(settings_file(args), override)
    buildcache.remember(settings)
    return 0
