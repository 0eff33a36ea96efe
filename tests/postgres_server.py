"""Which PostgreSQL the tests use: the URL in MMC_TEST_PG_URL, or by default the server on
127.0.0.1:5432 as user postgres, database `test`, without a password. Each test works in a
schema of its own (`core.database.scratch_schema`) and drops it, so nothing else in that
database is touched.

    python -m tests.postgres_server      exit 0 when that server answers
"""

from __future__ import annotations

import os
import sys

from sqlalchemy.engine import make_url

from core.database import unreachable

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def server_url() -> str:
    return os.environ.get("MMC_TEST_PG_URL") or DEFAULT_URL


def describe() -> str:
    """One line for the test run's header: which server, from where, and whether it answers."""
    url = server_url()
    shown = make_url(url).render_as_string(hide_password=True)
    source = "MMC_TEST_PG_URL" if os.environ.get("MMC_TEST_PG_URL") else "the default; MMC_TEST_PG_URL sets another"
    problem = unreachable(url)
    if problem is None:
        return f"PostgreSQL tests: {shown} ({source}), reachable: they run, each in a scratch schema"
    outcome = "they fail (CI=true)" if os.environ.get("CI") == "true" else "they are skipped"
    return f"PostgreSQL tests: {shown} ({source}), not reachable ({problem}): {outcome}"


if __name__ == "__main__":
    sys.exit(0 if unreachable(server_url()) is None else 1)
