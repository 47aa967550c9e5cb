/* fuzz_ingest.c: libFuzzer target for the sniffer and every parser.
 *
 * The input is ingested once as it is (sniffed), then once behind each
 * format's recognisable header so that every parser sees it whatever the
 * sniffer would say, all into one library that is then finished and dumped
 * to /dev/null.  Also checks that the sniffer is stable and that the
 * library's strings stay clean (text.h's promise) by dumping into memory.
 *
 * The input is also read as a row of the library store (store/row.h): what
 * decodes must be clean and encode back to a row that decodes the same.
 * And as a list of a papers row (light_split): what splits is clean and
 * joins back to the input.
 *
 * Build and run: tests/fuzz/run.sh (make fuzz).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "export/dump.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "store/intern.h"
#include "store/row.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const headers[] = {
	"## Papers for 2025-05-06\n\n| Title | Authors | Summary |\n|---|---|---|\n",
	"## Papers for 2025-05-06\n\n| Category | Title | Authors | Summary |\n"
	    "|----------|-------|---------|---------|\n",
	"## Papers for 2025-05-06\n\n| Title | Authors | Summary | Classification | "
	    "GitHub URLs | HuggingFace URLs |\n|---|---|---|---|---|---|\n",
	"## Daily Papers (2025-05-06)\n\n",
	"## Daily Papers (2025-05-06)\n\n### [",
	"Abstract:",
	"new\n\nGet trending papers in your email inbox!\n\n",
	"[",
	"[{\"title\": \"",
	"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
	"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>",
};

static FILE *devnull(void)
{
	static FILE *f;

	if (!f && !(f = fopen("/dev/null", "w")))
		abort();
	return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lib *lib = lib_new();
	struct ingest *ing = ingest_new(lib);
	struct buf in = BUF_INIT;
	char name[32];
	const struct ingest_format *f1, *f2;

	/* The store's rows: whatever decodes is clean and encodes back to itself. */
	{
		struct arena *a = arena_new();
		struct buf e1 = BUF_INIT, e2 = BUF_INIT;
		struct rec r, r2;

		if (row_decode((const char *)data, size, a, &r) == 0) {
			if ((r.title && !text_is_clean(r.title, strlen(r.title))) ||
			    (r.nblocks && !r.blocks[0].text))
				abort();
			row_encode(&e1, &r);
			if (row_decode(e1.buf, e1.len, a, &r2) != 0)
				abort();
			row_encode(&e2, &r2);
			if (strcmp(buf_str(&e1), buf_str(&e2)) != 0)
				abort();
		}
		buf_free(&e1);
		buf_free(&e2);
		arena_free(a);
	}

	/* A list of a papers row: clean items that join back to the input. */
	{
		char *copy = malloc(size + 1);
		const char **v = NULL;
		size_t nv = 0, av = 0, i;
		long n;
		struct buf j = BUF_INIT;

		if (copy == NULL)
			abort();
		memcpy(copy, data, size);
		copy[size] = '\0';
		n = light_split(copy, &v, &nv, &av);
		for (i = 0; n >= 0 && i < nv; i++) {
			if (!*v[i] || !text_is_clean(v[i], strlen(v[i])) || strchr(v[i], CATS_SEP))
				abort();
			buf_puts(&j, v[i]);
			buf_addch(&j, CATS_SEP);
		}
		if (n >= 0 && (strlen((const char *)buf_str(&j)) != strnlen((const char *)data, size) ||
		    memcmp(buf_str(&j), data, j.len) != 0))
			abort();
		buf_free(&j);
		free(v);
		free(copy);
	}

	/* The sniffer: a valid format, deterministic. */
	f1 = ingest_sniff((const char *)data, size);
	f2 = ingest_sniff((const char *)data, size);
	if (f1 != f2 || !ingest_format_name(f1) || !*ingest_format_name(f1))
		abort();

	(void)ingest_buffer(ing, "fuzz.md", (const char *)data, size);
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		buf_setlen(&in, 0);
		buf_puts(&in, headers[i]);
		buf_add(&in, data, size);
		snprintf(name, sizeof name, "fuzz-%zu.md", i);
		(void)ingest_buffer(ing, name, in.buf, in.len);
	}
	buf_free(&in);
	lib_finish(lib);
	dump_lib(devnull(), lib, NULL);

	/* Every string reachable from the library is clean. */
	for (size_t i = 0; i < lib_npapers(lib); i++) {
		const struct paper *p = lib_paper(lib, i);
		if (!p || !p->key || !text_is_clean(p->key, strlen(p->key)))
			abort();
		if (p->title && !text_is_clean(p->title, strlen(p->title)))
			abort();
		for (size_t k = 0; k < p->nauthors; k++)
			if (!text_is_clean(p->authors[k], strlen(p->authors[k])))
				abort();
		for (size_t k = 0; k < p->nsums; k++)
			if (p->sums[k].text && !text_is_clean(p->sums[k].text, strlen(p->sums[k].text)))
				abort();
		for (size_t k = 0; k < p->nlinks; k++) {
			const char *u = p->links[k].url;
			if (!u || (strncmp(u, "http://", 7) && strncmp(u, "https://", 8)))
				abort();
			for (const char *c = u; *c; c++)
				if ((unsigned char)*c <= 0x20 || *c == 0x7f)
					abort();
		}
		for (size_t k = 0; k < p->ndays; k++)
			if (p->days[k] >= lib_ndays(lib))
				abort();
	}
	for (size_t i = 0; i < ingest_nmsgs(ing); i++) {
		const struct diag *m = ingest_msg(ing, i);
		if (!m->text || !text_is_clean(m->text, strlen(m->text)) || strchr(m->text, '\n'))
			abort();
	}
	ingest_free(ing);
	lib_free(lib);
	return 0;
}
