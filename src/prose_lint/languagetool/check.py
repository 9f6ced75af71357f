"""One document -> LanguageTool matches at source offsets (shared by the grammar and spelling rules).

1. Each prose block becomes annotated text (``annotate.py``): markup is
   ``markup``, prose is ``text``; LanguageTool's offsets are source offsets.
2. Blocks whose result is in the content cache (``cache.py``) are not sent.
3. The others are batched (``batch-size`` characters, blocks joined by a blank
   line) and sent ``concurrency`` requests at a time to the engine (local
   daemon or remote servers, ``client.py``).
4. Matches are mapped back to the block (UTF-16 -> code points), matches that
   touch markup are dropped, and results are cached per block.
5. Spelling: words in the project vocabulary are accepted; a misspelling that
   recurs (a name: Pakhtunkhwa, Marwat...) is reported once, at its first
   occurrence, with the number of occurrences.

A :class:`Checker` is owned by a ``service.LanguageToolService`` (one per Linter), which
also runs it in the background and remembers the last document's result.
"""

from __future__ import annotations

import bisect
import heapq
import json
import re
import sys
from dataclasses import dataclass
from typing import Iterable

from prose_lint.document import Document
from prose_lint.errors import ToolError
from prose_lint.languagetool.annotate import Annotated, annotate_block, prose_blocks
from prose_lint.languagetool.settings import LTSettings

SPELLING_PREFIXES = ("MORFOLOGIK_RULE", "HUNSPELL", "SPELLING_RULE")
MAX_SUGGESTIONS = 5
CACHE_FORMAT = "2"  # bump when what is cached per paragraph changes (filters, row layout)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class LTMatch:
    start: int
    end: int
    rule_id: str
    sub_id: str
    category: str
    category_name: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]
    occurrences: int = 1

    @property
    def spelling(self) -> bool:
        return is_spelling(self.rule_id, self.issue_type)


def is_spelling(rule_id: str, issue_type: str) -> bool:
    return issue_type == "misspelling" or rule_id.startswith(SPELLING_PREFIXES)


@dataclass
class Stats:
    blocks: int = 0
    cached: int = 0
    sent: int = 0
    requests: int = 0


