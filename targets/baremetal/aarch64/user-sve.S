/*
 * The program's SVE patterns, at whatever the vector length is:
 *   z<n>.b[i] = n + i (mod 256), except z31.d[i] = 0x0123456789abcdef +
 *   i * 0x0101010101010101; p<n> = ptrue of element size 1 << (n % 4)
 *   bytes; ffr = the first 8 byte elements.
 * sve_observe stores z5, p3 and ffr where the program can look at them.
 */
	.arch	armv8-a+sve
	.text

	.macro	func name
	.global	\name
	.type	\name, %function
\name:
	.endm

	.macro	zfill n
	index	z\n\().b, #\n, #1
	.endm

func sve_fill
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	zfill	\n
	.endr
	.irp	n, 16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	mov	w9, #\n
	index	z\n\().b, w9, #1
	.endr
	ldr	x9, =0x0123456789abcdef
	ldr	x10, =0x0101010101010101
	index	z31.d, x9, x10
	ptrue	p1.b, vl8
	wrffr	p1.b
	.irp	n, 0,4,8,12
	ptrue	p\n\().b
	.endr
	.irp	n, 1,5,9,13
	ptrue	p\n\().h
	.endr
	.irp	n, 2,6,10,14
	ptrue	p\n\().s
	.endr
	.irp	n, 3,7,11,15
	ptrue	p\n\().d
	.endr
	ret

/* void sve_observe(void *z5, void *p3, void *ffr) */
func sve_observe
	str	z5, [x0]
	str	p3, [x1]
	sub	sp, sp, #32
	str	p4, [sp]
	rdffr	p4.b
	str	p4, [x2]
	ldr	p4, [sp]
	add	sp, sp, #32
	ret
