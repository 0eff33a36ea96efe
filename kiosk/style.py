"""How the kiosk looks: large touch targets and high contrast, for a finger, not a mouse.

Two style sheets: the everyday one, and the large-text mode a patient may turn on (about
1.4 times the type, less for the titles and the number, which are large already; thick
borders; white and yellow on black: every text contrasts at least 7:1 with what lies
behind it, WCAG's AAA level)."""

from __future__ import annotations

from sync.runtime.palette import BLUE, GREEN, INK, ORANGE, PAPER, RED

APART_PX = 64
"""Between two buttons side by side: a finger aimed at one never lands on the other
(about 17 mm on a 96 dpi kiosk screen)."""

STYLE_SHEET = f"""
QWidget {{ background: {PAPER}; color: {INK}; font-size: 22pt; font-family: "Noto Sans", "Noto Sans Arabic"; }}
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

BLACK = "#000000"
WHITE = "#ffffff"
YELLOW = "#ffff00"
SOFT_RED = "#ff8a8a"
"""Red that still reads on black (9:1); the everyday red is too dark for it."""
GREY = "#bdbdbd"

LARGE_TEXT_STYLE_SHEET = f"""
QWidget {{ background: {BLACK}; color: {WHITE}; font-size: 31pt; font-family: "Noto Sans", "Noto Sans Arabic"; }}
QPushButton {{
    background: {BLACK}; border: 6px solid {YELLOW}; border-radius: 14px;
    padding: 14px 22px; min-height: 72px; color: {YELLOW}; font-weight: bold;
}}
QPushButton:pressed {{ background: {WHITE}; color: {BLACK}; }}
QPushButton:disabled {{ background: {BLACK}; color: {GREY}; border: 6px dashed {GREY}; }}
QPushButton[role="primary"] {{ background: {YELLOW}; color: {BLACK}; border-color: {YELLOW}; }}
QPushButton[role="primary"]:pressed {{ background: {WHITE}; color: {BLACK}; border-color: {WHITE}; }}
QPushButton[role="primary"]:disabled {{ background: {BLACK}; color: {GREY}; border: 6px dashed {GREY}; }}
QPushButton[role="quiet"] {{ border: 5px solid {WHITE}; color: {WHITE}; min-height: 64px; font-size: 25pt;
    padding: 10px 18px; }}
QPushButton[role="quiet"]:checked {{ background: {WHITE}; color: {BLACK}; }}
QPushButton[role="key"] {{ font-size: 48pt; min-width: 120px; min-height: 96px; }}
QLabel[role="title"] {{ font-size: 48pt; font-weight: bold; color: {YELLOW}; }}
QLabel[role="hint"] {{ font-size: 28pt; color: {WHITE}; }}
QLabel[role="about"] {{ font-size: 16pt; color: {WHITE}; }}
QLabel[role="error"] {{ font-size: 31pt; color: {SOFT_RED}; font-weight: bold; }}
QLabel[role="number"] {{ font-size: 120pt; font-weight: bold; color: {YELLOW}; }}
QLabel[role="big"] {{ font-size: 38pt; font-weight: bold; color: {WHITE}; }}
QLabel[role="badge-online"] {{ background: {WHITE}; color: {BLACK}; border-radius: 12px; padding: 6px 16px;
    font-size: 22pt; font-weight: bold; }}
QLabel[role="badge-offline"] {{ background: {YELLOW}; color: {BLACK}; border-radius: 12px; padding: 6px 16px;
    font-size: 22pt; font-weight: bold; }}
QLabel[role="countdown"] {{ background: {YELLOW}; color: {BLACK}; font-size: 28pt; font-weight: bold;
    padding: 6px; }}
QLabel#site-name {{ font-size: 30pt; }}
QLineEdit {{ font-size: 56pt; padding: 10px; border: 6px solid {YELLOW}; border-radius: 12px;
    background: {BLACK}; color: {WHITE}; letter-spacing: 4px; }}
QFrame[role="card"] {{ background: {BLACK}; border: 5px solid {WHITE}; border-radius: 14px; }}
QFrame[role="card"] QLabel {{ background: {BLACK}; border: none; }}
"""
"""Latin type first: Noto Sans Arabic's lines are half as tall again as Noto Sans's, and with
Arabic first English text took its line height too, which the larger type cannot spare
on a 1920-pixel screen. Arabic text still takes its own font and line height."""
