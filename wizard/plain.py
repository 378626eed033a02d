"""Plain mode: the same questions line by line, for screen readers, pipes and dumb terminals.

No colour, no cursor movement, no box drawing: numbered options and a prompt. An answer is a number
or words (``understanding``); each one is said back ("U koos: ..."). ``terug`` goes back, ``?``
explains. After the last question comes a check step: every answer listed, one changed by its
number, Enter for the result. The result opens with the glance; a number then reads that
instrument's card, ``waarom`` why the others do not fit. When the input ends before the last
question, the person is told the result is incomplete: nothing is recommended on half the answers.
Works with piped standard input (each line answers one question).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, TextIO

from wizard.content import CompiledQuestion
from wizard.engine import Engine
from wizard.export import answer_label
from wizard.export_files import write_private
from wizard.model import Lang
from wizard.recording import scenario_yaml
from wizard.report import card, glance, status_word
from wizard.report_text import render_card, render_glance, render_why_not
from wizard.report_why_not import why_not
from wizard.sanitize import (
    MAX_LINE_BYTES,
    UNDECODABLE,
    Undecodable,
    clean_line,
    decode_line,
    for_terminal,
    has_surrogates,
)
from wizard.sessions import Answer, InvalidAnswer, Session
from wizard.ui_texts import progress_line, say
from wizard.understanding import offers_unknown, understand

BACK_WORDS = {"terug", "back", "vorige"}
HELP_WORDS = {"?", "help", "uitleg"}
DONE_WORDS = {
    "",
    "klaar",
    "verder",
    "resultaat",
    "ok",
    "ja",
    "j",
    "klopt",
    "done",
    "result",
    "yes",
    "y",
}
"""At the check step ("Klopt alles?"): show the result."""
WHY_WORDS = {"waarom", "why", "waarom niet", "why not"}
ALL_WORDS = {"alles", "all"}
STOP_WORDS = {"", "stop", "einde", "klaar", "quit", "end", "done"}


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
        encoding = (getattr(stdout, "encoding", None) or "utf-8").lower().replace("-", "")
        # The Linux console's font and non-UTF-8 output have no ✔ or ◷: verdicts get ASCII glyphs.
        self.ascii_only = os.environ.get("TERM") == "linux" or encoding != "utf8"

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

    def show(self, question: CompiledQuestion, session: Session, top: str = "") -> None:
        lang = session.lang
        fact = self.engine.content.facts[question.fact]
        number, total = self.engine.progress(session)
        self.write()
        self.write(top or progress_line(number, total, lang))
        self.write(question.model.text.get(lang))
        if fact.kind == "multi_choice":
            # More than one may be chosen: numbers with commas; 0 is "none of these" here, so
            # "Ik weet het niet" is typed in words.
            for index, value in enumerate(fact.value_ids(), start=1):
                self.write(f"  {index}. {fact.value_label(value, lang)}")
            self.write(f"  0. {fact.value_label(frozenset(), lang)}")
            if offers_unknown(fact):
                self.write(f"  {say('unknown', lang)}: {say('plain.type_unknown', lang)}")
            self.write(say("plain.multi_hint", lang))
        elif fact.kind in ("choice", "yes_no"):
            for index, value in enumerate(fact.value_ids(), start=1):
                self.write(f"  {index}. {fact.value_label(value, lang)}")
            if offers_unknown(fact):
                self.write(f"  0. {say('unknown', lang)}")
            self.write(say("plain.hint", lang))
        elif fact.kind == "integer" and offers_unknown(fact):
            self.write(say("plain.number_hint_unknown", lang))
        else:
            self.write(
                say("plain.number_hint" if fact.kind == "integer" else "plain.date_hint", lang)
            )

    @staticmethod
    def numbers(last: int, lang: Lang) -> str:
        """ "1" or "1 tot 3": the numbers a person can type."""
        return "1" if last == 1 else f"1 {'tot' if lang == 'nl' else 'to'} {last}"

    def said(self, fact_id: str, value: Answer, lang: Lang) -> str:
        return answer_label(self.engine.content, fact_id, value, lang)

    def read_answer(
        self, question: CompiledQuestion, session: Session, top: str = ""
    ) -> tuple[str, object] | None:
        """Ask ``question`` until it gets an answer it understands: ("answer", value), ("back",
        None), or None at the end of input. Help and what is not understood ask again."""
        lang = session.lang
        fact = self.engine.content.facts[question.fact]
        while True:
            self.show(question, session, top)
            line = self.read_line(lang)
            if line is None:
                continue
            if not line:
                return None
            if self.echo:
                self.write(f"> {line.rstrip()}")
            word = line.strip().lower()
            if word in BACK_WORDS:
                return "back", None
            if word in HELP_WORDS:
                help_text = question.model.help
                self.write(help_text.get(lang) if help_text else say("plain.no_help", lang))
                continue
            understood = understand(fact, line)
            if understood.value is None:
                self.write(understood.hint(lang))
                continue
            return "answer", understood.value

    def questions(self, session: Session) -> tuple[Session, bool]:
        """Ask until every question is answered (True) or the input ends (False)."""
        lang = session.lang
        while (question := self.engine.current_question(session)) is not None:
            got = self.read_answer(question, session)
            if got is None:
                return session, False
            kind, value = got
            if kind == "back":
                if not self.engine.walk(session).asked:
                    self.write(say("first", lang))
                session, _ = self.engine.back(session)
                continue
            try:
                session = self.engine.answer(session, value)
            except InvalidAnswer as exc:
                self.write(exc.reason.get(lang))
                continue
            shown = self.said(question.fact, session.answer_map[question.fact], lang)
            self.write(say("plain.you_chose", lang, answer=shown))
        return session, True

    def check_step(self, session: Session) -> tuple[Session, bool]:
        """Every answer listed; a number changes one. True: show the result (Enter, or the end
        of the input: every question is answered); False: questions to ask again."""
        lang = session.lang
        while True:
            walk = self.engine.walk(session)
            self.write()
            self.write(say("plain.check_title", lang))
            for number, question in enumerate(walk.asked, start=1):
                shown = self.said(question.fact, walk.known[question.fact], lang)
                text = question.model.text.get(lang)
                self.write(f"  {number}. {text} {say('plain.your_answer', lang, answer=shown)}")
            self.write(say("plain.check_hint", lang, last=len(walk.asked)))
            line = self.read_line(lang)
            if line is None:
                continue
            if not line:
                return session, True
            if self.echo:
                self.write(f"> {line.rstrip()}")
            word = line.strip().lower()
            if word in DONE_WORDS:
                return session, True
            if word in BACK_WORDS:
                return self.engine.back(session)[0], False
            if word in HELP_WORDS:
                continue  # the list and the hint again: they say what can be typed
            if word.isascii() and word.isdigit() and 1 <= int(word[:4]) <= len(walk.asked):
                return self.change(session, walk.asked[int(word[:4]) - 1]), False
            self.write(say("plain.check_not_understood", lang, last=len(walk.asked)))

    def change(self, session: Session, question: CompiledQuestion) -> Session:
        """Ask ``question`` again and apply the new answer, saying what it changes."""
        lang = session.lang
        fact = question.fact
        now = self.said(fact, session.answer_map[fact], lang)
        while True:
            got = self.read_answer(question, session, say("plain.changing", lang, answer=now))
            if got is None or got[0] == "back":
                return session
            try:
                outcome = self.engine.edit(session, fact, got[1])
            except InvalidAnswer as exc:
                self.write(exc.reason.get(lang))
                continue
            break
        updated = outcome.session
        self.write(
            say("plain.you_chose", lang, answer=self.said(fact, updated.answer_map[fact], lang))
        )
        content = self.engine.content
        texts = {q.fact: q.model.text.get(lang) for q in content.questions.values()}
        if outcome.dropped:
            dropped = "; ".join(texts.get(f, f) for f in outcome.dropped)
            self.write(f"{say('tui.confirm_dropped', lang)}: {dropped}")
        for instrument, before, after in outcome.changed:
            name = content.incentives[instrument].model.name.get(lang)
            was, becomes = status_word(before, lang), status_word(after, lang)
            self.write(say("plain.changed", lang, name=name, before=was, after=becomes))
        return updated

    def ended_early(self, session: Session) -> int:
        """The input ended before the last question: say so, and recommend nothing."""
        lang = session.lang
        result = self.engine.result(session)
        self.write()
        self.write(say("plain.ended", lang))
        self.write(say("plain.incomplete", lang))
        certain = [
            i
            for i, v in result.verdicts.items()
            if v.shown_status == "eligible" and not v.tip and i in result.recommended
        ]
        if certain:
            names = "; ".join(
                self.engine.content.incentives[i].model.name.get(lang) for i in certain
            )
            self.write(say("plain.certain_so_far", lang, names=names))
        self.write()
        for line in glance(self.engine.content, result, lang).footer:
            self.write(line)
        if self.record is not None:
            self.write(say("plain.not_recorded", lang))
        return 1

    def show_result(self, session: Session) -> None:
        """The glance first; then a number reads a card, 'waarom' why not, Enter stops."""
        lang = session.lang
        content = self.engine.content
        result = self.engine.result(session)
        summary = glance(content, result, lang, ascii_only=self.ascii_only)
        self.write()
        for text in render_glance(summary, height=None, see_why=say("plain.see_why", lang)):
            self.write(text)
        self.write()
        for text in summary.footer:
            self.write(text)
        items = summary.items
        while True:
            self.write()
            self.write(self.more_prompt(len(items), lang))
            line = self.read_line(lang)
            if line is None:
                continue
            if self.echo and line:
                self.write(f"> {line.rstrip()}")
            word = line.strip().lower()
            if not line or word in STOP_WORDS:
                return
            chosen = [item for item in items if word == str(item.number)]
            if word in ALL_WORDS:
                chosen = list(items)
            for item in chosen:
                self.write()
                shown = card(content, result, item.instrument, lang, ascii_only=self.ascii_only)
                for text in render_card(shown, lang=lang):
                    self.write(text)
            if word in WHY_WORDS:
                self.write()
                for text in render_why_not(why_not(content, result, lang), lang):
                    self.write(text)
            elif not chosen:
                self.write(say("plain.more_not_understood", lang))

    def more_prompt(self, count: int, lang: Lang) -> str:
        """What to type after the glance; a flow of single end states has no "why not" to read."""
        if self.engine.content.result_mode == "end_state":
            if not count:
                return say("plain.stop", lang)
            return say("plain.more_end", lang, numbers=self.numbers(count, lang))
        if count:
            return say("plain.more", lang, numbers=self.numbers(count, lang))
        return say("plain.more_why", lang)

    def run(self, session: Session) -> int:
        while True:
            session, answered = self.questions(session)
            if not answered:
                return self.ended_early(session)
            session, done = self.check_step(session)
            if done:
                break
        self.show_result(session)
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
            write_private(path, text)  # answers inside: 0600, as every export
        except OSError as exc:
            self.write(say("plain.record_failed", session.lang, path=path, reason=exc.strerror))
            return 1
        self.write(say("plain.recorded", session.lang, path=path))
        return 0
