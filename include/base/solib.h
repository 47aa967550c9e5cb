/* base/solib.h: a shared library loaded when it is first needed.
 *
 * paperboy links only what every start needs.  A library that only some
 * work uses, and that would cost every start of the reader its loading
 * and relocation (libcurl for a fetch, libxml2 and the ICU and C++
 * libraries it pulls in for an HTML or Atom file), is loaded with dlopen
 * by a table of its functions (fetch/curlso.h, ingest/xmlso.h); these two
 * functions are what such tables share.
 *
 * Errors: lowercase text appended to why or miss, from dlerror.
 * Thread safety: dlopen and dlsym are; callers load once (pthread_once).
 */
#ifndef PB_BASE_SOLIB_H
#define PB_BASE_SOLIB_H

#include "base/buf.h"

/*
 * Load soname (RTLD_NOW | RTLD_LOCAL): its handle, or NULL with "cannot
 * load WHAT: REASON" appended to why.  It stays loaded until exit unless
 * the caller dlcloses it.
 */
void *solib_open(const char *soname, const char *what, struct buf *why);
/* The address of name in handle h; NULL when missing, the first reason appended to miss (when empty). */
void *solib_sym(void *h, const char *name, struct buf *miss);

#endif
