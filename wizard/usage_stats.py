"""Usage figures summed up: drop-off per question, questions per session, outcomes, "weet niet".

Pure functions over the stored events (wizard.usage); ``leerwijzer stats`` prints them as tables
with bars and writes them as an HTML page with SVG charts (wizard.usage_html).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from wizard.sessions import UNKNOWN_ANSWER
from wizard.store.base import UsageRow
from wizard.usage import NOTHING


@dataclass(frozen=True)
class QuestionFigures:
    question: str
    reached: int
    """Sessions that were shown this question at least once."""
    abandoned: int
    """Sessions that ended here without a result."""
    answered: int
    unknown: int
    """Answers "weet ik niet" among ``answered``."""

    @property
    def drop_off(self) -> float:
        return self.abandoned / self.reached if self.reached else 0.0

    @property
    def unknown_share(self) -> float:
        return self.unknown / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class Summary:
    sessions: int
    finished: int
    abandoned: int
    mean_questions: float
    """Questions answered (net of going back) per finished session."""
    questions: tuple[QuestionFigures, ...]
    first_choice: Mapping[str, int]
    """Finished sessions per first recommended instrument (or "nothing")."""
    recommended: Mapping[str, int]
    """Finished sessions recommending each instrument (anywhere in the list)."""
    modes: Mapping[str, int] = field(default_factory=dict)
    first_day: str = ""
    last_day: str = ""


def summarise(events: Iterable[UsageRow], order: Sequence[str] = ()) -> Summary:
    """The figures of ``events``; questions in ``order`` (content order) first, then the rest."""
    runs: dict[str, list[UsageRow]] = defaultdict(list)
    for event in events:
        runs[event.run].append(event)
    reached: Counter[str] = Counter()
    abandoned_at: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    first_choice: Counter[str] = Counter()
    recommended: Counter[str] = Counter()
    modes: Counter[str] = Counter()
    lengths: list[int] = []
    finished = abandoned = 0
    days: list[str] = []
    for run in runs.values():
        run.sort(key=lambda e: e.seq)
        days += [run[0].day.isoformat(), run[-1].day.isoformat()]
        modes[run[0].mode] += 1
        reached.update({e.question for e in run if e.kind == "shown" and e.question})
        net = 0
        for event in run:
            if event.kind in ("answered", "edited") and event.question:
                answered[event.question] += 1
                unknown[event.question] += event.answer == UNKNOWN_ANSWER
            net += {"answered": 1, "back": -1}.get(event.kind, 0)
        last = next((e for e in reversed(run) if e.kind in ("finished", "abandoned")), None)
        if last is not None and last.kind == "finished":
            finished += 1
            lengths.append(net)
            chosen = (last.outcome or NOTHING).split()
            first_choice[chosen[0]] += 1
            recommended.update(c for c in chosen if c != NOTHING)
        elif last is not None and last.question:
            abandoned += 1
            abandoned_at[last.question] += 1
    position = {q: n for n, q in enumerate(order)}
    asked = sorted(reached, key=lambda q: (position.get(q, len(position)), -reached[q], q))
    return Summary(
        sessions=len(runs),
        finished=finished,
        abandoned=abandoned,
        mean_questions=sum(lengths) / len(lengths) if lengths else 0.0,
        questions=tuple(
            QuestionFigures(q, reached[q], abandoned_at[q], answered[q], unknown[q]) for q in asked
        ),
        first_choice=dict(first_choice.most_common()),
        recommended=dict(recommended.most_common()),
        modes=dict(modes.most_common()),
        first_day=min(days, default=""),
        last_day=max(days, default=""),
    )


def bar(share: float, width: int = 20) -> str:
    """A bar of ``width`` cells for a share from 0 to 1, in characters any terminal shows."""
    filled = round(max(0.0, min(1.0, share)) * width)
    return "#" * filled + "." * (width - filled)


def text_report(summary: Summary, labels: Mapping[str, str] | None = None) -> str:
    """Tables with bars, for the console (plain text: it goes to pipes and logs too)."""
    labels = labels or {}
    lines = [
        f"Sessies / sessions: {summary.sessions}  (van/from {summary.first_day or '-'} "
        f"tot/to {summary.last_day or '-'})",
        f"Afgerond / finished: {summary.finished}   Afgebroken / abandoned: {summary.abandoned}",
        f"Gemiddeld aantal vragen / mean questions per finished session: "
        f"{summary.mean_questions:.1f}",
        "Modus / mode: " + ", ".join(f"{m} {n}" for m, n in summary.modes.items()),
        "",
        "Afhaken per vraag / drop-off per question",
        f"  {'vraag / question':<34} {'bereikt':>7} {'afgehaakt':>9}  {'':20} {'weet niet':>9}",
    ]
    for q in summary.questions:
        name = labels.get(q.question, q.question)[:34]
        lines.append(
            f"  {name:<34} {q.reached:>7} {q.abandoned:>9}  {bar(q.drop_off)} "
            f"{q.unknown_share:>8.0%}"
        )
    lines += ["", "Uitkomst per instrument / outcomes per instrument (first recommended)"]
    total = max(1, summary.finished)
    for instrument, count in summary.first_choice.items():
        name = labels.get(instrument, instrument)[:34]
        lines.append(f"  {name:<34} {count:>7}  {bar(count / total)}")
    if not summary.first_choice:
        lines.append("  (nog geen afgeronde sessies / no finished sessions yet)")
    return "\n".join(lines)
