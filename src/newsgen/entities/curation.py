"""The editor's corrections to entity extraction, read from ``content/entities.yaml``.

The editor always wins over the tagger. The file is optional; its schema::

    # content/entities.yaml
    entities:                       # people and places the editor describes or fixes
      - name: Antony Blinken        # required: the name shown on pages (display name)
        kind: person                # optional: person | place; forces the kind
        aliases: [Blinken, Tony Blinken, Secretary Blinken]
                                    # optional: other spellings meaning this entity;
                                    # a string or a list of strings
        description: US Secretary of State from 2021 to 2025.
                                    # optional: one line, shown on the entity's page
      - name: Gaza Strip
        kind: place
        aliases: [Gaza]
    ignore:                         # optional: strings that are never an entity
      - Hamas
      - TRT World Now

Rules:

* Matching of names, aliases and ignored strings ignores case ("BLINKEN" is "Blinken").
* Whatever the tagger calls an entry's name or one of its aliases becomes that entry:
  renamed to ``name``, given ``kind`` (if set) and ``description``. So does an
  entity with a mention that is a name or alias (an article's "Antony Blinken", also
  written "Blinken", for an alias "Blinken"), unless the entry forces another kind.
* An entry with a ``kind`` is also found in text the tagger missed: its name and
  aliases are looked up as whole words in every article.
* ``ignore`` removes an entity whose name is listed; a listed string that is only one
  of an entity's mentions just stops counting as a mention.
* A name or alias may belong to only one entry, and may not be both an entry and
  ignored. Unknown keys, a kind other than person/place, a description over several
  lines and YAML tags (``!!python/...``) are errors that name the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import NewsgenError
from ..records import Entity, EntityKind
from ..yamlutil import compose_yaml, read_yaml_text
from .resolve import entity, merge_same

_KINDS = ("person", "place")
_ENTRY_KEYS = ("name", "kind", "aliases", "description")
_TOP_KEYS = ("entities", "ignore")
# Plain YAML only. Scalars are read as their written text, so "No" or "1996" is a name,
# not a boolean or a number; Python tags and the like are refused.
_PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


@dataclass(frozen=True)
class CuratedEntity:
    """One entry of the `entities` list."""

    name: str
    kind: EntityKind | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    line: int = 0  # where the entry starts in entities.yaml, for messages

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Curation:
    """All of the editor's entity decisions; the empty Curation changes nothing."""

    entities: tuple[CuratedEntity, ...] = ()
    ignore: tuple[str, ...] = ()
    path: str | None = None
    _by_name: dict[str, CuratedEntity] = field(init=False, repr=False, compare=False)
    _ignored: frozenset[str] = field(init=False, repr=False, compare=False)
    _spotter: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = {n.casefold(): e for e in self.entities for n in e.names}
        spotted = sorted({n for e in self.entities if e.kind for n in e.names}, key=lambda n: (-len(n), n))
        spotter = None
        if spotted:
            alternatives = "|".join(re.escape(n) for n in spotted)
            spotter = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_ignored", frozenset(n.casefold() for n in self.ignore))
        object.__setattr__(self, "_spotter", spotter)

    @property
    def changes_nothing(self) -> bool:
        """No entity to rename, describe or spot, no name to ignore: `applied` gives back what it is given."""
        return not self.entities and not self.ignore

    def find(self, name: str) -> CuratedEntity | None:
        return self._by_name.get(name.casefold())

    def _find_by_mention(self, mentions: Iterable[str], kind: str) -> CuratedEntity | None:
        """The entry one of an entity's mentions names, unless the entry forces another kind.

        So an alias "Blinken" renames "Antony Blinken" (mentioned as "Blinken"), but a
        place entry "Jordan" does not swallow the person "Michael Jordan".
        """
        for mention in mentions:
            entry = self.find(mention)
            if entry and entry.kind in (None, kind):
                return entry
        return None

    def ignores(self, name: str) -> bool:
        return name.casefold() in self._ignored

    @property
    def names(self) -> frozenset[str]:
        """Display names the editor chose; archive-wide folding never renames them."""
        return frozenset(e.name for e in self.entities)

    def spot(self, texts: Sequence[str]) -> dict[str, str]:
        """Surface strings of entries with a kind found in `texts` (surface -> kind).

        Matches written in lower case are skipped unless the entry is spelt that way,
        so an alias "Gaza" does not fire on "gaza" in a URL slug.
        """
        return dict(self.spotted(texts))

    def spotted(self, texts: Sequence[str]) -> list[tuple[str, str]]:
        """What `spot` finds, once per occurrence and in the order met, for counting mentions."""
        found: list[tuple[str, str]] = []
        if self._spotter is None:
            return found
        for text in texts:
            for match in self._spotter.finditer(text):
                surface = match.group()
                entry = self.find(surface)
                if entry and entry.kind and (not surface.islower() or surface in entry.names):
                    found.append((surface, entry.kind))
        return found

    def apply(self, entities: Iterable[Entity]) -> list[Entity]:
        """Drop ignored entities and mentions, then rename/re-kind/describe curated ones."""
        return merge_same(e for e in map(self.applied, entities) if e is not None)

    def applied(self, e: Entity) -> Entity | None:
        """One entity as the editor wants it; None if ignored."""
        if self.ignores(e.name):
            return None
        mentions = tuple(m for m in e.mentions if not self.ignores(m))
        if e.mentions and not mentions:
            return None
        entry = self.find(e.name) or self._find_by_mention(mentions, e.kind)
        if entry:
            return entity(entry.name, entry.kind or e.kind, mentions, entry.description)
        if mentions != e.mentions:
            return entity(e.name, e.kind, mentions, e.description)
        return e


