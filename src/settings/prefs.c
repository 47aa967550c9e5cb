/* settings/prefs.c: the one place a preference's value is decided (see settings/prefs.h). */
#include "settings/prefs.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/safeio.h"

#include <stdlib.h>
#include <string.h>

/* NAME's value in env, or NULL when unset or empty. */
static const char *
env_value(const struct prefs_env *env, const char *name)
{
	const char *v = env->get(env->arg, name);

	return v && *v ? v : NULL;
}

/* Link options: the environment's facts, then browser, open and osc8 by their rules. */
static void
resolve_launch(struct prefs *p, const struct settings *file, const struct prefs_env *env)
{
	const char *term = env_value(env, "TERM"), *v;

	launch_opts_init(&p->launch, env->get, env->arg);
	/* browser: the setting beats $BROWSER */
	p->launch.browser = settings_browser(file) ? settings_browser(file) : env_value(env, "BROWSER");
	/* open: PAPERBOY_OPEN beats link-mode; a value it does not know means auto */
	if ((v = env_value(env, "PAPERBOY_OPEN")) == NULL)
		p->launch.open = settings_link_mode(file);
	else if (strcmp(v, "copy") == 0)
		p->launch.open = LAUNCH_OPEN_COPY;
	else if (strcmp(v, "browser") == 0)
		p->launch.open = LAUNCH_OPEN_BROWSER;
	else
		p->launch.open = LAUNCH_OPEN_AUTO;
	/* osc8: PAPERBOY_OSC8 beats the setting, which can only turn off what the terminal allows */
	if ((v = env_value(env, "PAPERBOY_OSC8")) != NULL)
		p->launch.osc8 = strcmp(v, "0") != 0 && strcmp(v, "no") != 0 && strcmp(v, "off") != 0;
	else
		p->launch.osc8 = term && strcmp(term, "dumb") != 0 && strcmp(term, "linux") != 0 &&
		    settings_osc8(file);
}

/* Theme and colours: NO_COLOR forces monochrome over the theme setting. */
static void
resolve_theme(struct prefs *p, const struct settings *file, const struct prefs_env *env)
{
	int e;

	p->theme = env_value(env, "NO_COLOR") ? SETTINGS_THEME_MONOCHROME : settings_theme(file);
	for (e = 0; e < SETTINGS_NELEMS; e++)
		p->colors[e] = settings_theme_color(file, (enum settings_elem)e, p->theme);
}

/* A per-user path (safeio_user_path) read through env; NULL when none is set. */
static const char *
user_path(const struct prefs_env *env, const char *var, const char *xdg, const char *home_dir,
    const char *name)
{
	struct buf b = BUF_INIT;
	char *path = NULL;

	buf_init(&b);
	if (safeio_user_path_get(&b, env->get, env->arg, var, xdg, home_dir, name) == 0)
		path = xstrdup(b.buf);
	buf_free(&b);
	return path;
}

/*
 * The library: PAPERBOY_LIBRARY beats the library settings, which beat
 * $XDG_DATA_HOME/paperboy/library and ~/.local/share/paperboy/library.
 */
static void
resolve_library(struct prefs *p, const struct settings *file, const struct prefs_env *env)
{
	size_t i, n = settings_nlibraries(file);
	const char **libs;

	if (env_value(env, "PAPERBOY_LIBRARY") || n == 0) {
		p->library_dir = user_path(env, "PAPERBOY_LIBRARY", "XDG_DATA_HOME", ".local/share",
		    "library");
		return;
	}
	libs = xcalloc(n + 1, sizeof *libs);
	for (i = 0; i < n; i++)
		libs[i] = settings_library(file, i);
	p->libraries = libs;
	p->nlibraries = n;
	p->library_dir = xstrdup(libs[0]);
}

/* The key bindings, copied in file order. */
static void
resolve_bindings(struct prefs *p, const struct settings *file)
{
	size_t i, n = settings_nbindings(file);
	struct settings_binding *v;

	if (n == 0)
		return;
	v = xcalloc(n, sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = *settings_binding(file, i);
	p->bindings = v;
	p->nbindings = n;
}

/* Defaults < file < environment < command line. */
void
prefs_resolve(struct prefs *out, const struct settings *file, const struct prefs_env *env,
    const struct prefs_args *args)
{
	static const struct prefs_env process = { launch_getenv, NULL };
	const char *ca, *lg;

	memset(out, 0, sizeof *out);
	if (file == NULL)
		file = out->own = settings_defaults();
	if (env == NULL)
		env = &process;
	out->lang = args && args->lang ? args->lang : settings_lang(file);
	resolve_launch(out, file, env);
	out->mark_read = settings_mark_read(file);
	out->mark_read_delay = settings_mark_read_delay(file);
	out->mouse = settings_mouse(file);
	resolve_theme(out, file, env);
	resolve_bindings(out, file);
	out->max_file_size = settings_max_file_size(file);
	resolve_library(out, file, env);
	out->sources = settings_sources(file);
	ca = env_value(env, "PAPERBOY_CA_FILE");
	out->ca_file = ca ? ca : settings_ca_file(file);
	out->fetch_on_start = settings_fetch_on_start(file);
	lg = env_value(env, "PAPERBOY_LINE_GRAPHICS");
	out->line_graphics = lg && settings_line_graphics_parse(lg) >= 0 ?
	    (enum settings_line_graphics)settings_line_graphics_parse(lg) : settings_line_graphics(file);
	out->state_path = user_path(env, "PAPERBOY_STATE", "XDG_STATE_HOME", ".local/state", "state");
}

/* Free what prefs_resolve allocated. */
void
prefs_free(struct prefs *p)
{
	if (p == NULL)
		return;
	free((void *)p->libraries);
	free((void *)p->bindings);
	free((void *)p->library_dir);
	free((void *)p->state_path);
	settings_free(p->own);
	memset(p, 0, sizeof *p);
}
