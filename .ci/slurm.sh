#!/usr/bin/env bash
# CI: a real single-node Slurm cluster (Debian's slurm-wlm and munge; slurmctld and slurmd on
# localhost), a 4-shard sweep submitted with the scripts `feedsafe slurm` writes, merged by the
# dependent job, and checked table by table against the same run made in one process
# (docs/cluster.md). Needs root and the release build. Leaves no daemon running.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
say() { printf '[slurm %3d s] %s\n' "$(( $(date +%s) - started ))" "$*"; }
feedsafe=$(pwd)/.build/release/feedsafe

if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq && apt-get install -y -qq slurm-wlm munge >/dev/null
fi

# A private configuration and state folder: the machine's /etc/slurm is left alone.
work=$(mktemp -d)
export SLURM_CONF=$work/slurm.conf
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
}
trap cleanup EXIT

install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
[ -f /etc/munge/munge.key ] || mungekey -c
chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
if ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do [ -f /run/munge/munged.pid ] && break; sleep 0.1; done
  pids+=("$(cat /run/munge/munged.pid)")
fi

memory=$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
mkdir -p "$work/state" "$work/spool" "$work/log"
cat >"$SLURM_CONF" <<CONF
ClusterName=feedsafe-ci
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
NodeName=localhost CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=main Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
/usr/sbin/slurmctld -c
/usr/sbin/slurmd -N localhost
sleep 1
pids+=("$(cat "$work/slurmctld.pid")" "$(cat "$work/slurmd.pid")")
for _ in $(seq 60); do
  sinfo -h -o '%T' | grep -q idle && break
  sleep 1
done
sinfo -h -o '%T' | grep -q idle || { cat "$work"/log/*.log; echo "the node never became idle"; exit 1; }
say "$(sinfo --version) cluster up: $(sinfo -h -o '%N %c CPUs %m MiB %T')"

# The sweep: 2 seeds × 7 arms = 14 units over 4 shards (4, 4, 3, 3 units).
size=(--people 300 --items 3000 --days 3 --burn-in 2 --seeds 2)
jobs=$work/jobs
"$feedsafe" slurm --shards 4 --out "$jobs" --cpus-per-task 1 -- \
  run scenarios/cluster/recall-sweep.yaml "${size[@]}"
bash "$jobs/submit.sh"
read -r array merge <"$jobs/jobs"
for _ in $(seq 900); do
  [ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ] && break
  sleep 1
done
if [ -n "$(squeue -h -j "$array,$merge" 2>/dev/null)" ]; then
  squeue; cat "$jobs"/logs/*; echo "the jobs did not finish in 15 minutes"; exit 1
fi
cat "$jobs/logs/merge.out"
[ -f "$jobs/merged.sqlite" ] || { cat "$jobs"/logs/*; echo "the merge job wrote nothing"; exit 1; }
say "array job $array and merge job $merge finished"

# The same run in one process, compared table by table (every number as stored).
whole=$work/whole.sqlite
"$feedsafe" run scenarios/cluster/recall-sweep.yaml "${size[@]}" --quiet --db "$whole" >/dev/null
for table in metrics summary daily survival arms arm_parameters; do
  "$feedsafe" export latest --db "$jobs/merged.sqlite" --table "$table" >"$work/merged-$table.csv"
  "$feedsafe" export latest --db "$whole" --table "$table" >"$work/whole-$table.csv"
  cmp "$work/merged-$table.csv" "$work/whole-$table.csv"
  echo "  $table: $(($(wc -l <"$work/whole-$table.csv") - 1)) rows, identical"
done
say "merged run equals the one-process run in every table"
