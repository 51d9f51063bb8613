#include "HostCollectOptions.h"

namespace HostCollectOptions {

CollectorOptionSet declaration()
{
    using Type = CollectorOption::Type;
    return {
        {.name = QStringLiteral("sudo"), .type = Type::Flag, .label = QStringLiteral("Run collectors with raised privileges"),
         .help = QStringLiteral("Run the collectors on the host as root, through the become method (asks for its password when needed)."),
         .defaultValue = false},
        {.name = QStringLiteral("become-method"), .type = Type::Choice, .label = QStringLiteral("Become method"),
         .help = QStringLiteral("How to become root on the host with --sudo."), .valueName = QStringLiteral("METHOD"),
         .defaultValue = QStringLiteral("sudo"), .choices = {QStringLiteral("sudo"), QStringLiteral("su"), QStringLiteral("doas")},
         .enabledBy = QStringLiteral("sudo")},
    };
}

}
