/* The user program: its calls to the monitor and the parts written in
 * assembly (user-asm.S). */
#ifndef FW_ARM_USER_H
#define FW_ARM_USER_H

#include <stdint.h>

/* write(1, text, len) served by the monitor: gdb prints the text. */
int sys_write_arm(const char *text, unsigned len);
int sys_write_thumb(const char *text, unsigned len);

/* Never return: `b .` in ARM, `b.n .` in Thumb. */
void branch_self_arm(void);
void branch_self_thumb(void);

/* Load d0-d31 from d[] and fpscr; store them back. */
void vfp_fill(const uint64_t d[32], uint32_t fpscr);
void vfp_store(uint64_t d[32]);

/* The ARM half (user-arm.c); gdb breaks in these by name. */
int compute(int n);
void vfp_filled(void);
void spin_arm(void);
void touch_watched(void);

/* The Thumb half (user-thumb.c). */
int thumb_main(int scenario);
int thumb_compute(int n);
void spin_thumb(void);

#endif
