"""The window: the only part of RACI Builder that imports Qt."""
