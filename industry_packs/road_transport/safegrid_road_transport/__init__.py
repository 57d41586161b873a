"""SafeGrid industry pack: Road transport (道路运输)."""

PACK_NAME = "road_transport"
