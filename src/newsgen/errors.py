"""Errors and warnings that always say where in the input they come from."""

from __future__ import annotations

from dataclasses import dataclass


def _where(path: str | None, line: int | None) -> str:
    if path is None:
        return ""
    return f"{path}:{line}: " if line else f"{path}: "


class NewsgenError(Exception):
    """A problem with the user's input or setup, shown without a traceback."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return _where(self.path, self.line) + self.message


@dataclass(frozen=True)
class BuildWarning:
    """A problem the build survived; listed in the build report."""

    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        return _where(self.path, self.line) + self.message
