"""Pelican wiring: one table from signal to handler. The work lives in sibling modules."""

from __future__ import annotations

from pelican import signals

from . import importer

# (signal, handler) pairs; handlers are module-level functions (signals hold weak references).
SIGNAL_HANDLERS = [
    (signals.initialized, importer.import_on_build),
]


def register() -> None:
    for signal, handler in SIGNAL_HANDLERS:
        signal.connect(handler)
