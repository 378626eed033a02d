"""Engine properties on randomly generated question graphs and catalogues.

The graphs are written as YAML and loaded through the real loader, so the whole pipeline is
exercised, and the skipping rule is checked against content nobody tuned for it.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_engine_properties import answered_facts, assert_same_outcome, run
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.sessions import Answer

DAY = date(2026, 11, 23)
VALUES = ["a", "b", "c"]


def text(word: str) -> dict[str, str]:
    return {"nl": word, "en": word}


@st.composite
def atoms(draw: st.DrawFn, facts: int) -> str:
    fact = f"f{draw(st.integers(0, facts - 1))}"
    kind = draw(st.sampled_from(["eq", "ne", "in", "notin"]))
    if kind in ("eq", "ne"):
        return f"{fact} {'==' if kind == 'eq' else '!='} {draw(st.sampled_from(VALUES))}"
    chosen = draw(st.lists(st.sampled_from(VALUES), min_size=1, max_size=2, unique=True))
    return f"{fact} {'in' if kind == 'in' else 'not in'} [{', '.join(chosen)}]"


@st.composite
def conditions(draw: st.DrawFn, facts: int) -> str:
    parts = draw(st.lists(atoms(facts), min_size=1, max_size=3))
    joiner = draw(st.sampled_from([" and ", " or "]))
    cond = joiner.join(parts)
    return f"not ({cond})" if draw(st.booleans()) else cond


@st.composite
def content_dirs(draw: st.DrawFn, shortcuts: bool = True) -> dict[str, object]:
    """A random graph q0 -> q1 -> ... (with jumps and ask_when), its facts and 1-4 instruments;
    sometimes with a question for two later facts between q0 and q1 (``sets``)."""
    n = draw(st.integers(2, 6))
    facts = [
        {
            "id": f"f{i}",
            "kind": "choice",
            "label": text(f"f{i}"),
            "values": [{"id": v, "label": text(v)} for v in VALUES],
            "offer_unknown": draw(st.booleans()),
        }
        for i in range(n)
    ]
    questions = []
    for i in range(n):
        routes = []
        if i + 2 < n and draw(st.booleans()):
            routes.append(
                {"when": draw(conditions(i + 1)), "goto": f"q{draw(st.integers(i + 2, n - 1))}"}
            )
        routes.append({"goto": f"q{i + 1}" if i + 1 < n else "end"})
        question: dict[str, object] = {
            "id": f"q{i}",
            "fact": f"f{i}",
            "text": text(f"q{i}"),
            "next": routes,
        }
        if i > 0 and draw(st.integers(0, 3)) == 0:
            question["ask_when"] = draw(conditions(i))
        questions.append(question)
    if shortcuts and n >= 3 and draw(st.booleans()):
        # between q(k-1) and q(k); its facts may come after it or (never asked by it) before
        k = draw(st.integers(1, n - 1))
        facts.append(shortcut_fact(draw, n))
        questions[k - 1]["next"][-1]["goto"] = "qs"  # type: ignore[index]
        questions.append({"id": "qs", "fact": "s", "text": text("qs"), "next": [{"goto": f"q{k}"}]})
        if draw(st.booleans()):
            questions[-1]["ask_when"] = draw(conditions(k))
    incentives = []
    for k in range(draw(st.integers(1, 4))):
        requires = [
            {
                "id": f"r{j}",
                "when": draw(conditions(n)),
                "why_not": text("no"),
                "if_unmet": draw(st.sampled_from(["not_eligible", "not_eligible", "possibly"])),
            }
            for j in range(draw(st.integers(1, 3)))
        ]
        incentives.append(
            {
                "id": f"i{k}",
                "name": text(f"i{k}"),
                "summary": text("s"),
                "valid_from": "2020-01-01",
                "confidence": "high",
                "priority": draw(st.integers(0, 3)),
                "serves": {
                    v: draw(st.integers(1, 3))
                    for v in draw(st.lists(st.sampled_from(VALUES), unique=True))
                },
                "requires": requires,
                "sources": [{"url": "https://example.org", "title": "t", "read_on": "2026-11-23"}],
            }
        )
    graph = {
        "version": "random",
        "start": "q0",
        "need_fact": "f0",
        "pursue_min_fit": draw(st.integers(0, 3)),
        "referral": text("r"),
        "questions": questions,
    }
    return {"facts": {"facts": facts}, "graph": graph, "incentives": incentives}


def shortcut_fact(draw: st.DrawFn, n: int) -> dict[str, object]:
    """Fact 's': one option sets two or three facts, one sets one of them, one sets nothing."""
    targets = draw(st.lists(st.integers(1, n - 1), min_size=2, max_size=3, unique=True))
    first = targets[0]
    both = {f"f{t}": draw(st.sampled_from(VALUES)) for t in targets}
    return {
        "id": "s",
        "kind": "choice",
        "label": text("s"),
        "offer_unknown": draw(st.booleans()),
        "values": [
            {"id": "both", "label": text("both"), "sets": both},
            {
                "id": "one",
                "label": text("one"),
                "sets": {f"f{first}": draw(st.sampled_from(VALUES))},
            },
            {"id": "other", "label": text("other")},
        ],
    }


def answers_for(values: tuple[str, ...], offer_unknown: bool) -> list[Answer]:
    return [*values, *([UNKNOWN] if offer_unknown else [])]


def materialise(spec: dict[str, object], root: Path) -> Content:
    # JSON is valid YAML, and keeps the generator free of any YAML writer.
    (root / "questions").mkdir(parents=True)
    (root / "incentives").mkdir()
    (root / "questions" / "facts.yaml").write_text(json.dumps(spec["facts"]))
    (root / "questions" / "graph.yaml").write_text(json.dumps(spec["graph"]))
    for incentive in spec["incentives"]:  # type: ignore[attr-defined]
        (root / "incentives" / f"{incentive['id']}.yaml").write_text(json.dumps(incentive))
    return load_content(root)


@settings(max_examples=150, deadline=None)
@given(spec=content_dirs(), data=st.data())
def test_skipping_equals_asking_everything_on_random_graphs(
    spec: dict[str, object], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = materialise(spec, Path(folder))
    for _ in range(5):
        person: dict[str, Answer] = {
            fact.id: data.draw(st.sampled_from(answers_for(fact.value_ids(), fact.offer_unknown)))
            for fact in content.facts.values()
        }
        short_session, short = run(Engine(content), person, DAY)
        full_session, full = run(Engine(content, ask_everything=True), person, DAY)
        assert_same_outcome(short, full)
        assert answered_facts(content, short_session, short) <= answered_facts(
            content, full_session, full
        )
