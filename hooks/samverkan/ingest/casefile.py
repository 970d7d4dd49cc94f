"""Reading a case document for import: plain text in UTF-8 or Latin-1, or a PDF with a text layer.

Safe on any file: nothing in it is run or fetched, files over MAX_BYTES and texts over MAX_CHARS are
refused before any work, and a PDF is read page by page up to MAX_PAGES. Every refusal is a
CaseFileError with a Swedish message that says what to do instead.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_BYTES = 10 * 1024 * 1024
MAX_CHARS = 400_000
"""About 150 pages of text: far more than a case document, and still repaired in seconds."""
MAX_PAGES = 300
MIN_CHARS_PER_PAGE = 20
"""Less text than this on an average page: a scanned PDF without a text layer."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""Control characters, and those that reorder text on screen or break a line where YAML and the
terminal see one but the reader does not: none of them belongs in a case document, and the text
goes on to the terminal, the draft's YAML comments and the report."""


class CaseFileError(ValueError):
    """A file that cannot be imported, and why, in Swedish."""


def read_case_file(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise CaseFileError(f"{path} går inte att läsa: {error.strerror}") from None
    if not path.is_file():
        raise CaseFileError(f"{path} är ingen fil")
    if size > MAX_BYTES:
        megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
        raise CaseFileError(
            f"{path} är {megabytes} MB; importen läser filer upp till {MAX_BYTES // 1_000_000} MB. "
            "Dela upp handlingen, eller spara bara ärendets sidor som text"
        )
    raw = path.read_bytes()
    text = _pdf_text(path, raw) if raw.startswith(b"%PDF-") else _decode(path, raw)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > MAX_CHARS:
        raise CaseFileError(
            f"{path} har {len(text)} tecken text; importen läser upp till {MAX_CHARS}. Importera ett ärende i taget"
        )
    if not text.strip():
        raise CaseFileError(f"{path} innehåller ingen text")
    return text


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise CaseFileError(f"{path} är ingen textfil; importen läser text (UTF-8 eller Latin-1) och PDF med textlager")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _pdf_text(path: Path, raw: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise CaseFileError(f"{path} är en krypterad PDF; spara den utan lösenord och försök igen")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise CaseFileError(f"{path} har {len(pages)} sidor; importen läser upp till {MAX_PAGES}")
        texts = [page.extract_text() or "" for page in pages]
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError, OSError) as error:
        if isinstance(error, CaseFileError):
            raise
        raise CaseFileError(f"{path} går inte att läsa som PDF ({type(error).__name__})") from None
    text = "\n".join(texts)
    if len(text.strip()) < MIN_CHARS_PER_PAGE * max(len(texts), 1):
        raise CaseFileError(
            f"{path} är en skannad PDF utan textlager: importen kan inte läsa bilder. Kör den genom "
            "textigenkänning (OCR) först, till exempel i skannerns program, och importera textfilen"
        )
    return text
