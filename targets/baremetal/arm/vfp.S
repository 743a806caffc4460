/*
 * The program's VFP/NEON registers, which stay live in the FPU while the
 * monitor runs: the monitor is built for soft float and touches them only
 * through these functions.
 */
	.syntax unified
	.arm
	.fpu	neon-vfpv3

	.text
/* void vfp_enable(void): cp10/cp11 for PL0 and PL1, then FPEXC.EN. */
	.global	vfp_enable
	.type	vfp_enable, %function
vfp_enable:
	mrc	p15, 0, r0, c1, c0, 2
	orr	r0, r0, #(0xf << 20)
	mcr	p15, 0, r0, c1, c0, 2
	isb
	mov	r0, #(1 << 30)
	vmsr	fpexc, r0
	bx	lr

/* void vfp_save(uint64_t d[32]) */
	.global	vfp_save
	.type	vfp_save, %function
vfp_save:
	vstmia	r0!, {d0-d15}
	vstmia	r0, {d16-d31}
	bx	lr

/* void vfp_load(const uint64_t d[32]) */
	.global	vfp_load
	.type	vfp_load, %function
vfp_load:
	vldmia	r0!, {d0-d15}
	vldmia	r0, {d16-d31}
	bx	lr

/* uint32_t vfp_fpscr_get(void) */
	.global	vfp_fpscr_get
	.type	vfp_fpscr_get, %function
vfp_fpscr_get:
	vmrs	r0, fpscr
	bx	lr

/* void vfp_fpscr_set(uint32_t) */
	.global	vfp_fpscr_set
	.type	vfp_fpscr_set, %function
vfp_fpscr_set:
	vmsr	fpscr, r0
	bx	lr
