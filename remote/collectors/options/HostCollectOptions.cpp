#include "HostCollectOptions.h"

#include <QCoreApplication>

namespace HostCollectOptions {

CollectorOptionSet declaration()
{
    using Type = CollectorOption::Type;
    return {
        {.name = QStringLiteral("sudo"), .type = Type::Flag, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Run collectors with raised privileges")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Run the collectors on the host as root, through the become method (asks for its password when needed).")),
         .defaultValue = false},
        {.name = QStringLiteral("become-method"), .type = Type::Choice, .label = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "Become method")),
         .help = QStringLiteral(QT_TRANSLATE_NOOP("CollectorOption", "How to become root on the host with --sudo.")), .valueName = QStringLiteral("METHOD"),
         .defaultValue = QStringLiteral("sudo"), .choices = {QStringLiteral("sudo"), QStringLiteral("doas")},
         .enabledBy = QStringLiteral("sudo")},
    };
}

}
