#pragma once

#include <QStringList>

// Host names the Collect dialog offers: 'local', the concrete Host entries of
// ~/.ssh/config (and /etc/ssh/ssh_config), and hosts collected from before
// (QSettings).
namespace HostHistory {
QStringList suggestions();
void remember(const QStringList &hosts);
}
