"""Characters the fonts cannot draw, located where they are typed."""

from conftest import MINIMAL_ISSUE


def test_a_character_the_font_lacks_is_located_on_its_own_line_in_a_long_text(cli, workspace):
    workspace.write(
        "001.yaml",
        MINIMAL_ISSUE + "faq:\n  - q: Et les agents ?\n    a: |\n      Première ligne.\n"
        "      Deuxième ligne avec 中 au milieu.\n  - q: Escape\n"
        '    a: "\\u4e2d écrit autrement"\n',
    )
    result = cli("--root", workspace.root, "check")
    assert "issues/001.yaml:9:27: warning: faq[1].a: the character '中'" in result.err
    assert "issues/001.yaml:11:8: warning: faq[2].a: the character '中'" in result.err  # not typed as such: the value


def test_a_character_written_as_an_escape_is_located_at_its_value_not_at_a_later_one(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + 'essentials: ["\\u4e2d en escape", "中 tapé"]\n')
    result = cli("--root", workspace.root, "check")
    assert "issues/001.yaml:5:14: warning: essentials[1]: the character '中'" in result.err
    assert "issues/001.yaml:5:35: warning: essentials[2]: the character '中'" in result.err
