"""The hook contract: every hook documented, implemented by the dummy pack, tested."""

import inspect
import re
from pathlib import Path

from plugins import hookspecs
from tests.dummy_pack import plugin as dummy

REPO = Path(__file__).resolve().parents[2]
HOOK_NAMES = sorted(name for name in dir(hookspecs) if name.startswith("safegrid_"))


def _signature(name: str) -> str:
    function = getattr(hookspecs, name)
    params = ", ".join(inspect.signature(function).parameters)
    return f"{name}({params})"


def test_there_are_hooks():
    assert "safegrid_industries" in HOOK_NAMES


def test_every_hook_has_a_docstring():
    for name in HOOK_NAMES:
        assert (getattr(hookspecs, name).__doc__ or "").strip(), name


def test_every_hook_is_documented_under_its_exact_signature():
    text = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### `(safegrid_\w+\([^)]*\))`", text, re.MULTILINE))
    for name in HOOK_NAMES:
        assert _signature(name) in headings, (
            f"{_signature(name)} not in docs/plugins.md"
        )
    documented = {h.split("(")[0] for h in headings}
    assert documented <= set(HOOK_NAMES), (
        f"docs name hooks that do not exist: {documented - set(HOOK_NAMES)}"
    )


def test_the_dummy_pack_implements_every_hook():
    implemented = {name for name in dir(dummy) if name.startswith("safegrid_")}
    assert implemented == set(HOOK_NAMES)


def test_every_hook_is_exercised_by_a_test():
    """Each hook name appears in a test module other than this one."""
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (REPO / "tests").rglob("test_*.py")
        if path.name != Path(__file__).name
    )
    for name in HOOK_NAMES:
        assert name in sources, f"no test exercises {name}"
