#include "StraceFdTracker.h"

#include <QSet>

namespace {

constexpr qsizetype kMaxPathBytes = 4096;
constexpr qsizetype kMaxFdsPerTable = 65536; // beyond this a table takes no new entries

// Calls whose first argument is a file descriptor (or a directory fd).
bool firstArgIsFd(QByteArrayView name)
{
    static const QSet<QByteArray> names = [] {
        QSet<QByteArray> s;
        for (const char *n : {"read", "write", "pread64", "pwrite64", "readv", "writev", "preadv", "pwritev", "preadv2",
                              "pwritev2", "close", "fstat", "fstat64", "fstatfs", "fstatfs64", "lseek", "_llseek", "ioctl",
                              "fcntl", "fcntl64", "flock", "fsync", "fdatasync", "ftruncate", "ftruncate64", "fchmod",
                              "fchown", "fchdir", "getdents", "getdents64", "sendfile", "sendfile64", "sendto", "recvfrom",
                              "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "connect", "bind", "listen", "accept", "accept4",
                              "shutdown", "getsockname", "getpeername", "setsockopt", "getsockopt", "dup", "dup2", "dup3",
                              "epoll_ctl", "epoll_wait", "epoll_pwait", "epoll_pwait2", "splice", "tee", "fadvise64",
                              "fallocate", "sync_file_range", "readahead", "inotify_add_watch", "inotify_rm_watch",
                              "fgetxattr", "fsetxattr", "flistxattr", "fremovexattr", "timerfd_settime", "timerfd_gettime",
                              "copy_file_range", "newfstatat", "fstatat64", "openat", "openat2", "unlinkat", "mkdirat",
                              "mknodat", "renameat", "renameat2", "linkat", "faccessat", "faccessat2", "fchmodat",
                              "fchownat", "futimesat", "utimensat", "readlinkat", "statx", "name_to_handle_at", "execveat",
                              "io_uring_enter", "io_uring_register", "syncfs", "fsetxattr", "fanotify_mark"})
            s.insert(QByteArray(n));
        return s;
    }();
    return names.contains(QByteArray::fromRawData(name.data(), name.size()));
}

// A decimal integer at the start of s (after spaces); false if none.
bool leadingInt(QByteArrayView s, qint64 &v, qsizetype *used = nullptr)
{
    qsizetype i = 0;
    while (i < s.size() && s[i] == ' ')
        ++i;
    const qsizetype start = i;
    v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 10)
        v = v * 10 + (s[i++] - '0');
    if (i == start)
        return false;
    if (used)
        *used = i;
    return true;
}

// The n-th (0-based) top-level argument, split at commas outside quotes and brackets.
QByteArrayView argument(QByteArrayView args, int n)
{
    int depth = 0;
    bool quoted = false;
    int index = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const char c = args[i];
        if (quoted) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quoted = false;
            continue;
        }
        if (c == '"')
            quoted = true;
        else if (c == '{' || c == '[' || c == '(')
            ++depth;
        else if ((c == '}' || c == ']' || c == ')') && depth > 0)
            --depth;
        else if (c == ',' && depth == 0) {
            if (index == n)
                return args.sliced(start, i - start).trimmed();
            ++index;
            start = i + 1;
        }
    }
    return index == n ? args.sliced(start).trimmed() : QByteArrayView();
}

// "\"/srv/a\"" -> /srv/a (strace's escapes kept as printed); empty if not a string.
QByteArray stringArgument(QByteArrayView a)
{
    if (a.size() < 2 || a.front() != '"')
        return {};
    qsizetype end = a.size() - 1;
    while (end > 0 && a[end] != '"')
        --end; // "..."... for strings cut by -s
    if (end <= 0)
        return {};
    return a.sliced(1, qMin(end - 1, kMaxPathBytes)).toByteArray();
}

