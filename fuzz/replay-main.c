/*
 * Without libFuzzer: run the fuzz target once over every file of the seed
 * corpora named on the command line (directories; by default the ones the
 * build names), one TAP line per file.
 * A crash or abort fails the whole test, as it would under the fuzzer.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return -1;
	do {
		if (len == cap) {
			uint8_t *p = realloc(buf, cap ? 2 * cap : 4096);

			if (!p) {
				free(buf);
				fclose(f);
				return -1;
			}
			buf = p;
			cap = cap ? 2 * cap : 4096;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

/* Every regular file directly in `dir`, sorted so runs are comparable. */
static int replay_dir(const char *dir)
{
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *e;
	int bad = 0;
	DIR *d = opendir(dir);

	if (!d) {
		printf("not ok %d - cannot open %s\n", ++count, dir);
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap ? 2 * cap : 64) * sizeof(*p));

			if (!p)
				break;
			names = p;
			cap = cap ? 2 * cap : 64;
		}
		names[n] = strdup(e->d_name);
		if (names[n])
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(len);
		struct stat st;

		if (path) {
			snprintf(path, len, "%s/%s", dir, names[i]);
			/* support folders (included files) are not inputs */
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
				if (replay_file(path) == 0) {
					printf("ok %d - %s\n", ++count, names[i]);
				} else {
					printf("not ok %d - cannot read %s\n",
					       ++count, names[i]);
					bad = 1;
				}
			}
			free(path);
		}
		free(names[i]);
	}
	free(names);
	return bad;
}

int main(int argc, char **argv)
{
	int i, bad = 0;

	for (i = 1; i < argc; i++)
		bad |= replay_dir(argv[i]);
#ifdef FUZZ_DEFAULT_DIRS
	/* `make check` runs it without arguments: the built-in seed folders */
	if (argc < 2) {
		static const char *const dirs[] = { FUZZ_DEFAULT_DIRS };

		for (i = 0; i < (int)(sizeof(dirs) / sizeof(dirs[0])); i++)
			bad |= replay_dir(dirs[i]);
	}
#endif
	printf("1..%d\n", count);
	return bad;
}
