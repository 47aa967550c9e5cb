/* marks/marks.c: per-paper reading marks, merged and saved crash-safely.
 *
 * The marks live in a growable array indexed by an open-addressing hash
 * table (FNV-1a of the key); keys are copied into an arena.  The same
 * table type holds a file read back under the lock while saving.
 */
#include "marks/marks.h"
#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/hashmap.h"
#include "base/safeio.h"
#include "text/diag.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MARKS_HEADER "paperboy-state 1"
#define MARKS_MAGIC "paperboy-state "
#define NFIELDS 2
#define MARKS_MAX_BYTES ((size_t)256 << 20)	/* a larger state file is not read */

static const char *const field_names[NFIELDS] = { "read", "starred" };

struct mark {
	const char *key;	/* in the table's arena */
	uint64_t hash;
	int64_t t[NFIELDS];	/* when each field was last set; 0 = never */
	unsigned char v;	/* MARKS_* bits that are set */
	unsigned char dirty;	/* MARKS_* bits changed here since the last load or save */
};

struct table {
	struct arena *a;
	struct mark *v;
	size_t n, alloc;
	struct hashmap idx;	/* key -> index into v */
};

struct marks {
	char *path;		/* as named; NULL: no file */
	char *file;		/* path with symbolic links followed: read, replaced, locked */
	struct table t;
	struct diag_list msgs;
	char *nosave;		/* why the file must not be replaced, or NULL */
	int discard;		/* the path is /dev/null: nothing is read or saved */
};

/* Index of field f (a single MARKS_* bit). */
static int
fidx(enum marks_field f)
{
	return f == MARKS_STARRED ? 1 : 0;
}

/* Milliseconds since 1970 by the real-time clock. */
static int64_t
now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return (int64_t)time(NULL) * 1000;
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Prepare an empty table. */
static void
table_init(struct table *t)
{
	memset(t, 0, sizeof *t);
	t->a = arena_new();
}

/* Free a table. */
static void
table_free(struct table *t)
{
	arena_free(t->a);
	free(t->v);
	hashmap_free(&t->idx);
	memset(t, 0, sizeof *t);
}

/* The key of mark i (for the index). */
static const char *
mark_key(const void *ctx, uint32_t i)
{
	const struct table *t = ctx;

	return t->v[i].key;
}

/* The mark of key, or NULL. */
static struct mark *
table_find(const struct table *t, const char *key, uint64_t h)
{
	long i = hashmap_get(&t->idx, key, h, mark_key, t);

	return i < 0 ? NULL : &t->v[i];
}

/* The mark of key, added (all fields unset) when missing. */
static struct mark *
table_get(struct table *t, const char *key)
{
	uint64_t h = hash_str(key);
	struct mark *m = table_find(t, key, h);

	if (m)
		return m;
	ALLOC_GROW(t->v, t->n + 1, t->alloc);
	m = &t->v[t->n];
	memset(m, 0, sizeof *m);
	m->key = arena_strdup(t->a, key);
	m->hash = h;
	hashmap_put(&t->idx, h, (uint32_t)t->n++);
	return m;
}

/* Append at most 40 bytes of s[0..n) for a message, controls as '?'. */
static void
quote_bytes(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 40; i++)
		buf_addch(out, (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i]);
	if (n > 40)
		buf_puts(out, "...");
}

/* Append key escaped for the file: \\ \t \n \r \xHH, and \# in front. */
static void
escape_key(struct buf *out, const char *k)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)k;

	if (*p == '#') {
		buf_puts(out, "\\#");
		p++;
	}
	for (; *p; p++) {
		switch (*p) {
		case '\\': buf_puts(out, "\\\\"); break;
		case '\t': buf_puts(out, "\\t"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': buf_puts(out, "\\r"); break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				buf_puts(out, "\\x");
				buf_addch(out, hex[*p >> 4]);
				buf_addch(out, hex[*p & 15]);
			} else {
				buf_addch(out, (char)*p);
			}
		}
	}
}

