"""The kiosk's idle clock: after the idle timeout a visible countdown, then a full wipe.

As the README says: ``--idle-timeout`` seconds without a key or click, THEN a ``warning``-second
countdown on screen (any key stops it), then everything is wiped. Pure logic with the clock
injected, so a test moves time instead of sleeping.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

IdleState = Literal["active", "warning", "expired"]


@dataclass
class IdleWatch:
    timeout: float = 120.0
    """Seconds without a key or click before the countdown starts."""
    warning: float = 15.0
    """Seconds the countdown runs, after the timeout, before the wipe."""
    clock: Callable[[], float] = time.monotonic
    last_activity: float = field(init=False)

    def __post_init__(self) -> None:
        self.timeout = max(0.0, self.timeout)
        self.warning = max(0.0, self.warning)
        self.last_activity = self.clock()

    def touch(self) -> None:
        """Someone is there: start counting again."""
        self.last_activity = self.clock()

    def state(self) -> tuple[IdleState, int]:
        """Where the clock stands, and the whole seconds left before the wipe."""
        quiet = self.clock() - self.last_activity
        left = self.timeout + self.warning - quiet
        if left <= 0:
            return "expired", 0
        return ("warning" if quiet >= self.timeout else "active"), math.ceil(left)
