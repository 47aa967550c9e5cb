/* ingest/xmlso.h: libxml2, loaded when the first HTML or XML file needs it.
 *
 * paperboy does not link libxml2: with the ICU and C++ libraries it pulls
 * in, loading it cost every start of the reader about 5 ms, more than
 * the rest of its libraries together, though a start from the store
 * parses nothing before its first screen.  Instead ingest/xml.c and the
 * parsers that walk its trees call libxml2 through the table xmlso_get
 * returns; the first call loads XMLSO_NAME (config.h: the soname of the
 * libxml2 configure found, libxml2.so.2 on Debian) with dlopen, looks
 * every function up and runs xmlInitParser (inside the once, so before
 * any thread parses with it).  <libxml/...> headers still
 * give the types, the constants and the node structures.
 *
 * Who calls it: the parsers that read HTML or XML (through xml_lib,
 * ingest/xml.h), on the pool's threads, when they meet their first file:
 * a library of Markdown and JSON digests never loads libxml2.
 *
 * Thread safety: xmlso_get may be called from any thread, at once from
 * several; the loading runs once (pthread_once) and every later call
 * returns the same table, or fails with the same reason.  The table is
 * read-only.
 *
 * Lifetime: the library stays loaded until the process exits (nothing
 * calls xmlCleanupParser, as before).
 *
 * Errors: one lowercase line appended to why, starting "cannot load
 * libxml2: " (the library is missing or lacks a function).  A file that
 * needs it then gets that message at its first line and reads as empty.
 */
#ifndef PB_INGEST_XMLSO_H
#define PB_INGEST_XMLSO_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/buf.h"

/*
 * Every libxml2 function paperboy calls: the table has a member of that
 * name with the function's exact type.
 */
#define XMLSO_FUNCS(X) \
	X(xmlInitParser) X(xmlNewParserCtxt) X(xmlFreeParserCtxt) X(xmlCtxtReadMemory) \
	X(htmlNewParserCtxt) X(htmlFreeParserCtxt) X(htmlCtxtReadMemory) \
	X(xmlDocGetRootElement) X(xmlFreeDoc) X(xmlGetLineNo)

#define XMLSO_MEMBER(name) __typeof__(name) *name;
/* libxml2's functions: x->xmlFreeDoc(doc) calls xmlFreeDoc. */
struct xmlso {
	XMLSO_FUNCS(XMLSO_MEMBER)
};
#undef XMLSO_MEMBER

/*
 * The table, loading libxml2 on the first call; NULL, with the reason
 * appended to why, when it cannot be loaded.
 */
const struct xmlso *xmlso_get(struct buf *why);
/*
 * Load soname into *t (xmlso_get's work, without its once: for tests);
 * 0, or -1 with the reason appended to why and t zeroed.
 */
int xmlso_load(const char *soname, struct xmlso *t, struct buf *why);

#endif
