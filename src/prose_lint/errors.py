"""Errors that end in a one-line message and exit code 2, never a traceback."""


class ProseLintError(Exception):
    """A user-facing error: the message names the file and the problem."""


class ConfigError(ProseLintError):
    pass


class SourceError(ProseLintError):
    pass


class ToolError(ProseLintError):
    """An external engine (LanguageTool) could not check a file."""
