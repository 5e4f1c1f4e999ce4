"""Résumé files read into plain text, in memory only: PDF (pdfminer.six, Chinese CID fonts included), DOCX
(python-docx, paragraphs and tables in order) and TXT (UTF-8, UTF-16 or GB18030). Nothing is written to
disk or logged; limits on size, pages and time hold before any parsing work grows."""

from .reader import MAX_BYTES, MAX_PAGES, DocumentRejected, Extracted, read_document

__all__ = ["MAX_BYTES", "MAX_PAGES", "DocumentRejected", "Extracted", "read_document"]
