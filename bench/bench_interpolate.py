"""Benchmark of `connectivity.interpolate` against the paper's recipe, and the memory of an all-pairs family run.

1. One 10-point path x N real PAWS-QQP dev pairs, MiniLM-L6 shape (BertConfig hidden 384, 6 layers, 12 heads,
   ffn 1536, vocab 30522; random weights, endpoint b = a + 0.02 noise; tokenizer of all-MiniLM-L6-v2):
   - library: `EvalSet` built once (dynamic padding, length-sorted token-budget batches), one live model,
     points written in place with `torch._foreach_lerp_`, SDPA, autocast policy (fp32 on CPU);
   - original recipe (re-implemented from the paper's interpolate_1d.py, as shared/bench/original_recipe.py):
     per point a linear combination of the two state dicts on the host, `load_state_dict`, `.to(device)`,
     re-tokenize with padding to 512, fp32, eager attention, batch 512.
   The original recipe is linear in examples (everything is padded to 512) and in points, so it can be measured
   on fewer examples/points (--orig_exs, --orig_points) and extrapolated: per point, (time of one point at
   orig_exs) x N / orig_exs, times 10 points. Both are printed.
2. A family of 4 and of 12 MiniLM-size models saved as safetensors, all 66 pairs x 3 points x 32 examples by
   `interpolate_family`, in a fresh child process: peak RSS (ru_maxrss) against the size of one model.
3. On CUDA only: time per point at BERT-base shape x 512 examples and a projection to 100 models x 4,950 pairs.

Usage: OMP_NUM_THREADS=2 HF_HUB_OFFLINE=1 python bench/bench_interpolate.py [--n_exs 512] [--orig_exs 64]
       [--orig_points 2] [--data_dir ../shared/data]
"""
import argparse, json, os, resource, subprocess, sys, tempfile, time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

from common import MINILM, BERT_BASE, LABELS, sync, tokenizer, make


def endpoints(shape):
    "Model a (seed 0) and model b = a + 0.02 noise, as in original_recipe.py."
    m1, m2 = make(shape), make(shape)
    with torch.no_grad():
        g = torch.Generator().manual_seed(1)
        for p1, p2 in zip(m1.parameters(), m2.parameters()): p2.copy_(p1 + 0.02 * torch.randn(p1.shape, generator=g))
    return m1, m2


def rss_mb():
    "Current resident set size (MB)."
    return int(open('/proc/self/statm').read().split()[1]) * os.sysconf('SC_PAGE_SIZE') / 2**20


def peak_rss_mb():
    "ru_maxrss (MB). Linux folds the parent's high-water mark into it across fork + exec: see `hwm_mb`."
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KB


def hwm_mb():
    "VmHWM: the peak RSS of this process image only (reset by exec)."
    for l in open('/proc/self/status'):
        if l.startswith('VmHWM:'): return int(l.split()[1]) / 1024


# ---------------- the original recipe (re-implemented) ----------------
def original_path(m1, m2, tok, s1, s2, labels, ts, dev, batch_size=512, max_length=512):
    "Per point: host state-dict combination, load_state_dict, .to(dev), pad to 512, fp32, eager, batch 512."
    w1 = {k: v.clone() for k, v in m1.state_dict().items()}
    w2 = {k: v.clone() for k, v in m2.state_dict().items()}
    model = make(MINILM, attn='eager').eval()
    buffers = {n for n, _ in model.named_buffers()}
    out, t_set, t_eval = [], [], []
    for t in ts:
        sync(dev); t0 = time.perf_counter()
        c1, c2 = 1 - t, t
        model.cpu()
        model.load_state_dict({k: (v if k in buffers else c1 * v + c2 * w2[k]) for k, v in w1.items()})
        model.to(dev)
        sync(dev); t1 = time.perf_counter()
        enc = tok(list(s1), list(s2), truncation=True, padding='max_length', max_length=max_length, return_tensors='pt')
        tot, correct, n = 0.0, 0, 0
        with torch.no_grad():
            for i in range(0, len(labels), batch_size):
                x = {k: v[i:i + batch_size].to(dev) for k, v in enc.items()}
                y = labels[i:i + batch_size].to(dev)
                logits = model(**x).logits
                tot += F.cross_entropy(logits, y).item() * len(y)
                correct += (logits.argmax(-1) == y).sum().item()
                n += len(y)
        sync(dev); t_set.append(t1 - t0); t_eval.append(time.perf_counter() - t1)
        out.append((tot / n, correct / n))
    return out, t_set, t_eval


