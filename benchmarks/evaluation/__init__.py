"""Scoring against gold sets, one module per kind of gold: events, places (toponyms), quotes, figures.

It lives in the repository, not in the installed package: the gold-set readers and the tables
that map each data set's labels onto ours are knowledge about other people's data sets, needed
to measure the product but not to use it. The entry point is `run.run_evaluation`; `codes`
normalises actor codes and PLOVER names, `gold` reads and recognises gold files, `predictions`
pairs gold records with extractions, and `tables` reads every data table they use.
"""
