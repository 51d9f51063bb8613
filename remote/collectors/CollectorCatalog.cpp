#include "CollectorCatalog.h"
#include "pcap/TcpdumpCollector.h"
#include "strace/StraceCollector.h"
#include "procfs/ProcfsCollectorFactory.h"
#include "file/FileCollectorFactory.h"

// Each area declares its factory function in its own header.

namespace CollectorCatalog {

QList<CollectorFactory> all()
{
    QList<CollectorFactory> list;
    // list.append(procfsCollectorFactory()); etc., one line per collector.
    list.append(straceCollectorFactory());
    list.append(procfsCollectorFactory());
    list.append(kernelLogCollectorFactory());
    list.append(tcpdumpCollectorFactory());
    list.append(fileCollectorFactory());
    return list;
}

}
