"""Benchmark: evaluating one model, the paper's recipe vs `connectivity.evaluate` in fp32 and in bf16.

Same real sentence pairs (the first N of PAWS-QQP dev), same random weights, per model shape (MiniLM-L6 and
BERT-base, random init, the real uncased BERT vocabulary):
  original: every example padded to 512 tokens, fp32, eager attention, batches of 512 (as the paper's
            eval_models.py / interpolate_1d.py; re-implemented here as in shared/bench/original_recipe.py). It is
            linear in examples (all padded to 512), so on a CPU it is timed on --orig_n examples and scaled to N
            (printed as such); with --orig_n N it is timed in full. A smaller batch of 512-token examples runs
            faster per example than its real batch of up to 512 (less memory traffic), so a scaled time is a lower
            bound of the original's, and the speedups printed with it lower bounds too.
  library:  load_task -> EvalSet.build (tokenize once, sort by length, token-budget batches padded to their own
            longest example) -> evaluate (SDPA), in fp32 and in bf16 autocast (the default where bf16 is native:
            CUDA, and CPUs with AVX512-BF16/AMX; `connectivity.core.native_bf16`).
The three are timed in interleaved rounds (the machine may be shared: each round runs each recipe once); the
medians are printed. Printed per shape: seconds, examples/s, achieved GFLOP/s (useful FLOPs: real tokens, no padding) against
the matmul peak measured in the same run, the speedup over the original, and |loss difference|.

  OMP_NUM_THREADS=2 python bench/bench_eval.py                          # CPU: MiniLM-L6 and BERT-base, 256 pairs
  OMP_NUM_THREADS=2 python bench/bench_eval.py --shape bert-base --orig_n 256   # the original in full
  python bench/bench_eval.py --device cuda --n 4096 --orig_n 4096
"""
import argparse, math, os, statistics as st, time
from pathlib import Path

import torch, torch.nn.functional as F

from common import MINILM, BERT_BASE, tokenizer, make, sync, forward_flops, matmul_peak, load_avg

REPO = Path(__file__).resolve().parent.parent
p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
p.add_argument('--data_dir', default=os.environ.get('CONNECTIVITY_TEST_DATA', str(REPO.parent/'shared'/'data')),
               help='folder holding paws_qqp/dev_and_test.tsv')
p.add_argument('--n', type=int, default=256, help='sentence pairs (PAWS-QQP dev, repeated if more than 677)')
p.add_argument('--orig_n', type=int, default=None, help='examples the original recipe is timed on (default: 32 on CPU, --n on CUDA)')
p.add_argument('--shape', default='both', choices=['minilm', 'bert-base', 'both'])
p.add_argument('--device', default='cpu', help='cpu, cuda, auto')
p.add_argument('--max_tokens', type=int, default=None, help='library token budget per batch (default: per device)')
p.add_argument('--batch_size', type=int, default=512, help='library cap on examples per batch (the original --batch_size)')
p.add_argument('--orig_batch_size', type=int, default=512, help='original recipe batch size')
p.add_argument('--rounds', type=int, default=3, help='interleaved timed rounds (the median is reported)')
a = p.parse_args()

from connectivity.core import get_device
from connectivity.data import load_task
from connectivity.evalset import EvalSet
from connectivity.evaluate import evaluate

dev = get_device(a.device)
torch.backends.cuda.matmul.allow_tf32 = False  # true fp32 matmul for the original recipe
torch.backends.cudnn.allow_tf32 = False
orig_n = a.orig_n or (a.n if dev.type == 'cuda' else min(32, a.n))

def timed(fn):
    sync(dev); t0 = time.perf_counter(); out = fn(); sync(dev)
    return out, time.perf_counter() - t0

tok = tokenizer()
data = load_task('paws', data_dir=a.data_dir)
data.df = data.df.iloc[[i % len(data) for i in range(a.n)]].reset_index(drop=True)
s1, s2, labels = list(data.df.sentence1), list(data.df.sentence2), torch.tensor(data.df.label.values)


def orig_eval(model, n):
    "The original recipe on the first n examples: (mean loss, accuracy)."
    enc = tok(s1[:n], s2[:n], truncation=True, padding='max_length', max_length=512, return_tensors='pt')
    tot, correct = 0.0, 0
    with torch.no_grad():
        for i in range(0, n, a.orig_batch_size):
            xb = {k: v[i:i + a.orig_batch_size].to(dev) for k, v in enc.items()}
            yb = labels[i:min(i + a.orig_batch_size, n)].to(dev)
            lg = model(**xb).logits
            tot += F.cross_entropy(lg, yb, reduction='sum').item(); correct += (lg.argmax(-1) == yb).sum().item()
    return tot / n, correct / n


