"""The ``park-digest`` console command: one sub-command per module, from one table."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

# sub-command -> module exposing add_arguments(parser) and run(args) -> int exit status
COMMANDS = {
    "import": "park_digest.importer",
    "build": "park_digest.build",
    "sync": "park_digest.sync.command",
    "review": "park_digest.review",
    "serve": "park_digest.devserver",
    "check": "park_digest.check",
}


def _chosen(argv: list[str]) -> list[str]:
    """The sub-command named on the command line, alone; every one when none is (for --help).

    Importing only the chosen command's module keeps start-up short: ``sync`` pulls in boto3.
    """
    named = [a for a in argv if not a.startswith("-")][:1]
    return named if named and named[0] in COMMANDS else list(COMMANDS)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="park-digest", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="show debug messages")
    sub = parser.add_subparsers(dest="command", required=True)
    modules = {}
    for name in _chosen(argv):
        module = importlib.import_module(COMMANDS[name])
        modules[name] = module
        doc = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else None
        module.add_arguments(sub.add_parser(name, help=doc, description=module.__doc__))
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s: %(message)s",
    )
    return modules[args.command].run(args)


if __name__ == "__main__":
    sys.exit(main())
