# stub/nextpc.mk: the next-pc decoders (software single step) and their tests
