#!/usr/bin/env bash
# Fan-out benchmark: the same command on N loopback sshd endpoints (default
# 32), through `casectl exec` and through `pdsh -R ssh`, both with a fan-out
# of N. Prints both wall times and the ratio (casectl / pdsh; < 1 is faster).
# Usage: tests/benchmarks/fanout_bench.sh [N] [ROUNDS]
set -euo pipefail
N=${1:-32}
ROUNDS=${2:-3}
CASECTL=${CASECTL:-$(command -v casectl || echo "${CASEBOOK_BIN_DIR:-build/dev/bin}/casectl")}
command -v pdsh >/dev/null || { echo "fanout_bench: pdsh is not installed" >&2; exit 1; }
[ -x "$CASECTL" ] || { echo "fanout_bench: casectl not found ($CASECTL)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "fanout_bench: needs root to run sshd (tools/dev bench)" >&2; exit 1; }

DIR=$(mktemp -d /tmp/fanout_bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$DIR"; }
trap cleanup EXIT

ssh-keygen -q -t ed25519 -N '' -f "$DIR/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$DIR/id_ed25519"
cp "$DIR/id_ed25519.pub" "$DIR/authorized_keys"
: > "$DIR/ssh_config"; : > "$DIR/known_hosts"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
for i in $(seq 0 $((N - 1))); do
    port=$(free_port)
    cat > "$DIR/sshd_config.$i" <<EOC
Port $port
ListenAddress 127.0.0.1
HostKey $DIR/host_key
AuthorizedKeysFile $DIR/authorized_keys
PidFile none
UsePAM no
StrictModes no
PermitRootLogin yes
PasswordAuthentication no
KbdInteractiveAuthentication no
MaxStartups 200:30:400
LogLevel ERROR
EOC
    /usr/sbin/sshd -D -e -f "$DIR/sshd_config.$i" 2>>"$DIR/sshd.log" &
    PIDS+=($!)
    printf 'Host bench-%d\n  HostName 127.0.0.1\n  Port %d\n  User %s\n' "$i" "$port" "$(id -un)" >> "$DIR/ssh_config"
    printf '[127.0.0.1]:%d %s\n' "$port" "$(cut -d' ' -f1,2 "$DIR/host_key.pub")" >> "$DIR/known_hosts"
done
printf 'Host *\n  IdentityFile %s\n  IdentitiesOnly yes\n  BatchMode yes\n  UserKnownHostsFile %s\n' "$DIR/id_ed25519" "$DIR/known_hosts" >> "$DIR/ssh_config"
sleep 1
unset SSH_AUTH_SOCK

CMD="uname -n"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
run_casectl() { "$CASECTL" exec "bench-*" --jobs "$N" --ssh-config "$DIR/ssh_config" --known-hosts "$DIR/known_hosts" -- $CMD; }
run_pdsh() { PDSH_SSH_ARGS="-F $DIR/ssh_config %h" pdsh -R ssh -f "$N" -w "bench-[0-$((N - 1))]" $CMD; }

# Warm-up and a correctness check: every host answers, through both.
[ "$(run_casectl 2>/dev/null | wc -l)" = "$N" ] || { echo "fanout_bench: casectl did not reach all $N hosts" >&2; run_casectl >&2 || true; exit 1; }
[ "$(run_pdsh 2>/dev/null | wc -l)" = "$N" ] || { echo "fanout_bench: pdsh did not reach all $N hosts" >&2; run_pdsh >&2 || true; exit 1; }

best_c=; best_p=
for r in $(seq 1 "$ROUNDS"); do
    t0=$(now_ms); run_pdsh >/dev/null 2>&1; t1=$(now_ms)
    run_casectl >/dev/null 2>&1; t2=$(now_ms)
    p=$((t1 - t0)); c=$((t2 - t1))
    if [ -z "$best_p" ] || [ "$p" -lt "$best_p" ]; then best_p=$p; fi
    if [ -z "$best_c" ] || [ "$c" -lt "$best_c" ]; then best_c=$c; fi
done
awk -v n="$N" -v cmd="$CMD" -v rounds="$ROUNDS" -v p="$best_p" -v c="$best_c" 'BEGIN {
    printf "fanout_bench: %d sshd endpoints, \"%s\", best of %d\n", n, cmd, rounds
    printf "  pdsh -R ssh -f %d:      %.3f s\n", n, p / 1000
    printf "  casectl exec --jobs %d: %.3f s\n", n, c / 1000
    printf "  ratio casectl/pdsh:     %.2f\n", c / p
}'
