"""A validated copy of the content, so the TUI paints its first question, and ``check`` and
``lint`` answer, without parsing YAML.

The copy is JSON: the content models as pydantic dumps them, keyed by a hash of every content file
and of the modules that define those models. JSON carries data, never code (the pickle this
replaces ran whatever a planted file held). On reading, the copy is validated again by the same
models and linked by the same loader as the YAML, so a damaged or doctored copy can at worst be
refused, and then the YAML is read. The folder must be the user's own and writable by nobody else,
and the copy a regular file of the user's; otherwise the cache is not used (it only costs speed).

Lint also needs the files as read, with the line of every key (a finding names ``file:line``):
``load_documents_cached`` keeps those in a second JSON copy under the same key. Each content folder
keeps one copy of each kind (a newer one replaces it); at most ``MAX_FOLDERS`` folders are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from wizard.content import Content
from wizard.loading import ContentModels, link_models, load_content_models
from wizard.yamlio import LineDict, LineList, read_yaml

T = TypeVar("T")

CACHE_DIR_VARIABLE = "LEERWIJZER_CACHE_DIR"
FORMAT = 1
MAX_BYTES = 20_000_000
"""Far above any real copy (the bundled one is about 0.3 MB); a larger file is not read."""
MAX_FOLDERS = 8
"""Content folders whose copies are kept (the oldest go): a run on an example or a test folder
does not throw away the bundled content's copy."""
_TYPE_MODULES = (
    "model.py",
    "content.py",
    "conditions.py",
    "condition_nodes.py",
    "condition_parser.py",
    "loading.py",
    "content_cache.py",
    "yamlio.py",
)
"""The modules that shape the copies: a change there must not meet an old copy."""


def default_cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("leerwijzer"))


def content_key(root: Path) -> str:
    """A hash of the content files' names and bytes, the models' source and Python's version."""
    digest = hashlib.sha256(sys.version.encode())
    here = Path(__file__).resolve().parent
    files = [here / name for name in _TYPE_MODULES]
    files += sorted((root / "questions").glob("*.yaml")) + sorted(
        (root / "incentives").glob("*.yaml")
    )
    for path in files:
        digest.update(path.name.encode())
        with contextlib.suppress(OSError):  # a missing file: load_content reports it
            digest.update(path.read_bytes())
    digest.update(str(root.resolve()).encode())
    return digest.hexdigest()[:20]


def _folder_tag(root: Path) -> str:
    """Names the copies of one content folder, so a new copy replaces only that folder's old one."""
    return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:8]


def load_content_cached(root: Path, cache_dir: Path | None = None) -> Content:
    """The content of ``root``, from the cache when it is current; ContentError as load_content."""
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    key = content_key(root)
    path = folder / f"content-{_folder_tag(root)}-{key}.json"
    cached = _read(folder, path, root, key)
    if cached is not None:
        return cached
    content, models = load_content_models(root)
    _write(folder, path, lambda: _models_to_json(key, models))
    return content


def load_documents_cached(
    root: Path, relatives: Sequence[Path], cache_dir: Path | None = None
) -> dict[Path, Any]:
    """The files ``root / relative`` as ``read_yaml`` reads them (line marks included), from the
    cache when it is current; ContentError as read_yaml. For lint, on content that loaded."""
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    key = content_key(root)
    path = folder / f"documents-{_folder_tag(root)}-{key}.json"
    wanted = [relative.as_posix() for relative in relatives]
    cached = _read_documents(folder, path, key, wanted)
    if cached is not None:
        return cached
    documents = {relative: read_yaml(root / relative) for relative in relatives}

    def as_json() -> str:
        files = {relative.as_posix(): _encode(raw) for relative, raw in documents.items()}
        return json.dumps({"format": FORMAT, "key": key, "files": files}, ensure_ascii=False)

    _write(folder, path, as_json)
    return documents


