/* State the monitor's files share: the engine, and what the target's ops
 * ask the monitor loop to do once the engine has returned. */
#ifndef FW_ARM_MONITOR_H
#define FW_ARM_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <gstub/gstub.h>

extern struct gstub fw_gstub;
extern const struct gstub_target_ops fw_target_ops;

/* Set by the ops inside gstub_feed; acted on after it returns, because
 * switching to the program cannot happen inside the engine. */
struct monitor_requests {
	bool resume;   /* run the program */
	bool stop;     /* Ctrl-C while it runs */
	bool restart;  /* kill: start the program again, stopped */
	bool detach;   /* gdb left: forget the connection */
	bool catch_syscalls;
};
extern struct monitor_requests fw_requests;

/* Is [addr, addr+len) RAM? (memory_map.c) */
bool fw_ram_range(uint64_t addr, uint64_t len);
/* The bytes of [addr, addr+len) that are RAM, counted from addr. */
size_t fw_ram_prefix(uint64_t addr, size_t len);

/* The program's registers, read and written by gdb (register_ops.c). */
int fw_read_reg(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
		size_t size);
int fw_write_reg(void *ctx, gstub_tid tid, unsigned regnum, const void *buf,
		 size_t size);
/* Memory (memory_map.c). */
int fw_read_mem(void *ctx, uint64_t addr, void *buf, size_t len);
int fw_write_mem(void *ctx, uint64_t addr, const void *buf, size_t len);

/* Hardware breakpoints and watchpoints (hwdebug.c; the points
 * themselves: common/hwpoints.h). */
void hwdebug_init(void);
extern const struct gstub_breakpoint_ops hwdebug_ops;
/* After a debug-event prefetch abort: a breakpoint register matched (not
 * a BKPT instruction). */
bool hwdebug_breakpoint_hit(void);
/* A watchpoint fired for data address `far`: the stop's reason and the
 * address gdb looks for. */
void hwdebug_watch_stop(uint32_t far, struct gstub_stop *stop);

/* Put the program back at its entry with its initial data (monitor.c). */
void program_reset(void);

#endif
