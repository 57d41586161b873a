"""Read, check and compile a definition's stream data.

Everything here works on plain stream data — ``[{"type", "value", "id"}]`` as
``FormBodyBlock.get_prep_value()`` returns it — so the editor, the pack sync,
the JSON import and the property tests share one code path:

* ``parse()`` turns the stream into steps (a section is a step; a run of
  questions outside sections is a step of its own) of question nodes;
* ``definition_problems()`` lists what is wrong, each at the path of the block
  child it concerns (``problems_as_block_error`` shows them in the editor);
* ``compile_definition()`` produces the JSON Schema (draft 2020-12), the UI
  description and the scoring plan that a published version freezes.

What differs by question type is the type's own class (``core.forms.questions``).
The mapping from blocks to JSON Schema is documented in docs/forms-engine.md.
"""

from core.forms.definition.compiler import (
    CompiledForm,
    compile_definition,
    condition_met,
    upload_schema,
)
from core.forms.definition.model import (
    CHECK_RESULTS,
    DRAWN_SIGNATURE_MAX_LENGTH,
    DRAWN_SIGNATURE_PATTERN,
    EVIDENCE_MAX_FILES,
    EVIDENCE_MAX_MB,
    FILE_TYPES,
    HIDDEN,
    KEY_PATTERN,
    NOT_BLANK,
    NOTE_MAX_LENGTH,
    SCHEMA_DIALECT,
    SIGNATURE_NAME_MAX_LENGTH,
    Node,
    Problem,
    Step,
    fill_missing_keys,
    iter_nodes,
    list_values,
    parse,
)
from core.forms.definition.problems import definition_problems, problems_as_block_error
from core.forms.questions import type_names


def __getattr__(name: str):
    # The question types (a repeatable group aside) and those a condition may
    # depend on: the registry's (``core.forms.questions``), read when asked
    # for (the types use this package: they register after it is imported).
    if name == "QUESTION_TYPES":
        return type_names(lambda kind: not kind.container)
    if name == "CONDITION_SOURCES":
        return type_names(lambda kind: kind.condition_source)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CHECK_RESULTS",
    "CONDITION_SOURCES",
    "DRAWN_SIGNATURE_MAX_LENGTH",
    "DRAWN_SIGNATURE_PATTERN",
    "EVIDENCE_MAX_FILES",
    "EVIDENCE_MAX_MB",
    "FILE_TYPES",
    "HIDDEN",
    "KEY_PATTERN",
    "NOTE_MAX_LENGTH",
    "NOT_BLANK",
    "QUESTION_TYPES",
    "SCHEMA_DIALECT",
    "SIGNATURE_NAME_MAX_LENGTH",
    "CompiledForm",
    "Node",
    "Problem",
    "Step",
    "compile_definition",
    "condition_met",
    "definition_problems",
    "fill_missing_keys",
    "iter_nodes",
    "list_values",
    "parse",
    "problems_as_block_error",
    "upload_schema",
]
