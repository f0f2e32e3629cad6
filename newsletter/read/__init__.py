"""The reading stage: the users' files as they typed them. A YAML file's bytes are checked (``decode``),
PyYAML composes its nodes (``compose``) and they become a tree of texts that remembers where each value
was typed (``tree``, ``source``); slips YAML accepts are reported (``slips``), the ones it refuses explained
(``explain``), and the reading goes on after them (``resume``)."""

from newsletter.read.source import SlipsFound, Source
from newsletter.read.tree import parse_yaml, read_yaml

__all__ = ["SlipsFound", "Source", "parse_yaml", "read_yaml"]
