"""Writing a view: plain text, or rich text on a terminal.

A view (built by ``views``) is a small document of blocks: headings,
wrapped paragraphs, and "keep" lines that are never wrapped. It is written
either as plain text (for pipes, screen readers, ``grep``, ``NO_COLOR`` and
``TERM=dumb``) or through rich. Numbers and addresses always sit in keep
lines, so no width can split them, and nothing is cut with an ellipsis.
Directory text is data: it is never parsed as markup and control characters
are made visible before output.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Literal, TextIO

from .safetext import first_unsafe, safe

if TYPE_CHECKING:
    from rich.console import Console
    from rich.style import Style


Kind = Literal["heading", "para", "keep", "blank", "banner"]


@dataclass
class Block:
    """One piece of a view. ``link`` is set only from validated https/tel/mailto values."""

    kind: Kind
    text: str = ""
    style: str = ""
    indent: int = 0
    link: str | None = None
    prefix: str = ""


@dataclass
class Doc:
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: Kind, text: str = "", style: str = "", indent: int = 0, link: str | None = None, prefix: str = "") -> None:
        """Add a block; its text is made safe to print, and a paragraph's line breaks become spaces.

        A paragraph is one line of text however the file wrote it, so a
        description cannot forge a line that looks like a route of its own.
        """
        if kind in ("para", "heading", "banner"):
            text = " ".join(text.split())
        self.blocks.append(Block(kind, safe(text), style, indent, link if link and is_link(link) else None, prefix))

    def blank(self) -> None:
        if self.blocks and self.blocks[-1].kind != "blank":
            self.blocks.append(Block("blank"))


_LINK = re.compile(r"(?:https://[^\s\\]+|mailto:[^\s\\]+@[^\s\\]+|tel:\+?[0-9]+)\Z")


def is_link(target: str) -> bool:
    """A link target a terminal may be given: https, mailto or tel, with nothing unsafe in it."""
    return len(target) <= 2048 and _LINK.match(target) is not None and first_unsafe(target) is None


def is_terminal(stream: object) -> bool:
    """Is the stream a terminal? A stream without ``isatty`` (a test's, a wrapper's), or a closed one, is not."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def write_plain(doc: Doc, out: TextIO, width: int | None = None) -> None:
    """Plain text, in words a screen reader reads well: no escape codes, boxes or symbols.

    The banner is its words, ``·`` separators become semicolons and a dash
    between times becomes "to". Unwrapped (one logical line per block) unless
    ``width`` is given, as the private session does on a terminal.
    """
    lines: list[str] = []
    for block in doc.blocks:
        if block.kind == "banner":
            lines.append(spoken(block.text.upper()))
        else:
            words = block.text if block.kind == "keep" else spoken(block.text)  # a number or address stays as written
            lines.extend(_layout(Block(block.kind, words, indent=block.indent, prefix=spoken(block.prefix)), width, _unpainted))
    out.write("\n".join(lines).rstrip("\n") + "\n")


_BETWEEN = re.compile(r"(?<=\w)–(?=\w)")


def spoken(text: str) -> str:
    """Text without the symbols a screen reader reads aloud: "·" runs, and en dashes between times or days."""
    return _BETWEEN.sub(" to ", text.replace(" · ", "; "))


def _unpainted(text: str, style: str, link: str | None = None) -> str:
    return text


def _layout(block: Block, columns: int | None, paint: Callable[..., str]) -> list[str]:
    """A block's lines: paragraphs wrapped to ``columns`` (never splitting a number or address), keep lines whole."""
    indent = " " * block.indent
    if block.kind == "blank":
        return [""]
    if block.kind == "keep":
        if columns is not None and block.prefix and cells(indent + block.prefix + block.text) > columns:
            # Too wide for one line: the label on its own, the value whole on the next.
            return [indent + block.prefix.rstrip(), indent + "  " + paint(block.text, block.style, block.link)]
        return [indent + block.prefix + paint(block.text, block.style, block.link)]
    if columns is None:
        return [indent + block.prefix + paint(block.text, block.style)]
    return [indent + paint(line, block.style) for line in wrap(block.prefix + block.text, max(columns - block.indent, 8))]


