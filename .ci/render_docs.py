"""Offline docs check (Quarto cannot be installed everywhere): process the notebooks as nbdev_docs does
(show_doc cells added and executed, hidden cells dropped, directives applied) into _proc/, then convert
each processed notebook to HTML with nbconvert into _render/, and report what each page holds.

Usage: python .ci/render_docs.py [--check]
  --check: exit 1 unless every notebook renders, and every API page shows signatures (show_doc output).
Open _render/index.html (or take a headless Chromium screenshot) to look at the pages.
"""
import sys, json, re, shutil
from pathlib import Path
import nbformat
from nbconvert import HTMLExporter
from nbdev.config import get_config
from nbdev.serve import proc_nbs

cfg = get_config()
root = cfg.config_path
proc = proc_nbs(n_workers=0, force=True)           # -> _proc/
out = root/'_render'
shutil.rmtree(out, ignore_errors=True); out.mkdir()
from traitlets.config import Config
_c = Config(); _c.TagRemovePreprocessor.remove_input_tags = {'remove_input'}; _c.TagRemovePreprocessor.enabled = True
exp = HTMLExporter(template_name='lab', config=_c)   # Quarto's `echo: false` → input removed
rows, bad = [], []
for nbp in sorted(Path(proc).rglob('*.ipynb')):
    rel = nbp.relative_to(proc)
    nb = json.loads(nbp.read_text(encoding='utf-8'))
    nb.get('metadata', {}).pop('execution', None)     # execnb writes a float here, which nbformat refuses
    for c in nb['cells']:
        c.get('metadata', {}).pop('execution', None)
        src = ''.join(c.get('source', ''))
        if c['cell_type'] == 'code' and re.search(r'^#\|\s*echo:\s*false', src, re.M):
            c.setdefault('metadata', {}).setdefault('tags', []).append('remove_input')
    nb['cells'] = [c for c in nb['cells'] if not (c['cell_type'] == 'raw' and ''.join(c['source']).startswith('---'))]
    node = nbformat.reads(json.dumps(nb), as_version=4)   # joins list-valued sources and outputs
    try:
        html, _ = exp.from_notebook_node(node)
    except Exception as e:
        bad.append(f'{rel}: {e}'); continue
    dst = out/rel.with_suffix('.html'); dst.parent.mkdir(parents=True, exist_ok=True); dst.write_text(html, encoding='utf-8')
    n_sig = html.count('class="doc') + len(re.findall(r'<h3[^>]*>', html))
    n_img = html.count('<img')
    n_tbl = html.count('<table')
    rows.append((str(rel), len(node.cells), n_sig, n_img, n_tbl))
if (cfg.nbs_path/'images').exists(): shutil.copytree(cfg.nbs_path/'images', out/'images')
print(f"{'page':42} {'cells':>5} {'h3/doc':>7} {'images':>6} {'tables':>6}")
for r in rows: print(f"{r[0]:42} {r[1]:5d} {r[2]:7d} {r[3]:6d} {r[4]:6d}")
if bad: print('FAILED:', *bad, sep='\n  ')
api = [r for r in rows if re.match(r'\d', r[0])]
missing = [r[0] for r in api if r[2] == 0]
if missing: print('API pages without signatures:', missing)
if '--check' in sys.argv and (bad or missing): sys.exit(1)
