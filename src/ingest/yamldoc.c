/* ingest/yamldoc.c: YAML documents as json-c objects (see yamldoc.h).
 *
 * libyaml's event parser drives an explicit stack of open collections, so
 * the depth of the input never becomes the depth of a C call chain.
 */
#include "ingest/yamldoc.h"
#include "base/alloc.h"
#include "ingest/fields.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <yaml.h>

typedef struct json_object json_t;

/* An open mapping or sequence, and a mapping's key waiting for its value. */
struct frame {
	json_t *v;
	char *key;		/* owned; NULL when the next scalar is a key */
	int map;
};

/* The collections open while one document is read. */
struct builder {
	struct frame st[YAMLDOC_DEPTH];
	int depth;
	json_t *root;
	int aliases;		/* aliases met (each read as null) */
};

/* Give value v (owned) to the open collection, or make it the root. */
static void
attach(struct builder *b, json_t *v, const char *scalar)
{
	struct frame *f;

	if (b->depth == 0) {
		json_object_put(b->root);
		b->root = v;
		return;
	}
	f = &b->st[b->depth - 1];
	if (!f->map) {
		json_object_array_add(f->v, v);
		return;
	}
	if (f->key == NULL) {
		/* a key: a scalar's text; a collection or alias as a key is dropped */
		f->key = xstrdup(scalar ? scalar : "");
		json_object_put(v);
		return;
	}
	json_object_object_add(f->v, f->key, v);
	free(f->key);
	f->key = NULL;
}

/* Close the innermost collection and attach it to its parent. */
static void
close_frame(struct builder *b)
{
	struct frame *f = &b->st[--b->depth];
	json_t *v = f->v;

	free(f->key);
	f->key = NULL;
	attach(b, v, NULL);
}

/* Drop everything still open (after an error). */
static void
builder_free(struct builder *b)
{
	while (b->depth > 0) {
		struct frame *f = &b->st[--b->depth];

		free(f->key);
		json_object_put(f->v);
	}
	json_object_put(b->root);
	b->root = NULL;
}

/* Apply one event; -1 when the nesting is too deep. */
static int
on_event(struct builder *b, const yaml_event_t *e)
{
	json_t *v;

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		v = json_object_new_string_len((const char *)e->data.scalar.value, (int)e->data.scalar.length);
		attach(b, v, (const char *)e->data.scalar.value);
		break;
	case YAML_ALIAS_EVENT:
		b->aliases++;
		attach(b, NULL, NULL);
		break;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		if (b->depth == YAMLDOC_DEPTH)
			return -1;
		b->st[b->depth].map = e->type == YAML_MAPPING_START_EVENT;
		b->st[b->depth].v = b->st[b->depth].map ? json_object_new_object() : json_object_new_array();
		b->st[b->depth++].key = NULL;
		break;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		if (b->depth > 0)
			close_frame(b);
		break;
	default:
		break;
	}
	return 0;
}

/* Read the YAML stream and pass on each document (see yamldoc.h). */
int
yamldoc_each(struct pctx *p, const char *s, size_t n, size_t first_line, yamldoc_fn *fn, void *arg)
{
	yaml_parser_t parser;
	yaml_event_t e;
	struct builder b;
	size_t doc_line = first_line;
	int docs = 0, rc = 0;

	memset(&b, 0, sizeof b);
	if (!yaml_parser_initialize(&parser))
		return -1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)s, n);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	for (;;) {
		if (!yaml_parser_parse(&parser, &e)) {
			pctx_warn(p, first_line + parser.problem_mark.line, "invalid YAML: %s",
			    parser.problem ? parser.problem : "unreadable");
			/* what the document said before the error is still read */
			while (b.depth > 0)
				close_frame(&b);
			if (b.root) {
				fn(p, b.root, doc_line, arg);
				docs++;
			}
			rc = -1;
			break;
		}
		if (e.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&e);
			break;
		}
		if (e.type == YAML_DOCUMENT_START_EVENT)
			doc_line = first_line + e.start_mark.line;
		if (on_event(&b, &e) < 0) {
			pctx_warn(p, first_line + e.start_mark.line, "YAML nested more than %d levels deep",
			    YAMLDOC_DEPTH);
			yaml_event_delete(&e);
			rc = -1;
			break;
		}
		if (e.type == YAML_DOCUMENT_END_EVENT) {
			if (b.aliases)
				pctx_warn(p, doc_line, "YAML aliases are not followed: %d read as empty", b.aliases);
			fn(p, b.root, doc_line, arg);
			builder_free(&b);
			b.aliases = 0;
			docs++;
		}
		yaml_event_delete(&e);
	}
	builder_free(&b);
	yaml_parser_delete(&parser);
	return rc < 0 ? -1 : docs;
}

/* Length of the line at s[0..n) without its end, and the offset of the next one. */
static size_t
line_at(const char *s, size_t n, size_t *next)
{
	const char *nl = memchr(s, '\n', n);
	size_t len = nl ? (size_t)(nl - s) : n;

	*next = nl ? len + 1 : n;
	if (len && s[len - 1] == '\r')
		len--;
	return len;
}

/* The front matter between "---" lines at the top of a markdown file. */
int
yamldoc_front_matter(const char *data, size_t len, const char **ys, size_t *yn, size_t *body)
{
	size_t at, next, l = line_at(data, len, &at);

	if (l != 3 || memcmp(data, "---", 3) != 0)
		return 0;
	while (at < len) {
		l = line_at(data + at, len - at, &next);
		if (l == 3 && (memcmp(data + at, "---", 3) == 0 || memcmp(data + at, "...", 3) == 0)) {
			*ys = data + 4 + (data[3] == '\r');
			*yn = at - (size_t)(*ys - data);
			*body = at + next;
			return 1;
		}
		at += next;
	}
	return 0;
}

/* The roles (1 << role) of the top-level keys of a YAML text (see yamldoc.h). */
unsigned
yamldoc_key_roles(const char *s, size_t n, size_t *nkeys)
{
	size_t at = 0, next, l, k;
	unsigned roles = 0;

	*nkeys = 0;
	while (at < n) {
		const char *line = s + at;
		const struct field *f;

		l = line_at(line, n - at, &next);
		at += next;
		if (l == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-')
			continue;
		for (k = 0; k < l && line[k] != ':'; k++)
			;
		if (k == 0 || k == l || (k + 1 < l && line[k + 1] != ' '))
			continue;
		(*nkeys)++;
		if ((f = fields_find(line, k)) != NULL)
			roles |= 1u << f->role;
	}
	return roles;
}
