"""The product's colours, shared by the kiosk's and the console's style sheets."""

BLUE = "#0b4f8a"
GREEN = "#1b7f3b"
ORANGE = "#b85c00"
RED = "#b00020"
INK = "#111111"
PAPER = "#f6f7f9"
