"""Exact-match accuracy of GB/T 9704 metadata on ../shared/devset and devset2, per field,
input format and part of the split.

    .venv/bin/python benchmarks/metadata.py [--shared ../shared] [--errors] [--generated N]
        [--varied N] [--spaced N] [--eleventh N] [--fourteenth N] [--fifteenth N]
        [--sixteenth N] [--seventeenth N] [--eighteenth N] [--nineteenth N] [--twentieth N] [--seed S]
        [--tuned-only]

Rows: the texts (texts/*.txt), the docx (docs/) and the PDFs (pdf/) of both sets, each
read through the real ingestion path, printed for the documents rules were tuned on and,
apart, for those they were not (data/devset_split.json). A value where gold is null counts
as wrong, as does a null where gold has a value. Target: every field >= 0.97.
The "generated" rows measure N drafts (default 600) of tests/fixtures/metadata_layouts.py —
layouts from GB/T 9704 and drafting habits, not from the devset: joint 版头 and 落款, titles
over three lines, headings without 关于, case papers, tables, 附件 pages, page numbers,
and the offices' layouts of tests/fixtures/metadata_layouts_office.py (a 收文 box or stamp
above the 版头, running heads and feet, joint 标志 as a table, 此页无正文 and seal text in
the 落款, 附件 signed by another organ, letter-spaced case papers) — as texts, and a third of them as .docx and as PDF (LibreOffice), on the fields each pins; the
.docx typeset as offices do (tests/fixtures/metadata_office_docx.py: titles in runs or split
paragraphs or broken by w:br, in a one-cell table or a text box, the 版头 in the page
header, the organ centred as the title over a 执法文书, the 标志 as a picture, a red border line, the marks in a table;
the 标题 style, titles padded by full-width spaces or pushed by a tab, in a narrow middle
cell, with an ornament at the end, a status line in smaller 楷体, the 红头 in a table,
a 签发 box above the 版头); "pdf-r" rows: the same third typeset
by tests/fixtures/metadata_office_pdf.py (reportlab: red 标志, centred title lines, the
落款 right-aligned, page numbers — 1 —), another producer's text layer.
The "varied" rows (``--varied N``, default 300) do the same with the drafts of
tests/fixtures/metadata_varied.py on their own seed: titles holding digits, quotes, 暨 and a
bracketed remark with a comma, rules with a revision status, 纪要 under a banner, speeches
with a subtitle, 题本, 笔录 and 信函格式 函 — layouts no rule was written from. The "spaced" rows (``--spaced N``) the drafts of
tests/fixtures/metadata_spaced.py: titles with half-width spaces and Latin/digit tokens,
书名号 titles wrapped inside the quotes, headings without 关于, joint issuers, 第…号 with
half-width brackets, dates from the 落款, 印发 and 询问时间 lines. The "eleventh" rows
(``--eleventh N``) the drafts of tests/fixtures/metadata_eleventh.py: titles whose first
line is the place or the organ alone, broken after 关于, inside the organ's name, before
的+type or inside 《》/（）, unevenly centred, under marks in any order; 命令（令）, 公告 and
通告 without 关于, a 通知 issuing a 办法/意见/方案, 纪要 of the Nth meeting, 信函格式 —
half of their docx and pdf-r files written by tests/fixtures/metadata_eleventh_files.py
(a section break before the title, bold runs in several fonts, Heading 1/Title styles;
characters drawn one by one, lines out of order, spread spacing). The "fourteenth" rows
(``--fourteenth N``, default none) the drafts of tests/fixtures/metadata_fourteenth.py, by a
hand that wrote no reader rule: half titled by real titles read from ../shared/data at run
time (composed shapes only when it is absent), broken where offices break them, under
heads with marks in any order, 发文字号 left, centred or right, 签发人, 落款 with only the
date under a 版头 or a title naming the organ. The "fifteenth" rows (``--fifteenth N``)
papers of tests/fixtures/metadata_fifteenth.py that are no 文件-style 公文 (执法文书, 笔录,
送达回证, 审批表, 公示, 情况说明, 答复书, 题本, 纪要, 简报, 督查通报). The "sixteenth" rows
(``--sixteenth N``) the drafts of tests/fixtures/metadata_sixteenth.py (转发 with nested
brackets, 的+type on its own line, 签发人 beside the number, speeches, 2–4 joint organs,
公报 reprints, 附件 reprints, OCR'd scans), their files all by
tests/fixtures/metadata_sixteenth_files.py (content controls, tracked changes, the head in
tables, re-broken titles; PDFs with the page number above the head, narrow titles, title
lines drawn in chunks). The "seventeenth" rows (``--seventeenth N``) the items of
tests/fixtures/metadata_seventeenth.py: news items and 政策解读 as sites post them (来源/发布时间
lines, 【字体：大 中 小】, 责任编辑), 征求意见 notices, papers under a 公开目录 table, titles
broken anywhere or letter-spaced. The "eighteenth" rows (``--eighteenth N``) the drafts of
tests/fixtures/metadata_eighteenth.py, written before the readers were read: 县/乡镇/街道,
高校, 医院, 国企, 事业单位 and 党群 bodies — 请示/报告 with 签发人, 信函格式 函, 批复, 纪要
with 主持/出席, speeches, 工作要点 without 关于, 联合发文; dates in Chinese numerals or
2024-03-05. The "nineteenth" rows (``--nineteenth N``) the papers of
tests/fixtures/metadata_nineteenth.py, on titles, written before the readers were read: 红头
under 份号/密级/紧急程度, 签发人, 转发/印发 with nested 《》, joint organs, titles without 关于
under a 附件 marker or a 目录, 附件 pages after the 落款, case papers, 公示/通告/公告 letter-
spaced, 纪要, 题本, 笔录, 审批表, 情况说明, 简报, 解读 and news items; dates in Chinese
numerals or from the 印发 line. The "twentieth" rows (``--twentieth N``) the papers of
tests/fixtures/metadata_twentieth.py, deliberately hard, written before the readers were read:
发文稿纸 fields, 笔录 and 表 under other lines, 便函 titled after the 主送, titles with 、，
and wrapped （试行） tails, page furniture and OCR look-alikes in the text, a two-column 公开目录
box, 转发 with the forwarded paper whole, 党委/人大/政协 papers, 批复 and 通报.
``--seed S`` draws all
generated drafts from another seed (measure on one seed while building, then another).
Under each part, where the dates were read (``date_source``: 成文日期, or 落款, 询问时间,
印发日期 … when the 成文日期 line is absent). ``--errors`` lists mismatches of tuned-on documents only: the not-tuned-on part is the
blind measure, and its documents are never read while building.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import Settings  # noqa: E402
from pipeline.ingest import ingest_file  # noqa: E402
from pipeline.metadata import extract_metadata  # noqa: E402
from pipeline.training.labelled_set import load_labelled, split_ids  # noqa: E402

FIELDS = ("title", "doc_number", "issuer", "date", "doc_type", "secret_level", "disclosure_marking")
GENERATED_SEED = 2012  # GB/T 9704-2012; the tests use other seeds
FORMATS = (("txt", "texts", ".txt"), ("docx", "docs", ".docx"), ("pdf", "pdf", ".pdf"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list tuned-on mismatches")
    parser.add_argument(
        "--generated",
        type=int,
        default=600,
        metavar="N",
        help="generated layouts to measure too (a third also as docx and PDF); 0: none",
    )
    parser.add_argument(
        "--varied",
        type=int,
        default=300,
        metavar="N",
        help="drafts of tests/fixtures/metadata_varied.py (its own seed) to measure; 0: none",
    )
    parser.add_argument(
        "--spaced",
        type=int,
        default=300,
        metavar="N",
        help="drafts of tests/fixtures/metadata_spaced.py (its own seed) to measure; 0: none",
    )
    parser.add_argument(
        "--eleventh",
        type=int,
        default=300,
        metavar="N",
        help="drafts of tests/fixtures/metadata_eleventh.py (its own seed) to measure; 0: none",
    )
    parser.add_argument(
        "--fourteenth",
        type=int,
        default=0,
        metavar="N",
        help="drafts of tests/fixtures/metadata_fourteenth.py (real titles) to measure",
    )
    parser.add_argument(
        "--fifteenth",
        type=int,
        default=0,
        metavar="N",
        help="papers of tests/fixtures/metadata_fifteenth.py (执法文书, 表, 简报 …) to measure",
    )
    parser.add_argument(
        "--sixteenth",
        type=int,
        default=0,
        metavar="N",
        help="drafts of tests/fixtures/metadata_sixteenth.py (转发, joint, scans …) to measure",
    )
    parser.add_argument(
        "--seventeenth",
        type=int,
        default=0,
        metavar="N",
        help="items of tests/fixtures/metadata_seventeenth.py (news, 解读, 公开目录 …) to measure",
    )
    parser.add_argument(
        "--eighteenth",
        type=int,
        default=0,
        metavar="N",
        help="drafts of tests/fixtures/metadata_eighteenth.py (县/高校/医院/国企/党群 …) to measure",
    )
    parser.add_argument(
        "--nineteenth",
        type=int,
        default=0,
        metavar="N",
        help="papers of tests/fixtures/metadata_nineteenth.py (titles of many kinds) to measure",
    )
    parser.add_argument(
        "--twentieth",
        type=int,
        default=0,
        metavar="N",
        help="papers of tests/fixtures/metadata_twentieth.py (hard: 稿纸, OCR, 目录 …) to measure",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="seed for the generated, varied and spaced drafts instead of each one's own",
    )
    parser.add_argument(
        "--tuned-only",
        action="store_true",
        help="measure the tuned-on part only (while building: the blind part is run once)",
    )
    args = parser.parse_args()
    sets = {name: args.shared / name for name in ("devset", "devset2")}
    sets = {name: path for name, path in sets.items() if (path / "corpus.jsonl").is_file()}
    if not sets:
        print(f"no devset under {args.shared}: nothing to measure", file=sys.stderr)
        return 1
    gold = {
        (name, r["id"]): r["metadata"] for name, path in sets.items() for r in load_labelled(path)
    }
    parts = {
        part: {(name, doc) for name, ids in split_ids(part).items() for doc in ids}
        for part in ("tuned_on", "not_tuned_on")
    }
    settings = Settings()
    worst = 1.0
    print(f"{'part':<13} {'input':<5} {'docs':>4}  " + "  ".join(f"{f:>18}" for f in FIELDS))
    for part, keys in parts.items():
        if args.tuned_only and part != "tuned_on":
            continue
        totals = dict.fromkeys(FIELDS, 0)
        count = 0
        sources: Counter[str] = Counter()  # where each date was read (date_source)
        for label, folder, suffix in FORMATS:
            hits = dict.fromkeys(FIELDS, 0)
            files = [
                (key, sets[key[0]] / folder / f"{key[1]}{suffix}")
                for key in sorted(keys)
                if key[0] in sets and (sets[key[0]] / folder / f"{key[1]}{suffix}").is_file()
            ]
            for key, path in files:
                document, _, error = ingest_file(path, settings)
                meta = extract_metadata(document).to_dict() if document else {}
                sources[str(meta.get("date_source") or "无日期")] += 1
                if error and part == "tuned_on":
                    print(f"  {path.name}: {error.message}")
                for field in FIELDS:
                    ok = meta.get(field) == gold[key][field]
                    hits[field] += ok
                    if not ok and args.errors and part == "tuned_on":
                        print(
                            f"  {label} {key[0]}/{key[1]} {field}: "
                            f"gold={gold[key][field]!r} got={meta.get(field)!r}"
                        )
            if not files:
                continue
            count += len(files)
            for field in FIELDS:
                totals[field] += hits[field]
            accuracy = {f: hits[f] / len(files) for f in FIELDS}
            print(
                f"{part:<13} {label:<5} {len(files):>4}  "
                + "  ".join(f"{accuracy[f]:>18.3f}" for f in FIELDS)
            )
        if count:
            accuracy = {f: totals[f] / count for f in FIELDS}
            worst = min(worst, *accuracy.values())
            print(
                f"{part:<13} {'all':<5} {count:>4}  "
                + "  ".join(f"{accuracy[f]:>18.3f}" for f in FIELDS)
            )
            print(f"{'':<13} date read from: " + ", ".join(f"{k} {v}" for k, v in sources.items()))
    for kind in (
        "generated",
        "varied",
        "spaced",
        "eleventh",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ):
        if getattr(args, kind):
            worst = min(worst, _generated(getattr(args, kind), args.errors, kind, args.seed))
    print(f"lowest field accuracy (per part, all inputs): {worst:.3f} (target >= 0.97)")
    return 0


def _generated(count: int, errors: bool, name: str, seed: int | None = None) -> float:
    """The "generated layouts" part: ``count`` drafts of tests/fixtures/metadata_layouts.py
    (or, ``name`` "varied", of tests/fixtures/metadata_varied.py with its own seed: the
    "varied" rows; "spaced", of tests/fixtures/metadata_spaced.py; ``seed`` overrides each
    one's own) as texts, and a third of them as .docx and as PDF (made by LibreOffice, as the
    devset's are, and by reportlab), each scored on the fields its gold pins. Returns the
    lowest field accuracy."""
    import random
    import tempfile

    from tests.fixtures.libreoffice import convert_with_libreoffice
    from tests.fixtures.metadata_eighteenth import EIGHTEENTH_SEED, generate_eighteenth
    from tests.fixtures.metadata_eleventh import ELEVENTH_SEED, generate_eleventh
    from tests.fixtures.metadata_eleventh_files import eleventh_docx, eleventh_pdf
    from tests.fixtures.metadata_fifteenth import FIFTEENTH_SEED, generate_fifteenth
    from tests.fixtures.metadata_fourteenth import FOURTEENTH_SEED, generate_fourteenth
    from tests.fixtures.metadata_fourteenth_titles import real_titles
    from tests.fixtures.metadata_layouts import generate_layouts
    from tests.fixtures.metadata_nineteenth import NINETEENTH_SEED, generate_nineteenth
    from tests.fixtures.metadata_office_docx import office_docx
    from tests.fixtures.metadata_office_pdf import office_pdf
    from tests.fixtures.metadata_seventeenth import SEVENTEENTH_SEED, generate_seventeenth
    from tests.fixtures.metadata_sixteenth import SIXTEENTH_SEED, generate_sixteenth
    from tests.fixtures.metadata_sixteenth_files import sixteenth_docx, sixteenth_pdf
    from tests.fixtures.metadata_spaced import SPACED_SEED, generate_spaced
    from tests.fixtures.metadata_twentieth import TWENTIETH_SEED, generate_twentieth
    from tests.fixtures.metadata_varied import VARIED_SEED, generate_varied

    if seed is None:
        seeds = {"varied": VARIED_SEED, "spaced": SPACED_SEED, "eleventh": ELEVENTH_SEED}
        seeds["fourteenth"], seeds["fifteenth"] = FOURTEENTH_SEED, FIFTEENTH_SEED
        seeds["sixteenth"], seeds["seventeenth"] = SIXTEENTH_SEED, SEVENTEENTH_SEED
        seeds["eighteenth"], seeds["nineteenth"] = EIGHTEENTH_SEED, NINETEENTH_SEED
        seeds["twentieth"] = TWENTIETH_SEED
        seed = seeds.get(name, GENERATED_SEED)
    if name == "varied":
        drafts = generate_varied(count, seed)
    elif name == "spaced":
        drafts = generate_spaced(count, seed)
    elif name == "eleventh":
        drafts = generate_eleventh(count, seed)
    elif name == "fourteenth":
        drafts = generate_fourteenth(count, seed)
        if (why := real_titles()[1]) is not None:
            print(f"  ({why})", file=sys.stderr)
    elif name == "fifteenth":
        drafts = generate_fifteenth(count, seed)
    elif name == "sixteenth":
        drafts = generate_sixteenth(count, seed)
    elif name == "seventeenth":
        drafts = generate_seventeenth(count, seed)
    elif name == "eighteenth":
        drafts = generate_eighteenth(count, seed)
    elif name == "nineteenth":
        drafts = generate_nineteenth(count, seed)
    elif name == "twentieth":
        drafts = generate_twentieth(count, seed)
    else:
        drafts = generate_layouts(count, seed=seed)
    settings = Settings()
    worst = 1.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rng = random.Random(seed)  # two thirds typeset as offices do (office_docx)
        own = name == "eleventh"  # half of its files by its own writers (every other one)
        sixteenth = name == "sixteenth"  # all its files by its own writers
        files = [
            sixteenth_docx(folder / f"g{i:04d}.docx", d, rng)
            if sixteenth
            else eleventh_docx(folder / f"g{i:04d}.docx", d, rng)
            if own and i % 2
            else office_docx(folder / f"g{i:04d}.docx", d, rng)[0]
            for i, d in enumerate(drafts[::3])
        ]
        try:
            pdfs = convert_with_libreoffice(files, folder / "pdf")
        except FileNotFoundError:
            pdfs = []
            print("  (LibreOffice absent: no generated PDFs)", file=sys.stderr)
        except RuntimeError as error:  # LibreOffice stopped part way: measure what it made
            pdfs = sorted((folder / "pdf").glob("*.pdf"))
            print(f"  ({str(error)[:80]}…: {len(pdfs)} PDFs measured)", file=sys.stderr)
        typeset = [  # another producer: laid out by GB/T 9704, lines broken anywhere
            (sixteenth_pdf if sixteenth else eleventh_pdf if own and n % 2 else office_pdf)(
                folder / f"r{3 * n:04d}.pdf", d, rng
            )
            for n, d in enumerate(drafts[::3])
        ]
        inputs: dict[str, list[tuple[int, str | Path]]] = {
            "txt": [(i, d.text) for i, d in enumerate(drafts)],
            "docx": [(3 * n, path) for n, path in enumerate(files)],
            "pdf": [(3 * int(path.stem[1:]), path) for path in pdfs],
            "pdf-r": [(int(path.stem[1:]), path) for path in typeset],
        }
        for label, items in inputs.items():
            hits = dict.fromkeys(FIELDS, 0)
            pinned = dict.fromkeys(FIELDS, 0)
            for i, source in items:
                if isinstance(source, str):
                    meta = extract_metadata(source).to_dict()
                else:
                    document, _, _ = ingest_file(source, settings)
                    meta = extract_metadata(document).to_dict() if document else {}
                for field, value in drafts[i].gold.items():
                    pinned[field] += 1
                    hits[field] += meta.get(field) == value
                    if errors and meta.get(field) != value:
                        print(
                            f"  {label} g{i:04d} {drafts[i].variant} {field}: "
                            f"gold={value!r} got={meta.get(field)!r}"
                        )
            if not items:
                continue
            accuracy = {f: hits[f] / pinned[f] if pinned[f] else None for f in FIELDS}
            worst = min([worst, *(a for a in accuracy.values() if a is not None)])
            print(
                f"{name:<13} {label:<5} {len(items):>4}  "
                + "  ".join(f"{'—' if a is None else f'{a:.3f}':>18}" for a in accuracy.values())
            )
    return worst


if __name__ == "__main__":
    raise SystemExit(main())
