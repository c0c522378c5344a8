"""The project's benchmarks: accuracy on public gold sets (with the quality gate) and speed.

A package so that the gold-set evaluation (`benchmarks.evaluation`) can be imported by the
tests, by the benchmark scripts and by `newsevents evaluate` in a source checkout.
"""
