#!/usr/bin/env bash
# CI for the Kubernetes manifests (deploy/kubernetes/, docs/cluster.md). No cluster is available
# here, so: (1) every manifest is validated against the Kubernetes 1.37 OpenAPI schemas, strictly
# (unknown fields fail), with kubernetes-validate from PyPI, which bundles the schemas and works
# offline; the broken manifests in Tests/Fixtures/kubernetes/ must fail it, so the check can fail;
# (2) the Job's shard count agrees with its --shard argument; (3) the shard and merge commands the
# pods run are run here, with $(JOB_COMPLETION_INDEX) expanded for every index and the volumes
# mapped to temporary folders, and the merged run is checked against a one-process run.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
say() { printf '[kubernetes %3d s] %s\n' "$(( $(date +%s) - started ))" "$*"; }
feedsafe=$(pwd)/.build/release/feedsafe

venv=$(mktemp -d)/venv
python3 -m venv "$venv"
"$venv/bin/pip" install -q kubernetes-validate==1.37.0 pyyaml
say "$("$venv/bin/kubernetes-validate" --version 2>&1 | head -1 | sed 's/^/kubernetes-validate /')"

"$venv/bin/kubernetes-validate" --strict --kubernetes-version 1.37.0 deploy/kubernetes/*.yaml
for broken in Tests/Fixtures/kubernetes/*.yaml; do
  if "$venv/bin/kubernetes-validate" --strict --kubernetes-version 1.37.0 --quiet "$broken" >/dev/null 2>&1; then
    echo "$broken is broken on purpose but passed the schema check"; exit 1
  fi
done
say "manifests valid; the broken fixtures are refused"

# The pods' commands, as the manifests write them.
commands=$("$venv/bin/python" - <<'PY'
import yaml
shards = yaml.safe_load(open("deploy/kubernetes/feedsafe-shards.yaml"))
merge = yaml.safe_load(open("deploy/kubernetes/feedsafe-merge.yaml"))
spec = shards["spec"]
shard_args = spec["template"]["spec"]["containers"][0]["args"][0]
count = spec["completions"]
assert spec["completionMode"] == "Indexed", "the shard Job must be an Indexed Job"
assert spec["parallelism"] <= count
assert f"--shard $(JOB_COMPLETION_INDEX)/{count}" in shard_args, \
    f"completions is {count} but the pods run another shard count: {shard_args}"
print(count)
print(shard_args)
print(merge["spec"]["template"]["spec"]["containers"][0]["args"][0])
PY
)
count=$(sed -n 1p <<<"$commands")
shard_command=$(sed -n 2p <<<"$commands")
merge_command=$(sed -n 3p <<<"$commands")

volumes=$(mktemp -d)
mkdir -p "$volumes/scenarios" "$volumes/results"
cp scenarios/cluster/recall-sweep.yaml "$volumes/scenarios/scenario.yaml"   # the ConfigMap
size="--people 300 --items 3000 --days 2 --burn-in 1 --seeds 2"
mapped() { sed -e "s#/scenarios/#$volumes/scenarios/#g" -e "s#/results/#$volumes/results/#g" -e "s#^feedsafe #$feedsafe #; s#exec feedsafe #exec $feedsafe #"; }
for index in $(seq 0 $((count - 1))); do
  JOB_COMPLETION_INDEX=$index sh -c "$(sed "s#\$(JOB_COMPLETION_INDEX)#$index#g" <<<"$shard_command" | mapped) $size" >/dev/null
done
sh -c "$(mapped <<<"$merge_command")"
"$feedsafe" run "$volumes/scenarios/scenario.yaml" $size --quiet --db "$volumes/whole.sqlite" >/dev/null
for table in metrics summary daily survival arm_parameters; do
  cmp <("$feedsafe" export latest --db "$volumes/results/merged.sqlite" --table "$table") \
    <("$feedsafe" export latest --db "$volumes/whole.sqlite" --table "$table")
done
say "the pods' commands for $count shards and the merge give the one-process run, table by table"
