# xml: sources added by this folder
