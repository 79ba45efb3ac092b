"""Agreement networks: who agreed with whom, as a graph to draw or to open in Gephi-style tools.

Nodes are the organisations and places named as parties of agreement facts, merged across documents by
canonical name and aliases; edges are agreement facts. The pieces work without the CLI:

>>> import qfacts, qfacts.graph as qg
>>> records = [qfacts.extract(text, "2025-05-19") for text in texts]        # doctest: +SKIP
>>> g = qg.build_graph(records, types=["memorandum_of_understanding"])    # doctest: +SKIP
>>> open("network.svg", "wb").write(qg.render(g, "svg"))                   # doctest: +SKIP

:func:`build_graph` takes :class:`qfacts.Record` objects or their dicts (``qfacts extract --format jsonl``
output), so saved extractions are graphed without extracting again. It returns a ``networkx.MultiGraph``:

* a node per party, keyed by its display name, with ``label`` (the name), ``type`` (``ORG``, ``PLACE`` or
  ``UNKNOWN``), ``aliases``, ``documents`` (ids joined by ``"; "``), ``facts`` (how many facts name it);
* an edge per distinct fact (same type, same parties, same date: reported twice, counted once) and per pair
  of its parties, with ``label`` (``"type · date"``), ``type``, ``date``, ``status``, ``documents``,
  ``mentions`` (how many times the documents state it), ``sentence`` (the first one) and ``weight`` 1.

Names are merged by a key (case folded, spaces collapsed, a leading "the" dropped) and by aliases: a record's
``canonical_entities`` (``{"label", "name", "aliases", "mentions"}``) when present, else each ORG/PLACE entity's
``canonical``. An alias that points to two different names is ambiguous and merges nothing.

:func:`render` turns a graph into the bytes of one of :data:`FORMATS`; pictures come from matplotlib (Agg,
no display; the ``graph`` extra, ``pip install 'qfacts[graph]'``: without it :func:`render` raises
:class:`MissingExtra` for PNG and SVG, and the other formats still work), laid out hub-and-spoke when one party dominates and by a seeded force layout otherwise, with
labels placed greedily so that they do not overlap (:func:`draw` reports any overlap left). networkx and
matplotlib are imported inside the functions, so importing this module costs nothing.
"""
from __future__ import annotations

import io
import itertools
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations
from typing import TYPE_CHECKING, Any, BinaryIO, Iterable, Iterator, Optional, Sequence, Union

from .io import InputError, is_glob, is_jsonl, read_inputs, walk_folder
from .jsonl import JSONLineError, parse_json_line

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from .api import Document
    from .models import Record

FORMATS = ("png", "svg", "graphml", "gexf", "dot", "mmd")
PICTURE_FORMATS = frozenset({"png", "svg"})
SUFFIX_FORMATS = {".png": "png", ".svg": "svg", ".graphml": "graphml", ".gexf": "gexf", ".dot": "dot",
                  ".gv": "dot", ".mmd": "mmd", ".mermaid": "mmd"}

NODE_TYPES = ("ORG", "PLACE")
UNKNOWN = "UNKNOWN"
COLOURS = {"ORG": "#3b6fb6", "PLACE": "#3a9a5b", UNKNOWN: "#8c8c8c"}
TYPE_NAMES = {"ORG": "organisation", "PLACE": "place", UNKNOWN: "other party"}
SEP = "; "

RecordLike = Union["Record", dict]

GRAPH_EXTRA_COMMAND = "pip install 'qfacts[graph]'"


class MissingExtra(ImportError):
    """A picture format was asked for without matplotlib (the ``graph`` extra) installed."""


def pictures_available() -> bool:
    """True when matplotlib, which PNG and SVG need, is installed (checked without importing it)."""
    import importlib.util

    try:
        return importlib.util.find_spec("matplotlib") is not None
    except (ImportError, ValueError):
        return False


def require_pictures(fmt: str) -> None:
    """Raise :class:`MissingExtra`, naming the command that installs it, when ``fmt`` needs matplotlib and it is
    not installed."""
    if fmt in PICTURE_FORMATS and not pictures_available():
        raise MissingExtra(f"{fmt.upper()} needs matplotlib, which is not installed: {GRAPH_EXTRA_COMMAND} "
                           f"(GraphML, GEXF, DOT and Mermaid need nothing more)")


# --- names ---------------------------------------------------------------------------------------------

def name_key(name: str) -> str:
    """The merge key of a name: case folded, inner spaces collapsed, a leading "the" dropped."""
    key = " ".join(str(name).split()).casefold()
    if key.startswith("the "):
        key = key[4:]
    return key.strip(" .,;:")


