"""SafeGrid industry pack: Hazardous chemicals (危险化学品)."""

PACK_NAME = "chemicals"
