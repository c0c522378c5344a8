"""Word lists behind the figures (casualty and displacement counts) and quotes stages.

The lists are data files in `figures/data/` that a researcher can read and extend; this
package only loads and validates them, so `quantities.py` and `quotes.py` hold logic alone.
"""
