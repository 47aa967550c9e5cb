/* base/url.c: the byte rules of URLs (see base/url.h). */
#include "base/url.h"

#include <string.h>

/* Name of a printable byte a URL may not hold unencoded, or NULL. */
const char *
url_byte_name(unsigned char c)
{
	switch (c) {
	case ' ': return "space";
	case '\'': return "quote";
	case '"': return "double quote";
	case '`': return "backtick";
	case '\\': return "backslash";
	case '<': case '>': return "angle bracket";
	case '{': case '}': return "brace";
	case '|': return "pipe";
	case '^': return "caret";
	default: return NULL;
	}
}

/* Printable ASCII that no rule above names. */
int
url_byte_ok(unsigned char c)
{
	return c > 0x20 && c < 0x7f && url_byte_name(c) == NULL;
}

/* Length of a scheme followed by ':' at the start of s, else 0. */
size_t
url_scheme_len(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 32; i++) {
		char c = s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			continue;
		if (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
			continue;
		break;
	}
	return i > 0 && i < n && s[i] == ':' ? i : 0;
}

/* ASCII case-insensitive prefix test against a lowercase word. */
int
url_prefix_ci(const char *s, size_t n, const char *pre)
{
	size_t i, m = strlen(pre);

	if (n < m)
		return 0;
	for (i = 0; i < m; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != pre[i])
			return 0;
	}
	return 1;
}

/* The three bytes "%XX" of c. */
void
url_percent(char out[3], unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";

	out[0] = '%';
	out[1] = hex[c >> 4];
	out[2] = hex[c & 15];
}
