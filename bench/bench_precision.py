"""Is bf16 harmless for the barriers? A real family interpolated in fp32 and in bf16, barriers against the noise floor.

Every pair of the family is interpolated twice with `interpolate_family` (n_sample interior points, per-example
outputs), once with dtype 'fp32' and once with 'bf16', pair by pair in turn (so that both precisions see the same
machine load: the shared CPU's speed drifts); each precision has its own results folder under --out, and a rerun
resumes. Then `connectivity.stats.bootstrap_barriers` on each, with the same resamples: per pair the barrier (and
the endpoint barrier and the metric's drop) in fp32 and bf16, their difference, and the family's noise floor
(`noise_floor`: median half-width of the fp32 intervals). The lead's bar: max |bf16 - fp32| <= noise floor / 20.

The family: any local family (`--base_models_prefix`), e.g. the demo's 6 all-MiniLM-L6-v2 seeds
(`connectivity_demo --out /tmp/demo --quiet`, then `--base_models_prefix /tmp/demo/family/seed_`) or a fully
fine-tuned one (`connectivity_train --base_model all-MiniLM-L6-v2 --dataset mnli --split validation_matched
--num_exs 2000 --seeds 0 1 2 3 --max_steps 150 --learning_rate 5e-5 --batch_size 16 --output_prefix /tmp/ft/seed_`).
The data: by default the demo's held-out MNLI rows (the last --num_exs of MNLI dev matched, never trained on by
either recipe); or --dataset/--split/--data_dir.

Usage: OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 python bench/bench_precision.py --base_models_prefix /tmp/demo/family/seed_
       [--models 0 1 2] [--num_exs 500] [--n_sample 8] [--bootstrap 1000] [--out /tmp/bench_precision] [--device cpu]
"""
import argparse, os, time
from pathlib import Path

import numpy as np
import torch

from common import load_avg


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--base_models_prefix', required=True, help='a local family, <prefix><suffix> folders')
    ap.add_argument('--models', nargs='*', default=None, help='suffixes (default: every <prefix><integer>)')
    ap.add_argument('--dataset', default=None, help="a task (default: the demo's held-out MNLI rows)")
    ap.add_argument('--split', default=None)
    ap.add_argument('--data_dir', default=None)
    ap.add_argument('--num_exs', type=int, default=500)
    ap.add_argument('--n_sample', type=int, default=8)
    ap.add_argument('--bootstrap', type=int, default=1000)
    ap.add_argument('--metric', default='accuracy')
    ap.add_argument('--out', default='bench_precision_runs', help='results folders <out>/fp32 and <out>/bf16 (resumed)')
    ap.add_argument('--device', default='cpu')
    a = ap.parse_args()
    from connectivity.core import model_refs, precision
    from connectivity.models import load_tokenizer
    from connectivity.evalset import EvalSet
    from connectivity.interpolate import interpolate_family, all_pairs
    from connectivity.results import read_examples, read_results
    from connectivity.stats import path_examples, bootstrap_barriers, noise_floor
    refs = model_refs(a.base_models_prefix, a.models)
    if a.dataset is None:
        from connectivity.demo import demo_data
        data = demo_data(a.data_dir, 0, a.num_exs, 1)['mnli']
    else:
        from connectivity.data import load_eval_task
        data = load_eval_task(a.dataset, a.split, data_dir=a.data_dir, num_exs=a.num_exs)
    es = EvalSet.build(data, load_tokenizer(refs[0]), device=a.device)
    pairs, out = all_pairs([r.name for r in refs]), Path(a.out)
    secs = {'fp32': 0., 'bf16': 0.}
    loads = [load_avg()]
    for p in pairs:                                   # pair by pair, both precisions in turn
        for dt in secs:
            t0 = time.perf_counter()
            interpolate_family(refs, [p], es, results_dir=out/dt, n_points=a.n_sample + 2, dtype=dt, device=a.device, quiet=True)
            secs[dt] += time.perf_counter() - t0
        loads.append(load_avg())
    bs = {dt: bootstrap_barriers(path_examples(read_examples(out/dt), [r.name for r in refs]), n_boot=a.bootstrap, metric=a.metric)
          for dt in secs}
    tab = {dt: read_results(out/dt) for dt in secs}
    kinds = ['barrier', 'endpoint', f'{a.metric}_drop']
    print(f"\n{len(refs)} models ({a.base_models_prefix}), {len(pairs)} pairs x {a.n_sample + 2} points x {es.n} examples "
          f"({data.task} {data.split}), device {a.device}, torch {torch.__version__}, {torch.get_num_threads()} thread(s); "
          f"precisions recorded: {tab['fp32'].attrs['dtype']}, {tab['bf16'].attrs['dtype']}; load average "
          f"{min(loads):.1f}-{max(loads):.1f} (shared machine)")
    print("| pair | barrier fp32 | barrier bf16 | abs diff | endpoint barrier fp32 | abs diff | " + f"{a.metric} drop fp32 | abs diff |")
    print("|---|---|---|---|---|---|---|---|")
    for i, (x, y) in enumerate(bs['fp32'].pairs):
        f, b = bs['fp32'].full, bs['bf16'].full
        print(f"| {x}-{y} | {f['barrier'][i]:.5f} | {b['barrier'][i]:.5f} | {abs(f['barrier'][i]-b['barrier'][i]):.1e} | "
              f"{f['endpoint'][i]:.5f} | {abs(f['endpoint'][i]-b['endpoint'][i]):.1e} | {f[kinds[2]][i]:.4f} | "
              f"{abs(f[kinds[2]][i]-b[kinds[2]][i]):.1e} |")
    print("\n| kind | noise floor fp32 | noise floor bf16 | max abs diff | median abs diff | max diff / floor |\n|---|---|---|---|---|---|")
    for k in kinds:
        d = np.abs(bs['fp32'].full[k] - bs['bf16'].full[k]); fl = noise_floor(bs['fp32'], k)
        print(f"| {k} | {fl:.5f} | {noise_floor(bs['bf16'], k):.5f} | {d.max():.2e} | {np.median(d):.2e} | {'0 (equal)' if d.max() == 0 else f'1/{fl/d.max():.0f}'} |")
    dl = np.abs(tab['fp32'].loss.values - tab['bf16'].loss.values)
    print(f"\npoint losses: max abs diff {dl.max():.2e}, median {np.median(dl):.2e}; accuracy differs at "
          f"{int((tab['fp32'].accuracy.values != tab['bf16'].accuracy.values).sum())} of {len(dl)} points")
    n_pts = len(pairs) * (a.n_sample + 2)
    print(f"time (this run's evaluations; a resumed run shows less): fp32 {secs['fp32']:.1f} s, bf16 {secs['bf16']:.1f} s "
          f"-> bf16 {secs['fp32']/max(secs['bf16'], 1e-9):.2f}x ({n_pts} points each, endpoints shared)")


if __name__ == '__main__': main()
