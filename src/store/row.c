/* store/row.c: records as JSON rows (written here, read with json-c). */
#include "store/row.h"
#include "export/dump.h"
#include "text/text.h"

#include <json-c/json.h>
#include <string.h>

/* Append ",\"NAME\":[...]" for an array of strings (nothing when empty). */
static void
put_strs(struct buf *out, const char *name, const char *const *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	buf_printf(out, ",\"%s\":[", name);
	for (i = 0; i < n; i++) {
		if (i)
			buf_addch(out, ',');
		dump_json_str(out, v[i]);
	}
	buf_addch(out, ']');
}

/* Append ",\"NAME\":STRING" when s is set. */
static void
put_str(struct buf *out, const char *name, const char *s)
{
	if (s == NULL)
		return;
	buf_printf(out, ",\"%s\":", name);
	dump_json_str(out, s);
}

/* Append blocks b[0..n) as an array of [kind, label, text]. */
static void
put_blocks(struct buf *out, const struct block *b, size_t n)
{
	size_t i;

	buf_addch(out, '[');
	for (i = 0; i < n; i++) {
		buf_printf(out, "%s[%d,", i ? "," : "", (int)b[i].kind);
		dump_json_str(out, b[i].label);
		buf_addch(out, ',');
		dump_json_str(out, b[i].text);
		buf_addch(out, ']');
	}
	buf_addch(out, ']');
}

/* Append ",\"m\":[[NAME, BLOCKS], ...]" for the further summaries (nothing when none). */
static void
put_more(struct buf *out, const struct rec_sum *m, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	buf_puts(out, ",\"m\":[");
	for (i = 0; i < n; i++) {
		buf_puts(out, i ? ",[" : "[");
		dump_json_str(out, m[i].name);
		buf_addch(out, ',');
		put_blocks(out, m[i].blocks, m[i].nblocks);
		buf_addch(out, ']');
	}
	buf_addch(out, ']');
}

/* Append r as a JSON object. */
void
row_encode(struct buf *out, const struct rec *r)
{
	size_t i;

	buf_printf(out, "{\"l\":%zu,\"v\":%ld", r->line, r->votes);
	put_str(out, "i", r->id);
	put_str(out, "t", r->title);
	put_str(out, "d", r->day);
	put_str(out, "s", r->source);
	put_strs(out, "a", r->authors, r->nauthors);
	if (r->authors_cut)
		buf_puts(out, ",\"u\":1");
	put_strs(out, "c", r->cats, r->ncats);
	if (r->nblocks) {
		buf_puts(out, ",\"b\":");
		put_blocks(out, r->blocks, r->nblocks);
	}
	put_more(out, r->more, r->nmore);
	if (r->nlinks) {
		buf_puts(out, ",\"k\":[");
		for (i = 0; i < r->nlinks; i++) {
			buf_printf(out, "%s[%d,", i ? "," : "", (int)r->links[i].kind);
			dump_json_str(out, r->links[i].url);
			buf_addch(out, ']');
		}
		buf_addch(out, ']');
	}
	buf_addch(out, '}');
}

/* A string member (or NULL when absent or null); *bad set when it is not a clean string. */
static const char *
get_str(struct json_object *o, struct arena *a, int *bad)
{
	const char *s;
	int n;

	if (o == NULL || json_object_is_type(o, json_type_null))
		return NULL;
	if (!json_object_is_type(o, json_type_string)) {
		*bad = 1;
		return NULL;
	}
	s = json_object_get_string(o);
	n = json_object_get_string_len(o);
	if ((size_t)n != strlen(s) || !text_is_clean(s, (size_t)n)) {
		*bad = 1;
		return NULL;
	}
	return arena_strndup(a, s, (size_t)n);
}

/* An array member: its elements and length (0 when absent); *bad when not an array. */
static size_t
get_arr(struct json_object *obj, const char *key, struct json_object **arr, int *bad)
{
	struct json_object *o = NULL;

	*arr = NULL;
	if (!json_object_object_get_ex(obj, key, &o))
		return 0;
	if (!json_object_is_type(o, json_type_array)) {
		*bad = 1;
		return 0;
	}
	*arr = o;
	return json_object_array_length(o);
}

/* An array of strings member, copied into a. */
static const char *const *
get_strs(struct json_object *obj, const char *key, struct arena *a, size_t *n, int *bad)
{
	struct json_object *arr;
	const char **v;
	size_t i;

	*n = get_arr(obj, key, &arr, bad);
	if (*n == 0)
		return NULL;
	v = arena_calloc(a, *n, sizeof *v);
	for (i = 0; i < *n; i++)
		if ((v[i] = get_str(json_object_array_get_idx(arr, i), a, bad)) == NULL)
			*bad = 1;
	return v;
}

/* A [kind, ...] pair of an array member: its kind (0..max-1), or -1. */
static int
get_kind(struct json_object *e, size_t want, int max)
{
	struct json_object *k;
	int v;

	if (!json_object_is_type(e, json_type_array) || json_object_array_length(e) != want)
		return -1;
	k = json_object_array_get_idx(e, 0);
	if (!json_object_is_type(k, json_type_int))
		return -1;
	v = json_object_get_int(k);
	return v >= 0 && v < max ? v : -1;
}