class NameIndex:
    """Canonical names and aliases of ORG/PLACE entities across records: which key a name resolves to,
    the name to show for it and its label (the most frequent one)."""

    def __init__(self) -> None:
        self._targets: dict[str, set[str]] = defaultdict(set)
        self._names: dict[str, Counter] = defaultdict(Counter)
        self._labels: dict[str, Counter] = defaultdict(Counter)
        self._surface: dict[str, set[str]] = defaultdict(set)  # alias spellings by the key they name

    def add_record(self, record: dict) -> None:
        """Learn the record's names: ``canonical_entities`` if given, else its entities' ``canonical``."""
        canon = record.get("canonical_entities")
        if isinstance(canon, list) and canon:
            for item in canon:
                if isinstance(item, dict) and item.get("label") in NODE_TYPES and item.get("name"):
                    mentions = int(item.get("mentions") or 1)
                    self._add(item["name"], item["label"], item.get("aliases") or (), mentions)
            return
        for ent in record.get("entities") or ():
            if ent.get("label") in NODE_TYPES and ent.get("text"):
                name = ent.get("canonical") or ent["text"]
                self._add(name, ent["label"], (ent["text"],), 1)

    def _add(self, name: str, label: str, aliases: Iterable[str], mentions: int) -> None:
        key = name_key(name)
        self._names[key][name] += mentions
        self._labels[key][label] += mentions
        for alias in aliases:
            alias_key = name_key(alias)
            if alias_key and alias_key != key:
                self._targets[alias_key].add(key)
                self._surface[key].add(alias)

    def note_party(self, name: str) -> None:
        """A party name as a fact gives it: a candidate for the shown name."""
        self._names[name_key(name)][name] += 1

    def resolve(self, name: str) -> str:
        """The key a name belongs to, following aliases that point to one name only."""
        key = name_key(name)
        seen = {key}
        while True:
            targets = self._targets.get(key)
            if not targets or len(targets) != 1:
                return key
            (nxt,) = targets
            if nxt in seen:
                return key
            seen.add(nxt)
            key = nxt

    def display(self, key: str) -> str:
        """The name to show: the most used of the key's names, a leading "the" dropped (ties: the longest,
        then alphabetical)."""
        names: Counter = Counter()
        for name, count in self._names.get(key, {}).items():
            names[re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)] += count
        if not names:
            return key
        return min(names, key=lambda n: (-names[n], -len(n), n))

    def label(self, key: str, members: Iterable[str] = ()) -> str:
        votes: Counter = Counter(self._labels.get(key, {}))
        for member in members:
            votes.update(self._labels.get(member, {}))
        if not votes:
            return UNKNOWN
        return min(votes, key=lambda lab: (-votes[lab], lab))

    def members(self, key: str) -> list[str]:
        """``key`` and the alias keys that resolve to it."""
        return [key] + sorted(a for a in self._targets if a != key and self.resolve(a) == key)

    def aliases(self, key: str) -> list[str]:
        """Every spelling seen for ``key``: its names, its aliases and theirs."""
        out: set[str] = set()
        for member in self.members(key):
            out.update(self._names.get(member, {}))
            out.update(self._surface.get(member, ()))
        return sorted(out)


# --- filters -------------------------------------------------------------------------------------------

def agreement_types() -> tuple[str, ...]:
    """The agreement types of the taxonomy, as the shipped JSON Schema lists them."""
    schema = json.loads(resources.files("qfacts").joinpath("schema", "record.schema.json")
                        .read_text(encoding="utf-8"))
    return tuple(schema["$defs"]["agreement_type"]["enum"])


def normalise_type(value: str) -> str:
    """``"Joint research"``, ``joint-research`` -> ``joint_research``; ``MOU``/``LOI`` are accepted too.

    Raises ValueError naming the valid types for anything else."""
    known = agreement_types()
    key = re.sub(r"[\s\-]+", "_", value.strip().casefold())
    if key in known:
        return key
    initials = {"".join(w[0] for w in t.split("_")): t for t in known}
    if key in initials:
        return initials[key]
    raise ValueError(f"unknown agreement type {value!r} (one of: {', '.join(known)})")


_BOUND = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_bound(value: str, *, end: bool = False) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first (or, with ``end``, last) day it covers."""
    import calendar
    import datetime as dt

    match = _BOUND.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(match[1]), match[2], match[3]
    if month is None:
        month_n, day_n = (12, 31) if end else (1, 1)
    else:
        month_n = int(month)
        if not 1 <= month_n <= 12:
            raise ValueError(f"{value!r} has no month {month}")
        last = calendar.monthrange(year, month_n)[1]
        day_n = int(day) if day is not None else (last if end else 1)
    try:
        return dt.date(year, month_n, day_n).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date") from None


def fact_interval(fact: dict) -> Optional[tuple[str, str]]:
    """The first and last day of a fact's date: its ``date_interval``, else read from a plain date value."""
    interval = fact.get("date_interval")
    if isinstance(interval, dict) and interval.get("start") and interval.get("end"):
        return interval["start"], interval["end"]
    date = fact.get("date") or ""
    if _BOUND.match(date):
        return parse_bound(date), parse_bound(date, end=True)
    return None


@dataclass(frozen=True)
class FactFilter:
    """Which facts to keep: by type, by date (a fact whose date overlaps ``since``..``until``; facts with no
    known date are left out when either bound is given) and by party (any party matching one given)."""

    types: frozenset = frozenset()
    since: Optional[str] = None
    until: Optional[str] = None
    parties: frozenset = frozenset()  # resolved keys

    def keeps(self, fact: dict, party_keys: Sequence[str]) -> bool:
        if self.types and fact.get("type") not in self.types:
            return False
        if self.since or self.until:
            interval = fact_interval(fact)
            if interval is None:
                return False
            if self.since and interval[1] < self.since:
                return False
            if self.until and interval[0] > self.until:
                return False
        return not self.parties or any(k in self.parties for k in party_keys)


# --- building ------------------------------------------------------------------------------------------

def as_dict(record: RecordLike) -> dict:
    """A record as the dict the CLI prints (``Record.to_dict()``); dicts pass through."""
    return record if isinstance(record, dict) else record.to_dict()


