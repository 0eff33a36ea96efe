"""Sync between the stations and the central server.

- `protocol`: the wire messages both sides use (version 1).
- the device side: `client` (push the outbox, catch up from a snapshot, pull and apply
  others' ops, refill leases), `link` (HTTP to the server), `breaker`, `credentials`
  (the device's token in the keyring).
- `server`: the central server (FastAPI), the acceptance point that runs the same core.
- `runtime`: what every window program runs on (Qt): its store, the event loop shared
  with asyncio, sync started after the window shows, the one signal for change, the
  language and the widgets the apps share.
- `simulation`, `demo`, `demo_command`: the scripted clinic day of `mmc demo`.
"""
