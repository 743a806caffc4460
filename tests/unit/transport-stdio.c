/*
 * stdio mode in a child process whose stdin/stdout are a socket pair or
 * pipes: one connection, DONE at end of input, and a vanished reader never
 * kills the child with SIGPIPE.
 */
#include "tap.h"
#include "transport-util.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>

/* The child: serve stdio until DONE. Exit 0 on DONE, 2 otherwise. */
static void child_serve(const char *comm)
{
	struct tu_stub st;
	char err[256];

	if (tu_stub_open(&st, comm, false, err, sizeof err) != 0)
		_exit(3);
	int rc = gstub_server_run(st.server);
	gstub_server_close(st.server);
	_exit(rc == GSTUB_SERVER_DONE ? 0 : 2);
}

/* Wait for pid up to the timeout, killing it if it hangs. */
static int reap(pid_t pid)
{
	int status = -1;

	for (int i = 0; i < TU_TIMEOUT_MS; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		struct timespec d = { 0, 1000000 };
		nanosleep(&d, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

static void test_socketpair(const char *comm)
{
	int sv[2];
	char reply[256];
	pid_t pid;

	if (!ok(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "socketpair"))
		return;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(sv[1], 0);
		dup2(sv[1], 1);
		close(sv[0]);
		close(sv[1]);
		child_serve(comm);
	}
	close(sv[1]);
	if (!ok(pid > 0, "forked the '%s' server", comm)) {
		close(sv[0]);
		return;
	}
	int rc = tu_transact(sv[0], "?", reply, sizeof reply);
	ok(rc > 0, "? over '%s' (%s)", comm, rc > 0 ? reply : "none");
	rc = tu_transact(sv[0], "?", reply, sizeof reply);
	ok(rc > 0, "and again");
	shutdown(sv[0], SHUT_WR);
	int status = reap(pid);
	ok(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "end of input: the loop is DONE and the child exits 0 (status %d)",
	   status);
	close(sv[0]);
}

static void test_pipes_reader_gone(void)
{
	int in[2], out[2];
	pid_t pid;

	if (!ok(pipe(in) == 0 && pipe(out) == 0, "pipes"))
		return;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		child_serve("-");
	}
	close(in[0]);
	close(out[1]);
	/* Nobody will read the reply. */
	close(out[0]);
	ok(write(in[1], "$?#3f", 5) == 5, "sent ? to a child whose stdout has no reader");
	/* Keep stdin open a moment so the reply is written before EOF. */
	struct timespec d = { 0, 50 * 1000000 };
	nanosleep(&d, NULL);
	close(in[1]);
	int status = reap(pid);
	ok(status != -1 && !WIFSIGNALED(status),
	   "no SIGPIPE death when the reader is gone (status %d)", status);
	ok(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "the loop ended with DONE");
}

int main(void)
{
	alarm(60);
	test_socketpair("-");
	test_socketpair("stdio");
	test_pipes_reader_gone();
	return tap_done();
}
