#!/usr/bin/env python3
"""news-5k through standpoints.dask.read_jsonl on a LocalCluster of one worker process against
two, end to end to Parquet: the speed-up of the second process.

    python benchmarks/dask_scaling.py [--corpus ../shared/corpus/news-5k.jsonl.gz] [--runs 3]
                                      [--blocksize 1MiB] [--workers 1 2]

What is timed, per run and per cluster, wall clock, as a user waits for it: ``read_jsonl`` (file
size and blocks, the sample for extra columns, the first pass over lines and ids on the cluster)
and writing the five tables with ``to_parquet`` (the analysis, the frames, the Parquet files). Not
timed: decompressing the corpus once to a plain ``.jsonl`` in a temporary folder (a ``.gz`` file is
one partition, so the plain file is what spreads over processes), starting the clusters, and
building each worker's Analyzer (a warm-up run on every worker, reported apart; the cache keeps it
for the timed runs). The clusters run side by side and take turns (1, 2, 1, 2, ...), so that a
change in the machine's load falls on both; the best run of each counts. Also reported: the CPU
seconds each worker spent (equal sums for one and two processes mean the second costs no extra
work; sum over busiest near the number of processes means the work was shared evenly, the bound a
quiet machine's speed-up approaches), the load average, and the machine's own parallelism at the
time: how much more work two busy processes (a plain Python loop, no Dask) get done than one,
before and after the runs. On an idle 2-core machine that is 2.0x; when other jobs hold a core it
drops (1.1x seen here), and no speed-up of Dask can exceed it, so compare the two.

Not a test: it prints figures (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news-5k.jsonl.gz"


def _cpu() -> float:
    return time.process_time()


def _warm() -> float:
    """Builds the worker's Analyzer (the default one) and returns the seconds it took."""
    import standpoints.dask as sd

    t = time.perf_counter()
    sd._analyzer(None).parse("Russia warned NATO.")
    return time.perf_counter() - t


def _spin(n: int) -> float:
    t = time.perf_counter()
    x = 0
    for i in range(n):
        x += i
    return time.perf_counter() - t


def machine_parallelism(processes: int, n: int = 10_000_000) -> float:
    """How much more work `processes` busy processes get done than one, right now: the ceiling
    of any speed-up on this machine at this moment (the number of processes on an idle machine)."""
    import multiprocessing

    one = _spin(n)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        pool.map(_spin, [1000] * processes)  # started
        t = time.perf_counter()
        pool.map(_spin, [n] * processes)
        many = time.perf_counter() - t
    return processes * one / many


def run_once(client, src: Path, out: Path, blocksize: str) -> tuple[float, list[float], int]:
    """Wall seconds, each worker's CPU seconds and the partitions of one run end to end to Parquet."""
    import dask
    import standpoints.dask as sd

    cpu0 = client.run(_cpu)
    t = time.perf_counter()
    with dask.config.set(scheduler=client):  # the first pass of read_jsonl runs on this cluster too
        frames = sd.read_jsonl(src, blocksize=blocksize)
        sd.to_parquet(frames, out)
    wall = time.perf_counter() - t
    cpu = [c - cpu0[w] for w, c in client.run(_cpu).items()]
    return wall, cpu, frames["documents"].npartitions


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--blocksize", default="1MiB", help="bytes of the plain file per partition")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker processes of each cluster")
    args = ap.parse_args()

    import pandas as pd
    from distributed import Client, LocalCluster

    tmp = Path(tempfile.mkdtemp(prefix="standpoints-dask-bench-"))
    clusters = {}
    try:
        src = tmp / "news.jsonl"
        with gzip.open(args.corpus, "rb") as f, open(src, "wb") as g:
            shutil.copyfileobj(f, g)
        print(f"corpus: {args.corpus.name}, {os.path.getsize(src) / 1e6:.1f} MB of JSON Lines, blocks of "
              f"{args.blocksize}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        for n in args.workers:
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
                                   silence_logs=50)
            client = Client(cluster, set_as_default=False)
            loads = client.run(_warm)
            clusters[n] = (cluster, client)
            print(f"{n} worker process(es): Analyzer built in {', '.join(f'{s:.2f}' for s in loads.values())} s "
                  "(not timed)")
            run_once(client, src, tmp / f"warm-{n}", args.blocksize)  # imports, first tasks (not timed)

        top = max(args.workers)
        ceiling = [machine_parallelism(top)]
        results: dict[int, list[tuple[float, list[float], int]]] = {n: [] for n in args.workers}
        for r in range(args.runs):
            for n in args.workers:
                results[n].append(run_once(clusters[n][1], src, tmp / f"out-{n}", args.blocksize))
                wall, cpu, parts = results[n][-1]
                print(f"run {r + 1}, {n} process(es): {wall:.2f} s wall, worker CPU "
                      f"{' + '.join(f'{c:.2f}' for c in cpu)} s, {parts} partitions, "
                      f"load average {os.getloadavg()[0]:.1f}")
        ceiling.append(machine_parallelism(top))
        docs = len(pd.read_parquet(tmp / f"out-{args.workers[0]}" / "documents", columns=["doc_id"]))

        base = min(w for w, _, _ in results[args.workers[0]])
        print(f"\n{docs} documents to Parquet, best of {args.runs} (wall clock); CPU of the workers in that run:")
        print("| worker processes | wall (best) | documents/s | speed-up | worker CPU, sum | busiest worker |")
        print("|---|---|---|---|---|---|")
        for n in args.workers:
            wall, cpu, _ = min(results[n])
            print(f"| {n} | {wall:.2f} s | {docs / wall:,.0f} | **{base / wall:.2f}x** | {sum(cpu):.2f} s "
                  f"| {max(cpu):.2f} s |")
        print(f"\nThe machine meanwhile: {top} busy processes (a Python loop, no Dask) did "
              f"{ceiling[0]:.2f}x the work of one before the runs and {ceiling[1]:.2f}x after "
              f"({top:.2f}x on an idle machine): the ceiling of any speed-up at that time.")
    finally:
        for cluster, client in clusters.values():
            client.close()
            cluster.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
