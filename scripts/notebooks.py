"""Keep the analysts' notebooks committed without outputs.

    python scripts/notebooks.py check [FOLDER]   # exit 1 naming each notebook with outputs
    python scripts/notebooks.py strip [FOLDER]   # remove outputs and execution counts

Outputs hold the data a notebook ran on (document text, reviewers' names) and make every
diff unreadable; `make lint` runs the check, `make notebooks-strip` the strip.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

FOLDER = Path(__file__).resolve().parent.parent / "notebooks"


def dirty_cells(notebook: nbformat.NotebookNode) -> list[int]:
    """Indices of the code cells that carry outputs or an execution count."""
    return [
        i
        for i, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]


def check(folder: Path) -> int:
    bad = 0
    for path in sorted(folder.glob("*.ipynb")):
        cells = dirty_cells(nbformat.read(path, as_version=4))
        if cells:
            bad += 1
            print(
                f"{path}: outputs in cell(s) {', '.join(map(str, cells))}: "
                f"run `make notebooks-strip` before committing",
                file=sys.stderr,
            )
    return 1 if bad else 0


def strip(folder: Path) -> int:
    for path in sorted(folder.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        if dirty_cells(notebook):
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    cell.outputs = []
                    cell.execution_count = None
            nbformat.write(notebook, path)
            print(f"stripped {path}")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("check", "strip"):
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1]) if len(argv) > 1 else FOLDER
    return check(folder) if argv[0] == "check" else strip(folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
