"""The touchscreen check-in kiosk (PySide6): check-in, finishing a clinic with its PIN,
"where am I", tickets on screen and on paper; built on `core` and `sync.runtime`."""