def safe_folder(folder: Path) -> bool:
    """The user's own folder (not a link), which no one else can write to."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _read(folder: Path, path: Path, root: Path, key: str) -> Content | None:
    return _read_copy(
        folder, path, key, lambda document: link_models(root, _models_from_json(document))
    )


def _read_documents(
    folder: Path, path: Path, key: str, wanted: list[str]
) -> dict[Path, Any] | None:
    def documents(copy: dict[str, Any]) -> dict[Path, Any]:
        files = copy["files"]
        return {Path(relative): _decode(files[relative]) for relative in wanted}

    return _read_copy(folder, path, key, documents)


def _read_copy(folder: Path, path: Path, key: str, use: Callable[[dict[str, Any]], T]) -> T | None:
    """``use`` of the copy at ``path``, or None when there is no current, readable copy there."""
    if not safe_folder(folder):
        return None
    try:
        data = _read_own_file(path)
        if data is None:
            return None
        document = json.loads(data)
        if document.get("format") != FORMAT or document.get("key") != key:
            return None
        return use(document)
    except Exception:  # noqa: BLE001 (missing, truncated, doctored, from another version: rebuild)
        return None


def _encode(node: Any) -> Any:
    """A document as JSON, line marks included: {"l", "k": [[key, line, value]...]} for a
    mapping, {"l", "i": [[line, item]...]} for a sequence; scalars as they are."""
    if isinstance(node, LineDict):
        items = [[key, node.key_lines[key], _encode(value)] for key, value in node.items()]
        return {"l": node.line, "k": items}
    if isinstance(node, LineList):
        pairs = zip(node.item_lines, node, strict=True)
        return {"l": node.line, "i": [[line, _encode(item)] for line, item in pairs]}
    if node is None or isinstance(node, str | int | float):
        return node
    raise TypeError(f"not kept in the cache: {type(node).__name__}")  # read the file instead


def _decode(node: Any) -> Any:
    if isinstance(node, dict):
        if "k" in node:
            mapping = LineDict()
            mapping.line = int(node["l"])
            mapping.key_lines = {}
            for key, line, value in node["k"]:
                mapping.key_lines[str(key)] = int(line)
                mapping[str(key)] = _decode(value)
            return mapping
        sequence = LineList(_decode(item) for _, item in node["i"])
        sequence.line = int(node["l"])
        sequence.item_lines = [int(line) for line, _ in node["i"]]
        return sequence
    if node is None or isinstance(node, str | int | float):
        return node
    raise ValueError("not a document the cache writes")


def _read_own_file(path: Path) -> bytes | None:
    """The file's bytes, if it is a regular file of the user's, not a link, and not too large."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        return file.read(MAX_BYTES + 1)


def _models_from_json(document: dict[str, Any]) -> ContentModels:
    from wizard.model import FactsFile, GraphFile, Incentive

    return ContentModels(
        facts=FactsFile.model_validate(document["facts"]),
        graph=GraphFile.model_validate(document["graph"]),
        incentives=tuple(
            (Path(relative), Incentive.model_validate(dump))
            for relative, dump in document["incentives"]
        ),
    )


def _models_to_json(key: str, models: ContentModels) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "key": key,
            "facts": models.facts.model_dump(mode="json"),
            "graph": models.graph.model_dump(mode="json"),
            "incentives": [
                [relative.as_posix(), incentive.model_dump(mode="json")]
                for relative, incentive in models.incentives
            ],
        },
        ensure_ascii=False,
    )


def _write(folder: Path, path: Path, text: Callable[[], str]) -> None:
    """Best effort, atomically: a read-only home, a full disk or a value JSON cannot hold only
    costs speed. Replaces this folder's older copy of the kind; keeps MAX_FOLDERS folders."""
    kind, tag = path.name.split("-")[:2]
    try:
        data = text()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not safe_folder(folder):
            return  # someone else's or shared: write nothing another user could swap
        for old in [*folder.glob(f"{kind}-{tag}-*.json"), *folder.glob("content-*.pickle")]:
            old.unlink(missing_ok=True)
        _forget_old_folders(folder, kind)
        import tempfile  # only a run that writes pays for it

        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")  # mode 0600
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(data)
        os.replace(temporary, path)
    except (OSError, ValueError, TypeError):
        return


def _forget_old_folders(folder: Path, kind: str) -> None:
    """Room for one more folder's copy: the least recently written copies beyond MAX_FOLDERS go."""
    copies = sorted(folder.glob(f"{kind}-*.json"), key=lambda copy: copy.stat().st_mtime)
    for old in copies[: max(0, len(copies) - MAX_FOLDERS + 1)]:
        old.unlink(missing_ok=True)
