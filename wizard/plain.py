"""Plain mode: the same questions line by line, for screen readers, pipes and dumb terminals.

No colour, no cursor movement, no box drawing: just numbered options and a prompt. ``terug`` goes
back, ``?`` shows the help text. Works with piped standard input (each line answers one question).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, TextIO

from wizard.conditions import UNKNOWN
from wizard.content import CompiledQuestion
from wizard.engine import Engine
from wizard.model import Lang
from wizard.recording import scenario_yaml
from wizard.report_text import render_text
from wizard.sanitize import (
    MAX_LINE_BYTES,
    UNDECODABLE,
    Undecodable,
    bounded_int,
    clean_line,
    decode_line,
    for_terminal,
    has_surrogates,
)
from wizard.sessions import InvalidAnswer, Session, is_whole_number
from wizard.ui_texts import say

BACK_WORDS = {"terug", "back", "vorige"}
HELP_WORDS = {"?", "help", "uitleg"}
UNKNOWN_WORDS = {"0", "weet niet", "weet_niet", "ik weet het niet", "?0", "dont know", "don't know"}


class PlainRunner:
    def __init__(
        self, engine: Engine, stdin: TextIO, stdout: TextIO, record: Path | None = None
    ) -> None:
        self.engine = engine
        self.record = record
        """Where to write the finished session as a scenario file (``--record``)."""
        self.stdin = stdin
        self.stdout = stdout
        self.echo = not stdin.isatty()

    def write(self, text: str = "") -> None:
        # Whatever the text holds (an answer repeated back, content), no escape reaches the terminal.
        self.stdout.write(for_terminal(text) + "\n")
        self.stdout.flush()

    def read_line(self, lang: Lang) -> str | None:
        """One typed line, cleaned; "" at the end of input; None (said why) when not UTF-8."""
        buffer: BinaryIO | None = getattr(self.stdin, "buffer", None)
        try:
            if buffer is None:  # a text stream (tests); a lone surrogate marks undecodable bytes
                text = self.stdin.readline(MAX_LINE_BYTES)
                if has_surrogates(text):
                    raise Undecodable(UNDECODABLE[1])
            else:  # decoded here, not by the stream: its errors would end the session
                data = buffer.readline(MAX_LINE_BYTES)
                cut = len(data) >= MAX_LINE_BYTES and not data.endswith(b"\n")
                while cut:  # an endless line: keep its start, drop the rest
                    more = buffer.readline(MAX_LINE_BYTES)
                    cut = bool(more) and not more.endswith(b"\n")
                text = decode_line(data, partial=len(data) >= MAX_LINE_BYTES)
        except Undecodable:
            self.write(UNDECODABLE[lang == "en"])
            return None
        if not text:
            return ""
        return clean_line(text) + "\n"

    def show(self, question: CompiledQuestion, session: Session) -> None:
        lang = session.lang
        fact = self.engine.content.facts[question.fact]
        number, total = self.engine.progress(session)
        self.write()
        self.write(say("progress", lang, n=number, total=total))
        self.write(question.model.text.get(lang))
        if fact.kind in ("choice", "yes_no"):
            for index, value in enumerate(fact.value_ids(), start=1):
                self.write(f"  {index}. {fact.value_label(value, lang)}")
            if fact.offer_unknown or fact.optional:
                self.write(f"  0. {say('unknown', lang)}")
            self.write(say("plain.hint", lang))
        else:
            self.write(say("plain.number_hint", lang))

    def interpret(self, question: CompiledQuestion, line: str) -> object:
        fact = self.engine.content.facts[question.fact]
        text = line.strip()
        if fact.kind == "integer" and is_whole_number(text):
            return text
        if text.lower() in UNKNOWN_WORDS:
            return UNKNOWN
        if fact.kind in ("choice", "yes_no"):
            values = fact.value_ids()
            chosen = bounded_int(text, 1, len(values)).value
            if chosen is not None:
                return values[chosen - 1]
            labels = {fact.value_label(v, lang).lower(): v for v in values for lang in ("nl", "en")}
            return labels.get(text.lower(), text)
        return text

    def run(self, session: Session) -> int:
        while True:
            question = self.engine.current_question(session)
            if question is None:
                break
            self.show(question, session)
            line = self.read_line(session.lang)
            if line is None:
                continue
            if not line:
                self.write()
                self.write(say("plain.ended", session.lang))
                self.write(
                    render_text(self.engine.content, self.engine.result(session), session.lang)
                )
                if self.record is not None:
                    self.write(say("plain.not_recorded", session.lang))
                return 1
            if self.echo:
                self.write(f"> {line.rstrip()}")
            word = line.strip().lower()
            if word in BACK_WORDS:
                if not self.engine.walk(session).asked:
                    self.write(say("first", session.lang))
                session, _ = self.engine.back(session)
                continue
            if word in HELP_WORDS:
                help_text = question.model.help
                self.write(
                    help_text.get(session.lang) if help_text else say("plain.no_help", session.lang)
                )
                continue
            try:
                session = self.engine.answer(session, self.interpret(question, line))
            except InvalidAnswer as exc:
                self.write(exc.reason.get(session.lang))
        self.write()
        self.write(render_text(self.engine.content, self.engine.result(session), session.lang))
        if self.record is not None:
            return self.save_recording(session, self.record)
        return 0

    def save_recording(self, session: Session, path: Path) -> int:
        """Write the finished session as a scenario file, and say where (or why not)."""
        result = self.engine.result(session)
        name = f"{path.stem} (plain, {session.date.isoformat()})"
        text = scenario_yaml(self.engine.content, session, result, name)
        self.write()
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.write(say("plain.record_failed", session.lang, path=path, reason=exc.strerror))
            return 1
        self.write(say("plain.recorded", session.lang, path=path))
        return 0
