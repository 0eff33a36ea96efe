"""Sync (to be built): the wire protocol, the device-side client that replays the outbox
and pulls others' ops, and the central server in `sync.server` that runs the same core."""
