"""What every window program (kiosk, staff console, hall display) runs on, in Qt.

- `station`: the process: its store, the Qt event loop shared with asyncio (qasync), sync
  with the server started after the window shows, a clean stop on SIGINT/SIGTERM.
- `options`: the command-line options every window program takes.
- `changes`: the one signal that tells the windows what changed in the store.
- `qt`: fonts and languages; `widgets`, `palette`, `about`: what the apps' screens share.
"""
