"""The evaluation's data tables, and the one function that reads every TSV or YAML file it uses.

The tables beside this module (`data/*.tsv`) say how a gold set's codes and labels map onto ours;
they belong to the benchmarks, not to the product. Every table or YAML file the evaluation code
reads (these tables, the quality-gate floors, the product's own sector list) goes through
`read_data`, which hands the work to the product's one data-file reader, so the evaluation
keeps the product's error format (`file:line -> field: message`, code E202).
"""

from __future__ import annotations

from pathlib import Path

from newsevents.data import reader

DATA = Path(__file__).resolve().parent / "data"


def read_data(source: str | Path, columns: tuple[str, ...] | None = None) -> object:
    """Read a TSV table (rows as tuples, header checked against `columns`) or a YAML file.

    A bare file name is looked up in this package's `data/` folder. TSV files have `#` comments,
    a header line equal to `columns` and one cell per column on every row; a YAML file is
    returned as parsed (`columns` is not used). Both go through the product's data reader, so
    errors name the file and line the same way (E202).
    """
    path = DATA / source if isinstance(source, str) else source
    if path.suffix in (".yml", ".yaml"):
        return reader.document(path)
    records = reader.rows(path, columns or (), strict=True)
    return [tuple(str(r.values[c]) for c in columns or ()) for r in records]
