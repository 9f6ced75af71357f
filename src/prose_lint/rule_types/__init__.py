"""Generic rule types for declarative packs (``rules/*.toml``).

``RULE_TYPES`` is the one place that maps a pack's ``type`` to code; the pack loader names its keys
when a rule uses an unknown type. Each type declares its keys in ``type_options`` (docs/configuration.md
is generated from them).
"""

from prose_lint.rule_types.consistency import Consistency
from prose_lint.rule_types.existence import Existence
from prose_lint.rule_types.occurrence import Occurrence
from prose_lint.rule_types.repetition import Repetition
from prose_lint.rule_types.substitution import Substitution

RULE_TYPES = {
    "existence": Existence,
    "substitution": Substitution,
    "repetition": Repetition,
    "consistency": Consistency,
    "occurrence": Occurrence,
}
