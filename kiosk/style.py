"""How the kiosk looks: large touch targets and high contrast, for a finger, not a mouse."""

from __future__ import annotations

from sync.runtime.palette import BLUE, GREEN, INK, ORANGE, PAPER, RED

STYLE_SHEET = f"""
QWidget {{ background: {PAPER}; color: {INK}; font-size: 22pt; }}
QPushButton {{
    background: white; border: 3px solid {BLUE}; border-radius: 18px;
    padding: 18px 28px; min-height: 72px; color: {BLUE}; font-weight: bold;
}}
QPushButton:pressed {{ background: #dbe8f5; }}
QPushButton:disabled {{ color: #9aa5b1; border-color: #c3cbd3; }}
QPushButton[role="primary"] {{ background: {BLUE}; color: white; }}
QPushButton[role="primary"]:pressed {{ background: #083a66; }}
QPushButton[role="primary"]:disabled {{ background: #c3cbd3; color: white; border-color: #c3cbd3; }}
QPushButton[role="quiet"] {{ border: 2px solid #9aa5b1; color: #3d4752; min-height: 56px; font-size: 18pt; }}
QPushButton[role="key"] {{ font-size: 34pt; min-width: 120px; min-height: 96px; }}
QLabel[role="title"] {{ font-size: 34pt; font-weight: bold; color: {BLUE}; }}
QLabel[role="hint"] {{ font-size: 20pt; color: #3d4752; }}
QLabel[role="about"] {{ font-size: 11pt; color: #6b7785; }}
QLabel[role="error"] {{ font-size: 22pt; color: {RED}; font-weight: bold; }}
QLabel[role="number"] {{ font-size: 96pt; font-weight: bold; color: {BLUE}; }}
QLabel[role="big"] {{ font-size: 30pt; font-weight: bold; }}
QLabel[role="badge-online"] {{ background: {GREEN}; color: white; border-radius: 12px; padding: 6px 16px;
    font-size: 16pt; }}
QLabel[role="badge-offline"] {{ background: {ORANGE}; color: white; border-radius: 12px; padding: 6px 16px;
    font-size: 16pt; }}
QLabel[role="countdown"] {{ background: {ORANGE}; color: white; font-size: 24pt; padding: 12px; }}
QLineEdit {{ font-size: 40pt; padding: 12px; border: 3px solid {BLUE}; border-radius: 12px; background: white;
    letter-spacing: 4px; }}
QFrame[role="card"] {{ background: white; border: 2px solid #c3cbd3; border-radius: 18px; }}
QFrame[role="card"] QLabel {{ background: white; }}
"""
