"""stray-token/foreign-word's name tests: whether a particle ("de", "van", "der") belongs to the name after it
(de Gaulle, Des Moines) or stands loose before a name the text writes alone ("met der Obama")."""

from __future__ import annotations

import re

from prose_lint.checks.stray_token.common import _zipf

def _loose_name(prose: str, name: str, particles: frozenset[str], memo: dict[str, bool]) -> bool:
    """The text writes ``name`` more often alone than after a name particle (and at least twice alone):
    the particle before it is not part of it. "Obama said ... Obama's plan ... met der Obama", but not
    "de Gaulle ... de Gaulle" nor "Los Angeles"."""
    if name in memo:
        return memo[name]
    alone = bound = 0
    for x in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", prose):
        before = re.search(r"([^\W\d_]+)\s+$", prose[max(0, x.start() - 12) : x.start()])
        if before is not None and before.group(1).lower() in particles:
            bound += 1
        else:
            alone += 1
    memo[name] = alone >= 2 and alone > bound
    return memo[name]


# a name this much more frequent in one of the searched languages than in English is a name of that language
_NATIVE_MARGIN = 0.5


def _native_name(name: str, langs: tuple[str, ...]) -> bool:
    """``name`` belongs to one of ``langs`` (Champlain, Sarkozy, Silva: more frequent there than in English
    by ``_NATIVE_MARGIN``), so a particle before it may be its own ("de Champlain") even where the text also
    writes it alone; not the names the world's news shares (Obama, Microsoft, Google: within the margin)."""
    en = _zipf(name, "en")
    return any(_zipf(name, lang) > en + _NATIVE_MARGIN for lang in langs)



def _common_english(word: str, lang: str, floor: float) -> bool:
    """A capitalised word that is a common English word, much rarer in ``lang`` (Council, not Gaulle)."""
    lw = word.lower()
    en = _zipf(lw, "en")
    return en >= floor and en - _zipf(lw, lang) >= 1.0


# a word before a name that is common enough in English to be a function word or a sentence's opener ("The Der
# committee", "In Der Spiegel"): no given name, so what follows it is not shown to be a name by it
_NAME_BEFORE_MAX_ZIPF = 6.0


def _subject_verb(word: str, verbs: frozenset[str]) -> bool:
    """``word`` is a finite verb that follows a subject: one of ``verbs`` or a past form in -ed ("reported")."""
    return word in verbs or len(word) >= 5 and word.endswith("ed") and _zipf(word, "en") >= 3.0


def _named(prose: str, word: str, verbs: frozenset[str], memo: dict[str, bool]) -> bool:
    """The capitalised ``word`` is a name somewhere in the text: after a given name or another capitalised word
    that is no English function word ("CNN's Harry Enten", "Maya Deren"), or right before a finite verb ("Enten
    said", "Neste reported", "Nele writes"). A function word stands in neither place: then every capitalised use
    of ``word`` in the text is that name ("... Enten added", "Nele Neuhaus has"). Not before a second capitalised
    word and a verb: there the function word stands before a name ("Bij Moxon proceeded")."""
    key = "named:" + word
    if key in memo:
        return memo[key]
    memo[key] = False
    for x in re.finditer(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", prose):
        before = re.search(r"([^\W\d_][\w'’.-]*)[ \t]+$", prose[max(0, x.start() - 30) : x.start()])
        if before is not None and before.group(1)[0].isupper() \
                and _zipf(before.group(1).lower().rstrip("'’s"), "en") < _NAME_BEFORE_MAX_ZIPF:
            memo[key] = True
            break
        after = re.match(r"[ \t]+([a-z]+)\b", prose[x.end() : x.end() + 40])
        if after is not None and _subject_verb(after.group(1), verbs):
            memo[key] = True
            break
    return memo[key]
