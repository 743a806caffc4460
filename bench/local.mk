# bench: sources added by this folder
