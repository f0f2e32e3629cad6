"""The fixture of the YAML reader's tests: each of their modules uses it for all its tests (``pytestmark``)."""

from __future__ import annotations

import pytest

from newsletter.read import compose


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request, monkeypatch):
    """Run every test with libyaml (when installed) and with the pure-Python parser: same answers."""
    if request.param == "libyaml" and compose._FAST_LOADER is None:
        pytest.skip("libyaml is not installed")
    if request.param == "pure-python":
        monkeypatch.setattr(compose, "_FAST_LOADER", None)
    return request.param
