"""The staff console (login, queue, dashboard, reports, administration, sync, audit) and
the hall display (`staffdesk.display`), in PySide6; built on `core` and `sync.runtime`."""
