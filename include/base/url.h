/* base/url.h: the byte rules of URLs, shared by reading digests and opening links.
 *
 * One rule decides which bytes a URL may hold as they are: printable ASCII
 * other than space and the characters that shells, terminals and markdown
 * treat specially (" ' ` \ < > { } | ^).  model/link.c percent-encodes
 * every other byte when it normalises a digest's link; launch/launch.c
 * refuses a URL holding any other byte before it opens or copies it.
 * Pure functions on bytes; nothing here allocates.
 */
#ifndef PB_BASE_URL_H
#define PB_BASE_URL_H

#include <stddef.h>

/* Nonzero when byte c may appear in a URL as it is. */
int url_byte_ok(unsigned char c);
/*
 * Name of a printable byte a URL may not hold unencoded ("space",
 * "backtick", ...), or NULL when c is allowed or not printable ASCII.
 */
const char *url_byte_name(unsigned char c);
/*
 * Length of the scheme at the start of s[0..n) (a letter, then letters,
 * digits, + - .; at most 32 bytes) when a ':' follows it, else 0.
 */
size_t url_scheme_len(const char *s, size_t n);
/* Nonzero when s[0..n) starts with the lowercase ASCII word pre, ignoring case. */
int url_prefix_ci(const char *s, size_t n, const char *pre);
/* Write the percent-encoding of byte c ("%2F", upper-case hex) into out[0..3). */
void url_percent(char out[3], unsigned char c);

#endif