/* The blocks of an array of [kind, label, text] (n of them), copied into a. */
static const struct block *
get_block_arr(struct json_object *arr, size_t n, struct arena *a, int *bad)
{
	struct block *b;
	size_t i;

	if (n == 0)
		return NULL;
	b = arena_calloc(a, n, sizeof *b);
	for (i = 0; i < n; i++) {
		struct json_object *e = json_object_array_get_idx(arr, i);
		int k = get_kind(e, 3, BLOCK_BULLET + 1);

		if (k < 0) {
			*bad = 1;
			break;
		}
		b[i].kind = (enum block_kind)k;
		b[i].label = get_str(json_object_array_get_idx(e, 1), a, bad);
		b[i].text = get_str(json_object_array_get_idx(e, 2), a, bad);
		if (b[i].text == NULL)
			*bad = 1;
	}
	return b;
}

/* The summary blocks. */
static void
get_blocks(struct json_object *obj, struct arena *a, struct rec *r, int *bad)
{
	struct json_object *arr;

	r->nblocks = get_arr(obj, "b", &arr, bad);
	r->blocks = get_block_arr(arr, r->nblocks, a, bad);
}

/* The further summaries: [name or null, blocks] each. */
static void
get_more(struct json_object *obj, struct arena *a, struct rec *r, int *bad)
{
	struct json_object *arr;
	struct rec_sum *m;
	size_t i;

	r->nmore = get_arr(obj, "m", &arr, bad);
	if (r->nmore == 0)
		return;
	m = arena_calloc(a, r->nmore, sizeof *m);
	for (i = 0; i < r->nmore && !*bad; i++) {
		struct json_object *e = json_object_array_get_idx(arr, i), *b;

		if (!json_object_is_type(e, json_type_array) || json_object_array_length(e) != 2) {
			*bad = 1;
			break;
		}
		m[i].name = get_str(json_object_array_get_idx(e, 0), a, bad);
		b = json_object_array_get_idx(e, 1);
		if (!json_object_is_type(b, json_type_array)) {
			*bad = 1;
			break;
		}
		m[i].nblocks = json_object_array_length(b);
		m[i].blocks = get_block_arr(b, m[i].nblocks, a, bad);
	}
	r->more = m;
}

/* The links. */
static void
get_links(struct json_object *obj, struct arena *a, struct rec *r, int *bad)
{
	struct json_object *arr;
	struct link *l;
	size_t i;

	r->nlinks = get_arr(obj, "k", &arr, bad);
	if (r->nlinks == 0)
		return;
	l = arena_calloc(a, r->nlinks, sizeof *l);
	for (i = 0; i < r->nlinks; i++) {
		struct json_object *e = json_object_array_get_idx(arr, i);
		int k = get_kind(e, 2, LINK_NKINDS);

		if (k < 0) {
			*bad = 1;
			break;
		}
		l[i].kind = (enum link_kind)k;
		if ((l[i].url = get_str(json_object_array_get_idx(e, 1), a, bad)) == NULL)
			*bad = 1;
	}
	r->links = l;
}

/* An integer member, or def when absent; *bad when not an integer. */
static long
get_long(struct json_object *obj, const char *key, long def, int *bad)
{
	struct json_object *o;

	if (!json_object_object_get_ex(obj, key, &o))
		return def;
	if (!json_object_is_type(o, json_type_int)) {
		*bad = 1;
		return def;
	}
	return (long)json_object_get_int64(o);
}

/* Member key of obj, or NULL. */
static struct json_object *
member(struct json_object *obj, const char *key)
{
	struct json_object *o = NULL;

	json_object_object_get_ex(obj, key, &o);
	return o;
}

/* Read a row written by row_encode. */
int
row_decode(const char *text, size_t len, struct arena *a, struct rec *r)
{
	json_tokener *tok = json_tokener_new_ex(8);
	struct json_object *obj;
	int bad = 0;
	long line;

	memset(r, 0, sizeof *r);
	if (tok == NULL || len > (size_t)0x7fffffff)
		bad = 1;
	else
		json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = bad ? NULL : json_tokener_parse_ex(tok, text, (int)len);
	if (obj == NULL || json_tokener_get_error(tok) != json_tokener_success ||
	    json_tokener_get_parse_end(tok) != len || !json_object_is_type(obj, json_type_object)) {
		bad = 1;
	} else {
		line = get_long(obj, "l", 0, &bad);
		r->line = line > 0 ? (size_t)line : 0;
		r->votes = get_long(obj, "v", -1, &bad);
		r->id = get_str(member(obj, "i"), a, &bad);
		r->title = get_str(member(obj, "t"), a, &bad);
		r->day = get_str(member(obj, "d"), a, &bad);
		r->source = get_str(member(obj, "s"), a, &bad);
		r->authors = get_strs(obj, "a", a, &r->nauthors, &bad);
		r->authors_cut = get_long(obj, "u", 0, &bad) != 0;
		r->cats = get_strs(obj, "c", a, &r->ncats, &bad);
		get_blocks(obj, a, r, &bad);
		get_more(obj, a, r, &bad);
		get_links(obj, a, r, &bad);
	}
	json_object_put(obj);
	if (tok)
		json_tokener_free(tok);
	if (bad)
		memset(r, 0, sizeof *r);
	return bad ? -1 : 0;
}
