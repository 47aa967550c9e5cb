#!/bin/sh
# run.sh: build the libFuzzer target tests/fuzz/fuzz_ingest.c against the
# library sources with ASan+UBSan and run it for $FUZZ_SECONDS seconds.
#
#   PB_SRCDIR=. FUZZ_SECONDS=30 sh tests/fuzz/run.sh            (make fuzz)
#   sh tests/fuzz/run.sh crash-0123abcd...                        (replay inputs)
#
# Builds into ${PB_BUILDDIR:-.}/_fuzz; new corpus entries go to _fuzz/corpus,
# crashing inputs to _fuzz/crash-*.  Exits non-zero when the fuzzer finds a
# crash, a leak, undefined behaviour or a timeout.  Without clang or
# libFuzzer it says so and exits 0.
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

pkgs="ncursesw libxml-2.0 libutf8proc json-c libcurl"
# shellcheck disable=SC2086
pc_cflags=$(pkg-config --cflags $pkgs) || { echo "fuzz: pkg-config failed for: $pkgs"; exit 1; }
# shellcheck disable=SC2086
pc_libs=$(pkg-config --libs $pkgs) || exit 1

# The quotes around the macro value are meant literally.
# shellcheck disable=SC2089
CFLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
	-fno-sanitize-recover=all -Wall -Wextra -Wno-unused-parameter
	-I$src/include -I${PB_BUILDDIR:-.} -DPB_SAMPLES_DIR=\"/nonexistent\"
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $pc_cflags"

# The library sources: every layer's src/LAYER/*.c except the reader (ui/).
sources=
for f in "$src"/src/*/*.c; do
	[ -f "$f" ] || continue
	case $f in
	"$src"/src/ui/*) continue ;;
	esac
	sources="$sources $f"
done
[ -n "$sources" ] || { echo "fuzz: no sources under $src/src"; exit 1; }

echo "fuzz: building $out/fuzz_ingest"
objs=
for f in $sources "$here/fuzz_ingest.c"; do
	rel=${f#"$src"/}
	o=$out/obj/$(printf '%s' "$rel" | tr '/' '_').o
	objs="$objs $o"
	# shellcheck disable=SC2086,SC2090
	if [ ! -f "$o" ] || [ -n "$(find "$f" "$src/include" -newer "$o" 2>/dev/null | head -n 1)" ]; then
		"$CLANG" $CFLAGS -c "$f" -o "$o" || { echo "fuzz: compiling $rel failed"; exit 1; }
	fi
done
# shellcheck disable=SC2086
"$CLANG" -fsanitize=fuzzer,address,undefined $objs $pc_libs -pthread -o "$out/fuzz_ingest" ||
	{ echo "fuzz: linking failed"; exit 1; }

ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export ASAN_OPTIONS
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export UBSAN_OPTIONS

if [ $# -gt 0 ]; then
	echo "fuzz: replaying $*"
	exec "$out/fuzz_ingest" -rss_limit_mb=2048 -timeout=10 "$@"
fi

echo "fuzz: running for $secs s (corpus $out/corpus + $here/corpus)"
"$out/fuzz_ingest" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
	-print_final_stats=1 -artifact_prefix="$out/" "$out/corpus" "$here/corpus" \
	>"$out/fuzz.log" 2>&1
rc=$?
tail -n 25 "$out/fuzz.log"
if [ $rc -ne 0 ]; then
	echo "fuzz: FAILED (exit $rc); full log $out/fuzz.log; artifacts:"
	ls -l "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-* 2>/dev/null
	exit 1
fi
echo "fuzz: no crash in $secs s"
exit 0
