/* text/lang.c: telling a summary's language from its letters. */
#include "text/lang.h"
#include "text/text.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* The scripts counted; SC_OTHER collects letters of any other script. */
enum script {
	SC_LATIN, SC_HANGUL, SC_HAN, SC_KANA, SC_CYRL, SC_GREK, SC_ARAB, SC_HEBR,
	SC_DEVA, SC_BENG, SC_TAML, SC_THAI, SC_GEOR, SC_ARMN, SC_ETHI, SC_NSCRIPTS,
	SC_NONE = SC_NSCRIPTS
};

/* A range of code points of one script. */
struct range {
	int32_t lo, hi;
	enum script sc;
};

/* Letters by script, ascending (punctuation and symbols blocks left out). */
static const struct range ranges[] = {
	{ 0x00C0, 0x024F, SC_LATIN }, { 0x0370, 0x03FF, SC_GREK },
	{ 0x0400, 0x052F, SC_CYRL }, { 0x0531, 0x058F, SC_ARMN },
	{ 0x0590, 0x05FF, SC_HEBR }, { 0x0600, 0x06FF, SC_ARAB },
	{ 0x0750, 0x077F, SC_ARAB }, { 0x0900, 0x097F, SC_DEVA },
	{ 0x0980, 0x09FF, SC_BENG }, { 0x0B80, 0x0BFF, SC_TAML },
	{ 0x0E00, 0x0E7F, SC_THAI }, { 0x10A0, 0x10FF, SC_GEOR },
	{ 0x1100, 0x11FF, SC_HANGUL }, { 0x1200, 0x139F, SC_ETHI },
	{ 0x1E00, 0x1EFF, SC_LATIN }, { 0x1F00, 0x1FFF, SC_GREK },
	{ 0x3040, 0x30FF, SC_KANA }, { 0x3130, 0x318F, SC_HANGUL },
	{ 0x31F0, 0x31FF, SC_KANA }, { 0x3400, 0x4DBF, SC_HAN },
	{ 0x4E00, 0x9FFF, SC_HAN }, { 0xAC00, 0xD7A3, SC_HANGUL },
	{ 0xF900, 0xFAFF, SC_HAN }, { 0xFF66, 0xFF9F, SC_KANA },
	{ 0x20000, 0x3134F, SC_HAN },
};

/* Code of each script other than Latin and the CJK ones. */
static const char *const script_code[SC_NSCRIPTS] = {
	[SC_CYRL] = "und-Cyrl", [SC_GREK] = "und-Grek", [SC_ARAB] = "und-Arab",
	[SC_HEBR] = "und-Hebr", [SC_DEVA] = "und-Deva", [SC_BENG] = "und-Beng",
	[SC_TAML] = "und-Taml", [SC_THAI] = "und-Thai", [SC_GEOR] = "und-Geor",
	[SC_ARMN] = "und-Armn", [SC_ETHI] = "und-Ethi",
};

/* Script of code point cp (binary search), or SC_NONE. */
static enum script
script_of(int32_t cp)
{
	size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < ranges[mid].lo)
			hi = mid;
		else if (cp > ranges[mid].hi)
			lo = mid + 1;
		else
			return ranges[mid].sc;
	}
	return SC_NONE;
}

/* Latin letters one syllable or word stands for: a Han or Hangul character ~3, kana ~2. */
static size_t
weight(enum script sc)
{
	return sc == SC_HAN || sc == SC_HANGUL ? 3 : sc == SC_KANA ? 2 : 1;
}

/* Count the letters of s[0..n) by script. */
static void
count_scripts(const char *s, size_t n, size_t count[SC_NSCRIPTS])
{
	size_t i = 0;

	memset(count, 0, SC_NSCRIPTS * sizeof *count);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		enum script sc;

		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				count[SC_LATIN]++;
			i++;
			continue;
		}
		sc = script_of(text_decode(s, n, &i));
		if (sc != SC_NONE)
			count[sc]++;
	}
}

