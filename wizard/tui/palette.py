"""Command palette entries ("sessie: opnieuw", "export: samenvatting", ...), in the session's language."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Provider

from wizard.ui_texts import say

if TYPE_CHECKING:
    from wizard.tui.app import WizardApp


class LeerwijzerCommands(Provider):
    def _commands(self) -> list[tuple[str, Callable[[], object]]]:
        app: WizardApp = self.app  # type: ignore[assignment]
        lang = app.lang
        commands: list[tuple[str, Callable[[], object]]] = [
            (say("tui.cmd_restart", lang), app.action_restart),
            (say("tui.cmd_lang", lang), app.action_toggle_lang),
            (say("tui.cmd_theme", lang), app.action_toggle_contrast),
            (say("tui.cmd_export", lang), app.action_export),
        ]
        if app.mode == "counsellor":
            commands.append((say("tui.cmd_save", lang), app.action_save))
        return commands

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for text, callback in self._commands():
            yield DiscoveryHit(text, callback)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for text, callback in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback)
