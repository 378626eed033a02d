"""The kiosk countdown runs AFTER the idle timeout (as the README says), then the wipe."""

from __future__ import annotations

from wizard.tui.idle import IdleWatch


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_countdown_starts_after_the_timeout_and_lasts_the_warning() -> None:
    clock = FakeClock()
    watch = IdleWatch(timeout=120, warning=15, clock=clock)
    clock.now += 119
    assert watch.state()[0] == "active"  # the full timeout without a countdown
    clock.now += 1
    assert watch.state() == ("warning", 15)  # then 15 s on screen
    clock.now += 14
    assert watch.state() == ("warning", 1)
    clock.now += 1
    assert watch.state() == ("expired", 0)


def test_a_key_during_the_countdown_starts_again() -> None:
    clock = FakeClock()
    watch = IdleWatch(timeout=60, clock=clock)
    clock.now += 65
    assert watch.state()[0] == "warning"
    watch.touch()
    clock.now += 59
    assert watch.state()[0] == "active"


def test_a_short_timeout_still_gets_its_countdown() -> None:
    clock = FakeClock()
    watch = IdleWatch(timeout=5, warning=15, clock=clock)
    clock.now += 5
    assert watch.state() == ("warning", 15)
    clock.now += 15
    assert watch.state()[0] == "expired"
