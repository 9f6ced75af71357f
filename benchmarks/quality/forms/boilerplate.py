"""Boilerplate forms: page chrome left in the extracted text of a document.

Text extracted from web pages keeps what the extractor failed to strip: the site's navigation and
breadcrumbs above the article, a share bar after the lede, a newsletter box or a "Related stories" list
between paragraphs, the comment form, a forum member panel, a cookie banner, the copyright footer. Three
forms transplant *real* chrome (``ctx.chrome``: line runs labelled chrome on web pages of the same split);
the others generate chrome from template inventories (partitioned by split with ``by_split``) with random
names, dates and counts, rendered as plain text or Markdown (links as ``[text](url)``, ``* item`` lists), the
way web-page renderings show them.

Each form inserts one block (sometimes a block of several paragraphs) at the top, at the bottom or between
two paragraphs, keeps the host byte-identical around it and records the insertion in ``meta["edits"]`` as
``[host_start, host_end, text_start, text_end]``. ``Defect.span`` covers the block from its first to its
last character.
"""

from __future__ import annotations

import random
import re

from common import ChromeBlock, Defect, Host, PlantContext, Planted, by_split, paragraph_spans

# --------------------------------------------------------------------------------------------------------
# Placing a block


def _fences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"^(```|~~~).*?^\1[^\n]*$", text, re.S | re.M)]


def _boundaries(text: str) -> list[int]:
    """Starts of paragraphs 2..n that are not inside a fenced code block."""
    fences = _fences(text)
    return [s for s, _ in paragraph_spans(text)[1:] if not any(a < s < b for a, b in fences)]


def _place(rng: random.Random, host: Host, block: str, where: str) -> tuple[str, tuple[int, int], list] | None:
    """``block`` put at the top, the bottom or between paragraphs ("interior", "after-lede", "before-last")."""
    text = host.text
    block = block.strip("\n").rstrip()
    if not block.strip():
        return None
    sep = "\n\n" if rng.random() < 0.85 else "\n"
    if where == "top":
        pos = 0
        new = block + sep
        span = (0, len(block))
    elif where == "bottom":
        pos = len(text)
        lead = "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        if sep == "\n" and text.endswith("\n"):
            lead = ""
        new = lead + block + "\n"
        span = (pos + len(lead), pos + len(lead) + len(block))
    else:
        bounds = _boundaries(text)
        if not bounds:
            return None
        if where == "after-lede":
            pos = bounds[0]
        elif where == "before-last":
            pos = bounds[-1]
        else:
            inner = bounds[1:-1] or bounds
            pos = rng.choice(inner)
        new = block + sep
        span = (pos, pos + len(block))
    out = text[:pos] + new + text[pos:]
    indent = len(block) - len(block.lstrip())  # an indented first list item: the span starts at its bullet
    return out, (span[0] + indent, span[1]), [[pos, pos, pos, pos + len(new)]]


def _planted(rng: random.Random, host: Host, block: str, where: str, note: str, meta: dict) -> Planted | None:
    placed = _place(rng, host, block, where)
    if placed is None:
        return None
    text, span, edits = placed
    return Planted(text=text, defects=[Defect(span=span, note=note)], meta=dict(meta, where=where, edits=edits))


