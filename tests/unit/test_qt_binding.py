"""The Qt binding in use does not drop references to None: PySide6 6.12.0 did, on every
empty QVariant it returned (an empty combo box's data, a missing property), until the
interpreter aborted; pyproject.toml excludes that release."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QComboBox, QLabel


def test_reading_an_empty_qvariant_keeps_none_alive() -> None:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    combo, plain = QComboBox(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        assert combo.currentData() is None
        assert plain.property("no-such-property") is None
    assert sys.getrefcount(None) - before > -100
