"""Gather the small result files of the replication from _runs/ (see pipeline.sh) into this folder, for the page:
interpolation.csv, eval_in_domain_dev.json / eval_out_domain_dev.json (per-model summaries), heatmap.json,
surface.json, sharpness.json, training.json, timings.tsv and summary.json (the demo's format). Never weights."""
import datetime, glob, json, shutil
from pathlib import Path
import numpy as np, pandas as pd
from connectivity.interpolate import read_results
from connectivity.barriers import distance_matrix
from connectivity.cluster import cluster_models, correlate, centroid_difference, compare_groups

R, O = Path('_runs'), Path('.')
tab = read_results(R/'interpolation')
tab.to_csv(O/'interpolation.csv', index=False, float_format='%.6g')
ev = {}
for s in ('in_domain_dev', 'out_domain_dev'):
    shutil.copy(R/'eval'/f'{s}_summary.json', O/f'eval_{s}.json')
    ev[s] = pd.DataFrame(json.loads((O/f'eval_{s}.json').read_text())['models']).set_index('model')
for name in ('heatmap', 'curves'):
    js = sorted(glob.glob(str(R/name/'*.json')))
    if js: shutil.copy(js[0], O/f'{name}.json')
surf = sorted(glob.glob(str(R/'surface'/'*.npz')))
if surf:   # the surface as a small JSON table (the .npz stays in _runs/)
    from connectivity.plane import load_surface
    s = load_surface(surf[0])
    keys = ('x', 'y', 'loss', 'accuracy', 'ece', 'locations', 'location_loss', 'location_accuracy', 'location_ece')
    fix = lambda a: [fix(v) for v in a] if isinstance(a, list) else (None if a != a else a)
    (O/'surface.json').write_text(json.dumps(dict({k: fix(np.asarray(getattr(s, k)).tolist()) for k in keys},
                                                  names=list(s.names), meta=s.meta)))
sharp = {Path(f).stem.split('_')[-1]: {k: v for k, v in json.loads(Path(f).read_text()).items() if k != 'history'}
         for f in sorted(glob.glob(str(R/'sharpness'/'seed_*.json')))}
(O/'sharpness.json').write_text(json.dumps(sharp, indent=1))
train = {}
for f in sorted(glob.glob(str(R/'family'/'seed_*'/'run.json'))):
    r = json.loads(Path(f).read_text())
    train[str(r['config']['seed'])] = dict(seconds=r.get('seconds'), steps=r.get('steps'), train_loss=r.get('train_loss'),
                                           log_history=r.get('log_history'), config={k: v for k, v in r['config'].items() if k != 'data'},
                                           versions=r.get('versions'), device=r.get('device'))
(O/'training.json').write_text(json.dumps(train, indent=1))
shutil.copy(R/'timings.tsv', O/'timings.tsv')

# summary.json in the demo's format
models = sorted(ev['in_domain_dev'].index.astype(str), key=int)
D = distance_matrix(tab, 'barrier', models=models)
cl = cluster_models(D, n_clusters=2)
ood, idm = ev['out_domain_dev']['mcc'].astype(float), ev['in_domain_dev']['mcc'].astype(float)
ood.index, idm.index = ood.index.astype(str), idm.index.astype(str)
majority = 365 / 527        # CoLA in-domain dev: 365 of 527 sentences are acceptable
ID, OOD = 'in-domain accuracy', 'out-of-domain MCC'
metrics = pd.DataFrame({ID: ev['in_domain_dev']['accuracy'].astype(float).values, 'in-domain MCC': idm.values,
                        'in-domain loss': ev['in_domain_dev']['loss'].astype(float).values,
                        'out-of-domain accuracy': ev['out_domain_dev']['accuracy'].astype(float).values, OOD: ood.values,
                        'out-of-domain loss': ev['out_domain_dev']['loss'].astype(float).values},
                       index=ev['in_domain_dev'].index.astype(str)).loc[models]
metrics['cluster'] = pd.Series([int(x) for x in cl.labels], index=list(cl.names)).loc[models]
metrics.index.name = 'model'
cd = centroid_difference(D)
corr = {'ood_mcc_embedding': correlate(cl, ood), 'ood_mcc_centroids': correlate(cd, ood),
        'id_mcc_embedding': correlate(cl, idm)}
g = compare_groups(cl, ood)
times = dict(pd.read_csv(O/'timings.tsv', sep='\t', header=None).groupby(0)[1].sum())
summary = dict(family='_runs/family/seed_', kind='pretrained', base_model='sentence-transformers/all-MiniLM-L6-v2',
               recipe=dict(train[models[0]]['config'], seeds=[int(m) for m in models]),
               models=models, clusters=cl.clusters, correlation=corr, id_metric=ID, ood_metric=OOD, id_majority=majority,
               at_chance=[m for m in models if metrics.loc[m, ID] <= majority or metrics.loc[m, 'in-domain MCC'] <= 0],
               groups=g['groups'].reset_index().to_dict('records'), tests={k: v for k, v in g.items() if k != 'groups'},
               mean_barrier=float(D.values[np.triu_indices(len(models), 1)].mean()),
               metrics=[{k: (int(v) if k == 'cluster' else (v if isinstance(v, str) else float(v))) for k, v in r.items()}
                        for r in metrics.reset_index().to_dict('records')],
               seconds={k: round(float(v), 1) for k, v in times.items()},
               time=datetime.datetime.now().isoformat(timespec='seconds'))
(O/'summary.json').write_text(json.dumps(summary, indent=1, default=float))
print(json.dumps({k: summary[k] for k in ('clusters', 'correlation', 'seconds', 'at_chance')}, indent=1))
