"""Stray-token forms: a token that belongs to no English sentence left inside a real document.

Real documents pick these up on their way through translation memories, CMS exports, scrapers and OCR:
a function word of another language left over from a half-translated sentence ("the meeting with der
council"), HTML entities and tags that a converter did not decode ("company&#8217;s", "<br />"), escape
residue ("don\\'t", a literal "\\n"), mojibake ("â€™", "ï»¿", U+FFFD), keyboard mashes and OCR garbage
("tbe", "governrnent"), and orphan template or reference codes ("[citation needed]", "{{cite web}}",
"(R201)").

Every form inserts or substitutes at word boundaries inside prose paragraphs only (never inside code spans,
code blocks, URLs, Markdown link targets or existing HTML), keeps the rest of the host byte-identical and
records each change in ``meta["edits"]`` as ``[host_start, host_end, text_start, text_end]`` (text offsets of
the final text), so a test can rebuild the host from the planted text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from common import Defect, Host, PlantContext, Planted, by_split, paragraph_spans, sentence_spans

# --------------------------------------------------------------------------------------------------------
# Where a host can take a token


_MASK_PATTERNS = [
    re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M),  # fenced code
    re.compile(r"`[^`\n]+`"),  # inline code
    re.compile(r"(?:https?://|ftp://|www\.)\S+"),  # URLs
    re.compile(r"\]\([^)\n]*\)"),  # Markdown link targets
    re.compile(r"<[^<>\n]{1,200}>"),  # existing HTML / autolinks
    re.compile(r"&#?\w+;"),  # existing entities
    re.compile(r"\S+@\S+"),  # e-mail addresses
    re.compile(r"\{\{.*?\}\}|\[\[.*?\]\]"),  # wiki markup
    re.compile(r"^(?:#|\||[ ]{4}|\t).*$", re.M),  # headings, tables, indented code
    re.compile(r"\S*[/\\_=]\S*"),  # paths, options, identifiers
]

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
PREPOSITIONS = {
    "in", "on", "at", "of", "for", "with", "from", "by", "to", "into", "about", "under", "over", "between",
    "through", "after", "before", "against", "during", "without", "among", "across", "toward", "towards",
}


@dataclass
class _Word:
    start: int
    end: int
    text: str
    initial: bool  # first word of its sentence
    prev: str  # the previous word of the sentence ("" when initial)
    sentence: tuple[int, int]


def _mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    for pat in _MASK_PATTERNS:
        for m in pat.finditer(text):
            mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def _is_prose(para: str) -> bool:
    words = para.split()
    if len(words) < 8:
        return False
    letters = [c for c in para if c.isalpha()]
    if len(letters) < 0.6 * len(para):
        return False
    lower = sum(c.islower() for c in letters)
    if lower < 0.75 * len(letters):
        return False
    return bool(re.search(r"[.!?:;][\"'”’)]?(\s|$)", para))


def _prose_paragraphs(text: str) -> list[tuple[int, int]]:
    mask = _mask(text)
    out = []
    for s, e in paragraph_spans(text):
        if mask[s] or text[s] in "#|>-*+" or re.match(r"\d+[.)] ", text[s:s + 4]):
            if not (text[s] in "-*+>" and _is_prose(text[s + 2:e])):  # list items and quotes of prose are fine
                continue
        if _is_prose(text[s:e]):
            out.append((s, e))
    return out


def _words(text: str) -> list[_Word]:
    """Word tokens of the prose paragraphs that have plain neighbours (a space before, space/punctuation after)."""
    mask = _mask(text)
    out = []
    for ps, pe in _prose_paragraphs(text):
        for ss, se in sentence_spans(text, ps, pe):
            prev, first = "", True
            for m in WORD.finditer(text, ss, se):
                s, e = m.span()
                before = text[s - 1] if s > 0 else "\n"
                after = text[e] if e < len(text) else "\n"
                ok = (not any(mask[max(0, s - 1):e + 1]) and (before in " \"“‘(" or s == ps)
                      and (after in " ,.;:!?\"”’)\n"))
                if ok:
                    out.append(_Word(s, e, m.group(), first, prev, (ss, se)))
                first = False
                prev = m.group()
    return out


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    out = []
    for ps, pe in _prose_paragraphs(text):
        for m in re.finditer(r"“([^”\n]{12,400})”|\"([^\"\n]{12,400})\"", text[ps:pe]):
            out.append((ps + m.start() + 1, ps + m.end() - 1))
    return out


# --------------------------------------------------------------------------------------------------------
# Edits


class _Edits:
    """Non-overlapping edits of the host text, applied together; spans come out in final-text offsets."""

    def __init__(self, host: Host):
        self.host = host
        self.items: list[tuple[int, int, str, int, int]] = []  # host start, end, new text, span offsets in new

    def free(self, s: int, e: int) -> bool:
        return all(e + 1 < hs or s > he + 1 for hs, he, *_ in self.items)

    def add(self, s: int, e: int, new: str, span: tuple[int, int] | None = None) -> None:
        span = span or (0, len(new))
        self.items.append((s, e, new, span[0], span[1]))

    def insert_before(self, pos: int, token: str) -> None:
        self.add(pos, pos, token + " ", (0, len(token)))

    def insert_after(self, pos: int, token: str, sep: str = " ") -> None:
        self.add(pos, pos, sep + token, (len(sep), len(sep) + len(token)))

    def apply(self, notes: list[str]) -> tuple[str, list[Defect], list[list[int]]]:
        text, pieces, edits, defects, shift, pos = self.host.text, [], [], [], 0, 0
        for (s, e, new, a, b), note in sorted(zip(self.items, notes), key=lambda x: x[0][0]):
            pieces.append(text[pos:s])
            ts = s + shift
            pieces.append(new)
            edits.append([s, e, ts, ts + len(new)])
            defects.append(Defect(span=(ts + a, ts + b), note=note))
            shift += len(new) - (e - s)
            pos = e
        pieces.append(text[pos:])
        return "".join(pieces), defects, edits


def _finish(edits: _Edits, notes: list[str], meta: dict) -> Planted | None:
    if not edits.items:
        return None
    text, defects, spans = edits.apply(notes)
    meta = dict(meta, edits=spans)
    return Planted(text=text, defects=defects, meta=meta)


def _count(rng: random.Random) -> int:
    """How many defects a planted document gets: mostly one, sometimes two or three."""
    return rng.choices([1, 2, 3], weights=[70, 20, 10])[0]


def _pick(rng: random.Random, cands: list, n: int, edits: _Edits, span=lambda c: (c.start, c.end)) -> list:
    chosen = []
    for c in rng.sample(cands, len(cands)):
        if len(chosen) >= n:
            break
        s, e = span(c)
        if edits.free(s - 2, e + 2) and all(abs(s - span(o)[0]) > 250 for o in chosen):
            chosen.append(c)
    return chosen


# --------------------------------------------------------------------------------------------------------
# Foreign function words


FOREIGN = [
    # French
    ("les", "fr"), ("des", "fr"), ("du", "fr"), ("une", "fr"), ("avec", "fr"), ("dans", "fr"), ("pour", "fr"),
    ("sur", "fr"), ("pas", "fr"), ("très", "fr"), ("leur", "fr"), ("cette", "fr"), ("ces", "fr"), ("qui", "fr"),
    ("aux", "fr"), ("sont", "fr"), ("mais", "fr"), ("nous", "fr"), ("vous", "fr"), ("elle", "fr"), ("ils", "fr"),
    ("selon", "fr"), ("chez", "fr"), ("depuis", "fr"), ("aussi", "fr"), ("être", "fr"), ("le", "fr"), ("la", "fr"),
    # Spanish
    ("los", "es"), ("las", "es"), ("del", "es"), ("una", "es"), ("unos", "es"), ("por", "es"), ("para", "es"),
    ("pero", "es"), ("muy", "es"), ("sino", "es"), ("está", "es"), ("según", "es"), ("desde", "es"),
    ("hacia", "es"), ("sobre", "es"), ("cuando", "es"), ("porque", "es"), ("todos", "es"), ("el", "es"),
    ("esta", "es"), ("unas", "es"),
    # German
    ("der", "de"), ("und", "de"), ("dem", "de"), ("ein", "de"), ("eine", "de"), ("nicht", "de"), ("auch", "de"),
    ("mit", "de"), ("von", "de"), ("zum", "de"), ("zur", "de"), ("vom", "de"), ("beim", "de"), ("ist", "de"),
    ("sind", "de"), ("wird", "de"), ("oder", "de"), ("aber", "de"), ("wenn", "de"), ("dass", "de"),
    ("noch", "de"), ("sehr", "de"), ("nach", "de"), ("über", "de"), ("einen", "de"), ("im", "de"),
    # Italian
    ("della", "it"), ("dello", "it"), ("delle", "it"), ("degli", "it"), ("nel", "it"), ("nella", "it"),
    ("sul", "it"), ("sulla", "it"), ("gli", "it"), ("il", "it"), ("anche", "it"), ("perché", "it"),
    ("sono", "it"), ("questo", "it"), ("alla", "it"), ("dei", "it"), ("che", "it"), ("più", "it"), ("ogni", "it"),
    # Portuguese
    ("dos", "pt"), ("das", "pt"), ("pelo", "pt"), ("pela", "pt"), ("uma", "pt"), ("não", "pt"), ("também", "pt"),
    ("ao", "pt"), ("às", "pt"), ("nos", "pt"), ("nas", "pt"), ("isso", "pt"), ("muito", "pt"), ("onde", "pt"),
    ("então", "pt"), ("seus", "pt"),
    # Dutch
    ("het", "nl"), ("een", "nl"), ("niet", "nl"), ("ook", "nl"), ("zijn", "nl"), ("wordt", "nl"), ("naar", "nl"),
    ("bij", "nl"), ("voor", "nl"), ("maar", "nl"), ("deze", "nl"), ("werd", "nl"), ("heeft", "nl"),
    ("tussen", "nl"), ("geen", "nl"),
    # Scandinavian, Polish
    ("och", "sv"), ("att", "sv"), ("är", "sv"), ("inte", "sv"), ("ett", "sv"), ("ikke", "da"), ("også", "da"),
    ("meget", "da"), ("się", "pl"), ("jest", "pl"), ("oraz", "pl"), ("przez", "pl"), ("który", "pl"),
]

# (English word, foreign word that replaced it, language): a half-translated sentence
REPLACEMENTS = [
    ("the", "les", "fr"), ("the", "le", "fr"), ("the", "la", "fr"), ("the", "der", "de"), ("the", "das", "de"),
    ("the", "dem", "de"), ("the", "el", "es"), ("the", "los", "es"), ("the", "las", "es"), ("the", "il", "it"),
    ("the", "gli", "it"), ("the", "het", "nl"), ("the", "os", "pt"), ("the", "lo", "it"),
    ("a", "un", "fr"), ("a", "une", "fr"), ("a", "ein", "de"), ("a", "eine", "de"), ("a", "einen", "de"),
    ("a", "una", "es"), ("a", "uno", "it"), ("a", "een", "nl"), ("a", "um", "pt"), ("a", "uma", "pt"),
    ("a", "ett", "sv"), ("an", "une", "fr"), ("an", "ein", "de"), ("an", "een", "nl"),
    ("and", "und", "de"), ("and", "et", "fr"), ("and", "y", "es"), ("and", "och", "sv"), ("and", "og", "da"),
    ("and", "en", "nl"), ("and", "oraz", "pl"),
    ("of", "de", "fr"), ("of", "di", "it"), ("of", "del", "es"), ("of", "della", "it"), ("of", "von", "de"),
    ("of", "dos", "pt"), ("of", "das", "pt"), ("of", "du", "fr"), ("of", "des", "fr"), ("of", "dei", "it"),
    ("of", "der", "de"), ("of", "van", "nl"),
    ("in", "dans", "fr"), ("in", "nel", "it"), ("in", "im", "de"), ("in", "nella", "it"), ("in", "em", "pt"),
    ("with", "avec", "fr"), ("with", "mit", "de"), ("with", "com", "pt"), ("with", "met", "nl"),
    ("for", "pour", "fr"), ("for", "für", "de"), ("for", "para", "es"), ("for", "voor", "nl"),
    ("to", "zu", "de"), ("to", "à", "fr"), ("to", "naar", "nl"), ("from", "aus", "de"), ("from", "desde", "es"),
    ("not", "nicht", "de"), ("not", "pas", "fr"), ("not", "niet", "nl"), ("is", "ist", "de"),
    ("is", "est", "fr"), ("is", "è", "it"), ("but", "mais", "fr"), ("but", "pero", "es"), ("but", "aber", "de"),
]


def _case(token: str, rng: random.Random, initial: bool, p_cap: float) -> str:
    if initial or rng.random() < p_cap:
        return token[:1].upper() + token[1:]
    return token


def _foreign_insert(position: str, p_cap: float):
    def plant(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
        words = _words(host.text)
        if position == "capitalised":
            cands = [w for w in words if not w.initial and w.text[0].isupper() and not w.text.isupper()
                     and host.text[w.start - 1] == " "]
        elif position == "lowercase":
            cands = [w for w in words if w.text.islower() and host.text[w.start - 1] == " "
                     and w.prev.lower() not in PREPOSITIONS]
            starts = [w for w in words if w.initial and w.text[0].isupper() and w.start > 0]
            if starts and rng.random() < 0.2:  # now and then at the very start of a sentence
                cands = starts
        elif position == "after-preposition":
            cands = [w for w in words if not w.initial and w.prev.lower() in PREPOSITIONS
                     and host.text[w.start - 1] == " "]
        else:  # quotation
            ranges = _quoted_ranges(host.text)
            cands = [w for w in words if any(a <= w.start < b for a, b in ranges)]
            openers = [w for w in cands if host.text[w.start - 1] in "\"“"]
            if openers and rng.random() < 0.4:
                cands = openers
        if not cands:
            return None
        inventory = by_split(FOREIGN, ctx.split, "foreign-word")
        edits = _Edits(host)
        notes, tokens = [], []
        for w in _pick(rng, cands, _count(rng), edits):
            word, lang = rng.choice(inventory)
            initial = w.initial and host.text[w.start - 1] not in "\"“"
            token = _case(word, rng, initial or (position == "quotation" and host.text[w.start - 1] in "\"“"
                                                 and w.text[0].isupper()), p_cap)
            edits.insert_before(w.start, token)
            notes.append(f"'{token}' ({lang}) before '{w.text}'")
            tokens.append(token)
        return _finish(edits, notes, {"tokens": tokens, "position": position})

    plant.__doc__ = (f"A function word of another language ({position.replace('-', ' ')}) left in an English "
                     "sentence by a half-finished translation or a merge of two language versions of a page.")
    return plant


def foreign_replaces_word(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """An English article, conjunction or preposition replaced by its equivalent in another language: the
    trace of a machine-translated page post-edited in a hurry ("the rise les prices", "Der committee")."""
    inventory = by_split(REPLACEMENTS, ctx.split, "foreign-replacement")
    english = {e for e, _, _ in inventory}
    words = [w for w in _words(host.text) if w.text.lower() in english and (w.text.islower() or w.initial)]
    if not words:
        return None
    edits = _Edits(host)
    notes, tokens = [], []
    for w in _pick(rng, words, _count(rng), edits):
        choices = [(f, lang) for e, f, lang in inventory if e == w.text.lower()]
        foreign, lang = rng.choice(choices)
        token = _case(foreign, rng, w.initial, 0.0)
        edits.add(w.start, w.end, token)
        notes.append(f"'{token}' ({lang}) in place of '{w.text}'")
        tokens.append(token)
    return _finish(edits, notes, {"tokens": tokens})


# --------------------------------------------------------------------------------------------------------
# HTML entities and tags


ENTITIES = {
    "apostrophe": ["&#8217;", "&rsquo;", "&#39;", "&apos;", "&#x2019;", "&#039;", "&#146;", "&#X2019;"],
    "nbsp": ["&nbsp;", "&#160;", "&#xa0;", "&nbsp", "&NBSP;", "&#xA0;"],
    "amp": ["&amp;", "&#38;", "&amp;amp;", "&#x26;"],
    "dash": ["&mdash;", "&#8212;", "&ndash;", "&#8211;", "&#x2014;", "&#150;"],
    "quote": ["&quot;", "&#34;", "&ldquo;", "&#8220;", "&#x201C;", "&laquo;"],
    "ellipsis": ["&hellip;", "&#8230;", "&#x2026;"],
    "accent": ["&eacute;", "&#233;", "&egrave;", "&ccedil;", "&ouml;", "&#252;"],
}


def html_entity(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """An HTML character reference that a scraper or feed converter did not decode: "company&#8217;s",
    "said&nbsp;the", "Smith &amp; Wesson", "&ldquo;quoted&rdquo;"."""
    if host.suffix == ".md":  # entities are legitimate Markdown
        return None
    text = host.text
    words = _words(text)
    mask = _mask(text)
    prose = _prose_paragraphs(text)
    inside = lambda i: any(a <= i < b for a, b in prose) and not mask[i]  # noqa: E731
    kinds = {k: by_split(v, ctx.split, "entity-" + k) for k, v in ENTITIES.items()}
    sites: list[tuple[str, int, int]] = []  # kind, start, end (of the host characters replaced)
    for w in words:
        m = re.search(r"['’]", w.text)
        if m:
            sites.append(("apostrophe", w.start + m.start(), w.start + m.start() + 1))
        if not w.initial and w.text.islower() and text[w.start - 1] == " " and len(w.text) > 2:
            sites.append(("nbsp", w.start - 1, w.start))
    for m in re.finditer(r" & | and (?=[A-Z])", text):
        if inside(m.start() + 1):
            sites.append(("amp", m.start() + 1, m.end() - 1))
    for m in re.finditer(r"—|–| -- ", text):
        if inside(m.start()):
            sites.append(("dash", m.start(), m.end()))
    for m in re.finditer(r"[“\"]([^”\"\n]{8,200})[”\"]", text):
        if inside(m.start()) and inside(m.end() - 1):
            sites.append(("quote", m.start(), m.start() + 1))
    for m in re.finditer(r"…|\.\.\.", text):
        if inside(m.start()):
            sites.append(("ellipsis", m.start(), m.end()))
    for m in re.finditer(r"[éèçöü]", text):
        if inside(m.start()):
            sites.append(("accent", m.start(), m.end()))
    if not sites:
        return None
    by_kind: dict[str, list] = {}
    for site in sites:
        by_kind.setdefault(site[0], []).append(site)
    kind = rng.choice(sorted(by_kind))
    edits = _Edits(host)
    notes, tokens = [], []
    for k, s, e in _pick(rng, by_kind[kind], _count(rng), edits, span=lambda c: (c[1], c[2])):
        original = text[s:e]
        if k == "quote":
            # the pair: opening and closing quote both left as entities
            close = re.match(r"[“\"][^”\"\n]{8,200}([”\"])", text[s:])
            ent = rng.choice(kinds["quote"])
            edits.add(s, e, ent)
            notes.append(f"entity {ent} for '{original}'")
            tokens.append(ent)
            if close and rng.random() < 0.8:
                cs = s + close.start(1)
                pairs = {"&ldquo;": "&rdquo;", "&#8220;": "&#8221;", "&#x201C;": "&#x201D;", "&laquo;": "&raquo;"}
                cent = pairs.get(ent, ent)
                edits.add(cs, cs + 1, cent)
                notes.append(f"entity {cent} for '{text[cs]}'")
                tokens.append(cent)
            continue
        if k == "accent":
            table = {"é": ["&eacute;", "&#233;"], "è": ["&egrave;", "&#232;"], "ç": ["&ccedil;", "&#231;"],
                     "ö": ["&ouml;", "&#246;"], "ü": ["&uuml;", "&#252;"]}
            ent = rng.choice(table[original])
        elif k == "amp":
            ent = rng.choice(kinds["amp"])
        elif k == "dash":
            ent = rng.choice(kinds["dash"])
            if original == " -- ":
                s, e = s + 1, e - 1
        else:
            ent = rng.choice(kinds[k])
        edits.add(s, e, ent)
        notes.append(f"entity {ent} for {original!r}")
        tokens.append(ent)
    return _finish(edits, notes, {"kind": kind, "tokens": tokens})


TAGS_BREAK = ["<br>", "<br />", "<br/>", "</p>", "<p>", "</div>", "<p>&nbsp;</p>", "</p><p>", "<BR>",
              "<div>", "<hr>", "</li>", "<li>", "</span>", "<p class=\"MsoNormal\">", "<div class=\"entry\">",
              "<p style=\"text-align: justify;\">", "</td>", "<span style=\"font-size: small;\">",
              "<div class=\"field-item even\">", "</font>", "<font face=\"Arial\">", "</blockquote>", "<br><br>"]
TAGS_WRAP = [("<em>", "</em>"), ("<strong>", "</strong>"), ("<b>", "</b>"), ("<i>", "</i>"),
             ("<span class=\"caps\">", "</span>"), ("<span class=\"highlight\">", "</span>"),
             ("<a href=\"#\">", "</a>"), ("<u>", "</u>"), ("<span lang=\"en-US\">", "</span>"),
             ("<a name=\"_ftn1\">", "</a>"), ("<font color=\"#333333\">", "</font>"), ("<sup>", "</sup>")]


def html_tag(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """HTML markup left in plain text by a careless export: a line-break or paragraph tag between sentences
    ("... the vote.<br /> The council ..."), a stray closing tag at a paragraph end, or a word still wrapped
    in <em>...</em> or <span class=...>."""
    if host.suffix == ".md":  # inline HTML is legitimate Markdown
        return None
    text = host.text
    prose = _prose_paragraphs(text)
    if not prose:
        return None
    breaks = by_split(TAGS_BREAK, ctx.split, "tag-break")
    wraps = by_split(TAGS_WRAP, ctx.split, "tag-wrap")
    edits = _Edits(host)
    notes, tokens = [], []
    mode = rng.choice(["sentence", "sentence", "paragraph-end", "paragraph-start", "wrap"])
    if mode == "wrap":
        words = [w for w in _words(text) if len(w.text) > 3 and not w.initial]
        if not words:
            return None
        w = rng.choice(words)
        # one to three words wrapped, as an emphasised phrase would be
        end = w.end
        for m in WORD.finditer(text, w.end, min(len(text), w.end + 40)):
            if rng.random() < 0.4 and text[end:m.start()] == " ":
                end = m.end()
            else:
                break
        o, c = rng.choice(wraps)
        edits.add(w.start, w.start, o)
        edits.add(end, end, c)
        notes += [f"opening tag {o}", f"closing tag {c}"]
        tokens += [o, c]
    elif mode == "sentence":
        bounds = []
        for ps, pe in prose:
            for (s1, e1), (s2, _) in zip(sentence_spans(text, ps, pe), sentence_spans(text, ps, pe)[1:]):
                if text[e1:s2] == " ":
                    bounds.append(e1)
        if not bounds:
            mode = "paragraph-end"
        else:
            for pos in rng.sample(bounds, min(len(bounds), _count(rng))):
                tag = rng.choice(breaks)
                if rng.random() < 0.5:
                    edits.add(pos, pos, tag, (0, len(tag)))  # glued to the full stop
                else:
                    edits.insert_after(pos, tag)
                notes.append(f"tag {tag} between sentences")
                tokens.append(tag)
    if mode == "paragraph-end":
        ps, pe = rng.choice(prose)
        tag = rng.choice(breaks)
        edits.add(pe, pe, tag, (0, len(tag))) if rng.random() < 0.6 else edits.insert_after(pe, tag)
        notes.append(f"tag {tag} at a paragraph end")
        tokens.append(tag)
    elif mode == "paragraph-start":
        ps, pe = rng.choice(prose)
        tag = rng.choice(breaks)
        edits.add(ps, ps, tag, (0, len(tag))) if rng.random() < 0.6 else edits.insert_before(ps, tag)
        notes.append(f"tag {tag} at a paragraph start")
        tokens.append(tag)
    return _finish(edits, notes, {"mode": mode, "tokens": tokens})


# --------------------------------------------------------------------------------------------------------
# Escape residue


ESCAPES = ["backslash-apostrophe", "backslash-quote", "literal-newline", "literal-tab", "percent-space",
           "markdown-escape", "unicode-escape", "double-backslash", "literal-crlf", "plus-space"]


def escape_residue(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """Escape sequences that reached the page unprocessed: "don\\'t" and \\"quoted\\" from a SQL or JSON
    dump, a literal "\\n" between sentences, "%20" or "+" for spaces from a URL, "\\_" and "\\*" from a
    Markdown exporter, "\\u2019" from a JSON string."""
    text = host.text
    md = host.suffix == ".md"
    words = _words(text)
    prose = _prose_paragraphs(text)
    mask = _mask(text)
    kinds = by_split(ESCAPES, ctx.split, "escape-kind")
    if md:  # backslash escapes of punctuation are legitimate Markdown
        kinds = [k for k in kinds if k in ("literal-newline", "literal-tab", "percent-space", "unicode-escape",
                                           "literal-crlf", "plus-space")] or ["literal-newline"]
    sites: dict[str, list] = {}
    for w in words:
        m = re.search(r"['’]", w.text)
        if m:
            i = w.start + m.start()
            sites.setdefault("backslash-apostrophe", []).append((i, i + 1))
            sites.setdefault("unicode-escape", []).append((i, i + 1))
        if (not w.initial and text[w.start - 1] == " " and w.prev and w.prev[0].isupper() and w.text[0].isupper()
                and text[w.start - 2] not in ".!?;:"):
            sites.setdefault("percent-space", []).append((w.start - 1, w.start))  # "New%20York"
            sites.setdefault("plus-space", []).append((w.start - 1, w.start))
    for ps, pe in prose:
        for m in re.finditer(r"\"[^\"\n]{8,200}\"", text[ps:pe]):
            sites.setdefault("backslash-quote", []).append((ps + m.start(), ps + m.end()))
        for m in re.finditer(r"[()\[\]!#*_+]|(?<=\w)-(?=\w)|(?<=\d)\.(?= )", text[ps:pe]):
            i = ps + m.start()
            if not mask[i]:
                sites.setdefault("markdown-escape", []).append((i, i + 1))  # "\(AP\)", "well\-known", "1\."
        spans = sentence_spans(text, ps, pe)
        for (s1, e1), (s2, _) in zip(spans, spans[1:]):
            if text[e1:s2] == " ":
                for k in ("literal-newline", "literal-tab", "double-backslash", "literal-crlf"):
                    sites.setdefault(k, []).append((e1, s2))
        for k in ("literal-newline", "literal-crlf"):
            sites.setdefault(k, []).append((pe, pe))
    avail = [k for k in kinds if sites.get(k)]
    if not avail:
        return None
    kind = rng.choice(avail)
    edits = _Edits(host)
    notes, tokens = [], []
    for s, e in _pick(rng, sites[kind], _count(rng), edits, span=lambda c: c):
        if kind == "backslash-apostrophe":
            tok = rng.choice(["\\'", "\\\\'", "\\’"])
            edits.add(s, e, tok)
        elif kind == "unicode-escape":
            tok = rng.choice(["\\u2019", "\\u0027", "\\x27", "\\u2018"])
            edits.add(s, e, tok)
        elif kind == "backslash-quote":
            a = rng.choice(['\\"', '\\\\"'])
            edits.add(s, s + 1, a)
            edits.add(e - 1, e, a)
            notes += ["escaped quote " + a]
            tokens.append(a)
            tok = a
        elif kind == "percent-space":
            if text[s - 1] == ",":  # the comma went through the encoder too
                s, tok = s - 1, "%2C%20"
            else:
                tok = rng.choice(["%20", "%20", "%C2%A0"])
            edits.add(s, e, tok)
        elif kind == "plus-space":
            tok = "+"
            edits.add(s, e, tok)
        elif kind == "markdown-escape":
            tok = "\\" + text[s:e]
            edits.add(s, e, tok)
        elif kind in ("literal-newline", "literal-tab", "literal-crlf", "double-backslash"):
            tok = {"literal-newline": rng.choice(["\\n", "\\n\\n", "\\n"]), "literal-tab": "\\t",
                   "literal-crlf": rng.choice(["\\r\\n", "\\r\\n\\r\\n"]),
                   "double-backslash": rng.choice(["\\\\n", "\\\\r\\\\n", "\\\\n\\\\n"])}[kind]
            if s == e:  # paragraph end
                edits.add(s, s, tok) if rng.random() < 0.5 else edits.insert_after(s, tok)
            else:
                glue = rng.choice(["left", "right", "both", "spaced"])
                new = {"left": tok + " ", "right": " " + tok, "both": tok, "spaced": " " + tok + " "}[glue]
                a = new.index(tok)
                edits.add(s, e, new, (a, a + len(tok)))
        notes.append(f"escape residue {tok!r}")
        tokens.append(tok)
    return _finish(edits, notes, {"kind": kind, "tokens": tokens})


# --------------------------------------------------------------------------------------------------------
# Mojibake


def _cp1252(s: str, undefined: str = "\ufffd") -> str:
    """``s`` encoded as UTF-8 and decoded as Windows-1252; bytes cp1252 leaves undefined become ``undefined``."""
    return s.encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", undefined)


MOJIBAKE = ["apostrophe-cp1252", "apostrophe-fffd", "quote-cp1252", "dash-cp1252", "accent-cp1252",
            "bom-start", "bom-paragraph", "apostrophe-double", "nbsp-cp1252", "quote-fffd", "dash-fffd",
            "accent-fffd", "ellipsis-cp1252", "apostrophe-question"]


def mojibake(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """Text decoded with the wrong codec: UTF-8 read as cp1252 ("company’s" -> "companyâ€™s", "é" ->
    "Ã©", "—" -> "â€”"), a byte-order mark kept as "ï»¿", double-encoded "Ã¢â‚¬â„¢", or U+FFFD replacement
    characters where a curly quote or accented letter was."""
    text = host.text
    words = _words(text)
    mask = _mask(text)
    prose = _prose_paragraphs(text)
    inside = lambda i: any(a <= i < b for a, b in prose) and not mask[i]  # noqa: E731
    kinds = by_split(MOJIBAKE, ctx.split, "mojibake-kind")
    sites: dict[str, list] = {}
    for w in words:
        m = re.search(r"['’]", w.text)
        if m:
            i = w.start + m.start()
            for k in ("apostrophe-cp1252", "apostrophe-fffd", "apostrophe-double", "apostrophe-question"):
                sites.setdefault(k, []).append((i, i + 1))
        if not w.initial and text[w.start - 1] == " " and w.text.islower():
            sites.setdefault("nbsp-cp1252", []).append((w.start - 1, w.start))
    for m in re.finditer(r"[“\"][^”\"\n]{8,200}[”\"]", text):
        if inside(m.start()):
            sites.setdefault("quote-cp1252", []).append((m.start(), m.end()))
            sites.setdefault("quote-fffd", []).append((m.start(), m.end()))
    for m in re.finditer(r"—|–| - ", text):
        if inside(m.start()):
            s, e = (m.start() + 1, m.end() - 1) if m.group() == " - " else m.span()
            sites.setdefault("dash-cp1252", []).append((s, e))
            sites.setdefault("dash-fffd", []).append((s, e))
    for m in re.finditer(r"[À-ÿ]", text):
        if inside(m.start()):
            sites.setdefault("accent-cp1252", []).append(m.span())
            sites.setdefault("accent-fffd", []).append(m.span())
    for m in re.finditer(r"…|\.\.\.", text):
        if inside(m.start()):
            sites.setdefault("ellipsis-cp1252", []).append(m.span())
    sites["bom-start"] = [(0, 0)]
    sites["bom-paragraph"] = [(s, s) for s, _ in prose[1:]]
    avail = [k for k in kinds if sites.get(k)]
    if not avail:
        return None
    kind = rng.choice(avail)
    edits = _Edits(host)
    notes, tokens = [], []
    n = 1 if kind.startswith("bom") else _count(rng)
    for s, e in _pick(rng, sites[kind], n, edits, span=lambda c: c):
        orig = text[s:e]
        if kind == "apostrophe-cp1252":
            tok = _cp1252("’")
        elif kind == "apostrophe-double":
            tok = _cp1252(_cp1252("’"))
        elif kind == "apostrophe-question":  # a lossy conversion to ASCII
            tok = "?"
        elif kind in ("apostrophe-fffd", "accent-fffd", "dash-fffd"):
            tok = rng.choice(["\ufffd", "\ufffd", "\ufffd\ufffd"]) if kind != "accent-fffd" else "\ufffd"
        elif kind == "nbsp-cp1252":
            tok = "Â "
            edits.add(s, e, tok, (0, 1))
            notes.append("mojibake 'Â' of a no-break space")
            tokens.append("Â")
            continue
        elif kind in ("quote-cp1252", "quote-fffd"):
            o, c = (_cp1252("“"), _cp1252("”", rng.choice(["\ufffd", ""]))) if kind == "quote-cp1252" \
                else ("\ufffd", "\ufffd")
            edits.add(s, s + 1, o)
            notes.append(f"mojibake {o!r} for an opening quote")
            tokens.append(o)
            if rng.random() < 0.85:
                edits.add(e - 1, e, c)
                notes.append(f"mojibake {c!r} for a closing quote")
                tokens.append(c)
            continue
        elif kind == "dash-cp1252":
            tok = _cp1252(orig if orig in "—–" else rng.choice("—–"))
        elif kind == "accent-cp1252":
            tok = _cp1252(orig)
        elif kind == "ellipsis-cp1252":
            tok = _cp1252("…")
        else:  # BOM
            tok = _cp1252("\ufeff") * (1 if rng.random() < 0.85 else 2)
            edits.add(s, s, tok)
            notes.append(f"byte-order mark read as {tok!r}")
            tokens.append(tok)
            continue
        edits.add(s, e, tok)
        notes.append(f"mojibake {tok!r} for {orig!r}")
        tokens.append(tok)
    return _finish(edits, notes, {"kind": kind, "tokens": tokens})


# --------------------------------------------------------------------------------------------------------
# Nonsense strings and OCR garbage


KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
CONSONANTS = "bcdfghjklmnpqrstvwxz"
MASH_STYLES = ["row-run", "consonant-cluster", "repeated-bigram", "two-hands", "row-run-caps",
               "consonant-digit", "doubled-letters", "home-row-alternation"]


def _mash(rng: random.Random, style: str) -> str:
    if style in ("row-run", "row-run-caps"):
        row = rng.choice(KEYBOARD_ROWS)
        i = rng.randrange(0, len(row) - 4)
        s = row[i:i + rng.randint(4, min(7, len(row) - i))]
        s = s if rng.random() < 0.7 else s[::-1]
        return s.upper() if style == "row-run-caps" else s
    if style == "consonant-cluster":
        return "".join(rng.choice(CONSONANTS) for _ in range(rng.randint(5, 9)))
    if style == "repeated-bigram":
        a, b = rng.sample("sdfghjklwertzxcv", 2)
        return (a + b) * rng.randint(3, 4) + (a if rng.random() < 0.5 else "")
    if style == "two-hands":
        left, right = "qwertasdfgzxcvb", "yuiophjklnm"
        return "".join(rng.choice(left if i % 2 == 0 else right) for i in range(rng.randint(6, 9))).replace(
            "a", "x").replace("e", "j").replace("i", "k").replace("o", "l").replace("u", "h")
    if style == "consonant-digit":
        s = "".join(rng.choice(CONSONANTS) for _ in range(rng.randint(4, 6)))
        i = rng.randrange(1, len(s))
        return s[:i] + str(rng.randint(0, 9)) + s[i:]
    if style == "doubled-letters":
        return "".join(rng.choice(CONSONANTS) * 2 for _ in range(rng.randint(3, 4)))
    # home-row-alternation
    return "".join(rng.choice("asdfjkl;" if i % 3 else "sdfjkl") for i in range(rng.randint(6, 10))).replace(";", "")


def _nonsense_ok(s: str) -> bool:
    vowels = sum(c in "aeiouyAEIOUY" for c in s)
    return len(s) >= 4 and vowels <= max(1, len(s) // 5)


def nonsense_string(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A letter string that is a word of no language, typed by accident or left as a placeholder: a keyboard
    mash ("asdfgh", "jkjkjk") or a consonant run ("xkqzvt") between two words, at a sentence end or at the
    end of a paragraph."""
    words = [w for w in _words(host.text) if text_ok(host.text, w)]
    if not words:
        return None
    styles = by_split(MASH_STYLES, ctx.split, "mash-style")
    edits = _Edits(host)
    notes, tokens = [], []
    for w in _pick(rng, words, rng.choices([1, 2], weights=[80, 20])[0], edits):
        style = rng.choice(styles)
        tok = _mash(rng, style)
        for _ in range(20):
            if _nonsense_ok(tok):
                break
            tok = _mash(rng, style)
        where = rng.random()
        if where < 0.6 or w.initial:
            edits.insert_before(w.start, tok)
        else:
            edits.insert_after(w.end, tok)
        notes.append(f"nonsense string {tok!r} ({style})")
        tokens.append(tok)
    return _finish(edits, notes, {"tokens": tokens})


