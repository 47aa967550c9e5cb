/* ingest.c: reading files and directories, sniffing, dispatch, messages. */
#include "ingest.h"
#include "arena.h"
#include "buf.h"
#include "parse.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ingest {
	struct lib *lib;
	struct arena *a;		/* file names and message texts */
	struct arena *scratch;		/* per-record scratch for parsers */
	struct ingest_file *files; size_t nfiles, afiles;
	struct ingest_msg *msgs; size_t nmsgs, amsgs;
	struct buf data;		/* the file being read, reused */
	struct buf tmp;
	struct buf ptmp;		/* the parsers' pctx.tmp, reused */
	size_t bytes;
};

static const char *const fmt_names[FMT_NFORMATS] = {
	"unknown", "table", "ko-digest", "abstract", "hf-page", "json", "atom",
};

/* Short name of a format. */
const char *
fmt_name(enum fmt f)
{
	return (unsigned)f < FMT_NFORMATS ? fmt_names[f] : "unknown";
}

/* A new ingester. */
struct ingest *
ingest_new(struct lib *lib)
{
	struct ingest *ing = xcalloc(1, sizeof *ing);

	ing->lib = lib;
	ing->a = arena_new();
	ing->scratch = arena_new();
	buf_init(&ing->data);
	buf_init(&ing->tmp);
	buf_init(&ing->ptmp);
	return ing;
}

/* Free the ingester. */
void
ingest_free(struct ingest *ing)
{
	if (ing == NULL)
		return;
	arena_free(ing->a);
	arena_free(ing->scratch);
	free(ing->files);
	free(ing->msgs);
	buf_free(&ing->data);
	buf_free(&ing->tmp);
	buf_free(&ing->ptmp);
	free(ing);
}

/* Record a message (text sanitised to one clean line). */
void
ingest_add_msg(struct ingest *ing, enum msg_level lvl, const char *file,
    size_t line, const char *text, size_t len)
{
	struct ingest_msg *m;

	if (ing->nmsgs == ing->amsgs) {
		ing->amsgs = ing->amsgs ? ing->amsgs * 2 : 64;
		ing->msgs = xrealloc(ing->msgs, ing->amsgs * sizeof *ing->msgs);
	}
	m = &ing->msgs[ing->nmsgs++];
	m->level = lvl;
	m->file = file;
	m->line = line;
	buf_setlen(&ing->tmp, 0);
	text_clean(&ing->tmp, text, len, TEXT_ONELINE | TEXT_SQUEEZE);
	m->text = arena_strndup(ing->a, ing->tmp.buf, ing->tmp.len);
}

/* Add a file entry; the path is copied (and cleaned for display). */
static struct ingest_file *
add_file(struct ingest *ing, const char *path)
{
	struct ingest_file *f;

	if (ing->nfiles == ing->afiles) {
		ing->afiles = ing->afiles ? ing->afiles * 2 : 64;
		ing->files = xrealloc(ing->files, ing->afiles * sizeof *ing->files);
	}
	f = &ing->files[ing->nfiles++];
	memset(f, 0, sizeof *f);
	buf_setlen(&ing->tmp, 0);
	text_clean(&ing->tmp, path, strlen(path), TEXT_ONELINE);
	f->path = arena_strndup(ing->a, ing->tmp.buf, ing->tmp.len);
	return f;
}

