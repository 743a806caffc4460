# transport: sources added by this folder