def text_ok(text: str, w: _Word) -> bool:
    return text[w.start - 1] == " " and not w.initial


OCR_RULES = [
    ("the", "tbe"), ("the", "tlie"), ("the", "thc"), ("the", "tbc"), ("and", "aud"), ("and", "aiid"),
    ("m", "rn"), ("h", "b"), ("h", "li"), ("e", "c"), ("u", "ii"), ("n", "ii"), ("w", "vv"), ("l", "1"),
    ("o", "0"), ("rn", "m"), ("d", "cl"), ("i", "l"), ("f", "t"), ("s", "f"),
]


def _garble(word: str, rule: tuple[str, str], rng: random.Random) -> str | None:
    src, dst = rule
    low = word.lower()
    if len(src) == 3:  # whole-word substitution
        return (dst.capitalize() if word[0].isupper() else dst) if low == src else None
    idx = [m.start() for m in re.finditer(re.escape(src), word)]
    idx = [i for i in idx if 0 < i < len(word) - len(src) or (src in ("m", "w") and i == 0)
           or (src in ("m", "h") and i == len(word) - 1)]
    if src == "h":  # "tbe", "wbich": only after t/w/s/c, where b and li are not English
        idx = [i for i in idx if word[i - 1] in "tTwWsScC"]
    if src == "e":  # "thc", "tbc"
        idx = [i for i in idx if i == len(word) - 1 and word[i - 1] == "h"]
    if src == "s":  # long s read as f: only inside a word, before a consonant
        idx = [i for i in idx if i + 1 < len(word) and word[i + 1] in "tlpk"]
    if not idx:
        return None
    i = rng.choice(idx)
    out = word[:i] + dst + word[i + len(src):]
    if i == 0 and word[0].isupper():
        out = out[0].upper() + out[1:]
    return None if out.lower() in REAL_WORDS else out


