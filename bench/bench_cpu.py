"""What pays on a CPU for the interpolation loop: one point = write the weights in place + evaluate, timed variant by variant.

Model: a BERT classifier of the MiniLM-L6 or BERT-base shape (random weights; endpoint b = a + 0.02 noise, the point
at t = 0.5); data: the 527 sentences of CoLA's in-domain dev set (the replication's), or the first --n. Variants:
  fp32, bf16                  the library (`evaluate`, dtype 'fp32' / 'bf16' autocast)
  bf16_cached                 bf16 autocast with the weights' bf16 copies cached for the whole evaluation
                              (parameters with requires_grad=True: autocast caches only those)
  fp32_onednn_bf16            fp32 model, oneDNN told to compute fp32 matmuls in bf16
                              (`torch.backends.mkldnn.matmul.fp32_precision = 'bf16'`)
  pure_bf16                   the live model itself in bf16 (no autocast; layer norms and softmax in bf16 too)
  compile_fp32, compile_bf16  `torch.compile` (inductor, dynamic shapes) of the live model; compile time printed apart
  jit_freeze_bf16             `torch.jit.trace` + `torch.jit.freeze` (oneDNN fusion, weights folded as constants),
                              redone at every point since the weights change; bf16 autocast
  bf16_tok<N>, fp32_tok<N>    token budget per batch (`EvalSet`'s max_tokens; the library's CPU default is 2048)
Then threads vs processes: points per second with 1 process x 1 thread, 1 process x 2 threads, 2 processes x 1 thread.
Every variant runs once per round, rounds interleaved (the machine may be shared: ratios within a round are what
counts); the median over rounds is printed with the ratio to fp32 and |loss - fp32 loss|.

Usage: OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 python bench/bench_cpu.py [--shape minilm|bert-base] [--n 527] [--rounds 5]
       [--variants fp32 bf16 ...] [--no_processes] [--device cpu]
"""
import argparse, copy, json, os, statistics as st, subprocess, sys, time
from pathlib import Path

import torch

from common import MINILM, BERT_BASE, tokenizer, make, sync, forward_flops, matmul_peak, load_avg

DATA = os.environ.get('CONNECTIVITY_TEST_DATA', str(Path(__file__).resolve().parents[2]/'shared'/'data'))
BUDGETS = (512, 1024, 4096, 8192, 16384)


def setup(a):
    from connectivity.data import load_task
    from connectivity.evalset import EvalSet
    from connectivity.paths import WeightPath, param_tensors
    shape = MINILM if a.shape == 'minilm' else BERT_BASE
    m1, m2 = make(shape, seed=0), make(shape, seed=0)
    with torch.no_grad():
        g = torch.Generator().manual_seed(1)
        for p1, p2 in zip(m1.parameters(), m2.parameters()): p2.copy_(p1 + 0.02 * torch.randn(p1.shape, generator=g))
    m1, m2 = m1.to(a.device), m2.to(a.device)
    live = copy.deepcopy(m1).requires_grad_(False)
    path = WeightPath(live, param_tensors(m1), param_tensors(m2))
    data = load_task('cola', 'in_domain_dev', data_dir=a.data_dir, num_exs=a.n)
    tok = tokenizer()
    sets = {mt: EvalSet.build(data, tok, device=a.device, max_tokens=mt) for mt in (2048, *BUDGETS)}
    return live, path, sets


def variants(a, live, path, sets):
    from connectivity.evaluate import evaluate
    def point(dtype='fp32', mt=2048, model=None):
        path.set(0.5)
        return evaluate(model if model is not None else live, sets[mt], dtype=dtype).metrics['loss']
    def cached():
        live.requires_grad_(True)
        try: return point('bf16')
        finally: live.requires_grad_(False)
    def onednn_bf16():
        torch.backends.mkldnn.matmul.fp32_precision = 'bf16'
        try: return point('fp32')
        finally: torch.backends.mkldnn.matmul.fp32_precision = 'none'
    pure = copy.deepcopy(live).to(torch.bfloat16)
    def pure_bf16():
        path.set(0.5)
        with torch.no_grad(): torch._foreach_copy_(list(pure.parameters()), list(live.parameters()))
        return evaluate(pure, sets[2048], dtype='fp32').metrics['loss']
    compiled = {}
    def compiled_point(dtype):
        if dtype not in compiled:
            t0 = time.perf_counter(); compiled[dtype] = torch.compile(live, dynamic=True)
            point(dtype, model=compiled[dtype]); COMPILE[dtype] = time.perf_counter() - t0   # the first call compiles
        return point(dtype, model=compiled[dtype])
    def jit_freeze():
        from connectivity.evalset import EvalSet
        path.set(0.5)
        es = sets[2048]; b0 = {k: v for k, v in es.batches[0].items() if k != 'labels'}
        with torch.inference_mode(False), torch.no_grad(), torch.autocast(a.device, dtype=torch.bfloat16):
            tm = torch.jit.trace(live, example_kwarg_inputs=b0, strict=False)
            fm = torch.jit.optimize_for_inference(torch.jit.freeze(tm.eval()))
        class Wrap(torch.nn.Module):   # `evaluate` wants `.logits` and a config
            def __init__(s):
                super().__init__(); object.__setattr__(s, 'm', fm)   # not a submodule: a frozen module has no `training`
                s.config, s.p = live.config, torch.nn.Parameter(torch.zeros(1, device=a.device))
            def forward(s, **b): return type('Out', (), {'logits': s.m(**b)['logits']})()
        return evaluate(Wrap(), es, dtype='bf16').metrics['loss']
    V = dict(fp32=lambda: point('fp32'), bf16=lambda: point('bf16'), bf16_cached=cached, fp32_onednn_bf16=onednn_bf16,
             pure_bf16=pure_bf16, compile_fp32=lambda: compiled_point('fp32'), compile_bf16=lambda: compiled_point('bf16'),
             jit_freeze_bf16=jit_freeze)
    for mt in BUDGETS:
        V[f'bf16_tok{mt}'] = (lambda mt: lambda: point('bf16', mt))(mt)
        V[f'fp32_tok{mt}'] = (lambda mt: lambda: point('fp32', mt))(mt)
    return V


