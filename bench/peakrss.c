/* peakrss.c: run a command, report its wall time and peak resident set.
 *
 *   peakrss REPORT-FILE COMMAND [ARG...]
 *
 * Runs COMMAND with the caller's stdin, stdout and stderr, waits for it with
 * wait4 and appends one line "wall_s maxrss_kb status" to REPORT-FILE
 * (status is the exit status, or 128+signal).  Exits with the command's
 * status.  Used by bench.sh, since GNU time is not always installed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *rep;
	pid_t pid;
	int st, code;
	double wall;

	if (argc < 3) {
		fprintf(stderr, "usage: peakrss REPORT-FILE COMMAND [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("peakrss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "peakrss: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("peakrss: wait4");
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	rep = fopen(argv[1], "a");
	if (!rep) {
		fprintf(stderr, "peakrss: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	fprintf(rep, "%.4f %ld %d\n", wall, ru.ru_maxrss, code);
	fclose(rep);
	return code;
}
