/* export/dump.c: JSON Lines output of the merged library. */
#include "export/dump.h"

#include <string.h>

/* Append s as a JSON string; U+2028/2029 escaped too. */
void
dump_json_str(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;

	if (s == NULL) {
		buf_puts(out, "null");
		return;
	}
	buf_addch(out, '"');
	while (*p) {
		const unsigned char *q = p;

		while (*q >= 0x20 && *q != '"' && *q != '\\' && *q != 0x7f && *q != 0xe2)
			q++;
		if (q > p) {
			buf_add(out, p, (size_t)(q - p));
			p = q;
			continue;
		}
		switch (*p) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\t': buf_puts(out, "\\t"); break;
		case 0xe2:
			if (p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
				buf_puts(out, p[2] == 0xa8 ? "\\u2028" : "\\u2029");
				p += 3;
				continue;
			}
			buf_addch(out, (char)*p);
			break;
		default: {
			char t[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15] };
			buf_add(out, t, 6);
		}
		}
		p++;
	}
	buf_addch(out, '"');
}

/* Append a JSON array of strings. */
static void
str_array(struct buf *out, const char *const *a, size_t n)
{
	size_t i;

	buf_addch(out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_addch(out, ',');
		dump_json_str(out, a[i]);
	}
	buf_addch(out, ']');
}

/* Append one paper as a JSON object. */
void
dump_paper(struct buf *out, const struct lib *lib, const struct marks *st, const struct paper *p)
{
	size_t i, k;

	buf_puts(out, "{\"id\":");
	dump_json_str(out, p->id);
	buf_puts(out, ",\"title\":");
	dump_json_str(out, p->title);
	buf_puts(out, ",\"key\":");
	dump_json_str(out, p->key);
	buf_puts(out, st && marks_get(st, p->key, MARKS_READ) ? ",\"read\":true" : ",\"read\":false");
	buf_puts(out, st && marks_get(st, p->key, MARKS_STARRED) ? ",\"starred\":true" : ",\"starred\":false");
	buf_puts(out, ",\"authors\":");
	str_array(out, p->authors, p->nauthors);
	if (p->authors_cut)
		buf_puts(out, ",\"authors_cut\":true");
	buf_puts(out, ",\"days\":[");
	for (i = k = 0; i < p->ndays; i++) {
		const struct day *d = lib_day(lib, p->days[i]);

		if (d == NULL || d->kind == DAY_NONE)	/* undated: no day */
			continue;
		if (k++)
			buf_addch(out, ',');
		dump_json_str(out, d->label);
	}
	buf_puts(out, "],\"categories\":");
	str_array(out, p->cats, p->ncats);
	if (p->votes >= 0)
		buf_printf(out, ",\"votes\":%ld", p->votes);
	else
		buf_puts(out, ",\"votes\":null");
	buf_puts(out, ",\"summaries\":[");
	for (i = 0; i < p->nsums; i++) {
		const struct summary *s = &p->sums[i];

		if (i)
			buf_addch(out, ',');
		buf_puts(out, "{\"lang\":");
		dump_json_str(out, s->lang);
		buf_puts(out, ",\"source\":");
		dump_json_str(out, s->source);
		if (s->name) {
			buf_puts(out, ",\"name\":");
			dump_json_str(out, s->name);
		}
		buf_puts(out, ",\"text\":");
		dump_json_str(out, s->text);
		buf_puts(out, ",\"blocks\":[");
		for (k = 0; k < s->nblocks; k++) {
			const struct block *b = &s->blocks[k];

			if (k)
				buf_addch(out, ',');
			buf_puts(out, b->kind == BLOCK_BULLET ? "{\"kind\":\"bullet\"" : "{\"kind\":\"para\"");
			if (b->label) {
				buf_puts(out, ",\"label\":");
				dump_json_str(out, b->label);
			}
			buf_puts(out, ",\"text\":");
			dump_json_str(out, b->text);
			buf_addch(out, '}');
		}
		buf_puts(out, "]}");
	}
	buf_puts(out, "],\"links\":[");
	for (i = 0; i < p->nlinks; i++) {
		if (i)
			buf_addch(out, ',');
		buf_puts(out, "{\"kind\":");
		dump_json_str(out, link_kind_name(p->links[i].kind));
		buf_puts(out, ",\"url\":");
		dump_json_str(out, p->links[i].url);
		buf_addch(out, '}');
	}
	buf_puts(out, "]}");
}

/* Write the library as JSON Lines. */
int
dump_lib(FILE *out, const struct lib *lib, const struct marks *st)
{
	struct buf b = BUF_INIT;
	size_t i, n = lib_npapers(lib);
	int rc = 0;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		dump_paper(&b, lib, st, lib_paper(lib, i));
		buf_addch(&b, '\n');
		if (b.len >= 1 << 16 || i + 1 == n) {
			if (fwrite(b.buf, 1, b.len, out) != b.len)
				rc = -1;
			buf_setlen(&b, 0);
		}
	}
	buf_free(&b);
	if (fflush(out) != 0)
		rc = -1;
	return rc;
}