def shown_date(date: Optional[str]) -> str:
    """A fact's date as shown: the TIMEX3 value when its year is known, else nothing."""
    return date if date and not date.startswith("X") else ""


def fact_label(fact_type: str, date: str) -> str:
    words = fact_type.replace("_", " ")
    return f"{words} · {date}" if date else words


@dataclass
class _Fact:
    type: str
    date: str
    status: str
    parties: tuple[str, ...]  # resolved keys, sorted, distinct
    sentence: str
    documents: list[str] = field(default_factory=list)
    mentions: int = 0


def build_graph(records: Iterable[RecordLike], *, types: Iterable[str] = (), since: Optional[str] = None,
                until: Optional[str] = None, parties: Iterable[str] = ()) -> "nx.MultiGraph":
    """The agreement network of ``records`` (see the module doc), keeping the facts the filters pass.

    ``types`` are agreement types (``normalise_type`` spellings), ``since``/``until`` dates as
    :func:`parse_bound` reads them, ``parties`` names (merged like the nodes). Raises ValueError on a bad
    type or date.
    """
    import networkx as nx

    dicts = [as_dict(r) for r in records]
    index = NameIndex()
    for rec in dicts:
        index.add_record(rec)
        for fact in rec.get("agreements") or ():
            for party in fact.get("parties") or ():
                index.note_party(party)
    flt = FactFilter(types=frozenset(normalise_type(t) for t in types),
                     since=parse_bound(since) if since else None,
                     until=parse_bound(until, end=True) if until else None,
                     parties=frozenset(index.resolve(p) for p in parties))
    facts = _collect_facts(dicts, index, flt)
    return _to_graph(nx.MultiGraph(), facts, index, len(dicts))


def _collect_facts(dicts: list[dict], index: NameIndex, flt: FactFilter) -> list[_Fact]:
    facts: dict[tuple, _Fact] = {}
    for rec in dicts:
        doc_id = str(rec.get("id", ""))
        for fact in rec.get("agreements") or ():
            keys = tuple(sorted({index.resolve(p) for p in fact.get("parties") or () if name_key(p)}))
            if not keys or not flt.keeps(fact, keys):
                continue
            date = shown_date(fact.get("date"))
            ident = (fact.get("type", ""), keys, date)
            if ident not in facts:
                facts[ident] = _Fact(type=ident[0], date=date, status=fact.get("status") or "", parties=keys,
                                     sentence=" ".join((fact.get("sentence") or "").split()))
            item = facts[ident]
            item.mentions += 1
            if doc_id not in item.documents:
                item.documents.append(doc_id)
    return list(facts.values())


def _to_graph(graph: "nx.MultiGraph", facts: list[_Fact], index: NameIndex, documents: int) -> "nx.MultiGraph":
    node_docs: dict[str, list[str]] = defaultdict(list)
    node_facts: Counter = Counter()
    for fact in facts:
        for key in fact.parties:
            node_facts[key] += 1
            node_docs[key].extend(d for d in fact.documents if d not in node_docs[key])
    names = _unique_names({key: index.display(key) for key in node_facts})
    for key in sorted(node_facts, key=lambda k: names[k].casefold()):
        graph.add_node(names[key], label=names[key], type=index.label(key, index.members(key)),
                       facts=node_facts[key],
                       aliases=SEP.join(a for a in index.aliases(key) if a != names[key]),
                       documents=SEP.join(node_docs[key]))
    for number, fact in enumerate(facts, start=1):
        pairs = list(combinations(fact.parties, 2))
        for part, (a, b) in enumerate(pairs, start=1):
            key = f"f{number}" if len(pairs) == 1 else f"f{number}.{part}"  # GraphML edge ids are unique
            graph.add_edge(names[a], names[b], key=key,
                           label=fact_label(fact.type, fact.date), type=fact.type, date=fact.date,
                           status=fact.status, documents=SEP.join(fact.documents), mentions=fact.mentions,
                           sentence=fact.sentence, weight=1)
    graph.graph.update(facts=len(facts), documents=documents)
    return graph


def _unique_names(names: dict[str, str]) -> dict[str, str]:
    seen: Counter = Counter()
    out = {}
    for key in sorted(names):
        name = names[key]
        seen[name] += 1
        out[key] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return out


def pair_graph(graph: "nx.MultiGraph") -> "nx.Graph":
    """One edge per pair of parties: ``count`` facts, ``lines`` their labels (sorted), ``types`` joined."""
    import networkx as nx

    pairs = nx.Graph()
    pairs.add_nodes_from(graph.nodes(data=True))
    for a, b, data in graph.edges(data=True):
        if pairs.has_edge(a, b):
            pairs[a][b]["lines"].append(data["label"])
        else:
            pairs.add_edge(a, b, lines=[data["label"]])
    for a, b, data in pairs.edges(data=True):
        data["lines"] = sorted(set(data["lines"]), key=data["lines"].index)
        data["count"] = len(data["lines"])
    return pairs


# --- reading inputs ------------------------------------------------------------------------------------

def is_output_record(obj: Any) -> bool:
    """A qfacts output record (it carries ``agreements`` and ``entities`` lists) rather than a text record."""
    return (isinstance(obj, dict) and isinstance(obj.get("agreements"), list)
            and isinstance(obj.get("entities"), list) and not isinstance(obj.get("text"), str))


