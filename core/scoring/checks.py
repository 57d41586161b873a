"""System checks for the scoring rules and direct-determination conditions.

The engine checks every contribution once when it is built (``problems``);
these checks report what it left out, so a malformed rule, an invalid JSON
Schema or a key claimed twice stops start-up instead of failing when an
enterprise first uses it.
"""

from __future__ import annotations

from django.core.checks import Error, register

from core.scoring.engine import scoring_engine
from plugins.manager import SafegridPluginManager, get_plugin_manager


@register("safegrid")
def check_scoring_contributions(app_configs=None, **kwargs) -> list[Error]:
    manager = get_plugin_manager()
    if manager.problems:
        return []  # plugins.checks reports broken packs first
    return scoring_contribution_errors(manager)


def scoring_contribution_errors(manager: SafegridPluginManager) -> list[Error]:
    """What the engine of ``manager`` left out, as check errors."""
    return [
        Error(problem.message, hint=problem.hint or None, id=problem.check_id)
        for problem in scoring_engine(manager).problems
    ]
