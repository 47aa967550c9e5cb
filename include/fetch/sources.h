/* fetch/sources.h: where papers are fetched from.
 *
 * A source is a name and a URL template.  The table starts with the
 * built-in sources, in this order:
 *   hf-daily  on   https://huggingface.co/api/daily_papers?date={date}
 *   hf-page   off  https://huggingface.co/papers/date/{date}
 * and arxiv-CATEGORY (off) stands for https://rss.arxiv.org/atom/CATEGORY
 * for any category, without being listed.  The settings' lines
 *   source NAME URL-TEMPLATE   add a source (on), or change one's URL
 *   source NAME off|on         turn a source off or on
 * are applied in order with sources_set; new names go after the others.
 *
 * Placeholders: {date} (YYYY-MM-DD), {yyyy}, {mm}, {dd}.  A template with
 * one is fetched once per day, one without once per run (a feed).
 *
 * Safety: a name is [A-Za-z0-9][A-Za-z0-9._-]* (at most 64 bytes), so it
 * is one path component that is neither hidden nor "..", and dates are
 * formatted from numbers: sources_path never leaves the library directory.
 * A URL is fetched only over https, or plain http to this machine's
 * loopback addresses (127.0.0.0/8, [::1], localhost).  sources_set
 * checks a template's URL by that rule without libcurl (reading the
 * settings must not load it: fetch/curlso.h); the fetch checks every URL,
 * redirects included, with sources_url_ok, which parses as libcurl does
 * and decides.  Nothing here prints; errors are one lowercase line
 * appended to err.
 */
#ifndef PB_SOURCES_H
#define PB_SOURCES_H

#include <stddef.h>

#include "base/buf.h"

struct source {
	const char *name;
	const char *tmpl;	/* URL template */
	int on;			/* fetched when no source is named */
	int builtin;
};

struct sources;

/* The built-in table (caller frees with sources_free). */
struct sources *sources_new(void);
/* Free the table and its strings. */
void sources_free(struct sources *s);
/*
 * Apply one settings line "source NAME VALUE": VALUE is a URL template,
 * "off" or "on".  Returns 0, or -1 with the reason in err (table unchanged).
 */
int sources_set(struct sources *s, const char *name, const char *value, struct buf *err);
/* Number of sources in the table, and source i (in order). */
size_t sources_count(const struct sources *s);
const struct source *sources_at(const struct sources *s, size_t i);
/*
 * Find a source by name: one of the table, or arxiv-CATEGORY (filled into
 * *tmp, its template in tmpl).  Returns the source, or NULL when unknown.
 * The result is valid while s, tmp and tmpl are.
 */
const struct source *sources_find(const struct sources *s, const char *name,
    struct source *tmp, struct buf *tmpl);
/* True when name is a valid source name (see above). */
int sources_name_ok(const char *name);
/*
 * True when the URL may be fetched (see above); otherwise the reason in
 * why.  It parses with libcurl, loading it on the first call
 * (fetch/curlso.h): when that fails the URL is refused with that reason.
 */
int sources_url_ok(const char *url, struct buf *why);
/* True when the template has a date placeholder. */
int sources_dated(const char *tmpl);
/* Append the template expanded for day (a base/date.h day number). */
void sources_expand(const char *tmpl, long day, struct buf *url);
/*
 * Append where a fetched file goes: LIBDIR/NAME/YYYY/MM/DD.EXT, or
 * LIBDIR/NAME/latest.EXT when day < 0.  name must pass sources_name_ok and
 * ext be a few letters.
 */
void sources_path(struct buf *out, const char *libdir, const char *name, long day, const char *ext);

#endif
