"""Itaku (委託): compliance registers for personal-information outsourcing under APPI / JIS Q 15001."""

__version__ = "0.1.0"