def read_graph_inputs(paths: Iterable[str], *, reference_date=None,
                      stdin: Optional[BinaryIO] = None) -> Iterator[Union[dict, "Document", InputError]]:
    """Like :func:`qfacts.io.read_inputs`, but saved qfacts output (JSONL from ``qfacts extract``, or a JSON
    array of records) is yielded as record dicts, to be graphed without extracting again."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin, reference_date)
        elif os.path.isdir(path):
            files = walk_folder(path)
            if not files:
                yield from read_inputs([path])  # the folder's own error
            for file in files:
                yield from _read_path(file, reference_date)
        elif os.path.lexists(path) or not is_glob(path):
            yield from _read_path(path, reference_date)
        else:
            yield from _read_glob(path, reference_date)


def _read_glob(pattern: str, reference_date) -> Iterator[Union[dict, "Document", InputError]]:
    import glob

    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputError(pattern, "no files match this pattern")
    for match in matches:
        for file in walk_folder(match) if os.path.isdir(match) else [match]:
            yield from _read_path(file, reference_date)


def _read_path(path: str, reference_date) -> Iterator[Union[dict, "Document", InputError]]:
    """A file: saved records when it holds them (a JSONL file is read line by line), else what
    :func:`read_inputs` makes of it."""
    if os.path.isfile(path) and is_jsonl(path):
        try:
            fh = open(path, "rb")
        except OSError:
            pass  # read_inputs names the problem
        else:
            with fh:
                head = _leading_lines(fh)
                if head and _is_record_line(head[-1]):
                    yield from _record_lines(path, itertools.chain(head, fh))
                    return
    elif os.path.isfile(path) and os.path.splitext(path)[1].lower() == ".json":
        try:
            with open(path, "rb") as fh:
                records = _record_array(fh.read())
        except OSError:
            records = None
        if records is not None:
            yield from records
            return
    yield from read_inputs([path], reference_date=reference_date)


def _read_stdin(stdin: Optional[BinaryIO], reference_date) -> Iterator[Union[dict, "Document", InputError]]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as exc:
        yield InputError("-", f"cannot read: {exc.strerror or exc}")
        return
    records = _record_array(data)
    lines = data.splitlines(keepends=True)
    head = _leading_lines(iter(lines))
    if records is not None:
        yield from records
    elif head and _is_record_line(head[-1]):
        yield from _record_lines("-", lines)
    else:
        yield from read_inputs(["-"], reference_date=reference_date, stdin=io.BytesIO(data))


def _leading_lines(lines: Iterable[bytes]) -> list[bytes]:
    """The lines up to and including the first non-blank one."""
    head = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    return head


def _is_record_line(line: bytes) -> bool:
    try:
        return is_output_record(parse_json_line(line.decode("utf-8-sig")))
    except (UnicodeDecodeError, JSONLineError):
        return False


def _record_array(data: bytes) -> Optional[list[dict]]:
    """The records of a JSON array of qfacts records (``qfacts extract --format json``), else None."""
    if not data.lstrip()[:1] == b"[":
        return None
    try:
        array = parse_json_line(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, JSONLineError):
        return None
    if isinstance(array, list) and array and all(is_output_record(r) for r in array):
        return array
    return None


def _record_lines(name: str, lines: Iterable[bytes]) -> Iterator[Union[dict, InputError]]:
    """Saved JSON Lines records, one a line; a bad line is an InputError naming it, blank lines are skipped."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = parse_json_line(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            yield InputError(name, "not valid UTF-8", line=number)
            continue
        except JSONLineError as exc:  # a 5,000-digit number or deep nesting too: this line only
            yield InputError(name, f"invalid JSON: {exc.reason}", line=number)
            continue
        if is_output_record(obj):
            yield obj
        else:
            yield InputError(name, 'not a qfacts record (needs "entities" and "agreements" lists)', line=number)


# --- output --------------------------------------------------------------------------------------------

def format_for(path: Optional[str], fmt: Optional[str] = None) -> str:
    """The format to write: ``fmt`` if given, else from the suffix of ``path``; ValueError if neither says."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
        return fmt
    suffix = os.path.splitext(path or "")[1].lower()
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    raise ValueError(f"cannot tell the format from {path!r}: use a suffix "
                     f"({', '.join(sorted(SUFFIX_FORMATS))}) or --format")


def render(graph: "nx.MultiGraph", fmt: str) -> bytes:
    """The bytes of ``graph`` in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt in PICTURE_FORMATS:
        require_pictures(fmt)
        buf = io.BytesIO()
        draw(graph, buf, fmt)
        return buf.getvalue()
    writer = {"graphml": to_graphml, "gexf": to_gexf, "dot": to_dot, "mmd": to_mermaid}.get(fmt)
    if writer is None:
        raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    return writer(graph).encode("utf-8")


def write(graph: "nx.MultiGraph", path: str, fmt: Optional[str] = None) -> str:
    """Write ``graph`` to ``path`` in ``fmt`` or the format its suffix names; returns the format used."""
    fmt = format_for(path, fmt)
    data = render(graph, fmt)
    with open(path, "wb") as fh:
        fh.write(data)
    return fmt


def to_graphml(graph: "nx.MultiGraph") -> str:
    import networkx as nx

    styled = graph.copy()
    for _, data in styled.nodes(data=True):
        data["color"] = COLOURS.get(data.get("type"), COLOURS[UNKNOWN])
    return "\n".join(nx.generate_graphml(styled)) + "\n"