// The value after key= in a struct like {sa_family=AF_INET, sin_port=htons(80), ...}.
QByteArrayView field(QByteArrayView s, QByteArrayView key)
{
    const qsizetype at = s.indexOf(key);
    if (at < 0)
        return {};
    qsizetype i = at + key.size();
    qsizetype e = i;
    int depth = 0;
    while (e < s.size() && (depth > 0 || (s[e] != ',' && s[e] != '}'))) {
        if (s[e] == '(')
            ++depth;
        else if (s[e] == ')')
            --depth;
        ++e;
    }
    return s.sliced(i, e - i);
}

// {sa_family=AF_INET, sin_port=htons(2049), sin_addr=inet_addr("10.1.84.31")} -> 10.1.84.31:2049;
// AF_INET6 -> [addr]:port; AF_UNIX -> the path ("@name" for abstract sockets).
QByteArray endpoint(QByteArrayView addr)
{
    const QByteArrayView family = field(addr, "sa_family=");
    auto inner = [](QByteArrayView v, QByteArrayView open) -> QByteArrayView {
        const qsizetype a = v.indexOf(open);
        if (a < 0)
            return {};
        const qsizetype s = a + open.size();
        const qsizetype e = v.indexOf('"', s);
        return e < 0 ? QByteArrayView() : v.sliced(s, e - s);
    };
    auto port = [](QByteArrayView v) -> QByteArray {
        const qsizetype a = v.indexOf("htons(");
        if (a < 0)
            return {};
        qint64 p = 0;
        return leadingInt(v.sliced(a + 6), p) ? QByteArray::number(p) : QByteArray();
    };
    if (family == "AF_INET") {
        const QByteArrayView ip = inner(field(addr, "sin_addr="), "inet_addr(\"");
        if (!ip.isEmpty())
            return ip.toByteArray() + ':' + port(field(addr, "sin_port="));
    } else if (family == "AF_INET6") {
        // strace 5/6: inet_pton(AF_INET6, "::1", &sin6_addr); older: sin6_addr="::1".
        QByteArrayView ip = inner(addr, "inet_pton(AF_INET6, \"");
        if (ip.isEmpty())
            ip = inner(field(addr, "sin6_addr="), "\"");
        if (!ip.isEmpty())
            return '[' + ip.toByteArray() + "]:" + port(field(addr, "sin6_port="));
    } else if (family == "AF_UNIX") {
        const QByteArrayView p = field(addr, "sun_path=");
        if (p.startsWith("@"))
            return p.sliced(0, qMin(p.size(), kMaxPathBytes)).toByteArray().replace('"', "");
        return stringArgument(p);
    }
    return family.toByteArray();
}

// [3, 4] -> 3 and 4.
bool fdPair(QByteArrayView a, qint64 &first, qint64 &second)
{
    if (!a.startsWith('['))
        return false;
    qsizetype used = 0;
    if (!leadingInt(a.sliced(1), first, &used))
        return false;
    const qsizetype comma = a.indexOf(',', 1 + used);
    return comma > 0 && leadingInt(a.sliced(comma + 1), second);
}

}

StraceFdTracker::Table &StraceFdTracker::table(qint64 pid)
{
    auto it = m_tables.find(pid);
    if (it == m_tables.end())
        it = m_tables.insert(pid, std::make_shared<Table>());
    return **it;
}

void StraceFdTracker::inherit(qint64 parent, qint64 child, bool share)
{
    Table &from = table(parent);
    auto it = m_tables.find(child);
    if (share) {
        // The child may have run (and opened) before its parent's clone returned in the log.
        if (it != m_tables.end() && it->get() != &from)
            for (auto e = (*it)->cbegin(); e != (*it)->cend(); ++e)
                from.insert(e.key(), e.value());
        m_tables.insert(child, m_tables.value(parent));
        return;
    }
    if (it == m_tables.end()) {
        m_tables.insert(child, std::make_shared<Table>(from));
        return;
    }
    for (auto e = from.cbegin(); e != from.cend(); ++e)
        if (!(*it)->contains(e.key()))
            (*it)->insert(e.key(), e.value());
}

