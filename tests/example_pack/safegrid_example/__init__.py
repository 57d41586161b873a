"""An example third-party SafeGrid pack (cold storage warehouses).

It lives in the platform's tests to prove that a pack installed as its own
distribution is found through the ``safegrid.packs`` entry point.
"""
