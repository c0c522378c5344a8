"""Scoring against gold sets, one module per kind of gold: events, places (toponyms), quotes, figures.

The entry point is `newsevents.evaluate.run_evaluation`; `codes` normalises actor codes and PLOVER
names, `gold` reads and recognises gold files, `predictions` pairs gold records with extractions.
"""
