"""Confine the student process with what the operating system offers.

Called inside the freshly forked student process, before any student code runs.
Each protection is attempted on its own; what was applied and what was not is
returned, so the grader can say exactly how a submission was confined.

Linux, run as root (CI, a grading server): network, mount and IPC namespaces, hidden
course paths and /run (host sockets), fresh tmpfs for /tmp, /var/tmp, /dev/shm and
every other world-writable system folder, a fresh /proc that lists only the student's
own process (hidepid), a private uid with no privileges, death with the grader
(parent-death signal), rlimits.  Linux as an ordinary user: the same namespaces
through a user namespace when the kernel allows it (no fresh /proc there), rlimits,
but no separate uid.  Other systems: rlimits and a private working folder only (see
docs/grading.md).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import resource
import signal
import sys
from dataclasses import dataclass, field

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND, MS_REC = 1, 2, 4, 8, 4096, 16384
MS_PRIVATE = 1 << 18
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 1, 4, 38
SANDBOX_UID_BASE = 200_000


@dataclass(frozen=True)
class Limits:
    """Per-submission limits. Times in seconds, sizes in megabytes unless named otherwise."""

    cell_timeout: float = 30.0
    total_timeout: float = 300.0
    cpu_seconds: int = 300
    memory_mb: int = 1024
    extra_processes: int = 0
    output_bytes: int = 200_000
    message_mb: int = 64
    disk_mb: int = 64
    hide: tuple[str, ...] = field(default_factory=tuple)
    # Folders student code may read although they sit in a hidden place (the package, its
    # datasets, the data mirror); never one that holds a hidden path.
    readable: tuple[str, ...] = field(default_factory=tuple)
    # Environment variables student code needs (where the course data lives), as pairs.
    env: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(libc, source: str | None, target: str, fstype: str | None, flags: int, data: str | None):
    enc = lambda s: s.encode() if s is not None else None  # noqa: E731
    _check(libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)), f"mount {target}")


def _write(path: str, text: str) -> None:
    with open(path, "w") as fh:
        fh.write(text)


def confine(limits: Limits, keep_fds: set[int]) -> tuple[list[str], list[str]]:
    """Apply every protection this platform allows. Returns (applied, missing)."""
    applied: list[str] = []
    missing: list[str] = []
    os.setsid()
    _close_other_fds(keep_fds)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)

    is_root = os.geteuid() == 0
    namespaces = False
    if sys.platform.startswith("linux"):
        libc = _libc()
        flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC
        try:
            if is_root:
                _check(libc.unshare(flags), "unshare")
            else:
                uid, gid = os.getuid(), os.getgid()
                _check(libc.unshare(flags | CLONE_NEWUSER), "unshare")
                _write("/proc/self/setgroups", "deny")
                _write("/proc/self/uid_map", f"0 {uid} 1")
                _write("/proc/self/gid_map", f"0 {gid} 1")
            namespaces = True
            applied.append("no network (network namespace)")
        except OSError as exc:
            missing.append(f"network isolation ({exc.strerror})")
        if namespaces:
            try:
                _mount(libc, None, "/", None, MS_REC | MS_PRIVATE, None)
            except OSError as exc:
                missing.append(f"filesystem hiding ({exc.strerror})")
                namespaces = False
        if namespaces:
            # Past this point a failure would leave the hiding half done: refuse to run.
            _hide_paths(libc, limits)
            applied.append(
                f"course, gradebook and hidden tests invisible ({len(limits.hide)} paths)"
            )
            applied.append(f"private /tmp capped at {limits.disk_mb} MB")
            applied.append("/run and host sockets hidden, world-writable folders private")
            try:
                _fresh_proc(libc)
                applied.append("other processes invisible (fresh /proc, hidepid)")
            except OSError as exc:
                missing.append(f"process list hiding ({exc.strerror})")
    else:
        missing.append("network isolation (not Linux)")
        missing.append("filesystem hiding (not Linux)")

    workdir = _make_workdir(namespaces)
    target_uid = SANDBOX_UID_BASE + os.getpid() if is_root else None
    if target_uid is not None:
        os.chown(workdir, target_uid, target_uid)
    os.chdir(workdir)
    os.environ.clear()
    os.environ.update(
        {"HOME": workdir, "TMPDIR": workdir, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        | {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MPLBACKEND": "Agg"}
        | dict(limits.env)
    )
    applied.append("private working folder")

    if sys.platform.startswith("linux"):
        libc = _libc()
        libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    if target_uid is not None:
        try:
            os.setgroups([])
            os.setgid(target_uid)
            os.setuid(target_uid)
            applied.append(f"unprivileged uid {target_uid}")
        except OSError as exc:
            missing.append(f"privilege drop ({exc.strerror})")
    elif is_root is False:
        missing.append("separate uid (grader is not root)")
    if sys.platform.startswith("linux"):
        # Not dumpable: other sandboxes cannot ptrace it and /proc/self stays root-owned.
        _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        _die_with_parent(applied, missing)
    applied.extend(_set_rlimits(limits, separate_uid=target_uid is not None, missing=missing))
    return applied, missing


MS_REMOUNT, MNT_DETACH = 32, 2
# nodev, noexec, noatime, nodiratime, relatime: statvfs reports them with the mount values.
KEEP_FLAGS = 4 | 8 | 1024 | 2048 | 4096


def _under(path: str, parent: str) -> bool:
    return path != parent and path.startswith(parent.rstrip("/") + "/")


# Top-level folders that hold the operating system. Everything else at / (home folders,
# /work, /srv, /opt, mounts...) is hidden: another checkout of the course, with its hidden
# tests, may live there and be readable by any user. /run is hidden too: it holds the
# host's unix sockets (databases, container daemons) and the world-writable /run/lock.
SYSTEM_ROOTS = frozenset(
    [
        "bin",
        "boot",
        "dev",
        "etc",
        "lib",
        "lib32",
        "lib64",
        "libx32",
        "proc",
        "sbin",
        "sys",
        "tmp",
        "usr",
        "var",
    ]
)
FRESH = ("/tmp", "/var/tmp", "/dev/shm")  # replaced by empty tmpfs
# System folders searched for places one student could leave something for the next:
# world-writable folders get a private tmpfs, sockets, pipes and world-writable files are
# covered. /usr and /lib are package-managed (no such places); a walk of them would cost
# seconds per run.
SHARED_SPOT_ROOTS = ("/etc", "/var", "/dev")
_shared_spots: tuple[list[str], list[str]] | None = None


def shared_spots(roots: tuple[str, ...] = SHARED_SPOT_ROOTS) -> tuple[list[str], list[str]]:
    """(world-writable folders, sockets/pipes/world-writable files) under ``roots``.

    Computed once in the fork server (``autograder.warmup``) and inherited by every student.
    """
    global _shared_spots
    if _shared_spots is not None and roots == SHARED_SPOT_ROOTS:
        return _shared_spots
    import stat

    folders: list[str] = []
    files: list[str] = []
    for root in roots:
        for top, dirs, names in os.walk(root):
            if top in FRESH:  # replaced by a fresh tmpfs anyway
                dirs[:] = []
                continue
            for name in [*dirs, *names]:
                path = os.path.join(top, name)
                try:
                    st = os.lstat(path)
                except OSError:
                    continue
                mode = st.st_mode
                writable = bool(mode & stat.S_IWOTH)
                if stat.S_ISDIR(mode) and writable:
                    if path not in FRESH:
                        folders.append(path)
                elif stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode) or stat.S_ISREG(mode) and writable:
                    files.append(path)
            dirs[:] = [d for d in dirs if os.path.join(top, d) not in folders]
    found = (_minimal(folders), sorted(files))
    if roots == SHARED_SPOT_ROOTS:
        _shared_spots = found
    return found


def _minimal(paths: list[str]) -> list[str]:
    """Drop paths that lie under another path of the list."""
    out: list[str] = []
    for p in sorted(dict.fromkeys(paths), key=len):
        if not any(p == q or _under(p, q) for q in out):
            out.append(p)
    return out


def hiding_plan(limits: Limits, roots: list[str] | None = None) -> tuple[list[str], list[str]]:
    """What to cover and what to bring back: (hidden paths, readable paths).

    A readable path that holds (or is) a hidden course path is dropped, so nothing that was
    meant to be hidden comes back through it; the repository root is the usual case.
    """
    if roots is None:
        roots = [f"/{n}" for n in os.listdir("/") if n not in SYSTEM_ROOTS]
    roots = [r for r in roots if os.path.isdir(r) and not os.path.islink(r)]
    course = [os.path.realpath(p) for p in limits.hide if p]
    course = [p for p in course if p != "/" and os.path.exists(p)]
    # The grader's home is hidden too, but the interpreter under it (pyenv) may come back.
    home = os.path.realpath(os.path.expanduser("~"))
    hide = _minimal(
        [*roots, *(p for p in [*course, home] if not any(p == f or _under(p, f) for f in FRESH))]
    )
    wanted = [os.path.realpath(k) for k in _wanted(limits)]
    # Nothing inside a hidden course path, and nothing holding one, is brought back.
    # Nor the grader's home as a whole (a script run from it puts it on sys.path): its
    # dotfiles may hold credentials. Folders inside it (a pyenv interpreter) may come back.
    readable = [
        k
        for k in dict.fromkeys(wanted)
        if os.path.isdir(k)
        and not any(c == k or _under(c, k) or _under(k, c) for c in course)
        and not (k == home or _under(home, k))
    ]
    return hide, _minimal(readable)


def _wanted(limits: Limits) -> list[str]:
    """Folders student code reads, as the interpreter names them (symbolic links kept)."""
    paths = [sys.base_prefix, sys.prefix, sys.exec_prefix, *sys.path, *limits.readable]
    return [os.path.abspath(k) for k in paths if k]


def links_to_recreate(paths: list[str], covered: list[str]) -> list[tuple[str, str]]:
    """Symbolic links on the way to ``paths`` that a covering tmpfs would hide: (link, target).

    A virtual environment reached as ``/work/main/.venv -> /tmp/venv`` is imported through
    the link's path (it is on ``sys.path``), so binding back the resolved folder alone
    leaves lazily imported modules missing; the link is made again on the empty tmpfs.
    """
    links: dict[str, str] = {}
    for path in paths:
        parts = path.strip("/").split("/")
        for depth in range(1, len(parts) + 1):
            prefix = "/" + "/".join(parts[:depth])
            hidden = any(_under(prefix, c) for c in covered)
            if prefix not in links and hidden and os.path.islink(prefix):
                links[prefix] = os.readlink(prefix)
    return sorted(links.items())


def _hide_paths(libc, limits: Limits) -> None:
    """Cover every non-system folder and the course's private paths; bring back what code needs.

    Kept folders are opened before anything is covered and bound back through
    /proc/self/fd, so one under /tmp (a CI clone's venv) or under a hidden root survives.
    """
    hide, readable = hiding_plan(limits)
    folders, files = shared_spots()
    base = [*hide, *FRESH]
    folders = [f for f in folders if not any(f == c or _under(f, c) for c in base)]
    covered = [*base, *folders]  # a readable folder inside any of them is bound back
    restore = [k for k in readable if any(k == c or _under(k, c) for c in covered)]
    fds = {k: os.open(k, os.O_PATH | os.O_DIRECTORY) for k in restore}
    links = links_to_recreate(_wanted(limits), covered)  # read before anything is covered
    size = f"size={limits.disk_mb}m,mode=1777"
    _mount(libc, "tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, size)
    for path in hide:
        if os.path.isdir(path):
            _mount(libc, "tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0711")
        elif os.path.exists(path):
            _mount(libc, os.devnull, path, None, MS_BIND, None)
    for path in ("/var/tmp", "/dev/shm"):
        if os.path.isdir(path):
            _mount(libc, "tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, size)
    make_private(libc, folders, size)
    for path, fd in fds.items():
        os.makedirs(path, mode=0o711, exist_ok=True)
        _mount(libc, f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC, None)
        os.close(fd)
        # Read-only: a sandbox without a separate uid must not change the venv or the data.
        # The folder's own mount flags are kept (a user namespace may not drop them).
        kept = os.statvfs(path).f_flag & KEEP_FLAGS
        _mount(libc, None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | kept, None)
    for link, target in links:
        if not any(link == k or _under(link, k) for k in fds):  # not inside a bound folder
            os.makedirs(os.path.dirname(link), mode=0o711, exist_ok=True)
            os.symlink(target, link)
    cover_files(libc, files)
    for path in hide:
        if os.path.isdir(path):
            flags = MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV
            _mount(libc, None, path, None, flags, None)


def _mount_unless_gone(
    libc, source: str | None, target: str, fstype: str | None, flags: int, data: str | None
) -> bool:
    """Mount like ``_mount``; False when ``target`` is gone (nothing is left there to cover).

    The shared spots are found once, when the fork server starts, and covered in every
    student process later: a folder or socket removed in between leaves nothing a
    student could use, so it is skipped instead of failing the submission.
    """
    try:
        _mount(libc, source, target, fstype, flags, data)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not os.path.lexists(target):
            return False
        raise
    return True


def make_private(libc, folders: list[str], size: str) -> list[str]:
    """A fresh tmpfs on each world-writable folder; returns the folders that had vanished."""
    gone = []
    for path in folders:  # private to this student: nothing left by another one is seen
        if not _mount_unless_gone(libc, "tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, size):
            gone.append(path)
    return gone


def cover_files(libc, files: list[str]) -> list[str]:
    """/dev/null over each host socket, pipe or world-writable file; returns the vanished ones."""
    gone = []
    for path in files:  # a socket or pipe of the host, still in view: connecting fails
        if not _mount_unless_gone(libc, os.devnull, path, None, MS_BIND, None):
            gone.append(path)
    return gone


def _die_with_parent(applied: list[str], missing: list[str]) -> None:
    """SIGKILL when the fork server ends; it ends when the grader does, even after kill -9.

    Set after the uid change, which clears the setting.
    """
    parent = os.getppid()
    if _libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        missing.append("dies with the grader (parent-death signal refused)")
        return
    if os.getppid() != parent:  # the parent ended before the signal was armed
        os._exit(1)
    applied.append("dies with the grader")


def _fresh_proc(libc) -> None:
    """A new /proc instance that shows a process only to its own user (``hidepid``).

    The student runs under a uid of its own, so the grader (its command line and
    environment), the fork server and other students' processes are not listed.
    """
    flags = MS_NOSUID | MS_NODEV | MS_NOEXEC
    try:
        _mount(libc, "proc", "/proc", "proc", flags, "hidepid=invisible")
    except OSError:
        _mount(libc, "proc", "/proc", "proc", flags, "hidepid=2")  # kernels before 5.8


def _close_other_fds(keep: set[int]) -> None:
    try:
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(3, 256))
    for fd in fds:
        if fd > 2 and fd not in keep:
            with contextlib.suppress(OSError):
                os.close(fd)


def _make_workdir(fresh_tmp: bool) -> str:
    if fresh_tmp:
        path = "/tmp/work"
        os.mkdir(path, 0o700)
        return path
    import tempfile

    return tempfile.mkdtemp(prefix="autograder-sandbox-")


def _vm_size_mb() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _processes_of(uid: int) -> int:
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


def _set_rlimits(limits: Limits, separate_uid: bool, missing: list[str]) -> list[str]:
    applied = []

    def limit(which: int, value: int, label: str) -> None:
        try:
            resource.setrlimit(which, (value, value))
            applied.append(label)
        except (ValueError, OSError) as exc:
            missing.append(f"{label} ({exc})")

    limit(resource.RLIMIT_CPU, int(limits.cpu_seconds), f"CPU {limits.cpu_seconds} s")
    address_space = (_vm_size_mb() + limits.memory_mb) * 1024 * 1024
    limit(resource.RLIMIT_AS, address_space, f"memory +{limits.memory_mb} MB")
    limit(resource.RLIMIT_FSIZE, limits.disk_mb * 1024 * 1024, f"file size {limits.disk_mb} MB")
    limit(resource.RLIMIT_CORE, 0, "no core dumps")
    limit(resource.RLIMIT_NOFILE, 64, "64 open files")
    if hasattr(resource, "RLIMIT_NPROC"):
        base = (
            1
            if separate_uid
            else _processes_of(os.getuid())
            if sys.platform.startswith("linux")
            else 0
        )
        if base or separate_uid:
            limit(
                resource.RLIMIT_NPROC,
                base + limits.extra_processes,
                f"{limits.extra_processes} extra processes",
            )
        else:
            missing.append("process-count limit (cannot count this user's processes)")
    return applied
