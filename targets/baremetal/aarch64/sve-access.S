/*
 * The program's SVE state, read and written with SVE instructions while the
 * monitor runs (the monitor itself never touches vector registers, so they
 * still hold the program's values). Assembled with +sve.
 *
 * Buffers are laid out the way the "mul vl" forms address them: z<n> at
 * n*VL bytes, p<n> at n*VL/8 bytes, VL being the current length.
 */
	.arch	armv8-a+sve
	.text

	.macro	z_all op
	\op	z0, [x0, #0, mul vl]
	\op	z1, [x0, #1, mul vl]
	\op	z2, [x0, #2, mul vl]
	\op	z3, [x0, #3, mul vl]
	\op	z4, [x0, #4, mul vl]
	\op	z5, [x0, #5, mul vl]
	\op	z6, [x0, #6, mul vl]
	\op	z7, [x0, #7, mul vl]
	\op	z8, [x0, #8, mul vl]
	\op	z9, [x0, #9, mul vl]
	\op	z10, [x0, #10, mul vl]
	\op	z11, [x0, #11, mul vl]
	\op	z12, [x0, #12, mul vl]
	\op	z13, [x0, #13, mul vl]
	\op	z14, [x0, #14, mul vl]
	\op	z15, [x0, #15, mul vl]
	\op	z16, [x0, #16, mul vl]
	\op	z17, [x0, #17, mul vl]
	\op	z18, [x0, #18, mul vl]
	\op	z19, [x0, #19, mul vl]
	\op	z20, [x0, #20, mul vl]
	\op	z21, [x0, #21, mul vl]
	\op	z22, [x0, #22, mul vl]
	\op	z23, [x0, #23, mul vl]
	\op	z24, [x0, #24, mul vl]
	\op	z25, [x0, #25, mul vl]
	\op	z26, [x0, #26, mul vl]
	\op	z27, [x0, #27, mul vl]
	\op	z28, [x0, #28, mul vl]
	\op	z29, [x0, #29, mul vl]
	\op	z30, [x0, #30, mul vl]
	\op	z31, [x0, #31, mul vl]
	.endm

	.macro	p_all op
	\op	p0, [x0, #0, mul vl]
	\op	p1, [x0, #1, mul vl]
	\op	p2, [x0, #2, mul vl]
	\op	p3, [x0, #3, mul vl]
	\op	p4, [x0, #4, mul vl]
	\op	p5, [x0, #5, mul vl]
	\op	p6, [x0, #6, mul vl]
	\op	p7, [x0, #7, mul vl]
	\op	p8, [x0, #8, mul vl]
	\op	p9, [x0, #9, mul vl]
	\op	p10, [x0, #10, mul vl]
	\op	p11, [x0, #11, mul vl]
	\op	p12, [x0, #12, mul vl]
	\op	p13, [x0, #13, mul vl]
	\op	p14, [x0, #14, mul vl]
	\op	p15, [x0, #15, mul vl]
	.endm

	.macro	func name
	.global	\name
	.type	\name, %function
\name:
	.endm

/* void sve_store_z(void *buf) / sve_load_z(const void *buf) */
func sve_store_z
	z_all	str
	ret
func sve_load_z
	z_all	ldr
	ret

/* void sve_store_p(void *buf) / sve_load_p(const void *buf) */
func sve_store_p
	p_all	str
	ret
func sve_load_p
	p_all	ldr
	ret

/* void sve_store_ffr(void *out, void *scratch): ffr goes through p0,
 * which is kept in scratch meanwhile */
func sve_store_ffr
	str	p0, [x1]
	rdffr	p0.b
	str	p0, [x0]
	ldr	p0, [x1]
	ret

/* void sve_load_ffr(const void *in, void *scratch) */
func sve_load_ffr
	str	p0, [x1]
	ldr	p0, [x0]
	wrffr	p0.b
	ldr	p0, [x1]
	ret

/* uint64_t sve_vl_bytes(void): the current vector length in bytes */
func sve_vl_bytes
	rdvl	x0, #1
	ret

/* void sve_set_len(uint64_t len): ZCR_EL1.LEN (vq - 1) for EL1 and EL0 */
func sve_set_len
	msr	S3_0_C1_C2_0, x0
	isb
	ret
