from __future__ import annotations

import random

import keyring
import pytest
from keyring.backends import fail, null

from sync.breaker import CircuitBreaker, backoff_s
from sync.credentials import InsecureKeyring, load_token, save_token


def test_backoff_grows_with_full_jitter_up_to_a_cap() -> None:
    rng = random.Random(3)
    for attempt in range(12):
        delays = [backoff_s(attempt, base=0.5, cap=30, rng=rng) for _ in range(200)]
        assert min(delays) >= 0 and max(delays) <= min(30, 0.5 * 2**attempt)
    assert max(backoff_s(20, rng=rng) for _ in range(200)) > 15


def test_breaker_opens_after_failures_half_opens_later_and_closes_on_success() -> None:
    now = [0.0]
    breaker = CircuitBreaker(failures_to_open=3, reset_after_s=10, clock=lambda: now[0])
    for _ in range(2):
        breaker.failed()
    assert breaker.state == "closed" and breaker.allows()
    breaker.failed()
    assert breaker.state == "open" and not breaker.allows()
    now[0] = 10.5
    assert breaker.state == "half_open" and breaker.allows()
    breaker.failed()
    assert breaker.state == "open"
    now[0] = 21
    breaker.succeeded()
    assert breaker.state == "closed"


@pytest.mark.parametrize("backend", [null.Keyring, fail.Keyring])
def test_tokens_are_never_kept_in_an_unsafe_keyring(backend: type) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend())
    try:
        with pytest.raises(InsecureKeyring):
            save_token("device", "secret")
    finally:
        keyring.set_keyring(previous)


def test_tokens_round_trip_through_the_keyring() -> None:
    save_token("device-1", "secret-1")
    assert load_token("device-1") == "secret-1"
