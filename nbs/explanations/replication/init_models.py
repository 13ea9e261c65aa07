"""Save each seed's starting point: the pretrained body with the head `connectivity_train` initialized for that seed
(`connectivity.classifier.build_classifier`, the same call and seed), so that the path from a seed's start to its
fine-tuned weights can be interpolated: a path whose answer is known (fine-tuning lowered the loss along it).

Usage: python init_models.py OUTPUT_PREFIX SEED [SEED ...]   (skips seeds already saved)"""
import sys
from pathlib import Path
from transformers import AutoTokenizer
from connectivity.classifier import build_classifier, base_model_path
from connectivity.data import TASK_LABELS

prefix, seeds = sys.argv[1], [int(s) for s in sys.argv[2:]]
if not seeds: sys.exit("init_models.py: error: give the seeds")
path, _ = base_model_path('all-MiniLM-L6-v2')
for s in seeds:
    out = Path(f'{prefix}{s}')
    if (out/'config.json').exists(): continue
    model, _ = build_classifier('all-MiniLM-L6-v2', TASK_LABELS['cola'], seed=s)
    model.eval().save_pretrained(str(out)); AutoTokenizer.from_pretrained(path).save_pretrained(str(out))
print(f"starting points of seeds {seeds} in {prefix}*")
