/* unit.c: the helpers the unit tests share (see unit.h). */
#include "unit.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "store/indexer.h"
#include "store/store.h"
#include "marks/marks.h"
#include "model/lib.h"
#include "text/diag.h"
#include "text/width.h"
#include "ui/layout.h"
#include "ui/state.h"

/* Clean into a new string. */
char *
unit_clean(unit_cleaner *f, const char *s, size_t n, unsigned flags)
{
	struct buf b = BUF_INIT;

	buf_init(&b);
	f(&b, s, n, flags);
	return buf_detach(&b, NULL);
}

/* A parser context with its own batch. */
void
unit_pctx_init(struct unit_pctx *u, const char *data)
{
	memset(u, 0, sizeof *u);
	batch_init(&u->b);
	u->p.out = &u->b;
	u->p.file = "t";
	u->p.data = data;
	u->p.len = strlen(data);
	u->p.scratch = arena_new();
	u->p.mark = arena_mark(u->p.scratch);
	u->p.line_base = 1;
	u->p.line_at = 1;
	buf_init(&u->p.tmp);
}

/* Free a parser context and its batch. */
void
unit_pctx_free(struct unit_pctx *u)
{
	arena_free(u->p.scratch);
	buf_free(&u->p.tmp);
	batch_free(&u->b);
}

/* A bare record. */
struct rec
unit_rec(const char *id, const char *title, const char *day)
{
	struct rec r;

	memset(&r, 0, sizeof r);
	r.id = id;
	r.title = title;
	r.day = day;
	r.votes = -1;
	r.source = "test";
	return r;
}

/* Ingest an in-memory input into a new, finished library. */
struct unit_run
unit_ingest(const char *name, const char *data, size_t len)
{
	struct unit_run r;

	r.lib = lib_new();
	r.ing = ingest_new(r.lib);
	r.rc = ingest_buffer(r.ing, name, data, len);
	lib_finish(r.lib);
	return r;
}

/* Ingest a string into a new, finished library. */
struct unit_run
unit_ingest_str(const char *name, const char *data)
{
	return unit_ingest(name, data, strlen(data));
}

/* Free a run. */
void
unit_run_free(struct unit_run *r)
{
	ingest_free(r->ing);
	lib_free(r->lib);
}

/* The paper whose field (title or id) is s, or NULL. */
static const struct paper *
find_paper(const struct unit_run *r, int by_id, const char *s)
{
	size_t i;

	for (i = 0; i < lib_npapers(r->lib); i++) {
		const struct paper *p = lib_paper(r->lib, i);
		const char *v = by_id ? p->id : p->title;

		if (v && strcmp(v, s) == 0)
			return p;
	}
	return NULL;
}

/* The paper with this title. */
const struct paper *
unit_by_title(const struct unit_run *r, const char *title)
{
	return find_paper(r, 0, title);
}

/* The paper with this arXiv id. */
const struct paper *
unit_by_id(const struct unit_run *r, const char *id)
{
	return find_paper(r, 1, id);
}

/* The first message at line (any when 0) holding needle. */
long
unit_find_msg(const struct unit_run *r, size_t line, const char *needle)
{
	size_t i;

	for (i = 0; i < ingest_nmsgs(r->ing); i++) {
		const struct diag *m = ingest_msg(r->ing, i);

		if ((line == 0 || m->line == line) && strstr(m->text, needle))
			return (long)i;
	}
	return -1;
}

/* Print every message. */
void
unit_dump_msgs(const struct unit_run *r)
{
	size_t i;

	for (i = 0; i < ingest_nmsgs(r->ing); i++)
		print_message("  msg %s\n", diag_line(ingest_diags(r->ing), i));
}

/* Ingest and assert success. */
void
unit_run_buf(struct unit_run *r, const char *name, const char *data, size_t len)
{
	*r = unit_ingest(name, data, len);
	assert_int_equal(r->rc, 0);
}

/* Ingest a string and assert success. */
void
unit_run_str(struct unit_run *r, const char *name, const char *data)
{
	*r = unit_ingest_str(name, data);
	assert_int_equal(r->rc, 0);
}

