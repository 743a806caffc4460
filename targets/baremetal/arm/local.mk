# targets/baremetal/arm: firmware with gstub inside, for QEMU's virt board
