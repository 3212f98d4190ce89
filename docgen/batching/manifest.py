"""``manifest.json``: every output of a batch with its template, data hash and sha256.

The manifest is what makes a batch resumable. While a batch runs, each finished
row is appended to ``.manifest.journal`` beside it (one JSON line per row, synced
every few tenths of a second); ``manifest.json`` is written whole, atomically, when
the batch ends, and the journal is then removed. Rewriting the whole manifest after
every few rows made a 10,000-row batch spend most of its time on it. After a crash
(even ``kill -9``) the next run reads ``manifest.json`` and replays the journal over
it; a torn last line is ignored. The journal's first line holds the moment the batch
stamps its documents with (:mod:`docgen.stamp`), so a resumed batch stamps the rows
it renders again alike and finds the files a killed run left identical. An output
counts as up to date when its file is on disk with the recorded sha256 and the
recorded template and data hashes are still the ones the row would render now, so a
record never makes a damaged file pass.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from docgen.bundle.hashing import file_hash
from docgen.bundle.production import Artifact, Known
from docgen.fileio import write_atomic
from docgen.results import Failure
from docgen.stamp import parse_w3cdtf, w3cdtf

MANIFEST_NAME = "manifest.json"
JOURNAL_NAME = ".manifest.journal"
# /2: rows are keyed by their roster key (a branch column, or the row's content), not their
# number, so inserting a row does not make every later row look changed.
FORMAT = "docgen-batch-manifest/2"


@dataclass(frozen=True)
class Entry:
    """One output file as recorded in the manifest."""

    relpath: str
    row: int
    kind: str
    step: str | None
    template: str | None
    template_sha256: str
    data_hash: str
    sha256: str
    size: int
    key: str = ""

    @classmethod
    def of(cls, artifact: Artifact, row: int, key: str = "") -> Entry:
        """The entry for ``artifact`` produced by roster row ``row`` (whose key is ``key``)."""
        return cls(
            artifact.relpath,
            row,
            artifact.kind,
            artifact.step,
            artifact.template,
            artifact.template_digest,
            artifact.data_hash,
            artifact.sha256,
            artifact.size,
            key or str(row),
        )

    def known(self) -> Known:
        """What a worker needs to decide that this output is up to date."""
        return Known(self.template_sha256, self.data_hash, self.sha256, self.size)


@dataclass
class RowRecord:
    """The last result of one roster row."""

    fingerprint: str
    status: str
    outputs: list[str] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    row: int = 0


@dataclass
class Manifest:
    """The manifest of one output folder."""

    out_dir: Path
    bundle: str = ""
    recipe_sha256: str = ""
    outputs: dict[str, Entry] = field(default_factory=dict)
    rows: dict[str, RowRecord] = field(default_factory=dict)
    #: The moment the journal's batch stamped its documents with (``None``: no journal).
    moment: dt.datetime | None = None
    # Journal lines recorded since the last flush.
    _pending: list[str] = field(default_factory=list, repr=False)

    @property
    def path(self) -> Path:
        """Where the manifest lives."""
        return self.out_dir / MANIFEST_NAME

    @property
    def journal(self) -> Path:
        """Where rows finished since the manifest was last written are appended."""
        return self.out_dir / JOURNAL_NAME

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """The manifest in ``out_dir``; an empty one when it is missing or unreadable.

        An unreadable manifest only costs a full rerun, never a wrong skip.
        """
        manifest = cls(out_dir)
        try:
            data = json.loads(manifest.path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return manifest
            manifest.bundle = str(data.get("bundle", ""))
            manifest.recipe_sha256 = str(data.get("recipe_sha256", ""))
            for relpath, item in data.get("outputs", {}).items():
                manifest._put_output(Entry(relpath=relpath, **item))
            for number, item in data.get("rows", {}).items():
                manifest._put_row(str(number), RowRecord(**item))
        except FileNotFoundError:
            pass  # a first run, or one killed before writing it: the journal may say more
        except (OSError, ValueError, TypeError, AttributeError):
            return cls(out_dir)
        manifest._replay()
        return manifest

    def _replay(self) -> None:
        """Apply the journal's lines in order; stop at the first that is torn or foreign."""
        try:
            lines = self.journal.read_bytes().splitlines()
        except OSError:
            return
        for line in lines:
            try:
                item = json.loads(line)
                if item.get("format") != FORMAT:
                    return
                if "moment" in item:
                    self.moment = parse_w3cdtf(str(item["moment"]))
                    continue
                self._apply(
                    str(item["key"]),
                    [str(r) for r in item["drop"]],
                    [Entry(relpath=r, **e) for r, e in item["outputs"].items()],
                    RowRecord(**item["record"]) if item["record"] is not None else None,
                )
            except (ValueError, TypeError, KeyError, AttributeError):
                return

    def verified(self) -> dict[str, Entry]:
        """Entries whose file is on disk with the recorded sha256 (the others must be redone)."""
        found: dict[str, Entry] = {}
        for relpath, entry in self.outputs.items():
            path = self.out_dir.joinpath(*relpath.split("/"))
            if file_hash(path) == entry.sha256:
                found[relpath] = entry
        return found

    def record(
        self,
        row: int,
        fingerprint: str,
        artifacts: list[Artifact],
        failures: list[Failure],
        key: str | None = None,
    ) -> None:
        """Remember what row ``row`` (keyed ``key``, default its number) produced.

        Call :meth:`flush` (journal) or :meth:`save` (whole manifest) to make it durable.
        """
        key = key if key is not None else str(row)
        previous = self.rows.get(key)
        drop = []
        if previous is not None:
            for relpath in previous.outputs:
                entry = self.outputs.get(relpath)
                if entry is not None and entry.key == key:
                    drop.append(relpath)
        record = RowRecord(
            fingerprint if not failures else "",
            "failed" if failures else "ok",
            [a.relpath for a in artifacts],
            [_failure_dict(f) for f in failures],
            row,
        )
        self._change(key, drop, [Entry.of(a, row, key) for a in artifacts], record)

    def forget_missing(self, keys: set[str]) -> None:
        """Drop rows whose key is not in ``keys`` (removed from the roster) from the record."""
        for key in [k for k in self.rows if k not in keys]:
            del self.rows[key]

    def add_output(self, entry: Entry) -> None:
        """Record one more output of ``entry``'s row (a PDF made after the row ran)."""
        record = self.rows.get(entry.key)
        if record is not None and entry.relpath not in record.outputs:
            record = replace(record, outputs=[*record.outputs, entry.relpath])
        else:
            record = None
        self._change(entry.key, [], [entry], record)

    def note_moment(self, moment: dt.datetime) -> None:
        """Record in the journal the moment this batch stamps its documents with."""
        self.moment = moment
        self._pending.append(_text({"format": FORMAT, "moment": w3cdtf(moment)}))

    def _change(
        self, key: str, drop: list[str], entries: list[Entry], record: RowRecord | None
    ) -> None:
        """Apply one change and queue its journal line for :meth:`flush`."""
        self._apply(key, drop, entries, record)
        line = {
            "format": FORMAT,
            "key": key,
            "drop": drop,
            "outputs": {e.relpath: _entry_dict(e) for e in entries},
            "record": asdict(record) if record is not None else None,
        }
        self._pending.append(_text(line))

    def _apply(
        self, key: str, drop: list[str], entries: list[Entry], record: RowRecord | None
    ) -> None:
        for relpath in drop:
            self.outputs.pop(relpath, None)
        for entry in entries:
            self._put_output(entry)
        if record is not None:
            self._put_row(key, record)

    def flush(self) -> None:
        """Append the changes made since the last flush to the journal, and sync it."""
        if not self._pending:
            return
        text = "".join(line + "\n" for line in self._pending)
        with self.journal.open("ab") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        self._pending.clear()

    def save(self) -> None:
        """Write the manifest atomically (one output or row per line, sorted); drop the journal.

        The text is encoded and written line by line: for a batch of 10,000 rows, building
        it whole first doubled the parent's peak memory.
        """
        write_atomic(self.path, self._lines())
        # Everything the journal said is in the manifest now.
        self.journal.unlink(missing_ok=True)
        self._pending.clear()

    def _lines(self) -> Iterator[bytes]:
        head = {"format": FORMAT, "bundle": self.bundle, "recipe_sha256": self.recipe_sha256}
        yield (_text(head)[:-1] + ',\n "outputs": {').encode("utf-8")
        yield from _members((k, _entry_dict(self.outputs[k])) for k in sorted(self.outputs))
        yield b'\n },\n "rows": {'
        yield from _members((k, asdict(self.rows[k])) for k in sorted(self.rows))
        yield b"\n }\n}\n"

    def _put_output(self, entry: Entry) -> None:
        self.outputs[entry.relpath] = entry

    def _put_row(self, key: str, record: RowRecord) -> None:
        self.rows[key] = record


def _members(items: Iterable[tuple[str, Any]]) -> Iterator[bytes]:
    """``"key": value`` lines of a JSON object, comma-separated, two spaces in."""
    separator = "\n"
    for key, value in items:
        yield f"{separator}  {_text(key)}: {_text(value)}".encode()
        separator = ",\n"


def _entry_dict(entry: Entry) -> dict[str, Any]:
    return {n: v for n, v in asdict(entry).items() if n != "relpath"}


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _failure_dict(failure: Failure) -> dict[str, Any]:
    return {
        "code": failure.code,
        "step": failure.step,
        "output": failure.output,
        "message_zh": failure.message_zh,
        "message_en": failure.message_en,
    }


__all__ = ["FORMAT", "JOURNAL_NAME", "MANIFEST_NAME", "Entry", "Manifest", "RowRecord"]
