"""The op log: every change of state is an op, applied by exactly one function per kind.

`envelope` defines an op and its payloads, `registry` maps a kind to its apply function,
the `apply_*` modules hold those functions, and `log` is the only way an op enters a
store: `emit` (a local change), `apply_remote` (someone else's op) and `accept` (the
acceptance point that decides the one order everybody applies).
"""
