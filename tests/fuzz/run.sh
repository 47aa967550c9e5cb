#!/bin/sh
# run.sh: build the libFuzzer targets tests/fuzz/fuzz_*.c against the
# library sources with ASan+UBSan and run each for $FUZZ_SECONDS seconds.
#
#   PB_SRCDIR=. FUZZ_SECONDS=30 sh tests/fuzz/run.sh              (make fuzz: every target)
#   FUZZ_TARGETS="export url" sh tests/fuzz/run.sh                  (some targets)
#   sh tests/fuzz/run.sh ingest crash-0123abcd...                   (replay inputs on one target)
#
# Targets: ingest (sniffer and parsers), settings (the settings parser),
# marks (the state file, load/save/load round trip), url (URL checks and
# browser argv), export (BibTeX brace balance, Markdown, JSON Lines),
# cover (a phrase's cover finds what the phrase finds, store/cover.h).
# Each target T has its seed corpus in tests/fuzz/corpus/T and its
# dictionary in tests/fuzz/T.dict.  Builds into ${PB_BUILDDIR:-.}/_fuzz;
# new corpus entries go to _fuzz/corpus/T, crashing inputs to
# _fuzz/T-crash-*.  Exits non-zero when a fuzzer finds a crash, a leak,
# undefined behaviour or a timeout.  Without clang or libFuzzer it says so
# and exits 0.
set -u

here=$(cd "$(dirname "$0")" && pwd)
src=${PB_SRCDIR:-$here/../..}
src=$(cd "$src" && pwd)
out=${PB_BUILDDIR:-.}/_fuzz
secs=${FUZZ_SECONDS:-30}
CLANG=${CLANG:-clang}

skip() { echo "fuzz: SKIP: $*"; exit 0; }

command -v "$CLANG" >/dev/null 2>&1 || skip "$CLANG not found (apt-get install clang libclang-rt-14-dev)"
mkdir -p "$out/obj" "$out/corpus" || exit 1
out=$(cd "$out" && pwd)

# Probe for libFuzzer and the sanitizer runtimes.
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
	>"$out/probe.c"
"$CLANG" -fsanitize=fuzzer,address,undefined "$out/probe.c" -o "$out/probe" >"$out/probe.log" 2>&1 ||
	skip "$CLANG cannot link -fsanitize=fuzzer,address,undefined (libFuzzer missing? apt-get install libclang-rt-14-dev); see $out/probe.log"
rm -f "$out/probe" "$out/probe.c" "$out/probe.log"

pkgs="ncursesw libxml-2.0 libutf8proc json-c libcurl yaml-0.1 sqlite3"
build=$(cd "${PB_BUILDDIR:-.}" && pwd)	# config.h (the fetcher's sources include it)
[ -f "$build/config.h" ] || skip "no config.h in $build (run ./configure first)"
# shellcheck disable=SC2086
pc_cflags=$(pkg-config --cflags $pkgs) || { echo "fuzz: pkg-config failed for: $pkgs"; exit 1; }
# shellcheck disable=SC2086
pc_libs=$(pkg-config --libs $pkgs) || exit 1

# The quotes around the macro value are meant literally.
# shellcheck disable=SC2089
CFLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
	-fno-sanitize-recover=all -Wall -Wextra -Wno-unused-parameter
	-I$src/include -I$build -DPB_SAMPLES_DIR=\"/nonexistent\"
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $pc_cflags"

# compile FILE: the object of FILE in $out/obj (rebuilt when FILE or a header is newer); prints its path
compile() {
	rel=${1#"$src"/}
	o=$out/obj/$(printf '%s' "$rel" | tr '/' '_').o
	# shellcheck disable=SC2086,SC2090
	if [ ! -f "$o" ] || [ -n "$(find "$1" "$src/include" -newer "$o" 2>/dev/null | head -n 1)" ]; then
		"$CLANG" $CFLAGS -c "$1" -o "$o" || { echo "fuzz: compiling $rel failed" >&2; return 1; }
	fi
	printf '%s\n' "$o"
}

# The library objects: every layer's src/LAYER/*.c except the reader (ui/)
# and the program (cli/), which is not part of the library.
libobjs=
for f in "$src"/src/*/*.c; do
	[ -f "$f" ] || continue
	case $f in
	"$src"/src/ui/* | "$src"/src/cli/*) continue ;;
	esac
	o=$(compile "$f") || exit 1
	libobjs="$libobjs $o"
done
[ -n "$libobjs" ] || { echo "fuzz: no sources under $src/src"; exit 1; }

ALL=$(for f in "$here"/fuzz_*.c; do t=${f##*/fuzz_}; printf '%s ' "${t%.c}"; done)
targets=${FUZZ_TARGETS:-$ALL}
replay=
if [ $# -gt 0 ]; then
	targets=$1
	shift
	replay=1
fi

# build T: link $out/fuzz_T
build() {
	o=$(compile "$here/fuzz_$1.c") || return 1
	echo "fuzz: building $out/fuzz_$1"
	# shellcheck disable=SC2086
	"$CLANG" -fsanitize=fuzzer,address,undefined $libobjs "$o" $pc_libs -pthread -o "$out/fuzz_$1" ||
		{ echo "fuzz: linking fuzz_$1 failed"; return 1; }
}

ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export ASAN_OPTIONS
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export UBSAN_OPTIONS

for t in $targets; do
	[ -f "$here/fuzz_$t.c" ] || { echo "fuzz: no target '$t' (targets: $ALL)"; exit 1; }
	build "$t" || exit 1
done

if [ -n "$replay" ]; then
	echo "fuzz: replaying $* on $targets"
	exec "$out/fuzz_$targets" -rss_limit_mb=2048 -timeout=10 "$@"
fi

failed=
for t in $targets; do
	dict=
	[ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
	mkdir -p "$out/corpus/$t"
	echo "fuzz: running $t for $secs s (corpus $out/corpus/$t + $here/corpus/$t${dict:+, dictionary $t.dict})"
	# shellcheck disable=SC2086
	"$out/fuzz_$t" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
		-print_final_stats=1 -artifact_prefix="$out/$t-" $dict "$out/corpus/$t" "$here/corpus/$t" \
		>"$out/fuzz-$t.log" 2>&1
	rc=$?
	tail -n 12 "$out/fuzz-$t.log"
	if [ $rc -ne 0 ]; then
		echo "fuzz: $t FAILED (exit $rc); full log $out/fuzz-$t.log; artifacts:"
		ls -l "$out/$t"-crash-* "$out/$t"-leak-* "$out/$t"-timeout-* "$out/$t"-oom-* 2>/dev/null
		failed="$failed $t"
	else
		echo "fuzz: $t: no crash in $secs s"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: FAILED:$failed"
	exit 1
fi
echo "fuzz: every target ran $secs s without a crash: $targets"
exit 0
