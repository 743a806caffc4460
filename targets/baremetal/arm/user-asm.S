/*
 * The user program's entry, its monitor calls in ARM and in Thumb (each
 * svc has a label, for stepping over it), and its VFP/NEON access.
 */
	.syntax unified
	.fpu	neon-vfpv3

	.text
	.arm
	.global	user_start
	.type	user_start, %function
user_start:
	bl	main
	mov	r7, #1		/* exit(main's value) */
	svc	#0
	b	user_start

	.global	sys_write_arm
	.type	sys_write_arm, %function
sys_write_arm:
	push	{r7, lr}
	mov	r2, r1
	mov	r1, r0
	mov	r0, #1
	mov	r7, #4
	.global	arm_svc_insn
arm_svc_insn:
	svc	#0
	pop	{r7, pc}

	.global	vfp_fill
	.type	vfp_fill, %function
vfp_fill:
	vldmia	r0!, {d0-d15}
	vldmia	r0, {d16-d31}
	vmsr	fpscr, r1
	bx	lr

	.global	vfp_store
	.type	vfp_store, %function
vfp_store:
	vstmia	r0!, {d0-d15}
	vstmia	r0, {d16-d31}
	bx	lr

/* loops that branch to themselves, as `b .` and `b.n .` */
	.global	branch_self_arm
	.type	branch_self_arm, %function
branch_self_arm:
	b	branch_self_arm

	.thumb
	.global	branch_self_thumb
	.type	branch_self_thumb, %function
	.thumb_func
branch_self_thumb:
	b.n	branch_self_thumb

	.global	sys_write_thumb
	.type	sys_write_thumb, %function
	.thumb_func
sys_write_thumb:
	push	{r7, lr}
	mov	r2, r1
	mov	r1, r0
	movs	r0, #1
	movs	r7, #4
	.global	thumb_svc_insn
thumb_svc_insn:
	svc	#0
	pop	{r7, pc}
