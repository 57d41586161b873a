"""SafeGrid industry pack: Construction (建筑施工)."""

PACK_NAME = "construction"
