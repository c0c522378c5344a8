"""`python -m newsevents.cli`: the `newsevents` command without its console script (a checkout on
PYTHONPATH, or a test running the command in a process of its own)."""

from newsevents.cli import main

if __name__ == "__main__":
    main(prog_name="newsevents")
