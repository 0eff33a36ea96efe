"""The touchscreen check-in kiosk (PySide6), to be built on `core` and `sync.client`."""
