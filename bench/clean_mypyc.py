"""Measure what compiling the clean stage with mypyc would gain: the speed of ``clean`` compiled against pure Python.

    python3 -m venv bench/out/venv-mypyc && bench/out/venv-mypyc/bin/pip install -r bench/requirements-mypyc.txt
    python bench/clean_mypyc.py ../shared/data [--limit N] [--modules lines,furniture] [--mypy-python PY]

The current ``src/`` is copied to a scratch folder, the chosen modules of ``storybrief.clean`` are compiled there
by mypyc (from the venv above: mypy stays out of the project's), and ``bench/clean.py --against`` times the
compiled copy ("this") against this checkout's pure Python ("other") page by page, checking that both give the
same output on every page. Nothing is installed into the project: the compiled copy lives in the scratch folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = "__init__,lines,furniture,headline,metadata,comments,scorer,text"  # weights.py is data: nothing to compile
SETUP = """from mypyc.build import mypycify
from setuptools import setup

setup(
    name="storybrief_mypyc_try",
    package_dir={{"": "src"}},
    ext_modules=mypycify({args!r}, opt_level="3", debug_level="0"),
)
"""


def build(scratch: Path, modules: list[str], mypy_python: str) -> None:
    """Copy ``src/`` into ``scratch`` and compile the clean modules named there in place."""
    shutil.copytree(ROOT / "src", scratch / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    # mypy reads numpy's types from the project's venv; modules outside clean/ are followed silently.
    args = ["--follow-imports=silent", f"--python-executable={sys.executable}"]
    args += [f"src/storybrief/clean/{m}.py" for m in modules]
    (scratch / "setup.py").write_text(SETUP.format(args=args))
    subprocess.run([mypy_python, "setup.py", "build_ext", "--inplace"], cwd=scratch, check=True, capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the data folder (../shared/data)")
    ap.add_argument("--limit", type=int, help="pages per file (for a quick run)")
    ap.add_argument("--modules", default=MODULES, help=f"clean modules to compile (default: {MODULES})")
    ap.add_argument("--mypy-python", default=str(ROOT / "bench/out/venv-mypyc/bin/python"), help="a python with mypy")
    args = ap.parse_args()
    if not Path(args.mypy_python).exists():
        sys.exit(f"{args.mypy_python}: no such python; make the venv first (see bench/clean_mypyc.py --help)")
    with tempfile.TemporaryDirectory(prefix="storybrief-mypyc-") as tmp:
        try:
            build(Path(tmp), args.modules.split(","), args.mypy_python)
        except subprocess.CalledProcessError as e:
            sys.exit(f"mypyc build failed:\n{e.stdout.decode()[-3000:]}{e.stderr.decode()[-3000:]}")
        print(f"compiled with mypyc: {args.modules} ('this' below) against pure Python ('other')")
        cmd = [sys.executable, str(ROOT / "bench/clean.py"), str(args.data), "--against", str(ROOT / "src")]
        cmd += ["--limit", str(args.limit)] if args.limit else []
        env = dict(os.environ, PYTHONPATH=str(Path(tmp) / "src"))
        subprocess.run(cmd, env=env, check=True)


if __name__ == "__main__":
    main()