def load_curation(path: Path) -> Curation:
    """Read and check content/entities.yaml; a missing file means no curation."""
    path = Path(path)
    if not path.exists():
        return Curation(path=str(path))
    root = compose_yaml(read_yaml_text(path), str(path))
    return _Reader(str(path)).curation(root)


class _Reader:
    """Walks the composed YAML nodes, so every error can name its line."""

    def __init__(self, path: str):
        self.path = path

    def error(self, node: yaml.Node, message: str) -> NewsgenError:
        return NewsgenError(message, self.path, node.start_mark.line + 1)

    def check_tag(self, node: yaml.Node) -> None:
        if node.tag not in _PLAIN_TAGS:
            raise self.error(node, f"YAML tag {node.tag!r} is not allowed here")

    def mapping(self, node: yaml.Node, what: str, allowed: Sequence[str]) -> dict[str, yaml.Node]:
        self.check_tag(node)
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping with keys {', '.join(allowed)}")
        out: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = self.string(key, "a key")
            if name not in allowed:
                raise self.error(key, f"unknown key {name!r} in {what}; expected one of: {', '.join(allowed)}")
            if name in out:
                raise self.error(key, f"key {name!r} given twice in {what}")
            out[name] = value
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        self.check_tag(node)
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        return list(node.value)

    def string(self, node: yaml.Node, what: str) -> str:
        self.check_tag(node)
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null") or not node.value.strip():
            raise self.error(node, f"{what} must be a non-empty string")
        return " ".join(node.value.split()) if "\n" not in node.value.strip() else node.value

    def curation(self, root: yaml.Node | None) -> Curation:
        if root is None:
            return Curation(path=self.path)
        top = self.mapping(root, "entities.yaml", _TOP_KEYS)
        entries = [self.entry(n) for n in self.sequence(top["entities"], "'entities'")] if "entities" in top else []
        ignore_nodes = self.sequence(top["ignore"], "'ignore'") if "ignore" in top else []
        owners: dict[str, tuple[str, int]] = {}
        for entry, name_nodes in entries:
            for name, node in name_nodes:
                first = owners.setdefault(name.casefold(), (entry.name, entry.line))
                if first[1] != entry.line:
                    raise self.error(node, f"{name!r} already belongs to {first[0]!r} (line {first[1]})")
        ignore = []
        for node in ignore_nodes:
            name = self.string(node, "an ignored name")
            if name.casefold() in owners:
                owner, line = owners[name.casefold()]
                raise self.error(node, f"{name!r} is ignored but is also entity {owner!r} (line {line})")
            ignore.append(name)
        return Curation(tuple(e for e, _ in entries), tuple(ignore), self.path)

    def entry(self, node: yaml.Node) -> tuple[CuratedEntity, list[tuple[str, yaml.Node]]]:
        """One entry, and each of its names with the node it was written at."""
        fields = self.mapping(node, "an entity", _ENTRY_KEYS)
        if "name" not in fields:
            raise self.error(node, "an entity needs a 'name'")
        name = self.string(fields["name"], "'name'")
        kind = None
        if "kind" in fields:
            kind = self.string(fields["kind"], "'kind'")
            if kind not in _KINDS:
                raise self.error(fields["kind"], f"kind must be person or place, not {kind!r}")
        names = [(name, fields["name"])]
        if "aliases" in fields:
            alias_node = fields["aliases"]
            items = [alias_node] if isinstance(alias_node, yaml.ScalarNode) else self.sequence(alias_node, "'aliases'")
            names += [(self.string(a, "an alias"), a) for a in items]
        aliases = tuple(dict.fromkeys(alias for alias, _ in names[1:]))
        description = ""
        if "description" in fields:
            description = self.string(fields["description"], "'description'").strip()
            if "\n" in description:
                raise self.error(fields["description"], "description must be one line")
        line = node.start_mark.line + 1
        return CuratedEntity(name, kind, aliases, description, line), names  # type: ignore[arg-type]
