"""The staff console and the hall display (PySide6), to be built on `core` and `sync.client`."""
