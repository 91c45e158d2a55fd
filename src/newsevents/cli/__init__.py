"""The ``newsevents`` command: a thin click layer over the library.

Each group of commands lives in its own module and registers itself on ``main``.
"""

from __future__ import annotations

import click

from newsevents import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def main() -> None:
    """Turn news articles into a geocoded, source-attributed event database."""


def _register_commands() -> None:
    # Imported for their side effect of adding commands to ``main``.
    import newsevents.cli.link  # noqa: F401
    import newsevents.cli.store  # noqa: F401
    from newsevents.cli import analyze  # noqa: F401


_register_commands()
