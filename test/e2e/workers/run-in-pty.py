# Runs a command in a pseudo-terminal, waits for a text, types keys, and reports the exit code:
#   python3 run-in-pty.py WAIT_FOR KEYS COMMAND...   (KEYS may use escapes: \x03 is Ctrl-C)
import os, pty, sys, time, select
wait_for = sys.argv[1].encode()
send = sys.argv[2].encode().decode('unicode_escape').encode()
argv = sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
buf, sent, open_ = b'', False, True
deadline = time.time() + 10
while time.time() < deadline:
    if open_:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 4096)
                buf += data
                if not data: open_ = False
            except OSError:
                open_ = False
    else:
        time.sleep(0.05)
    if not sent and wait_for in buf:
        time.sleep(0.2)
        os.write(fd, send)
        sent = True
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        # What the child wrote just before it exited may still be in the terminal: read it all.
        while open_:
            r, _, _ = select.select([fd], [], [], 0.2)
            if not r:
                break
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            buf += data
        print('EXIT', os.waitstatus_to_exitcode(status))
        print(buf.decode(errors='replace')[-300:])
        sys.exit(0)
print('TIMEOUT')
print(buf.decode(errors='replace')[-300:])
os.kill(pid, 9)
