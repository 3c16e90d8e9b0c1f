"""RACI Builder: map who does what in a product team."""

__version__ = "0.1.0"
APP_NAME = "RACI Builder"
