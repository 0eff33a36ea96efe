"""The op log: every change of state is an op, applied by exactly one function per kind.

`envelope` defines an op and its payloads; `kinds` maps each kind to its payload type and
apply function (the functions live in `tickets`, `config` and `days`) and says what an op
changed for the views; `log` is the only way an op enters a store: `emit` (a local
change), `apply_remote` (someone else's op) and `accept` (the acceptance point that
decides the one order everybody applies); `replica` is a device's side (answers, pulls,
rebuilds of its view, server epochs) and `snapshot` a new device's catch-up.
"""