/* Line starting at s of length n equals (ignoring trailing blanks) lit. */
static int
line_is(const char *s, size_t n, const char *lit)
{
	trim(&s, &n);
	return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

/* "May 9" / "Sep 12" / "September 12": a day label without a year. */
static int
is_day_label(const char *s, size_t n)
{
	static const char *const mon[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
	};
	size_t i, k;

	trim(&s, &n);
	if (n < 5 || n > 12)
		return 0;
	for (k = 0; k < 12; k++)
		if (memcmp(s, mon[k], 3) == 0)
			break;
	if (k == 12)
		return 0;
	for (i = 3; i < n && s[i] >= 'a' && s[i] <= 'z'; i++)
		;
	if (i >= n || s[i] != ' ')
		return 0;
	i++;
	if (n - i < 1 || n - i > 2)
		return 0;
	for (; i < n; i++)
		if (!(s[i] >= '0' && s[i] <= '9'))
			return 0;
	return 1;
}

/* A table header line naming a Title column, followed by a |---| line. */
static int
is_table_header(const char *s, size_t n, const char *next, size_t nn)
{
	size_t i;

	trim(&s, &n);
	if (n < 3 || s[0] != '|' || !table_separator(next, nn))
		return 0;
	for (i = 0; i + 5 <= n; i++)
		if ((s[i] | 0x20) == 't' && (s[i + 1] | 0x20) == 'i' &&
		    (s[i + 2] | 0x20) == 't' && (s[i + 3] | 0x20) == 'l' && (s[i + 4] | 0x20) == 'e')
			return 1;
	return 0;
}

/* Detect the format from the content (the first 64 KiB, 2000 lines). */
enum fmt
ingest_sniff(const char *data, size_t len)
{
	size_t i = 0, lim = len < 65536 ? len : 65536;
	struct lines it;
	const char *s, *prev = NULL;
	size_t n, prevn = 0, count = 0;
	int first = 1;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < lim && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	if (i < lim && (data[i] == '[' || data[i] == '{'))
		return FMT_JSON;
	if (i < lim && data[i] == '<') {
		size_t k, w = lim - i < 4096 ? lim - i : 4096;

		for (k = i; k + 5 <= i + w; k++)
			if (data[k] == '<' && (memcmp(data + k, "<feed", 5) == 0 ||
			    memcmp(data + k, "<rss", 4) == 0 || (k + 8 <= i + w && memcmp(data + k, "<rdf:RDF", 8) == 0)))
				return FMT_ATOM;
	}
	lines_init(&it, data + i, lim - i, 1);
	while (lines_next(&it, &s, &n) && count++ < 2000) {
		if (starts_with(s, n, "## Papers for") || starts_with(s, n, "# Papers for"))
			return FMT_TABLE;
		if (starts_with(s, n, "## Daily Papers") || starts_with(s, n, "### ["))
			return FMT_KO;
		if (starts_with(s, n, "Abstract:"))
			return FMT_ABSTRACT;
		if (line_is(s, n, "Get trending papers in your email inbox!") ||
		    line_is(s, n, "byAK and the research community"))
			return FMT_HFPAGE;
		if (prev && is_table_header(prev, prevn, s, n))
			return FMT_TABLE;
		if (!is_blank(s, n)) {
			if (first && is_day_label(s, n))
				return FMT_HFPAGE;
			first = 0;
			prev = s;
			prevn = n;
		}
	}
	return FMT_UNKNOWN;
}

/* Run the parser for fmt over data. */
static void
run_parser(struct ingest *ing, enum fmt f, const char *data, size_t len,
    struct ingest_file *file)
{
	struct pctx p;

	memset(&p, 0, sizeof p);
	p.ing = ing;
	p.lib = ing->lib;
	p.file = file->path;
	p.data = data;
	p.len = len;
	p.scratch = ing->scratch;
	p.mark = arena_mark(ing->scratch);
	p.line_base = 1;
	p.line_at = 1;
	p.tmp = ing->ptmp;	/* lent for the file, kept between files */
	switch (f) {
	case FMT_TABLE: parse_table(&p); break;
	case FMT_KO: parse_ko(&p); break;
	case FMT_ABSTRACT: parse_abstract(&p); break;
	case FMT_HFPAGE: parse_hfpage(&p); break;
	case FMT_JSON: parse_json(&p); break;
	case FMT_ATOM: parse_atom(&p); break;
	default: break;
	}
	arena_reset(ing->scratch, p.mark);
	ing->ptmp = p.tmp;
	file->npapers = p.npapers;
}

/* Ingest one buffer; quiet says an unrecognised input is only noted. */
static int
ingest_data(struct ingest *ing, const char *name, const char *data, size_t len, int quiet)
{
	struct ingest_file *f = add_file(ing, name);
	enum fmt fmt;

	f->bytes = len;
	ing->bytes += len;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	fmt = ingest_sniff(data, len);
	f->fmt = fmt;
	if (fmt == FMT_UNKNOWN) {
		static const char note[] = "skipped: not a digest in any known format";

		if (quiet) {
			ingest_add_msg(ing, MSG_NOTE, f->path, 0, note, sizeof note - 1);
			return 0;
		}
		f->failed = 1;
		/* the same text without "skipped: " */
		ingest_add_msg(ing, MSG_ERROR, f->path, 0, note + 9, sizeof note - 1 - 9);
		return -1;
	}
	run_parser(ing, fmt, data, len, f);
	return 0;
}

/* Ingest an in-memory input. */
int
ingest_buffer(struct ingest *ing, const char *name, const char *data, size_t len)
{
	return ingest_data(ing, name, data, len, 0);
}

/* Read a whole file into ing->data; -1 with errno on failure. */
static int
read_file(struct ingest *ing, const char *path, const struct stat *st)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t want;

	if (fd < 0)
		return -1;
	buf_setlen(&ing->data, 0);
	want = st->st_size > 0 ? (size_t)st->st_size : 4096;
	buf_grow(&ing->data, want);
	for (;;) {
		ssize_t r;

		if (ing->data.alloc - ing->data.len < 2)
			buf_grow(&ing->data, ing->data.len);
		r = read(fd, ing->data.buf + ing->data.len, ing->data.alloc - ing->data.len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			{
				int e = errno;

				close(fd);
				errno = e;
			}
			return -1;
		}
		if (r == 0)
			break;
		ing->data.len += (size_t)r;
	}
	ing->data.buf[ing->data.len] = '\0';
	close(fd);
	return 0;
}

