# stub: sources added by this folder