MAX_COLUMNS = 1000


def write_rich(doc: Doc, out: TextIO, width: int | None = None) -> None:
    """Styled output: paragraphs wrap; keep lines never wrap or get cut.

    rich decides what the terminal supports (colour system, width, NO_COLOR)
    and renders each style; the lines are already laid out here (``wrap``),
    so its layout engine is not needed, which saves a few milliseconds of
    every lookup.
    """
    from rich.console import Console

    console = Console(file=out, width=width, highlight=False, markup=False, emoji=False)
    # COLUMNS comes from the environment: a wider "terminal" than any real one changes nothing.
    columns = max(min(console.width, MAX_COLUMNS), 1)
    paint = _Painter(console)
    lines: list[str] = []
    for block in doc.blocks:
        if block.kind == "banner":
            inner = max(columns - 4, 8)
            edge = "─" * (inner + 2)
            lines.append(paint("╭" + edge + "╮", "red"))
            for line in wrap(block.text, inner):
                gap = max(inner - cells(line), 0)
                middle = " " * (gap // 2) + line + " " * (gap - gap // 2)
                lines.append(paint("│ ", "red") + paint(middle, block.style) + paint(" │", "red"))
            lines.append(paint("╰" + edge + "╯", "red"))
        else:
            lines.extend(_layout(block, columns, paint))
    out.write("\n".join(lines) + "\n")
    out.flush()


class _Painter:
    """Renders text in a style (and a link) for the console's colour system, or leaves it plain."""

    def __init__(self, console: Console) -> None:
        from rich.console import COLOR_SYSTEMS  # rich's own name -> system table, so an upgrade keeps them in step

        self.system = COLOR_SYSTEMS.get(console.color_system or "")
        self.legacy_windows = console.legacy_windows
        self.styles: dict[tuple[str, str | None], Style] = {}

    def __call__(self, text: str, style: str, link: str | None = None) -> str:
        if not text or self.system is None or not (style or link):
            return text
        key = (style, link)
        found = self.styles.get(key)
        if found is None:
            from rich.style import Style

            found = Style.parse(style) if style else Style()
            if link:
                found += Style(link=link)
            self.styles[key] = found
        return found.render(text, color_system=self.system, legacy_windows=self.legacy_windows)


# A phone number ("0800 555 111", "18001 101"), "Call 999", or a web or email address.
_UNBREAKABLE = re.compile(r"\+?\d[\d ]{2,}\d|Call 999|(?:https://|www\.)\S+|\S+@\S+")


def cells(text: str) -> int:
    """How many terminal columns text takes: a wide character (日, 🙂) takes two."""
    from rich.cells import cell_len

    return cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap prose for a terminal, by terminal columns, without ever splitting a number or an address.

    Numbers and addresses are kept whole even if longer than the width (the
    terminal may fold them, but they are never split or cut by us).
    """
    glued = _UNBREAKABLE.sub(lambda m: m.group().replace(" ", "\x00"), text)
    lines: list[str] = []
    line, used = "", 0  # the line so far and its width in columns
    for word in (glued_word.replace("\x00", " ") for glued_word in glued.split()):
        size = cells(word)
        if line and used + 1 + size > width:
            lines.append(line)
            line, used = word, size
        elif line:
            line, used = f"{line} {word}", used + 1 + size
        else:
            line, used = word, size
    lines.append(line)
    return lines


def write(doc: Doc, *, plain: bool, out: TextIO | None = None, width: int | None = None) -> None:
    """Write a view; ``width`` wraps plain text too (the private session on a terminal)."""
    stream = out or sys.stdout
    if plain:
        write_plain(doc, stream, width)
    else:
        write_rich(doc, stream, width)