def to_gexf(graph: "nx.MultiGraph") -> str:
    """GEXF 1.2 with node colours and sizes (``viz``); no modification date, so the output is reproducible.
    The edges' ``type`` is written as ``agreement_type``: GEXF keeps ``type`` for directed/undirected."""
    import networkx as nx

    styled = graph.copy()
    for _, data in styled.nodes(data=True):
        rgb = COLOURS.get(data.get("type"), COLOURS[UNKNOWN])
        r, g, b = (int(rgb[i:i + 2], 16) for i in (1, 3, 5))
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                       "size": 8.0 + 4.0 * math.sqrt(data.get("facts", 1))}
    for _, _, data in styled.edges(data=True):  # an edge's "type" is reserved in GEXF (directed or not)
        data["agreement_type"] = data.pop("type")
    text = "\n".join(nx.generate_gexf(styled, version="1.2draft")) + "\n"
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)


def to_dot(graph: "nx.MultiGraph") -> str:
    """Graphviz DOT (via pydot): filled nodes coloured by type, one labelled edge per fact."""
    import pydot

    dot = pydot.Dot("agreements", graph_type="graph", overlap="false", splines="true", fontname="Helvetica")
    dot.set_node_defaults(style="filled", fontcolor="white", fontname="Helvetica", shape="box")
    dot.set_edge_defaults(fontname="Helvetica", fontsize="10", color="#555555")
    for node, data in graph.nodes(data=True):
        dot.add_node(pydot.Node(node, label=data["label"], fillcolor=COLOURS.get(data["type"], COLOURS[UNKNOWN]),
                                type=data["type"]))
    for a, b, key, data in graph.edges(keys=True, data=True):
        dot.add_edge(pydot.Edge(a, b, label=data["label"], id=key, type=data["type"], date=data["date"] or '""'))
    return dot.to_string()


def to_mermaid(graph: "nx.MultiGraph") -> str:
    """A Mermaid flowchart: one link per pair of parties, its facts' labels on it, thick (``===``) when
    several facts join the pair; nodes styled by type."""
    pairs = pair_graph(graph)
    ids = {node: f"n{i}" for i, node in enumerate(pairs.nodes)}
    lines = ["flowchart LR"]
    for node, data in pairs.nodes(data=True):
        lines.append(f'    {ids[node]}["{_mermaid_text(data["label"])}"]:::{data["type"].lower()}')
    for a, b, data in pairs.edges(data=True):
        link = "===" if data["count"] > 1 else "---"
        text = "<br/>".join(_mermaid_text(line) for line in data["lines"])
        lines.append(f'    {ids[a]} {link}|"{text}"| {ids[b]}')
    for node_type, colour in COLOURS.items():
        lines.append(f"    classDef {node_type.lower()} fill:{colour},stroke:#333,color:#fff")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    return text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


# --- drawing -------------------------------------------------------------------------------------------

@dataclass
class DrawReport:
    """What :func:`draw` did: the layout used, how many labels still overlap another label or a node (0 is
    the goal) and, on graphs of more than :data:`CROWDED_NODES` nodes, how many edge labels were left out
    because no free spot was found (the facts stay in the GraphML/GEXF output)."""

    layout: str
    nodes: int
    edges: int
    overlaps: int
    hidden_edge_labels: int = 0
    width_px: int = 0
    height_px: int = 0


def layout(pairs: "nx.Graph") -> tuple[str, dict[str, tuple[float, float]]]:
    """Node positions in about [-1, 1]²: ``hub`` (one party in the middle, the others around it) when one
    node joins most of a small graph, else ``force`` (seeded Fruchterman-Reingold, so repeatable)."""
    import networkx as nx

    nodes = list(pairs.nodes)
    n = len(nodes)
    if n == 0:
        return "empty", {}
    if n == 1:
        return "single", {nodes[0]: (0.0, 0.0)}
    if n == 2:
        return "pair", {nodes[0]: (-0.6, 0.0), nodes[1]: (0.6, 0.0)}
    degrees = dict(pairs.degree)
    hub = min(nodes, key=lambda v: (-degrees[v], v))
    if n <= 40 and degrees[hub] >= 0.6 * (n - 1):
        return "hub", _hub_layout(pairs, hub)
    k = 2.2 / math.sqrt(n)
    pos = nx.spring_layout(pairs, k=k, iterations=300, seed=20250519)
    return "force", _normalise({v: (float(x), float(y)) for v, (x, y) in pos.items()})


def _hub_layout(pairs: "nx.Graph", hub: str) -> dict[str, tuple[float, float]]:
    others = sorted((v for v in pairs.nodes if v != hub), key=lambda v: (pairs.nodes[v]["type"], v.casefold()))
    pos = {hub: (0.0, 0.0)}
    step = 2 * math.pi / len(others)
    start = math.pi / 2 + step / 2 if len(others) % 2 == 0 else math.pi / 2
    for i, node in enumerate(others):
        angle = start - i * step
        pos[node] = (math.cos(angle), math.sin(angle))
    return pos


