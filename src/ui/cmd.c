/* ui/cmd.c: the command table and its dispatch (see ui/cmd.h). */
#include "ui/cmd.h"

#include <string.h>

#include "ui/state.h"

/* One command. */
struct cmd {
	const char *name, *keys, *help;
	unsigned (*run)(struct ui_state *st);
	unsigned flags;
};

/* THE table, indexed by enum ui_cmd. */
static const struct cmd cmds[UI_NCMDS] = {
#define UI_CMD_ROW(id, name, keys, help, fn, flags) [UI_CMD_##id] = { name, keys, help, fn, flags },
	UI_COMMANDS(UI_CMD_ROW)
#undef UI_CMD_ROW
};

/* Name for "bind KEY COMMAND". */
const char *
ui_cmd_name(enum ui_cmd c)
{
	return c < UI_NCMDS ? cmds[c].name : "";
}

/* The command called name, or -1. */
int
ui_cmd_parse(const char *name)
{
	int c;

	for (c = 0; c < UI_NCMDS; c++)
		if (strcmp(name, cmds[c].name) == 0)
			return c;
	return -1;
}

/* True when name is a command's name. */
int
ui_cmd_known(const char *name)
{
	return ui_cmd_parse(name) >= 0;
}

/* One-line description for the help screen. */
const char *
ui_cmd_help(enum ui_cmd c)
{
	return c < UI_NCMDS ? cmds[c].help : "";
}

/* Default keys, as key names separated by spaces. */
const char *
ui_cmd_keys(enum ui_cmd c)
{
	return c < UI_NCMDS ? cmds[c].keys : "";
}

/* UI_CMDF_* flags. */
unsigned
ui_cmd_flags(enum ui_cmd c)
{
	return c < UI_NCMDS ? cmds[c].flags : 0;
}

/* Carry out one command. */
unsigned
ui_cmd_run(struct ui_state *st, enum ui_cmd c)
{
	if (st->help.open)
		return ui_help_cmd(st, c);
	return c < UI_NCMDS ? cmds[c].run(st) : UI_ACT_NONE;
}
