#include "RpcNames.h"

#include <cstddef>


namespace {
template <size_t N>
const char *pick(const char *const (&names)[N], uint32_t i)
{
    return i < N ? names[i] : nullptr;
}

const char *const kPmap2[] = {"NULL", "SET", "UNSET", "GETPORT", "DUMP", "CALLIT"};
const char *const kRpcb[] = {"NULL", "SET", "UNSET", "GETADDR", "DUMP", "CALLIT", "GETTIME", "UADDR2TADDR",
                             "TADDR2UADDR", "GETVERSADDR", "INDIRECT", "GETADDRLIST", "GETSTAT"};
const char *const kNfs2[] = {"NULL", "GETATTR", "SETATTR", "ROOT", "LOOKUP", "READLINK", "READ", "WRITECACHE", "WRITE",
                             "CREATE", "REMOVE", "RENAME", "LINK", "SYMLINK", "MKDIR", "RMDIR", "READDIR", "STATFS"};
const char *const kNfs3[] = {"NULL", "GETATTR", "SETATTR", "LOOKUP", "ACCESS", "READLINK", "READ", "WRITE",
                             "CREATE", "MKDIR", "SYMLINK", "MKNOD", "REMOVE", "RMDIR", "RENAME", "LINK", "READDIR",
                             "READDIRPLUS", "FSSTAT", "FSINFO", "PATHCONF", "COMMIT"};
const char *const kNfs4[] = {"NULL", "COMPOUND"};
const char *const kMount[] = {"NULL", "MNT", "DUMP", "UMNT", "UMNTALL", "EXPORT"};
const char *const kNlm[] = {"NULL", "TEST", "LOCK", "CANCEL", "UNLOCK", "GRANTED", "TEST_MSG", "LOCK_MSG",
                            "CANCEL_MSG", "UNLOCK_MSG", "GRANTED_MSG", "TEST_RES", "LOCK_RES", "CANCEL_RES",
                            "UNLOCK_RES", "GRANTED_RES", "SM_NOTIFY", nullptr, nullptr, nullptr, "SHARE", "UNSHARE",
                            "NM_LOCK", "FREE_ALL"};
const char *const kStatus[] = {"NULL", "STAT", "MON", "UNMON", "UNMON_ALL", "SIMU_CRASH", "NOTIFY"};
const char *const kNfs4Ops[] = {
    nullptr, nullptr, nullptr, "ACCESS", "CLOSE", "COMMIT", "CREATE", "DELEGPURGE", "DELEGRETURN", "GETATTR",
    "GETFH", "LINK", "LOCK", "LOCKT", "LOCKU", "LOOKUP", "LOOKUPP", "NVERIFY", "OPEN", "OPENATTR", "OPEN_CONFIRM",
    "OPEN_DOWNGRADE", "PUTFH", "PUTPUBFH", "PUTROOTFH", "READ", "READDIR", "READLINK", "REMOVE", "RENAME", "RENEW",
    "RESTOREFH", "SAVEFH", "SECINFO", "SETATTR", "SETCLIENTID", "SETCLIENTID_CONFIRM", "VERIFY", "WRITE",
    "RELEASE_LOCKOWNER", "BACKCHANNEL_CTL", "BIND_CONN_TO_SESSION", "EXCHANGE_ID", "CREATE_SESSION",
    "DESTROY_SESSION", "FREE_STATEID", "GET_DIR_DELEGATION", "GETDEVICEINFO", "GETDEVICELIST", "LAYOUTCOMMIT",
    "LAYOUTGET", "LAYOUTRETURN", "SECINFO_NO_NAME", "SEQUENCE", "SET_SSV", "TEST_STATEID", "WANT_DELEGATION",
    "DESTROY_CLIENTID", "RECLAIM_COMPLETE", "ALLOCATE", "COPY", "COPY_NOTIFY", "DEALLOCATE", "IO_ADVISE",
    "LAYOUTERROR", "LAYOUTSTATS", "OFFLOAD_CANCEL", "OFFLOAD_STATUS", "READ_PLUS", "SEEK", "WRITE_SAME", "CLONE"};
const char *const kAccept[] = {"success", "prog_unavail", "prog_mismatch", "proc_unavail", "garbage_args",
                               "system_err"};
}

namespace RpcNames {

const char *program(uint32_t p)
{
    switch (p) {
    case 100000: return "portmapper";
    case 100003: return "nfs";
    case 100005: return "mountd";
    case 100021: return "nlockmgr";
    case 100024: return "status";
    case 100011: return "rquotad";
    case 100227: return "nfs_acl";
    case 100004: return "ypserv";
    case 100007: return "ypbind";
    default: return nullptr;
    }
}

const char *procedure(uint32_t p, uint32_t v, uint32_t proc)
{
    switch (p) {
    case 100000: return v <= 2 ? pick(kPmap2, proc) : pick(kRpcb, proc);
    case 100003: return v == 2 ? pick(kNfs2, proc) : v == 3 ? pick(kNfs3, proc) : v == 4 ? pick(kNfs4, proc) : nullptr;
    case 100005: return pick(kMount, proc);
    case 100021: return pick(kNlm, proc);
    case 100024: return pick(kStatus, proc);
    default: return proc == 0 ? "NULL" : nullptr;
    }
}

const char *nfs4Operation(uint32_t op)
{
    if (op == 10044)
        return "ILLEGAL";
    return pick(kNfs4Ops, op);
}

const char *acceptStatus(uint32_t s)
{
    return pick(kAccept, s);
}

}
