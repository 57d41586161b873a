"""The forms engine's fixtures, for the input guard's tests of its endpoints."""

from tests.core.forms.conftest import chem_department, published  # noqa: F401
