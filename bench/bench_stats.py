"""Benchmark of the statistics of `connectivity_report`: the time they add, the memory they take, and the disk the
per-example outputs take.

1. Time and memory: `connectivity.stats.family_statistics` on a planted family (`connectivity.planted`: two basins,
   independent noise) of 12 and of 30 models, 10 points per path, 527 examples (CoLA in-domain dev size), 1,000
   resamples, one thread, with the MCC drop and the calibrated barrier, and one out-of-distribution metric. Each step
   is timed on its own: the paired bootstrap with its studentized max-type intervals (every kind), the basin decision,
   the co-assignment over resamples, the association tests (exact permutations, the embedding coordinates recomputed
   on 200 resamples). The arrays' values do not change the cost; their shapes do. Peak memory is the process's
   maximum resident set, measured per family size in a fresh process.
2. Disk: bytes per evaluated point of a results file with and without per-example outputs, and per 1,000 points,
   measured on a real results folder when one is given (--results_dir), else on records written here.

Usage: OMP_NUM_THREADS=1 python bench/bench_stats.py [--n_models 12 30] [--n_examples 527] [--n_boot 1000] [--results_dir DIR]
"""
import argparse, json, math, os, resource, subprocess, sys, tempfile, time
from pathlib import Path

import numpy as np
import pandas as pd

from connectivity.planted import planted_barriers, planted_family
from connectivity.intervals import bootstrap_barriers
from connectivity.basins import basin_decision, coassignment
from connectivity.stats import family_statistics
from connectivity.store import ResultsStore, encode_array


def timed(f):
    t0 = time.perf_counter(); out = f(); return out, time.perf_counter() - t0


def disk(results_dir:Path|None, n_ex:int):
    "Bytes per point with and without per-example outputs."
    if results_dir is not None:
        recs = [l for f in sorted(results_dir.glob('*-rank*.jsonl')) for l in f.read_bytes().splitlines()[1:]]
        recs = [l for l in recs if b'"examples"' in l]   # evaluated points (a path's endpoints refer to the one evaluation of each model)
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


def one_size(n_models:int, n_ex:int, n_boot:int)->dict:
    "Seconds per step and the process's peak memory for one family size."
    B, truth = planted_barriers('basins', n_models)
    px = planted_family(B, n_ex, seed=0)
    ood = {'ood metric': pd.Series(.5 + .1 * truth + np.random.default_rng(1).normal(0, .02, n_models), index=px.models)}
    bs, t_boot = timed(lambda: bootstrap_barriers(px, n_boot=n_boot, metric='mcc'))
    dec, t_dec = timed(lambda: basin_decision(bs))
    _, t_co = timed(lambda: coassignment(bs, max(dec['n_basins'], 2)))
    s, t_all = timed(lambda: family_statistics(px, ood, perf_metric='mcc', n_boot=n_boot))
    return dict(n_models=n_models, pairs=len(px.pairs), bootstrap=t_boot, decision=t_dec, coassignment=t_co,
                association=max(t_all - t_boot - t_dec - t_co, 0.), total=t_all, n_basins=s['n_basins'],
                peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n_models', type=int, nargs='+', default=[12, 30])
    ap.add_argument('--n_examples', type=int, default=527); ap.add_argument('--n_boot', type=int, default=1000)
    ap.add_argument('--results_dir', type=Path, default=None)
    ap.add_argument('--one', type=int, default=None, help=argparse.SUPPRESS)   # internal: one size, printed as JSON
    a = ap.parse_args()
    if a.one is not None: print(json.dumps(one_size(a.one, a.n_examples, a.n_boot))); return
    rows = []
    for m in a.n_models:   # each size in a fresh process, so its peak memory is its own
        out = subprocess.run([sys.executable, __file__, '--one', str(m), '--n_examples', str(a.n_examples), '--n_boot', str(a.n_boot)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"## family_statistics: {a.n_examples} examples, 10 points per path, {a.n_boot} resamples, "
          f"{os.environ.get('OMP_NUM_THREADS', 'default')} thread(s)\n")
    print('| models (pairs) | paired bootstrap, every kind | basin decision | co-assignment | association | **total s** | peak MB |')
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    for r in rows:
        print(f"| {r['n_models']} ({r['pairs']}) | {r['bootstrap']:.2f} | {r['decision']:.2f} | {r['coassignment']:.2f} | "
              f"{r['association']:.2f} | **{r['total']:.2f}** | {r['peak_mb']:.0f} |")
    w, wo, n, what = disk(a.results_dir, a.n_examples)
    print(f"\n## Disk per evaluated point ({what}, {n} examples)\n")
    print('| record | bytes per point | MB per 1,000 points |\n| --- | ---: | ---: |')
    print(f'| without per-example outputs | {wo:.0f} | {wo / 1e3:.2f} |')
    print(f'| with per-example outputs | {w:.0f} | {w / 1e3:.2f} |')


if __name__ == '__main__': main()
