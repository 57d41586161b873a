"""The forms engine's fixtures, for the audit of its writes."""

from tests.core.forms.conftest import chem_department, published  # noqa: F401
