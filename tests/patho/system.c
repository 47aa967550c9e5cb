/* system.c: pathological cases outside in-memory ingest.
 *
 * Each case runs in a fresh directory and times its critical part
 * against the bound: state and settings paths that are FIFOs, endless
 * devices or links to /dev/null (never waited on, read whole or
 * replaced); a save that cannot succeed (reported, kept pending); a
 * BibTeX export of hostile titles (every field brace-balanced); tens of
 * thousands of settings lines with escape sequences (messages clean); a
 * library full of dangling links and FIFOs (noted, the rest read); a
 * 40 GB sparse file in a library (skipped, the rest read) and a 1 GB file
 * that is not a digest (only its head read); a 90,000-directory walk; a
 * 1 MB bracketed paste into the search prompt, and 100,000 keys typed in
 * one batch (one search, not one per key).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/safeio.h"
#include "export/export.h"
#include "ingest/ingest.h"
#include "marks/marks.h"
#include "model/lib.h"
#include "settings/settings.h"
#include "text/text.h"
#include "ui/layout.h"
#include "ui/paste.h"
#include "ui/state.h"
#include "patho.h"

#include <sys/wait.h>

/* dir/name into out (emptied first). */
static const char *
path_in(struct buf *out, const char *dir, const char *name)
{
	buf_setlen(out, 0);
	buf_printf(out, "%s/%s", dir, name);
	return out->buf;
}

