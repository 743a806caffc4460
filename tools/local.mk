# tools: sources added by this folder