# Real words these confusions can produce: such a misreading would not be a stray token.
REAL_WORDS = {
    "modem", "com", "bum", "bom", "tum", "dam", "ball", "flat", "clam", "clay", "slip", "flog", "lot", "hat",
    "bat", "burnt", "tarn", "barn", "warn", "worn", "torn", "corn", "born", "horn", "fern", "darn", "yarn",
    "earn", "stern", "turn", "term", "form", "firm", "farm", "harm", "warm", "arm", "storm", "worm", "charm",
    "bail", "fail", "mail", "tail", "wail", "fill", "bill", "hill", "kill", "mill", "pill", "till", "will",
    "lit", "bit", "sit", "fit", "hit", "kit", "pit", "wit", "ban", "bop", "bow", "bey", "bis", "bits",
    "tot", "wot", "fat", "sat", "cat", "tat", "vat", "oft", "aft", "lift", "left", "loft", "raft", "soft",
    "tuft", "weft", "daft", "deft", "haft", "heft", "rift", "sift", "waft", "cleft", "gift", "fist", "mist",
    "aim", "dim", "him", "rim", "vim", "whim", "sale", "sole", "sane", "sore",
}


def ocr_garbage(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """OCR misreadings in a scanned text: "tbe" or "tlie" for "the", "governrnent" for "government", "wbich",
    "tirne", "vvhich", "wi1l" -- a letter string that is no word, where the reader sees the intended one."""
    rules = by_split(OCR_RULES, ctx.split, "ocr-rule")
    words = [w for w in _words(host.text) if len(w.text) >= 3 and w.text.isalpha()]
    vocab = {w.text.lower() for w in words}
    cands = []
    for w in random.Random(len(words)).sample(words, min(len(words), 300)):
        for rule in rules:
            g = _garble(w.text, rule, random.Random(w.start))
            if g and g.lower() not in vocab:
                cands.append((w, rule))
    if not cands:
        return None
    edits = _Edits(host)
    notes, tokens = [], []
    for w, rule in _pick(rng, cands, _count(rng), edits, span=lambda c: (c[0].start, c[0].end)):
        g = _garble(w.text, rule, rng)
        if not g or g.lower() in vocab:
            continue
        edits.add(w.start, w.end, g)
        notes.append(f"OCR garbage {g!r} for {w.text!r}")
        tokens.append(g)
    return _finish(edits, notes, {"tokens": tokens})


# --------------------------------------------------------------------------------------------------------
# Orphan codes


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(n))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

