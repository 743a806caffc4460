# targets/baremetal/aarch64: firmware with gstub inside, for QEMU's virt board
