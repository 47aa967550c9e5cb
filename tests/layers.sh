#!/bin/sh
# layers.sh: every source file includes only headers of its own layer or of
# a layer above it.  The layers, top (depended on) to bottom:
#   1 base  2 text  3 model  4 ingest  5 store fetch marks settings export launch
#   6 ui    7 cli (the runs the command line asks for)    8 main.c
# A file of layer N may include "L/x.h" only where L's layer is <= N.
: "${PB_SRCDIR:?PB_SRCDIR must name the source directory}"
rank() {
	case $1 in
	base) echo 1 ;; text) echo 2 ;; model) echo 3 ;; ingest) echo 4 ;;
	store|fetch|marks|settings|export|launch) echo 5 ;;
	ui) echo 6 ;; cli) echo 7 ;; main) echo 8 ;; *) echo 0 ;;
	esac
}
cd "$PB_SRCDIR" || exit 1
fails=0 checked=0
for f in src/*/*.c src/main.c include/*/*.h; do
	[ -f "$f" ] || continue
	case $f in
	src/main.c) layer=main ;;
	*) layer=${f#*/}; layer=${layer%%/*} ;;
	esac
	mine=$(rank "$layer")
	if [ "$mine" = 0 ]; then
		echo "FAIL - $f: folder '$layer' is not a known layer"; fails=$((fails + 1)); continue
	fi
	checked=$((checked + 1))
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
		case $inc in
		*/*) ;;
		config.h) continue ;;			# autoconf's header
		*) [ -f "$(dirname "$f")/$inc" ] && continue
		   echo "FAIL - $f: includes \"$inc\" without naming its layer"; fails=$((fails + 1)); continue ;;
		esac
		theirs=$(rank "${inc%%/*}")
		if [ "$theirs" = 0 ] || [ "$theirs" -gt "$mine" ]; then
			echo "FAIL - $f (layer $layer) includes \"$inc\" of a lower layer"
			fails=$((fails + 1))
		fi
	done
done
echo "$checked files checked, $fails failed"
[ "$checked" -gt 0 ] && [ "$fails" = 0 ]
