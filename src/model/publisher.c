/* model/publisher.c: who published a digest file, told from its path. */
#include "model/lib.h"
#include "base/buf.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Path components that name no publisher: layout folders and day files. */
static int
generic(const char *s, size_t n)
{
	static const char *const names[] = {
		"archive", "content", "daily", "daily_results", "data", "digests", "docs",
		"feeds", "index", "latest", "library", "logs", "output", "paper", "paper_logs",
		"papers", "posts", "_posts", "readme", "results", "samples", "src",
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == n && strncasecmp(names[i], s, n) == 0)
			return 1;
	return 0;
}

/* A byte that separates the words of a file or folder name. */
static int
sep(char c)
{
	return c == '-' || c == '_' || c == '.' || c == ' ';
}

/* Drop known file extensions from the end of s[0..*n). */
static void
drop_ext(const char *s, size_t *n)
{
	static const char *const ext[] = {
		".md", ".markdown", ".json", ".jsonl", ".xml", ".atom", ".rss", ".html",
		".htm", ".yaml", ".yml", ".txt",
	};
	size_t i, e;

	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		e = strlen(ext[i]);
		if (*n > e && strncasecmp(s + *n - e, ext[i], e) == 0) {
			*n -= e;
			i = (size_t)-1;	/* "x.atom.xml": look again */
		}
	}
}

/*
 * The publisher's part of one name: leading words that start with a digit
 * (a date) dropped, the name cut before the first word that starts with a
 * digit, and before "-daily-" ("gabrielchua-daily-ai-papers": gabrielchua).
 */
static void
name_part(const char *s, size_t n, size_t *off, size_t *len)
{
	size_t a = 0, i;

	while (a < n && isdigit((unsigned char)s[a])) {
		while (a < n && !sep(s[a]))
			a++;
		while (a < n && sep(s[a]))
			a++;
	}
	for (i = a; i + 1 < n; i++)
		if (sep(s[i]) && isdigit((unsigned char)s[i + 1]))
			break;
	n = i + 1 < n ? i : n;
	for (i = a + 1; i + 6 < n; i++)
		if (sep(s[i]) && strncasecmp(s + i + 1, "daily", 5) == 0 && sep(s[i + 6])) {
			n = i;
			break;
		}
	*off = a;
	*len = n > a ? n - a : 0;
}

/* Append the publisher of the file at path (see model/lib.h); 0 when the path names none. */
int
publisher_of(struct buf *out, const char *path)
{
	size_t end, depth;

	if (path == NULL)
		return 0;
	end = strlen(path);
	for (depth = 0; end > 0 && depth < 6; depth++) {
		size_t start = end, n, off, len;

		while (start > 0 && path[start - 1] != '/')
			start--;
		n = end - start;
		if (depth == 0)
			drop_ext(path + start, &n);
		name_part(path + start, n, &off, &len);
		if (len > 0 && isalpha((unsigned char)path[start + off]) &&
		    !generic(path + start + off, len)) {
			buf_add(out, path + start + off, len);
			return 1;
		}
		end = start;
		while (end > 0 && path[end - 1] == '/')
			end--;
	}
	return 0;
}
