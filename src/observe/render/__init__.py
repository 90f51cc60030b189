"""Output modes: one renderer per mode, chosen once per run.

``MODES`` are the modes a user can ask for by name (config ``output``); a terminal is chosen by
``auto`` when standard output is one.
"""

from __future__ import annotations

MODES = ("plain", "json")
