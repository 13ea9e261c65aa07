"""Benchmark of the statistics of `connectivity_report`: the time the paired bootstrap adds, and the disk the
per-example outputs take.

1. Bootstrap time: a 12-model family (66 pairs x 10 points) with per-example losses and predictions on 527 examples
   (CoLA in-domain dev size), 1,000 resamples: `bootstrap_barriers` (both barrier definitions and the MCC drop along
   every path), `basin_stability` (the paper's spectral clustering on all 1,000 resampled barrier matrices, and with
   each model left out) and the two association tests. The arrays are synthetic (two planted groups): the cost
   depends on their shape, not their values.
2. Disk: bytes per evaluated point of a results file with and without per-example outputs, and per 1,000 points,
   measured on a real results folder when one is given (--results_dir), else on records written here.

Usage: OMP_NUM_THREADS=1 python bench/bench_stats.py [--n_models 12] [--n_examples 527] [--n_boot 1000] [--results_dir DIR]
"""
import argparse, json, math, os, tempfile, time
from pathlib import Path

import numpy as np
import pandas as pd

from connectivity.stats import PathExamples, bootstrap_barriers, basin_stability, basin_decision
from connectivity.association import split_association, coordinate_association
from connectivity.store import ResultsStore, encode_array


def synthetic(n_models:int, n_points:int, n_ex:int, seed:int=0)->PathExamples:
    "Two planted groups: paths between groups rise in the middle, paths within a group are flat; random predictions."
    rng = np.random.default_rng(seed)
    models = [str(i) for i in range(n_models)]
    pairs = [(a, b) for i, a in enumerate(models) for b in models[i + 1:]]
    t = np.linspace(0, 1, n_points)
    base = rng.gamma(2., .3, size=(1, 1, n_ex))
    bump = np.array([(int(a) % 2 != int(b) % 2) * 0.05 for a, b in pairs])[:, None, None] * np.sin(np.pi * t)[None, :, None]
    loss = (base + bump + rng.normal(0, .02, size=(len(pairs), n_points, n_ex))).clip(0).astype(np.float32)
    labels = rng.integers(0, 2, n_ex)
    pred = np.where(rng.random((len(pairs), n_points, n_ex)) < .8, labels, 1 - labels).astype(np.uint8)
    return PathExamples(models, pairs, t, loss, pred, labels, ['unacceptable', 'acceptable'])


def timed(f):
    t0 = time.perf_counter(); out = f(); return out, time.perf_counter() - t0


def disk(results_dir:Path|None, n_ex:int):
    "Bytes per point with and without per-example outputs."
    if results_dir is not None:
        recs = [l for f in sorted(results_dir.glob('results-rank*.jsonl')) for l in f.read_bytes().splitlines()[1:]]
        with_ex = np.mean([len(l) + 1 for l in recs])
        without = np.mean([len(json.dumps({k: v for k, v in json.loads(l).items() if k != 'examples'})) + 1 for l in recs])
        return with_ex, without, len(json.loads(recs[0])['examples']['loss']['b64']) * 3 // 4 // 4, f'{results_dir} ({len(recs)} points)'
    d = Path(tempfile.mkdtemp())
    rng = np.random.default_rng(0)
    with ResultsStore(d/'a', {}) as s:
        for k in range(100): s.write('0', '1', k, loss=.5, t=.1, examples=dict(loss=rng.random(n_ex).astype(np.float32),
                                                                               pred=rng.integers(0, 2, n_ex).astype(np.uint8)))
    with ResultsStore(d/'b', {}) as s:
        for k in range(100): s.write('0', '1', k, loss=.5, t=.1)
    size = lambda p: (p/'results-rank0.jsonl').stat().st_size
    return size(d/'a') / 100, size(d/'b') / 100, n_ex, 'synthetic records'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n_models', type=int, default=12); ap.add_argument('--n_points', type=int, default=10)
    ap.add_argument('--n_examples', type=int, default=527); ap.add_argument('--n_boot', type=int, default=1000)
    ap.add_argument('--results_dir', type=Path, default=None)
    a = ap.parse_args()
    px = synthetic(a.n_models, a.n_points, a.n_examples)
    bs, t_boot = timed(lambda: bootstrap_barriers(px, n_boot=a.n_boot, metric='mcc'))
    st, t_clu = timed(lambda: basin_stability(bs))
    dec, t_dec = timed(lambda: basin_decision(bs, st))
    ood = pd.Series(np.random.default_rng(1).random(a.n_models), index=px.models)
    lab = pd.Series(st.labels if st.labels is not None else np.arange(a.n_models) % 2, index=px.models)
    _, t_assoc = timed(lambda: (split_association(lab, ood), coordinate_association(pd.Series(np.arange(a.n_models), index=px.models), ood)))
    rows = [('paired bootstrap: barrier, endpoint barrier, MCC drop', t_boot), ('co-assignment + leave-one-out clustering', t_clu),
            ('basin decision', t_dec), ('association tests (permutation + bootstrap of r)', t_assoc)]
    print(f"## Bootstrap, {a.n_models} models ({len(px.pairs)} pairs x {a.n_points} points), {a.n_examples} examples, "
          f"{a.n_boot} resamples, {os.environ.get('OMP_NUM_THREADS', 'default')} thread(s)\n")
    print('| step | seconds |\n| --- | ---: |')
    for name, s in rows: print(f'| {name} | {s:.2f} |')
    print(f'| **total added by the statistics** | **{sum(s for _, s in rows):.2f}** |')
    print(f"\nbasins: {dec['n_basins']} ({dec['reason'][:90]}...)")
    w, wo, n, what = disk(a.results_dir, a.n_examples)
    print(f"\n## Disk per evaluated point ({what}, {n} examples)\n")
    print('| record | bytes per point | MB per 1,000 points |\n| --- | ---: | ---: |')
    print(f'| without per-example outputs | {wo:.0f} | {wo / 1e3:.2f} |')
    print(f'| with per-example loss (float32) and prediction (uint8) | {w:.0f} | {w / 1e3:.2f} |')


if __name__ == '__main__': main()
