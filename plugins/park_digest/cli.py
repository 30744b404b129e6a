"""The ``park-digest`` console command: one sub-command per module, from one table."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from park_digest.settings import SettingsFileError

# sub-command -> module exposing add_arguments(parser) and run(args) -> int exit status
COMMANDS = {
    "import": "park_digest.ingest.importer",
    "build": "park_digest.build.pipeline",
    "sync": "park_digest.publish.sync.command",
    "review": "park_digest.variants.review",
    "serve": "park_digest.preview.devserver",
    "check": "park_digest.publish.check",
}


VERBOSE_HELP = ("say more: each file a build writes, copies or removes (build prints only "
                "problems, progress and a summary without it); twice: debug messages")


def _chosen(argv: list[str]) -> list[str]:
    """The sub-command named on the command line, alone; every one when none is (for --help).

    Importing only the chosen command's module keeps start-up short: ``sync`` pulls in boto3.
    """
    named = [a for a in argv if not a.startswith("-")][:1]
    return named if named and named[0] in COMMANDS else list(COMMANDS)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="park-digest", description=__doc__)
    parser.add_argument("-v", "--verbose", action="count", default=0, help=VERBOSE_HELP)
    # also after the sub-command (`park-digest build -v`); SUPPRESS keeps a -v given before it
    verbose = argparse.ArgumentParser(add_help=False)
    verbose.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                         help=VERBOSE_HELP)
    sub = parser.add_subparsers(dest="command", required=True)
    modules = {}
    for name in _chosen(argv):
        module = importlib.import_module(COMMANDS[name])
        modules[name] = module
        doc = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else None
        module.add_arguments(sub.add_parser(name, help=doc, description=module.__doc__,
                                            parents=[verbose]))
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s: %(message)s",
    )
    try:
        return modules[args.command].run(args)
    except SettingsFileError as e:
        logging.getLogger("park_digest").error("%s", e)
        return 2


if __name__ == "__main__":
    sys.exit(main())
