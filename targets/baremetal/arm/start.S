/*
 * Reset, the exception vectors and the switch between the monitor (SVC
 * mode) and the user program (USR mode).
 *
 * Every exception taken from the program stores the program's registers
 * in user_ctx and continues in monitor_exception on a fresh SVC stack:
 * the monitor never nests, so the exception modes need no stacks of
 * their own. The monitor runs with IRQs masked; only the program runs
 * with them open.
 */
	.syntax unified
	.arm

	.section .vectors, "ax"
	.align	5
	.global	exception_vectors
exception_vectors:
	b	reset_entry
	b	undef_entry
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	.		/* not used: no hypervisor */
	b	irq_entry
	b	fiq_entry

	.text
	.global	_start
	.type	_start, %function
_start:
reset_entry:
	cpsid	aif, #0x13	/* SVC mode, everything masked */
	ldr	sp, =monitor_stack_top
	ldr	r0, =exception_vectors
	mcr	p15, 0, r0, c12, c0, 0	/* VBAR */
	/* low vectors, exceptions in ARM state, no alignment checking */
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #(1 << 13)
	bic	r0, r0, #(1 << 30)
	bic	r0, r0, #(1 << 1)
	mcr	p15, 0, r0, c1, c0, 0
	isb
	ldr	r0, =__monitor_bss_start
	ldr	r1, =__monitor_bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	bl	monitor_main
	b	.

/* Store the program's registers; r0 = the exception kind. */
.macro	SAVE_USER kind
	ldr	sp, =user_ctx
	stmia	sp, {r0-r12}
	add	r0, sp, #52
	stmia	r0, {r13, r14}^
	str	lr, [sp, #60]
	mrs	r1, spsr
	str	r1, [sp, #64]
	mov	r0, #\kind
	cps	#0x13
	ldr	sp, =monitor_stack_top
	bl	monitor_exception
	b	.
.endm

undef_entry:	SAVE_USER 1
svc_entry:	SAVE_USER 2
pabt_entry:	SAVE_USER 3
dabt_entry:	SAVE_USER 4
irq_entry:	SAVE_USER 5
fiq_entry:	SAVE_USER 6

	.global	enter_user
	.type	enter_user, %function
enter_user:
	ldr	r0, =user_ctx
	ldr	r1, [r0, #64]
	msr	spsr_cxsf, r1
	ldr	lr, [r0, #60]
	add	r1, r0, #52
	ldmia	r1, {r13, r14}^
	nop
	ldmia	r0, {r0-r12}
	movs	pc, lr

	.section .bss.monitor_stack, "aw", %nobits
	.align	3
	.space	16384
	.global	monitor_stack_top
monitor_stack_top:
