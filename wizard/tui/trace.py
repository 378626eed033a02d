"""The counsellor's side panel: what is known, why the next question is asked, every live verdict."""

from __future__ import annotations

from wizard.conditions import Unknown
from wizard.engine import Engine
from wizard.matching import waiting_on
from wizard.report import status_glyph, status_word
from wizard.sessions import Session
from wizard.ui_texts import say


def trace_text(engine: Engine, session: Session) -> str:
    """The panel as plain lines, in the session's language."""
    lang = session.lang
    content = engine.content
    walk = engine.walk(session)
    lines = [f"{say('tui.trace_known', lang)}:"]
    for question in walk.asked:
        fact = content.facts[question.fact]
        value = walk.known[question.fact]
        shown = (
            say("unknown", lang)
            if isinstance(value, Unknown)
            else fact.value_label(value, lang)
            if isinstance(value, str | frozenset)  # a multi_choice answer: its labels
            else str(value)
        )
        lines.append(f"  {fact.label.get(lang)}: {shown}")
    if walk.current is not None:
        fact = content.facts[walk.current.fact]
        lines += ["", f"{say('tui.trace_next', lang)}: {fact.label.get(lang)}"]
        needed = waiting_on(content, walk.known, session.date, walk.current.fact)
        if needed:
            names = ", ".join(content.incentives[i].model.name.get(lang) for i in needed)
            lines.append(f"  {say('tui.trace_because', lang)}: {names}")
    result = engine.result(session)
    lines += ["", f"{say('tui.trace_verdicts', lang)}:"]
    for instrument, verdict in sorted(result.verdicts.items()):
        status = verdict.shown_status
        name = content.incentives[instrument].model.name.get(lang)
        # The glance's glyph and word, for any status ("aangekondigd" included): never colour alone.
        lines.append(f"  {status_glyph(status)} {name}: {status_word(status, lang)}")
    return "\n".join(lines)