void StraceFdTracker::apply(StraceCall &c)
{
    if (m_decorated)
        return;
    if (c.fd >= 0) { // strace -y said it: nothing to follow
        m_decorated = true;
        m_tables.clear();
        return;
    }
    if (c.isSignal)
        return;
    const QByteArrayView name = c.name;
    Table &t = table(c.pid);
    qint64 fd = -1;
    if (firstArgIsFd(name) && leadingInt(argument(c.args, 0), fd)) {
        const auto it = t.constFind(fd);
        if (it != t.cend()) {
            m_current = *it;
            c.fd = fd;
            c.fdPath = m_current;
            c.fdInferred = true;
        }
    }
    const bool ok = !c.unfinished && c.retIsNumber && c.ret >= 0 && c.errnoName.isEmpty();
    auto set = [&](qint64 newFd, QByteArray what) {
        if (newFd < 0 || (t.size() >= kMaxFdsPerTable && !t.contains(newFd)))
            return;
        t.insert(newFd, std::move(what));
    };
    auto describeResult = [&](qint64 newFd) { // the call made newFd: show it on this row too
        if (c.fd >= 0 || !t.contains(newFd))
            return;
        m_current = t.value(newFd);
        c.fd = newFd;
        c.fdPath = m_current;
        c.fdInferred = true;
    };
    if (name == "close") {
        if (fd >= 0 && !c.unfinished)
            t.remove(fd);
        return;
    }
    if (!ok)
        return;
    if (name == "open" || name == "creat") {
        const QByteArray path = stringArgument(argument(c.args, 0));
        if (!path.isEmpty()) {
            set(c.ret, path);
            describeResult(c.ret);
        }
    } else if (name == "openat" || name == "openat2") {
        QByteArray path = stringArgument(argument(c.args, 1));
        if (path.isEmpty())
            return;
        if (!path.startsWith('/') && fd >= 0 && t.contains(fd)) // relative to a directory fd we know
            path = t.value(fd) + '/' + path;
        set(c.ret, path);
        // The row's fd is the directory's (as with -y); the new fd is in the table.
        if (c.fd < 0)
            describeResult(c.ret);
    } else if (name == "dup" || name == "dup2" || name == "dup3" || name == "fcntl" || name == "fcntl64") {
        if ((name.startsWith("fcntl") && !argument(c.args, 1).startsWith("F_DUPFD")) || fd < 0 || !t.contains(fd))
            return;
        set(c.ret, t.value(fd));
    } else if (name == "socket") {
        set(c.ret, "socket:[" + argument(c.args, 0).toByteArray() + ' ' + argument(c.args, 1).toByteArray() + ']');
        describeResult(c.ret);
    } else if (name == "connect" || name == "bind") {
        if (fd < 0)
            return;
        QByteArray base = t.value(fd, QByteArray("socket:[]"));
        if (base.endsWith(']'))
            base.chop(1);
        set(fd, base + (name == "connect" ? " -> " : " bound ") + endpoint(argument(c.args, 1)) + ']');
    } else if (name == "accept" || name == "accept4") {
        QByteArray from = endpoint(argument(c.args, 1));
        set(c.ret, "socket:[accepted" + (from.isEmpty() || from == "NULL" ? QByteArray() : " <- " + from) + ']');
    } else if (name == "pipe" || name == "pipe2") {
        qint64 r = -1, w = -1;
        if (fdPair(argument(c.args, 0), r, w)) {
            set(r, "pipe:[read end]");
            set(w, "pipe:[write end]");
        }
    } else if (name == "socketpair") {
        qint64 a = -1, b = -1;
        if (fdPair(argument(c.args, 3), a, b)) {
            const QByteArray what = "socket:[" + argument(c.args, 0).toByteArray() + " pair]";
            set(a, what);
            set(b, what);
        }
    } else if ((name == "clone" || name == "clone3" || name == "fork" || name == "vfork") && c.ret > 0) {
        inherit(c.pid, c.ret, c.args.contains(QByteArrayView("CLONE_FILES")));
    }
}
