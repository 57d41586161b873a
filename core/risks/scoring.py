"""The scoring engine's former home: every name now lives in ``core.scoring``.

Kept so that code written against this module keeps working while it moves
over; new code imports ``core.scoring``.
"""

from core.scoring import *  # noqa: F403 - the same names, from their new home
from core.scoring import ScoringEngine, scoring_engine

# The engine's former names.
ScoringRegistry = ScoringEngine
scoring_registry = scoring_engine
