/*
 * gstub build switches: what the engine (stub/) carries. Every switch is 1
 * by default, and a default build behaves exactly as without this file. A
 * firmware short of flash sets some to 0 on the compiler's command line
 * (-DGSTUB_CONFIG_MONITOR=0 ...) for every file of stub/ and xml/; the
 * same values must be used for all of them.
 *
 * A feature left out is absent, never half there: its packets get the
 * empty reply (the protocol's "not supported"), qSupported and vCont? do
 * not advertise it, and the target's ops for it are never called.
 *
 * The public headers do not depend on these switches: struct gstub and
 * struct gstub_config keep their layout, so an embedder's code compiles
 * the same way against any configuration.
 *
 * What each saves is measured in bench/size.md; for an M-profile firmware
 * the smallest useful set is
 *   -DGSTUB_CONFIG_MONITOR=0 -DGSTUB_CONFIG_PACKET_LOG=0
 *   -DGSTUB_CONFIG_SYSCALL_CATCH=0 -DGSTUB_CONFIG_THREADS=0
 *   -DGSTUB_CONFIG_ENGINE_STEPPING=0 -DGSTUB_CONFIG_SVE_CURRENT=0
 *   -DGSTUB_CONFIG_VCONT=0 -DGSTUB_CONFIG_MULTIPROCESS=0
 *   (and -DGSTUB_CONFIG_SW_BREAKPOINTS=0 when gdb may plant breakpoints
 *   itself)
 * with a target that sets GSTUB_TARGET_CAN_STEP (the debug monitor's
 * single step, DEMCR.MON_STEP on Cortex-M).
 */
#ifndef GSTUB_CONFIG_H
#define GSTUB_CONFIG_H

/* qRcmd (gdb's `monitor`): the built-in commands and the target's
 * ops->monitor_cmds. Off: qRcmd gets the empty reply (gdb says the target
 * does not support the command); gstub_monitor_print() always fails. */
#ifndef GSTUB_CONFIG_MONITOR
#define GSTUB_CONFIG_MONITOR 1
#endif

/* The packet log (cfg.log). Off: nothing is ever logged, whatever
 * cfg.log_enabled and gstub_set_log_enabled() say; the log-length calls
 * still store their number. */
#ifndef GSTUB_CONFIG_PACKET_LOG
#define GSTUB_CONFIG_PACKET_LOG 1
#endif

/* QCatchSyscalls (gdb's `catch syscall`). Off: not advertised, the packet
 * gets the empty reply, ops->catch_syscalls is never called (a syscall
 * stop the target reports anyway reaches gdb as a plain SIGTRAP). Needs
 * GSTUB_CONFIG_ENGINE_STEPPING, which resumes the syscall stops gdb did
 * not ask for. */
#ifndef GSTUB_CONFIG_SYSCALL_CATCH
#define GSTUB_CONFIG_SYSCALL_CATCH 1
#endif

/* More than one thread: ops->threads, qXfer:threads:read and
 * qThreadExtraInfo. Off: the target is one thread, id 1 (qfThreadInfo
 * answers "m1", H and T accept only it), ops->threads is never called and
 * the two packets get the empty reply. */
#ifndef GSTUB_CONFIG_THREADS
#define GSTUB_CONFIG_THREADS 1
#endif

/* Stepping done by the engine: range stepping (vCont;r) on top of single
 * steps, software single step through the next-pc decoders, running empty
 * loops at full speed. Off: s, S and vCont;s need GSTUB_TARGET_CAN_STEP
 * (without it they get the empty reply and vCont? offers no step);
 * vCont? offers r only with GSTUB_TARGET_CAN_RANGE_STEP. The next-pc
 * decoders are then never linked (see also GSTUB_CONFIG_NEXTPC_* in
 * stub/nextpc.h to leave out single decoders). */
#ifndef GSTUB_CONFIG_ENGINE_STEPPING
#define GSTUB_CONFIG_ENGINE_STEPPING 1
#endif

/* GSTUB_SVE_CURRENT: serving the description of the current vector
 * length. Off: gstub_init() refuses cfg.sve_policy GSTUB_SVE_CURRENT with
 * GSTUB_EINVAL; GSTUB_SVE_MAX works as always. */
#ifndef GSTUB_CONFIG_SVE_CURRENT
#define GSTUB_CONFIG_SVE_CURRENT 1
#endif

/* Software breakpoints kept by the engine (Z0/z0): the original bytes
 * saved, the architecture's breakpoint instruction written through the
 * memory ops, memory reads shown the original bytes. Off: Z0 gets the
 * empty reply and swbreak+ is not offered, so gdb plants its breakpoints
 * itself with memory writes, as it does with any stub without Z0; a
 * breakpoint stop is then a plain SIGTRAP that gdb matches against its
 * own list. Code in flash needs hardware breakpoints (Z1) either way.
 * GSTUB_CONFIG_ENGINE_STEPPING needs it for its temporary breakpoints. */
#ifndef GSTUB_CONFIG_SW_BREAKPOINTS
#define GSTUB_CONFIG_SW_BREAKPOINTS 1
#endif

/* vCont (and vCont?): resuming threads one by one, and range stepping
 * (vCont;r), which gdb asks for only through vCont. Off: both packets get
 * the empty reply and gdb resumes with c, C, s and S (after Hc), as it
 * does with any stub without vCont; there is then no range stepping,
 * neither the engine's nor the target's. A one-thread firmware loses
 * nothing else. */
#ifndef GSTUB_CONFIG_VCONT
#define GSTUB_CONFIG_VCONT 1
#endif

/* The multiprocess extension (qSupported multiprocess+, offered only when
 * cfg.pid is set): thread ids "pPID.TID", the pid in W and X replies, D
 * and vKill naming the process. Off: never offered, whatever cfg.pid
 * says; ids are plain hex, as gdb uses them with a bare-metal stub. */
#ifndef GSTUB_CONFIG_MULTIPROCESS
#define GSTUB_CONFIG_MULTIPROCESS 1
#endif

#if GSTUB_CONFIG_ENGINE_STEPPING && !GSTUB_CONFIG_SW_BREAKPOINTS
#error "GSTUB_CONFIG_ENGINE_STEPPING needs GSTUB_CONFIG_SW_BREAKPOINTS"
#endif
#if GSTUB_CONFIG_SYSCALL_CATCH && !GSTUB_CONFIG_ENGINE_STEPPING
#error "GSTUB_CONFIG_SYSCALL_CATCH needs GSTUB_CONFIG_ENGINE_STEPPING"
#endif

#endif