print(f"device={dev} ({torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu'}), threads={torch.get_num_threads()}, "
      f"torch {torch.__version__}, n={a.n} PAWS-QQP dev pairs; load average {load_avg():.1f} (shared machine)")
for key, name, shape in [('minilm', 'MiniLM-L6', MINILM), ('bert-base', 'BERT-base', BERT_BASE)]:
    if a.shape not in ('both', key): continue
    m_orig, m_lib = make(shape, 'eager').to(dev), make(shape, 'sdpa').to(dev)
    m_lib.load_state_dict(m_orig.state_dict())
    orig_eval(m_orig, min(4, orig_n))                                    # warm-up
    es, t_build = timed(lambda: EvalSet.build(data, tok, device=dev, max_tokens=a.max_tokens, batch_size=a.batch_size))
    sub = EvalSet.build(load_task('paws', data_dir=a.data_dir, num_exs=orig_n), tok, device=dev, max_tokens=a.max_tokens,
                        batch_size=a.batch_size) if orig_n < a.n else es
    l_sub = evaluate(m_lib, sub, dtype='fp32').metrics['loss']           # the library on the original's examples
    res, times = {}, {'original': [], 'fp32': [], 'bf16': []}
    for d in ('fp32', 'bf16'): res[d] = evaluate(m_lib, es, dtype=d).metrics   # warm-up
    loads, peaks = [], {torch.float32: [], torch.bfloat16: []}
    for _ in range(a.rounds):                                            # every recipe once per round
        loads.append(load_avg())
        for d in peaks: peaks[d].append(matmul_peak(d, dev, seconds=0.1))   # this round's matmul peak
        (o_loss, o_acc), t_o = timed(lambda: orig_eval(m_orig, orig_n)); times['original'].append(t_o * a.n / orig_n)
        for d in ('fp32', 'bf16'): times[d].append(timed(lambda: evaluate(m_lib, es, dtype=d))[1])
    t_orig = st.median(times['original'])
    peak = {d: st.median(v) for d, v in peaks.items()}
    flops = forward_flops(m_lib, [len(x) for x in es.input_ids])
    lens = [len(x) for x in es.input_ids]
    print(f"\n{name} ({sum(q.numel() for q in m_lib.parameters())/1e6:.1f}M params), {a.n} pairs, mean {sum(lens)/len(lens):.1f} tokens, "
          f"{flops/1e9:.0f} GFLOP per pass (real tokens); rounds: {a.rounds}, load average {min(loads):.1f}-{max(loads):.1f}; "
          f"matmul peak in the same rounds: fp32 {peak[torch.float32]/1e9:.0f}, bf16 {peak[torch.bfloat16]/1e9:.0f} GFLOP/s")
    print("| recipe | seconds | examples/s | GFLOP/s | of matmul peak | speedup vs original | abs loss diff |\n|---|---|---|---|---|---|---|")
    how = f"timed on {orig_n}, x {a.n}/{orig_n}" if orig_n < a.n else 'timed in full'
    print(f"| original (pad 512, fp32, eager, batch {a.orig_batch_size}; {how}) | {t_orig:.2f} | {a.n/t_orig:.1f} | "
          f"{flops/t_orig/1e9:.1f} | {flops/t_orig/peak[torch.float32]:.0%} | 1.0x | - |")
    for d in ('fp32', 'bf16'):
        t = st.median(times[d]); pk = peak[torch.float32 if d == 'fp32' else torch.bfloat16]
        diff = abs(l_sub - o_loss) if d == 'fp32' else abs(res['bf16']['loss'] - res['fp32']['loss'])
        print(f"| library evaluate, {d} ({es.spec['max_tokens']} tok/batch, EvalSet reused) | {t:.2f} | {a.n/t:.1f} | {flops/t/1e9:.1f} | "
              f"{flops/t/pk:.0%} | {t_orig/t:.1f}x | {diff:.1e} {'vs original' if d == 'fp32' else 'vs fp32'} |")
    t = st.median(times['bf16'])
    print(f"| library EvalSet.build + evaluate bf16 | {t_build + t:.2f} | {a.n/(t_build + t):.1f} | - | - | {t_orig/(t_build + t):.1f}x | - |")
