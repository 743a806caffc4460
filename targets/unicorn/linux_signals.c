/*
 * Linux signal numbers (the same on AArch64 and ARM) against gdb's own
 * numbering, which differs above SIGFPE.
 */
#include "guest.h"

/* Index: Linux signal; value: gdb signal (enum gdb_signal). */
static const unsigned char linux_to_gdb[32] = {
	[1] = 1,   /* HUP */   [2] = 2,   /* INT */   [3] = 3,   /* QUIT */
	[4] = 4,   /* ILL */   [5] = 5,   /* TRAP */  [6] = 6,   /* ABRT */
	[7] = 10,  /* BUS */   [8] = 8,   /* FPE */   [9] = 9,   /* KILL */
	[10] = 30, /* USR1 */  [11] = 11, /* SEGV */  [12] = 31, /* USR2 */
	[13] = 13, /* PIPE */  [14] = 14, /* ALRM */  [15] = 15, /* TERM */
	[16] = 0,  /* STKFLT has no gdb number */
	[17] = 20, /* CHLD */  [18] = 19, /* CONT */  [19] = 17, /* STOP */
	[20] = 18, /* TSTP */  [21] = 21, /* TTIN */  [22] = 22, /* TTOU */
	[23] = 16, /* URG */   [24] = 24, /* XCPU */  [25] = 25, /* XFSZ */
	[26] = 26, /* VTALRM */[27] = 27, /* PROF */  [28] = 28, /* WINCH */
	[29] = 23, /* IO */    [30] = 32, /* PWR */   [31] = 12, /* SYS */
};

int grun_signal_to_gdb(int linux_sig)
{
	if (linux_sig <= 0 || linux_sig >= 32)
		return 0;
	return linux_to_gdb[linux_sig];
}

int grun_signal_from_gdb(int gdb_sig)
{
	if (gdb_sig <= 0)
		return 0;
	for (int i = 1; i < 32; i++)
		if (linux_to_gdb[i] == gdb_sig)
			return i;
	return 0;
}

bool grun_signal_is_fatal(int linux_sig)
{
	switch (linux_sig) {
	case 17: /* CHLD */
	case 18: /* CONT */
	case 19: /* STOP, TSTP, TTIN, TTOU stop a process: not modelled */
	case 20:
	case 21:
	case 22:
	case 23: /* URG */
	case 28: /* WINCH */
		return false;
	default:
		return linux_sig > 0 && linux_sig < 32;
	}
}
