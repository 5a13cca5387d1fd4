"""newsgen: turn a folder of plain-text news articles into a static archive site."""

__version__ = "0.1.0"
