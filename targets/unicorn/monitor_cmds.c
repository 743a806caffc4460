/*
 * gstub-run's own monitor commands (the engine adds its built-in ones).
 */
#include "debugger.h"

#include <stdio.h>
#include <string.h>

static int say(struct gstub *g, const char *text)
{
	return gstub_monitor_print(g, text, strlen(text));
}

/* monitor info tdesc: what gdb was told, in a few lines. */
static int info_tdesc(struct gstub *g, void *ctx, const char *args, size_t len)
{
	struct grun_debug *s = ctx;
	const struct gstub_tdesc *td = s->td;
	char line[160];
	(void)args;
	if (len != 0) {
		say(g, "Usage: monitor info tdesc\n");
		return GSTUB_EINVAL;
	}
	if (!td)
		return GSTUB_ENOENT;
	snprintf(line, sizeof line, "architecture: %s (%s)\n",
		 td->architecture ? td->architecture : "none",
		 s->gu->arch == GRUN_ARCH_AARCH64 ? "Unicorn AArch64, Cortex-A72"
						  : "Unicorn ARM, Cortex-A15");
	say(g, line);
	say(g, "features:\n");
	for (uint32_t i = 0; i < td->nfeatures; i++) {
		unsigned nregs = 0;
		for (uint32_t r = 0; r < td->nregs; r++)
			nregs += td->regs[r].feature == i;
		snprintf(line, sizeof line, "  %s (%u register%s)\n",
			 td->features[i].name, nregs, nregs == 1 ? "" : "s");
		say(g, line);
	}
	snprintf(line, sizeof line, "registers: %u, numbered 0-%u\n",
		 (unsigned)td->nregs,
		 td->nregs ? (unsigned)td->regs[td->nregs - 1].regnum : 0u);
	say(g, line);
	snprintf(line, sizeof line, "g packet: %u bytes (%u hex digits)\n",
		 (unsigned)td->g_size, (unsigned)td->g_size * 2);
	say(g, line);
	return 0;
}

const struct gstub_monitor_cmd grun_monitor_cmds[GRUN_N_MONITOR_CMDS] = {
	{ "info tdesc", "Show the target description: architecture, features, "
			"registers, g packet size.", info_tdesc },
};