/* The first link of a kind. */
const char *
unit_link_of(const struct paper *p, enum link_kind k)
{
	size_t i;

	for (i = 0; i < p->nlinks; i++)
		if (p->links[i].kind == k)
			return p->links[i].url;
	return NULL;
}

/* The first day's label. */
const char *
unit_day_of(const struct unit_run *r, const struct paper *p)
{
	assert_true(p->ndays >= 1);
	return lib_day(r->lib, p->days[0])->label;
}

/* The first summary's text. */
const char *
unit_sum_of(const struct paper *p)
{
	assert_true(p->nsums >= 1);
	return p->sums[0].text;
}

/* CPU seconds. */
double
unit_cpu_seconds(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

/* Read a whole file. */
int
unit_slurp(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!f)
		return 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	fclose(f);
	return 1;
}

/* A path in the shared real data, or NULL with a SKIP message. */
const char *
unit_realdata(struct buf *path, const char *rel)
{
	const char *src = getenv("PB_SRCDIR");

	buf_printf(path, "%s/../shared/realdata/%s", src ? src : ".", rel);
	if (access(path->buf, R_OK) != 0) {
		print_message("SKIP: %s not found (real data absent)\n", path->buf);
		return NULL;
	}
	return path->buf;
}

/* A small library: two dated days, a label day, an undated paper (see unit.h). */
struct lib *
unit_lib(int extra)
{
	static const char *const cats1[] = { "Vision", "NLP" };
	static const char *const cats2[] = { "NLP" };
	static const char *const authors[] = { "Ann Author", "Bo Writer" };
	static const struct link links[] = {
		{ LINK_ARXIV, "https://arxiv.org/abs/2505.00001" },
		{ LINK_GITHUB, "https://github.com/x/y" },
	};
	struct block en[] = {
		{ BLOCK_PARA, NULL, "First paragraph of the English summary." },
		{ BLOCK_BULLET, NULL, "a bullet point that is long enough to wrap" },
		{ BLOCK_BULLET, "What's New", "the news" },
	};
	struct block ko[] = {
		{ BLOCK_PARA, NULL, "\xED\x95\x9C\xEA\xB8\x80 \xEC\x9A\x94\xEC\x95\xBD" },
	};
	struct lib *lib = lib_new();
	struct rec r;

	r = unit_rec("2505.00001", "Alpha paper", "2025-05-06");
	r.file = "lib/gabrielchua-daily-ai-papers/archive/2025/05/06.md";
	r.source = "table";
	r.authors = authors;
	r.nauthors = 2;
	r.cats = cats1;
	r.ncats = 2;
	r.votes = 50;
	r.blocks = en;
	r.nblocks = 3;
	r.links = links;
	r.nlinks = 2;
	lib_add_paper(lib, &r);
	r.file = "lib/ko-digest/2025/05/06.md";
	r.source = "ko-digest";
	r.blocks = ko;
	r.nblocks = 1;
	lib_add_paper(lib, &r);

	r = unit_rec("2505.00002", "Beta paper", "2025-05-06");
	r.file = "t";
	r.source = "table";
	r.cats = cats2;
	r.ncats = 1;
	r.votes = 10;
	r.blocks = en;
	r.nblocks = 1;
	lib_add_paper(lib, &r);

	r.id = "2505.00003";
	r.title = "Gamma paper";
	r.day = "2025-05-05";
	r.votes = -1;
	lib_add_paper(lib, &r);

	r.id = NULL;
	r.title = "Delta label-day paper";
	r.day = "Dec 25";	/* no year of the dated days fits it: it stays a label */
	lib_add_paper(lib, &r);

	r.title = NULL;
	r.day = NULL;
	r.cats = NULL;
	r.ncats = 0;
	r.blocks = ko;
	lib_add_paper(lib, &r);
	if (extra) {
		r.title = "Epsilon new paper";
		r.day = "2025-05-06";
		r.votes = 99;
		r.cats = cats2;
		r.ncats = 1;
		lib_add_paper(lib, &r);
	}
	lib_finish(lib);
	return lib;
}

