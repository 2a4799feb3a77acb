"""Opening a file to import: what it is (vCard, CSV, Excel) and what it holds.

The format is told by the content first (a workbook is a zip, a vCard says BEGIN:VCARD), by
the name's extension second. A file that is none of them, empty, or not text is refused with
one sentence, before anything is checked or stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crm.i18n import _
from crm.io.import_check import ImportPlan, plan_import
from crm.io.import_model import CSV, VCARD, XLSX, ImportSource, SourceRecord
from crm.io.import_table import (
    ColumnMapping,
    guess_mapping,
    read_csv,
    read_xlsx,
    recognise_preset,
    table_records,
)
from crm.io.import_text import (
    UTF16_BE,
    UTF16_LE,
    ImportFileError,
    decode,
    detect_encoding,
    read_bytes,
)
from crm.io.import_vcard import looks_like_vcard, read_vcards
from crm.services.progress import Progress

if TYPE_CHECKING:
    from crm.db.database import Database

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls)
VCARD_SUFFIXES = (".vcf", ".vcard")
CSV_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
FILE_PATTERNS = "*.vcf *.vcard *.csv *.txt *.tsv *.xlsx *.xlsm"


def open_source(path: Path) -> ImportSource:
    """Read ``path``; raises ImportFileError when it cannot be imported at all."""
    data = read_bytes(path)
    suffix = path.suffix.lower()
    if not data.strip():
        raise ImportFileError(_("{name} is empty.").format(name=path.name))
    if data.startswith(ZIP_MAGIC):
        table = read_xlsx(path)
        return ImportSource(path, XLSX, table=table, preset=recognise_preset(table.headers))
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(
            _(
                "{name} is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV in Excel "
                "and import that."
            ).format(name=path.name)
        )
    if suffix in XLSX_SUFFIXES:
        raise ImportFileError(_("{name} is not an Excel workbook.").format(name=path.name))
    encoding = detect_encoding(data)
    if looks_like_vcard(data) or (
        encoding in (UTF16_LE, UTF16_BE) and "BEGIN:VCARD" in decode(data[:4096], encoding).upper()
    ):
        if encoding in (UTF16_LE, UTF16_BE):
            data = decode(data, encoding).encode("utf-8")
        records = list(read_vcards(data))
        if not records:
            raise ImportFileError(_("{name} holds no vCard.").format(name=path.name))
        return ImportSource(path, VCARD, encoding=encoding, records=records)
    if suffix in VCARD_SUFFIXES:
        raise ImportFileError(_("{name} holds no vCard.").format(name=path.name))
    if suffix not in CSV_SUFFIXES:
        raise ImportFileError(
            _(
                "{name} is not a file Liaison can import: choose a vCard (.vcf), a CSV file "
                "or an Excel workbook (.xlsx)."
            ).format(name=path.name)
        )
    table, encoding, separator = read_csv(path)
    return ImportSource(
        path,
        CSV,
        encoding=encoding,
        separator=separator,
        table=table,
        preset=recognise_preset(table.headers),
    )


def source_records(
    source: ImportSource, kind: str, mapping: ColumnMapping | None = None
) -> list[SourceRecord]:
    """The records of ``source``: its cards, or its rows by ``mapping`` (else the guess)."""
    if source.table is None:
        return source.records
    return table_records(source.table, mapping or guess_mapping(source.table.headers, kind))


def check_source(
    db: Database,
    source: ImportSource,
    kind: str,
    mapping: ColumnMapping | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """The checked plan of importing ``source`` as ``kind`` (for a table: by ``mapping``)."""
    records = source_records(source, kind, mapping)
    return plan_import(db, records, kind, source.name, progress, source.format)
