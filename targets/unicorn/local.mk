# targets/unicorn: sources added by this folder