def _normalise(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    scale = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {v: ((x - cx) / scale, (y - cy) / scale) for v, (x, y) in pos.items()}


NODE_CHAR_IN = 0.085  # mean width of a character of a node label (10.5 pt), inches
EDGE_CHAR_IN = 0.068  # of an edge label (8.5 pt)
EDGE_LINE_IN = 0.15
MAX_PNG_PIXELS = 9000
PAD_INCHES = 0.25
HUB_DEGREE = 3  # a node joined to this many others has its label in bold
CROWDED_NODES = 40  # above this, an edge label with no free spot is left out rather than drawn over others


def _node_box(name: str) -> tuple[float, float]:
    """Half width and half height (inches) a node needs for itself and its label beside it."""
    return len(name) * NODE_CHAR_IN / 2 + 0.25, 0.28


def _edge_box(lines: list[str]) -> tuple[float, float]:
    return max(len(line) for line in lines) * EDGE_CHAR_IN + 0.15, len(lines) * EDGE_LINE_IN + 0.12


def make_room(pairs: "nx.Graph", pos: dict, iterations: int = 400) -> dict[str, tuple[float, float]]:
    """Positions in inches, spread from a layout so that labels fit: node boxes (node plus label) pushed
    apart where they overlap, and each edge lengthened until its label fits between its ends. Deterministic."""
    import numpy as np

    nodes = list(pairs.nodes)
    if not nodes:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    scale = 0.9 * math.sqrt(len(nodes)) + 1.0
    p = np.array([pos[v] for v in nodes], dtype=float) * scale
    half = np.array([_node_box(v) for v in nodes])
    edges = [(index[a], index[b], _edge_box(d["lines"])) for a, b, d in pairs.edges(data=True)]
    ea = np.array([e[0] for e in edges], dtype=int)
    eb = np.array([e[1] for e in edges], dtype=int)
    ew = np.array([e[2][0] for e in edges]).reshape(-1)
    eh = np.array([e[2][1] for e in edges]).reshape(-1)
    radius = np.array([0.25] * len(nodes))
    for _ in range(iterations):
        moved = _push_nodes_apart(p, half)
        if len(edges):
            moved |= _stretch_edges(p, ea, eb, ew, eh, radius)
        if not moved:
            break
    return {v: (float(p[i, 0]), float(p[i, 1])) for i, v in enumerate(nodes)}


def _push_nodes_apart(p, half) -> bool:
    """One step of box overlap removal: each overlapping pair moves apart along the axis of least overlap."""
    import numpy as np

    dx = p[:, None, 0] - p[None, :, 0]
    dy = p[:, None, 1] - p[None, :, 1]
    ox = half[:, None, 0] + half[None, :, 0] - np.abs(dx)
    oy = half[:, None, 1] + half[None, :, 1] - np.abs(dy)
    np.fill_diagonal(ox, 0.0)
    hit = (ox > 0.01) & (oy > 0.01)
    if not hit.any():
        return False
    along_x = hit & (ox * 0.6 <= oy)  # prefer sideways moves: labels are wide
    along_y = hit & ~along_x
    order = np.arange(len(p))
    tie = np.sign(order[:, None] - order[None, :]).astype(float)  # nodes on the same spot part by index
    sign_x = np.where(dx != 0, np.sign(dx), tie)
    sign_y = np.where(dy != 0, np.sign(dy), tie)
    p[:, 0] += 0.25 * np.where(along_x, ox * sign_x, 0.0).sum(axis=1)
    p[:, 1] += 0.25 * np.where(along_y, oy * sign_y, 0.0).sum(axis=1)
    return True


def _stretch_edges(p, ea, eb, ew, eh, radius) -> bool:
    """One step of edge lengthening: an edge shorter than its label (as projected on it) plus its ends'
    markers pushes its ends apart."""
    import numpy as np

    d = p[eb] - p[ea]
    length = np.hypot(d[:, 0], d[:, 1])
    length = np.where(length < 1e-9, 1e-9, length)
    ux, uy = d[:, 0] / length, d[:, 1] / length
    need = ew * np.abs(ux) + eh * np.abs(uy) + radius[ea] + radius[eb] + 0.3
    short = need - length
    grow = short > 0.01
    if not grow.any():
        return False
    push = np.where(grow, 0.25 * short, 0.0)
    np.add.at(p[:, 0], eb, push * ux)
    np.add.at(p[:, 1], eb, push * uy)
    np.add.at(p[:, 0], ea, -push * ux)
    np.add.at(p[:, 1], ea, -push * uy)
    return True


def _frame(pairs: "nx.Graph", pos: dict) -> tuple[float, float, tuple]:
    """Figure width and height (inches) and the axes limits that hold ``pos`` with room for labels,
    the caption above and the legend below."""
    if not pos:
        return 6.0, 3.0, ((-3.0, 3.0), (-1.5, 1.5))
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    side = max(len(v) for v in pos) * NODE_CHAR_IN + 0.6
    left, right = min(xs) - side, max(xs) + side
    bottom, top = min(ys) - 1.3, max(ys) + 0.9
    width, height = max(right - left, 6.0), max(top - bottom, 3.0)
    cx, cy = (left + right) / 2, (bottom + top) / 2
    return width, height, ((cx - width / 2, cx + width / 2), (cy - height / 2, cy + height / 2))


def draw(graph: "nx.MultiGraph", out: Union[str, BinaryIO], fmt: str = "png", *,
         title: Optional[str] = None) -> DrawReport:
    """Draw ``graph`` as PNG or SVG into ``out`` (a path or binary stream) and report the layout.

    Node colour is the type (ORG, PLACE), node size grows with the facts naming it, edge width with the
    facts joining the pair; each edge carries its facts' "type · date" lines. Needs matplotlib (the ``graph``
    extra): :class:`MissingExtra` without it.
    """
    require_pictures(fmt)
    from matplotlib.figure import Figure

    pairs = pair_graph(graph)
    kind, pos = layout(pairs)
    pos = make_room(pairs, pos)
    n = pairs.number_of_nodes()
    width, height, limits = _frame(pairs, pos)
    fig = Figure(figsize=(width, height), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_xlim(*limits[0])
    ax.set_ylim(*limits[1])
    marker = {v: 9.0 + 5.0 * math.sqrt(pairs.nodes[v].get("facts", 1)) for v in pairs.nodes}
    _draw_edges(ax, pairs, pos)
    _draw_nodes(ax, pairs, pos, marker)
    overlaps, hidden = _place_labels(fig, ax, pairs, pos, marker, hide_crowded=n > CROWDED_NODES)
    _legend(ax, pairs)
    caption = title or _caption(graph)
    fig.text(0.5, 1.0 - 0.3 / height, caption, ha="center", va="top", fontsize=12, color="#222222")
    dpi = min(150.0, MAX_PNG_PIXELS / max(width, height)) if fmt == "png" else 100
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "qfacts", "svg.fonttype": "path"}):
        fig.savefig(out, format=fmt, dpi=dpi, bbox_inches="tight", pad_inches=PAD_INCHES, facecolor="white",
                    metadata=metadata)
    tight = fig.get_tightbbox()  # what bbox_inches="tight" kept, in inches
    w, h = (tight.width + 2 * PAD_INCHES) * dpi, (tight.height + 2 * PAD_INCHES) * dpi
    return DrawReport(layout=kind, nodes=n, edges=graph.number_of_edges(), overlaps=overlaps,
                      hidden_edge_labels=hidden,
                      width_px=int(w), height_px=int(h))