# ---------------- 1. one path ----------------
def bench_path(args, dev):
    from connectivity.data import load_task
    from connectivity.evalset import EvalSet
    from connectivity.interpolate import interpolate_pair, path_points
    tok = tokenizer()
    m1, m2 = endpoints(MINILM)
    n_params = sum(p.numel() for p in m1.parameters())
    ts = path_points(10)
    data = load_task('paws', 'dev_and_test', data_dir=args.data_dir, num_exs=args.n_exs)
    m1d, m2d = m1.to(dev), m2.to(dev)
    sync(dev); t0 = time.perf_counter()
    es = EvalSet.build(data, tok, device=dev)
    sync(dev); t_build = time.perf_counter() - t0
    interpolate_pair(m1d, m2d, es, n_points=2)  # warm-up
    sync(dev); t0 = time.perf_counter()
    lib = interpolate_pair(m1d, m2d, es, n_points=10)
    sync(dev); t_lib = time.perf_counter() - t0
    m1, m2 = m1.cpu(), m2.cpu()

    # the original on the first orig_exs examples, at orig_points of the same 10 t's
    n_o = min(args.orig_exs, args.n_exs)
    idx = sorted(set(np.linspace(0, 9, args.orig_points).round().astype(int).tolist()))
    sub = data.df.iloc[:n_o]
    labels = torch.tensor(sub.label.tolist())
    orig, t_set, t_eval = original_path(m1, m2, tok, sub.sentence1, sub.sentence2, labels, [ts[i] for i in idx], dev)
    # the library on the same examples, for the loss comparison
    es_o = EvalSet.build(load_task('paws', 'dev_and_test', data_dir=args.data_dir, num_exs=n_o), tok, device=dev)
    lib_o = interpolate_pair(m1.to(dev), m2.to(dev), es_o, n_points=10)
    diff_loss = max(abs(orig[j][0] - lib_o.loss.iloc[i]) for j, i in enumerate(idx))
    diff_acc = max(abs(orig[j][1] - lib_o.accuracy.iloc[i]) for j, i in enumerate(idx))
    full = n_o == args.n_exs and len(idx) == 10
    # extrapolation: per point, the weight setup is fixed and the evaluation linear in examples (all padded to 512)
    t_orig = sum(t_set) + sum(t_eval) if full else 10 * (np.mean(t_set) + np.mean(t_eval) * args.n_exs / n_o)
    return dict(n_params=n_params, n_exs=args.n_exs, orig_exs=n_o, orig_points=len(idx), t_build=t_build, t_lib=t_lib,
                t_orig=t_orig, orig_measured=sum(t_set) + sum(t_eval), orig_set=float(np.mean(t_set)),
                orig_eval=float(np.mean(t_eval)), extrapolated=not full,
                diff_loss=diff_loss, diff_acc=diff_acc, lib_losses=lib.loss.round(5).tolist())


# ---------------- 2. a family, all pairs, in a child process ----------------
def family_child(args):
    "Runs in a fresh process: interpolate_family over every pair of the saved family; prints a JSON line."
    import connectivity.interpolate as ci
    from connectivity.core import model_refs
    from connectivity.data import load_task
    refs = model_refs(f'{args.family_dir}/m_')
    from connectivity.models import load_tokenizer
    from connectivity.evalset import EvalSet
    from connectivity.core import get_device
    data = load_task('paws', 'dev_and_test', data_dir=args.data_dir, num_exs=args.family_exs)
    es = EvalSet.build(data, load_tokenizer(refs[0]), device=get_device(args.device))
    base = rss_mb()
    t0 = time.perf_counter()
    df = ci.interpolate_family(refs, ci.all_pairs([r.name for r in refs]), es, results_dir=f'{args.family_dir}/results',
                               n_points=args.family_points, device=args.device, quiet=True)
    t = time.perf_counter() - t0
    print('FAMILY ' + json.dumps(dict(rows=len(df), seconds=t, base_rss=base, peak_rss=peak_rss_mb(), hwm=hwm_mb(),
                                      loads=sum(df.attrs.get('model_loads', {}).values()))), flush=True)


def bench_family(args, size):
    tok = tokenizer()
    with tempfile.TemporaryDirectory() as d:
        for i in range(size):
            m = make(MINILM, seed=i)
            m.save_pretrained(f'{d}/m_{i}'); tok.save_pretrained(f'{d}/m_{i}')
        nbytes = sum(p.numel() * p.element_size() for p in m.parameters())
        del m
        cmd = [sys.executable, __file__, '--family_child', '--family_dir', d, '--data_dir', str(args.data_dir),
               '--family_exs', str(args.family_exs), '--family_points', str(args.family_points), '--device', args.device]
        out = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, HF_HUB_OFFLINE='1'))
        line = [l for l in out.stdout.splitlines() if l.startswith('FAMILY ')]
        if not line: raise RuntimeError(f"family child failed:\n{out.stderr[-3000:]}")
        r = json.loads(line[0][7:])
    r.update(model_mb=nbytes / 2**20, family_mb=size * nbytes / 2**20, n_models=size)
    return r


