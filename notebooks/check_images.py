"""Fails if a chart cell of an executed notebook holds no image (CI runs this after executing them).

A chart cell is a code cell that draws with matplotlib (it calls `plt.subplots` or `plt.show`);
after execution each must hold an `image/png` output, so a figure that silently fails to render
(a non-inline backend, an exception swallowed by a `try`) fails the build instead of shipping
blank notebooks. Usage: python notebooks/check_images.py notebooks/executed/*.ipynb
"""
import json
import sys

CHART_CALLS = ("plt.subplots", "plt.show")

problems = []
charts = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        notebook = json.load(handle)
    for index, cell in enumerate(notebook.get("cells", [])):
        source = "".join(cell.get("source", []))
        if cell.get("cell_type") != "code" or not any(call in source for call in CHART_CALLS):
            continue
        charts += 1
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if not images:
            problems.append(f"{path}: chart cell {index} has no image/png output")
if len(sys.argv) < 2:
    problems.append("usage: check_images.py EXECUTED_NOTEBOOK...")
if charts == 0 and len(sys.argv) > 1:
    problems.append("no chart cells found: are these the executed notebooks?")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"{len(sys.argv) - 1} notebooks, {charts} chart cells, each with an image")