def _caption(graph: "nx.MultiGraph") -> str:
    facts = graph.graph.get("facts", graph.number_of_edges())
    docs = graph.graph.get("documents", 0)
    if not facts:
        return "No agreement facts"
    return (f"{facts} agreement fact{'s' if facts != 1 else ''} between {graph.number_of_nodes()} parties"
            f" ({docs} document{'s' if docs != 1 else ''})")


def _draw_edges(ax, pairs: "nx.Graph", pos) -> None:
    from matplotlib.collections import LineCollection

    edges = list(pairs.edges(data=True))
    if not edges:
        return
    segments = [(pos[a], pos[b]) for a, b, _ in edges]
    widths = [1.2 + 1.8 * (d["count"] - 1) for _, _, d in edges]
    ax.add_collection(LineCollection(segments, linewidths=widths, colors="#9a9a9a", zorder=1,
                                     capstyle="round"))


def _draw_nodes(ax, pairs: "nx.Graph", pos, marker) -> None:
    nodes = list(pairs.nodes)
    if not nodes:
        ax.text(0, 0, "no agreement facts to draw", ha="center", va="center", fontsize=12, color="#555555")
        return
    ax.scatter([pos[v][0] for v in nodes], [pos[v][1] for v in nodes],
               s=[marker[v] ** 2 for v in nodes],
               c=[COLOURS.get(pairs.nodes[v]["type"], COLOURS[UNKNOWN]) for v in nodes],
               edgecolors="white", linewidths=1.5, zorder=3)


def _legend(ax, pairs: "nx.Graph") -> None:
    from matplotlib.lines import Line2D

    present = [t for t in (*NODE_TYPES, UNKNOWN) if any(d["type"] == t for _, d in pairs.nodes(data=True))]
    if not present:
        return
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=COLOURS[t],
                      markeredgecolor="white", label=TYPE_NAMES[t]) for t in present]
    handles.append(Line2D([], [], color="#9a9a9a", linewidth=1.2,
                          label="agreement: type · date (thicker: more facts)"))
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=9)


# Label placement: each label tries candidate spots in order and takes the first that overlaps no label or
# node already placed (else the one overlapping least). Sizes are measured once; spots are pixel boxes.

_NODE_SPOTS = [(1, 0), (-1, 0), (0, 1), (0, -1), (0.8, 0.8), (0.8, -0.8), (-0.8, 0.8), (-0.8, -0.8)]
_EDGE_SPOTS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8]


