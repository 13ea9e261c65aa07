"""Execute notebooks in place so their outputs (tables, figures) are saved for the docs, skipping the cells
that `nbdev_test` skips (flags in settings.ini `tst_flags`), then `nbdev_clean` them.

Usage: OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 python tools/execute_nbs.py [NOTEBOOK ...]   (default: every notebook)
"""
import sys, json, os
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory
from nbdev.config import get_config
from nbdev.doclinks import nbglob

cfg = get_config()
flags = set(cfg.get('tst_flags', '').split())
files = [Path(f) for f in sys.argv[1:]] or [Path(f) for f in nbglob(cfg.nbs_path)]
os.environ['IN_TEST'] = '1'
failed = []
for fn in files:
    fn = fn.resolve()
    nb = read_nb(fn)
    def skip(cell):
        if cell.cell_type != 'code': return True
        direc = {l[2:].strip().split(':')[0].split()[0] for l in cell.source.splitlines() if l.startswith('#|') and l[2:].strip()}
        return bool(flags & direc) or any(l.replace(' ', '') == '#|eval:false' for l in cell.source.splitlines())
    k = CaptureShell(fn)
    try:
        with working_directory(fn.parent): k.run_all(nb, exc_stop=True, preproc=skip)
    except Exception:
        sys.stderr.write(k.prettytb(fname=fn) + '\n'); failed.append(fn.name); continue
    for c in nb.cells: c.get('metadata', {}).pop('execution', None)
    write_nb(nb, fn)
    print('executed', fn.name, flush=True)
os.system(f'nbdev_clean {" ".join("--fname " + str(f) for f in files[:1]) if len(files) == 1 else ""}')
if failed: print('FAILED:', *failed); sys.exit(1)
