"""What each page says, as data: the conversation's messages and the question under them.

The conversation is rebuilt from the session after every change (``conversation_lines``); the
``Conversation`` widget keeps what did not change. ``edit_preview`` words what an edit changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.conditions import Unknown
from wizard.content import CompiledQuestion, Content
from wizard.engine import EditOutcome, Engine
from wizard.model import Lang
from wizard.report import status_word
from wizard.sessions import Answer, Session
from wizard.tui.conversation import Line
from wizard.tui.dialogs import ConfirmEditScreen
from wizard.ui_texts import progress_line, say


def answer_label(content: Content, fact_id: str, value: Answer, lang: Lang) -> str:
    if isinstance(value, Unknown):
        return say("unknown", lang)
    if isinstance(value, str | frozenset):
        return content.facts[fact_id].value_label(value, lang)
    return str(value)


def welcome_lines(lang: Lang) -> list[Line]:
    title, body = say("tui.welcome_title", lang), say("tui.welcome_body", lang)
    return [Line("welcome", "leerwijzer", f"{title}\n\n{body}")]


def conversation_lines(
    engine: Engine, session: Session, *, page: str, editing: str | None, again: bool = False
) -> list[Line]:
    """The whole conversation so far; the last message is the question being asked, if any
    (``again``: the goal asked again after a new situation)."""
    lang = session.lang
    content = engine.content
    walk = engine.walk(session)
    lines = [Line("intro", "leerwijzer", say("tui.intro", lang))]
    change = say("tui.change", lang)
    for question in walk.asked:
        value = walk.known[question.fact]
        lines.append(Line(f"q.{question.id}", "leerwijzer", question.model.text.get(lang)))
        label = answer_label(content, question.fact, value, lang)
        lines.append(Line(f"a.{question.id}", "person", label, fact=question.fact, hint=change))
    if editing is not None:
        question = next(q for q in walk.asked if q.fact == editing)
        now = say("tui.now", lang, answer=answer_label(content, editing, walk.known[editing], lang))
        text = f"{question.model.text.get(lang)}\n{now}"
        note = say("tui.goal_again" if again else "tui.editing", lang)
        lines.append(Line(f"edit.{editing}", "leerwijzer", text, muted=note))
    elif page == "question" and walk.current is not None:
        number, total = engine.progress(session)
        progress = progress_line(number, total, lang)
        text = walk.current.model.text.get(lang)
        lines.append(Line(f"ask.{walk.current.id}", "leerwijzer", text, muted=progress))
    elif page == "check":
        lines.append(Line("check", "leerwijzer", say("tui.check_said", lang)))
    return lines


@dataclass(frozen=True)
class Asking:
    """What the composer shows for a question: options (None for a number or date), the text of
    "Ik weet het niet" when offered, and the typing line's placeholder."""

    choices: list[tuple[str, str]] | None
    unknown_label: str | None
    placeholder: str
    none_label: str | None = None
    """Set for a multi_choice question ("Geen van deze"): the options are a checklist."""
    hint: str = ""


def asking(content: Content, question: CompiledQuestion, lang: Lang) -> Asking:
    fact = content.facts[question.fact]
    unknown = say("unknown", lang) if fact.offer_unknown or fact.optional else None
    if fact.kind in ("choice", "yes_no", "multi_choice"):
        choices = [(value, fact.value_label(value, lang)) for value in fact.value_ids()]
        if fact.kind == "multi_choice":
            none = fact.value_label(frozenset(), lang)
            placeholder, hint = say("tui.placeholder_multi", lang), say("tui.multi_keys", lang)
            return Asking(choices, unknown, placeholder, none, hint)
        return Asking(choices, unknown, say("tui.placeholder_choice", lang))
    return Asking(None, unknown, say(f"tui.placeholder_{fact.kind}", lang))


def edit_preview(content: Content, outcome: EditOutcome, lang: Lang) -> ConfirmEditScreen:
    """The question before an edit is made: what drops out, what is asked next, what changes."""
    facts = content.facts
    parts: list[str] = []
    if outcome.dropped:
        labels = "; ".join(facts[f].label.get(lang) for f in outcome.dropped)
        parts.append(f"{say('tui.confirm_dropped', lang)}: {labels}")
    if outcome.now_asks is not None:
        asked = content.questions[outcome.now_asks].model.text.get(lang)
        parts.append(f"{say('tui.confirm_new', lang)}: {asked}")
    if outcome.changed:
        lines = [
            f"  {content.incentives[i].model.name.get(lang)}: "
            f"{status_word(before, lang)} → {status_word(after, lang)}"
            for i, before, after in outcome.changed
        ]
        parts.append(f"{say('tui.confirm_changed', lang)}:\n" + "\n".join(lines))
    body = "\n\n".join(parts) or say("tui.confirm_nothing", lang)
    return ConfirmEditScreen(
        say("tui.confirm_title", lang),
        body,
        say("tui.confirm_yes", lang),
        say("tui.confirm_no", lang),
    )


def help_text(
    page: str,
    question: CompiledQuestion | None,
    lang: Lang,
    keys: list[tuple[str, str]],
    *,
    editing: bool,
) -> str:
    """What F1 says on ``page``: what it is, what to do, and every key that works there."""
    if page == "welcome":
        body = say("tui.help_welcome", lang)
    elif page == "check":
        body = say("tui.help_check", lang)
    elif page == "result":
        body = say("tui.help_glance", lang)
    else:
        parts = []
        if question is not None and question.model.help is not None:
            parts.append(question.model.help.get(lang))
        elif question is not None:
            parts.append(say("tui.no_help", lang))
        parts.append(say("tui.help_edit" if editing else "tui.help_question_keys", lang))
        body = "\n\n".join(parts)
    listed = "\n".join(f"  {key}: {does}" for key, does in keys)
    return f"{body}\n\n{say('tui.help_keys', lang)}:\n{listed}"
