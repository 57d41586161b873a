"""Reference dictionaries of the standards, one module each, with their edition.

The core seeds its dictionary tables from them (``core.risks.dictionaries``)
and the packs' content is validated against them
(``plugins.pack_support.validation``); the names are our own wording of
each entry, citing the standard's number. ``plugins.vocabularies`` holds the
platform's own vocabularies.
"""
