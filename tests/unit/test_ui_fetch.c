/* test_ui_fetch.c: R, F and a background fetch through the loop (ui/fetch.h).
 *
 * The fetch's only source is 127.0.0.1 on a port just closed, so it fails
 * at once without leaving the machine.
 */
#include "unit.h"

#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/buf.h"
#include "settings/prefs.h"
#include "settings/settings.h"
#include "ui/fetch.h"
#include "ui/help.h"
#include "ui/loop.h"
#include "ui/state.h"

/* A port on 127.0.0.1 where nothing listens (bound, then closed). */
static int
closed_port(void)
{
	struct sockaddr_in a;
	socklen_t n = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &n), 0);
	close(fd);
	return ntohs(a.sin_port);
}

static int reloads;

/* The load: counts, and gives the library with Epsilon. */
static int
reload_more(void *arg, struct ui_load_ctl *ctl, struct lib **lib, struct buf *msg)
{
	(void)arg;
	(void)ctl;
	reloads++;
	buf_puts(msg, "reloaded");
	*lib = unit_lib(1);
	return 1;
}

/* R asks the loop for a fetch; F has nothing to show before one. */
static void
test_handlers(void **unused)
{
	struct ui_state st;
	struct ui_act a;

	(void)unused;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_act_init(&a, NULL);
	assert_true(ui_fetch_start(&st) & UI_ACT_FETCH);
	ui_act_run(&a, &st, UI_ACT_FETCH);
	assert_string_equal(st.status.buf, "fetching is not available");
	assert_false(ui_fetch_show(&st) & UI_ACT_FETCH);
	assert_string_equal(st.status.buf, "nothing fetched yet (R fetches)");
	assert_false(st.help.open);
	st.fetch.running = 1;
	assert_false(ui_fetch_start(&st) & UI_ACT_FETCH);
	assert_non_null(strstr(st.status.buf, "a fetch is running"));
	st.fetch.running = 0;
	ui_act_free(&a, &st);
	ui_state_free(&st);
}

/* A whole fetch in the background: progress, the end, the reload, the report. */
static void
test_background_fetch(void **unused)
{
	char dir[] = "/tmp/pbuifetchXXXXXX", conf[128];
	struct settings *c = settings_defaults();
	struct prefs p;
	struct ui_loop *loop = ui_loop_new();
	struct ui_fetcher fr;
	struct ui_loader ld;
	struct ui_state st;
	struct ui_act a;
	struct buf page = BUF_INIT;
	int i;

	(void)unused;
	assert_non_null(mkdtemp(dir));
	setenv("PAPERBOY_LIBRARY", dir, 1);
	setenv("PAPERBOY_TODAY", "2025-05-08", 1);
	snprintf(conf, sizeof conf, "source hf-daily off\nsource local http://127.0.0.1:%d/{date}\n",
	    closed_port());
	assert_int_equal(settings_parse(c, "cfg", conf, strlen(conf)), 0);
	prefs_resolve(&p, c, NULL, NULL);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_act_init(&a, NULL);
	ui_fetcher_init(&fr, loop, &p, &st, &a);
	ui_loader_init(&ld, loop, &st, reload_more, NULL, NULL);
	a.fetcher = &fr;
	a.loader = &ld;
	reloads = 0;

	ui_act_run(&a, &st, ui_fetch_start(&st));
	assert_true(st.fetch.running);
	assert_non_null(strstr(st.fetch.activity.buf, "fetching"));
	assert_false(ui_fetch_start(&st) & UI_ACT_FETCH);	/* one at a time */
	for (i = 0; i < 200 && (st.fetch.running || st.load.running); i++)
		ui_loop_wait(loop, 50);
	assert_false(st.fetch.running);
	assert_false(st.load.running);
	assert_int_equal(st.fetch.activity.len, 0);
	assert_int_equal(reloads, 1);
	assert_int_equal(lib_npapers(st.lib), 6);	/* the reloaded library */
	assert_string_equal(st.status.buf, "fetch: 7 of 7 failed (F shows why), 0 new papers, 0 updated");
	assert_non_null(strstr(st.fetch.report.buf, "local: 7 days from 2025-05-02 to 2025-05-08: "));

	ui_fetch_show(&st);
	assert_true(st.help.open);
	assert_string_equal(st.help.title, "Fetch");
	ui_help_build(&st, 0, &page);
	assert_non_null(strstr(page.buf, "failed to connect"));
	buf_free(&page);

	ui_fetcher_free(&fr);
	ui_loader_free(&ld);
	ui_act_free(&a, &st);
	ui_state_free(&st);
	ui_loop_free(loop);
	prefs_free(&p);
	settings_free(c);
	unlink(strcat(strcpy(conf, dir), "/.paperboy-fetch"));
	unlink(strcat(strcpy(conf, dir), "/.paperboy-fetch.lock"));
	rmdir(dir);
	unsetenv("PAPERBOY_LIBRARY");
	unsetenv("PAPERBOY_TODAY");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handlers),
		cmocka_unit_test(test_background_fetch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
