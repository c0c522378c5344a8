"""Write docs/cli.md from the commands' own --help, so the reference cannot drift from the code.

Run: python scripts/cli_reference.py   (a test fails when docs/cli.md is out of date)
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsevents.cli import main

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def render() -> str:
    """The whole reference as Markdown: the group's help, then each command's."""
    parts = ["# Command reference\n", "Generated from `--help` by `python scripts/cli_reference.py`.\n"]
    width = {"terminal_width": 100, "max_content_width": 100}
    ctx = main.make_context("newsevents", [], resilient_parsing=True, **width)
    parts.append(f"```\n{main.get_help(ctx)}\n```\n")
    for name in sorted(main.list_commands(ctx)):
        command = main.get_command(ctx, name)
        assert command is not None
        sub = command.make_context(name, [], parent=ctx, resilient_parsing=True, **width)
        parts.append(f"## newsevents {name}\n\n```\n{command.get_help(sub)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}\n")
