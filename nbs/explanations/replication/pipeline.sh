#!/usr/bin/env bash
# The replication of nbs/explanations/replication.ipynb: 12 seeds of all-MiniLM-L6-v2 fully fine-tuned on CoLA with the
# paper's recipe (lr 2e-5, batch 32; 3 epochs), then the analysis through the commands a user types.
#
#   bash pipeline.sh [--quick] [DATA_DIR]
#
# DATA_DIR: the folder of the task files (default: $CONNECTIVITY_TEST_DATA, else shared/data beside the repository).
# Every output goes into the run folder (_runs/, or _runs_quick/ with --quick; both ignored by git). Every stage skips
# or resumes what is done, so the script can be rerun as it is; a stage that fails (a seed that fails to train
# included) stops the script with its status, and Ctrl-C stops the background trainers too. The wall time of each
# stage's last run is in <run>/timings.tsv (one line per stage, replaced by a rerun; the page takes the training and
# interpolation times from the runs' own records, which a resumed stage does not reset). Needs bash and python3 only.
# --quick runs every stage on 3 seeds (the fewest connectivity_report takes) and a few steps, in a few minutes.
set -euo pipefail
cd "$(dirname "$0")"
QUICK=0
if [ "${1:-}" = "--quick" ]; then QUICK=1; shift; fi
DATA=${1:-${CONNECTIVITY_TEST_DATA:-$(cd ../../../.. && pwd)/shared/data}}
[ -d "$DATA/cola" ] || { echo "pipeline.sh: error: no CoLA data in $DATA: pass the data folder (see shared/data/README.md)" >&2; exit 2; }
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}
if [ $QUICK = 1 ]; then
  R=_runs_quick; SEEDS_A="0 1"; SEEDS_B="2"; TRAIN="--max_steps 4 --num_exs 128"; EXS=48; N_SAMPLE=2; BOOT=50
  SURFACE="--range 1 --n_pts_per_unit 1 --num_exs 16"; SHARP="--batch_size 16 --n_batches 1 --max_steps 2"
else
  R=_runs; SEEDS_A="0 1 2 3 4 5"; SEEDS_B="6 7 8 9 10 11"; TRAIN="--num_train_epochs 3"; EXS=527; N_SAMPLE=8; BOOT=1000
  SURFACE="--range 1.5 --n_pts_per_unit 3 --num_exs 256"; SHARP="--batch_size 128 --n_batches 2 --max_steps 0 --tol 1e-4"
fi
SEEDS="$SEEDS_A $SEEDS_B"
mkdir -p $R
now() { python3 -c 'import time; print(time.time())'; }
stage() {   # run a stage, then replace its line of timings.tsv with its wall time
  local name=$1; shift; local t0; t0=$(now); "$@"
  python3 - "$R/timings.tsv" "$name" "$t0" <<'PY'
import sys, time
path, name, t0 = sys.argv[1], sys.argv[2], float(sys.argv[3])
try: rows = [l.split('\t') for l in open(path).read().splitlines() if l.strip()]
except FileNotFoundError: rows = []
rows = [r for r in rows if r[0] != name] + [[name, f'{time.time() - t0:.1f}']]
open(path, 'w').write(''.join('\t'.join(r[:2]) + '\n' for r in rows))
PY
}

# 1. the family: the paper's CoLA recipe, nothing frozen, only the seed differs (two processes of one thread each)
train() { OMP_NUM_THREADS=1 connectivity_train --base_model all-MiniLM-L6-v2 --dataset cola --split train --data_dir "$DATA" \
    --seeds "$@" $TRAIN --batch_size 32 --learning_rate 2e-5 --group_by_length --output_prefix $R/family/seed_ --quiet; }
train_all() {   # two processes; Ctrl-C (or a failure of the script) stops both
  train $SEEDS_A & local a=$!; train $SEEDS_B & local b=$!
  trap "kill $a $b 2>/dev/null; exit 130" INT TERM
  local rc=0; wait $a || rc=1; wait $b || rc=1; trap - INT TERM; return $rc; }
stage train train_all

# 2. each seed's starting point (the pretrained body with its seeded head): for paths whose answer is known
stage init python3 init_models.py $R/init/seed_ $SEEDS

# the analysis stages run as two processes of one thread each, under torchrun (they share the models and the pairs)
RUN2="env OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node 2 -m connectivity.cli"

# 3. the whole analysis: all pairs interpolated on the in-domain dev set with per-example outputs (each seed evaluated
#    once), evaluation out of domain, intervals, the basins supported, association with out-of-domain MCC
stage report $RUN2 connectivity_report --base_models_prefix $R/family/seed_ --models $SEEDS --dataset cola --split in_domain_dev \
    --ood_dataset cola --ood_split out_domain_dev --perf_metric mcc --data_dir "$DATA" --num_exs $EXS --n_sample $N_SAMPLE \
    --bootstrap $BOOT --out $R/report --quiet

# 4. the reference: from each seed's starting point to the seed (fine-tuning lowered the loss along it)
pairs=""; models=""; for s in $SEEDS; do pairs="$pairs $R/init/seed_$s,$R/family/seed_$s"; models="$models $R/init/seed_$s $R/family/seed_$s"; done
stage reference connectivity_interpolate --models $models --suffix_pairs $pairs --dataset cola --split in_domain_dev \
    --data_dir "$DATA" --num_exs $EXS --n_sample $N_SAMPLE --out $R/reference --quiet

# 5. a 2-D surface through three seeds: the two of the largest cluster the paper's clustering found and one of the other
read A B C < <(python3 - "$R/report/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
cl = sorted(s.get('paper_clusters') or s['clusters'], key=len, reverse=True)   # the paper's clustering, as the paper drew it
print(*((cl[0][:2] + cl[1][:1]) if len(cl) > 1 and cl[1] else cl[0][:3]))
PY
)
SURF=$R/surface/surface_${A}_${B}_${C}.npz   # keyed on its seeds: another choice of seeds is another surface
surface() { [ -f $SURF ] || connectivity_surface --base_models_prefix $R/family/seed_ --models $A $B $C \
    --dataset cola --split in_domain_dev --data_dir "$DATA" $SURFACE --out $SURF --quiet; }
stage surface surface

# 6. epsilon-sharpness of every seed (Keskar et al.; the paper's epsilon 1e-5), run until the ascent converges
stage sharpness $RUN2 connectivity_sharpness --base_models_prefix $R/family/seed_ --models $SEEDS --dataset cola --split in_domain_dev \
    --data_dir "$DATA" $SHARP --out $R/sharpness.json --quiet

# 7. the cost of the paper's base model here: a training step of BERT-base's shape, this recipe, one thread
bert_step() { [ -f $R/bench_train.json ] || OMP_NUM_THREADS=1 python3 ../../../bench/bench_train.py --only bert-base --threads 1 \
    --batch_size 32 --steps $([ $QUICK = 1 ] && echo 3 || echo 8) --data "$DATA" --json $R/bench_train.json; }
stage bert_step bert_step

# 8. the small files the page reads (never weights), into this folder (full run) or the run folder (--quick)
stage collect python3 collect.py $R $([ $QUICK = 1 ] && echo $R/collected || echo .) "$DATA" $SURF
echo "pipeline.sh: done; timings in $R/timings.tsv"
