"""The installed wheel, as another team or a kiosk installs it: outside the checkout, nothing else.

The wheel is built from this checkout (hatchling, from the locked test tools, so nothing downloads),
then installed into a fresh virtual environment in a temporary folder with the exact versions of
uv.lock, from uv's cache: `make test` filled that cache when it installed the lock. Every command
then runs from another folder, so nothing of the checkout can leak in through the working directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
UV = REPO / ".tools" / "bin" / "uv"

pytestmark = pytest.mark.skipif(
    not UV.exists(), reason="uv is installed by `make test` (.tools/bin/uv); run the tests that way"
)


def run(
    *args: str | Path, cwd: Path, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**clean, "UV_PYTHON_DOWNLOADS": "never", "UV_LINK_MODE": "copy", **(env or {})},
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"{done.args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    ok(run(Path(sys.executable).parent / "hatchling", "build", "-t", "wheel", "-d", dist, cwd=REPO))
    (built,) = dist.glob("leerwijzer-*.whl")
    return built


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """uv.lock's exact versions, every extra, as constraints for the fresh installs."""
    path = tmp_path_factory.mktemp("lock") / "constraints.txt"
    exported = ok(
        run(UV, "export", "--frozen", "--format", "requirements-txt", "--no-emit-project",
            "--no-hashes", "--all-extras", "--quiet", cwd=REPO)
    )  # fmt: skip
    path.write_text(exported)
    return path


def fresh_env(where: Path, locked: Path, *requirements: str | Path) -> Path:
    """A new virtual environment holding only ``requirements``, installed offline from the lock."""
    venv = where / "venv"
    ok(run(UV, "venv", "--quiet", "--python", sys.executable, venv, cwd=where))
    python = venv / "bin" / "python"
    ok(
        run(UV, "pip", "install", "--quiet", "--offline", "--python", python, "-c", locked,
            *requirements, cwd=where)
    )  # fmt: skip
    return venv / "bin"


@pytest.fixture(scope="module")
def kiosk_install(
    tmp_path_factory: pytest.TempPathFactory, wheel: Path, locked: Path
) -> Iterator[Path]:
    """The wheel alone (no extras) plus pytest, in a folder far from the checkout."""
    where = tmp_path_factory.mktemp("elsewhere")
    yield fresh_env(where, locked, wheel, "pytest")
    shutil.rmtree(where, ignore_errors=True)


def test_the_wheel_carries_the_licence_the_content_and_the_plugin(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = archive.read(
            next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        ).decode()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "wizard/_content/questions/graph.yaml" in names
    assert "[pytest11]\nleerwijzer = wizard.pytest_plugin" in entry_points
    assert b"License-Expression: EUPL-1.2" in metadata
    assert b"Provides-Extra: serve" in metadata


def test_the_installed_wheel_works_from_another_folder(kiosk_install: Path, tmp_path: Path) -> None:
    leerwijzer = kiosk_install / "leerwijzer"
    version = ok(run(leerwijzer, "--version", cwd=tmp_path))
    assert version.startswith("leerwijzer 0.") and "rules (regels) 20" in version
    assert ok(run(leerwijzer, "check", cwd=tmp_path)).startswith("OK")
    scenario = tmp_path / "retiree.yaml"
    shutil.copy(REPO / "tests" / "scenarios" / "11_gepensioneerde_wallonie_niets.yaml", scenario)
    replayed = ok(run(leerwijzer, "replay", scenario, "--json", cwd=tmp_path))
    assert '"passed": true' in replayed
    piped = run(leerwijzer, "plain", "--date", "2026-11-23", cwd=tmp_path, stdin="0\n" * 40)
    assert "Traceback" not in piped.stderr
    assert piped.stdout.strip(), piped.stderr


def test_pytest_collects_each_scenario_file_through_the_installed_plugin(
    kiosk_install: Path, tmp_path: Path
) -> None:
    shutil.copytree(REPO / "tests" / "scenarios", tmp_path / "scenarios")
    count = len(list((tmp_path / "scenarios").glob("*.yaml")))
    junit = tmp_path / "junit.xml"
    done = run(
        kiosk_install / "python", "-m", "pytest", "scenarios", "-q", "-p", "no:cacheprovider",
        f"--junitxml={junit}", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{count} passed" in done.stdout
    assert junit.read_text().count("<testcase ") == count


def test_a_kiosk_install_without_the_serve_extra_says_how_to_add_it(
    kiosk_install: Path, tmp_path: Path
) -> None:
    done = run(kiosk_install / "leerwijzer", "serve", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "pip install 'leerwijzer[serve]'" in done.stderr
    # and the kiosk itself needs none of it: the whole app imports without textual-serve
    ok(
        run(
            kiosk_install / "python", "-c", "import wizard.tui.app, wizard.tui.launch", cwd=tmp_path
        )
    )