ORPHANS = [
    lambda r: f"(R{r.randint(100, 999)})",
    lambda r: "[citation needed]",
    lambda r: "[clarification needed]",
    lambda r: "[edit]",
    lambda r: "{{cite web}}",
    lambda r: "{{cn}}",
    lambda r: f"{{{{Citation needed|date={r.choice(MONTHS)} {r.randint(2006, 2015)}}}}}",
    lambda r: f"ID: {_hex(r, 4)}",
    lambda r: f"[ref {r.randint(1, 40)}]",
    lambda r: f"(ref. {r.choice('ABCDEFGHKMNPRS')}{r.choice('ABCDEFGHKMNPRS')}-{r.randint(1000, 9999)})",
    lambda r: "#REF!",
    lambda r: "[TBD]",
    lambda r: "[INSERT QUOTE]",
    lambda r: "%%TITLE%%",
    lambda r: "{{PAGENAME}}",
    lambda r: f"[[File:{r.choice(['Map', 'Photo', 'Chart', 'Logo'])}{r.randint(1, 99)}.jpg|thumb]]",
    lambda r: "[object Object]",
    lambda r: "undefined",
    lambda r: "${author}",
    lambda r: "{$headline}",
    lambda r: f"SKU {r.randint(10000, 99999)}",
    lambda r: f"[{r.randint(1, 9)}:{r.randint(10, 59)}]",
    lambda r: f"(AP-{_hex(r, 6)})",
    lambda r: f"<<{r.choice(['AD', 'IMG', 'EMBED', 'VIDEO'])}_{r.randint(1, 12)}>>",
    lambda r: f"[image:{r.randint(100000, 999999)}]",
    lambda r: "[dead link]",
    lambda r: "[who?]",
    lambda r: f"{{{{Refimprove|date={r.choice(MONTHS)} {r.randint(2006, 2015)}}}}}",
    lambda r: f"(Doc. {_hex(r, 3)}/{r.randint(10, 99)})",
    lambda r: f"[ID:{r.randint(100000, 999999)}]",
    lambda r: "NaN",
    lambda r: "[[Category:Stubs]]",
    lambda r: f"Fig. {r.randint(1, 9)}{r.choice('abc')}",
    lambda r: f"({r.choice(['CNS', 'SRC', 'RTR', 'NYT'])}){r.choice(['', ' --'])}",
    lambda r: f"{{#{r.randint(1000, 9999)}}}",
    lambda r: f"[{_hex(r, 8).lower()}]",
]