/* Value of one hex digit, or -1. */
static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Undo escape_key on s[0..n) into out; -1 on a bad escape or a NUL. */
static int
unescape_key(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (c == '\\') {
			if (++i >= n)
				return -1;
			switch (s[i]) {
			case '\\': c = '\\'; break;
			case 't': c = '\t'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case '#': c = '#'; break;
			case 'x': {
				int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
				int lo = i + 2 < n ? hexval(s[i + 2]) : -1;

				if (hi < 0 || lo < 0)
					return -1;
				c = hi * 16 + lo;
				i += 2;
				break;
			}
			default:
				return -1;
			}
		}
		if (c == 0)
			return -1;
		buf_addch(out, (char)c);
	}
	return 0;
}

/* Parse "NAME=V@MS" in s[0..n); fills field index, value and time. */
static int
parse_field(const char *s, size_t n, int *fi, int *val, int64_t *ms)
{
	const char *eq = memchr(s, '=', n);
	size_t i, k;
	int64_t t = 0;

	if (eq == NULL)
		return -1;
	for (k = 0; k < NFIELDS; k++)
		if (strlen(field_names[k]) == (size_t)(eq - s) &&
		    memcmp(s, field_names[k], (size_t)(eq - s)) == 0)
			break;
	if (k == NFIELDS)
		return -1;
	i = (size_t)(eq - s) + 1;
	if (i + 2 > n || (s[i] != '0' && s[i] != '1') || s[i + 1] != '@')
		return -1;
	*val = s[i] == '1';
	i += 2;
	if (i == n)
		return -1;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || t > (INT64_MAX - 9) / 10)
			return -1;
		t = t * 10 + (s[i] - '0');
	}
	*fi = (int)k;
	*ms = t;
	return 0;
}

/* Put field fi of m to (val, ms) when ms is newer than what m has. */
static void
take_newer(struct mark *m, int fi, int val, int64_t ms)
{
	if (ms < m->t[fi] || (ms == m->t[fi] && m->t[fi] != 0 && !val))
		return;
	m->t[fi] = ms;
	if (val)
		m->v |= (unsigned char)(1u << fi);
	else
		m->v &= (unsigned char)~(1u << fi);
}

/* Parse one record line; 0, or -1 with a reason in why. */
static int
parse_line(struct table *t, const char *s, size_t n, struct buf *key, struct buf *why)
{
	const char *tab = memchr(s, '\t', n);
	size_t klen = tab ? (size_t)(tab - s) : n;
	int fi[NFIELDS * 2], val[NFIELDS * 2];
	int64_t ms[NFIELDS * 2];
	size_t nf = 0, i;
	struct mark *m;

	buf_setlen(key, 0);
	if (klen == 0 || unescape_key(key, s, klen) < 0) {
		buf_puts(why, klen ? "bad escape in key '" : "empty key");
		if (klen) {
			quote_bytes(why, s, klen);
			buf_addch(why, '\'');
		}
		return -1;
	}
	while (tab) {
		const char *f = tab + 1, *end = s + n;

		tab = memchr(f, '\t', (size_t)(end - f));
		if (tab)
			end = tab;
		if (nf == NFIELDS * 2 || parse_field(f, (size_t)(end - f), &fi[nf], &val[nf], &ms[nf]) < 0) {
			buf_puts(why, "bad field '");
			quote_bytes(why, f, (size_t)(end - f));
			buf_addch(why, '\'');
			return -1;
		}
		nf++;
	}
	m = table_get(t, key->buf);
	for (i = 0; i < nf; i++)
		take_newer(m, fi[i], val[i], ms[i]);
	return 0;
}

/*
 * Parse a whole file into t.  Returns -1 when the header is wrong (reason
 * in why), else the number of records skipped; with report, each skipped
 * record becomes a FILE:LINE message.
 */
