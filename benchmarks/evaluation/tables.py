"""The evaluation's data tables, and the one function that reads every TSV or YAML file it uses.

The tables beside this module (`data/*.tsv`) say how a gold set's codes and labels map onto ours;
they belong to the benchmarks, not to the product. Every table or YAML file the evaluation code
reads (these tables, the quality-gate floors, the product's own sector list) goes through
`read_data`, so that one function can later hand the work to the product's data-file reader and
the evaluation keeps one error format (`file:line -> field: message`, code E202).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newsevents.errors import ResourceError

DATA = Path(__file__).resolve().parent / "data"


def read_data(source: str | Path, columns: tuple[str, ...] | None = None) -> Any:
    """Read a TSV table (rows as tuples, header checked against `columns`) or a YAML file.

    A bare file name is looked up in this package's `data/` folder. TSV files have `#` comments,
    a header line equal to `columns` and the same number of tab-separated cells on every row;
    a YAML file is returned as parsed (`columns` is not used). Errors name the file and line.
    """
    path = DATA / source if isinstance(source, str) else source
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError("E202", detail=f"{path}: cannot read ({exc.strerror})") from exc
    if path.suffix in (".yml", ".yaml"):
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
            raise ResourceError("E202", detail=f"{path}:{line} -> yaml: {exc}") from exc
    return _tsv_rows(path, text, columns or ())


def _tsv_rows(path: Path, text: str, columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Rows after the header; a wrong header or a short row stops with file:line (E202)."""
    rows: list[tuple[str, ...]] = []
    header = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) != len(columns):
            raise ResourceError(
                "E202", detail=f"{path}:{number} -> row: expected {len(columns)} tab-separated columns"
            )
        if not header:
            if cells != columns:
                raise ResourceError("E202", detail=f"{path}:{number} -> header: expected {'/'.join(columns)}")
            header = True
            continue
        rows.append(cells)
    return rows
