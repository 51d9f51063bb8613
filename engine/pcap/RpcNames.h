#pragma once

#include <cstdint>

// Names of the ONC RPC programs and procedures Casebook decodes: portmapper /
// rpcbind (100000), NFS (100003, v2/v3 procedures, v4 COMPOUND operations),
// mountd (100005), nlockmgr (100021), status (100024). Unknown numbers give
// nullptr.
namespace RpcNames {
const char *program(uint32_t program);
const char *procedure(uint32_t program, uint32_t version, uint32_t procedure);
const char *nfs4Operation(uint32_t op);
const char *acceptStatus(uint32_t status); // success, prog_unavail...
}
