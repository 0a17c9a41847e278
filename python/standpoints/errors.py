"""Errors raised by standpoints. They carry the file, line and reason."""

from __future__ import annotations


class StandpointsError(Exception):
    """Base class of the package's errors."""


class ReadError(StandpointsError, ValueError):
    """An input that cannot be read: invalid UTF-8, empty or binary content, malformed JSON.

    Attributes: ``reason`` (what is wrong), ``path`` (file name or ``""``), ``line`` (1-based or
    None), ``byte_offset`` (for encoding errors, else None).
    """

    def __init__(self, reason: str, path: str = "", line: int | None = None, byte_offset: int | None = None):
        self.reason = reason
        self.path = path
        self.line = line
        self.byte_offset = byte_offset
        where = path or "<input>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {reason}")


class KnowledgeError(StandpointsError, ValueError):
    """A knowledge file (built-in or the user's) with a problem, with file and line."""

    def __init__(self, reason: str, path: str = "", line: int | None = None):
        self.reason = reason
        self.path = path
        self.line = line
        where = path + (f":{line}" if line is not None else "")
        super().__init__(f"{where}: {reason}" if where else reason)
