/* fetch/curlso.c: load libcurl on first use (see fetch/curlso.h).
 *
 * The table and the reason of a failed load are written once, inside
 * pthread_once, and only read afterwards.
 */
#include "fetch/curlso.h"
#include "base/solib.h"

#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct curlso table;
static int loaded;
static struct buf failure = BUF_INIT;	/* why the load failed */

/* Check the version and run curl_global_init; -1 with the reason in why. */
static int
set_up(void *h, struct buf *why)
{
	struct buf miss = BUF_INIT;
	__typeof__(curl_version_info) *version_info;
	__typeof__(curl_global_init) *global_init;
	const curl_version_info_data *v;
	int rc = -1;

	version_info = (__typeof__(version_info))solib_sym(h, "curl_version_info", &miss);
	global_init = (__typeof__(global_init))solib_sym(h, "curl_global_init", &miss);
	if (miss.len)
		buf_printf(why, "cannot load libcurl: %s", miss.buf);
	else if ((v = version_info(CURLVERSION_NOW)) == NULL || v->version == NULL)
		buf_puts(why, "cannot load libcurl: it does not say its version");
	else if (v->version_num < CURLSO_MIN_VERSION)
		buf_printf(why, "cannot load libcurl: version %s is older than %d.%d.%d",
		    v->version, CURLSO_MIN_VERSION >> 16, (CURLSO_MIN_VERSION >> 8) & 0xff,
		    CURLSO_MIN_VERSION & 0xff);
	else if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		buf_puts(why, "cannot load libcurl: its set-up (curl_global_init) failed");
	else
		rc = 0;
	buf_free(&miss);
	return rc;
}

/* Load soname into t and set libcurl up. */
int
curlso_load(const char *soname, struct curlso *t, struct buf *why)
{
	struct buf miss = BUF_INIT;
	void *h;

	memset(t, 0, sizeof *t);
	if ((h = solib_open(soname, "libcurl", why)) == NULL)
		return -1;
#define CURLSO_LOOK_UP(name) t->name = (__typeof__(t->name))solib_sym(h, "curl_" #name, &miss);
	CURLSO_FUNCS(CURLSO_LOOK_UP)
#undef CURLSO_LOOK_UP
	if (miss.len)
		buf_printf(why, "cannot load libcurl: %s", miss.buf);
	if (miss.len || set_up(h, why) < 0) {
		buf_free(&miss);
		memset(t, 0, sizeof *t);
		dlclose(h);
		return -1;
	}
	buf_free(&miss);
	return 0;
}

/* The once: load the configured libcurl into the shared table. */
static void
load_once(void)
{
	loaded = curlso_load(CURLSO_NAME, &table, &failure) == 0;
}

/* The table, loading libcurl on the first call. */
const struct curlso *
curlso_get(struct buf *why)
{
	pthread_once(&once, load_once);
	if (!loaded) {
		buf_puts(why, failure.buf);
		return NULL;
	}
	return &table;
}
