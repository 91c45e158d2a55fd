"""``newsevents analyze``: articles in, one Analysis per article out (JSON Lines or a JSON array).

Every input that cannot be read or analyzed gets one ``error: <input>: <problem>`` line on standard
error and the rest are still written; the exit status is 1 when anything failed (2 for usage errors,
130 when interrupted, with everything analyzed so far written).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from newsevents.cli import main
from newsevents.model import Article
from newsevents.read import ReadError, read_inputs


@main.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="JSON Lines (one Analysis per line) or one JSON array.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write; '-' for standard output.")
@click.pass_context
def analyze_command(ctx: click.Context, inputs: tuple[str, ...], fmt: str, output: str) -> None:
    """Analyze INPUTS (files, folders, globs, '-' for stdin) and write one Analysis per article.

    Formats are recognised by extension or content: the seed format, plain text, JSON Lines / JSON,
    HTML pages and RSS/Atom feeds.
    """
    from newsevents.analyze import default_analyzer
    from newsevents.nlp import ModelMissing

    _report_read_warnings()
    try:
        # A caller embedding the command (or a test) may hand in its own configured analyzer.
        analyzer = (ctx.obj or {}).get("analyzer") or default_analyzer()
    except ModelMissing as exc:
        raise click.ClickException(str(exc)) from None
    tally = _Tally()
    try:
        out: IO[str] = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    except OSError as exc:
        raise click.FileError(output, hint=exc.strerror or str(exc)) from None
    writer = _Writer(out, fmt)
    try:
        exclude = () if output == "-" else (output,)
        for article, result in analyzer.analyze_many(tally.articles(inputs, exclude)):
            if isinstance(result, Exception):
                tally.fail(article.source or article.id, _describe(result))
            else:
                writer.write(result.to_dict())
                tally.written += 1
        writer.close()
    except KeyboardInterrupt:
        writer.close()
        click.echo(f"interrupted: {tally.written} analyses written", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `newsevents analyze ... | head`: the reader has gone, nothing to report
        # Point stdout at /dev/null so the interpreter's final flush does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    finally:
        if out is not sys.stdout:
            out.close()
    if tally.failed:
        click.echo(f"{tally.written} analyzed, {tally.failed} failed", err=True)
        sys.exit(1)


class _Tally:
    def __init__(self) -> None:
        self.written = 0
        self.failed = 0

    def articles(self, inputs: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Article]:
        for item in read_inputs(inputs, exclude=exclude):
            if isinstance(item, ReadError):
                self.fail(item.input, item.problem)
            else:
                yield item

    def fail(self, input: str, problem: str) -> None:
        self.failed += 1
        click.echo(f"error: {input}: {problem}", err=True)


class _Writer:
    """Streams analyses out as they come, so a long run's output is usable before it ends."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.count = 0
        self.closed = False

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False)
        if self.fmt == "json":
            line = ("[\n" if self.count == 0 else ",\n") + line
        else:
            line += "\n"
        self.out.write(line)
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def _describe(exc: Exception) -> str:
    from newsevents.analyze import ArticleTooLong

    # Errors the frame raises on purpose read as sentences; anything else is a bug worth naming.
    if isinstance(exc, ArticleTooLong):
        return str(exc)
    return f"analysis failed ({type(exc).__name__}: {exc})"


class _WarningLines(logging.Handler):
    """Reader warnings (kept articles with dropped metadata) as ``warning: ...`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"warning: {record.getMessage()}", err=True)


def _report_read_warnings() -> None:
    logger = logging.getLogger("newsevents.read")
    if not any(isinstance(h, _WarningLines) for h in logger.handlers):
        logger.addHandler(_WarningLines(logging.WARNING))
        logger.propagate = False
