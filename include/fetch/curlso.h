/* fetch/curlso.h: libcurl, loaded when the first fetch needs it.
 *
 * paperboy does not link libcurl: it and the thirty-odd libraries it
 * pulls in (TLS, Kerberos, LDAP, SSH, ...) would cost every start of the
 * reader more than the rest of its libraries together.  Instead the fetch
 * layer calls libcurl through the table curlso_get returns; the first
 * call loads CURLSO_NAME (config.h: the soname of the libcurl configure
 * found, libcurl.so.4 on Debian) with dlopen, looks every function up,
 * checks the version (CURLSO_MIN_VERSION) and runs curl_global_init.
 * <curl/curl.h> still gives the types and constants.
 *
 * Who calls it: the fetch layer only, on the fetch thread (fetch/fetch.h):
 * http_new for each runner, so the first fetch loads it without making
 * the reader wait, and sources_url_ok for each URL requested.  Nothing at
 * start-up does, reading the settings' source templates included
 * (sources_set checks them without libcurl): a reader that never fetches
 * never loads libcurl.
 *
 * Thread safety: curlso_get may be called from any thread, at once from
 * several; the loading runs once (pthread_once) and every later call
 * returns the same table, or fails with the same reason.  The table is
 * read-only.
 *
 * Lifetime: the library stays loaded, and curl_global_init in effect,
 * until the process exits; nothing calls curl_global_cleanup (it is not
 * thread-safe, a fetch may start again at any time, and freeing libcurl's
 * global state just before exit gains nothing).  A reader that fetches
 * twice loads it once.
 *
 * Errors: one lowercase line appended to why, starting "cannot load
 * libcurl: " (the library is missing, lacks a function, is too old, or
 * its set-up failed).  A fetch then fails with that reason.
 */
#ifndef PB_CURLSO_H
#define PB_CURLSO_H

#include <curl/curl.h>

#include "base/buf.h"

/* The oldest libcurl whose functions and options the fetch layer uses. */
#define CURLSO_MIN_VERSION 0x075500	/* 7.85.0, for CURLOPT_PROTOCOLS_STR */

/*
 * Every libcurl function the fetch layer calls, by name without "curl_":
 * the table has a member of that name with the function's exact type.
 */
#define CURLSO_FUNCS(X) \
	X(easy_init) X(easy_cleanup) X(easy_setopt) X(easy_getinfo) \
	X(easy_header) X(easy_strerror) X(free) \
	X(multi_init) X(multi_cleanup) X(multi_setopt) X(multi_add_handle) \
	X(multi_remove_handle) X(multi_perform) X(multi_poll) X(multi_wakeup) \
	X(multi_info_read) \
	X(slist_append) X(slist_free_all) \
	X(url) X(url_cleanup) X(url_set) X(url_get) X(url_strerror)

#define CURLSO_MEMBER(name) __typeof__(curl_##name) *name;
/* libcurl's functions: c->easy_setopt(e, CURLOPT_URL, url) calls curl_easy_setopt. */
struct curlso {
	CURLSO_FUNCS(CURLSO_MEMBER)
};
#undef CURLSO_MEMBER

/*
 * The table, loading libcurl on the first call; NULL with the reason
 * appended to why when it cannot be loaded (then on every call).  The
 * table is shared and lives until exit: do not free it.
 */
const struct curlso *curlso_get(struct buf *why);
/*
 * Load the library soname into *t and set libcurl up (curl_global_init):
 * 0, or -1 with the reason appended to why, *t zeroed and nothing left
 * loaded.
 * curlso_get's work, without the once; for tests (a library that does
 * not exist, or is not libcurl).
 */
int curlso_load(const char *soname, struct curlso *t, struct buf *why);

#endif