static long
parse(struct marks *st, const char *data, size_t len, struct table *t, int report, struct buf *why)
{
	struct buf key = BUF_INIT, reason = BUF_INIT;
	const char *p = data, *end = data + len;
	size_t line = 0;
	long bad = 0;

	buf_init(&key);
	buf_init(&reason);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;

		line++;
		if (line == 1) {
			if ((size_t)(e - p) != strlen(MARKS_HEADER) || memcmp(p, MARKS_HEADER, (size_t)(e - p)) != 0) {
				if ((size_t)(e - p) > strlen(MARKS_MAGIC) && memcmp(p, MARKS_MAGIC, strlen(MARKS_MAGIC)) == 0)
					buf_puts(why, "unsupported state file version '");
				else
					buf_puts(why, "not a paperboy state file: first line '");
				quote_bytes(why, p, (size_t)(e - p));
				buf_addch(why, '\'');
				bad = -1;
				break;
			}
		} else if (e > p && *p != '#') {
			buf_setlen(&reason, 0);
			if (parse_line(t, p, (size_t)(e - p), &key, &reason) < 0) {
				bad++;
				if (report)
					diag_addf(&st->msgs, DIAG_PLAIN, st->path ? st->path : "state", line,
					    "%s, record skipped", reason.buf);
			}
		}
		p = nl ? nl + 1 : end;
	}
	if (line == 0) {
		buf_puts(why, "empty file");
		bad = -1;
	}
	buf_free(&key);
	buf_free(&reason);
	return bad;
}

/*
 * Merge a table read from the file into the state: a field changed here
 * and not saved keeps its value unless the file's is newer; every other
 * field takes the file's value (unset when the file lacks the key).
 */
static void
merge_from(struct marks *st, const struct table *disk)
{
	size_t i, n = st->t.n;
	int k;

	for (i = 0; i < n; i++) {
		struct mark *m = &st->t.v[i];
		const struct mark *d = table_find(disk, m->key, m->hash);

		for (k = 0; k < NFIELDS; k++) {
			unsigned bit = 1u << k;
			int dv = d ? (d->v & bit) != 0 : 0;
			int64_t dt = d ? d->t[k] : 0;

			if (m->dirty & bit) {
				if (dt > m->t[k] || (dt == m->t[k] && dv && !(m->v & bit))) {
					m->dirty &= (unsigned char)~bit;
					m->t[k] = dt;
					m->v = (unsigned char)(dv ? m->v | bit : m->v & ~bit);
				}
			} else {
				m->t[k] = dt;
				m->v = (unsigned char)(dv ? m->v | bit : m->v & ~bit);
			}
		}
	}
	for (i = 0; i < disk->n; i++) {
		const struct mark *d = &disk->v[i];
		struct mark *m;

		if (table_find(&st->t, d->key, d->hash))
			continue;
		m = table_get(&st->t, d->key);
		m->v = d->v;
		memcpy(m->t, d->t, sizeof m->t);
	}
}

/* A new empty state. */
struct marks *
marks_new(const char *path)
{
	struct marks *st = xcalloc(1, sizeof *st);

	st->path = path ? xstrdup(path) : NULL;
	table_init(&st->t);
	diag_list_init(&st->msgs);
	return st;
}

/* Free everything. */
void
marks_free(struct marks *st)
{
	if (st == NULL)
		return;
	diag_list_free(&st->msgs);
	table_free(&st->t);
	free(st->path);
	free(st->file);
	free(st->nosave);
	free(st);
}

/* The file name. */
const char *
marks_path(const struct marks *st)
{
	return st->path;
}

/* Path of the lock file, beside the file itself. */
static void
lock_path(const struct marks *st, struct buf *out)
{
	buf_printf(out, "%s.lock", st->file);
}

/* From now on never replace the file: report why (a path and a reason). */
static void
refuse(struct marks *st, const char *why)
{
	diag_addf(&st->msgs, DIAG_PLAIN, NULL, 0, "%s; marks are not saved", why);
	free(st->nosave);
	st->nosave = xstrdup(why);
}

/*
 * Find the file behind st->path (links followed) into st->file.  Returns
 * 0 to go on (a regular file, or none yet), 1 for /dev/null (nothing is
 * read or saved), -1 when it is refused (reported once; never replaced).
 */
