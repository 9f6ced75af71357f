"""The filters that lower or end a pair's chance, and which of them are switched off."""

from __future__ import annotations


# Filters that lower or end a pair's chance; each can be switched off (scripts/eval-contradiction --ablate
# measures what it costs in recall and buys in precision).
FILTERS = ("non-prose", "question", "quotation", "hedge-in-difference", "report-in-difference", "time-in-difference",
           "adjacent-contrast", "masked-gap", "min-coverage", "fragment",
           "other-item", "other-subject", "other-condition", "exhortation",
           "denied-elsewhere", "parity", "converse", "conjecture", "universal-member", "always-occasion",
           "passive-agent", "synonyms", "dropped-lead", "no-change")
# Measured on the tune split (scripts/eval-contradiction --ablate; see the class docstring): these did not pay
# (no precision bought, or recall lost for none) and are off.
DISABLED: set[str] = {"hedge-in-difference", "adjacent-contrast", "masked-gap"}
