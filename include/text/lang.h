/* text/lang.h: the language of a text, told from its letters, and lists of
 * preferred languages.
 *
 * Codes are BCP 47 tags: "en", "ko", "zh", "ja", and for other scripts
 * "und-" and the ISO 15924 script code ("und-Cyrl", "und-Arab", ...), since
 * the script alone does not name the language.  Latin-script text is "en".
 * Every code returned is a static string; nothing here allocates.
 */
#ifndef PB_LANG_H
#define PB_LANG_H

#include <stddef.h>

/*
 * The language of s[0..n): the script with the largest share of the
 * letters (a Han, Hangul or kana character weighs as several Latin
 * letters), "ko" for Hangul, "ja" for Han with kana, "zh" for Han without,
 * "en" for Latin and for text without letters.  A script other than Latin
 * must hold a fifth of the weighted letters to count.
 */
const char *lang_detect(const char *s, size_t n);
/* English name of a code ("Chinese", "Cyrillic script"); the code itself when unknown. */
const char *lang_name(const char *code);
/*
 * Position of code in prefs, a comma-separated list in order of preference
 * ("ko,en"; blanks around items ignored, case ignored), or -1.
 */
int lang_rank(const char *prefs, const char *code);
/*
 * True when prefs is a usable list: one or more comma-separated items, each
 * a language code of 2 or 3 letters with an optional "-Xxxx" script.  Else
 * *bad points at the first item that is not (for the message).
 */
int lang_list_ok(const char *prefs, const char **bad);

#endif
