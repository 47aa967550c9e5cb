/* unit.c: the helpers the unit tests share (see unit.h). */
#include "unit.h"

#include "ingest/ingest.h"
#include "model/lib.h"
#include "text/width.h"
#include "ui/layout.h"
#include "ui/state.h"

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

	memset(&r, 0, sizeof r);
	r.file = "t";
	r.votes = -1;
	r.source = "table";
	r.id = "2505.00001";
	r.title = "Alpha paper";
	r.day = "2025-05-06";
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
	r.source = "ko-digest";
	r.blocks = ko;
	r.nblocks = 1;
	lib_add_paper(lib, &r);

	memset(&r, 0, sizeof r);
	r.file = "t";
	r.source = "table";
	r.id = "2505.00002";
	r.title = "Beta paper";
	r.day = "2025-05-06";
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
	r.day = "May 9";
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

	ui_layout_compute(&l, rows, cols, st->nav.focus);
	ui_state_fit(st, &l);
}

/* Title of the selected paper. */
const char *
unit_title(const struct ui_state *st)
{
	const struct paper *p = ui_list_paper(st);

	return p ? ui_paper_label(p) : "";
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

/* Read text as a file called name. */
struct unit_read
unit_read(const char *name, const char *text)
{
	struct unit_read r;

	r.lib = lib_new();
	r.ing = ingest_new(r.lib);
	ingest_buffer(r.ing, name, text, strlen(text));
	lib_finish(r.lib);
	return r;
}

/* Free what unit_read made. */
void
unit_read_free(struct unit_read *r)
{
	ingest_free(r->ing);
	lib_free(r->lib);
}
