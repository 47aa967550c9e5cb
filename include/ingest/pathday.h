/* ingest/pathday.h: the day a file's path gives ("2025/05/06.md", "2025-05-06.jsonl", "20250506"). */
#ifndef PB_PATHDAY_H
#define PB_PATHDAY_H

/*
 * The date in path, nearest the file name first, as YYYY-MM-DD in out (11
 * bytes): 1, or 0 when the path has none or names a range of days.
 */
int pathday_find(const char *path, char out[11]);

#endif
