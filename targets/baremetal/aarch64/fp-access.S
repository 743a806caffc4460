/*
 * The program's FP/SIMD state on a CPU without SVE: v0-v31, fpsr, fpcr,
 * read and written while the monitor runs (it never uses them itself).
 */
	.arch	armv8-a
	.text

	.macro	func name
	.global	\name
	.type	\name, %function
\name:
	.endm

/* void fp_store_v(void *buf) / fp_load_v(const void *buf): 32 x 16 bytes */
func fp_store_v
	stp	q0, q1, [x0, #0]
	stp	q2, q3, [x0, #32]
	stp	q4, q5, [x0, #64]
	stp	q6, q7, [x0, #96]
	stp	q8, q9, [x0, #128]
	stp	q10, q11, [x0, #160]
	stp	q12, q13, [x0, #192]
	stp	q14, q15, [x0, #224]
	stp	q16, q17, [x0, #256]
	stp	q18, q19, [x0, #288]
	stp	q20, q21, [x0, #320]
	stp	q22, q23, [x0, #352]
	stp	q24, q25, [x0, #384]
	stp	q26, q27, [x0, #416]
	stp	q28, q29, [x0, #448]
	stp	q30, q31, [x0, #480]
	ret
func fp_load_v
	ldp	q0, q1, [x0, #0]
	ldp	q2, q3, [x0, #32]
	ldp	q4, q5, [x0, #64]
	ldp	q6, q7, [x0, #96]
	ldp	q8, q9, [x0, #128]
	ldp	q10, q11, [x0, #160]
	ldp	q12, q13, [x0, #192]
	ldp	q14, q15, [x0, #224]
	ldp	q16, q17, [x0, #256]
	ldp	q18, q19, [x0, #288]
	ldp	q20, q21, [x0, #320]
	ldp	q22, q23, [x0, #352]
	ldp	q24, q25, [x0, #384]
	ldp	q26, q27, [x0, #416]
	ldp	q28, q29, [x0, #448]
	ldp	q30, q31, [x0, #480]
	ret

/* uint64_t fp_get_fpsr(void), fp_get_fpcr(void); void fp_set_*(uint64_t) */
func fp_get_fpsr
	mrs	x0, fpsr
	ret
func fp_get_fpcr
	mrs	x0, fpcr
	ret
func fp_set_fpsr
	msr	fpsr, x0
	ret
func fp_set_fpcr
	msr	fpcr, x0
	ret