def _place_labels(fig, ax, pairs: "nx.Graph", pos, marker, *, hide_crowded: bool) -> tuple[int, int]:
    """Place node labels (busiest nodes first), then edge labels (edges with most facts first); returns
    the labels left overlapping and the edge labels left out (only with ``hide_crowded``)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    to_px = ax.transData.transform
    from_px = ax.transData.inverted().transform
    px_per_pt = fig.dpi / 72.0
    placed: list[tuple[float, float, float, float]] = []
    for v in pairs.nodes:
        x, y = to_px(pos[v])
        r = marker[v] / 2 * px_per_pt
        placed.append((x - r, y - r, x + r, y + r))
    edge_list = list(pairs.edges(data=True))
    segments = np.array([[*to_px(pos[a]), *to_px(pos[b])] for a, b, _ in edge_list]).reshape(-1, 4)
    overlaps = hidden = 0
    degrees = dict(pairs.degree)
    for v in sorted(pairs.nodes, key=lambda v: (-degrees[v], v)):
        text = ax.text(0, 0, v, ha="center", va="center", fontsize=10.5, color="#111111", zorder=5,
                       fontweight="bold" if degrees[v] >= HUB_DEGREE else "normal",
                       bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
        w, h = _size(text, renderer)
        cx, cy = to_px(pos[v])
        gap = marker[v] / 2 * px_per_pt + 5
        angles = [math.atan2(*(to_px(pos[u]) - (cx, cy))[::-1]) for u in pairs.neighbors(v)]
        spots = _node_spots(cx, cy, w, h, gap, _free_direction(angles))
        overlaps += _settle(text, spots, w, h, placed, segments, from_px)
    order = sorted(range(len(edge_list)), key=lambda i: (-edge_list[i][2]["count"], edge_list[i][:2]))
    for i in order:
        a, b, data = edge_list[i]
        text = ax.text(0, 0, "\n".join(data["lines"]), ha="center", va="center", fontsize=8.5,
                       color="#333333", zorder=4, linespacing=1.2,
                       bbox={"boxstyle": "round,pad=0.2", "fc": "#fbfbf4", "ec": "#d0d0c0", "lw": 0.6})
        w, h = _size(text, renderer)
        (ax_, ay_), (bx, by) = to_px(pos[a]), to_px(pos[b])
        if degrees[a] < degrees[b]:  # count from the busier end
            (ax_, ay_), (bx, by) = (bx, by), (ax_, ay_)
        spots = [(ax_ + (bx - ax_) * t, ay_ + (by - ay_) * t) for t in _EDGE_SPOTS]
        others = np.delete(segments, i, axis=0)
        if _settle(text, spots, w, h, placed, others, from_px, keep_crowded=not hide_crowded):
            if hide_crowded:
                text.remove()
                hidden += 1
            else:
                overlaps += 1
    return overlaps, hidden


def _size(text, renderer) -> tuple[float, float]:
    box = text.get_bbox_patch()
    text.draw(renderer)  # lays out the bbox patch
    extent = box.get_window_extent(renderer) if box is not None else text.get_window_extent(renderer)
    return extent.width + 4, extent.height + 2


def _free_direction(angles: list[float]) -> Optional[tuple[float, float]]:
    """The unit vector halfway across the widest gap between a node's edges (None for a node alone)."""
    if not angles:
        return None
    angles = sorted(a % (2 * math.pi) for a in angles)
    gaps = [((angles[(i + 1) % len(angles)] - a) % (2 * math.pi) or 2 * math.pi, a) for i, a in enumerate(angles)]
    width, start = max(gaps)
    middle = start + width / 2
    return math.cos(middle), math.sin(middle)


def _node_spots(cx: float, cy: float, w: float, h: float, gap: float,
                preferred: Optional[tuple[float, float]]) -> list[tuple[float, float]]:
    """Label centres around a node: the preferred direction first, then the eight compass points, each
    near, then farther out. A box's nearest side or corner sits ``gap`` from the centre in that direction."""
    directions = list(_NODE_SPOTS)
    if preferred is not None:
        directions.insert(0, preferred)
    spots = []
    for scale in (1.0, 1.8, 2.8):
        for dx, dy in directions:
            sx = max(-1.0, min(1.0, dx / 0.4))
            sy = max(-1.0, min(1.0, dy / 0.4))
            spots.append((cx + dx * gap * scale + sx * w / 2, cy + dy * gap * scale + sy * h / 2))
    return spots


def _settle(text, spots, w: float, h: float, placed: list, segments, from_px, keep_crowded: bool = True) -> int:
    """Move ``text`` to the first spot that overlaps no ``placed`` box and crosses no edge segment; failing
    that, to the first free of boxes with the fewest crossings, or else the one overlapping least. Records
    its box (unless it overlaps and not ``keep_crowded``); returns 1 if it overlaps a label or node, else 0."""
    best, best_cost = spots[0], (math.inf, math.inf)
    for sx, sy in spots:
        box = (sx - w / 2, sy - h / 2, sx + w / 2, sy + h / 2)
        area = sum(_overlap(box, other) for other in placed)
        cost = (area, _crossings(box, segments))
        if cost < best_cost:
            best, best_cost = (sx, sy), cost
            if cost == (0, 0):
                break
    sx, sy = best
    if best_cost[0] > 0 and not keep_crowded:
        return 1
    placed.append((sx - w / 2, sy - h / 2, sx + w / 2, sy + h / 2))
    text.set_position(tuple(from_px((sx, sy))))
    return 0 if best_cost[0] == 0 else 1


def _crossings(box, segments) -> int:
    """How many segments (rows ``x0, y0, x1, y1``) pass through the box (Liang-Barsky clipping)."""
    import numpy as np

    if len(segments) == 0:
        return 0
    p = segments[:, :2]
    d = segments[:, 2:] - p
    low = np.array(box[:2])
    high = np.array(box[2:])
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = (low - p) / d
        t2 = (high - p) / d
    flat = d == 0
    inside = (p >= low) & (p <= high)
    t_min = np.where(flat, np.where(inside, -np.inf, np.inf), np.minimum(t1, t2))
    t_max = np.where(flat, np.where(inside, np.inf, -np.inf), np.maximum(t1, t2))
    enter = np.maximum(t_min.max(axis=1), 0.0)
    leave = np.minimum(t_max.min(axis=1), 1.0)
    return int(np.count_nonzero(enter <= leave))


def _overlap(a, b) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0
