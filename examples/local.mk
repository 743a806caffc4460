# examples: sources added by this folder
