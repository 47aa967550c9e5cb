/* base/mem.c: finding bytes in bytes (see base/mem.h). */
#define _GNU_SOURCE 1	/* memmem */
#include "base/mem.h"

#include <stdint.h>
#include <string.h>

#define ONES 0x0101010101010101ULL
#define LOW7 0x7F7F7F7F7F7F7F7FULL

/*
 * 0x80 in each byte of v that equals the byte rep repeats, 0 in the
 * others: exact, for no byte's sum carries into the next.
 */
static uint64_t
equal_bytes(uint64_t v, uint64_t rep)
{
	uint64_t x = v ^ rep;

	return ~(((x & LOW7) + LOW7) | x | LOW7);
}

/* Which byte of a word loaded from memory, in memory order, the first 0x80 of a mask is in. */
static size_t
first_byte(uint64_t mask)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)(__builtin_clzll(mask) >> 3);
#else
	return (size_t)(__builtin_ctzll(mask) >> 3);
#endif
}

/*
 * The first two-byte needle a b in hay[0..n): a mask for each eight
 * positions of where a is and b follows (the words at i and at i + 1,
 * compared byte for byte).
 */
static const char *
find_pair(const char *hay, size_t n, unsigned char a, unsigned char b)
{
	uint64_t ra = ONES * a, rb = ONES * b, w, next, hit;
	size_t i = 0;

	for (; i + 9 <= n; i += 8) {
		memcpy(&w, hay + i, sizeof w);
		memcpy(&next, hay + i + 1, sizeof next);
		hit = equal_bytes(w, ra) & equal_bytes(next, rb);
		if (hit)
			return hay + i + first_byte(hit);
	}
	for (; i + 2 <= n; i++)
		if ((unsigned char)hay[i] == a && (unsigned char)hay[i + 1] == b)
			return hay + i;
	return NULL;
}

/* The first needle in hay. */
const char *
mem_find(const char *hay, size_t n, const char *needle, size_t m)
{
	if (m == 0)
		return hay;
	if (m > n)
		return NULL;
	if (m == 1)
		return memchr(hay, needle[0], n);
	if (m == 2)
		return find_pair(hay, n, (unsigned char)needle[0], (unsigned char)needle[1]);
	return memmem(hay, n, needle, m);
}
