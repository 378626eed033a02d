"""The kiosk's idle clock: after a quiet spell a visible countdown, then a full wipe.

Pure logic with the clock injected, so a test moves time instead of sleeping.
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
    """Seconds without a key or click before everything is wiped."""
    warning: float = 15.0
    """Seconds before the wipe from which the countdown is shown."""
    clock: Callable[[], float] = time.monotonic
    last_activity: float = field(init=False)

    def __post_init__(self) -> None:
        self.warning = min(self.warning, self.timeout)
        self.last_activity = self.clock()

    def touch(self) -> None:
        """Someone is there: start counting again."""
        self.last_activity = self.clock()

    def state(self) -> tuple[IdleState, int]:
        """Where the countdown stands, and the whole seconds left before the wipe."""
        left = self.timeout - (self.clock() - self.last_activity)
        if left <= 0:
            return "expired", 0
        return ("warning" if left <= self.warning else "active"), math.ceil(left)
