"""The Windows workflow is in the repository and packaging/README.md describes each of its
steps by name, so a step added or renamed there is documented too."""

from __future__ import annotations

import re

from tests.packaging.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"


def test_every_step_of_the_windows_workflow_is_documented():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-2022" in text
    steps = re.findall(r"^\s+- name: (.+)$", text, re.M)
    assert len(steps) >= 10
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    missing = [step for step in steps if f"**{step}**" not in readme]
    assert not missing, f"packaging/README.md does not describe: {missing}"


def test_signing_comes_before_the_msi_for_the_executables_and_last_for_the_msi():
    text = WORKFLOW.read_text(encoding="utf-8")
    order = [text.index(name) for name in ("Sign the executables", "Build the MSI", "Sign the MSI", "Install the previous")]
    assert order == sorted(order)
    assert "No code-signing certificate is configured" in text  # skipped with a clear message
