/* base/hash.h: the string hash of the hash tables and of stable short keys. */
#ifndef PB_HASH_H
#define PB_HASH_H

#include <stdint.h>

/* 64-bit FNV-1a of a NUL-terminated string; never 0 (0 marks an empty slot). */
static inline uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

#endif
