"""When calls come faster than they are said (core.voice.backlog): each begins within the
bound after it appeared or is left unsaid, one at a time, and goes on past its first
language only while no other call waits; a recall replaces its call still waiting. Played
out on a clock of its own, with the lengths of a call in the default pack's voice."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from core.voice.backlog import LATE_AFTER_S, CallBacklog

SENTENCES_S = (7.5, 4.8)
"""42, Laboratory, room 102 with the default pack: the chime and Arabic, then English."""


@dataclass(frozen=True)
class Said:
    call: str
    appeared: float
    started: float
    ended: float
    sentences: int


def say_all(arrivals: list[tuple[float, str]]) -> tuple[list[Said], list[str]]:
    """Calls (when each appears, which) said by the rule, each ticket its own: what was
    said, and what was left unsaid."""
    backlog: CallBacklog[str] = CallBacklog()
    coming = sorted(arrivals, key=lambda arrival: arrival[0])
    said: list[Said] = []
    unsaid: list[str] = []
    now = 0.0

    def arrive_until(time: float) -> None:
        while coming and coming[0][0] <= time:
            at, call = coming.pop(0)
            backlog.add(call, call, at)

    while coming or len(backlog):
        if not len(backlog):
            now = max(now, coming[0][0])
        arrive_until(now)
        taken, late = backlog.next_call(now)
        unsaid += [waiting.call for waiting in late]
        if taken is None:
            continue
        started, sentences = now, 0
        for n, length in enumerate(SENTENCES_S):
            arrive_until(now)
            if n and not backlog.goes_on(now):
                break
            now += length
            sentences += 1
        said.append(Said(taken.call, taken.appeared, started, now, sentences))
    return said, unsaid


def test_a_burst_of_ten_calls_begins_within_the_bound_or_is_left_unsaid_never_overlapping() -> None:
    said, unsaid = say_all([(0.0, f"call {n}") for n in range(1, 11)])
    assert all(s.started - s.appeared <= LATE_AFTER_S for s in said)
    assert all(b.started >= a.ended for a, b in itertools.pairwise(said))
    assert [s.call for s in said] + unsaid == [f"call {n}" for n in range(1, 11)], "each once, in order"
    assert len(said) == 7, "in Arabic alone, 7.5 s each: seven begin by 45 s"


def test_while_others_wait_a_call_is_said_in_the_first_language_and_the_last_in_full() -> None:
    said, unsaid = say_all([(0.0, "call 1"), (0.0, "call 2"), (0.0, "call 3")])
    assert [(s.call, s.sentences) for s in said] == [("call 1", 1), ("call 2", 1), ("call 3", 2)]
    assert unsaid == []


def test_a_call_arriving_during_a_call_waits_for_the_sentence_being_said_not_the_whole_call() -> None:
    said, _ = say_all([(0.0, "call 1"), (3.0, "call 2"), (30.0, "call 3")])
    assert [(s.call, s.started, s.sentences) for s in said] == [
        ("call 1", 0.0, 1),
        ("call 2", 7.5, 2),
        ("call 3", 30.0, 2),
    ]


def test_a_recall_of_a_waiting_ticket_replaces_its_call_in_its_place() -> None:
    backlog: CallBacklog[str] = CallBacklog()
    backlog.add("lab 7, room 2", ("lab", "7"), 0.0)
    backlog.add("xray 8, room 3", ("xray", "8"), 20.0)
    assert backlog.add("lab 7, room 4 (called again)", ("lab", "7"), 30.0) == "lab 7, room 2"
    assert backlog.calls == ["lab 7, room 4 (called again)", "xray 8, room 3"]
    assert backlog.add("lab 8", ("lab", "8"), 31.0) is None, "another ticket of the clinic is another call"
    taken, late = backlog.next_call(50.0)
    assert late == [] and taken is not None, "the recall is as late as the time it was shown again"
    assert (taken.call, taken.appeared) == ("lab 7, room 4 (called again)", 30.0)


def test_calls_past_the_bound_leave_the_queue_unsaid_and_keep_no_call_short() -> None:
    backlog: CallBacklog[str] = CallBacklog(late_after_s=10.0)
    backlog.add("old", ("lab", "1"), 0.0)
    assert backlog.goes_on(10.5), "a call too late to be said does not cut the one being said"
    backlog.add("in time", ("lab", "2"), 5.0)
    assert not backlog.goes_on(10.5)
    taken, late = backlog.next_call(15.0)
    assert [waiting.call for waiting in late] == ["old"]
    assert taken is not None and taken.call == "in time"
    assert backlog.is_late(5.0, 15.01) and not backlog.is_late(5.0, 15.0)
