"""A digest of a store's replicated state: equal digests mean identical state.

Covers every replicated table, row by row in primary-key order, and nothing local to one
store (op log bookkeeping, outbox, audit, identity).
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.schema import REPLICATED_TABLES, table_of


def table_rows(session: Session) -> dict[str, list[list[object]]]:
    rows: dict[str, list[list[object]]] = {}
    for model in REPLICATED_TABLES:
        table = table_of(model)
        keys = list(table.primary_key.columns)
        result = session.execute(select(table).order_by(*keys))
        rows[table.name] = [list(row) for row in result]
    return rows


def state_digest(session: Session) -> str:
    canonical = json.dumps(table_rows(session), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()
