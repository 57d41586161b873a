"""The low-code forms engine: definitions built from blocks, compiled to JSON
Schema, published as immutable versions, filled, scored and reviewed.

Read ``docs/forms-engine.md`` first. Modules: ``blocks`` (the editor),
``definition`` (parse, check and compile stream data), ``expressions`` (safe
arithmetic), ``scoring``, ``validation`` (answers against a version),
``builder`` (Django forms from a version), ``interchange`` (JSON import and
export), ``services`` / ``selectors`` / ``policy`` (who may do what).
"""
