"""SafeGrid industry pack: Urban gas (城镇燃气)."""

PACK_NAME = "gas"