def _next_to(source: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s >= end and not source[end:s].strip():
            return True
        if e <= start and not source[e:start].strip():
            return True
    return False


def _u16len(s: str) -> int:
    return len(s) + len(_ASTRAL.findall(s)) if _ASTRAL.search(s) else len(s)


def _u16_to_cp(s: str, off16: int) -> int:
    if not _ASTRAL.search(s):
        return min(off16, len(s))
    units = 0
    for i, ch in enumerate(s):
        if units >= off16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(s)


class Checker:
    def __init__(self, settings: LTSettings, engine=None, cache=None) -> None:
        self.settings = settings
        if engine is None:
            from prose_lint.languagetool.client import make_engine

            engine = make_engine(settings)
        self.engine = engine
        if cache is None and settings.cache:
            from prose_lint.languagetool.cache import ResultCache, describe_os_error
            from prose_lint.languagetool.install import cache_dir
            from prose_lint.progress import warn_once

            try:
                cache = ResultCache(cache_dir() / "languagetool-results.sqlite")
            except OSError as exc:  # not a directory, read-only, full: the cache is only an optimisation
                warn_once("cache-dir", f"cannot use the cache directory ({describe_os_error(exc)}); "
                          "LanguageTool results are not cached")
        self.cache = cache
        self.last_stats = Stats()

    # -- requests ---------------------------------------------------------
    def _params(self, language: str) -> dict[str, str]:
        s = self.settings
        params = {"language": language}
        if s.disabled_rules:
            params["disabledRules"] = ",".join(s.disabled_rules)
        if s.enabled_rules:
            params["enabledRules"] = ",".join(s.enabled_rules)
        if s.disabled_categories:
            params["disabledCategories"] = ",".join(s.disabled_categories)
        if s.enabled_categories:
            params["enabledCategories"] = ",".join(s.enabled_categories)
        if s.level == "picky":
            params["level"] = "picky"
        if s.mother_tongue:
            params["motherTongue"] = s.mother_tongue
        return params

    def _batches(self, items: list[Annotated]) -> list[list[Annotated]]:
        """Blocks grouped into requests of about equal size, as many as ``concurrency`` (or a multiple
        of it when ``batch-size`` characters per request would be exceeded): the requests of one
        round then finish together. 35,000 characters at 12,000 and 2 at a time were 12,000 + 12,000
        and then 11,000 alone; they are now 4 x 8,800 in two even rounds, or 2 x 17,500 when the
        batch size allows. Largest block first into the lightest request; each request keeps
        document order (blocks are checked independently: their results are cached per block)."""
        if not items:
            return []
        size = self.settings.batch_size
        total = sum(len(item.source) + 2 for item in items)
        count = -(-total // size)
        count = min(len(items), count + (-count % self.settings.concurrency))
        bins: list[tuple[int, int, list[int]]] = [(0, b, []) for b in range(count)]  # (chars, bin, item indexes)
        for i in sorted(range(len(items)), key=lambda i: -len(items[i].source)):
            chars, b, members = heapq.heappop(bins)
            members.append(i)
            heapq.heappush(bins, (chars + len(items[i].source) + 2, b, members))
        return [[items[i] for i in sorted(members)] for _, _, members in sorted(bins, key=lambda x: x[1]) if members]

    def _check_batch(self, batch: list[Annotated], language: str) -> list[list]:
        pieces: list[dict] = []
        starts16: list[int] = []
        pos16 = 0
        for k, item in enumerate(batch):
            if k:
                pieces.append({"text": "\n\n"})
                pos16 += 2
            starts16.append(pos16)
            pieces.extend(item.pieces)
            pos16 += _u16len(item.source)
        params = self._params(language)
        params["data"] = json.dumps({"annotation": pieces}, ensure_ascii=False)
        answer = self.engine.check(params)
        results: list[list] = [[] for _ in batch]
        for m in answer["matches"]:
            try:
                off16, len16 = int(m["offset"]), int(m["length"])
                rule = m.get("rule") or {}
                rule_id = str(rule["id"])
            except (KeyError, TypeError, ValueError):
                raise ToolError("LanguageTool answered a match without offset, length or rule id") from None
            k = bisect.bisect_right(starts16, off16) - 1
            if k < 0:
                continue
            item = batch[k]
            rel16 = off16 - starts16[k]
            if rel16 + len16 > _u16len(item.source):
                continue  # spans the break between two blocks
            rs = _u16_to_cp(item.source, rel16)
            re_ = _u16_to_cp(item.source, rel16 + len16)
            if any(s < max(re_, rs + 1) and rs < e for s, e in item.markup):
                continue  # touches markup
            if item.removed and not is_spelling(rule_id, str(rule.get("issueType", ""))) and \
                    _next_to(item.source, rs, re_, item.removed):
                continue  # LanguageTool did not see what stands next to it
            category = rule.get("category") or {}
            results[k].append([
                rs, re_, rule_id, str(rule.get("subId", "")), str(category.get("id", "")),
                str(category.get("name", "")), str(rule.get("issueType", "")), str(m.get("message", "")),
                [str(r.get("value", "")) for r in (m.get("replacements") or [])[:MAX_SUGGESTIONS]],
            ])
        return results

    # -- documents --------------------------------------------------------
    def raw_matches(self, doc: Document) -> list[tuple[int, list]]:
        """(block start, match row) for every block, from the cache or the server."""
        from prose_lint.languagetool.cache import make_key

        stats = Stats()
        items = [annotate_block(doc, b) for b in prose_blocks(doc)]
        stats.blocks = len(items)
        tag = self.engine.cache_tag()
        rules_key = self.settings.rules_key()
        keys = [make_key(CACHE_FORMAT, tag, doc.language, rules_key, item.key) for item in items]
        found = self.cache.get_many(list(dict.fromkeys(keys))) if self.cache is not None else {}
        missing = [(item, key) for item, key in zip(items, keys) if key not in found]
        # The same paragraph twice in a document is sent once.
        todo: dict[str, Annotated] = {}
        for item, key in missing:
            todo.setdefault(key, item)
        stats.cached = len(items) - len(missing)
        stats.sent = len(todo)
        batches = self._batches(list(todo.values()))
        stats.requests = len(batches)
        key_of = {id(item): key for key, item in todo.items()}
        fresh: dict[str, list] = {}
        if batches:
            if len(batches) == 1 or self.settings.concurrency == 1:
                answers = [self._check_batch(b, doc.language) for b in batches]
            else:
                from concurrent.futures import ThreadPoolExecutor

                with ThreadPoolExecutor(max_workers=min(self.settings.concurrency, len(batches))) as pool:
                    futures = [pool.submit(self._check_batch, b, doc.language) for b in batches]
                    answers = []
                    error: BaseException | None = None
                    for f in futures:
                        try:
                            answers.append(f.result())
                        except BaseException as exc:  # keep the finished ones for the cache
                            error = error or exc
                            answers.append(None)
                    for batch, result in zip(batches, answers):
                        if result is not None:
                            for item, rows in zip(batch, result):
                                fresh[key_of[id(item)]] = rows
                    if error is not None:
                        if self.cache is not None:
                            self.cache.put_many(fresh)
                        raise error
            for batch, result in zip(batches, answers):
                for item, rows in zip(batch, result):
                    fresh[key_of[id(item)]] = rows
            if self.cache is not None:
                self.cache.put_many(fresh)
        self.last_stats = stats
        out: list[tuple[int, list]] = []
        for item, key in zip(items, keys):
            rows = found.get(key)
            if rows is None:
                rows = fresh[key]
            out.extend((item.block.start, row) for row in rows)
        return out

    def check(self, doc: Document, vocabulary: Iterable[str] = ()) -> list[LTMatch]:
        if not doc.text.strip():
            self.last_stats = Stats()
            return []
        rows = self.raw_matches(doc)
        return postprocess(doc, rows, vocabulary)


def postprocess(doc: Document, rows: list[tuple[int, list]], vocabulary: Iterable[str]) -> list[LTMatch]:
    vocab = set(vocabulary)
    vocab_lower = {w.lower() for w in vocab}
    matches: list[LTMatch] = []
    intern = sys.intern  # the same few hundred rule ids and messages recur in thousands of matches
    for base, row in rows:
        rs, re_, rule_id, sub_id, cat, cat_name, issue, message, repl = row
        matches.append(LTMatch(base + rs, base + re_, intern(rule_id), intern(sub_id), intern(cat), intern(cat_name),
                               intern(issue), intern(message), tuple(repl)))
    matches.sort(key=lambda m: (m.start, m.end, m.rule_id))
    out: list[LTMatch] = []
    first_of: dict[str, int] = {}
    counts: dict[str, int] = {}
    for m in matches:
        if not m.spelling:
            out.append(m)
            continue
        word = doc.text[m.start : m.end]
        if word in vocab or word.lower() in vocab_lower or _in_vocabulary(word, vocab, vocab_lower):
            continue
        key = word.casefold()
        counts[key] = counts.get(key, 0) + 1
        if key in first_of:
            continue
        first_of[key] = len(out)
        out.append(m)
    for key, index in first_of.items():
        if counts[key] > 1:
            m = out[index]
            out[index] = LTMatch(m.start, m.end, m.rule_id, m.sub_id, m.category, m.category_name, m.issue_type,
                                 m.message, m.replacements, counts[key])
    return out


def _in_vocabulary(word: str, vocab: set[str], vocab_lower: set[str]) -> bool:
    """A vocabulary entry may carry the possessive or be part of a hyphenated name."""
    stem = re.sub(r"(?:['’]s|['’])$", "", word)
    return stem != word and (stem in vocab or stem.lower() in vocab_lower)
