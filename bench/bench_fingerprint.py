"""Benchmark of weights fingerprints (`connectivity.models.model_fingerprint`, scheme 2: every byte hashed).

1. Hash speed: hashlib's candidates on this CPU, in memory (what the choice of SHA-256 rests on).
2. Cost on a weights file of `--mb` MB (440 MB: a BERT-base checkpoint), written to a temporary folder and deleted after:
   - first read with the file out of the page cache (evicted with posix_fadvise), the disk's speed included;
   - first read with the file in the page cache (a file just written or read by another run);
   - a cached read in the same process (the digest remembered) and in a new process (the user cache on disk).

Usage: python bench/bench_fingerprint.py [--mb 440] [--dir /tmp]
"""
import argparse, hashlib, os, shutil, tempfile, time
from pathlib import Path

import connectivity.models as cm


def hash_speed(mb:int=256)->list[tuple[str, float]]:
    "GB/s of each hashlib algorithm on `mb` MB of random bytes in memory (best of 3)."
    buf = os.urandom(mb << 20); out = []
    for name in ('sha256', 'sha1', 'blake2b', 'md5'):
        best = min(_time(lambda: hashlib.new(name, buf).digest()) for _ in range(3))
        out.append((name, mb / 1024 / best))
    return out


def _time(f)->float:
    t = time.perf_counter(); f(); return time.perf_counter() - t


def evict(path:Path):
    "Drop a file's pages from the page cache (Linux), so the next read comes from the disk."
    with open(path, 'rb') as f: os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--mb', type=int, default=440); ap.add_argument('--dir', default=tempfile.gettempdir())
    a = ap.parse_args()
    print('| hash | GB/s (in memory) |\n| --- | --- |')
    for name, gbs in hash_speed(): print(f'| {name} | {gbs:.2f} |')
    root = Path(tempfile.mkdtemp(prefix='bench_fingerprint_', dir=a.dir))
    try:
        os.environ['CONNECTIVITY_CACHE'] = str(root/'cache')
        cm._RACY_NS = 0   # the file is seconds old; a real weights file is not
        model = root/'model'; model.mkdir(); f = model/'model.safetensors'
        with open(f, 'wb') as g:
            for _ in range(a.mb): g.write(os.urandom(1 << 20))
        rows = []
        evict(f); cm._DIGESTS.clear(); (root/'cache').exists() and shutil.rmtree(root/'cache')
        rows.append(('first read, file not in the page cache', _time(lambda: cm.file_digest(f, cache=False))))
        rows.append(('first read, file in the page cache', _time(lambda: cm.file_digest(f, cache=False))))
        cm._DIGESTS.clear(); cm.file_digest(f)   # fills both caches
        rows.append(('cached: same process', _time(lambda: cm.model_fingerprint(model))))
        cm._DIGESTS.clear()
        rows.append(('cached: new process (user cache on disk)', _time(lambda: cm.model_fingerprint(model))))
        print(f'\n| {a.mb} MB weights file | seconds | GB/s |\n| --- | --- | --- |')
        for what, s in rows: print(f'| {what} | {s:.4f} | {a.mb / 1024 / s:.2f} |')
    finally: shutil.rmtree(root, ignore_errors=True)


if __name__ == '__main__': main()
