"""Builds GeM Desk's frozen bundle and, with msitools' wixl, its MSI (what CI does on Linux;
the Windows workflow builds the MSI with WiX instead, from the same sources).

    .venv/bin/python packaging/build.py                  # dist/GeMDesk/ (the bundle)
    .venv/bin/python packaging/build.py --msi            # and dist/GeMDesk-<version>.msi
    .venv/bin/python packaging/build.py --msi-only       # the MSI of an existing bundle

Options: --dist (default dist/), --work (default build/).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "gemdesk.spec"
WXS = PACKAGING / "windows" / "gemdesk.wxs"
ICON = PACKAGING / "windows" / "gemdesk.ico"


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "app" / "__init__.py").read_text(encoding="utf-8"), namespace)  # no import: no Qt, no side effects
    return namespace["__version__"]


def build_bundle(dist: Path, work: Path) -> Path:
    """Freeze with the spec; the bundle's folder."""
    # PyInstaller keeps a cache of processed binaries in the user's folder, shared by every
    # build and written without a lock: two builds at once (two checkouts, a test run beside
    # a release build) left it half-written and every later build failed on it. Each build
    # keeps its own beside its work folder.
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(work / "pyinstaller-cache"))
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], cwd=ROOT, check=True, env=env)
    return dist / "GeMDesk"


def build_msi(bundle: Path, output: Path, work: Path, wixl: str = "wixl") -> Path:
    """The MSI of `bundle` with wixl: gemdesk.wxs plus the file list harvest.py makes."""
    work.mkdir(parents=True, exist_ok=True)
    files = work / "bundle-files.wxs"
    subprocess.run([sys.executable, str(PACKAGING / "windows" / "harvest.py"), str(bundle), str(files)], check=True)
    # wixl resolves File and Icon sources against its working folder and refuses absolute ones.
    here = bundle.parent
    done = subprocess.run([wixl, "--arch", "x64", "-D", f"Version={version()}",
                           "-D", f"BundleDir={os.path.relpath(bundle, here)}", "-D", f"IconFile={os.path.relpath(ICON, here)}",
                           "-o", str(output.resolve()), str(WXS), str(files.resolve())], cwd=here,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        # Only then: wixl also warns about every WiX attribute it does not know (Secure, Platform...).
        sys.stderr.write(done.stderr)
        raise subprocess.CalledProcessError(done.returncode, wixl)
    return output


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--msi", action="store_true", help="also build the MSI with wixl")
    parser.add_argument("--msi-only", action="store_true", help="only the MSI, of the bundle already in --dist")
    args = parser.parse_args(argv)
    bundle = args.dist / "GeMDesk"
    if not args.msi_only:
        bundle = build_bundle(args.dist, args.work)
        print(f"bundle: {bundle}")
    if args.msi or args.msi_only:
        msi = build_msi(bundle, args.dist / f"GeMDesk-{version()}.msi", args.work)
        print(f"MSI: {msi}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
