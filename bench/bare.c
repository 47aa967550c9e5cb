/* bare.c: a bare curses program, the floor the reader's start is measured
 * against (make bench): linked with ncursesw alone, it paints 200x60
 * cells on its terminal, the last row ending in BENCHDONE, and waits to
 * be killed.
 */
#include <curses.h>
#include <locale.h>
#include <unistd.h>

int
main(void)
{
	int y;

	setlocale(LC_ALL, "");
	initscr();
	for (y = 0; y < 60; y++)
		mvprintw(y, 0, "%-190.190s%s", "paperboy bench line", y == 59 ? "BENCHDONE" : "");
	refresh();
	pause();
	endwin();
	return 0;
}