/* Write s to path; 0 or -1. */
static int
put(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(s, 1, n, f) == n;

	if (f && fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/* Load and save marks at path; -1 unless both are refused (or both succeed when ok). */
static int
marks_at(const char *path, int ok, double *secs, char *why, size_t wn)
{
	double t0 = patho_now();
	struct marks *st = marks_new(path);
	int l = marks_load(st), s;

	marks_set(st, "arxiv:2505.00001", MARKS_STARRED, 1);
	s = marks_save(st);
	*secs = patho_now() - t0;
	if (ok ? (l != 0 || s != 0 || marks_nmsgs(st) != 0) : (l != -1 || s != -1 || !marks_dirty(st)))
		snprintf(why, wn, "load %d, save %d, %zu messages, %s", l, s, marks_nmsgs(st),
		    marks_nmsgs(st) ? marks_msg(st, 0) : "");
	else if (!ok && !strstr(marks_msg(st, 0), "not a regular file"))
		snprintf(why, wn, "message: %s", marks_msg(st, 0));
	marks_free(st);
	return why[0] ? -1 : 0;
}

/* The state file is a FIFO without a writer: refused at once, left a FIFO. */
static int
s_state_fifo(const char *dir, double *secs, char *why, size_t wn)
{
	struct buf p = BUF_INIT;
	struct stat sb;
	int rc;

	buf_init(&p);
	if (mkfifo(path_in(&p, dir, "state"), 0600) < 0) {
		snprintf(why, wn, "mkfifo: %s", strerror(errno));
		buf_free(&p);
		return -1;
	}
	rc = marks_at(p.buf, 0, secs, why, wn);
	if (rc == 0 && (lstat(p.buf, &sb) < 0 || !S_ISFIFO(sb.st_mode))) {
		snprintf(why, wn, "the FIFO was replaced");
		rc = -1;
	}
	buf_free(&p);
	return rc;
}

/* The state file is a link to /dev/zero: never read (it never ends). */
static int
s_state_zero(const char *dir, double *secs, char *why, size_t wn)
{
	struct buf p = BUF_INIT;
	struct stat sb;
	int rc;

	buf_init(&p);
	if (symlink("/dev/zero", path_in(&p, dir, "state")) < 0) {
		snprintf(why, wn, "symlink: %s", strerror(errno));
		buf_free(&p);
		return -1;
	}
	rc = marks_at(p.buf, 0, secs, why, wn);
	if (rc == 0 && (lstat(p.buf, &sb) < 0 || !S_ISLNK(sb.st_mode))) {
		snprintf(why, wn, "the link was replaced");
		rc = -1;
	}
	buf_free(&p);
	return rc;
}

/* The state file is a link to /dev/null: saving is off, nothing is made. */
static int
s_state_null(const char *dir, double *secs, char *why, size_t wn)
{
	struct buf p = BUF_INIT, q = BUF_INIT;
	int rc;

	buf_init(&p);
	buf_init(&q);
	if (symlink("/dev/null", path_in(&p, dir, "state")) < 0) {
		snprintf(why, wn, "symlink: %s", strerror(errno));
		rc = -1;
	} else {
		rc = marks_at(p.buf, 1, secs, why, wn);
		if (rc == 0 && access(path_in(&q, dir, "state.lock"), F_OK) == 0) {
			snprintf(why, wn, "a lock file was made beside the link");
			rc = -1;
		}
	}
	buf_free(&p);
	buf_free(&q);
	return rc;
}

/* The settings file is a FIFO, then a link to /dev/zero: refused at once. */
static int
s_settings_fifo_zero(const char *dir, double *secs, char *why, size_t wn)
{
	struct buf f = BUF_INIT, z = BUF_INIT;
	struct settings *a = NULL, *b = NULL;
	double t0;

	buf_init(&f);
	buf_init(&z);
	if (mkfifo(path_in(&f, dir, "fifo"), 0600) < 0 || symlink("/dev/zero", path_in(&z, dir, "zero")) < 0) {
		snprintf(why, wn, "mkfifo or symlink: %s", strerror(errno));
	} else {
		t0 = patho_now();
		a = settings_load(f.buf);
		b = settings_load(z.buf);
		*secs = patho_now() - t0;
		if (settings_nmsgs(a) != 1 || settings_nmsgs(b) != 1 ||
		    !strstr(settings_msg(a, 0), "is a FIFO") || !strstr(settings_msg(b, 0), "is a character device"))
			snprintf(why, wn, "messages: %s / %s", settings_nmsgs(a) ? settings_msg(a, 0) : "none",
			    settings_nmsgs(b) ? settings_msg(b, 0) : "none");
	}
	settings_free(a);
	settings_free(b);
	buf_free(&f);
	buf_free(&z);
	return why[0] ? -1 : 0;
}

/* A save that cannot work (a file where the directory should be): -1, kept pending, fast. */
static int
s_save_fails(const char *dir, double *secs, char *why, size_t wn)
{
	struct buf p = BUF_INIT;
	struct marks *st;
	double t0;
	int i, fails = 0, rc;

	buf_init(&p);
	put(path_in(&p, dir, "notadir"), "", 0);
	buf_puts(&p, "/state");
	st = marks_new(p.buf);
	t0 = patho_now();
	for (i = 0; i < 1000; i++) {
		char key[32];

		snprintf(key, sizeof key, "arxiv:2505.%05d", i);
		marks_set(st, key, MARKS_READ, 1);
		fails += marks_save(st) < 0;
	}
	*secs = patho_now() - t0;
	rc = fails == 1000 && marks_ndirty(st) == 1000 ? 0 : -1;
	if (rc < 0)
		snprintf(why, wn, "%d of 1000 saves failed, %zu marks pending", fails, marks_ndirty(st));
	else
		snprintf(why, wn, "1000 failed saves, 1000 marks pending");
	marks_free(st);
	buf_free(&p);
	return rc;
}

/* True when every "  name = {...}," line of a BibTeX text closes its field exactly at its end. */
static int
bib_balanced(const char *s, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		const char *l = s + pos, *nl = memchr(l, '\n', len - pos), *eq;
		size_t n = nl ? (size_t)(nl - l) : len - pos, i;
		long depth = 0;

		eq = n > 4 && l[0] == ' ' && l[1] == ' ' ? memchr(l, '=', n) : NULL;
		if (eq) {
			for (i = (size_t)(eq - l) + 2; i < n; i++) {
				depth += l[i] == '{' ? 1 : l[i] == '}' ? -1 : 0;
				if (depth == 0)
					break;
			}
			if (i != n - 2)
				return 0;
		}
		pos += n + 1;
	}
	return 1;
}

/* 2,000 papers whose titles and names are walls of braces and injections, exported as BibTeX. */
static int
s_bibtex_braces(const char *dir, double *secs, char *why, size_t wn)
{
	struct lib *lib = lib_new();
	struct buf title = BUF_INIT, out = BUF_INIT, id = BUF_INIT;
	const char *authors[3] = { "Tom AND Jerry", "}{Mallory", "Eve, Smith and others" };
	const struct paper **v;
	size_t i, n;
	double t0;

	(void)dir;
	buf_init(&title);
	buf_init(&out);
	buf_init(&id);
	for (i = 0; i < 2000; i++) {
		struct rec r;
		size_t k;

		buf_setlen(&title, 0);
		for (k = 0; k < 50; k++)
			buf_puts(&title, i % 2 ? "}, author = {x}, url = {" : "{{{\\}");
		buf_setlen(&id, 0);
		buf_printf(&id, "2505.%05zu", i);
		memset(&r, 0, sizeof r);
		r.file = "patho";
		r.id = id.buf;
		r.title = title.buf;
		r.authors = authors;
		r.nauthors = 3;
		r.votes = -1;
		lib_add_paper(lib, &r);
	}
	lib_finish(lib);
	n = lib_npapers(lib);
	v = xcalloc(n, sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = lib_paper(lib, i);
	t0 = patho_now();
	export_papers(&out, EXPORT_BIBTEX, lib, NULL, NULL, v, n);
	*secs = patho_now() - t0;
	if (!bib_balanced(out.buf, out.len))
		snprintf(why, wn, "a BibTeX field is not brace-balanced");
	else
		snprintf(why, wn, "%zu entries, %zu bytes, every field balanced", n, out.len);
	free(v);
	buf_free(&title);
	buf_free(&out);
	buf_free(&id);
	lib_free(lib);
	return strstr(why, "not") ? -1 : 0;
}

/* 18,000 bad settings lines full of escape sequences (under the 1 MB bound): every message is clean. */
static int
s_settings_escapes(const char *dir, double *secs, char *why, size_t wn)
{
	struct buf p = BUF_INIT, text = BUF_INIT;
	struct settings *c;
	double t0;
	size_t i, bad = 0;

	buf_init(&p);
	buf_init(&text);
	for (i = 0; i < 9000; i++)
		buf_printf(&text, "%s\033]0;pwned\a = \033[2J%zu\nbind \033[31m quit\n",
		    i % 2 ? "color.x" : "mouse", i);
	put(path_in(&p, dir, "config"), text.buf, text.len);
	t0 = patho_now();
	c = settings_load(p.buf);
	*secs = patho_now() - t0;
	for (i = 0; i < settings_nmsgs(c); i++) {
		struct buf clean = BUF_INIT;
		const char *m = settings_msg(c, i);

		/* what main prints: the message cleaned like a file name */
		buf_init(&clean);
		text_clean(&clean, m, strlen(m), TEXT_ONELINE);
		bad += strchr(clean.buf, '\033') != NULL || strchr(clean.buf, '\a') != NULL;
		buf_free(&clean);
	}
	if (bad || settings_nmsgs(c) != 18000)
		snprintf(why, wn, "%zu messages, %zu with a control character", settings_nmsgs(c), bad);
	else
		snprintf(why, wn, "%zu messages, all clean", settings_nmsgs(c));
	settings_free(c);
	buf_free(&p);
	buf_free(&text);
	return strstr(why, "all clean") ? 0 : -1;
}

/* A library of 2,000 dangling links, 2,000 FIFOs and one digest: noted, read, not failed. */
static int
s_library_specials(const char *dir, double *secs, char *why, size_t wn)
{
	static const char digest[] = "Abstract: A digest among dangling links and FIFOs.\n";
	struct buf p = BUF_INIT, name = BUF_INIT;
	struct lib *lib = lib_new();
	struct ingest *ing;
	double t0;
	size_t i, notes = 0;
	int rc;

	buf_init(&p);
	buf_init(&name);
	for (i = 0; i < 2000; i++) {
		buf_setlen(&name, 0);
		buf_printf(&name, "dangling-%04zu.md", i);
		if (symlink("nowhere", path_in(&p, dir, name.buf)) < 0)
			break;
		buf_setlen(&name, 0);
		buf_printf(&name, "fifo-%04zu.md", i);
		if (mkfifo(path_in(&p, dir, name.buf), 0600) < 0)
			break;
	}
	put(path_in(&p, dir, "digest.txt"), digest, sizeof digest - 1);
	ing = ingest_new(lib);
	t0 = patho_now();
	rc = ingest_path(ing, dir);
	lib_finish(lib);
	*secs = patho_now() - t0;
	for (i = 0; i < ingest_nmsgs(ing); i++)
		notes += ingest_msg(ing, i)->level == DIAG_NOTE;
	if (rc != 0 || lib_npapers(lib) != 1 || notes != 4000)
		snprintf(why, wn, "ingest_path %d, %zu papers, %zu notes (want 0, 1, 4000)", rc,
		    lib_npapers(lib), notes);
	else
		snprintf(why, wn, "4000 entries noted, the digest read");
	ingest_free(ing);
	lib_free(lib);
	buf_free(&p);
	buf_free(&name);
	return strstr(why, "want") ? -1 : 0;
}

/* A sparse file of size bytes at path; 0 or -1. */
static int
sparse(const char *path, long long size)
{
	FILE *f = fopen(path, "wb");
	int ok = f && ftruncate(fileno(f), (off_t)size) == 0;

	if (f && fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/* A 40 GB sparse file beside a digest: skipped with a warning, the digest read, nothing fails. */
static int
s_huge_file(const char *dir, double *secs, char *why, size_t wn)
{
	static const char digest[] = "Abstract: The one digest beside a huge file.\n";
	struct buf p = BUF_INIT;
	struct lib *lib = lib_new();
	struct ingest *ing = ingest_new(lib);
	double t0;
	int rc;

	buf_init(&p);
	put(path_in(&p, dir, "a-digest.txt"), digest, sizeof digest - 1);
	if (sparse(path_in(&p, dir, "b-huge.md"), 40LL << 30) < 0) {
		snprintf(why, wn, "cannot make a 40 GB sparse file: %s", strerror(errno));
	} else {
		t0 = patho_now();
		rc = ingest_path(ing, dir);
		lib_finish(lib);
		*secs = patho_now() - t0;
		if (rc != 0 || lib_npapers(lib) != 1 || ingest_nmsgs(ing) != 1 ||
		    !strstr(ingest_msg(ing, 0)->text, "over max-file-size"))
			snprintf(why, wn, "ingest_path %d, %zu papers, %zu messages (%s)", rc, lib_npapers(lib),
			    ingest_nmsgs(ing), ingest_nmsgs(ing) ? ingest_msg(ing, 0)->text : "");
		else
			snprintf(why, wn, "skipped: %s", ingest_msg(ing, 0)->text);
	}
	ingest_free(ing);
	lib_free(lib);
	buf_free(&p);
	return strstr(why, "skipped:") ? 0 : -1;
}

/* A 1 GB file that is not a digest, under a 2 GB limit: sniffed from its first 64 KiB only. */
static int
s_gigabyte_not_digest(const char *dir, double *secs, char *why, size_t wn)
{
	struct buf p = BUF_INIT;
	struct lib *lib = lib_new();
	struct ingest *ing = ingest_new(lib);
	double t0;

	buf_init(&p);
	ingest_set_max_file_size(ing, 2ULL << 30);
	if (sparse(path_in(&p, dir, "zeros.bin"), 1LL << 30) < 0) {
		snprintf(why, wn, "cannot make a 1 GB sparse file: %s", strerror(errno));
	} else {
		t0 = patho_now();
		ingest_path(ing, dir);
		*secs = patho_now() - t0;
		if (ingest_nfiles(ing) != 1 || ingest_file(ing, 0)->bytes != 65536)
			snprintf(why, wn, "read %zu bytes of it, not 65536", ingest_nfiles(ing) ? ingest_file(ing, 0)->bytes : 0);
		else
			snprintf(why, wn, "65536 bytes read, noted: %s", ingest_msg(ing, 0)->text);
	}
	ingest_free(ing);
	lib_free(lib);
	buf_free(&p);
	return strstr(why, "noted") ? 0 : -1;
}

/*
 * 90,000 directories (300 of 300) and a digest: each walked once.  The
 * bound is on user time: the 90,000 opens and reads are kernel time,
 * linear and machine-dependent (about 1 s here on a virtual machine);
 * the list of walked directories searched linearly cost 9 s of user time.
 */
static int
s_walk_90000_dirs(const char *dir, double *secs, char *why, size_t wn)
{
	static const char digest[] = "Abstract: The digest at the bottom of 90,000 directories.\n";
	struct buf p = BUF_INIT, sub = BUF_INIT;
	struct lib *lib = lib_new();
	struct ingest *ing = ingest_new(lib);
	double t0;
	int i, k, rc;

	buf_init(&p);
	buf_init(&sub);
	for (i = 0; i < 300 && !why[0]; i++) {
		buf_setlen(&sub, 0);
		buf_printf(&sub, "%s/d%03d", dir, i);
		if (mkdir(sub.buf, 0700) < 0)
			snprintf(why, wn, "mkdir: %s", strerror(errno));
		for (k = 0; k < 299 && !why[0]; k++) {
			buf_setlen(&p, 0);
			buf_printf(&p, "%s/e%03d", sub.buf, k);
			if (mkdir(p.buf, 0700) < 0)
				snprintf(why, wn, "mkdir: %s", strerror(errno));
		}
	}
	if (!why[0]) {
		put(path_in(&p, dir, "d299/e298/paper.txt"), digest, sizeof digest - 1);
		t0 = patho_user_now();
		rc = ingest_path(ing, dir);
		lib_finish(lib);
		*secs = patho_user_now() - t0;
		if (rc != 0 || lib_npapers(lib) != 1 || ingest_nfiles(ing) != 1)
			snprintf(why, wn, "ingest_path %d, %zu papers, %zu files", rc, lib_npapers(lib),
			    ingest_nfiles(ing));
		else
			snprintf(why, wn, "90,000 directories walked (user time), the digest read");
	}
	ingest_free(ing);
	lib_free(lib);
	buf_free(&p);
	buf_free(&sub);
	return strstr(why, "walked") ? 0 : -1;
}

/* A reader state on 5,000 papers, fitted to 80x24, the search prompt open. */
static void
reader_with_prompt(struct ui_state *st)
{
	struct lib *lib = lib_new();
	struct buf title = BUF_INIT;
	struct block b = { BLOCK_PARA, NULL, "A summary of a paper about voice models and benchmarks." };
	struct ui_layout l;
	struct rec r;
	int i;

	buf_init(&title);
	for (i = 0; i < 5000; i++) {
		buf_setlen(&title, 0);
		buf_printf(&title, "Paper number %d about voice", i);
		memset(&r, 0, sizeof r);
		r.file = "patho";
		r.title = title.buf;
		r.day = "2025-05-06";
		r.votes = -1;
		r.blocks = &b;
		r.nblocks = 1;
		lib_add_paper(lib, &r);
	}
	lib_finish(lib);
	buf_free(&title);
	ui_state_init(st, lib, NULL, NULL);
	ui_layout_compute(&l, 24, 80, st->nav.focus, 0, 0);
	ui_state_fit(st, &l);
	ui_keys_handle(st, '/');
}

/* A 1 MB bracketed paste from a pipe into the search prompt: read in large pieces, one search. */
static int
s_paste_1mb(const char *dir, double *secs, char *why, size_t wn)
{
	struct ui_state st;
	struct buf text = BUF_INIT, rest = BUF_INIT;
	int p[2], ended = 0, status;
	size_t n = 0;
	pid_t pid;
	double t0;

	(void)dir;
	reader_with_prompt(&st);
	if (pipe(p) < 0 || (pid = fork()) < 0) {
		snprintf(why, wn, "pipe or fork failed");
		ui_state_free(&st);
		return -1;
	}
	if (pid == 0) {
		static char chunk[4096];
		size_t k;

		close(p[0]);
		for (k = 0; k < sizeof chunk; k++)
			chunk[k] = "voice\n\033[2Jx\r"[k % 12];
		for (k = 0; k < 256; k++)
			if (safeio_write_all(p[1], chunk, sizeof chunk) < 0)
				_exit(1);
		_exit(safeio_write_all(p[1], "\033[201~", 6) < 0);
	}
	close(p[1]);
	t0 = patho_now();
	n = ui_paste_read(p[0], &text, 4096, &rest, 5000, &ended);
	ui_prompt_paste(&st, text.buf, text.len);
	*secs = patho_now() - t0;
	close(p[0]);
	waitpid(pid, &status, 0);
	if (n != 1 << 20 || !ended || st.prompt.kind != UI_PROMPT_SEARCH || st.prompt.input.len > 256 ||
	    memchr(st.prompt.input.buf, '\033', st.prompt.input.len))
		snprintf(why, wn, "pasted %zu bytes, end %d, prompt %d, input %zu bytes", n, ended,
		    (int)st.prompt.kind, st.prompt.input.len);
	else
		snprintf(why, wn, "1 MB read, %zu bytes in the prompt, no control", st.prompt.input.len);
	ui_state_free(&st);
	buf_free(&text);
	buf_free(&rest);
	return strstr(why, "no control") ? 0 : -1;
}

/* 100,000 keys (a letter, Backspace, ...) typed in one batch: one search at its end. */
static int
s_keys_in_a_batch(const char *dir, double *secs, char *why, size_t wn)
{
	struct ui_state st;
	double t0;
	int i;

	(void)dir;
	reader_with_prompt(&st);
	t0 = patho_now();
	ui_search_batch(&st, 1);
	ui_keys_handle(&st, 'v');
	for (i = 0; i < 50000; i++) {
		ui_keys_handle(&st, 'o');
		ui_keys_handle(&st, KEYNAME_BACKSPACE);
	}
	ui_search_batch(&st, 0);
	*secs = patho_now() - t0;
	if (!st.search.active || strcmp(st.prompt.input.buf, "v") != 0)
		snprintf(why, wn, "searching %d, query '%s'", st.search.active, st.prompt.input.buf);
	else
		snprintf(why, wn, "100,000 keys, one search: %s", st.status.buf);
	ui_state_free(&st);
	return strstr(why, "one search") ? 0 : -1;
}

const struct scase patho_sys[] = {
	{ "state-is-a-fifo", s_state_fifo },
	{ "state-links-to-dev-zero", s_state_zero },
	{ "state-links-to-dev-null", s_state_null },
	{ "settings-fifo-and-dev-zero", s_settings_fifo_zero },
	{ "save-fails-1000-times", s_save_fails },
	{ "bibtex-2000-brace-walls", s_bibtex_braces },
	{ "settings-18000-escape-lines", s_settings_escapes },
	{ "library-4000-dangling-and-fifos", s_library_specials },
	{ "library-with-a-40gb-file", s_huge_file },
	{ "gigabyte-not-a-digest", s_gigabyte_not_digest },
	{ "walk-90000-directories", s_walk_90000_dirs },
	{ "paste-1mb-into-the-prompt", s_paste_1mb },
	{ "keys-100000-in-one-batch", s_keys_in_a_batch },
};
const size_t patho_nsys = sizeof patho_sys / sizeof patho_sys[0];
