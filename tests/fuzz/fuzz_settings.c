/* fuzz_settings.c: libFuzzer target for the settings parser.
 *
 * The input is parsed as a settings file, then the bind commands are
 * checked against a small command table.  Oracles: every message starts
 * with "cfg:" and is one line; every binding that survives has a valid
 * key name, a known command and a position (file cfg, a line); every library path
 * is non-empty; the colours stay in range; parsing the same text twice
 * gives the same messages (no hidden state).
 *
 * Build and run: tests/fuzz/run.sh (make fuzz).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "settings/keyname.h"
#include "settings/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A command table like the reader's, small. */
static int
known(const char *cmd)
{
	static const char *const names[] = { "down", "up", "quit", "next-unread", "star", "search" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(cmd, names[i]) == 0)
			return 1;
	return 0;
}

/* Parse data as the file "cfg"; the caller frees. */
static struct settings *
parse(const uint8_t *data, size_t size)
{
	struct settings *c = settings_defaults();

	settings_parse(c, "cfg", (const char *)data, size);
	settings_check_commands(c, known);
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings *c = parse(data, size), *again = parse(data, size);
	size_t i;

	if (settings_nmsgs(c) != settings_nmsgs(again))
		abort();
	for (i = 0; i < settings_nmsgs(c); i++) {
		const char *m = settings_msg(c, i);

		if (strncmp(m, "cfg:", 4) != 0 || strchr(m, '\n') || strcmp(m, settings_msg(again, i)) != 0)
			abort();
	}
	for (i = 0; i < settings_nbindings(c); i++) {
		const struct settings_binding *b = settings_binding(c, i);

		if (keyname_parse(b->key) != b->code || !known(b->cmd) || !b->file ||
		    strcmp(b->file, "cfg") != 0 || b->line == 0)
			abort();
	}
	for (i = 0; i < settings_nlibraries(c); i++)
		if (settings_library(c, i)[0] == '\0')
			abort();
	for (i = 0; i < SETTINGS_NELEMS; i++) {
		struct settings_color col = settings_color(c, (enum settings_elem)i);

		if (col.fg < -1 || col.fg > 255 || col.bg < -1 || col.bg > 255)
			abort();
	}
	if (settings_mark_read_delay(c) < 0)
		abort();
	settings_free(c);
	settings_free(again);
	return 0;
}
