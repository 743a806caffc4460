/*
 * The image's entry point and the program's start.
 *
 * The entry point (_boot) lies in the program's block: QEMU starts the
 * board there (EL1, MMU off) and it branches to the monitor. gdb returns
 * from the functions it calls to the entry point, where it plants a
 * breakpoint: there the program can execute it and gdb may write it.
 *
 * _user_start runs at EL0: its own stack, main, and exit with main's
 * result through the monitor call.
 */
	.section .text.entry, "ax"
	.global	_boot
	.type	_boot, %function
_boot:
	b	_start
	.size	_boot, . - _boot

	.global	_user_start
	.type	_user_start, %function
_user_start:
	ldr	x0, =user_stack_top
	mov	sp, x0
	mov	x29, #0
	mov	x30, #0
	bl	main
	mov	x8, #2		/* SYS_EXIT */
	svc	#0
1:	b	1b
	.size	_user_start, . - _user_start

/* long user_syscall(long nr, long a0, long a1) */
	.text
	.global	user_syscall
	.type	user_syscall, %function
user_syscall:
	mov	x8, x0
	mov	x0, x1
	mov	x1, x2
	svc	#0
	ret
	.size	user_syscall, . - user_syscall
