#!/usr/bin/env bash
# The replication of nbs/explanations/replication.ipynb: 8 seeds of all-MiniLM-L6-v2 fine-tuned on CoLA, then the
# paper's pipeline through the CLIs. Run from this folder: `bash pipeline.sh [DATA_DIR]`. Outputs go to _runs/
# (ignored by git); every stage skips or resumes what is already done, and its wall time is appended to
# _runs/timings.tsv. On a 2-core CPU: OMP_NUM_THREADS=1 and two training processes (seeds 0-3 and 4-7).
set -euo pipefail
DATA=${1:-${CONNECTIVITY_TEST_DATA:-../../../shared/data}}
R=_runs; mkdir -p $R
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}
stage() { local name=$1; shift; local t0=$(date +%s.%N); "$@"; printf '%s\t%.1f\n' "$name" "$(echo "$(date +%s.%N) - $t0" | bc)" >> $R/timings.tsv; }

# 1. the family: full fine-tuning (word-embedding matrix frozen), BERT's recipe, only the seed differs
train() { OMP_NUM_THREADS=1 connectivity_train --base_model all-MiniLM-L6-v2 --dataset cola --split train --data_dir "$DATA" \
    --seeds "$@" --max_steps 1000 --batch_size 16 --learning_rate 1e-4 --freeze_embeddings --group_by_length \
    --output_prefix $R/family/seed_ --quiet; }
stage train bash -c "$(declare -f train); DATA='$DATA' R=$R; train 0 1 2 3 & train 4 5 6 7 & wait"

# 2. in-domain and out-of-domain evaluation (MCC, accuracy, loss; the paper's per-model JSON files)
stage eval bash -c "for s in in_domain_dev out_domain_dev; do [ -f $R/eval/\${s}_summary.json ] ||
    connectivity_eval --base_models_prefix $R/family/seed_ --dataset cola --split \$s --data_dir '$DATA' \
        --write_file_prefix $R/eval/\${s}_ --overwrite --quiet; done"

# 3. all 28 pairs, 10 points each, on the 527 in-domain dev sentences
stage interpolate connectivity_interpolate --base_models_prefix $R/family/seed_ --all_pairs --dataset cola \
    --split in_domain_dev --data_dir "$DATA" --num_exs 527 --n_sample 8 --results_dir $R/interpolation --quiet

# 4. barrier heatmap and clusters, the embedding-OOD correlation, curves between generalizing and heuristic seeds
stage heatmap connectivity_heatmap --interpol_log_dir $R/interpolation --eval_mods_prefix $R/eval/out_domain_dev_ \
    --eval_metric mcc --order_by cluster --ticks accs --emb_acc_corr --out $R/heatmap
stage curves connectivity_curves --interpol_log_dir $R/interpolation --eval_mods_prefix $R/eval/out_domain_dev_ \
    --eval_metric mcc --out $R/curves

# 5. a coarse 2-D surface through three seeds (two clusters represented, when there are two) on 256 dev sentences
read A B C < <(python - "$R/heatmap" <<'PY'
import json, sys, glob
s = json.load(open(sorted(glob.glob(sys.argv[1] + '/*.json'))[0]))
cl = sorted(s['clusters'], key=len, reverse=True)
big, small = cl[0], (cl[1] if len(cl) > 1 else [])
pick = (big[:2] + small[:1]) if small else big[:3]
print(*pick)
PY
)
stage surface connectivity_surface --base_models_prefix $R/family/seed_ --anchor $A --base1 $B --base2 $C \
    --dataset cola --split in_domain_dev --data_dir "$DATA" --num_exs 256 --range 1.5 --n_pts_per_unit 3 \
    --out $R/surface/surface_${A}_${B}_${C}.npz --quiet

# 6. epsilon-sharpness of every seed (Keskar et al.; the paper's epsilon 1e-5) on 256 in-domain dev sentences
stage sharpness bash -c "mkdir -p $R/sharpness; for d in $R/family/seed_*; do s=\${d##*seed_}
    [ -f $R/sharpness/seed_\$s.json ] || connectivity_sharpness --model \$d --dataset cola --split in_domain_dev \
        --data_dir '$DATA' --batch_size 128 --n_batches 2 --max_steps 10 --out $R/sharpness/seed_\$s.json --quiet; done"
