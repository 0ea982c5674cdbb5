"""The measurement engine: loops, executors, tallies, histograms, resources and results.

It drives callables and turns timestamps into figures; nothing here imports pytest, so a
script can use it as it is and tests can drive it with a fake clock.
"""
