"""park-digest: raw news articles in, a two-script Pelican site out."""


def register() -> None:
    """Pelican's entry point. The wiring is imported here, not with the package, so that the
    ``park-digest`` command and the importer start without loading every Pelican hook."""
    from park_digest.site.plugin import register as connect_signals

    connect_signals()


__all__ = ["register"]
