"""Fails if a committed notebook holds outputs or execution counts (CI runs this).

Notebooks are committed without outputs so that diffs stay readable and results are never stale:
CI executes them from scratch instead. Usage: python notebooks/check_stripped.py notebooks/*.ipynb
"""
import json
import sys

problems = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        notebook = json.load(handle)
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"{path}: cell {index} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"{path}: cell {index} has an execution count")
if problems:
    print("\n".join(problems))
    print("strip them with: jupyter nbconvert --clear-output --inplace notebooks/*.ipynb")
    sys.exit(1)
print(f"{len(sys.argv) - 1} notebooks, no outputs committed")