def _where(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# --------------------------------------------------------------------------------------------------------
# Real chrome from the split's web pages


def _clean_chrome(rng: random.Random, block: ChromeBlock, max_lines: int) -> str | None:
    lines = [line.rstrip() for line in block.lines]
    squeeze = rng.random() < 0.7
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if squeeze:
            line = re.sub(r"[ \t]{2,}", " ", line)
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    nonblank = [i for i, line in enumerate(out) if line]
    if len(nonblank) > max_lines:  # a window of a long block
        n = rng.randint(2, max_lines)
        if block.position == "top":
            i0 = 0
        elif block.position == "bottom":
            i0 = len(nonblank) - n
        else:
            i0 = rng.randrange(0, len(nonblank) - n + 1)
        out = out[nonblank[i0]:nonblank[i0 + n - 1] + 1]
    text = "\n".join(out).strip()
    if len(text) > 1500:
        cut = text.rfind("\n", 0, 1500)
        text = text[:cut].strip() if cut > 40 else ""
    visible = re.sub(r"\]\([^)]*\)|<[^>]*>|(?:https?://|www\.)\S+", " ", text)  # link targets, tags, URLs
    letters = sum(c.isalpha() for c in visible)
    if letters < 12 or len(re.findall(r"[A-Za-z]{2,}", visible)) < 2:
        return None
    return text


def _real_chrome(position: str, weights: dict[str, float]):
    def plant(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
        pool = [b for b in ctx.chrome if b.position == position] or list(ctx.chrome)
        if not pool:
            return None
        for _ in range(12):
            block = rng.choice(pool)
            text = _clean_chrome(rng, block, rng.choice([4, 8, 12]))
            if text:
                break
        else:
            return None
        where = _where(rng, weights)
        return _planted(rng, host, text, where, f"real {block.position} chrome from {block.page}",
                        {"page": block.page, "chrome_position": block.position, "license": block.license})

    plant.__doc__ = (f"Real page chrome ({position} of its page: navigation, widgets, link lists, footers) that an "
                     "extractor kept, copied from a labelled web page of the same split.")
    return plant


# --------------------------------------------------------------------------------------------------------
# Inventories shared by the generated forms

FIRST = ["James", "Mary", "Robert", "Patricia", "Michael", "Linda", "David", "Barbara", "Richard", "Susan",
         "Thomas", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Sandra", "Mark", "Ashley", "Paul",
         "Kimberly", "Steven", "Donna", "Andrew", "Carol", "Joshua", "Michelle", "Kevin", "Emily", "Brian",
         "Amanda", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Laura", "Jason", "Rebecca", "Ryan",
         "Sharon", "Gary", "Cynthia", "Nicholas", "Kathleen", "Eric", "Amy", "Stephen", "Angela", "Priya",
         "Wei", "Ahmed", "Fatima", "Carlos", "Sofia", "Olu", "Ingrid", "Kenji", "Aisha"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson",
        "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
        "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips",
        "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Patel",
        "Nguyen", "Kowalski", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Schmidt", "O'Brien", "Rossi"]
SITE_PARTS = ["daily", "metro", "north", "city", "valley", "tribune", "post", "courier", "herald", "gazette",
              "times", "journal", "observer", "record", "chronicle", "ledger", "sentinel", "examiner",
              "dispatch", "bulletin", "review", "weekly", "star", "press", "mirror", "beacon", "coast", "river",
              "bay", "county", "capital", "lakeside", "harbor", "summit", "prairie", "pioneer", "register",
              "globe", "world", "wire", "insider", "report", "digest", "voice", "today", "online", "hub", "net"]
TLDS = [".com", ".com", ".org", ".net", ".co.uk", ".com.au", ".ca", ".info", ".news", ".io"]
USER_WORDS = ["tiger", "blue", "heron", "fan", "dave", "mike", "jazz", "rocket", "hawk", "river", "pixel",
              "ghost", "lucky", "silver", "wolf", "guitar", "chef", "runner", "biker", "kat", "soccer", "mom",
              "dad", "nerd", "coder", "fox", "bear", "storm", "moon", "sun", "red", "green", "old", "big",
              "little", "mad", "happy", "grumpy", "lazy", "crazy"]
CITIES = ["Boston", "Denver", "Leeds", "Auckland", "Toronto", "Manchester", "Austin", "Perth", "Dublin",
          "Portland", "Glasgow", "Phoenix", "Cardiff", "Ottawa", "Brisbane", "Seattle", "Nashville", "Bristol",
          "Calgary", "Tampa", "the Midwest", "Northern California", "Ontario", "Texas", "UK", "SoCal",
          "East Coast", "Down Under", "Somewhere", "Florida", "Ohio", "Scotland"]
SECTIONS = ["News", "World", "Business", "Politics", "Sport", "Sports", "Technology", "Tech", "Science",
            "Health", "Entertainment", "Arts", "Culture", "Opinion", "Lifestyle", "Travel", "Video", "Photos",
            "Weather", "Local", "U.S.", "Markets", "Education", "Environment", "Obituaries", "Classifieds",
            "Jobs", "Real Estate", "Autos", "Blogs", "Podcasts", "Events", "Archives", "Food", "Style", "Books",
            "Music", "Movies", "Money", "Crime", "Nation", "Region", "Economy", "Media", "Religion", "Family",
            "Gadgets", "Reviews", "Features", "Columnists", "Letters", "Editorials", "Television", "Gaming"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _name(rng: random.Random, split: str) -> str:
    return f"{rng.choice(by_split(FIRST, split, 'first'))} {rng.choice(by_split(LAST, split, 'last'))}"


def _site(rng: random.Random, split: str) -> tuple[str, str]:
    """(display name, domain) of a made-up site."""
    parts = by_split(SITE_PARTS, split, "site")
    a, b = rng.sample(parts, 2)
    domain = a + b + rng.choice(TLDS)
    display = rng.choice([f"{a.capitalize()} {b.capitalize()}", f"The {a.capitalize()} {b.capitalize()}",
                          f"{a.capitalize()}{b.capitalize()}", domain])
    return display, domain


def _user(rng: random.Random, split: str) -> str:
    words = by_split(USER_WORDS, split, "user")
    a, b = rng.sample(words, 2)
    style = rng.randrange(6)
    if style == 0:
        return f"{a}{b}{rng.randint(1, 99)}"
    if style == 1:
        return f"{a}_{b}"
    if style == 2:
        return f"{a.capitalize()}{b.capitalize()}"
    if style == 3:
        return f"{rng.choice(by_split(FIRST, split, 'first')).lower()}{rng.randint(60, 2012)}"
    if style == 4:
        return f"{a}-{b}"
    return f"{rng.choice(by_split(FIRST, split, 'first'))}{rng.choice(by_split(LAST, split, 'last'))[0]}"


def _date(rng: random.Random, split: str, with_time: bool = False) -> str:
    y, m, d = rng.randint(2003, 2024), rng.randint(1, 12), rng.randint(1, 28)
    formats = by_split(["mdy-long", "mdy-short", "dmy-long", "iso", "us-num", "eu-num", "day-long", "mon-year",
                        "dmy-short", "day-short", "dotted", "ago"], split, "date-format")
    f = rng.choice(formats)
    mon = MONTHS[m - 1]
    out = {"mdy-long": f"{mon} {d}, {y}", "mdy-short": f"{mon[:3]} {d}, {y}", "dmy-long": f"{d} {mon} {y}",
           "iso": f"{y}-{m:02d}-{d:02d}", "us-num": f"{m:02d}-{d:02d}-{y}", "eu-num": f"{d:02d}/{m:02d}/{y}",
           "day-long": f"{rng.choice(DAYS)}, {mon} {d}, {y}", "mon-year": f"{mon[:3]} {y}",
           "dmy-short": f"{d} {mon[:3]} {y}", "day-short": f"{rng.choice(DAYS)[:3]} {mon[:3]} {d}, {y}",
           "dotted": f"{d:02d}.{m:02d}.{y}", "ago": rng.choice([f"{rng.randint(2, 23)} hours ago",
                                                               f"{rng.randint(2, 30)} days ago", "Yesterday",
                                                               f"{rng.randint(2, 11)} months ago"])}[f]
    if with_time and f != "ago":
        h, mi = rng.randint(1, 12), rng.randint(0, 59)
        out += rng.choice([f", {h}:{mi:02d} {rng.choice(['AM', 'PM'])}", f" at {h}:{mi:02d} {rng.choice(['am', 'pm'])}",
                           f" {rng.randint(0, 23):02d}:{mi:02d}", f" {h}:{mi:02d}{rng.choice(['am', 'pm'])} ET",
                           f" - {h}:{mi:02d} {rng.choice(['a.m.', 'p.m.'])}"])
    return out


def _count(rng: random.Random, lo: int = 0, hi: int = 9999) -> str:
    n = rng.randint(lo, min(hi, lo + 40)) if rng.random() < 0.5 else rng.randint(lo, hi)
    return f"{n:,}" if rng.random() < 0.6 else str(n)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _link(rng: random.Random, text: str, domain: str, md: bool, path: str | None = None) -> str:
    if not md:
        return text
    path = path if path is not None else "/" + _slug(text)
    url = rng.choice([f"http://www.{domain}{path}", f"https://{domain}{path}", path])
    return f"[{text}]({url})"


def _items(rng: random.Random, items: list[str], md: bool, inline: bool | None = None) -> str:
    """Render a list of items: inline with a separator, one per line, or as a Markdown list."""
    inline = rng.random() < 0.5 if inline is None else inline
    if inline:
        sep = rng.choice([" | ", " · ", " • ", "  ", " ", " / ", " - ", " |"]) if not md else rng.choice(
            [" | ", " · ", " ", " • "])
        return sep.join(items)
    if md:
        bullet = rng.choice(["* ", "- ", "  * ", "+ "])
        return "\n".join(bullet + it for it in items)
    return "\n".join(items)


def _case(rng: random.Random, s: str) -> str:
    r = rng.random()
    return s.upper() if r < 0.15 else s


# --------------------------------------------------------------------------------------------------------
# Forum panels

FORUM_RANKS = ["Senior Member", "Junior Member", "Member", "Registered User", "Veteran", "Moderator",
               "Super Moderator", "New Member", "Regular", "Platinum Member", "Gold Member", "Elite Member",
               "Newbie", "Addict", "Guru", "Administrator", "Contributor", "Banned", "Established Member",
               "Active Member", "Forum Regular", "Lurker"]
FORUM_JOIN = ["Join Date:", "Joined:", "Member Since:", "Registered:", "Join date:", "Member since", "Joined",
              "Registration Date:"]
FORUM_POSTS = ["Posts:", "Messages:", "Post count:", "Total Posts:", "Posts", "Posts Made:", "Post Count:",
               "Messages"]
FORUM_LOCATION = ["Location:", "From:", "Loc:", "Location", "Lives in:", "Home:"]
FORUM_REP = ["Rep Power:", "Reputation:", "Likes Received:", "Thanks:", "Karma:", "Thanked:", "Rep:",
             "Trophy Points:", "Likes:", "Reaction score:"]
FORUM_ACTIONS = ["Reply With Quote", "Quote", "Reply", "Report Post", "Multi-Quote", "Quick Reply", "Thanks",
                 "Like", "Report", "Permalink", "Back to top", "Edit", "Quote Reply", "Send PM",
                 "Private Message", "Report Abuse", "Top", "Vote Up", "Share Post", "Quote and Reply"]
FORUM_QUOTE = ["Quote Originally Posted by {u}", "Originally Posted by {u}", "{u} wrote:",
               "Quote: Originally Posted by {u}", "Quoting {u}:", "{u} said:", "In reply to {u}",
               "Quote from: {u} on {d}", "{u} said: ↑", "Quote (Originally posted by {u})"]
FORUM_HEADER = ["#{n}", "Post #{n}", "{d}", "Posted: {d}", "Re: {t}", "Reply #{n} on: {d}", "Today, {tm}",
                "Last edited by {u}; {d}.", "{d} #{n}", "Permalink #{n}"]


def forum_panel(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A forum post's member panel, quote header or action bar left in a thread that was extracted as an
    article: "Join Date: Mar 2009 / Posts: 3,481 / Reply With Quote", "Quote Originally Posted by ..."."""
    s = ctx.split
    u = _user(rng, s)
    kind = rng.choice(["member", "member", "actions", "quote", "header-member"])
    md = rng.random() < 0.4
    lines: list[str] = []
    if kind in ("member", "header-member"):
        if kind == "header-member":
            tmpl = rng.choice(by_split(FORUM_HEADER, s, "forum-header"))
            lines.append(_header(rng, tmpl, u, s, host))
        lines.append(f"**{u}**" if md and rng.random() < 0.5 else u)
        if rng.random() < 0.7:
            lines.append(rng.choice(by_split(FORUM_RANKS, s, "forum-rank")))
        fields = []
        jd = _date(rng, s) if rng.random() < 0.4 else f"{MONTHS[rng.randrange(12)][:3]} {rng.randint(2001, 2012)}"
        fields.append(f"{rng.choice(by_split(FORUM_JOIN, s, 'forum-join'))} {jd}")
        if rng.random() < 0.6:
            fields.append(f"{rng.choice(by_split(FORUM_LOCATION, s, 'forum-loc'))} "
                          f"{rng.choice(by_split(CITIES, s, 'city'))}")
        fields.append(f"{rng.choice(by_split(FORUM_POSTS, s, 'forum-posts'))} {_count(rng, 1, 25000)}")
        if rng.random() < 0.5:
            fields.append(f"{rng.choice(by_split(FORUM_REP, s, 'forum-rep'))} {_count(rng, 0, 900)}")
        rng.shuffle(fields) if rng.random() < 0.3 else None
        lines.append(_items(rng, fields, md, inline=rng.random() < 0.35))
        if rng.random() < 0.4:
            lines.append(_items(rng, rng.sample(by_split(FORUM_ACTIONS, s, "forum-act"), rng.randint(1, 3)), md))
        where = _where(rng, {"top": 3, "interior": 4, "bottom": 2})
    elif kind == "actions":
        acts = rng.sample(by_split(FORUM_ACTIONS, s, "forum-act"), rng.randint(2, 4))
        if rng.random() < 0.5:
            acts.insert(0, _header(rng, rng.choice(by_split(FORUM_HEADER, s, "forum-header")), u, s, host))
        lines.append(_items(rng, acts, md))
        where = _where(rng, {"interior": 4, "bottom": 4, "top": 1})
    else:
        q = rng.choice(by_split(FORUM_QUOTE, s, "forum-quote")).format(u=u, d=_date(rng, s, True))
        lines.append(q)
        if rng.random() < 0.5:
            lines.insert(0, _header(rng, rng.choice(by_split(FORUM_HEADER, s, "forum-header")), u, s, host))
        where = _where(rng, {"interior": 5, "top": 2})
    block = ("\n\n" if rng.random() < 0.4 else "\n").join(lines)
    return _planted(rng, host, block, where, f"forum panel ({kind})", {"kind": kind, "markdown": md})


def _header(rng: random.Random, tmpl: str, u: str, s: str, host: Host) -> str:
    tm = f"{rng.randint(1, 12):02d}:{rng.randint(0, 59):02d} {rng.choice(['AM', 'PM'])}"
    title = host.title if host.title and len(host.title) < 90 else "Question"
    return tmpl.format(n=rng.randint(2, 250), d=_date(rng, s, True), u=u, t=title, tm=tm)


# --------------------------------------------------------------------------------------------------------
# Comment forms

COMMENT_HEADINGS = ["Leave a Reply", "Leave a Comment", "Post a Comment", "Add a comment", "Add Comment",
                    "Your Comment", "Join the discussion", "Have your say", "Write a comment", "Speak your mind",
                    "Leave a Reply Cancel reply", "Comment on this story", "Add your comment",
                    "What do you think?", "Reply", "Submit a Comment"]
COMMENT_NOTICES = ["Your email address will not be published. Required fields are marked *",
                   "Your email address will not be published.", "Required fields are marked *",
                   "Your e-mail address will never be displayed.", "We will not publish your email address.",
                   "Comments are moderated and may take a while to appear.",
                   "You must be logged in to post a comment.", "Please keep comments on topic and civil.",
                   "All comments are reviewed before publication.",
                   "Comments are closed.", "Comments for this article are now closed.",
                   "Off-topic or abusive comments will be removed.",
                   "Your email address will not be published. Required fields are marked with *",
                   "By commenting you agree to our community guidelines.",
                   "Note: Only a member of this blog may post a comment.",
                   "HTML tags are not allowed."]
COMMENT_FIELDS = ["Name *", "Email *", "Website", "Comment", "Name (required)",
                  "Mail (will not be published) (required)", "Your Name", "Your Email", "URL", "Comment *",
                  "Nickname", "Subject", "Message", "E-mail (required, never shown)", "Website (optional)",
                  "Name:", "Email:", "Comments:", "Display name", "Your comment here..."]
COMMENT_CHECKS = ["Notify me of follow-up comments by email.", "Notify me of new posts by email.",
                  "Save my name, email, and website in this browser for the next time I comment.",
                  "Subscribe to comments", "Remember me", "Notify me of new comments via email.",
                  "Email me when someone replies", "Remember my details", "Subscribe without commenting",
                  "Check this box to receive replies"]
COMMENT_SUBMIT = ["Post Comment", "Submit Comment", "Submit", "Add Comment", "Publish", "Send", "Post",
                  "Preview", "Post Reply", "Leave Comment", "Publish Comment", "Send comment"]
COMMENT_COUNTS = ["{n} comments", "{n} Comments", "Comments ({n})", "{n} Responses to “{t}”",
                  "{n} thoughts on “{t}”", "{n} Replies to “{t}”", "{n} Responses", "{n} comments so far",
                  "Showing {n} comments", "{n} Comments on {t}", "Discussion ({n})", "Reader comments: {n}"]
COMMENT_LOGIN = ["Log in to Reply", "You are commenting using your WordPress.com account. ( Log Out / Change )",
                 "Sign in with Twitter", "Login with Facebook", "Cancel reply", "Logged in as {u}. Log out?",
                 "Log in or register to post comments", "Sign in to comment", "Fill in your details below or "
                 "click an icon to log in:", "Commenting is not available in this channel entry."]


def comment_form(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """The comment section of a blog or news page: "Leave a Reply / Your email address will not be published.
    Required fields are marked * / Name * / Email * / Website / Post Comment", with a comment count."""
    s = ctx.split
    md = rng.random() < 0.4
    title = host.title.strip() if host.title and len(host.title) < 100 else ""
    paras: list[str] = []
    if rng.random() < 0.5:
        tmpls = [t for t in by_split(COMMENT_COUNTS, s, "comment-count") if "{t}" not in t or title]
        if tmpls:
            paras.append(rng.choice(tmpls).format(n=rng.randint(0, 250), t=title))
    head = rng.choice(by_split(COMMENT_HEADINGS, s, "comment-head"))
    paras.append(("### " + head) if md and rng.random() < 0.4 else _case(rng, head))
    if rng.random() < 0.85:
        paras.append(rng.choice(by_split(COMMENT_NOTICES, s, "comment-notice")))
    if rng.random() < 0.35:
        paras.append(rng.choice(by_split(COMMENT_LOGIN, s, "comment-login")).format(u=_user(rng, s)))
    fields = rng.sample(by_split(COMMENT_FIELDS, s, "comment-field"), rng.randint(2, 5))
    if rng.random() < 0.8:
        paras.append(_items(rng, fields, md, inline=rng.random() < 0.25))
    if rng.random() < 0.5:
        paras.append(rng.choice(by_split(COMMENT_CHECKS, s, "comment-check")))
    paras.append(rng.choice(by_split(COMMENT_SUBMIT, s, "comment-submit")))
    block = ("\n\n" if rng.random() < 0.6 else "\n").join(paras)
    where = _where(rng, {"bottom": 8, "interior": 1, "before-last": 1})
    return _planted(rng, host, block, where, "comment form", {"markdown": md})


# --------------------------------------------------------------------------------------------------------
# Share bars

SHARE_LABELS = ["Share this:", "Share:", "Share this article", "Share this story", "SHARE", "Spread the word",
                "Tell a friend", "Share on", "Share This", "Share this post", "Like this? Share it",
                "Share with friends", "Bookmark and Share", "Share/Bookmark", "Sharing is caring", "Share It"]
SHARE_SERVICES = ["Facebook", "Twitter", "Email", "Print", "LinkedIn", "Reddit", "Pinterest", "Tumblr",
                  "WhatsApp", "StumbleUpon", "Digg", "Google+", "Delicious", "Pocket", "Telegram", "More",
                  "Share on Facebook", "Tweet", "Pin it", "Email this", "Print this article", "Share on Twitter",
                  "Flipboard", "Buffer", "Messenger", "E-mail", "Printer-friendly version", "Send to a friend",
                  "Share via Email", "Post to Tumblr", "Save", "Copy link"]
SHARE_EXTRAS = ["Like this: Like Loading...", "Click to share on Twitter (Opens in new window)",
                "Click to email this to a friend (Opens in new window)", "Be the first to like this.",
                "{n} people like this.", "{n} shares", "Like {n}", "Tweet {n}", "Recommend {n}", "+1 {n}",
                "{n} Retweets", "Share {n}"]


def share_bar(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A social share bar: "Share this: Facebook Twitter Email Print", with counts or WordPress's
    "Like this: Like Loading...", under the headline, after the lede or at the end."""
    s = ctx.split
    md = rng.random() < 0.4
    _, domain = _site(rng, s)
    services = rng.sample(by_split(SHARE_SERVICES, s, "share-svc"), rng.randint(2, 6))
    if md and rng.random() < 0.7:
        services = [_link(rng, x, domain, True, "/share?" + _slug(x)) for x in services]
    parts = []
    if rng.random() < 0.8:
        parts.append(_case(rng, rng.choice(by_split(SHARE_LABELS, s, "share-label"))))
    body = _items(rng, services, md)
    if parts and "\n" not in body and rng.random() < 0.5:
        parts[0] = parts[0] + " " + body
    else:
        parts.append(body)
    if rng.random() < 0.35:
        parts.append(rng.choice(by_split(SHARE_EXTRAS, s, "share-extra")).format(n=_count(rng, 1, 3000)))
    block = ("\n\n" if rng.random() < 0.4 else "\n").join(parts)
    where = _where(rng, {"top": 3, "after-lede": 2, "bottom": 4, "interior": 1})
    return _planted(rng, host, block, where, "share bar", {"markdown": md})


# --------------------------------------------------------------------------------------------------------
# Newsletter sign-ups

NEWS_HEADS = ["Sign up for our newsletter", "Subscribe to our newsletter", "Get the latest news delivered to "
              "your inbox", "Stay informed", "Never miss a story", "Join our mailing list", "Get our daily "
              "briefing", "Like this article? Subscribe", "Want more stories like this?",
              "Sign up for the {site} Daily", "Get {site} in your inbox", "Subscribe to {site} updates",
              "Don't miss out!", "Free newsletter", "The best of {site}, every morning", "Stay in the loop"]
NEWS_BODY = ["Enter your email address", "Your email", "Email address", "We respect your privacy. Unsubscribe "
             "at any time.", "By signing up you agree to our Terms of Use and Privacy Policy.",
             "You may unsubscribe at any time.", "Delivered every weekday morning.", "No spam, ever.",
             "Thank you for subscribing!", "Invalid email address", "Enter your email to receive our top "
             "stories.", "Sign up to receive our free weekly newsletter.", "Join {n} subscribers.",
             "Subscribe to get the latest posts sent to your email.", "We'll never share your email address.",
             "Please enter a valid email address."]
NEWS_BUTTONS = ["Subscribe", "Sign up", "Sign Up Now", "Go", "Submit", "Join", "Get it", "Yes, sign me up",
                "Subscribe now", "Sign me up!", "Send", "Join now", "Count me in", "Continue"]


def newsletter_signup(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A newsletter sign-up box ("Sign up for our newsletter / Enter your email address / Subscribe / We
    respect your privacy"), between paragraphs or at the end of the article."""
    s = ctx.split
    md = rng.random() < 0.4
    site, _ = _site(rng, s)
    head = rng.choice(by_split(NEWS_HEADS, s, "news-head")).format(site=site)
    parts = [("**" + head + "**") if md and rng.random() < 0.5 else _case(rng, head)]
    for line in rng.sample(by_split(NEWS_BODY, s, "news-body"), rng.randint(1, 3)):
        parts.append(line.format(n=_count(rng, 200, 90000)))
    btn = rng.choice(by_split(NEWS_BUTTONS, s, "news-btn"))
    parts.insert(rng.randint(1, len(parts)), btn)
    block = ("\n\n" if rng.random() < 0.4 else "\n").join(parts) if rng.random() < 0.8 else " ".join(parts)
    where = _where(rng, {"interior": 5, "bottom": 3, "after-lede": 1, "top": 1})
    return _planted(rng, host, block, where, "newsletter sign-up", {"markdown": md})


# --------------------------------------------------------------------------------------------------------
# Cookie banners

COOKIE_TEXT = ["We use cookies to improve your experience on our site.",
               "This website uses cookies to ensure you get the best experience on our website.",
               "By continuing to browse the site you are agreeing to our use of cookies.",
               "We and our partners use cookies to personalise content and ads.",
               "Cookies help us deliver our services. By using our services, you agree to our use of cookies.",
               "This site uses cookies. Find out more about how we use them in our cookie policy.",
               "Our site uses cookies to analyse traffic and personalise ads.", "We value your privacy",
               "By using this site, you agree to the use of cookies as described in our Privacy Policy.",
               "We use cookies and similar technologies to understand how you use our site.",
               "This website stores cookies on your computer.", "Your privacy choices",
               "We use cookies to give you the best possible experience. Continued use means you accept this.",
               "Cookies are used on this site to provide the best user experience.",
               "Please accept cookies for optimal performance.", "This site uses cookies from Google to deliver "
               "its services and to analyze traffic."]
COOKIE_BUTTONS = ["Accept", "Accept all", "OK", "Got it!", "I agree", "Learn more", "More info",
                  "Manage preferences", "Cookie settings", "Reject all", "Close", "Allow cookies", "Decline",
                  "Find out more", "Accept cookies", "Agree and close", "Customise", "Privacy Policy", "X",
                  "Continue"]


def cookie_banner(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A cookie-consent banner rendered as text ("We use cookies to improve your experience ... Accept |
    Learn more"), at the very top or bottom of the page."""
    s = ctx.split
    md = rng.random() < 0.3
    _, domain = _site(rng, s)
    texts = rng.sample(by_split(COOKIE_TEXT, s, "cookie-text"), rng.choice([1, 1, 2]))
    buttons = rng.sample(by_split(COOKIE_BUTTONS, s, "cookie-btn"), rng.randint(1, 3))
    if md and rng.random() < 0.6:
        buttons = [_link(rng, b, domain, True, "/privacy#" + _slug(b)) for b in buttons]
    lines = [" ".join(texts)]
    btn = _items(rng, buttons, md, inline=rng.random() < 0.7)
    if rng.random() < 0.4 and "\n" not in btn:
        lines[0] += " " + btn
    else:
        lines.append(btn)
    block = ("\n\n" if rng.random() < 0.3 else "\n").join(lines)
    where = _where(rng, {"top": 5, "bottom": 4, "interior": 1})
    return _planted(rng, host, block, where, "cookie banner", {"markdown": md})


# --------------------------------------------------------------------------------------------------------
# Navigation menus and breadcrumbs

NAV_EXTRAS = ["Skip to main content", "Skip to content", "Menu", "Search", "Home", "Subscribe", "Log In",
              "Sign in", "Register", "Contact Us", "About Us", "Toggle navigation", "Main menu", "Sections",
              "Search this site", "Advanced search", "Go", "Site Index", "Today's Paper", "e-Edition"]
CRUMB_SEPS = [" > ", " » ", " / ", " › ", " :: ", " | ", " → ", " >> ", " - ", " ‹ "]
CRUMB_PREFIX = ["You are here:", "You are here", "Location:", "Home page", "Browse:", "Path:", "Back to", "In:",
                "Current page:", "Navigation:", "Return to", "Sections:"]


def navigation_menu(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """The site's navigation menu kept above (sometimes below) the article: a row or a list of section
    links, with "Skip to main content", "Menu", "Search", "Log In"."""
    s = ctx.split
    md = rng.random() < 0.5
    site, domain = _site(rng, s)
    secs = rng.sample(by_split(SECTIONS, s, "section"), rng.randint(4, 11))
    if rng.random() < 0.6:
        secs.insert(0, "Home")
    items = [_link(rng, x, domain, md) for x in secs]
    parts = []
    if rng.random() < 0.5:
        parts.append(_items(rng, rng.sample(by_split(NAV_EXTRAS, s, "nav-extra"), rng.randint(1, 3)), md,
                            inline=True))
    if rng.random() < 0.3:
        parts.append(site)
    parts.append(_items(rng, items, md))
    block = ("\n\n" if rng.random() < 0.5 else "\n").join(parts)
    where = _where(rng, {"top": 8, "bottom": 2})
    return _planted(rng, host, block, where, "navigation menu", {"markdown": md})


def breadcrumb(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A breadcrumb trail above the article ("Home > News > World", "You are here: Home » Sport"), often
    ending in the article's own title."""
    s = ctx.split
    md = rng.random() < 0.4
    _, domain = _site(rng, s)
    trail = ["Home"] if rng.random() < 0.8 else []
    trail += rng.sample(by_split(SECTIONS, s, "section"), rng.randint(1, 3))
    links = [_link(rng, x, domain, md) for x in trail]
    title = host.title.strip()
    if title and len(title) < 90 and rng.random() < 0.4:
        links.append(title)
    sep = rng.choice(by_split(CRUMB_SEPS, s, "crumb-sep"))
    prefix = rng.choice(by_split(CRUMB_PREFIX, s, "crumb-prefix")) if rng.random() < 0.35 else ""
    block = (prefix + " " if prefix and not prefix.endswith(" ") else prefix) + sep.join(links)
    if rng.random() < 0.25:
        block += "\n" + _date(rng, s, rng.random() < 0.5)
    where = _where(rng, {"top": 9, "interior": 1})
    return _planted(rng, host, block, where, "breadcrumb trail", {"markdown": md, "sep": sep})


# --------------------------------------------------------------------------------------------------------
# Related stories

RELATED_HEADS = ["Related Stories", "Related Articles", "You may also like", "More from {site}", "Read more",
                 "Recommended for you", "Most Popular", "Most Read", "Trending Now", "More in {sec}", "See also",
                 "Popular stories", "Latest News", "Don't miss", "Also on {site}", "What to read next",
                 "Related Posts", "More Stories", "Top Stories", "In Other News", "Related coverage",
                 "Editor's Picks", "More {sec} news", "Around the web"]
HEADLINE_TEMPLATES = [
    "{last} says {topic} plan will go ahead", "{city} council approves new {thing}",
    "Police investigate {event} in {city}", "{n} things you need to know about {topic}",
    "How {topic} is changing {city}", "Review: the new {thing}", "Weather: {adj} weekend ahead for {city}",
    "Photos: {event} in {city}", "{first} {last} named new head of {org}", "{org} to cut {n} jobs",
    "Opinion: why {topic} matters", "Watch: {event} caught on camera", "{city} family says {thing} saved them",
    "{topic}: what happens next?", "{org} reports record {adj} quarter", "Live updates: {event} in {city}",
    "{n} best {thing}s of the year", "Court rules on {topic} case", "{first} {last}: my {adj} year",
    "Could {topic} be the answer?", "Study links {topic} to {thing}", "{city} prepares for {event}",
]
TOPICS = ["housing", "the budget", "climate", "transit", "school funding", "the election", "tax reform",
          "health care", "water rates", "broadband", "the stadium", "tourism", "jobs", "the pension fund",
          "recycling", "crime", "parking", "the bridge"]
THINGS = ["park", "library", "app", "bike lane", "phone", "policy", "smartwatch", "school", "hospital wing",
          "ferry", "cafe", "museum", "camera", "road plan", "laptop", "bus route"]
EVENTS = ["fire", "flooding", "protest", "parade", "festival", "storm", "power outage", "marathon", "crash",
          "heat wave", "strike", "concert"]
ORGS = ["the city council", "Acme Corp", "the school board", "the hospital trust", "the airport", "the union",
        "Northwind", "the regional bank", "Globex", "the transit authority", "the zoo", "the university"]
ADJS = ["wet", "sunny", "busy", "strong", "tough", "quiet", "cold", "surprising", "difficult", "record"]


def _headline(rng: random.Random, s: str) -> str:
    t = rng.choice(by_split(HEADLINE_TEMPLATES, s, "headline"))
    return t.format(last=rng.choice(by_split(LAST, s, "last")), first=rng.choice(by_split(FIRST, s, "first")),
                    city=rng.choice(by_split(CITIES[:20], s, "city")), topic=rng.choice(by_split(TOPICS, s, "topic")),
                    thing=rng.choice(by_split(THINGS, s, "thing")), event=rng.choice(by_split(EVENTS, s, "event")),
                    org=rng.choice(by_split(ORGS, s, "org")), adj=rng.choice(by_split(ADJS, s, "adj")),
                    n=rng.randint(3, 25))


def related_stories(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A "Related Stories" / "Most Popular" list of other headlines (titles of other documents of the split
    or generated ones), with dates or comment counts, after the article or between its paragraphs."""
    s = ctx.split
    md = rng.random() < 0.5
    site, domain = _site(rng, s)
    titles = [h.title.strip() for h in ctx.hosts if h.id != host.id and h.title and 15 < len(h.title) < 110
              and h.genre in ("news", "essay", "web")]
    n = rng.randint(2, 6)
    heads = []
    for _ in range(n):
        heads.append(rng.choice(titles) if titles and rng.random() < 0.7 else _headline(rng, s))
    items = []
    for hl in heads:
        item = _link(rng, hl, domain, md)
        r = rng.random()
        if r < 0.2:
            item += f" ({_count(rng, 0, 400)})"
        elif r < 0.4:
            item += rng.choice([" - ", " | ", "\n" if not md else " — "]) + _date(rng, s)
        items.append(item)
    head = rng.choice(by_split(RELATED_HEADS, s, "related-head")).format(
        site=site, sec=rng.choice(by_split(SECTIONS, s, "section")))
    head = ("## " + head) if md and rng.random() < 0.3 else _case(rng, head)
    body = _items(rng, items, md, inline=False) if rng.random() < 0.8 or any("\n" in i for i in items) else \
        "\n\n".join(items)
    block = head + ("\n\n" if rng.random() < 0.5 else "\n") + body
    where = _where(rng, {"bottom": 5, "interior": 4, "top": 1})
    return _planted(rng, host, block, where, "related-stories list", {"markdown": md, "n": n})


# --------------------------------------------------------------------------------------------------------
# Bylines, datelines, tags and comment counts

BYLINE_TEMPLATES = ["By {name}", "By {NAME}, Staff Writer", "Posted by {user} on {date}", "Updated: {datetime}",
                    "Published {date} | Updated {datetime}", "{n} comments", "Comments ({n})",
                    "Filed under: {sec}, {sec2}", "Tags: {tags}", "Posted in {sec} | {n} Comments »",
                    "Last modified on {datetime}", "Written by {name} | {date}", "{name} | {date}",
                    "Posted {datetime} by {user}", "By {name} | {site} | {date}", "Last updated {datetime}",
                    "First published: {date}", "Categories: {sec}, {sec2}", "Topics: {tags}",
                    "{name}, Contributor", "{date} | Filed in {sec}", "Reporter: {name}",
                    "Posted by {name} at {time}", "{n} Comments | Add a comment", "Print | Email | {n} comments",
                    "Read {n} times", "Views: {n}", "Reading time: {m} min", "Permalink | Comments ({n})"]


def byline_meta(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """Article metadata that an extractor kept as text: bylines, "Updated" and "Posted by ... on" lines with
    dates, "12 comments", "Filed under"/"Tags:" lines, view counts."""
    s = ctx.split
    site, _ = _site(rng, s)
    tmpls = by_split(BYLINE_TEMPLATES, s, "byline")
    lines = []
    for t in rng.sample(tmpls, rng.choice([1, 2, 2, 3])):
        name = _name(rng, s)
        secs = rng.sample(by_split(SECTIONS, s, "section"), 3)
        tags = ", ".join(rng.sample(by_split(TOPICS + THINGS, s, "tag"), rng.randint(2, 5)))
        lines.append(t.format(name=name, NAME=name.upper(), user=_user(rng, s), date=_date(rng, s),
                              datetime=_date(rng, s, True), n=_count(rng, 0, 5000), sec=secs[0], sec2=secs[1],
                              tags=tags, site=site, m=rng.randint(2, 14),
                              time=f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['AM', 'PM'])}"))
    block = rng.choice(["\n", "\n\n", " | ", " "]).join(lines)
    where = _where(rng, {"top": 5, "bottom": 4, "interior": 1})
    return _planted(rng, host, block, where, "byline / metadata line", {"n_lines": len(lines)})


# --------------------------------------------------------------------------------------------------------
# Footers

FOOTER_COPY = ["© {year} {site}", "Copyright © {year} {site} Inc.", "(c) {year0}-{year} {site}",
               "Copyright {year} {site}. All Rights Reserved.", "All content © {year} {site}", "{site} © {year}",
               "© {year0}–{year} {site}, LLC. All rights reserved.", "Copyright © {year} {site} Media Group",
               "© Copyright {year} {site} | All Rights Reserved", "Content © {year} {site} Ltd.",
               "{site} is a registered trademark. © {year}", "Copyright (c) {year} by {site}"]
FOOTER_LINKS = ["Privacy Policy", "Terms of Use", "Terms of Service", "Contact Us", "About Us", "Advertise",
                "Careers", "Site Map", "Accessibility", "Cookie Policy", "Help", "RSS", "Corrections",
                "Ethics Policy", "Do Not Sell My Personal Information", "Newsletters", "Archive", "FAQ",
                "Feedback", "Terms and Conditions", "Sitemap", "Advertise with us", "Subscriptions", "Jobs"]
FOOTER_EXTRAS = ["Powered by WordPress", "Theme by {user}", "Back to top",
                 "This material may not be published, broadcast, rewritten or redistributed.",
                 "All rights reserved.", "Proudly powered by WordPress", "Designed by {site}",
                 "Use of this site constitutes acceptance of our User Agreement and Privacy Policy.",
                 "Reproduction in whole or in part without permission is prohibited.", "Return to top of page",
                 "Site by {user}", "Hosted by {site}"]


def footer(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None:
    """A page footer: "© 2024 Site. All rights reserved | Privacy Policy | Terms", "Powered by WordPress",
    "Back to top", at the end of the document."""
    s = ctx.split
    md = rng.random() < 0.4
    site, domain = _site(rng, s)
    year = rng.randint(2003, 2024)
    copy = rng.choice(by_split(FOOTER_COPY, s, "footer-copy")).format(year=year, year0=year - rng.randint(1, 15),
                                                                       site=site)
    links = [_link(rng, x, domain, md) for x in rng.sample(by_split(FOOTER_LINKS, s, "footer-link"),
                                                          rng.randint(2, 7))]
    parts = [copy]
    if rng.random() < 0.5:
        parts.append(rng.choice(["All rights reserved.", "All Rights Reserved", ""]))
        parts = [" ".join(p for p in parts if p)]
    link_row = _items(rng, links, md, inline=rng.random() < 0.7)
    if rng.random() < 0.5:
        parts.insert(0, link_row)
    else:
        parts.append(link_row)
    if rng.random() < 0.4:
        parts.append(rng.choice(by_split(FOOTER_EXTRAS, s, "footer-extra")).format(user=_user(rng, s), site=site))
    if rng.random() < 0.3 and not any("\n" in p for p in parts):
        block = rng.choice([" | ", " · ", "  "]).join(parts)
    else:
        block = ("\n\n" if rng.random() < 0.4 else "\n").join(parts)
    where = _where(rng, {"bottom": 10, "interior": 1})
    return _planted(rng, host, block, where, "page footer", {"markdown": md})


FORMS = {
    "real-chrome-top": _real_chrome("top", {"top": 10}),
    "real-chrome-bottom": _real_chrome("bottom", {"bottom": 10}),
    "real-chrome-interior": _real_chrome("interior", {"interior": 8, "after-lede": 1, "before-last": 1}),
    "forum-panel": forum_panel,
    "comment-form": comment_form,
    "share-bar": share_bar,
    "newsletter-signup": newsletter_signup,
    "cookie-banner": cookie_banner,
    "navigation-menu": navigation_menu,
    "breadcrumb": breadcrumb,
    "related-stories": related_stories,
    "byline-meta": byline_meta,
    "footer": footer,
}
