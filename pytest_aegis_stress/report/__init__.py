"""The outputs of a session: the CSV and JSON files, baseline comparison, marker thresholds.

Plain functions and classes over results and rows; nothing here imports pytest.
"""
