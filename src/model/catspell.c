/* model/catspell.c: category spellings, grouped by key and counted.  See model/catspell.h. */
#include "model/catspell.h"
#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/hashmap.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

struct catspell {
	struct arena *a;	/* keys, and names when copy */
	int copy;
	struct buf tmp;
	struct spelling {
		const char *name;
		uint32_t count;
		uint32_t group;
	} *sp;
	size_t nsp, asp;
	struct group {
		const char *key;
		uint32_t best;		/* the spelling it takes */
		uint32_t nspell;	/* its spellings counted at least once */
	} *gr;
	size_t ngr, agr;
	struct hashmap by_name, by_key;
};

/* hashmap key of spelling i. */
static const char *
key_spell(const void *ctx, uint32_t i)
{
	return ((const struct catspell *)ctx)->sp[i].name;
}

/* hashmap key of group i. */
static const char *
key_group(const void *ctx, uint32_t i)
{
	return ((const struct catspell *)ctx)->gr[i].key;
}

/* A new table. */
struct catspell *
catspell_new(int copy)
{
	struct catspell *c = xcalloc(1, sizeof *c);

	c->a = arena_new();
	c->copy = copy;
	buf_init(&c->tmp);
	return c;
}

/* Free the table. */
void
catspell_free(struct catspell *c)
{
	if (c == NULL)
		return;
	hashmap_free(&c->by_name);
	hashmap_free(&c->by_key);
	free(c->sp);
	free(c->gr);
	buf_free(&c->tmp);
	arena_free(c->a);
	free(c);
}

/* The group of the key of name (created when new, taking spelling spell). */
static uint32_t
group_of(struct catspell *c, const char *name, uint32_t spell)
{
	const char *key;
	uint64_t h;
	long g;

	buf_setlen(&c->tmp, 0);
	text_title_key(&c->tmp, name, strlen(name));
	key = c->tmp.len ? c->tmp.buf : name;	/* punctuation only: itself */
	h = hash_str(key);
	if ((g = hashmap_get(&c->by_key, key, h, key_group, c)) >= 0)
		return (uint32_t)g;
	ALLOC_GROW(c->gr, c->ngr + 1, c->agr);
	c->gr[c->ngr].key = arena_strdup(c->a, key);
	c->gr[c->ngr].best = spell;
	c->gr[c->ngr].nspell = 0;
	hashmap_put(&c->by_key, h, (uint32_t)c->ngr);
	return (uint32_t)c->ngr++;
}

/* The number of name, added when new. */
uint32_t
catspell_get(struct catspell *c, const char *name)
{
	uint64_t h = hash_str(name);
	long i = hashmap_get(&c->by_name, name, h, key_spell, c);

	if (i >= 0)
		return (uint32_t)i;
	ALLOC_GROW(c->sp, c->nsp + 1, c->asp);
	c->sp[c->nsp].name = c->copy ? arena_strdup(c->a, name) : name;
	c->sp[c->nsp].count = 0;
	c->sp[c->nsp].group = group_of(c, name, (uint32_t)c->nsp);
	hashmap_put(&c->by_name, h, (uint32_t)c->nsp);
	return (uint32_t)c->nsp++;
}

/* Count name n times more. */
void
catspell_count(struct catspell *c, const char *name, uint32_t n)
{
	uint32_t s = catspell_get(c, name);
	struct group *g = &c->gr[c->sp[s].group];

	g->nspell += c->sp[s].count == 0 && n > 0;
	c->sp[s].count += n;
	if (c->sp[s].count > c->sp[g->best].count)
		g->best = s;
}

/* Make name its group's spelling. */
void
catspell_prefer(struct catspell *c, const char *name)
{
	uint32_t s = catspell_get(c, name);

	c->gr[c->sp[s].group].best = s;
}

/* The group of spelling s. */
uint32_t
catspell_group(const struct catspell *c, uint32_t s)
{
	return c->sp[s].group;
}

/* The number of groups. */
size_t
catspell_ngroups(const struct catspell *c)
{
	return c->ngr;
}

/* The spelling group g takes. */
uint32_t
catspell_best(const struct catspell *c, uint32_t g)
{
	return c->gr[g].best;
}

/* The name of spelling s. */
const char *
catspell_name(const struct catspell *c, uint32_t s)
{
	return c->sp[s].name;
}

/* Mark the groups whose spelling is counted as often as another of theirs, in one pass. */
size_t
catspell_ties(const struct catspell *c, uint8_t *tied)
{
	size_t i, n = 0;

	memset(tied, 0, c->ngr);
	for (i = 0; i < c->nsp; i++) {
		uint32_t g = c->sp[i].group, b = c->gr[g].best;

		if (i != b && c->sp[i].count && c->sp[i].count == c->sp[b].count && !tied[g]) {
			tied[g] = 1;
			n++;
		}
	}
	return n;
}

/* The spelling group g takes when counted two or more ways, else NULL. */
const char *
catspell_choice(const struct catspell *c, uint32_t g)
{
	return c->gr[g].nspell > 1 ? c->sp[c->gr[g].best].name : NULL;
}

/* The spellings the groups counted two or more ways take. */
size_t
catspell_choices(const struct catspell *c, const char ***v)
{
	size_t i, n = 0;

	*v = xcalloc(c->ngr ? c->ngr : 1, sizeof **v);
	for (i = 0; i < c->ngr; i++)
		if (catspell_choice(c, (uint32_t)i))
			(*v)[n++] = catspell_choice(c, (uint32_t)i);
	return n;
}