/* Report a file that could not be read. */
static int
fail_path(struct ingest *ing, const char *path, const char *what, int err)
{
	struct ingest_file *f = add_file(ing, path);

	struct buf msg = BUF_INIT;

	f->failed = 1;
	buf_init(&msg);
	buf_printf(&msg, "%s: %s", what, strerror(err));
	ingest_add_msg(ing, MSG_ERROR, f->path, 0, msg.buf, msg.len);
	buf_free(&msg);
	return -1;
}

/* Read one regular file. */
static int
ingest_file_path(struct ingest *ing, const char *path, const struct stat *st, int quiet)
{
	if (read_file(ing, path, st) < 0)
		return fail_path(ing, path, "cannot read file", errno);
	return ingest_data(ing, path, ing->data.buf, ing->data.len, quiet);
}

/* Compare names for qsort. */
static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct dirid {
	dev_t dev;
	ino_t ino;
};

/*
 * Read a path: a file, or a directory walked iteratively (explicit stack,
 * entries in name order, hidden entries skipped, each directory once).
 */
int
ingest_path(struct ingest *ing, const char *path)
{
	char **stack = NULL;
	size_t nstack = 0, astack = 0;
	struct dirid *seen = NULL;
	size_t nseen = 0, aseen = 0;
	int rc = 0;
	struct stat st;

	if (stat(path, &st) < 0)
		return fail_path(ing, path, "cannot open", errno);
	if (!S_ISDIR(st.st_mode)) {
		if (!S_ISREG(st.st_mode)) {
			return fail_path(ing, path, "not a regular file", EINVAL);
		}
		return ingest_file_path(ing, path, &st, 0);
	}
	astack = 16;
	stack = xcalloc(astack, sizeof *stack);
	stack[nstack++] = xstrdup(path);
	while (nstack) {
		char *cur = stack[--nstack];
		DIR *d;
		struct dirent *de;
		char **names = NULL;
		size_t nnames = 0, anames = 0, k;

		if (stat(cur, &st) < 0) {
			rc = fail_path(ing, cur, "cannot open", errno);
			free(cur);
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			if (S_ISREG(st.st_mode) && ingest_file_path(ing, cur, &st, 1) < 0)
				rc = -1;
			free(cur);
			continue;
		}
		for (k = 0; k < nseen; k++)
			if (seen[k].dev == st.st_dev && seen[k].ino == st.st_ino)
				break;
		if (k < nseen) {
			free(cur);
			continue;
		}
		if (nseen == aseen) {
			aseen = aseen ? aseen * 2 : 16;
			seen = xrealloc(seen, aseen * sizeof *seen);
		}
		seen[nseen].dev = st.st_dev;
		seen[nseen++].ino = st.st_ino;
		d = opendir(cur);
		if (d == NULL) {
			rc = fail_path(ing, cur, "cannot open directory", errno);
			free(cur);
			continue;
		}
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			if (nnames == anames) {
				anames = anames ? anames * 2 : 32;
				names = xrealloc(names, anames * sizeof *names);
			}
			buf_setlen(&ing->tmp, 0);
			buf_puts(&ing->tmp, cur);
			if (ing->tmp.len && ing->tmp.buf[ing->tmp.len - 1] != '/')
				buf_addch(&ing->tmp, '/');
			buf_puts(&ing->tmp, de->d_name);
			names[nnames++] = xstrdup(ing->tmp.buf);
		}
		closedir(d);
		qsort(names, nnames, sizeof *names, name_cmp);
		/* push in reverse so the first name is read first */
		for (k = nnames; k > 0; k--) {
			if (nstack == astack) {
				astack *= 2;
				stack = xrealloc(stack, astack * sizeof *stack);
			}
			stack[nstack++] = names[k - 1];
		}
		free(names);
		free(cur);
	}
	free(stack);
	free(seen);
	return rc;
}

/* Files read so far. */
size_t
ingest_nfiles(const struct ingest *ing)
{
	return ing->nfiles;
}

const struct ingest_file *
ingest_file(const struct ingest *ing, size_t i)
{
	return i < ing->nfiles ? &ing->files[i] : NULL;
}

/* Messages so far. */
size_t
ingest_nmsgs(const struct ingest *ing)
{
	return ing->nmsgs;
}

const struct ingest_msg *
ingest_msg(const struct ingest *ing, size_t i)
{
	return i < ing->nmsgs ? &ing->msgs[i] : NULL;
}

/* Total bytes read. */
size_t
ingest_bytes(const struct ingest *ing)
{
	return ing->bytes;
}
