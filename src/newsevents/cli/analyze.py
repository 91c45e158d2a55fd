"""``newsevents analyze``: articles in, one Analysis per article out (JSON Lines or a JSON array)."""

from __future__ import annotations

import json
import sys

import click

from newsevents.analyze import default_analyzer
from newsevents.cli import main
from newsevents.read import ReadError, read_inputs


@main.command("analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write; '-' for standard output.")
def analyze_command(inputs: tuple[str, ...], fmt: str, output: str) -> None:
    """Analyze INPUTS (files, folders, globs, '-' for stdin) and write one Analysis per article."""
    failed = 0
    articles = []

    def good_articles():
        nonlocal failed
        for item in read_inputs(inputs):
            if isinstance(item, ReadError):
                failed += 1
                click.echo(f"error: {item}", err=True)
            else:
                articles.append(item)
                yield item

    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    try:
        results = []
        for article, result in default_analyzer().analyze_many(good_articles()):
            if isinstance(result, Exception):
                failed += 1
                click.echo(f"error: {article.source or article.id}: {result}", err=True)
                continue
            if fmt == "jsonl":
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            else:
                results.append(result.to_dict())
        if fmt == "json":
            json.dump(results, out, ensure_ascii=False, indent=2)
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if failed:
        sys.exit(1)
