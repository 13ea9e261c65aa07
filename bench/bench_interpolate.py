"""Benchmark of `connectivity.interpolate` against the paper's recipe, and the memory of an all-pairs family run.

1. One 10-point path x N real PAWS-QQP dev pairs, MiniLM-L6 shape (BertConfig hidden 384, 6 layers, 12 heads,
   ffn 1536, vocab 30522; random weights, endpoint b = a + 0.02 noise; tokenizer of all-MiniLM-L6-v2):
   - library: `EvalSet` built once (dynamic padding, length-sorted token-budget batches), one live model,
     points written in place with `torch._foreach_lerp_`, SDPA, autocast policy (bf16 on CUDA and on CPUs with native
     bf16, else fp32);
   - original recipe (re-implemented from the paper's interpolate_1d.py, as shared/bench/original_recipe.py):
     per point a linear combination of the two state dicts on the host, `load_state_dict`, `.to(device)`,
     re-tokenize with padding to 512, fp32, eager attention, batch 512.
   The original recipe is linear in examples (everything is padded to 512) and in points, so it can be measured
   on fewer examples/points (--orig_exs, --orig_points) and extrapolated: per point, (time of one point at
   orig_exs) x N / orig_exs, times 10 points. Both are printed.
2. A family of 4 and of 12 MiniLM-size models saved as safetensors, all 66 pairs x 3 points x 32 examples by
   `interpolate_family`, in a fresh child process: peak RSS (ru_maxrss) against the size of one model.
3. On CUDA only: time per point at BERT-base shape x 512 examples and a projection to 100 models x 4,950 pairs.
4. Points per second of one 10-point path (`interpolate_pair`) on the 527 CoLA in-domain dev sentences (the
   replication's), MiniLM-L6 and BERT-base shapes, fp32 and bf16 in interleaved rounds: achieved GFLOP/s (real
   tokens) against the matmul peak of this machine measured in the same rounds.
5. The replication's interpolation stage: 12 MiniLM-size models (random, b = a + 0.02 noise of their own seeds) saved
   as safetensors, all 66 pairs x 10 points x 527 CoLA sentences, `interpolate_family` in 2 processes (RANK /
   WORLD_SIZE as torchrun sets them) per precision, each model evaluated once (552 evaluations);
   --stage_legacy adds the fp32 run with every path evaluating its endpoints (660, the behaviour before).
   Wall time from start to the last process's end, models' loading and the EvalSet included.

Usage: OMP_NUM_THREADS=2 HF_HUB_OFFLINE=1 python bench/bench_interpolate.py [--n_exs 512] [--orig_exs 64]
       [--orig_points 2] [--data_dir ../shared/data] [--skip_path] [--skip_family] [--skip_points] [--stage]
  the replication's stage alone: OMP_NUM_THREADS=1 python bench/bench_interpolate.py --skip_path --skip_family --skip_points --stage
"""
import argparse, json, os, resource, subprocess, sys, tempfile, time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

from common import MINILM, BERT_BASE, LABELS, sync, tokenizer, make, forward_flops, matmul_peak, load_avg


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
    from connectivity.paths import interpolate_pair, path_points
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
    from connectivity.paths import interpolate_pair
    dev = 'cuda'
    m1, m2 = endpoints(BERT_BASE)
    es = EvalSet.build(load_task('paws', 'dev_and_test', data_dir=args.data_dir, num_exs=512), tokenizer(), device=dev)
    m1, m2 = m1.to(dev), m2.to(dev)
    interpolate_pair(m1, m2, es, n_points=2)
    sync(dev); t0 = time.perf_counter(); interpolate_pair(m1, m2, es, n_points=10); sync(dev)
    per_point = (time.perf_counter() - t0) / 10
    return dict(device=torch.cuda.get_device_name(), per_point=per_point, proj_min=per_point * 4950 * 10 / 60)


COLA = 'unacceptable,acceptable'   # the benchmark models' two outputs, read as CoLA's labels


