/* ingest/inline.h: markdown and HTML inline markup reduced to text.
 *
 * Digests write titles and summaries as markdown (or HTML fragments); the
 * library keeps plain text.  inline_clean does what text_clean does
 * (sanitise, squeeze per the TEXT_* flags, NFC) and in between reduces
 * inline markup: code spans and $math$ are kept verbatim, paired emphasis
 * markers dropped, known HTML tags removed (unknown <pseudo-tags> stay),
 * entities decoded, [text](url) and ![alt](url) reduced, backslash escapes
 * resolved.  Linear in the input.  The caller owns out.
 */
#ifndef PB_INGEST_INLINE_H
#define PB_INGEST_INLINE_H

#include <stddef.h>

#include "base/buf.h"

/* Append s[0..n) cleaned as text_clean does, with inline markup reduced. */
void inline_clean(struct buf *out, const char *s, size_t n, unsigned flags);
/* Decode the HTML entity at s (pointing at '&'); on success append it and return its length, else 0. */
size_t inline_entity(struct buf *out, const char *s, size_t n);

#endif
