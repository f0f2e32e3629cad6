"""The PDF renderers' package: reportlab never reads settings or code from the user's home folder."""

import subprocess
import sys


def test_the_pdfs_do_not_depend_on_reportlab_settings_in_the_home_folder(tmp_path):
    """reportlab runs ~/.reportlab_settings and ~/.reportlab_mods when it is imported, if they exist."""
    (tmp_path / "reportlab_settings.py").write_text("raise SystemExit('read reportlab_settings')\n", encoding="utf-8")
    (tmp_path / "reportlab_mods.py").write_text("raise SystemExit('read reportlab_mods')\n", encoding="utf-8")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import newsletter.render.pdf.journal, reportlab.rl_config\n"
        "print('isolated', type(sys.modules['reportlab_settings']).__name__)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "isolated module"