/* The language of s[0..n) (see lang.h). */
const char *
lang_detect(const char *s, size_t n)
{
	size_t count[SC_NSCRIPTS], total = 0, best = 0, k;
	enum script top = SC_LATIN;

	count_scripts(s, n, count);
	for (k = 0; k < SC_NSCRIPTS; k++)
		total += count[k] * weight((enum script)k);
	/* Han and kana together are Japanese or Chinese text */
	for (k = SC_HANGUL; k < SC_NSCRIPTS; k++) {
		size_t w = count[k] * weight((enum script)k);

		if (k == SC_HAN)
			w += count[SC_KANA] * weight(SC_KANA);
		if (k == SC_KANA)
			continue;
		if (w > best) {
			best = w;
			top = (enum script)k;
		}
	}
	if (best == 0 || best * 5 < total)
		return "en";
	if (top == SC_HANGUL)
		return "ko";
	if (top == SC_HAN)
		/* Japanese writes a good share of kana; Chinese, next to none */
		return count[SC_KANA] * 8 >= count[SC_HAN] + count[SC_KANA] ? "ja" : "zh";
	return script_code[top];
}

/* English name of a language code. */
const char *
lang_name(const char *code)
{
	static const char *const names[][2] = {
		{ "en", "English" }, { "ko", "Korean" }, { "zh", "Chinese" }, { "ja", "Japanese" },
		{ "und-Cyrl", "Cyrillic script" }, { "und-Grek", "Greek script" },
		{ "und-Arab", "Arabic script" }, { "und-Hebr", "Hebrew script" },
		{ "und-Deva", "Devanagari script" }, { "und-Beng", "Bengali script" },
		{ "und-Taml", "Tamil script" }, { "und-Thai", "Thai script" },
		{ "und-Geor", "Georgian script" }, { "und-Armn", "Armenian script" },
		{ "und-Ethi", "Ethiopic script" },
	};
	size_t k;

	for (k = 0; code && k < sizeof names / sizeof names[0]; k++)
		if (strcasecmp(code, names[k][0]) == 0)
			return names[k][1];
	return code ? code : "";
}

/* Next item of a comma list at *p: its start and length (blanks trimmed); 0 at the end. */
static int
next_item(const char **p, const char **s, size_t *n)
{
	const char *a = *p, *e;

	if (*a == '\0')
		return 0;
	e = strchr(a, ',');
	*p = e ? e + 1 : a + strlen(a);
	if (e == NULL)
		e = a + strlen(a);
	while (a < e && (*a == ' ' || *a == '\t'))
		a++;
	while (e > a && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*s = a;
	*n = (size_t)(e - a);
	return 1;
}

/* Position of code in the preference list, or -1. */
int
lang_rank(const char *prefs, const char *code)
{
	const char *p = prefs, *s;
	size_t n, cl = code ? strlen(code) : 0;
	int i = 0;

	if (prefs == NULL || code == NULL)
		return -1;
	while (next_item(&p, &s, &n)) {
		if (n == cl && strncasecmp(s, code, n) == 0)
			return i;
		i++;
	}
	return -1;
}

/* One item: 2-3 letters, optionally "-" and 4 letters. */
static int
item_ok(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
		i++;
	if (i < 2 || i > 3)
		return 0;
	if (i == n)
		return 1;
	if (n - i != 5 || s[i] != '-')
		return 0;
	for (i++; i < n; i++)
		if (!((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			return 0;
	return 1;
}

/* A usable preference list (see lang.h). */
int
lang_list_ok(const char *prefs, const char **bad)
{
	const char *p = prefs, *s;
	size_t n;
	int items = 0;

	*bad = prefs;
	while (next_item(&p, &s, &n)) {
		if (!item_ok(s, n)) {
			*bad = s;
			return 0;
		}
		items++;
	}
	return items > 0;
}
