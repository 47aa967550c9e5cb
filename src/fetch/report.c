/* fetch/report.c: the text of a fetch (see fetch/report.h). */
#include "fetch/report.h"
#include "base/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Failures of one source for one reason. */
struct group {
	char *source;
	char *reason;
	char first[11], last[11];	/* the earliest and latest day */
	size_t n;
};

struct report {
	int tty;
	struct buf news;		/* terminal: the day lines kept for the end */
	struct group *groups;
	size_t ngroups, agroups;
	size_t days, nnew, nupdated, nfailed;
	struct buf end;			/* why the fetch could not run, or "" */
	int progress_shown;		/* the terminal's line holds progress */
};

/* A new report. */
struct report *
report_new(int tty)
{
	struct report *r = xcalloc(1, sizeof *r);

	r->tty = tty;
	buf_init(&r->news);
	buf_init(&r->end);
	return r;
}

/* Free it. */
void
report_free(struct report *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->ngroups; i++) {
		free(r->groups[i].source);
		free(r->groups[i].reason);
	}
	free(r->groups);
	buf_free(&r->news);
	buf_free(&r->end);
	free(r);
}

/* Append a byte count as "512 B", "12.5 kB" or "3.2 MB". */
static void
add_bytes(struct buf *out, unsigned long long n)
{
	if (n < 1024)
		buf_printf(out, "%llu B", n);
	else if (n < 1024ULL * 1024)
		buf_printf(out, "%.1f kB", (double)n / 1024);
	else
		buf_printf(out, "%.1f MB", (double)n / (1024.0 * 1024));
}

/* The progress line. */
void
report_progress(const struct fetch_event *ev, struct buf *out)
{
	buf_printf(out, "fetching %zu/%zu, ", ev->done, ev->total);
	add_bytes(out, ev->bytes);
	if (ev->source)
		buf_printf(out, ", %s", ev->source);
}

/* "SOURCE DAY" or "SOURCE" for an undated feed. */
static void
add_where(struct buf *out, const char *source, const char *day)
{
	buf_puts(out, source ? source : "?");
	if (day && *day)
		buf_printf(out, " %s", day);
}

/* One line for a day. */
void
report_day(const struct fetch_event *ev, struct buf *out)
{
	add_where(out, ev->source, ev->day);
	buf_puts(out, ": ");
	switch (ev->result) {
	case FETCH_NEW:
	case FETCH_UPDATED:
		buf_printf(out, "%zu new, %zu updated (%zu papers in %s)", ev->nnew, ev->nupdated,
		    ev->npapers, ev->path ? ev->path : "?");
		break;
	case FETCH_SAME:
		buf_puts(out, "unchanged");
		break;
	case FETCH_EMPTY:
		buf_puts(out, "no papers");
		break;
	case FETCH_MISSING:
		buf_puts(out, "nothing published (HTTP 404)");
		break;
	case FETCH_FAILED:
		buf_puts(out, ev->reason ? ev->reason : "failed");
		break;
	}
}

/* Count a failure into its group. */
static void
add_failure(struct report *r, const struct fetch_event *ev)
{
	const char *reason = ev->reason ? ev->reason : "failed";
	struct group *g = NULL;
	size_t i;

	for (i = 0; i < r->ngroups && g == NULL; i++)
		if (strcmp(r->groups[i].source, ev->source) == 0 && strcmp(r->groups[i].reason, reason) == 0)
			g = &r->groups[i];
	if (g == NULL) {
		ALLOC_GROW(r->groups, r->ngroups + 1, r->agroups);
		g = &r->groups[r->ngroups++];
		memset(g, 0, sizeof *g);
		g->source = xstrdup(ev->source);
		g->reason = xstrdup(reason);
		memcpy(g->first, ev->day, sizeof g->first);
	}
	if (g->first[0] == '\0' || (ev->day[0] && strcmp(ev->day, g->first) < 0))
		memcpy(g->first, ev->day, sizeof g->first);
	if (strcmp(ev->day, g->last) > 0)
		memcpy(g->last, ev->day, sizeof g->last);
	g->n++;
	r->nfailed++;
}

/* Text for one event. */
void
report_event(struct report *r, const struct fetch_event *ev, struct buf *out)
{
	if (ev->kind == FETCH_EV_PROGRESS && r->tty) {
		buf_puts(out, "\r");
		report_progress(ev, out);
		buf_puts(out, "\033[K");
		r->progress_shown = 1;
		return;
	}
	if (ev->kind == FETCH_EV_NOTE && ev->reason) {
		if (r->progress_shown)
			buf_puts(out, "\r\033[K");
		buf_printf(out, "note: %s\n", ev->reason);
	}
	if (ev->kind == FETCH_EV_DONE && ev->reason)
		buf_puts(&r->end, ev->reason);
	if (ev->kind != FETCH_EV_DAY)
		return;
	r->days++;
	r->nnew += ev->nnew;
	r->nupdated += ev->nupdated;
	if (ev->result == FETCH_FAILED) {
		add_failure(r, ev);
	} else if (!r->tty) {
		report_day(ev, out);
		buf_addch(out, '\n');
	} else if (ev->result == FETCH_NEW || ev->result == FETCH_UPDATED) {
		report_day(ev, &r->news);
		buf_addch(&r->news, '\n');
	}
}

/* The failure lines. */
void
report_failures(const struct report *r, struct buf *out)
{
	size_t i;

	for (i = 0; i < r->ngroups; i++) {
		const struct group *g = &r->groups[i];

		if (g->n == 1)
			add_where(out, g->source, g->first);
		else if (g->first[0])
			buf_printf(out, "%s: %zu days from %s to %s", g->source, g->n, g->first, g->last);
		else
			buf_printf(out, "%s: %zu times", g->source, g->n);
		buf_printf(out, ": %s\n", g->reason);
	}
}

/* Number of failures. */
size_t
report_nfailed(const struct report *r)
{
	return r->nfailed;
}

/* The fetch could not run. */
int
report_not_run(const struct report *r)
{
	return r->end.len > 0;
}

/* The counts. */
void
report_counts(const struct report *r, size_t *ndays, size_t *nnew, size_t *nupdated)
{
	*ndays = r->days;
	*nnew = r->nnew;
	*nupdated = r->nupdated;
}

/* The total line. */
void
report_total(const struct report *r, struct buf *out)
{
	if (r->end.len) {
		buf_printf(out, "fetch failed: %s", r->end.buf);
		return;
	}
	buf_printf(out, "%zu new paper%s, %zu updated", r->nnew, r->nnew == 1 ? "" : "s", r->nupdated);
	if (r->nfailed)
		buf_printf(out, "; %zu of %zu failed", r->nfailed, r->days);
	else
		buf_printf(out, "; %zu checked", r->days);
}

/* The closing text. */
void
report_summary(const struct report *r, struct buf *out)
{
	if (r->progress_shown)
		buf_puts(out, "\r\033[K");
	buf_add(out, r->news.buf, r->news.len);
	report_failures(r, out);
	report_total(r, out);
	buf_addch(out, '\n');
}
