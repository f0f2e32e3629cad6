"""newsletter: an offline, printable crisis-newsletter generator.

The package reads as the pipeline, each stage a subpackage that imports only the stages above it
(a test, ``tests/test_layers.py``, keeps it so):

1. ``i18n``, ``translations``, ``errors``, ``files``, ``paths``: what every stage shares: the words of
   every message in French or English (and their catalogues); a problem at a field path, a diagnostic
   at ``file:line:column``; writing a file whole or not at all; where a file named by the user may be.
2. ``read``: the user's files as text: decoding, YAML to a tree of texts with line and column marks,
   slips worth a warning, syntax errors in plain words, and :func:`newsletter.read.locate.locate`,
   the one place where a field path becomes a line and column.
3. ``text``: typed words to typeset words: the markup, French and English typography, labels.
4. ``model``: the declaration kit and the formats it declares (publication, issue, layout), the
   section registry, the document a renderer receives, and loading a workspace and its layouts.
5. ``render``: a document to bytes or text for one output: the PDF journal and poster (``render.pdf``),
   e-mail text, SMS, Markdown, HTML, the phone script. Renderers write no output file (only their cache
   of fonts and reduced images) and never see YAML.
6. ``checks``: what validation cannot see (images, placeholders, advice, the series, the fonts'
   characters, the poster's fit), each family returning problems at field paths.
7. ``build``: what a command works on (plan), what changed (incremental), rendering and writing
   (run), exports.
8. ``archive``: the record of what was distributed: manifest, corrections, staging and the journal that
   moves files in, verification and repair, intranet site.
9. ``scaffold``: new workspaces and issues (``init``, ``new``), from templates in ``data/templates``.
10. ``cli``: the ``newsletter`` command: parses arguments, calls one function, presents the result.

``data/`` holds what ships with the code: fonts, JSON Schemas, built-in layouts, templates.
"""

__version__ = "0.1.0"
