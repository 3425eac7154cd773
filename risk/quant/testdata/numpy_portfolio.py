"""Hand-vectorised numpy twin of BenchmarkPortfolio1000Risks10000Years.

The same workload as risk/quant's benchmark: 1,000 risks, rates 0.05-1.0 a
year, lognormal losses given by a 5th percentile of 10k-100k and a 95th/5th
ratio of 5-35, 10,000 simulated years; year totals, the 50/90/95/99/99.9th
percentiles, the mean and the per-risk means. Prints the CPU seconds of each
of three runs and their median, for a side-by-side comparison in one run:

    /usr/bin/python3 risk/quant/testdata/numpy_portfolio.py
    go test -run '^$' -bench Portfolio1000Risks10000Years/workers=1 -benchtime 5x -count 3 ./risk/quant

It is a measuring aid, not part of the library or its tests.
"""
import statistics
import time

import numpy as np

Z95 = 1.6448536269514722


def portfolio(rng, risks=1000):
    low = 10_000 + rng.random(risks) * 90_000
    ratio = 5 + rng.random(risks) * 30
    rate = np.round(0.05 + rng.random(risks) * 0.95, 4)
    high = low * ratio
    mu = (np.log(low) + np.log(high)) / 2
    sigma = (np.log(high) - np.log(low)) / (2 * Z95)
    return rate, mu, sigma


def simulate(rate, mu, sigma, years, rng):
    totals = np.zeros(years)
    means = np.empty(len(rate))
    for i in range(len(rate)):
        counts = rng.poisson(rate[i], years)
        n = int(counts.sum())
        losses = rng.lognormal(mu[i], sigma[i], n)
        per_year = np.bincount(np.repeat(np.arange(years), counts), weights=losses, minlength=years)
        means[i] = per_year.mean()
        totals += per_year
    pct = np.percentile(totals, [50, 90, 95, 99, 99.9], method="inverted_cdf")
    return totals.mean(), pct, means


def main():
    rng = np.random.default_rng(42)
    rate, mu, sigma = portfolio(rng)
    cpu = []
    for _ in range(3):
        t = time.process_time()
        mean, pct, _ = simulate(rate, mu, sigma, 10_000, rng)
        cpu.append(time.process_time() - t)
    print("numpy", np.__version__, "runs (CPU s):", " ".join(f"{c:.3f}" for c in cpu))
    print(f"median {statistics.median(cpu):.3f} s = {statistics.median(cpu) / 1e7 * 1e9:.1f} ns/risk-year; mean {mean:.0f}, p99 {pct[3]:.0f}")


if __name__ == "__main__":
    main()