/* Fit the state to a rows x cols terminal. */
void
unit_fit(struct ui_state *st, int rows, int cols)
{
	struct ui_layout l;

	ui_layout_compute(&l, rows, cols, st->nav.focus, ui_list_width(st), st->nav.zoom);
	ui_state_fit(st, &l);
}

/* Title of the selected paper. */
const char *
unit_title(const struct ui_state *st)
{
	const struct paper *p = ui_list_paper(st);

	return p ? ui_paper_label(p) : "";
}

/* A state with marks read from path. */
struct marks *
unit_state_marks(struct ui_state *st, const char *path)
{
	struct marks *m = marks_new(path);

	assert_int_equal(marks_load(m), 0);
	ui_state_init(st, unit_lib(0), NULL, NULL);
	ui_marks_use(st, m);
	unit_fit(st, 24, 80);
	return m;
}

/* The status line's left part. */
const char *
unit_position(const struct ui_state *st, struct buf *b)
{
	buf_setlen(b, 0);
	ui_state_position(st, b);
	return b->buf;
}

/* Type a string at the prompt, one code point at a time. */
void
unit_type(struct ui_state *st, const char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int32_t cp = width_decode(s, n, &i);

		ui_keys_handle(st, (int)cp);
	}
}

/* The library in path, parsed and finished. */
struct lib *
unit_parse_path(const char *path)
{
	return unit_parse_path_light(path, 0);
}

/* Parse path into a new finished library, light when asked. */
struct lib *
unit_parse_path_light(const char *path, int light)
{
	struct lib *lib = lib_new();
	struct ingest *ing;

	lib_set_light(lib, light);
	ing = ingest_new(lib);

	ingest_path(ing, path);
	ingest_free(ing);
	lib_finish(lib);
	return lib;
}

/* Append text to the file at path. */
void
unit_append(const char *path, const char *text)
{
	FILE *f = fopen(path, "a");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A library of three papers in a temporary directory: its path in dir, the file's in file. */
void
unit_write_store_lib(char *dir, size_t dsize, struct buf *file)
{
	snprintf(dir, dsize, "%s/pbuis.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	buf_printf(file, "%s/papers.md", dir);
	unit_append(file->buf, "## Papers for 2024-01-02\n\n| Title | Authors | Summary |\n|---|---|---|\n"
	    "| Gamma Paper | Ann Lee | Video transformers. |\n"
	    "| Delta Paper | Bo Kim | \xEA\xB0\x95\xED\x99\x94\xED\x95\x99\xEC\x8A\xB5 for agents. |\n"
	    "\n## Papers for 2024-01-01\n\n| Title | Authors | Summary |\n|---|---|---|\n"
	    "| Alpha Transformers | Cy Park | Diffusion transformers. |\n");
}

/* A store of dir, synced and indexed (caller closes). */
struct store *
unit_indexed_store(const char *dir, struct buf *db)
{
	struct buf msg = BUF_INIT;
	char *paths[1] = { (char *)dir };
	struct store *s;

	buf_printf(db, "%s/store.db", dir);
	s = store_open(db->buf, &msg);
	assert_non_null(s);
	assert_int_equal(store_sync(s, paths, 1, NULL, NULL, &msg), 0);
	assert_int_equal(indexer_build(s, 100, &msg), 0);
	buf_free(&msg);
	return s;
}

/* Remove the library file, the store's files and the directory. */
void
unit_remove_store_lib(const char *dir, const struct buf *file, const struct buf *db)
{
	static const char *const ends[] = { "", "-wal", "-shm" };
	struct buf p = BUF_INIT;
	size_t i;

	buf_init(&p);
	unlink(file->buf);
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		buf_setlen(&p, 0);
		buf_printf(&p, "%s%s", db->buf, ends[i]);
		unlink(p.buf);
	}
	rmdir(dir);
	buf_free(&p);
}
