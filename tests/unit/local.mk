# tests/unit: sources added by this folder