def orphan_code(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A code that refers to nothing in the text: a wiki maintenance tag ("[citation needed]", "{{cn}}"),
    a template placeholder or script residue ("%%TITLE%%", "[object Object]"), an internal reference or
    record id ("(R201)", "ID: 7F3A") left behind by a CMS or a copy from a database."""
    inventory = by_split(list(range(len(ORPHANS))), ctx.split, "orphan-code")
    text = host.text
    prose = _prose_paragraphs(text)
    words = [w for w in _words(text) if not w.initial and text[w.start - 1] == " "]
    sites = []  # (position, mode)
    for ps, pe in prose:
        spans = sentence_spans(text, ps, pe)
        for s, e in spans:
            if text[e - 1] in ".!?":
                sites.append((e - 1, "before-stop"))
                sites.append((e, "after-stop"))
    sites += [(w.start, "mid") for w in words]
    if not sites:
        return None
    edits = _Edits(host)
    notes, tokens = [], []
    n = rng.choices([1, 2], weights=[80, 20])[0]
    for pos, mode in _pick(rng, sites, n, edits, span=lambda c: (c[0], c[0])):
        tok = ORPHANS[rng.choice(inventory)](rng)
        if mode == "before-stop":
            edits.add(pos, pos, tok, (0, len(tok))) if tok.startswith(("[", "{")) else edits.insert_after(pos, tok)
        elif mode == "after-stop":
            edits.insert_after(pos, tok) if rng.random() < 0.7 else edits.add(pos, pos, tok, (0, len(tok)))
        else:
            edits.insert_before(pos, tok)
        notes.append(f"orphan code {tok!r} ({mode})")
        tokens.append(tok)
    return _finish(edits, notes, {"tokens": tokens})


FORMS = {
    "foreign-word-before-capitalised": _foreign_insert("capitalised", 0.4),
    "foreign-word-before-lowercase": _foreign_insert("lowercase", 0.1),
    "foreign-word-after-preposition": _foreign_insert("after-preposition", 0.05),
    "foreign-word-in-quotation": _foreign_insert("quotation", 0.1),
    "foreign-word-replaces-english": foreign_replaces_word,
    "html-entity": html_entity,
    "html-tag": html_tag,
    "escape-residue": escape_residue,
    "mojibake": mojibake,
    "nonsense-string": nonsense_string,
    "ocr-garbage": ocr_garbage,
    "orphan-code": orphan_code,
}
