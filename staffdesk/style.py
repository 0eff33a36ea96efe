"""How the console and the hall display look: the console dense and calm for a working
day at a desk; the display large and high-contrast, legible from 10 m."""

from __future__ import annotations

from sync.runtime.palette import BLUE, GREEN, INK, ORANGE, PAPER, RED

CONSOLE_STYLE = f"""
QWidget {{ color: {INK}; font-size: 11pt; }}
QMainWindow, QStackedWidget > QWidget {{ background: {PAPER}; }}
QPushButton {{ background: white; border: 1px solid {BLUE}; border-radius: 6px; padding: 6px 14px;
    color: {BLUE}; font-weight: bold; min-height: 28px; }}
QPushButton:pressed {{ background: #dbe8f5; }}
QPushButton[role="primary"] {{ background: {BLUE}; color: white; }}
QPushButton[role="danger"] {{ background: {RED}; color: white; border-color: {RED}; }}
QLabel[role="page-title"] {{ font-size: 15pt; font-weight: bold; color: {BLUE}; }}
QLabel[role="title"] {{ font-size: 20pt; font-weight: bold; color: {BLUE}; }}
QLabel[role="pin-title"] {{ color: #3d4752; }}
QLabel[role="pin"] {{ font-size: 40pt; font-weight: bold; color: {BLUE}; background: white;
    border: 2px solid {BLUE}; border-radius: 8px; padding: 2px 18px; }}
QLabel[role="error"] {{ color: {RED}; font-weight: bold; }}
QLabel[role="info"] {{ color: {GREEN}; font-weight: bold; }}
QLabel[role="conflict"] {{ background: #fdecea; color: {RED}; font-weight: bold; padding: 6px;
    border: 1px solid {RED}; border-radius: 6px; }}
QLabel[role="confirm"] {{ font-weight: bold; }}
QWidget[role="confirm"] {{ background: #fff4e5; border: 1px solid {ORANGE}; border-radius: 6px; }}
QLabel[role="badge-online"] {{ background: {GREEN}; color: white; border-radius: 8px; padding: 3px 10px; }}
QLabel[role="badge-offline"] {{ background: {ORANGE}; color: white; border-radius: 8px; padding: 3px 10px; }}
QTableWidget {{ background: white; alternate-background-color: #eef2f7; gridline-color: #d0d7de; }}
QHeaderView::section {{ background: #dde6f0; padding: 4px; font-weight: bold; border: none; }}
"""

BOARD_STYLE = """
QWidget {{ background: #000000; color: #ffffff; }}
QLabel[role="board-title"] {{ font-size: {title}px; font-weight: bold; color: #ffd54f; }}
QLabel[role="board-head"] {{ font-size: {head}px; color: #b0bec5; }}
QLabel[role="board-clinic"] {{ font-size: {clinic}px; font-weight: bold; }}
QLabel[role="board-number"] {{ font-family: "Noto Sans"; font-size: {number}px; font-weight: bold;
    color: #ffd54f; }}
QLabel[role="board-room"] {{ font-size: {clinic}px; }}
QLabel[role="board-idle"] {{ font-family: "Noto Sans"; font-size: {number}px; color: #455a64; }}
QLabel[role="board-recall"] {{ font-family: "Noto Sans"; font-size: {number}px; font-weight: bold;
    color: #4fc3f7; }}
QLabel[role="board-paused"] {{ font-size: {clinic}px; font-weight: bold; color: #ffab40; }}
QLabel[role="board-waiting"] {{ font-family: "Noto Sans"; font-size: {clinic}px; color: #b0bec5; }}
QLabel[role="board-page"] {{ font-size: {head}px; color: #b0bec5; }}
QLabel[role="board-flash"] {{ font-family: "Noto Sans"; font-size: {number}px; font-weight: bold;
    color: #000000; background: #ffd54f; border-radius: 12px; }}
QLabel[role="board-recent"] {{ font-size: {recent}px; color: #e0e0e0; }}
QLabel[role="board-about"] {{ font-size: {about}px; color: #546e7a; }}
QLabel[role="board-offline"] {{ background: #e65100; color: #ffffff; border-radius: 8px; padding: 4px 12px;
    font-size: {badge}px; }}
"""


def board_style(height: int, rows: int) -> str:
    """The board's sizes follow the screen's height, so that the numbers are as large as
    the rows allow: with 5 rows on a 55-inch, 1080-line screen the digits stand about
    4 cm tall. Fewer rows make them larger; a hall that must read them from far away
    shows fewer clinics per page (`mmc display --rows ...`); the pages take turns.

    Noto Sans Arabic sets lines about twice its size apart, Noto Sans about 1.4 times:
    the numbers use the Latin face, and each size is chosen to fit one row."""
    return BOARD_STYLE.format(**board_sizes(height, rows))


def board_sizes(height: int, rows: int) -> dict[str, int]:
    """The board's font sizes in pixels, by role."""
    row = max(24, height // (rows + 3))
    return {
        "title": row * 30 // 100,
        "head": row * 20 // 100,
        "clinic": row * 30 // 100,
        "second": row * 18 // 100,
        "number": row * 66 // 100,
        "recent": row * 20 // 100,
        "badge": max(12, row * 14 // 100),
        "about": max(10, row * 8 // 100),
    }
