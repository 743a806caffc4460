# tests/build: checks on how gstub builds (compilers, freestanding cross builds)