# ---------------- 4. points per second, fp32 and bf16 ----------------
def bench_points(args, dev, key):
    import statistics as st
    from connectivity.data import load_task
    from connectivity.evalset import EvalSet
    from connectivity.paths import interpolate_pair
    m1, m2 = endpoints(MINILM if key == 'minilm' else BERT_BASE)
    m1, m2 = m1.to(dev), m2.to(dev)
    es = EvalSet.build(load_task('cola', 'in_domain_dev', data_dir=args.data_dir, num_exs=args.points_exs), tokenizer(), device=dev)
    flops = forward_flops(m1, [len(x) for x in es.input_ids])
    times, peaks, loss = {'fp32': [], 'bf16': []}, {'fp32': [], 'bf16': []}, {}
    for d in times: loss[d] = interpolate_pair(m1, m2, es, n_points=args.points_n, dtype=d, label_map=COLA).loss.values   # warm-up
    loads = []
    for _ in range(args.rounds):
        loads.append(load_avg())
        for d in times:
            peaks[d].append(matmul_peak(torch.float32 if d == 'fp32' else torch.bfloat16, dev, seconds=0.1))
            sync(dev); t0 = time.perf_counter(); interpolate_pair(m1, m2, es, n_points=args.points_n, dtype=d, label_map=COLA); sync(dev)
            times[d].append(time.perf_counter() - t0)
    out = dict(key=key, n=es.n, gflop=flops / 1e9, loads=(min(loads), max(loads)), dloss=float(np.abs(loss['fp32'] - loss['bf16']).max()))
    for d in times:
        t, pk = st.median(times[d]), st.median(peaks[d])
        out[d] = dict(s_per_point=t / args.points_n, points_per_s=args.points_n / t, gflops=flops * args.points_n / t / 1e9, peak=pk / 1e9)
    return out


# ---------------- 5. the replication's interpolation stage ----------------
def stage_child(args):
    "One rank of the stage (RANK / WORLD_SIZE from the environment); prints its seconds and evaluations."
    import connectivity.interpolate as ci
    from connectivity.core import model_refs
    from connectivity.data import load_task
    t0 = time.perf_counter()
    refs = model_refs(f'{args.family_dir}/m_')
    df = ci.interpolate_family(refs, ci.all_pairs([r.name for r in refs]), load_task('cola', 'in_domain_dev', data_dir=args.data_dir,
                               num_exs=args.stage_exs), results_dir=args.results_dir, n_points=args.stage_points, dtype=args.dtype,
                               device=args.device, quiet=True, share_endpoints=not args.legacy,
                               label_map=COLA)
    print('STAGE ' + json.dumps(dict(seconds=time.perf_counter() - t0, rows=len(df))), flush=True)


