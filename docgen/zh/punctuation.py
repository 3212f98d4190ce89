"""Punctuation normalisation: full-width marks in Chinese text, half-width where they belong."""

from __future__ import annotations

import re

from docgen.i18n import tr

#: Marks that may not start a line (行首禁则), full and half width: closing marks, pauses,
#: the ellipsis and the dash, the middle dot and a percent sign that belongs to its number.
LINE_START_FORBIDDEN = "，。、；：！？”’）》」』〉】〕…—·%,.;:!?)]"
#: Marks that may not end a line (行尾禁则): opening marks.
LINE_END_FORBIDDEN = "“‘（《「『〈【〔(["

_FULLWIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！"}

# Spans whose characters are never touched. URLs are cut back before trailing sentence marks
# so that "详见https://a.cn/x。" keeps its full stop outside the address.
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[!-~]+")
_URL_TAIL = ".,;:!?'\""
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_LIST_NUMBER = re.compile(r"(?<!\S)[0-9]{1,3}\.(?![0-9.])")
_DOTDOTDOT = re.compile(r"\.{3,}")
_KUHAO_RUN = re.compile(r"。{3,}")
_DASHES = re.compile(r"-{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NON_BLANK = re.compile(r"\S")
_MARK_THEN_BLANK = re.compile(r"[,;:.!?]\s")
_WORD_GAP = re.compile(r"[A-Za-z]\S*\s+\S")
_WINDOW = 80
_LINE_BREAK = re.compile(r"(\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])")

_Edits = dict[int, tuple[str, int]]


def normalize_punctuation(text: str) -> str:
    """Give Chinese text full-width punctuation while leaving Latin, numbers and links alone.

    The rules, applied line by line ("CJK" below means a Han character, 〇, kana, or a
    full-width / CJK punctuation mark; curly quotes, … and — count as neither side):

    1. ``, . ; : ? !`` become ``，。；：？！`` when the run of non-CJK text they sit in
       touches CJK text (``学习,提高`` → ``，``; ``共15人.`` → ``。``;
       ``使用Python,提高`` → ``，``), except as listed in rule 2.
    2. Those marks stay half-width: in a line-opening list number ``1.`` (also after a
       blank); inside URLs and e-mail addresses; between two ASCII letters/digits (3.14,
       14:30, 1,000, Node.js); when Latin text follows them in the run and Latin text
       precedes them (``Hello, world``); when a Latin phrase of two or more words precedes
       them and either more non-blank text follows in the run, or they are ``. ? !``, or
       the phrase has its own inner punctuation (``他说Hello, world.然后`` is unchanged,
       ``采用Microsoft Word,提高`` is not); after a dotted abbreviation (e.g.); in dot runs;
       and in any run that touches no CJK text.
    3. ``( )`` become ``（）`` as a matched pair when the content holds CJK text or a CJK
       character touches the pair from outside, unless a letter or digit is glued to the
       opening bracket (``f(x)``, ``Python(3.11)``). A Latin-only parenthetical with no
       CJK neighbour (``see (RFC 9110)``) keeps ASCII brackets. A pair already half
       full-width, such as ``（1)``, is completed.
    4. Straight double quotes become “ ” and straight single quotes ‘ ’, paired in order
       within a line, when the quoted text holds CJK or a CJK character touches the pair
       from outside, or when its partner is already curly (``“中文"`` → ``“中文”``). A
       ``'`` between two ASCII letters/digits is an apostrophe and is never paired.
    5. Three or more ``.`` next to CJK text, and three or more ``。``, become ``……``.
    6. Two or more ``-`` become ``——`` when CJK text (or an opening quote) follows and CJK
       text, a closing quote or the start of the line precedes (subtitles: ``--经验交流材料``).

    Only punctuation is rewritten: letters, digits, CJK characters and whitespace pass
    through unchanged. The rules are re-applied until nothing changes, because converting
    one mark can put a full-width neighbour next to another; every rewrite removes an
    ASCII mark or a 。, so this stops, and the result is idempotent.

    Args:
        text: any text; may span several lines.

    Returns:
        The normalised text.

    Raises:
        TypeError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(tr(f"标点规范化需要文字，收到：{text!r}", f"expected text, got: {text!r}"))
    current = text
    while True:
        pieces = _LINE_BREAK.split(current)
        # Odd indices are the line breaks captured by the split; only lines are rewritten.
        result = "".join(p if k % 2 else _normalize_line(p) for k, p in enumerate(pieces))
        if result == current:
            return result
        current = result


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` counts as Chinese context: Han, 〇, kana, CJK or full-width punctuation."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
        or 0x3000 <= o <= 0x30FF
        or 0xFF01 <= o <= 0xFF60
        or 0xFFE0 <= o <= 0xFFE6
    )


class _Line:
    """One line being normalised, with what every rule needs to look up in O(1)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.protected = _protected(text)
        # Prefix counts of CJK characters let a rule ask "is there CJK between a and b"
        # without rescanning, which keeps long lines with many brackets linear.
        self._cjk_before = [0]
        for ch in text:
            self._cjk_before.append(self._cjk_before[-1] + is_cjk(ch))
        self.indent = len(text) - len(text.lstrip())

    def cjk_at(self, i: int) -> bool:
        return 0 <= i < len(self.text) and is_cjk(self.text[i])

    def alnum_at(self, i: int) -> bool:
        return 0 <= i < len(self.text) and self.text[i].isascii() and self.text[i].isalnum()

    def has_cjk(self, start: int, end: int) -> bool:
        return self._cjk_before[end] > self._cjk_before[start]

    def free(self, start: int, end: int) -> bool:
        return not any(self.protected[start:end])


def _normalize_line(text: str) -> str:
    line = _Line(text)
    edits: _Edits = {}
    _mark_runs(line, edits)
    _mark_quotes(line, edits, '"', "“", "”")
    _mark_quotes(line, edits, "'", "‘", "’")
    _mark_parens(line, edits)
    _mark_sentence_marks(line, edits)
    out: list[str] = []
    i = 0
    while i < len(text):
        if i in edits:
            replacement, length = edits[i]
            out.append(replacement)
            i += length
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _protected(text: str) -> list[bool]:
    flags = [False] * len(text)
    for match in _URL.finditer(text):
        start, end = match.span()
        unclosed = text.count(")", start, end) - text.count("(", start, end)
        while end > start and (
            text[end - 1] in _URL_TAIL or (text[end - 1] == ")" and unclosed > 0)
        ):
            unclosed -= text[end - 1] == ")"
            end -= 1
        flags[start:end] = [True] * (end - start)
    for pattern in (_EMAIL, _LIST_NUMBER):
        for match in pattern.finditer(text):
            flags[match.start() : match.end()] = [True] * (match.end() - match.start())
    return flags


def _mark_runs(line: _Line, edits: _Edits) -> None:
    text = line.text
    for match in _DOTDOTDOT.finditer(text):
        start, end = match.span()
        if line.free(start, end) and (line.cjk_at(start - 1) or line.cjk_at(end)):
            edits[start] = ("……", end - start)
    for match in _KUHAO_RUN.finditer(text):
        edits[match.start()] = ("……", match.end() - match.start())
    for match in _DASHES.finditer(text):
        start, end = match.span()
        opens = line.cjk_at(end) or text[end : end + 1] in ("“", "‘")
        closes = start <= line.indent or line.cjk_at(start - 1) or text[start - 1] in "”’"
        if opens and closes and line.free(start, end):
            edits[start] = ("——", end - start)


def _mark_quotes(line: _Line, edits: _Edits, straight: str, left: str, right: str) -> None:
    text = line.text
    opened: int | None = None  # index of the quote waiting for its partner
    for i, ch in enumerate(text):
        if line.protected[i]:
            continue
        if ch == left:
            opened = i
        elif ch == right:
            if opened is not None and text[opened] == straight:
                edits[opened] = (left, 1)  # "中文” — the author meant a Chinese pair
            opened = None
        elif ch == straight:
            # don't, 90's: an apostrophe, not a quotation mark.
            if straight == "'" and line.alnum_at(i - 1) and line.alnum_at(i + 1):
                continue
            if opened is None:
                opened = i
                continue
            if text[opened] == left or (
                line.has_cjk(opened + 1, i) or line.cjk_at(opened - 1) or line.cjk_at(i + 1)
            ):
                edits[opened] = (left, 1)
                edits[i] = (right, 1)
            opened = None


def _mark_parens(line: _Line, edits: _Edits) -> None:
    text = line.text
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if line.protected[i]:
            continue
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            a = stack.pop()
            if not (text[a] == "（" and ch == "）"):
                pairs.append((a, i))
    owner = {index: k for k, pair in enumerate(pairs) for index in pair}
    converted = [False] * len(pairs)
    pending: list[int] = []
    for k, (a, b) in enumerate(pairs):
        if (
            text[a] == "（"
            or text[b] == "）"
            or line.has_cjk(a + 1, b)
            or (not line.alnum_at(a - 1) and (line.cjk_at(a - 1) or line.cjk_at(b + 1)))
        ):
            converted[k] = True
            pending.append(k)
    # A pair touching a pair that turns full-width touches CJK too: "(a)(b)中". Spreading
    # that here rather than in a later pass keeps a long chain of brackets linear.
    while pending:
        a, b = pairs[pending.pop()]
        for near in (owner.get(a - 1), owner.get(b + 1)):
            if near is not None and not converted[near] and not line.alnum_at(pairs[near][0] - 1):
                converted[near] = True
                pending.append(near)
    for k, (a, b) in enumerate(pairs):
        if converted[k]:
            edits[a] = ("（", 1)
            edits[b] = ("）", 1)


def _mark_sentence_marks(line: _Line, edits: _Edits) -> None:
    text = line.text
    n = len(text)
    start = 0
    while start < n:
        if is_cjk(text[start]):
            start += 1
            continue
        end = start
        while end < n and not is_cjk(text[end]):
            end += 1
        # [start, end) is one run of non-CJK text; only runs touching CJK text are Chinese.
        if line.cjk_at(start - 1) or line.cjk_at(end):
            for i in range(start, end):
                if (
                    text[i] in _FULLWIDTH
                    and not line.protected[i]
                    and _converts(line, i, start, end)
                ):
                    edits[i] = (_FULLWIDTH[text[i]], 1)
        start = end


def _converts(line: _Line, i: int, start: int, end: int) -> bool:
    text = line.text
    ch = text[i]
    if ch == "." and (text[i - 1 : i] == "." or text[i + 1 : i + 2] == "."):
        return False  # part of a dot run: an ellipsis (rule 5) or a path like ../x
    if ch in ".,:" and line.alnum_at(i - 1) and line.alnum_at(i + 1):
        return False
    # Only a bounded stretch of the run is examined, so a long Latin line stays linear;
    # more than _WINDOW characters of Latin text is a phrase in any case.
    before = text[max(start, i - _WINDOW) : i].strip()
    following = _NON_BLANK.search(text, i + 1, end)
    if not before:
        return True
    if following is not None:
        nxt = following.group()
        return not (nxt.isascii() and nxt.isalnum()) and not _is_phrase(before)
    if ch == "." and _DOTTED_ABBREVIATION.fullmatch(before.split()[-1]):
        return False
    sentence_end = ch in ".?!" or _MARK_THEN_BLANK.search(before) is not None
    return not (sentence_end and _is_phrase(before))


def _is_phrase(text: str) -> bool:
    """Two or more Latin words separated by blanks: Latin text in its own right."""
    return len(_LATIN_WORD.findall(text)) >= 2 and _WORD_GAP.search(text) is not None
