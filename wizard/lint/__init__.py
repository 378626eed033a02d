"""Lint: what is wrong in meaning with content that loads.

``leerwijzer check`` (the loader) refuses content that cannot run: a goto to nowhere, a cycle, a
question no route leads to, a missing default route, an empty text, an instrument without sources
or start date. Lint runs on content that passed those checks and looks for logic that runs but
misleads: paths that end while a verdict still hangs on a fact nobody asked, questions no answer
path asks, routes that overlap or never fire, instruments nobody can get on a date, texts that are
untranslated, too long or too hard to read for plain language, rules that silently run out.

Rules that are about answer paths search over the answers that matter (choice values; for whole
numbers and dates the boundaries named in conditions, plus and minus one) and then confirm every
claim with the real engine, so an error names a path the wizard really takes. Every finding names
its rule, a severity, ``file:line`` and the fix. See docs/lint.md for each rule.

The package, one job per module:

- ``findings``: the finding type, the rules and their severities, how answers read in a message.
- ``locator``: the ``file:line`` of content items.
- ``domains``: per fact, the answers worth trying.
- ``search``: backtracking over those answers for the answer sets that matter.
- ``graph_walk``: every path through the question graph, over the answers that steer it.
- ``graph_rules``: unreachable_question, fact_asked_twice, route_overlap, unhandled_option,
  route_never_taken.
- ``instrument_rules``: never_eligible, only_via_weet_niet, dead_end (search, then the engine).
- ``text_rules``: missing_translation, text_too_long, hard_to_read (measured by ``readability``).
- ``dating_rules``: missing_source, missing_validity.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from wizard.content import Content
from wizard.lint.dating_rules import SOURCE_MAX_AGE, dating_findings
from wizard.lint.domains import Domains
from wizard.lint.findings import RULES, Finding, Severity
from wizard.lint.graph_rules import graph_findings
from wizard.lint.graph_walk import MAX_GRAPH_STATES, explore
from wizard.lint.instrument_rules import MAX_ASSIGNMENTS, MAX_WALKS, QUICK_WALKS, InstrumentChecks
from wizard.lint.locator import Locator, files_read, incentive_file
from wizard.lint.text_rules import TEXT_BUDGETS, text_findings

__all__ = [
    "MAX_ASSIGNMENTS",
    "MAX_GRAPH_STATES",
    "MAX_WALKS",
    "QUICK_WALKS",
    "RULES",
    "SOURCE_MAX_AGE",
    "TEXT_BUDGETS",
    "Finding",
    "Severity",
    "files_read",
    "incentive_file",
    "lint",
]


def lint(content: Content, on: date, documents: Mapping[Path, Any] | None = None) -> list[Finding]:
    """Every finding for ``content`` on the reference date ``on``, errors first.

    ``documents``: the files of ``files_read(content)`` as ``read_yaml`` reads them, if the
    caller has them (the command keeps them in the content cache); else they are read here.
    """
    where = Locator(content, documents)
    domains = Domains(content, on)
    # MAX_GRAPH_STATES is read here, from this package, when lint runs: setting
    # wizard.lint.MAX_GRAPH_STATES changes the limit (the tests make it tiny).
    graph = explore(content, domains, MAX_GRAPH_STATES)
    findings = [
        *graph_findings(content, graph, domains, where),
        *InstrumentChecks(content, on, domains, where).run(graph),
        *text_findings(content, where),
        *dating_findings(content, on, where),
    ]
    return sorted(findings, key=Finding.sort_key)
