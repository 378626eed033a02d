"""Every answer path through the question graph: counted, grouped by outcome, kept as a golden master.

A *path* is one way through the wizard on a reference date: at each question the real engine asks
(its own skipping decides which comes next), one of the answers the fact offers, "weet ik niet"
included where the fact offers it; numbers and dates offer one answer per range the rules tell
apart, multi_choice facts one set per group of sets (``answers``). The paths are never listed
one by one: ``diagram`` walks them memoised over the engine's relevant state
(``wizard.relevance``, as ``Engine.relevant_key``) into a decision diagram whose ends hold the
engine's own result; ``outcomes`` counts paths per outcome; ``master`` writes and reads the golden
master; ``compare`` names the paths that changed; ``golden`` writes replayable scenarios;
``coverage`` measures scenario files. A graph with too many paths to count (the bundled one) gets
a ``survey`` instead: real walks, the ones that meet something new kept as witnesses, with the
same master, scenarios and check on those. Only the engine's public step API is used.
"""

from wizard.paths.answers import (
    Answers,
    Option,
    PathSteps,
    Picked,
    Range,
    Step,
    answer_label,
    describe_path,
    option_label,
    option_raw,
    ranges,
)
from wizard.paths.compare import Difference, compare, count_paths, outcome_text
from wizard.paths.coverage import Coverage, Covered, scenario_coverage
from wizard.paths.diagram import (
    Diagram,
    Edge,
    Explorer,
    MasterError,
    Node,
    Outcome,
    PathsError,
    TooManyPaths,
    enumerate_paths,
    session_for,
)
from wizard.paths.golden import all_paths, golden_paths, golden_scenario, write_golden
from wizard.paths.master import MASTER_FILE, MASTER_FORMAT, diagram_json, read_master
from wizard.paths.outcomes import Outcomes
from wizard.paths.survey import DEFAULT_WALKS, Found, Survey
from wizard.paths.survey_master import offered_changes, rewalk, survey_diagram

__all__ = [
    "DEFAULT_WALKS",
    "MASTER_FILE",
    "MASTER_FORMAT",
    "Answers",
    "Coverage",
    "Covered",
    "Diagram",
    "Difference",
    "Edge",
    "Explorer",
    "Found",
    "MasterError",
    "Node",
    "Option",
    "Outcome",
    "Outcomes",
    "PathSteps",
    "PathsError",
    "Picked",
    "Range",
    "Step",
    "Survey",
    "TooManyPaths",
    "all_paths",
    "answer_label",
    "compare",
    "count_paths",
    "describe_path",
    "diagram_json",
    "enumerate_paths",
    "golden_paths",
    "golden_scenario",
    "option_label",
    "option_raw",
    "outcome_text",
    "ranges",
    "offered_changes",
    "read_master",
    "rewalk",
    "scenario_coverage",
    "survey_diagram",
    "session_for",
    "write_golden",
]
