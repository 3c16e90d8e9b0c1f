"""The window: the only part of RACI Builder that imports Qt.

Importing it registers the PDF export, which draws with Qt's painter: the
core names no Qt module, so the faces that have Qt add what needs it.
"""

from raci.formats import register_export

register_export(".pdf", "raci.ui.pdf")
