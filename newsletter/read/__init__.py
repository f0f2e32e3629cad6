"""The reading stage: the users' files as they typed them. A YAML file's bytes are checked (``decode``),
PyYAML composes its nodes (``compose``) and they become a tree of texts that remembers where each value
was typed (``tree``); slips YAML accepts are reported (``slips``), the ones it refuses explained
(``explain``)."""

from newsletter.read.tree import Source, parse_yaml, read_yaml

__all__ = ["Source", "parse_yaml", "read_yaml"]