static int
locate(struct marks *st)
{
	struct buf target = BUF_INIT, why = BUF_INIT;
	struct stat sb;
	int rc = 0;

	if (st->discard)
		return 1;
	if (st->nosave)
		return -1;
	buf_init(&target);
	buf_init(&why);
	if (safeio_resolve(st->path, &target) < 0) {
		buf_printf(&why, "cannot follow the link '%s': %s", st->path, strerror(errno));
		refuse(st, why.buf);
		rc = -1;
	} else if (lstat(target.buf, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (safeio_is_null(target.buf)) {
			st->discard = 1;
			rc = 1;
		} else {
			buf_printf(&why, "'%s' is %s, not a regular file", st->path, safeio_kind(sb.st_mode));
			refuse(st, why.buf);
			rc = -1;
		}
	}
	free(st->file);
	st->file = buf_detach(&target, NULL);
	buf_free(&why);
	return rc;
}

/*
 * The file is unusable (why): set it aside under the lock, unless by then
 * it has been replaced by a good one, which is returned in data (1).
 * Returns 0 when set aside or gone, -1 when it stays (never replaced).
 */
static int
set_aside_locked(struct marks *st, const char *why, struct buf *data)
{
	struct buf lp = BUF_INIT, err = BUF_INIT, name = BUF_INIT, why2 = BUF_INIT;
	int fd, rc = -1;

	buf_init(&lp);
	buf_init(&err);
	buf_init(&name);
	buf_init(&why2);
	lock_path(st, &lp);
	fd = safeio_lock(lp.buf, &err);
	if (fd >= 0) {
		struct table t;
		int r, e;

		/* another reader may have replaced it meanwhile */
		buf_setlen(data, 0);
		table_init(&t);
		r = safeio_read_max(st->file, MARKS_MAX_BYTES, data, &err);
		e = errno;
		if (r == 0 && parse(st, data->buf, data->len, &t, 0, &why2) >= 0) {
			rc = 1;
		} else if (r < 0 && e == ENOENT) {
			rc = 0;
		} else if (r == 0 && safeio_set_aside(st->file, 0, &name, &err) == 0) {
			diag_addf(&st->msgs, DIAG_PLAIN, st->path, 0,
			    "%s; set aside as '%s'", why, name.buf);
			rc = 0;
		}
		table_free(&t);
		safeio_unlock(fd);
	}
	if (rc < 0) {
		buf_setlen(&why2, 0);
		buf_printf(&why2, "%s: %s; %s", st->path, why, err.buf);
		refuse(st, why2.buf);
	}
	buf_free(&lp);
	buf_free(&err);
	buf_free(&name);
	buf_free(&why2);
	return rc;
}

/* Read the file and merge it in. */
int
marks_load(struct marks *st)
{
	struct buf data = BUF_INIT, why = BUF_INIT;
	struct table disk;
	int rc;

	if (st->path == NULL)
		return 0;
	rc = locate(st);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	buf_init(&data);
	buf_init(&why);
	table_init(&disk);
	if (safeio_read_max(st->file, MARKS_MAX_BYTES, &data, &why) < 0) {
		if (errno != ENOENT) {
			/* unreadable (permissions, a FIFO put there, too large): left alone */
			refuse(st, why.buf);
			rc = -1;
		}
		buf_setlen(&why, 0);
	} else if (parse(st, data.buf, data.len, &disk, 1, &why) < 0) {
		rc = set_aside_locked(st, why.buf, &data);
	}
	if (rc == 1) {
		/* replaced by a good file while we waited for the lock */
		table_free(&disk);
		table_init(&disk);
		buf_setlen(&why, 0);
		parse(st, data.buf, data.len, &disk, 1, &why);
		rc = 0;
	} else if (why.len) {
		/* set aside, or kept but unusable: either way not loaded */
		rc = -1;
	}
	if (rc == 0 || !st->nosave)
		merge_from(st, &disk);
	table_free(&disk);
	buf_free(&data);
	buf_free(&why);
	return rc;
}

/* Read data[0..len) as the file's text: nothing on disk is touched. */
int
marks_load_text(struct marks *st, const char *data, size_t len)
{
	struct table disk;
	struct buf why = BUF_INIT;
	int rc = 0;

	table_init(&disk);
	buf_init(&why);
	if (parse(st, data, len, &disk, 1, &why) < 0) {
		diag_addf(&st->msgs, DIAG_PLAIN, st->path ? st->path : "state", 0, "%s", why.buf);
		rc = -1;
	} else {
		merge_from(st, &disk);
	}
	table_free(&disk);
	buf_free(&why);
	return rc;
}

/* Directory part of the file. */
static void
marks_dir(const struct marks *st, struct buf *out)
{
	const char *slash = strrchr(st->file, '/');

	if (slash && slash != st->file)
		buf_add(out, st->file, (size_t)(slash - st->file));
}

/* Forget the local changes: they are saved (or, for /dev/null, dropped). */
static void
mark_clean(struct marks *st)
{
	size_t i;

	for (i = 0; i < st->t.n; i++)
		st->t.v[i].dirty = 0;
}

/* Lock, re-read, merge, replace. */
int
marks_save(struct marks *st)
{
	struct buf dir = BUF_INIT, lp = BUF_INIT, err = BUF_INIT, data = BUF_INIT;
	struct buf why = BUF_INIT, name = BUF_INIT;
	struct table disk;
	int fd = -1, rc = -1, where;
	long bad = 0;

	if (st->path == NULL) {
		diag_addf(&st->msgs, DIAG_PLAIN, NULL, 0,
		    "no state file (set XDG_STATE_HOME or HOME); marks not saved");
		return -1;
	}
	if (st->nosave) {
		diag_addf(&st->msgs, DIAG_PLAIN, NULL, 0, "marks not saved: %s", st->nosave);
		return -1;
	}
	if (!marks_dirty(st))
		return marks_load(st);	/* nothing to write: only catch up with the file */
	where = locate(st);
	if (where != 0) {
		if (where > 0)
			mark_clean(st);	/* /dev/null: saving is off */
		return where > 0 ? 0 : -1;
	}
	buf_init(&dir);
	buf_init(&lp);
	buf_init(&err);
	buf_init(&data);
	buf_init(&why);
	buf_init(&name);
	table_init(&disk);
	marks_dir(st, &dir);
	if (dir.len && safeio_mkdirs(dir.buf, &err) < 0)
		goto out;
	lock_path(st, &lp);
	fd = safeio_lock(lp.buf, &err);
	if (fd < 0)
		goto out;
	safeio_clean_stale(st->file);
	if (safeio_read_max(st->file, MARKS_MAX_BYTES, &data, &err) < 0) {
		if (errno != ENOENT)
			goto out;	/* unreadable: never replaced, tried again at the next save */
		buf_setlen(&err, 0);
	} else if ((bad = parse(st, data.buf, data.len, &disk, 0, &why)) < 0) {
		if (safeio_set_aside(st->file, 0, &name, &err) < 0)
			goto out;
		diag_addf(&st->msgs, DIAG_PLAIN, st->path, 0,
		    "%s; set aside as '%s'", why.buf, name.buf);
		table_free(&disk);
		table_init(&disk);
	} else if (bad > 0) {
		if (safeio_set_aside(st->file, 1, &name, &err) < 0)
			goto out;
		diag_addf(&st->msgs, DIAG_PLAIN, st->path, 0,
		    "%ld record%s skipped; the old file is kept as '%s'", bad,
		    bad == 1 ? "" : "s", name.buf);
	}
	merge_from(st, &disk);
	buf_setlen(&data, 0);
	marks_format(st, &data);
	if (safeio_write(st->file, data.buf, data.len, 0600, &err) < 0)
		goto out;
	mark_clean(st);
	rc = 0;
out:
	if (rc < 0)
		diag_addf(&st->msgs, DIAG_PLAIN, NULL, 0, "%s", err.buf);
	safeio_unlock(fd);
	table_free(&disk);
	buf_free(&dir);
	buf_free(&lp);
	buf_free(&err);
	buf_free(&data);
	buf_free(&why);
	buf_free(&name);
	return rc;
}

/* A field's value. */
int
marks_get(const struct marks *st, const char *key, enum marks_field f)
{
	const struct mark *m = table_find(&st->t, key, hash_str(key));

	return m && (m->v & f) != 0;
}

/* A field's time. */
int64_t
marks_time(const struct marks *st, const char *key, enum marks_field f)
{
	const struct mark *m = table_find(&st->t, key, hash_str(key));

	return m ? m->t[fidx(f)] : 0;
}

/* Set a field with an explicit time, as a local change. */
void
marks_set_at(struct marks *st, const char *key, enum marks_field f, int on, int64_t ms)
{
	struct mark *m = table_get(&st->t, key);
	int k = fidx(f);

	m->t[k] = ms;
	m->v = (unsigned char)(on ? m->v | (1u << k) : m->v & ~(1u << k));
	m->dirty |= (unsigned char)(1u << k);
}

/* Set a field now (later than its previous time, whatever the clocks say). */
void
marks_set(struct marks *st, const char *key, enum marks_field f, int on)
{
	int64_t t = now_ms(), old = marks_time(st, key, f);

	marks_set_at(st, key, f, on, t > old ? t : old + 1);
}

/* Flip a field now. */
int
marks_toggle(struct marks *st, const char *key, enum marks_field f)
{
	int on = !marks_get(st, key, f);

	marks_set(st, key, f, on);
	return on;
}

/* Keys with field f set. */
size_t
marks_count(const struct marks *st, enum marks_field f)
{
	size_t i, n = 0;

	for (i = 0; i < st->t.n; i++)
		n += (st->t.v[i].v & f) != 0;
	return n;
}

/* The keys whose field f is set. */
size_t
marks_keys(const struct marks *st, enum marks_field f, const char ***keys)
{
	size_t i, n = 0;

	*keys = xcalloc(st->t.n ? st->t.n : 1, sizeof **keys);
	for (i = 0; i < st->t.n; i++)
		if (st->t.v[i].v & f)
			(*keys)[n++] = st->t.v[i].key;
	return n;
}

/* Unsaved changes? */
int
marks_dirty(const struct marks *st)
{
	size_t i;

	for (i = 0; i < st->t.n; i++)
		if (st->t.v[i].dirty)
			return 1;
	return 0;
}

/* Keys with unsaved changes. */
size_t
marks_ndirty(const struct marks *st)
{
	size_t i, n = 0;

	for (i = 0; i < st->t.n; i++)
		n += st->t.v[i].dirty != 0;
	return n;
}

/* Order marks by key. */
static int
mark_cmp(const void *a, const void *b)
{
	const struct mark *const *x = a, *const *y = b;

	return strcmp((*x)->key, (*y)->key);
}

/* The file text: header, a comment, records sorted by key. */
void
marks_format(const struct marks *st, struct buf *out)
{
	const struct mark **v = xcalloc(st->t.n ? st->t.n : 1, sizeof *v);
	size_t i, n = 0;
	int k;

	for (i = 0; i < st->t.n; i++)
		if (st->t.v[i].t[0] || st->t.v[i].t[1] || st->t.v[i].v)
			v[n++] = &st->t.v[i];
	qsort(v, n, sizeof *v, mark_cmp);
	buf_puts(out, MARKS_HEADER "\n# KEY<TAB>read=0|1@MS<TAB>starred=0|1@MS (MS: when set, ms since 1970)\n");
	for (i = 0; i < n; i++) {
		escape_key(out, v[i]->key);
		for (k = 0; k < NFIELDS; k++)
			if (v[i]->t[k] || ((v[i]->v >> k) & 1))	/* a set field is kept even at time 0 */
				buf_printf(out, "\t%s=%d@%lld", field_names[k], (v[i]->v >> k) & 1,
				    (long long)v[i]->t[k]);
		buf_addch(out, '\n');
	}
	free(v);
}

/* The messages. */
const struct diag_list *
marks_diags(const struct marks *st)
{
	return &st->msgs;
}

/* Number of messages. */
size_t
marks_nmsgs(const struct marks *st)
{
	return st->msgs.n;
}

/* Message i, formatted. */
const char *
marks_msg(const struct marks *st, size_t i)
{
	return diag_line(&st->msgs, i);
}

/* Forget the messages. */
void
marks_clear_msgs(struct marks *st)
{
	diag_list_clear(&st->msgs);
}
