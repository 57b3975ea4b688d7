"""The apps import downwards only: cms <- network <- {stories, walks} <- home (DESIGN.md).

Every import of every project module is read with `ast`, at module level and inside functions (a
function-level import is the same cycle, only hidden). A lower layer shows a higher layer's pages
through a hook the higher app registers with (network.listings), never by importing it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"cms": 0, "network": 1, "stories": 2, "walks": 2, "publications": 3, "home": 4}


def project_modules() -> list[Path]:
    return sorted(
        path
        for package in LAYERS
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def imported_modules(path: Path, tree: ast.Module):
    """(line, dotted name) of everything `path` imports, relative imports made absolute."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    if path.name == "__init__.py":
        package = path.relative_to(ROOT).parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                yield node.lineno, ".".join([*base, *([node.module] if node.module else [])])
            else:
                yield node.lineno, node.module


def layer_violations(path: Path, source: str) -> list[str]:
    """Every import in `source` (the file at `path`) of a higher layer or of a sibling app."""
    name = path.relative_to(ROOT).as_posix()
    own = name.split("/")[0]
    problems = []
    for line, module in imported_modules(path, ast.parse(source, filename=name)):
        target = module.split(".")[0]
        if target not in LAYERS or target == own:
            continue
        if LAYERS[target] > LAYERS[own]:
            problems.append(
                f"{name}:{line} imports {module}: {own} (layer {LAYERS[own]}) must not import "
                f"{target} (layer {LAYERS[target]}); offer a hook {target} registers with instead"
            )
        elif LAYERS[target] == LAYERS[own]:
            problems.append(
                f"{name}:{line} imports {module}: {own} and {target} are one layer and must not "
                "import each other; share through network (a hook, a mixin)"
            )
    return problems


def test_no_layer_imports_a_higher_one_or_a_sibling():
    problems = [
        problem
        for path in project_modules()
        for problem in layer_violations(path, path.read_text(encoding="utf-8"))
    ]
    assert not problems, "Imports against the layers:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("file", "source", "expected"),
    [
        (
            "network/directory.py",
            "def f():\n    from stories.models import StoryPage\n",
            "network/directory.py:2 imports stories.models: network (layer 1) must not import "
            "stories (layer 2)",
        ),
        ("cms/api.py", "import network.models\n", "cms/api.py:1 imports network.models"),
        (
            "stories/models.py",
            "from walks.models import WalkPage\n",
            "stories/models.py:1 imports walks.models: stories and walks are one layer",
        ),
        (
            "walks/templatetags/walks_tags.py",
            "from ...home import models\n",
            "walks/templatetags/walks_tags.py:1 imports home: walks (layer 2)",
        ),
    ],
)
def test_the_check_names_the_file_and_line_of_a_wrong_import(file, source, expected):
    (problem,) = layer_violations(ROOT / file, source)
    assert problem.startswith(expected)


def test_the_check_allows_downward_imports_and_an_apps_own_modules():
    source = (
        "from cms.pages import BasePage\nfrom network.models import CentrePage\nfrom . import x\n"
    )
    assert layer_violations(ROOT / "stories/models.py", source) == []
