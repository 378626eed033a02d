"""Benchmarks: print figures, assert nothing. Run with `make bench`.

- content load time (YAML -> validated, linked Content), median of several loads;
- median engine step time (answer one question and find the next), over every scenario;
- questions asked per scenario (mean and max);
- time to refuse hostile YAML (alias bomb, nesting 30,000 deep);
- cold start to the first question painted, against a bare one-label Textual app (headless);
- the TUI soak: RSS at start and after 1,000 question changes; keys from start to result;
- words a typical worker, jobseeker and career switcher read on the result's first screen (the
  glance at 80x24; target <= 120) and before opening any card (target <= 400);
- the independent citizen profiles (tests/independent): right first recommendations and false
  "eligible" per set (issue 11: >= 95 %, none).
"""

from __future__ import annotations

import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wizard.bundled import bundled_content_root
from wizard.conditions import UNKNOWN
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.problems import ContentError
from wizard.replay import load_scenario, run_scenario, scenario_answer, scenario_files
from wizard.report_text import reading_figures
from wizard.sessions import UNKNOWN_ANSWER
from wizard.yamlio import read_yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the typical people are shared with the tests

from paths_timing import bench_paths  # noqa: E402  (bench/ is the script folder)

from tests.independent_profiles import profile_sets, score_set  # noqa: E402
from tests.profiles import PROFILES, profile_result  # noqa: E402


def median_seconds(action: object, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def bench_load(content_root: Path) -> None:
    seconds = median_seconds(lambda: load_content(content_root), 15)
    print(f"content load: {seconds * 1000:.1f} ms (median of 15)")


def bench_steps(engine: Engine, scenarios: list[Path]) -> None:
    step_times: list[float] = []
    for path in scenarios:
        scenario = load_scenario(path)
        session = engine.start(scenario.date, scenario.lang)
        while True:
            start = time.perf_counter()
            question = engine.current_question(session)
            raw = (
                None
                if question is None
                else scenario_answer(engine.content, scenario, question.fact)
            )
            if raw is None:
                break
            session = engine.answer(session, UNKNOWN if raw == UNKNOWN_ANSWER else raw)
            step_times.append(time.perf_counter() - start)
    if step_times:
        median_us = statistics.median(step_times) * 1e6
        print(f"engine step: {median_us:.0f} us median over {len(step_times)} steps")


def bench_questions(engine: Engine, scenarios: list[Path]) -> None:
    counts = [len(run_scenario(engine, load_scenario(p), str(p)).asked) for p in scenarios]
    if counts:
        print(
            f"questions per scenario: mean {statistics.mean(counts):.2f}, max {max(counts)} "
            f"over {len(counts)} scenarios"
        )


def bench_reading(engine: Engine) -> None:
    for who, file_name in PROFILES.items():
        result, guessed = profile_result(engine, ROOT / "tests" / "scenarios" / file_name)
        first, page = reading_figures(engine.content, result, "nl")
        first_en, page_en = reading_figures(engine.content, result, "en")
        note = f" ('weet ik niet' for {', '.join(guessed)})" if guessed else ""
        print(
            f"result words, {who}: first screen {first} (target <= 120), "
            f"before any card {page} (target <= 400); in English {first_en} and {page_en}{note}"
        )


def cold_start(script: Path, repeats: int = 5) -> float:
    """Median seconds from interpreter start to the first paint, each run in a fresh process."""
    runs = [
        float(
            subprocess.run(
                [sys.executable, str(script)], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeats)
    ]
    return statistics.median(runs)


def bench_startup() -> None:
    here = Path(__file__).resolve().parent
    bare = cold_start(here / "startup_bare.py")
    ours = cold_start(here / "startup_wizard.py")
    print(
        f"first question painted: {ours * 1000:.0f} ms; bare Textual app: {bare * 1000:.0f} ms "
        f"(ratio {ours / bare:.2f}, medians of 5 cold starts)"
    )


def bench_hostile() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bomb = Path(folder) / "bomb.yaml"
        lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 30)]
        bomb.write_text("\n".join(lines))
        deep = Path(folder) / "deep.yaml"
        deep.write_text("a: " + "[" * 30_000 + "]" * 30_000)
        for name, path in (("alias bomb", bomb), ("nesting 30,000 deep", deep)):
            start = time.perf_counter()
            with contextlib.suppress(ContentError):
                read_yaml(path)
            print(f"refuse {name}: {(time.perf_counter() - start) * 1000:.1f} ms")


def bench_tui() -> None:
    """The TUI soak (RSS before and after 1,000 question changes) and keys from start to result:
    bench/tui_soak.py, in a process of its own so its memory is the TUI's alone."""
    subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent / "tui_soak.py")], check=True
    )


def bench_independent(engine: Engine) -> None:
    for folder in profile_sets():
        print(f"independent profiles {score_set(engine, folder).line()} (target >= 95 %, none)")


def main() -> int:
    content_root = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_content_root()
    scenarios = list(scenario_files([ROOT / "tests" / "scenarios"]))
    bench_load(content_root)
    engine = Engine(load_content(content_root))
    bench_steps(engine, scenarios)
    bench_questions(engine, scenarios)
    bench_independent(engine)
    bench_reading(engine)
    bench_hostile()
    bench_startup()
    bench_tui()
    bench_paths()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
