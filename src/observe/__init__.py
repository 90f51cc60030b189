"""observe: a command-line calendar of the United Nations' international days and weeks."""

__version__ = "0.1.0"
