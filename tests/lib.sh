# lib.sh: shared helpers for the shell tests (sourced).
: "${PB_BIN:?PB_BIN must name the paperboy binary}"
: "${PB_SRCDIR:?PB_SRCDIR must name the source directory}"
SHARED="$PB_SRCDIR/../shared"
fails=0
checks=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pbtest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# never the user's marks or settings: a fresh state and no config file
PAPERBOY_STATE="$TMP/state/state"; export PAPERBOY_STATE
PAPERBOY_CONFIG="$TMP/no-config"; export PAPERBOY_CONFIG
# and never the user's library store
PAPERBOY_CACHE="$TMP/cache"; export PAPERBOY_CACHE
unset NO_COLOR PAPERBOY_LIBRARY

# ok CONDITION-DESCRIPTION: record a passed check
ok() { checks=$((checks + 1)); echo "ok - $1"; }
# bad DESCRIPTION: record a failed check
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL - $1"; }
# expect DESCRIPTION COMMAND...: run the command, pass if it succeeds
expect() { d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
# ev CONDITION: evaluate a compound condition given as one string (for expect)
ev() { eval "$1"; }
# skip_all REASON: skip the whole test visibly
skip_all() { echo "SKIP: $1"; exit 77; }
# finish: exit with the result
finish() { echo "$checks checks, $fails failed"; [ "$fails" = 0 ]; exit $?; }
