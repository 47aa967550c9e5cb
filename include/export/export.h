/* export/export.h: a list of papers as BibTeX, Markdown or JSON Lines.
 *
 * BibTeX: one @misc entry per paper, with eprint and archivePrefix =
 * {arXiv} only when the arXiv id is known; specials escaped; every field
 * brace-balanced whatever the input (a brace in the text is written as
 * \textbraceleft{} or \textbraceright{}); an author name that BibTeX would
 * split or reorder (" and " in any case, a comma, "others") is braced; an
 * untitled abstract gets the start of its text (EXPORT_TITLE_CELLS cells)
 * as the title and note = {untitled abstract}.  Citation keys are stable
 * (the same paper always gets the same key) and unique: "arXiv:ID" when
 * the id is known, else AUTHORYEARWORD-HASH (the first author's last
 * name, the year, the first title word, all ASCII, and six hex digits of
 * the paper key).
 * Markdown: "- [Title](link) — summary", the summary cut to one line of
 * at most EXPORT_MD_CELLS display cells; & < > written as entities, the
 * other Markdown specials escaped with a backslash.
 * JSON Lines: the --dump object of each paper (dump.h).
 */
#ifndef PB_EXPORT_H
#define PB_EXPORT_H

#include <stddef.h>

#include "base/buf.h"
#include "model/lib.h"
#include "marks/marks.h"

#define EXPORT_MD_CELLS 120
#define EXPORT_TITLE_CELLS 100

enum export_fmt { EXPORT_BIBTEX, EXPORT_MARKDOWN, EXPORT_JSONL, EXPORT_NFORMATS };

/* Look up a format by name ("bibtex", "markdown", "jsonl"); 0, or -1 when unknown. */
int export_fmt_parse(const char *name, enum export_fmt *f);
/* The name of a format. */
const char *export_fmt_name(enum export_fmt f);
/* Append the citation key of p (see above). */
void export_bibtex_key(struct buf *out, const struct lib *lib, const struct paper *p);
/*
 * Append papers v[0..n) of lib in format f.  lang (may be NULL) picks the
 * summary of Markdown lines; st (may be NULL) gives the read and starred
 * keys of JSON Lines.
 */
void export_papers(struct buf *out, enum export_fmt f, const struct lib *lib,
    const struct marks *st, const char *lang, const struct paper *const *v, size_t n);

#endif
