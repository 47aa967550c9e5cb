/* ingest/xmlso.c: load libxml2 on first use (see ingest/xmlso.h).
 *
 * The table and the reason of a failed load are written once, inside
 * pthread_once, and only read afterwards.
 */
#include "ingest/xmlso.h"
#include "base/solib.h"

#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct xmlso table;
static int loaded;
static struct buf failure = BUF_INIT;	/* why the load failed */

/* Load soname into t. */
int
xmlso_load(const char *soname, struct xmlso *t, struct buf *why)
{
	struct buf miss = BUF_INIT;
	void *h;

	memset(t, 0, sizeof *t);
	if ((h = solib_open(soname, "libxml2", why)) == NULL)
		return -1;
#define XMLSO_LOOK_UP(name) t->name = (__typeof__(t->name))solib_sym(h, #name, &miss);
	XMLSO_FUNCS(XMLSO_LOOK_UP)
#undef XMLSO_LOOK_UP
	if (miss.len) {
		buf_printf(why, "cannot load libxml2: %s", miss.buf);
		buf_free(&miss);
		memset(t, 0, sizeof *t);
		dlclose(h);
		return -1;
	}
	return 0;
}

/* The once: load the configured libxml2 into the shared table and set it up. */
static void
load_once(void)
{
	loaded = xmlso_load(XMLSO_NAME, &table, &failure) == 0;
	if (loaded)
		table.xmlInitParser();
}

/* The table, loading libxml2 on the first call. */
const struct xmlso *
xmlso_get(struct buf *why)
{
	pthread_once(&once, load_once);
	if (!loaded) {
		buf_puts(why, failure.buf);
		return NULL;
	}
	return &table;
}
