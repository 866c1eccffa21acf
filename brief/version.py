"""The version of brief, in a module of its own so that no module imports the package to know it."""

__version__ = "0.1.0"
