# tests: sources added by this folder
