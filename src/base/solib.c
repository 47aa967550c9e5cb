/* base/solib.c: load a shared library on first use (see base/solib.h). */
#include "base/solib.h"

#include <dlfcn.h>

/* dlerror's text; never NULL. */
static const char *
dl_why(void)
{
	const char *e = dlerror();

	return e ? e : "unknown error";
}

/* Load soname, or say why not. */
void *
solib_open(const char *soname, const char *what, struct buf *why)
{
	void *h;

	dlerror();
	h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL)
		buf_printf(why, "cannot load %s: %s", what, dl_why());
	return h;
}

/* The address of name in h, or NULL with the first reason in miss. */
void *
solib_sym(void *h, const char *name, struct buf *miss)
{
	void *p;

	dlerror();
	p = dlsym(h, name);
	if (p == NULL && miss->len == 0)
		buf_puts(miss, dl_why());
	return p;
}
