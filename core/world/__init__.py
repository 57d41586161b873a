"""The world builder: one description of a district and two ways to write it.

A district is a root jurisdiction with territories (streets, towns) and their
grids, a committee office, one territorial office per territory, one
industry department per industry, enterprises (with contacts and a unit tree
of company → workshops → teams → posts, one person per post) and accounts
with their roles. ``core.world.shapes`` holds that description as plain
data; two strategies write it:

- ``core.world.factories`` (normal): model saves, treebeard's ``add_child``
  and the services (``membership_assign``). The demo (``load_demo``) and the
  test suite (``tests/factories.py``) build their districts with it.
- ``core.world.bulk`` (bulk): ``bulk_create`` with the tree paths computed
  in advance, for the benchmark's sizes (``core.world.bench`` seeds them).

Neither imports Django models at module level beyond what the app registry
allows, so ``scripts/benchmark.py`` can import the bench before it sets
Django up.
"""
