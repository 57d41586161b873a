"""A bounded count says the bound it stopped at, whatever that bound is."""

from core.base.keyset import COUNT_LIMIT, BoundedCount


def test_an_exact_count_is_its_value():
    assert str(BoundedCount(1234, True)) == "1,234"


def test_a_bounded_count_names_its_own_bound_and_the_estimate():
    assert str(BoundedCount(1_000, False)) == "1,000+"
    assert str(BoundedCount(1_000, False, 48_210)) == "1,000+ (≈48,210)"
    assert str(BoundedCount(COUNT_LIMIT, False)) == f"{COUNT_LIMIT:,}+"