# ---------------- 3. CUDA projection ----------------
def bench_cuda(args):
    from connectivity.data import load_task
    from connectivity.evalset import EvalSet
    from connectivity.interpolate import interpolate_pair
    dev = 'cuda'
    m1, m2 = endpoints(BERT_BASE)
    es = EvalSet.build(load_task('paws', 'dev_and_test', data_dir=args.data_dir, num_exs=512), tokenizer(), device=dev)
    m1, m2 = m1.to(dev), m2.to(dev)
    interpolate_pair(m1, m2, es, n_points=2)
    sync(dev); t0 = time.perf_counter(); interpolate_pair(m1, m2, es, n_points=10); sync(dev)
    per_point = (time.perf_counter() - t0) / 10
    return dict(device=torch.cuda.get_device_name(), per_point=per_point, proj_min=per_point * 4950 * 10 / 60)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data_dir', default=os.environ.get('CONNECTIVITY_TEST_DATA', str(Path(__file__).resolve().parents[2]/'shared'/'data')))
    ap.add_argument('--n_exs', type=int, default=512, help='examples per point (library path)')
    ap.add_argument('--orig_exs', type=int, default=64, help='examples per point for the original recipe (then extrapolated)')
    ap.add_argument('--orig_points', type=int, default=2, help='points of the 10 measured with the original recipe')
    ap.add_argument('--family', type=int, nargs='+', default=[4, 12], help='family sizes for the memory runs')
    ap.add_argument('--family_exs', type=int, default=32)
    ap.add_argument('--family_points', type=int, default=3)
    ap.add_argument('--device', default='auto')
    ap.add_argument('--skip_path', action='store_true'); ap.add_argument('--skip_family', action='store_true')
    ap.add_argument('--family_child', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--family_dir', help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.family_child: return family_child(args)
    from connectivity.core import get_device
    dev = get_device(args.device)
    torch.backends.cuda.matmul.allow_tf32 = False
    print(f"device {dev}, torch {torch.__version__}, threads {torch.get_num_threads()} "
          f"(OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}; the CPU is shared with other users)", flush=True)
    if not args.skip_family:
        rs = [bench_family(args, n) for n in args.family]
        print(f"\n2. interpolate_family, all pairs x {args.family_points} points x {args.family_exs} examples, MiniLM-size "
              f"models ({rs[0]['model_mb']:.0f} MB of parameters each) saved as safetensors, device {args.device}, "
              "each run in a fresh process")
        print("| models | pairs | family size | RSS before run | peak RSS ru_maxrss | peak RSS VmHWM | peak - before | model loads | time |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in rs:
            print(f"| {r['n_models']} | {r['n_models']*(r['n_models']-1)//2} | {r['family_mb']:.0f} MB | {r['base_rss']:.0f} MB | "
                  f"{r['peak_rss']:.0f} MB | {r['hwm']:.0f} MB | {r['hwm']-r['base_rss']:.0f} MB = {(r['hwm']-r['base_rss'])/r['model_mb']:.1f} models | "
                  f"{r['loads']} | {r['seconds']:.0f} s ({r['rows']} points) |", flush=True)
        print("(the family section runs first so that the parent's own peak, which Linux passes to a child's ru_maxrss "
              "across fork + exec, stays below the child's)", flush=True)
    if not args.skip_path:
        r = bench_path(args, dev)
        how = (f"extrapolated from {r['orig_points']} point(s) x {r['orig_exs']} ex ({r['orig_measured']:.1f} s measured; per point "
               f"{r['orig_set']:.2f} s weights + {r['orig_eval']:.2f} s eval): 10 x (weights + eval x {r['n_exs']}/{r['orig_exs']})"
               ) if r['extrapolated'] else 'measured in full'
        print(f"\n1. One 10-point path x {r['n_exs']} PAWS-QQP pairs, MiniLM-L6 shape ({r['n_params']/1e6:.1f}M params), {dev}")
        print(f"| recipe | time (s) | note |\n|---|---|---|")
        print(f"| library interpolate_pair | {r['t_lib']:.2f} | + EvalSet.build once {r['t_build']:.2f} s |")
        print(f"| original recipe | {r['t_orig']:.1f} | {how} |")
        print(f"| ratio original / library | {r['t_orig']/r['t_lib']:.1f}x | incl. EvalSet build: {r['t_orig']/(r['t_lib']+r['t_build']):.1f}x |")
        print(f"| max abs loss diff (first {r['orig_exs']} ex, {r['orig_points']} pts) | {r['diff_loss']:.2e} | acc diff {r['diff_acc']:.2e} |")
        print(f"library losses: {r['lib_losses']}", flush=True)
    if torch.cuda.is_available():
        r = bench_cuda(args)
        print(f"\n3. CUDA ({r['device']}), BERT-base x 512 ex: {r['per_point']*1e3:.1f} ms/point -> 100 models x 4,950 pairs "
              f"x 10 points = {r['proj_min']:.1f} min (evaluation only)")
    else: print("\n3. CUDA: not available here; not measured.")


if __name__ == '__main__': main()