def bench_stage(args, d, dtype, legacy=False):
    "Wall seconds of the whole stage run by args.stage_procs processes (one thread each by default)."
    res = f'{d}/results_{dtype}{"_legacy" if legacy else ""}'
    cmd = [sys.executable, __file__, '--stage_child', '--family_dir', d, '--results_dir', res, '--data_dir', str(args.data_dir),
           '--stage_exs', str(args.stage_exs), '--stage_points', str(args.stage_points), '--dtype', dtype, '--device', args.device] + \
          (['--legacy'] if legacy else [])
    w = args.stage_procs
    t0, l0 = time.perf_counter(), load_avg()
    ps = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=dict(os.environ, HF_HUB_OFFLINE='1', RANK=str(r), WORLD_SIZE=str(w), LOCAL_RANK=str(r))) for r in range(w)]
    outs = [p.communicate() for p in ps]
    wall = time.perf_counter() - t0
    if any(p.returncode for p in ps): raise RuntimeError(f"stage child failed:\n{outs[0][1][-3000:]}")
    evals = sum(len(open(f).read().splitlines()) - 1 for f in Path(res).glob('endpoints-rank*.jsonl'))
    recs = [json.loads(l) for f in Path(res).glob('results-rank*.jsonl') for l in open(f).read().splitlines()[1:]]
    evals += sum('endpoint' not in r for r in recs)
    from connectivity.results import read_results
    return dict(dtype=dtype, legacy=legacy, wall=wall, evals=evals, points=len(recs), load=(l0, load_avg()),
                table=read_results(res))


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
    ap.add_argument('--skip_points', action='store_true', help='skip 4. (points per second, fp32 and bf16)')
    ap.add_argument('--points_exs', type=int, default=527, help='4.: CoLA in-domain dev sentences per point')
    ap.add_argument('--points_n', type=int, default=10, help='4.: points of the timed path')
    ap.add_argument('--points_shapes', nargs='+', default=['minilm', 'bert-base'])
    ap.add_argument('--rounds', type=int, default=3, help='4.: interleaved rounds (the median is reported)')
    ap.add_argument('--stage', action='store_true', help="run 5. (the replication's interpolation stage; minutes)")
    ap.add_argument('--stage_models', type=int, default=12); ap.add_argument('--stage_points', type=int, default=10)
    ap.add_argument('--stage_exs', type=int, default=527); ap.add_argument('--stage_procs', type=int, default=2)
    ap.add_argument('--stage_dtypes', nargs='+', default=['bf16', 'fp32'])
    ap.add_argument('--stage_legacy', action='store_true', help='5.: also fp32 with every path evaluating its own endpoints')
    ap.add_argument('--stage_child', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--results_dir', help=argparse.SUPPRESS); ap.add_argument('--dtype', help=argparse.SUPPRESS)
    ap.add_argument('--legacy', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--family_child', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--family_dir', help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.family_child: return family_child(args)
    if args.stage_child: return stage_child(args)
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
    if not args.skip_points:
        print(f"\n4. Points per second: one {args.points_n}-point path (interpolate_pair) x {args.points_exs} CoLA in-domain dev "
              f"sentences, {dev}, {torch.get_num_threads()} thread(s), {args.rounds} interleaved rounds; GFLOP/s of real tokens "
              "against the matmul peak measured in the same rounds")
        print("| shape | precision | s/point | points/s | GFLOP/s | matmul peak GFLOP/s | of peak | bf16 vs fp32 | max abs loss diff | load avg |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for key in args.points_shapes:
            r = bench_points(args, dev, key)
            for d in ('fp32', 'bf16'):
                x = r[d]
                print(f"| {key} ({r['gflop']:.0f} GFLOP/point) | {d} | {x['s_per_point']:.3f} | {x['points_per_s']:.2f} | {x['gflops']:.1f} | "
                      f"{x['peak']:.0f} | {x['gflops']/x['peak']:.0%} | {r['fp32']['s_per_point']/x['s_per_point']:.2f}x | "
                      f"{r['dloss']:.1e} | {r['loads'][0]:.1f}-{r['loads'][1]:.1f} |", flush=True)
    if args.stage:
        tok = tokenizer()
        with tempfile.TemporaryDirectory() as d:
            base = make(MINILM, seed=0)
            for i in range(args.stage_models):
                m = make(MINILM, seed=0)
                with torch.no_grad():
                    g = torch.Generator().manual_seed(100 + i)
                    for p, q in zip(m.parameters(), base.parameters()): p.copy_(q + 0.02 * torch.randn(q.shape, generator=g))
                m.save_pretrained(f'{d}/m_{i}'); tok.save_pretrained(f'{d}/m_{i}')
            runs = [bench_stage(args, d, dt) for dt in args.stage_dtypes]
            if args.stage_legacy: runs.append(bench_stage(args, d, 'fp32', legacy=True))
        n = args.stage_models; pairs = n * (n - 1) // 2
        print(f"\n5. The replication's interpolation stage: {n} MiniLM-size models, {pairs} pairs x {args.stage_points} points x "
              f"{args.stage_exs} CoLA sentences, {args.stage_procs} processes x {os.environ.get('OMP_NUM_THREADS', '?')} thread(s), {args.device}")
        print("| precision | endpoints | evaluations | wall | vs first row | load avg (start-end) |\n|---|---|---|---|---|---|")
        for r in runs:
            print(f"| {r['dtype']} | {'every path its own' if r['legacy'] else 'each model once'} | {r['evals']} | {r['wall']:.0f} s "
                  f"({r['wall']/60:.1f} min) | {runs[0]['wall']/r['wall']:.2f}x | {r['load'][0]:.1f}-{r['load'][1]:.1f} |")
        f32 = [r for r in runs if r['dtype'] == 'fp32' and not r['legacy']]
        if f32 and any(r['dtype'] == 'bf16' for r in runs):
            b = next(r for r in runs if r['dtype'] == 'bf16')
            print(f"max abs loss difference bf16 vs fp32 over the {len(b['table'])} points: "
                  f"{np.abs(b['table'].loss.values - f32[0]['table'].loss.values).max():.1e}")


if __name__ == '__main__': main()
