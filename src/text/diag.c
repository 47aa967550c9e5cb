/* text/diag.c: diagnostics, formatted in one place (see text/diag.h). */
#include "text/diag.h"
#include "base/alloc.h"
#include "text/text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const level_names[] = { "note", "warning", "error", "" };

/* Set up an empty list. */
void
diag_list_init(struct diag_list *l)
{
	memset(l, 0, sizeof *l);
	l->a = arena_new();
}

/* Free the list. */
void
diag_list_free(struct diag_list *l)
{
	arena_free(l->a);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Forget the diagnostics, keep the memory. */
void
diag_list_clear(struct diag_list *l)
{
	struct arena_mark zero = { NULL, 0 };

	arena_reset(l->a, zero);
	l->n = 0;
}

/* The list's copy of file: the previous entry's when it names the same file. */
static const char *
keep_file(struct diag_list *l, const char *file)
{
	const char *last = l->n ? l->v[l->n - 1].d.file : NULL;

	if (file == NULL)
		return NULL;
	if (last && strcmp(last, file) == 0)
		return last;
	return arena_strdup(l->a, file);
}

/* Add a diagnostic; file and text copied, its line formatted now. */
const struct diag *
diag_add(struct diag_list *l, enum diag_level level, const char *file, size_t line,
    const char *text)
{
	struct diag_item *it;
	struct buf b = BUF_INIT;

	buf_init(&b);
	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	it = &l->v[l->n];
	it->d.level = level;
	it->d.file = keep_file(l, file);
	it->d.line = line;
	it->d.text = arena_strdup(l->a, text);
	diag_format(&b, &it->d);
	it->line = arena_strndup(l->a, b.buf, b.len);
	l->n++;
	buf_free(&b);
	return &it->d;
}

/* diag_add with a printf-style text (va_list). */
const struct diag *
diag_vaddf(struct diag_list *l, enum diag_level level, const char *file, size_t line,
    const char *fmt, va_list ap)
{
	const struct diag *d;
	struct buf text = BUF_INIT;

	buf_init(&text);
	buf_vprintf(&text, fmt, ap);
	d = diag_add(l, level, file, line, text.buf);
	buf_free(&text);
	return d;
}

/* diag_add with a printf-style text. */
const struct diag *
diag_addf(struct diag_list *l, enum diag_level level, const char *file, size_t line,
    const char *fmt, ...)
{
	const struct diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = diag_vaddf(l, level, file, line, fmt, ap);
	va_end(ap);
	return d;
}

/* Diagnostic i. */
const struct diag *
diag_get(const struct diag_list *l, size_t i)
{
	return i < l->n ? &l->v[i].d : NULL;
}

/* Diagnostic i's line. */
const char *
diag_line(const struct diag_list *l, size_t i)
{
	return i < l->n ? l->v[i].line : NULL;
}

/* Diagnostics other than notes. */
size_t
diag_problems(const struct diag_list *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += l->v[i].d.level != DIAG_NOTE;
	return n;
}

/* The word of a level. */
const char *
diag_level_name(enum diag_level level)
{
	return (unsigned)level < sizeof level_names / sizeof level_names[0] ? level_names[level] : "";
}

/* Append "FILE:LINE: LEVEL: TEXT", cleaned as one line. */
void
diag_format(struct buf *out, const struct diag *d)
{
	struct buf raw = BUF_INIT;
	const char *word = diag_level_name(d->level);

	buf_init(&raw);
	if (d->file && d->line)
		buf_printf(&raw, "%s:%zu: ", d->file, d->line);
	else if (d->file)
		buf_printf(&raw, "%s: ", d->file);
	if (*word)
		buf_printf(&raw, "%s: ", word);
	buf_puts(&raw, d->text ? d->text : "");
	text_clean(out, raw.buf, raw.len, TEXT_ONELINE);
	buf_free(&raw);
}

/* Write a line to f with a newline. */
static int
put_line(FILE *f, const char *s, size_t n)
{
	if (fwrite(s, 1, n, f) != n || putc('\n', f) == EOF)
		return -1;
	return 0;
}

/* Write d's line. */
int
diag_print(FILE *f, const struct diag *d)
{
	struct buf b = BUF_INIT;
	int rc;

	buf_init(&b);
	diag_format(&b, d);
	rc = put_line(f, b.buf, b.len);
	buf_free(&b);
	return rc;
}

/* Print a diagnostic made on the spot. */
int
diag_printf(FILE *f, enum diag_level level, const char *file, size_t line, const char *fmt, ...)
{
	struct diag d = { level, file, line, NULL };
	struct buf text = BUF_INIT;
	va_list ap;
	int rc;

	buf_init(&text);
	va_start(ap, fmt);
	buf_vprintf(&text, fmt, ap);
	va_end(ap);
	d.text = text.buf;
	rc = diag_print(f, &d);
	buf_free(&text);
	return rc;
}

/* Append the lines of a list, newline-ended (the reader's Problems page). */
void
diag_list_lines(struct buf *out, const struct diag_list *l, int notes)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (notes || l->v[i].d.level != DIAG_NOTE) {
			buf_puts(out, l->v[i].line);
			buf_addch(out, '\n');
		}
}

/* Write the lines of l[from..to), with or without the notes. */
int
diag_print_list(FILE *f, const struct diag_list *l, size_t from, size_t to, int notes)
{
	int rc = 0;

	for (; from < to && from < l->n; from++)
		if (notes || l->v[from].d.level != DIAG_NOTE)
			if (put_line(f, l->v[from].line, strlen(l->v[from].line)) < 0)
				rc = -1;
	return rc;
}