COMPILE = {}


def child(a):
    "A worker process: --points points of bf16 (or --dtype) at --threads threads; prints its seconds."
    torch.set_num_threads(a.threads)
    live, path, sets = setup(a)
    from connectivity.evaluate import evaluate
    evaluate(live, sets[2048], dtype=a.dtype)
    print('READY', flush=True); sys.stdin.readline()    # start together
    t0 = time.perf_counter()
    for _ in range(a.points): path.set(0.5); evaluate(live, sets[2048], dtype=a.dtype)
    print('SECONDS', time.perf_counter() - t0, flush=True)


def processes(a, n_proc, threads, points):
    "Points per second of n_proc concurrent worker processes with `threads` threads each."
    cmd = [sys.executable, __file__, '--child', '--shape', a.shape, '--n', str(a.n), '--threads', str(threads), '--points', str(points),
           '--dtype', a.dtype, '--device', a.device, '--data_dir', a.data_dir]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    ps = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env) for _ in range(n_proc)]
    for p in ps: assert p.stdout.readline().strip() == 'READY'
    t0 = time.perf_counter()
    for p in ps: p.stdin.write('\n'); p.stdin.flush()
    for p in ps: p.wait()
    return n_proc * points / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--shape', default='minilm', choices=['minilm', 'bert-base'])
    ap.add_argument('--n', type=int, default=527, help='CoLA in-domain dev sentences (527: all)')
    ap.add_argument('--rounds', type=int, default=5)
    ap.add_argument('--variants', nargs='*', default=None, help='default: all (see above)')
    ap.add_argument('--no_processes', action='store_true', help='skip threads vs processes')
    ap.add_argument('--proc_points', type=int, default=4, help='points per worker in threads vs processes')
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--data_dir', default=DATA)
    ap.add_argument('--dtype', default='bf16', help='precision of threads vs processes')
    ap.add_argument('--threads', type=int, default=1, help='threads of the variants (and of a --child)')
    ap.add_argument('--child', action='store_true', help=argparse.SUPPRESS); ap.add_argument('--points', type=int, default=1, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child: return child(a)
    torch.set_num_threads(a.threads)
    live, path, sets = setup(a)
    V = variants(a, live, path, sets)
    names = a.variants or list(V)
    if names[0] != 'fp32': names = ['fp32'] + [n for n in names if n != 'fp32']
    loss, res = {}, {n: [] for n in names}
    for n in names: loss[n] = V[n]()                       # warm-up (and compilation)
    loads = []
    for _ in range(a.rounds):
        loads.append(load_avg())
        for n in names:
            sync(a.device); t0 = time.perf_counter(); V[n](); sync(a.device); res[n].append(time.perf_counter() - t0)
    flops = forward_flops(live, [len(x) for x in sets[2048].input_ids])
    peak = {d: matmul_peak(d, a.device) for d in (torch.float32, torch.bfloat16)}
    print(f"\n{a.shape} shape, {sets[2048].n} CoLA in-domain dev sentences, {flops/1e9:.1f} GFLOP per point, device {a.device}, "
          f"{a.threads} thread(s), torch {torch.__version__}; {a.rounds} interleaved rounds, load average {min(loads):.1f}-{max(loads):.1f} "
          f"(shared machine); matmul peak fp32 {peak[torch.float32]/1e9:.0f}, bf16 {peak[torch.bfloat16]/1e9:.0f} GFLOP/s")
    print(f"| variant | s/point (median) | vs fp32 | GFLOP/s | of its matmul peak | abs(loss - fp32 loss) |\n|---|---|---|---|---|---|")
    base = st.median(res['fp32'])
    for n in names:
        md = st.median(res[n]); pk = peak[torch.float32 if 'fp32' in n and 'onednn' not in n else torch.bfloat16]
        print(f"| {n} | {md:.3f} | {base/md:.2f}x | {flops/md/1e9:.1f} | {flops/md/pk:.0%} | {abs(loss[n]-loss['fp32']):.1e} |")
    for d, t in COMPILE.items(): print(f"torch.compile ({d}): first call (compilation) {t:.1f} s")
    if not a.no_processes and a.device == 'cpu':
        rows = {k: [] for k in ('1 process x 1 thread', '1 process x 2 threads', '2 processes x 1 thread')}
        for _ in range(max(1, a.rounds // 2)):
            rows['1 process x 1 thread'].append(processes(a, 1, 1, a.proc_points))
            rows['1 process x 2 threads'].append(processes(a, 1, 2, a.proc_points))
            rows['2 processes x 1 thread'].append(processes(a, 2, 1, a.proc_points))
        print(f"\nthreads vs processes ({a.dtype}, {a.proc_points} points per process, interleaved; load average {load_avg():.1f})")
        print("| layout | points/s (median) | vs 1 x 1 |\n|---|---|---|")
        b = st.median(rows['1 process x 1 thread'])
        for k, v in rows.items(): print(f"| {k} | {st.median(v):.3f} | {st.median(v)/b:.2f}x |")


if __name__ == '__main__': main()
