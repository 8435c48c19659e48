"""Writes the WiX fragment that lists every file of the frozen bundle (dist/GeMDesk/), for
gemdesk.wxs: one component per file, under INSTALLDIR, in the component group BundleFiles.

    python packaging/windows/harvest.py dist/GeMDesk build/bundle-files.wxs

The same fragment goes to WiX on Windows (candle, light) and to wixl on Linux, so neither
tool's own harvester (heat, wixl-heat) decides what is installed. Identifiers and component
GUIDs are derived from each file's path in the bundle, so the same file keeps its component
from one version to the next, as Windows Installer's component rules want.
"""

from __future__ import annotations

import hashlib
import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import quoteattr

# A fixed namespace for the component GUIDs; never change it (it would orphan components).
COMPONENT_NAMESPACE = uuid.UUID("6c1f3a52-8d0e-4b8a-9a61-3f0c2e7d5b19")


def identifier(prefix: str, relative: str) -> str:
    """A WiX identifier (letters, digits, _ and ., at most 72 characters) for a path."""
    return f"{prefix}_{hashlib.sha1(relative.encode('utf-8')).hexdigest()[:24]}"


def fragment(bundle: Path) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             "<!-- Made by packaging/windows/harvest.py from the frozen bundle; do not edit. -->",
             '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">', "  <Fragment>",
             '    <DirectoryRef Id="INSTALLDIR">']
    components: list[str] = []

    def walk(folder: Path, depth: int) -> None:
        indent = "  " * (depth + 3)
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            relative = path.relative_to(bundle).as_posix()
            if path.is_dir():
                lines.append(f"{indent}<Directory Id={quoteattr(identifier('d', relative))} Name={quoteattr(path.name)}>")
                walk(path, depth + 1)
                lines.append(f"{indent}</Directory>")
                continue
            # PyInstaller links some libraries on Linux (lib/libQt6Core.so.6 -> ../../..); an
            # MSI holds no links, so the file the link points to is packed under its name.
            source = path.resolve().relative_to(bundle.resolve()).as_posix() if path.is_symlink() else relative
            component = identifier("c", relative)
            guid = str(uuid.uuid5(COMPONENT_NAMESPACE, relative)).upper()
            components.append(component)
            lines.append(f'{indent}<Component Id="{component}" Guid="{guid}" Win64="yes">')
            lines.append(f"{indent}  <File Id={quoteattr(identifier('f', relative))} Name={quoteattr(path.name)} "
                         f"Source={quoteattr('$(var.BundleDir)/' + source)} KeyPath=\"yes\"/>")
            lines.append(f"{indent}</Component>")

    walk(bundle, 0)
    lines.append("    </DirectoryRef>")
    lines.append('    <ComponentGroup Id="BundleFiles">')
    lines += [f'      <ComponentRef Id="{component}"/>' for component in components]
    lines += ["    </ComponentGroup>", "  </Fragment>", "</Wix>", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    bundle, output = Path(argv[0]), Path(argv[1])
    if not bundle.is_dir():
        print(f"No bundle at {bundle}: build it first (packaging/README.md).", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(fragment(bundle), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
