/*
 * Entry at EL1 (QEMU starts an ELF kernel there on virt), the exception
 * vectors, and the switch between the monitor (EL1, its own stack) and the
 * program (EL0). Every exception from EL0 saves the program's general
 * registers in user_frame and calls el0_trap on a fresh monitor stack: the
 * monitor never returns into an older frame of its own, it either erets
 * back to the program (enter_user) or serves gdb until the next resume.
 */
	.set FRAME_SP, 248
	.set FRAME_PC, 256
	.set FRAME_PSTATE, 264

	.section .text.boot, "ax"
	.global _start
_start:
	ldr	x1, =monitor_stack_top
	mov	sp, x1
	ldr	x1, =exception_vectors
	msr	vbar_el1, x1
	/* FP/SIMD and SVE usable at EL0 and EL1 without traps */
	mov	x1, #(3 << 20)
	orr	x1, x1, #(3 << 16)
	msr	cpacr_el1, x1
	isb
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
	bl	zero_range
	ldr	x1, =__user_bss_start
	ldr	x2, =__user_bss_end
	bl	zero_range
	bl	monitor_main
1:	wfe
	b	1b

zero_range:
	cmp	x1, x2
	b.hs	1f
	str	xzr, [x1], #8
	b	zero_range
1:	ret

/* Exception kinds passed to el0_trap */
	.set KIND_SYNC, 0
	.set KIND_IRQ, 1
	.set KIND_OTHER, 2

	.macro	save_user kind
	stp	x0, x1, [sp, #-16]!
	adrp	x0, user_frame
	add	x0, x0, :lo12:user_frame
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	stp	x18, x19, [x0, #144]
	stp	x20, x21, [x0, #160]
	stp	x22, x23, [x0, #176]
	stp	x24, x25, [x0, #192]
	stp	x26, x27, [x0, #208]
	stp	x28, x29, [x0, #224]
	str	x30, [x0, #240]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0]
	mrs	x1, sp_el0
	str	x1, [x0, #FRAME_SP]
	mrs	x1, elr_el1
	mrs	x2, spsr_el1
	stp	x1, x2, [x0, #FRAME_PC]
	mov	x0, #\kind
	b	el0_trap
	.endm

	/* An exception inside the monitor itself: a bug; say so and stop. */
	.macro	monitor_fault kind
	mov	x0, #\kind
	b	monitor_fault
	.endm

	.balign	2048
exception_vectors:
	/* current EL, SP_EL0: never used */
	.balign	128
	monitor_fault 0
	.balign	128
	monitor_fault 1
	.balign	128
	monitor_fault 2
	.balign	128
	monitor_fault 3
	/* current EL, SP_EL1: the monitor */
	.balign	128
	monitor_fault 4
	.balign	128
	monitor_fault 5
	.balign	128
	monitor_fault 6
	.balign	128
	monitor_fault 7
	/* lower EL, AArch64: the program */
	.balign	128
	save_user KIND_SYNC
	.balign	128
	save_user KIND_IRQ
	.balign	128
	save_user KIND_OTHER
	.balign	128
	save_user KIND_OTHER
	/* lower EL, AArch32: not used */
	.balign	128
	monitor_fault 12
	.balign	128
	monitor_fault 13
	.balign	128
	monitor_fault 14
	.balign	128
	monitor_fault 15

	.text
	.global enter_user
	.type	enter_user, %function
enter_user:
	adrp	x0, user_frame
	add	x0, x0, :lo12:user_frame
	ldp	x1, x2, [x0, #FRAME_PC]
	msr	elr_el1, x1
	msr	spsr_el1, x2
	ldr	x1, [x0, #FRAME_SP]
	msr	sp_el0, x1
	/* the next exception starts the monitor on an empty stack */
	ldr	x1, =monitor_stack_top
	mov	sp, x1
	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldp	x16, x17, [x0, #128]
	ldp	x18, x19, [x0, #144]
	ldp	x20, x21, [x0, #160]
	ldp	x22, x23, [x0, #176]
	ldp	x24, x25, [x0, #192]
	ldp	x26, x27, [x0, #208]
	ldp	x28, x29, [x0, #224]
	ldr	x30, [x0, #240]
	ldp	x0, x1, [x0]
	eret
	.size	enter_user, . - enter_user
