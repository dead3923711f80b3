"""Regenerate data/samples (the files `make demo` scans).

    .venv/bin/python data/make_samples.py

Needs a CJK TrueType font (Debian: fonts-wqy-zenhei, installed by `make install`) and
LibreOffice (libreoffice-writer-nogui, likewise), which saves the old Word 97 .doc.
The files are committed so the demo and the tests do not depend on this script.
"""

import sys
from pathlib import Path

# The builders live with the tests' fixtures (tests/fixtures/samples.py), beside the repo root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fixtures.samples import write_samples

if __name__ == "__main__":
    folder = Path(__file__).resolve().parent / "samples"
    for path in write_samples(folder):
        print(path.relative_to(folder.parent.parent))
